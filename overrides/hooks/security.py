"""The Content-Security-Policy of every page (an MkDocs hook; the work is in
overrides/sitebuild/security.py).

Listed last in mkdocs.yml's hooks, so the inline scripts it hashes are the
page's final ones. Writes site/_headers after the build. Under `mkdocs serve`
the policy allows inline scripts, so that its live-reload script runs.
"""

import logging
import sys
from pathlib import Path

OVERRIDES = Path(__file__).resolve().parents[1]
if str(OVERRIDES) not in sys.path:
    sys.path.insert(0, str(OVERRIDES))

from sitebuild import security  # noqa: E402  (in overrides/, via the path above)

log = logging.getLogger("mkdocs.hooks.security")

# Page url -> its policy, gathered during one build for the _headers file.
_policies = {}
_serving = {"live_reload": False}


def on_startup(command, dirty):
    _serving["live_reload"] = command == "serve"
    if _serving["live_reload"]:
        log.info("mkdocs serve: the policy allows inline scripts (for live reload); `make build` hashes them")


def on_pre_build(config):
    _policies.clear()


def on_post_page(output, page, config):
    output, _policies[page.url] = security.secure_page(
        output, widget=bool(page.meta.get("widget")), live_reload=_serving["live_reload"]
    )
    return output


def on_post_template(output_content, template_name, config):
    """Theme pages that are not built from docs/ (404.html)."""
    if not template_name.endswith(".html"):
        return output_content
    output_content, _policies[template_name] = security.secure_page(
        output_content, widget=False, live_reload=_serving["live_reload"]
    )
    return output_content


def on_post_build(config):
    (Path(config["site_dir"]) / "_headers").write_text(security.headers_file(_policies), encoding="utf-8")
