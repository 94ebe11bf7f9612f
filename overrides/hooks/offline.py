"""The guide offline (an MkDocs hook; the work is in overrides/sitebuild/offline.py).

- Gives the template the words the page says when the guide is ready to use
  without the internet (pyscript/sog/words.json, "offline"), in the page's
  language (words.es.json beside it, when written).
- Keeps build-time sources in the theme folder (sitebuild/, hooks/, words/)
  out of the site: MkDocs would otherwise copy the service worker's
  template and the templates' words.
- Writes site/sw.js once every other file is in place, in every language
  (after the i18n plugin's last language: sitebuild/languages.py; listed
  after widgets.py in mkdocs.yml, so the runtime files are copied), and says
  which files are too large to fetch ahead (Pyodide's).
"""

import logging
import sys
from pathlib import Path

from mkdocs.plugins import event_priority

OVERRIDES = Path(__file__).resolve().parents[1]
if str(OVERRIDES) not in sys.path:
    sys.path.insert(0, str(OVERRIDES))

from sitebuild import language_words, languages, offline  # noqa: E402  (in overrides/, via the path above)

log = logging.getLogger("mkdocs.hooks.offline")
WORDS = OVERRIDES.parent / "pyscript" / "sog" / "words.json"
_rounds = languages.Rounds()


# After the i18n plugin's on_config, which sets the build's language: its
# overlay (words.es.json) gives the words in that language.
@event_priority(languages.AFTER_EVERY_LANGUAGE)
def on_config(config):
    config["extra"]["offline"] = language_words.read(WORDS, languages.build_language(config))["offline"]
    return config


def on_files(files, config):
    for file in list(files):
        if file.src_uri.split("/")[0] in ("sitebuild", "hooks", "words") and not file.is_documentation_page():
            files.remove(file)
    return files


def on_pre_build(config):
    _rounds.begin()


def on_build_error(error):
    _rounds.reset()


@event_priority(languages.AFTER_EVERY_LANGUAGE)
def on_post_build(config):
    if not _rounds.end():
        return
    build, files, large = offline.write_worker(
        Path(config["site_dir"]), languages.search_languages(config), languages.site_languages(config)
    )
    log.info(f"Offline: sw.js keeps {len(files)} files for build {build}")
    if large:
        log.info(f"Offline: not fetched ahead (too large; kept once used): {', '.join(large)}")
