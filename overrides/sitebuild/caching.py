"""How long browsers may keep each file of the built site. Plain functions.

Files whose name changes whenever their content does (the runtime and the
widget code under assets/versioned/, Material's own hashed bundle and
stylesheets) may be kept for a year and never asked for again. Pages, the
service worker and the web app manifest must be asked for again each time
(no-cache: the browser revalidates, a cheap 304 when nothing changed), so a
new build reaches visitors at once. Everything else keeps the host's default
(Netlify and Cloudflare Pages revalidate every time).

The rules go into site/_headers (security.headers_file) and the README's
nginx snippet says the same.
"""

import re
from pathlib import Path

from sitebuild.runtime_files import VERSIONED

NO_CACHE = "no-cache"
IMMUTABLE = "public, max-age=31536000, immutable"
SERVICE_WORKER = "sw.js"
MANIFEST = "manifest.webmanifest"
# Material names its bundle, search worker and stylesheets after their hash.
HASHED_NAME = re.compile(r"\.[0-9a-f]{8}\.min\.(?:js|css)$")


def is_immutable(relative):
    """Whether a file (path relative to the site root) is named after its content."""
    return relative.startswith(VERSIONED + "/") or bool(HASHED_NAME.search(relative))


def file_rules(site):
    """[(path pattern, Cache-Control)] for the files that are not pages.

    One rule per path, never overlapping, since hosts that read _headers send
    every matching rule's headers: pages get theirs with their policy.
    """
    rules = [("/" + SERVICE_WORKER, NO_CACHE), ("/" + MANIFEST, NO_CACHE), ("/" + VERSIONED + "/*", IMMUTABLE)]
    for path in sorted(Path(site).rglob("*")):
        relative = path.relative_to(site).as_posix()
        if path.is_file() and HASHED_NAME.search(relative) and not relative.startswith(VERSIONED + "/"):
            rules.append(("/" + relative, IMMUTABLE))
    return rules
