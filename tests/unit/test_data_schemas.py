"""The data files fit their JSON Schemas (schemas/, checked with jsonschema).

The schemas hold the structural half of the data tests: which fields each
record has and of what type, ids as plain words, hrefs as the guide's pages,
no unknown field. The tests of meaning (every level reachable, no question
asked in the negative, the words plain...) stay beside each widget's tests.

Tested here:
- every schema is a valid 2020-12 schema, and every data file of the
  package has one (a new data file needs its schema) and fits it;
- each schema refuses a file with a mistake a hand edit could make;
- every language overlay (<stem>.<language>.json) present is its data
  file's shape with strings only, and the data file with its strings put
  in still fits the schema; the overlay check itself on made-up overlays.
"""

import copy
import json

import pytest

from tests.support import data_schemas
from tests.unit import spanish_data

FILES = data_schemas.data_files()


def load(relative):
    return json.loads((data_schemas.PACKAGE / relative).read_text(encoding="utf-8"))


@pytest.mark.parametrize("relative", FILES)
def test_every_data_file_has_a_schema_and_fits_it(relative):
    assert data_schemas.schema_path(relative).is_file(), f"{relative} has no schema in schemas/"
    assert data_schemas.problems(relative, load(relative)) == []


def test_every_schema_describes_a_data_file():
    """No schema is left behind when its file goes."""
    described = {data_schemas.schema_path(relative) for relative in FILES}
    assert sorted(data_schemas.SCHEMAS.rglob("*.schema.json")) == sorted(described)


def _set(path, value):
    def change(data):
        target = data
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value
    return change


def _add(path, key, value):
    def change(data):
        target = data
        for step in path:
            target = target[step]
        target[key] = value
    return change


MISTAKES = [
    ("screener/questions.json", _set(["questions", 0, "id"], "Emergency Now"), "id with capitals and a space"),
    ("screener/questions.json", _add(["questions", 0], "extra", "x"), "unknown field"),
    ("screener/questions.json", _set(["questions", 0, "leads_to", "yes"], 3), "a level that is no id"),
    ("screener/questions.json", _set(["levels", 1, "next_steps", 0, "href"], "https://example.org/"),
     "a link off the guide"),
    ("screener/questions.json", _set(["notes", 0, "when", 0], ["doctor_suggested"]), "a condition with no answer"),
    ("checklist/items.json", _set(["items", 0, "kind"], "chore"), "an unknown kind"),
    ("checklist/items.json", _set(["items", 0, "core"], "yes"), "core as text"),
    ("checklist/items.json", _add(["items", 0], "note", "x"), "unknown field"),
    ("checklist/items.json", _set(["items", 0, "when"], [["medicare"]]), "a condition with no answer"),
    ("letter/letter.json", _set(["version"], "1"), "version as text"),
    ("worksheet/worksheet.json", _add(["rows", 0], "extra", 1), "unknown field"),
    ("figures.json", _set(["figures", "part_b_deductible", "year"], "2026"), "year as text"),
    ("words.json", _set(["months"], "January"), "months as one string"),
    ("checklist/saved.json", _set(["words", "problems", "markup"], ["only one"]), "a problem with no plural"),
    ("pages.json", _set(["titles", "pathology"], "Pathology"), "an address with no slash"),
]


@pytest.mark.parametrize("relative, change, mistake", MISTAKES, ids=[m for _, _, m in MISTAKES])
def test_a_schema_refuses_a_mistake(relative, change, mistake):
    data = copy.deepcopy(load(relative))
    change(data)
    assert data_schemas.problems(relative, data), mistake


@pytest.mark.parametrize("overlay, base", data_schemas.overlays() or [pytest.param(None, None, marks=pytest.mark.skip(
    reason="no language overlay (<stem>.<language>.json) in the package yet"))])
def test_every_overlay_has_its_files_shape_with_strings_only(overlay, base):
    words = load(overlay)
    overlays = [words]
    if base == spanish_data.LETTER:
        # The letter's own Spanish text is an overlay of letter.json too; the
        # words only a Spanish page shows are strings the English file lacks.
        overlays.append(words.pop(spanish_data.LETTER_BODY))
        alongside = words.pop(spanish_data.LETTER_ALONGSIDE)
        assert _leaves(alongside) and all(isinstance(leaf, str) for leaf in _leaves(alongside))
    for one in overlays:
        assert data_schemas.overlay_problems(load(base), one) == []
        assert data_schemas.problems(base, data_schemas.with_overlay(load(base), one)) == []


def _leaves(data):
    if isinstance(data, dict):
        return [leaf for value in data.values() for leaf in _leaves(value)]
    if isinstance(data, list):
        return [leaf for value in data for leaf in _leaves(value)]
    return [data]


def test_the_overlay_check():
    base = {"version": 1, "levels": [{"id": "a", "title": "Go now", "urgent": True}], "words": {"hi": "Hello"}}
    good = {"levels": [{"id": "a", "title": "Vaya ya"}], "words": {"hi": "Hola"}}
    assert data_schemas.overlay_problems(base, good) == []
    assert data_schemas.with_overlay(base, good) == {
        "version": 1, "levels": [{"id": "a", "title": "Vaya ya", "urgent": True}], "words": {"hi": "Hola"}}
    assert data_schemas.overlay_problems(base, {"version": 2}) == [
        "/version: ids, links and rules are the same in every language"]
    assert data_schemas.overlay_problems(base, {"levels": [{"id": "b"}]}) == [
        "/levels/0/id: ids, links and rules are the same in every language"]
    assert data_schemas.overlay_problems(base, {"levels": [{"id": "a", "urgent": "no"}]}) == [
        "/levels/0/urgent: a string where the data has bool"]
    assert data_schemas.overlay_problems(base, {"words": {"bye": "Adiós"}}) == ["/words/bye: not in the data file"]
    # Lists of objects are matched by id (an overlay may leave one out: the
    # Spanish tests name every English string with no Spanish); other lists
    # by position, so they must be as long as the data's.
    assert data_schemas.overlay_problems(base, {"levels": []}) == []
    assert data_schemas.overlay_problems({"months": ["Jan", "Feb"]}, {"months": ["Ene"]}) == [
        "/months: 1 entries where the data has 2"]


def test_a_real_file_with_a_made_up_overlay_still_fits():
    """The words of a data file put in another language fit its schema; an
    id put in another language is refused, by the overlay check and by the
    schema."""
    base = load("checklist/items.json")
    overlay = {"words": {key: "Palabras" for key, value in base["words"].items() if isinstance(value, str)}}
    assert data_schemas.problems("checklist/items.json", data_schemas.with_overlay(base, overlay)) == []
    renamed = {"items": [{"id": "Pedir registros"}] + [{} for _ in base["items"][1:]]}
    assert data_schemas.overlay_problems(base, renamed)
    # Laid over as the widgets do (by id), a made-up id changes nothing.
    assert data_schemas.with_overlay(base, renamed) == base
