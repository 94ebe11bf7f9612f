"""The Content-Security-Policy of every page (an MkDocs hook; the work is in
overrides/sitebuild/security.py).

Listed last in mkdocs.yml's hooks, so the inline scripts it hashes are the
page's final ones. Writes site/_headers once every language is built (the
i18n plugin builds once per language: sitebuild/languages.py), with each
page's policy in every language and how long browsers may keep each file
(sitebuild/caching.py). Under `mkdocs serve` the
policy allows inline scripts, so that its live-reload script runs.
"""

import logging
import sys
from pathlib import Path

from mkdocs.plugins import event_priority

OVERRIDES = Path(__file__).resolve().parents[1]
if str(OVERRIDES) not in sys.path:
    sys.path.insert(0, str(OVERRIDES))

from sitebuild import caching, languages, security  # noqa: E402  (in overrides/, via the path above)

log = logging.getLogger("mkdocs.hooks.security")

# Page url -> its policy, gathered during one build for the _headers file.
_policies = {}
_serving = {"live_reload": False}
_rounds = languages.Rounds()


def on_startup(command, dirty):
    _serving["live_reload"] = command == "serve"
    if _serving["live_reload"]:
        log.info("mkdocs serve: the policy allows inline scripts (for live reload); `make build` hashes them")


def on_pre_build(config):
    if _rounds.begin():
        _policies.clear()


def on_build_error(error):
    _rounds.reset()


def on_post_page(output, page, config):
    output, _policies[page.url] = security.secure_page(
        output, widget=bool(page.meta.get("widget")), live_reload=_serving["live_reload"]
    )
    return output


def on_post_template(output_content, template_name, config):
    """Theme pages that are not built from docs/ (404.html). MkDocs writes
    them at the site's root in every language's build: another language's
    is written to its own folder here (es/404.html), the root's left alone."""
    if not template_name.endswith(".html") or not output_content.strip():
        return output_content
    language = languages.build_language(config)
    folder = "" if language == languages.default_language(config) else language + "/"
    output_content, _policies[folder + template_name] = security.secure_page(
        output_content, widget=False, live_reload=_serving["live_reload"]
    )
    if folder:
        path = Path(config["site_dir"]) / folder / template_name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(output_content, encoding="utf-8")
        return ""  # MkDocs writes no file for an empty page
    return output_content


@event_priority(languages.AFTER_EVERY_LANGUAGE)
def on_post_build(config):
    if not _rounds.end():
        return
    site = Path(config["site_dir"])
    text = security.headers_file(_policies, caching.file_rules(site), caching.NO_CACHE)
    (site / "_headers").write_text(text, encoding="utf-8")
