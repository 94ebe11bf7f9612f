"""Unit tests for the build's language helpers.

- sitebuild/languages.py: Rounds says when the outermost of nested builds
  (one per language) starts and ends; the site's, build's and page's language.
- sitebuild/language_words.py: an overlay's words laid over the English
  file's, key by key, never adding structure; the review date per language.
- sitebuild/offline.py: search_files, the search files a language needs.
"""

import datetime
import json
from types import SimpleNamespace

from sitebuild import language_words, languages, offline


def test_rounds_end_once_every_language_is_built():
    rounds = languages.Rounds()
    assert rounds.under_way() is False  # English's on_config
    assert rounds.begin() is True  # English
    assert rounds.under_way() is True  # Spanish's on_config, inside English's end
    assert rounds.begin() is False  # Spanish
    assert rounds.end() is False
    assert rounds.end() is True
    assert rounds.under_way() is False  # the next build's on_config (mkdocs serve)
    assert rounds.begin() is True
    rounds.reset()
    assert rounds.under_way() is False
    assert rounds.begin() is True


def _config(languages_config, theme_language="en", search=("en", "es")):
    plugins = {"material/search": SimpleNamespace(config=SimpleNamespace(lang=list(search)))}
    if languages_config is not None:
        plugins["i18n"] = SimpleNamespace(config=SimpleNamespace(languages=[
            SimpleNamespace(locale=locale, default=default, build=build) for locale, default, build in languages_config
        ]))
    return {"plugins": plugins, "theme": {"language": theme_language}}


def test_site_build_and_page_languages():
    config = _config([("es", False, True), ("en", True, True), ("fr", False, False)], theme_language="es")
    assert languages.site_languages(config) == ["en", "es"]
    assert languages.default_language(config) == "en"
    assert languages.build_language(config) == "es"
    assert languages.page_language(SimpleNamespace(file=SimpleNamespace(locale="en")), config) == "en"
    assert languages.page_language(SimpleNamespace(file=SimpleNamespace()), config) == "es"
    assert languages.search_languages(config) == ["en", "es"]
    assert languages.site_languages(_config(None)) == ["en"]


def test_words_in_a_language(tmp_path):
    base = {"note": {"a": "Hello", "b": "Bye"}, "months": ["January"], "count": 2}
    (tmp_path / "w.json").write_text(json.dumps(base), encoding="utf-8")
    (tmp_path / "w.es.json").write_text(
        json.dumps({"note": {"a": "Hola", "extra": "no"}, "months": ["enero"], "count": 3}), encoding="utf-8"
    )
    assert language_words.read(tmp_path / "w.json", "en") == base
    assert language_words.read(tmp_path / "w.json", "es") == {
        "note": {"a": "Hola", "b": "Bye"}, "months": ["enero"], "count": 2,
    }
    assert language_words.read(tmp_path / "w.json", "fr") == base  # no overlay: English


def test_review_date_in_each_language():
    day = datetime.date(2026, 11, 21)
    english = language_words.read(language_words.TEMPLATE_WORDS, "en")
    spanish = language_words.read(language_words.TEMPLATE_WORDS, "es")
    assert language_words.review_date(day, english) == "November 21, 2026"
    assert language_words.review_date("2026-11-21", spanish) == "21 de noviembre de 2026"


def test_template_overlay_has_no_key_the_english_lacks():
    """Every key of template.es.json is one of template.json's (else it would be ignored)."""

    def keys(data, prefix=""):
        found = set()
        for key, value in data.items():
            found.add(prefix + key)
            if isinstance(value, dict):
                found |= keys(value, prefix + key + ".")
        return found

    english = json.loads(language_words.TEMPLATE_WORDS.read_text(encoding="utf-8"))
    spanish = json.loads(language_words.overlay_path(language_words.TEMPLATE_WORDS, "es").read_text(encoding="utf-8"))
    assert keys(spanish) <= keys(english)


def test_search_files_for_the_site_languages():
    assert offline.search_files(["en"]) == set()
    assert offline.search_files(["en", "es"]) == {
        "assets/javascripts/lunr/min/lunr.es.min.js",
        "assets/javascripts/lunr/min/lunr.multi.min.js",
        "assets/javascripts/lunr/min/lunr.stemmer.support.min.js",
    }
    assert "assets/javascripts/lunr/tinyseg.js" in offline.search_files(["en", "ja"])
