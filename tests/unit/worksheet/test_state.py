"""Unit tests for sog/worksheet/state.py: the worksheet and its changes.

Tested here: a new worksheet has an empty answer for every doctor and row
and goals that follow the checklist; each change returns a new state, leaves
the one passed in alone, trims and caps text, and ignores what does not fit
(unknown ids, markup); the goals typed here are never replaced by the
checklist's, even when emptied; there is nothing that scores or picks.
"""

import json

import pytest
from sog.worksheet import sheet, state

from tests.support import examples, worksheet_examples
from tests.support.examples import MARKUP_TEXTS


def frozen(value):
    return json.dumps(value, sort_keys=True)


def test_new_worksheet_is_empty_and_follows_the_checklist_goals(data):
    worksheet = state.new_state(data)
    assert sorted(worksheet) == sorted(state.FIELDS)
    assert sorted(worksheet["answers"]) == sorted(sheet.doctor_ids(data))
    for doctor in sheet.doctor_ids(data):
        assert worksheet["answers"][doctor] == {row: "" for row in sheet.row_ids(data)}
    assert (worksheet["goals"], worksheet["comparison"], worksheet["thoughts"]) == (None, "", "")
    assert state.new_state(data) is not worksheet


def test_the_state_holds_no_score(data):
    """Only text and one choice: nothing a page could add up to pick a plan."""
    worksheet = worksheet_examples.filled_worksheet(data)
    values = [worksheet["goals"], worksheet["comparison"], worksheet["thoughts"]]
    values += [text for doctor in worksheet["answers"].values() for text in doctor.values()]
    assert all(isinstance(value, str) for value in values)


CHANGES = [
    ("answer", lambda data, s: state.set_answer(data, s, "first", "benefits", "It may help.")),
    ("goals", lambda data, s: state.set_goals(s, "Stay home.")),
    ("follow", lambda data, s: state.follow_checklist_goals(s)),
    ("comparison", lambda data, s: state.set_comparison(data, s, "diagnosis")),
    ("thoughts", lambda data, s: state.set_thoughts(s, "Not sure.")),
]


@pytest.mark.parametrize("change", [change for _, change in CHANGES], ids=[name for name, _ in CHANGES])
def test_changes_return_a_new_state_and_leave_the_old_alone(data, change):
    before = worksheet_examples.filled_worksheet(data)
    snapshot = frozen(before)
    after = change(data, before)
    assert after is not before and frozen(before) == snapshot


def test_set_answer_sets_trims_and_caps(data):
    worksheet = state.set_answer(data, state.new_state(data), "second", "risks", "  Some pain.\n ")
    assert worksheet["answers"]["second"]["risks"] == "Some pain."
    assert worksheet["answers"]["first"]["risks"] == ""
    long = state.set_answer(data, worksheet, "first", "risks", "x" * (state.MAX_ANSWER + 50))
    assert long["answers"]["first"]["risks"] == "x" * state.MAX_ANSWER
    cleared = state.set_answer(data, worksheet, "second", "risks", "")
    assert cleared["answers"]["second"]["risks"] == ""


@pytest.mark.parametrize("doctor, row, value", [
    ("third", "risks", "x"), ("first", "nope", "x"), (None, "risks", "x"), ("first", None, "x"),
    ("first", "risks", 5), ("first", "risks", ["x"]),
])
def test_set_answer_ignores_what_does_not_fit(data, doctor, row, value):
    worksheet = worksheet_examples.filled_worksheet(data)
    assert state.set_answer(data, worksheet, doctor, row, value) == worksheet


@pytest.mark.parametrize("text", [text for _, text in MARKUP_TEXTS], ids=[kind for kind, _ in MARKUP_TEXTS])
def test_markup_changes_nothing(data, text):
    worksheet = worksheet_examples.filled_worksheet(data)
    assert state.set_answer(data, worksheet, "first", "benefits", text) == worksheet
    assert state.set_goals(worksheet, text) == worksheet
    assert state.set_thoughts(worksheet, text) == worksheet


def test_goals_typed_here_are_kept_even_when_emptied(data):
    """Typing here stops the checklist's goals showing; an emptied box stays empty."""
    worksheet = state.set_goals(state.new_state(data), "  Walk every day. ")
    assert worksheet["goals"] == "Walk every day."
    emptied = state.set_goals(worksheet, "")
    assert emptied["goals"] == ""
    assert state.shown_goals(emptied, "From the checklist") == ("", False)
    assert state.follow_checklist_goals(emptied)["goals"] is None
    capped = state.set_goals(worksheet, "y" * (state.MAX_GOALS + 1))
    assert capped["goals"] == "y" * state.MAX_GOALS


def test_the_checklist_goals_always_fit():
    from sog.checklist import state as checklist_state

    assert state.MAX_GOALS >= checklist_state.MAX_GOALS


@pytest.mark.parametrize("goals, checklist, shown", [
    (None, "", ("", False)),
    (None, "Stay well.", ("Stay well.", True)),
    ("Mine.", "Stay well.", ("Mine.", False)),
    ("", "Stay well.", ("", False)),
    ("Mine.", "", ("Mine.", False)),
])
def test_shown_goals(data, goals, checklist, shown):
    worksheet = state.new_state(data)
    worksheet["goals"] = goals
    assert state.shown_goals(worksheet, checklist) == shown


@pytest.mark.parametrize("goals, checklist, offered", [
    (None, "Stay well.", False),
    (None, "", False),
    ("Mine.", "Stay well.", True),
    ("", "Stay well.", True),
    ("Stay well.", "Stay well.", False),
    ("Mine.", "", False),
])
def test_the_checklist_goals_are_offered_only_in_place_of_other_goals(data, goals, checklist, offered):
    worksheet = state.new_state(data)
    worksheet["goals"] = goals
    assert state.offers_checklist_goals(worksheet, checklist) is offered


def test_set_comparison(data):
    worksheet = state.new_state(data)
    for choice in sheet.comparison_ids(data):
        assert state.set_comparison(data, worksheet, choice)["comparison"] == choice
    chosen = state.set_comparison(data, worksheet, "agree")
    assert state.set_comparison(data, chosen, "")["comparison"] == ""
    for junk in ["nope", None, 1, "<b>"]:
        assert state.set_comparison(data, chosen, junk) == chosen


def test_set_thoughts_trims_and_caps(data):
    worksheet = state.set_thoughts(state.new_state(data), "\n I lean toward waiting. ")
    assert worksheet["thoughts"] == "I lean toward waiting."
    assert state.set_thoughts(worksheet, "z" * 5000)["thoughts"] == "z" * state.MAX_THOUGHTS


def test_copy_is_deep(data):
    worksheet = worksheet_examples.filled_worksheet(data)
    copied = state.copy(worksheet)
    copied["answers"]["first"]["name"] = "changed"
    assert worksheet["answers"]["first"]["name"] != "changed"
    assert examples.copy_data(worksheet) == worksheet
