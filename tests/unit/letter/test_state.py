"""Unit tests for sog/letter/state.py: the letter and every change to it.

Tested here:
- a new letter is empty; changes return a new state and leave the old one.
- set_field keeps what the visitor typed, trimmed and capped ("" too: typed
  empty stays empty); unknown fields, non-text and markup change nothing.
- set_choice picks and drops records (the checklist's record items), forms,
  destinations, what the visitor agrees to and the doctor's forms, always in
  their known order; unknown ids change nothing (the portal is not a way to
  send the doctor's copy).
"""

import pytest
from sog.checklist import items
from sog.letter import state

from tests.support.examples import MARKUP_TEXTS


def test_new_letter_is_empty():
    assert state.new_state() == {"fields": {}, "records": [], "forms": [], "send_to": [], "agree": [],
                                 "doctor_forms": []}
    assert state.PARTS == ("fields", "records", "forms", "send_to", "agree", "doctor_forms")


def test_set_field_keeps_typed_text_trimmed():
    letter = state.new_state()
    changed = state.set_field(letter, "name", "  Ana Ruiz \n")
    assert changed["fields"] == {"name": "Ana Ruiz"}
    assert letter == state.new_state(), "the old state must not change"


def test_a_field_typed_empty_stays_empty():
    """An empty field the visitor cleared is theirs: it no longer follows the checklist."""
    letter = state.set_field(state.new_state(), "doctor_name", "Dr. Lee")
    assert state.set_field(letter, "doctor_name", "")["fields"] == {"doctor_name": ""}


@pytest.mark.parametrize("field, cap", [("name", state.MAX_FIELD), ("other_records", state.MAX_LINES_FIELD)])
def test_set_field_caps_text(field, cap):
    assert state.set_field(state.new_state(), field, "x" * (cap + 50))["fields"][field] == "x" * cap


def test_own_records_keep_their_lines():
    letter = state.set_field(state.new_state(), "other_records", "Visit notes\nDischarge summary")
    assert letter["fields"]["other_records"] == "Visit notes\nDischarge summary"


@pytest.mark.parametrize("field, value", [("nope", "x"), ("name", None), ("name", 3), ("name", ["x"])])
def test_set_field_ignores_unknown_fields_and_non_text(field, value):
    assert state.set_field(state.new_state(), field, value) == state.new_state()


@pytest.mark.parametrize("kind, text", MARKUP_TEXTS, ids=[kind for kind, _ in MARKUP_TEXTS])
def test_set_field_refuses_markup(kind, text):
    letter = state.set_field(state.new_state(), "office", "Valley Clinic")
    assert state.set_field(letter, "office", text) == letter


def test_every_field_has_a_limit():
    for field in state.FIELDS:
        assert state.limit(field) in (state.MAX_FIELD, state.MAX_LINES_FIELD)


def test_records_are_the_checklists_record_items(checklist_data):
    assert state.known_choices(checklist_data, "records") == items.ids_of_kind(checklist_data, "record")
    assert state.known_choices(checklist_data, "forms") == list(state.FORMS)
    assert state.known_choices(checklist_data, "send_to") == list(state.DESTINATIONS)
    assert state.known_choices(checklist_data, "agree") == ["plain_email", "summary"]
    assert state.known_choices(checklist_data, "doctor_forms") == ["electronic", "paper", "disc"]
    assert state.known_choices(checklist_data, "nope") == []


def test_choices_keep_their_known_order(checklist_data):
    records = items.ids_of_kind(checklist_data, "record")
    letter = state.new_state()
    for record in reversed(records):
        letter = state.set_choice(checklist_data, letter, "records", record, True)
    assert letter["records"] == records
    letter = state.set_choice(checklist_data, letter, "forms", "portal", True)
    letter = state.set_choice(checklist_data, letter, "forms", "paper", True)
    assert letter["forms"] == ["paper", "portal"]
    letter = state.set_choice(checklist_data, letter, "doctor_forms", "disc", True)
    letter = state.set_choice(checklist_data, letter, "doctor_forms", "electronic", True)
    assert letter["doctor_forms"] == ["electronic", "disc"]
    letter = state.set_choice(checklist_data, letter, "agree", "summary", True)
    letter = state.set_choice(checklist_data, letter, "agree", "plain_email", True)
    assert letter["agree"] == ["plain_email", "summary"]
    assert letter["forms"] == ["paper", "portal"], "the visitor's forms and the doctor's are apart"


def test_choices_drop_and_never_repeat(checklist_data):
    letter = state.set_choice(checklist_data, state.new_state(), "send_to", "me", True)
    letter = state.set_choice(checklist_data, letter, "send_to", "me", True)
    assert letter["send_to"] == ["me"]
    assert state.set_choice(checklist_data, letter, "send_to", "me", False)["send_to"] == []
    # Only True picks: anything else drops.
    assert state.set_choice(checklist_data, letter, "send_to", "me", "yes")["send_to"] == []


@pytest.mark.parametrize("group, choice", [("records", "tell_doctor"), ("records", "gone"), ("forms", "fax"),
                                           ("send_to", "lawyer"), ("nope", "me"), ("fields", "name"),
                                           ("doctor_forms", "portal"), ("agree", "paper")])
def test_unknown_choices_change_nothing(checklist_data, group, choice):
    """A task item, an unknown id or group: no change."""
    letter = state.set_choice(checklist_data, state.new_state(), "forms", "paper", True)
    assert state.set_choice(checklist_data, letter, group, choice, True) == letter
