"""Search in the page's language (an MkDocs hook; the work is in
overrides/sitebuild/search_index.py).

- Each page in another language than the default (and its 404 page) reads
  its own language's search index: Material's `base` points at /es/.
- Once every language is built (after the i18n plugin has merged the search
  index, before offline.py lists the files for sw.js), the merged index is
  split into one per language, each with its own stemmer and stop words.
"""

import logging
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

OVERRIDES = Path(__file__).resolve().parents[1]
if str(OVERRIDES) not in sys.path:
    sys.path.insert(0, str(OVERRIDES))

from sitebuild import languages, search_index  # noqa: E402  (in overrides/, via the path above)

log = logging.getLogger("mkdocs.hooks.search")
_rounds = languages.Rounds()
# Between the i18n plugin's end (-100, which merges the index) and offline.py's (sw.js).
AFTER_THE_MERGED_INDEX = -150


def _folder(language, config):
    return "" if language == languages.default_language(config) else language + "/"


def _based(output, folder, where):
    try:
        return search_index.language_base(output, folder)
    except search_index.SearchConfigChanged as error:
        raise PluginError(f"{where}: {error} (see overrides/sitebuild/search_index.py)") from error


def on_pre_build(config):
    _rounds.begin()


def on_build_error(error):
    _rounds.reset()


def on_post_page(output, page, config):
    return _based(output, _folder(languages.page_language(page, config), config), page.file.src_uri)


def on_post_template(output_content, template_name, config):
    """The 404 page of each language (theme.py keeps it for every language)."""
    if not template_name.endswith(".html") or not output_content.strip():
        return output_content
    return _based(output_content, _folder(languages.build_language(config), config), template_name)


@event_priority(AFTER_THE_MERGED_INDEX)
def on_post_build(config):
    if not _rounds.end():
        return
    counts = search_index.write_split(Path(config["site_dir"]), languages.site_languages(config))
    log.info("Search: one index per language: " + ", ".join(f"/{k}: {v} entries" for k, v in counts.items()))
