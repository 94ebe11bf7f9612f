"""Unit tests for sog/language.py: the page's language and the overlays.

Tested here: a language code comes down to its primary subtag (anything odd
is English); an overlay's file name; localise() lays strings over the
English data by key, by id (or value) and by position, never changes ids,
rules, numbers or structure, ignores what does not fit and changes neither
argument; words() lists what a visitor reads with a path to each;
datafiles.load() merges the overlay in Spanish, keeps English in English and
falls back to English when a page did not fetch the overlay.
"""

import json

import pytest
from sog import datafiles, language


@pytest.fixture
def spanish():
    """The widgets' data in Spanish for one test (English again after)."""
    language.use("es")
    yield
    language.use("en")


@pytest.mark.parametrize(
    "code, expected",
    [("es", "es"), ("es-US", "es"), ("ES", "es"), ("es_MX", "es"), (" en ", "en"), ("", "en"),
     (None, "en"), (3, "en"), ("x", "en"), ("12", "en"), ("<b>", "en"), ("spanish", "en")],
)
def test_normalise_keeps_the_primary_subtag(code, expected):
    assert language.normalise(code) == expected


def test_use_sets_and_returns_the_language():
    try:
        assert language.use("es-419") == "es"
        assert language.current() == "es"
        assert language.use("") == "en"
        assert language.current() == "en"
    finally:
        language.use("en")


@pytest.mark.parametrize(
    "relative, code, expected",
    [
        ("screener/questions.json", "es", "screener/questions.es.json"),
        ("sog/words.json", "es-US", "sog/words.es.json"),
        ("words.json", "en", None),
        ("words.json", "", None),
        ("widget.py", "es", None),
    ],
)
def test_overlay_name(relative, code, expected):
    assert language.overlay_name(relative, code) == expected


def test_cache_key_is_the_name_in_english_and_language_and_name_otherwise(spanish):
    assert language.cache_key("words.json") == ("es", "words.json")
    language.use("en")
    assert language.cache_key("words.json") == "words.json"


BASE = {
    "version": 3,
    "title": "Hello",
    "urgent": True,
    "levels": [
        {"id": "a", "title": "First", "urgent": True, "href": "x/", "steps": [{"text": "One"}, {"text": "Two"}]},
        {"id": "b", "title": "Second", "when": [["q", "yes"]]},
    ],
    "answers": [{"value": "yes", "label": "Yes"}, {"value": "no", "label": "No"}],
    "plural": ["1 thing", "{n} things"],
    "nested": {"deep": {"word": "Deep"}},
}


def test_localise_replaces_strings_by_key_id_value_and_position():
    overlay = {
        "title": "Hola",
        "levels": [
            {"id": "b", "title": "Segundo"},
            {"id": "a", "title": "Primero", "steps": [{"text": "Uno"}, {"text": "Dos"}]},
        ],
        "answers": [{"value": "no", "label": "No"}, {"value": "yes", "label": "Sí"}],
        "plural": ["1 cosa", "{n} cosas"],
        "nested": {"deep": {"word": "Hondo"}},
    }
    merged = language.localise(BASE, overlay)
    assert merged == {
        "version": 3,
        "title": "Hola",
        "urgent": True,
        "levels": [
            {"id": "a", "title": "Primero", "urgent": True, "href": "x/",
             "steps": [{"text": "Uno"}, {"text": "Dos"}]},
            {"id": "b", "title": "Segundo", "when": [["q", "yes"]]},
        ],
        "answers": [{"value": "yes", "label": "Sí"}, {"value": "no", "label": "No"}],
        "plural": ["1 cosa", "{n} cosas"],
        "nested": {"deep": {"word": "Hondo"}},
    }


def test_localise_keeps_the_english_where_the_overlay_says_nothing():
    merged = language.localise(BASE, {"levels": [{"id": "a"}], "plural": ["1 cosa"]})
    assert merged["title"] == "Hello"
    assert merged["levels"][0]["title"] == "First"
    assert merged["levels"][1]["title"] == "Second"
    assert merged["plural"] == ["1 cosa", "{n} things"]
    assert language.localise(BASE, {}) == BASE


def test_localise_never_changes_ids_rules_numbers_or_structure():
    """An overlay cannot move a decision: only strings that are words change."""
    overlay = {
        "version": 9,
        "urgent": False,
        "levels": [{"id": "a", "urgent": False, "href": "y/", "title": ["not", "a", "string"]},
                   {"id": "b", "when": [["q", "no"]]}],
        "answers": [{"value": "yes", "label": 5}],
        "extra": "unknown keys are ignored",
        "nested": "a string where a dict is",
        "plural": {"not": "a list"},
    }
    merged = language.localise(BASE, overlay)
    assert merged == BASE
    assert "extra" not in merged


def test_localise_matches_by_id_even_when_an_overlay_item_has_none():
    merged = language.localise(BASE, {"levels": [{"title": "No id"}, "junk", {"id": "b", "title": "Segundo"}]})
    assert [level["title"] for level in merged["levels"]] == ["First", "Segundo"]


def test_localise_changes_neither_argument():
    base = json.loads(json.dumps(BASE))
    overlay = {"title": "Hola", "levels": [{"id": "a", "title": "Primero"}]}
    kept = json.loads(json.dumps(overlay))
    merged = language.localise(base, overlay)
    merged["levels"][0]["steps"].append({"text": "Three"})
    merged["levels"][1]["when"][0][1] = "no"
    assert base == BASE
    assert overlay == kept


def test_identity_key():
    assert language.identity_key([{"id": "a"}, {"id": "b"}]) == "id"
    assert language.identity_key([{"value": "a", "label": "x"}]) == "value"
    assert language.identity_key([{"id": "a"}, {"text": "b"}]) is None
    assert language.identity_key(["a", "b"]) is None
    assert language.identity_key([]) is None


def test_words_lists_what_a_visitor_reads_with_its_path():
    found = dict(language.words(BASE))
    assert found == {
        ("title",): "Hello",
        ("levels", "id=a", "title"): "First",
        ("levels", "id=a", "steps", 0, "text"): "One",
        ("levels", "id=a", "steps", 1, "text"): "Two",
        ("levels", "id=b", "title"): "Second",
        ("answers", "value=yes", "label"): "Yes",
        ("answers", "value=no", "label"): "No",
        ("plural", 0): "1 thing",
        ("plural", 1): "{n} things",
        ("nested", "deep", "word"): "Deep",
    }


def test_datafiles_load_merges_the_overlay_in_spanish(spanish):
    words = datafiles.load("words.json")
    assert words["months"][0] == "enero"
    assert words["version"] == 1
    language.use("en")
    assert datafiles.load("words.json")["months"][0] == "January"


def test_datafiles_load_keeps_english_when_the_overlay_is_missing(spanish, monkeypatch):
    """A page that did not fetch the overlay still starts, in English."""
    monkeypatch.setattr(datafiles, "_cache", {})
    real_read = datafiles._read

    def no_overlays(relative):
        if ".es." in relative:
            raise OSError("not fetched")
        return real_read(relative)

    monkeypatch.setattr(datafiles, "_read", no_overlays)
    assert datafiles.load("words.json")["months"][0] == "January"
