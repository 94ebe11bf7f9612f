"""Spanish written for English that has changed since (issue 18).

tests/content/translations.lock holds a short hash of the English each Spanish
page, include and overlay key translates (tools/translations.py says how).
When an English page or string changes, this test names each Spanish page or
key to check; once the Spanish is checked (and mended),
`.venv/bin/python tools/translations.py --accept` rewrites the lock
(README, "Add a language": changing English text that has a Spanish twin).
"""

from tools import translations


def test_every_spanish_text_was_written_for_todays_english():
    found = translations.stale(translations.read_lock(), translations.current())
    assert not found, (
        "English changed after its Spanish was written; check the Spanish, then run "
        "`.venv/bin/python tools/translations.py --accept`:\n" + "\n".join(found)
    )


def test_a_changed_english_string_names_its_spanish_key():
    english = {"words": {"title": "Start", "hint": "Tap here"}, "items": [{"id": "fax", "text": "Fax it"}]}
    spanish = {"words": {"title": "Empezar"}, "items": [{"id": "fax", "text": "Envíelo por fax"}]}
    lock = {"x.es.json": translations.overlay_keys(spanish, english)}
    assert sorted(lock["x.es.json"]) == ["items.id=fax.text", "words.title"]
    # A string the overlay does not translate may change: nothing to check.
    english["words"]["hint"] = "Tap there"
    assert translations.stale(lock, {"x.es.json": translations.overlay_keys(spanish, english)}) == []
    english["items"][0]["text"] = "Fax it today"
    found = translations.stale(lock, {"x.es.json": translations.overlay_keys(spanish, english)})
    assert found == ["x.es.json: items.id=fax.text: its English changed since the Spanish was written"]


def test_a_changed_english_page_names_its_spanish_page():
    lock = {"docs/about.es.md": translations.short_hash("# About\n")}
    today = {"docs/about.es.md": translations.short_hash("# About us\n"), "docs/new.es.md": "abc"}
    assert translations.stale(lock, today) == [
        "docs/about.es.md: its English (docs/about.md) changed since the Spanish was written",
        "docs/new.es.md: new, its English not yet accepted",
    ]


def test_the_letter_body_is_checked_against_the_letter():
    english = {"text": {"greeting": "Dear office"}}
    spanish = {
        "text": {"greeting": "Estimada oficina"},
        "body": {"text": {"greeting": "Estimada oficina"}},
        "alongside": {"note": "Solo en español"},
    }
    keys = translations.overlay_keys(spanish, english, letter=True)
    assert keys == {
        "text.greeting": translations.short_hash("Dear office"),
        "body:text.greeting": translations.short_hash("Dear office"),
    }
