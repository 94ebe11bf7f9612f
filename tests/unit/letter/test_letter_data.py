"""Unit tests for the letter's data file, pyscript/sog/letter/letter.json.

Tested here:
- it names every record item of the checklist (items.json) as a letter would,
  and only those; slides and blocks are record items with their own names.
- its forms, destinations, agreements and the doctor's forms are state.py's
  ids, its field words cover state.py's fields, and every sentence has the
  placeholders the code fills.
- scans and x-rays are record items.
- every sentence it holds, including those only the browser shows (form
  labels, hints, notices), reads at about 8th grade or easier and copies no
  run of 8 words from the source articles, by the same measures the content
  tests use on the built pages.
"""

import re

import pytest
import textstat
from sog.checklist import items
from sog.letter import render_form, state

from tests.content.reading_grades import sentence_text
from tests.content.test_originality import copied_runs, runs, source_files, words
from tests.content.test_reading_grade import MAX_GRADE


def test_every_record_item_has_a_letter_phrase(data, checklist_data):
    assert set(data["record_phrases"]) == set(items.ids_of_kind(checklist_data, "record"))
    for phrase in data["record_phrases"].values():
        assert phrase.strip() == phrase and phrase[0].isupper()


def test_slides_and_blocks_are_records_with_names(data, checklist_data):
    records = items.ids_of_kind(checklist_data, "record")
    assert data["specimens"] and set(data["specimens"]) <= set(records)
    assert data["specimens"] == [item_id for item_id in records if item_id in data["specimens"]]
    assert set(data["specimen_names"]) == set(data["specimens"])


def test_choices_are_the_saved_formats_ids(data):
    assert tuple(entry["id"] for entry in data["forms"]) == state.FORMS
    assert tuple(entry["id"] for entry in data["destinations"]) == state.DESTINATIONS
    assert tuple(entry["id"] for entry in data["agree"]) == state.AGREE
    assert tuple(entry["id"] for entry in data["doctor_forms"]) == state.DOCTOR_FORMS
    for entry in data["forms"] + data["destinations"] + data["doctor_forms"]:
        assert entry["label"] and entry["letter"]
    for entry in data["agree"] + data["destinations"]:
        assert entry["label"] and entry["hint"]


def test_image_records_are_record_items(data, checklist_data):
    assert data["image_records"] and set(data["image_records"]) <= set(items.ids_of_kind(checklist_data, "record"))


def test_field_words_cover_the_fields(data):
    words = data["words"]
    assert set(words["labels"]) == set(state.FIELDS)
    assert set(words["hints"]) <= set(state.FIELDS)
    used = {field for _, fields in render_form.GROUPS for field in fields}
    used |= set(render_form.DOCTOR_FIELDS) | set(render_form.SLIDES_FIELDS)
    used |= {"other_records", "dates_from", "dates_to", "visit_date", "cost_limit", "date"}
    assert used == set(state.FIELDS), "the form draws every field once"
    assert set(words["groups"]) == {"you", "office", "records", "send_to", "cost", "slides", "date"}


PLACEHOLDERS = [
    (("letter", "dates"), {"{from}", "{to}"}),
    (("letter", "visit"), {"{visit}"}),
    (("letter", "cost"), {"{limit}"}),
    (("auth", "what"), {"{from}", "{to}"}),
    (("letter", "specimens"), {"{specimens}"}),
    (("slides", "title"), {"{specimens}"}),
    (("words", "more_records"), {"{n}"}),
]


@pytest.mark.parametrize("path, expected", PLACEHOLDERS, ids=[".".join(path) for path, _ in PLACEHOLDERS])
def test_sentences_have_the_placeholders_the_code_fills(data, path, expected):
    assert set(re.findall(r"\{[a-z]+\}", data[path[0]][path[1]])) == expected


def test_counts_have_one_and_many(data):
    one, many = data["words"]["records_count"]
    assert "{n}" not in one and "{n}" in many


def sentences(value):
    """Every visitor-facing string in a part of letter.json."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [text for entry in value for text in sentences(entry)]
    if isinstance(value, dict):
        return [text for key in value if key not in ("id",) for text in sentences(value[key])]
    return []


def all_sentences(data):
    found = []
    for key in ("record_phrases", "specimen_names", "forms", "destinations", "agree", "doctor_forms", "letter", "auth",
                "slides", "phone_scripts", "words"):
        found += sentences(data[key])
    return [text for text in found if text.strip()]


def test_every_sentence_reads_at_about_8th_grade(data):
    grade = textstat.flesch_kincaid_grade(sentence_text(all_sentences(data)))
    print(f"letter.json: Flesch-Kincaid grade {grade}")
    assert grade <= MAX_GRADE


def test_no_sentence_copies_the_sources(data, shared_sources):
    index = {}
    for path in source_files(shared_sources):
        for run in runs(words(path.read_text(encoding="utf-8", errors="replace"))):
            index.setdefault(run, set()).add(path.name)
    copied = []
    for text in all_sentences(data):
        copied += copied_runs(words(text), index)
    assert not copied, copied
