"""Unit tests for sog/letter/view.py: what the letter shows.

Tested here:
- offered_records: the records the checklist shows for the same screener
  answers (through checklist.view), plus any already picked; the rest
  under "more".
- values: typed text wins; untyped fields follow the checklist's
  appointment (doctor, phone, visit date) or today's date; a field typed
  empty stays empty.
- letter_view and blank_view: records as the letter names them, own
  records one per line, slides and blocks apart, dates in words.
- images: asked for when a scan or x-ray record is picked, or when no record
  is listed (every one is then a box to tick).
- routes: the picked destinations, or both to tick; the authorization page
  only with copies to the doctor.
- format_date, iso_date, phrase, lines, specimen_names, dollars.
"""

import pytest
from sog.checklist import items
from sog.checklist import state as checklist_state
from sog.checklist import view as checklist_view
from sog.letter import state, view

from tests.support import examples, letter_examples

TODAY = "2027-03-05"


def records(checklist_data):
    return items.ids_of_kind(checklist_data, "record")


@pytest.mark.parametrize("name, answers", examples.ANSWER_SETS, ids=[name for name, _ in examples.ANSWER_SETS])
def test_offered_records_follow_the_checklist(checklist_data, name, answers):
    """Tailored as the checklist is: the records it shows come first, the rest under more."""
    checklist = checklist_state.new_state()
    shown = checklist_view.build(checklist_data, checklist, answers)["shown"]
    first, more = view.offered_records(checklist_data, checklist, answers, [])
    assert first == [item_id for item_id in records(checklist_data) if item_id in shown]
    assert more == [item_id for item_id in records(checklist_data) if item_id not in shown]


def test_a_biopsy_offers_slides_and_blocks(checklist_data):
    first, _ = view.offered_records(checklist_data, checklist_state.new_state(), {"biopsy": "yes", "breast": "yes"}, [])
    assert "pathology_slides" in first and "tissue_blocks" in first
    first, more = view.offered_records(checklist_data, checklist_state.new_state(), {"biopsy": "no"}, [])
    assert "pathology_slides" in more


def test_without_screener_answers_every_record_is_offered(checklist_data):
    """As on the checklist: nothing says a record is not needed."""
    first, more = view.offered_records(checklist_data, checklist_state.new_state(), {}, [])
    assert first == records(checklist_data) and more == []


def test_picked_and_started_records_stay_first(checklist_data):
    """A record picked in the letter, or tracked on the checklist, is offered first."""
    checklist = checklist_state.set_stage(checklist_data, checklist_state.new_state(), "imaging", "asked")
    first, more = view.offered_records(checklist_data, checklist, {"medicare": "no"}, ["mammograms"])
    assert "imaging" in first and "mammograms" in first
    for part in (first, more):
        assert part == [item_id for item_id in records(checklist_data) if item_id in part]
    assert sorted(first + more) == sorted(records(checklist_data))


def test_values_follow_the_checklist_until_typed(checklist_data):
    checklist = checklist_state.new_state()
    for field, value in (("doctor", "Dr. Lee"), ("phone", "555-0101"), ("date", "2027-04-01"),
                         ("companion", "Sam")):
        checklist = checklist_state.set_appointment(checklist, field, value)
    shown = view.values(state.new_state(), checklist, TODAY)
    assert (shown["doctor_name"], shown["doctor_phone"], shown["visit_date"], shown["date"]) == (
        "Dr. Lee", "555-0101", "2027-04-01", TODAY)
    assert set(shown) == set(state.FIELDS)
    assert all(shown[field] == "" for field in state.FIELDS if field not in view.PREFILL and field != "date")
    letter = state.set_field(state.new_state(), "doctor_name", "Dr. Ana Ruiz")
    letter = state.set_field(letter, "visit_date", "")
    letter = state.set_field(letter, "date", "")
    shown = view.values(letter, checklist, TODAY)
    assert (shown["doctor_name"], shown["doctor_phone"], shown["visit_date"], shown["date"]) == (
        "Dr. Ana Ruiz", "555-0101", "", "")


def test_values_without_a_checklist():
    assert view.values(state.new_state(), None, TODAY)["doctor_name"] == ""


def test_letter_view_of_a_filled_letter(data, checklist_data):
    letter = letter_examples.filled_letter(checklist_data)
    shown = view.letter_view(data, checklist_data, letter, view.values(letter, None, TODAY))
    assert shown["blank"] is False
    assert shown["records"] == [data["record_phrases"][item_id] for item_id in letter_examples.PAPERS] + [
        "Office visit notes from my oncologist, Dr. Alan Weiss",
        "Discharge summary from my hospital stay in March",
        "My medicine list from the pharmacy",
    ]
    assert shown["specimens"] == letter_examples.SPECIMENS
    assert shown["specimen_picked"] == [data["record_phrases"][item_id] for item_id in letter_examples.SPECIMENS]
    assert shown["forms"] == ["paper", "disc"] and shown["send_to"] == ["me", "doctor"]
    assert shown["agree"] == ["plain_email"] and shown["doctor_forms"] == ["electronic", "paper"]
    assert shown["images"] is True
    assert shown["fields"]["cost_limit"] == "25.50"
    assert shown["fields"]["visit_date"] == "April 12, 2027"
    assert shown["fields"]["date"] == "March 5, 2027"
    assert shown["fields"]["name"] == letter_examples.FILLED["name"]


def test_blank_view_offers_every_paper_record(data, checklist_data):
    shown = view.blank_view(data, checklist_data)
    assert shown["blank"] is True
    assert shown["records"] == [] and shown["specimens"] == []
    assert shown["record_choices"] == [
        data["record_phrases"][item_id] for item_id in records(checklist_data) if item_id not in data["specimens"]
    ]
    assert shown["specimen_choices"] == [data["record_phrases"][item_id] for item_id in data["specimens"]]
    assert set(shown["fields"].values()) == {""}
    assert shown["images"] is True
    assert view.routes(shown) == (["me", "doctor"], True)
    assert view.with_authorization(shown) is False


def test_phrase_falls_back_to_the_checklists_words(data, checklist_data):
    del data["record_phrases"]["imaging"]
    assert view.phrase(data, checklist_data, "imaging") == items.find_item(checklist_data, "imaging")["text"]
    assert view.phrase(data, checklist_data, "gone") == "gone"


@pytest.mark.parametrize(
    "text, expected",
    [("2027-03-05", "March 5, 2027"), ("2026-12-31", "December 31, 2026"), ("next Tuesday", "next Tuesday"),
     ("2027-13-01", "2027-13-01"), ("2027-00-10", "2027-00-10"), ("27-03-05", "27-03-05"), ("", ""),
     ("2027-3-x", "2027-3-x"), ("2027-03-32", "2027-03-32")],
)
def test_format_date(text, expected):
    assert view.format_date(text) == expected


def test_iso_date():
    assert view.iso_date(2027, 3, 5) == "2027-03-05"
    assert view.iso_date(2026, 11, 21) == "2026-11-21"


def test_lines_drop_blank_lines():
    assert view.lines("  a \n\n\t\nb\r\n") == ["a", "b"]
    assert view.lines("") == []


def test_specimen_names(data):
    assert view.specimen_names(data, []) == ""
    assert view.specimen_names(data, ["tissue_blocks"]) == "tissue blocks"
    assert view.specimen_names(data, letter_examples.SPECIMENS) == "pathology slides and tissue blocks"


@pytest.mark.parametrize("records, other, images", [
    (["lab_results"], "", False), (["imaging"], "", True), (["mammograms", "lab_results"], "", True),
    ([], "", True), ([], "CT scan notes", False), (["pathology_slides"], "", True),
], ids=["labs", "imaging", "mammograms", "nothing", "own-only", "slides-only"])
def test_images_are_asked_for_when_scans_may_be(data, checklist_data, records, other, images):
    letter = letter_examples.letter_with(checklist_data, {"other_records": other}, records)
    assert view.letter_view(data, checklist_data, letter, view.values(letter, None, TODAY))["images"] is images


@pytest.mark.parametrize("send_to, routes, authorization", [
    ([], (["me", "doctor"], True), False), (["me"], (["me"], False), False),
    (["doctor"], (["doctor"], False), True), (["me", "doctor"], (["me", "doctor"], False), True),
])
def test_routes_and_the_authorization(data, checklist_data, send_to, routes, authorization):
    letter = letter_examples.letter_with(checklist_data, send_to=send_to)
    shown = view.letter_view(data, checklist_data, letter, view.values(letter, None, TODAY))
    assert view.routes(shown) == routes
    assert view.with_authorization(shown) is authorization


@pytest.mark.parametrize("text, expected", [("50", "50"), ("$50", "50"), (" $ 25.50 ", "25.50"), ("", ""),
                                            ("$", ""), ("about 40", "about 40"), ("50$", "50$")])
def test_dollars(text, expected):
    assert view.dollars(text) == expected
