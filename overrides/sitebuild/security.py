"""The Content-Security-Policy and referrer policy of every built page.

Each page gets its policy as a <meta http-equiv> tag, written at build time
(works on any static host). The policy keeps every fetch on the site's own
origin and runs only the site's own script files plus the theme's few inline
scripts, allowed one by one by their SHA-256 hash. Pages that run a Python
widget also get 'wasm-unsafe-eval', which compiling the interpreter's
WebAssembly needs; no other page may compile WebAssembly.

Some protections only work as HTTP headers (frame-ancestors, for one), so
headers_file() writes them, with the same policy, for hosts that read a
`_headers` file (Netlify, Cloudflare Pages).
"""

import base64
import hashlib
import html
import re
from html.parser import HTMLParser

REFERRER_POLICY = "no-referrer"

# Every page. default-src 'self' covers what is not named; what no page
# needs is 'none', so a new kind of fetch has to be allowed on purpose.
PAGE_POLICY = (
    ("default-src", ("'self'",)),
    ("script-src", ("'self'",)),
    ("style-src", ("'self'",)),
    # Material's icons are SVG data: URLs in its stylesheet.
    ("img-src", ("'self'", "data:")),
    ("font-src", ("'none'",)),
    ("connect-src", ("'self'",)),
    ("worker-src", ("'self'",)),
    ("frame-src", ("'none'",)),
    ("media-src", ("'none'",)),
    ("manifest-src", ("'none'",)),
    ("object-src", ("'none'",)),
    ("base-uri", ("'self'",)),
    ("form-action", ("'none'",)),
)
# Only where a Python widget runs: the interpreter is WebAssembly.
WIDGET_SCRIPT_SOURCES = ("'wasm-unsafe-eval'",)
# Directives a <meta> policy cannot carry (browsers ignore them there).
HEADER_ONLY_POLICY = (("frame-ancestors", ("'none'",)),)

# Script types a browser runs; any other type (application/json) is data.
RUNNABLE_TYPES = frozenset({"", "module", "text/javascript", "application/javascript"})

# HTTP headers for every file of the site, besides the page policy.
COMMON_HEADERS = (
    ("Content-Security-Policy", "frame-ancestors 'none'"),
    ("X-Frame-Options", "DENY"),
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", REFERRER_POLICY),
    ("Cross-Origin-Opener-Policy", "same-origin"),
    ("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=()"),
)

CHARSET_META = re.compile(r"<meta charset=[\"']?utf-8[\"']?\s*/?>", re.IGNORECASE)


class _InlineScripts(HTMLParser):
    """Collects the text of every inline <script> a browser would run."""

    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.found = []
        self._current = None

    def handle_starttag(self, tag, attrs):
        if tag != "script":
            return
        attrs = dict(attrs)
        kind = (attrs.get("type") or "").strip().lower()
        if attrs.get("src") is None and kind in RUNNABLE_TYPES:
            self._current = []

    def handle_data(self, data):
        if self._current is not None:
            self._current.append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self._current is not None:
            self.found.append("".join(self._current))
            self._current = None


def inline_scripts(page_html):
    """The source of each inline script that runs, in page order."""
    parser = _InlineScripts()
    parser.feed(page_html)
    parser.close()
    return parser.found


def hash_source(script):
    """The CSP source that allows exactly this inline script."""
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def page_policy(page_html, widget, live_reload=False):
    """The policy for one page, as (directive, sources) pairs.

    widget: the page runs a Python widget (its front matter has `widget:`).
    live_reload: for `mkdocs serve` only, which adds an inline script to each
    page as it serves it (different every time, so it cannot be hashed): inline
    scripts are allowed instead of hashed. Never for a build that is deployed.
    """
    hashes = []
    for script in inline_scripts(page_html):
        source = hash_source(script)
        if source not in hashes:
            hashes.append(source)
    if live_reload:
        hashes = ["'unsafe-inline'"]
    policy = []
    for directive, sources in PAGE_POLICY:
        if directive == "script-src":
            sources = sources + tuple(hashes) + (WIDGET_SCRIPT_SOURCES if widget else ())
        policy.append((directive, sources))
    return tuple(policy)


def header_policy(policy):
    """The same policy as an HTTP header, with what only a header can say."""
    return tuple(policy) + HEADER_ONLY_POLICY


def serialize(policy):
    """(directive, sources) pairs -> "default-src 'self'; script-src ..."."""
    return "; ".join(" ".join((directive,) + tuple(sources)) for directive, sources in policy)


def _attribute(value):
    """value, escaped for a double-quoted attribute (its single quotes kept readable)."""
    return html.escape(value, quote=False).replace('"', "&quot;")


def add_policy_meta(page_html, policy):
    """The page with its policy and the referrer policy as <meta> tags, right
    after <meta charset>: a policy only governs what comes after it."""
    match = CHARSET_META.search(page_html)
    if match is None:
        raise ValueError("the page has no <meta charset=\"utf-8\"> to put the policy after")
    tags = (
        f'\n<meta http-equiv="Content-Security-Policy" content="{_attribute(serialize(policy))}">'
        f'\n<meta name="referrer" content="{REFERRER_POLICY}">'
    )
    return page_html[: match.end()] + tags + page_html[match.end() :]


def secure_page(page_html, widget, live_reload=False):
    """(page with its policy tags, the policy)."""
    policy = page_policy(page_html, widget, live_reload)
    return add_policy_meta(page_html, policy), policy


def page_paths(url):
    """The request paths one built page answers: "screener/" -> /screener/ and
    /screener/index.html; "" (home) -> / and /index.html; "404.html" as is."""
    if url.endswith(".html"):
        return ["/" + url]
    path = "/" + url
    return [path, path + "index.html"]


def headers_file(policies):
    """A `_headers` file (Netlify, Cloudflare Pages): COMMON_HEADERS for every
    file, and each page's own policy, as a header, for that page's paths.

    policies: {page url as MkDocs gives it ("", "screener/", "404.html"): policy}.
    Where several rules match, these hosts send every matching header; two
    Content-Security-Policy headers are both enforced, so the page policy and
    the site-wide frame-ancestors rule add up.
    """
    lines = [
        "# Written by `make build` (overrides/sitebuild/security.py); do not edit.",
        "/*",
    ]
    lines += [f"  {name}: {value}" for name, value in COMMON_HEADERS]
    for url in sorted(policies):
        value = serialize(header_policy(policies[url]))
        for path in page_paths(url):
            lines += ["", path, f"  Content-Security-Policy: {value}"]
    return "\n".join(lines) + "\n"
