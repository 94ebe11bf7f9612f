"""Unit tests for sog/screener/rules.py against the real questions.json.

Tested here:
- evaluate: which level a set of answers leads to, and which reasons (question
  ids, in order) explain it; emergency handling; the unanswered list and the
  answered count.
- the extra notes evaluate attaches (matching_notes), including "!" conditions.
- answer_values and find_level.
"""

import pytest
from sog.screener import rules

WORTH_SEEKING_QUESTIONS = [
    "no_diagnosis",
    "told_nothing_wrong",
    "not_improving",
    "serious_illness",
    "major_treatment",
    "conflicting_advice",
    "limited_options",
    "doctor_suggested",
]
COULD_HELP_QUESTIONS = ["rushed_visit", "side_effects"]
INFO_ONLY_QUESTIONS = ["medicare", "biopsy_or_cancer", "older_adult"]
ALL_QUESTIONS = ["emergency"] + WORTH_SEEKING_QUESTIONS + COULD_HELP_QUESTIONS + INFO_ONLY_QUESTIONS


def case(case_id, answers, level, reasons):
    return pytest.param(answers, level, reasons, id=case_id)


LEVEL_CASES = [
    case("emergency-yes-alone", {"emergency": "yes"}, "emergency", ["emergency"]),
    case(
        "emergency-yes-beats-everything",
        {
            "emergency": "yes",
            "no_diagnosis": "yes",
            "rushed_visit": "yes",
            "serious_illness": "not_sure",
            "medicare": "yes",
            "major_treatment": "yes",
            "biopsy_or_cancer": "yes",
        },
        "emergency",
        ["emergency"],
    ),
    case("emergency-no", {"emergency": "no"}, "not_needed_now", []),
    case("emergency-not-sure-alone", {"emergency": "not_sure"}, "not_needed_now", []),
    case(
        "emergency-not-sure-keeps-normal-result",
        {"emergency": "not_sure", "serious_illness": "yes"},
        "worth_seeking",
        ["serious_illness"],
    ),
]
LEVEL_CASES += [case(q + "-yes", {q: "yes"}, "worth_seeking", [q]) for q in WORTH_SEEKING_QUESTIONS]
LEVEL_CASES += [case(q + "-not-sure", {q: "not_sure"}, "could_help", [q]) for q in WORTH_SEEKING_QUESTIONS]
LEVEL_CASES += [case(q + "-yes", {q: "yes"}, "could_help", [q]) for q in COULD_HELP_QUESTIONS]
LEVEL_CASES += [case(q + "-not-sure", {q: "not_sure"}, "could_help", [q]) for q in COULD_HELP_QUESTIONS]
LEVEL_CASES += [
    case(q + "-yes-changes-nothing", {q: "yes"}, "not_needed_now", []) for q in INFO_ONLY_QUESTIONS
]
LEVEL_CASES += [
    case("all-no", {q: "no" for q in ALL_QUESTIONS}, "not_needed_now", []),
    case("empty", {}, "not_needed_now", []),
    case(
        "mixed-worth-seeking-wins-reasons-by-level-then-question-order",
        {
            "side_effects": "yes",
            "no_diagnosis": "not_sure",
            "limited_options": "yes",
            "emergency": "no",
            "rushed_visit": "not_sure",
            "told_nothing_wrong": "yes",
            "medicare": "yes",
        },
        "worth_seeking",
        ["told_nothing_wrong", "limited_options", "no_diagnosis", "rushed_visit", "side_effects"],
    ),
    case(
        "mixed-could-help-only",
        {"side_effects": "yes", "serious_illness": "not_sure", "not_improving": "no"},
        "could_help",
        ["serious_illness", "side_effects"],
    ),
]


@pytest.mark.parametrize("answers, level, reason_ids", LEVEL_CASES)
def test_evaluate_level_and_reasons(data, answers, level, reason_ids):
    """The most pressing level any answer leads to wins, and the reasons list
    every answer that leads somewhere, most pressing level first, then in
    question order (an emergency keeps only the emergency reason)."""
    result = rules.evaluate(data, answers)
    assert result["level"] == level
    assert [reason["question"] for reason in result["reasons"]] == reason_ids


def test_emergency_yes_shows_no_notes(data):
    """With an emergency nothing else matters: no notes, even when their
    conditions hold."""
    answers = {
        "emergency": "yes",
        "medicare": "yes",
        "major_treatment": "yes",
        "biopsy_or_cancer": "yes",
        "older_adult": "yes",
        "doctor_suggested": "yes",
    }
    result = rules.evaluate(data, answers)
    assert result["level"] == "emergency"
    assert result["notes"] == []


@pytest.mark.parametrize(
    "answers, level",
    [
        pytest.param({"emergency": "not_sure"}, "not_needed_now", id="alone"),
        pytest.param({"emergency": "not_sure", "rushed_visit": "yes"}, "could_help", id="with-could-help"),
        pytest.param(
            {"emergency": "not_sure", "no_diagnosis": "yes"}, "worth_seeking", id="with-worth-seeking"
        ),
    ],
)
def test_emergency_not_sure_adds_note_to_normal_result(data, answers, level):
    """Not sure about an emergency gives the call-911 note first, plus the
    result the other answers lead to."""
    result = rules.evaluate(data, answers)
    assert result["level"] == level
    assert result["notes"][0] == "unsure_emergency"


def test_reason_records_carry_answer_level_and_text(data):
    """Each reason names the question, the answer, the level it leads to and
    the data file's reason text for that answer."""
    result = rules.evaluate(data, {"no_diagnosis": "yes", "side_effects": "not_sure"})
    questions = {question["id"]: question for question in data["questions"]}
    for reason in result["reasons"]:
        question = questions[reason["question"]]
        assert reason["level"] == question["leads_to"][reason["answer"]]
        assert reason["text"] == question["reasons"][reason["answer"]]
    assert [(r["question"], r["answer"], r["level"]) for r in result["reasons"]] == [
        ("no_diagnosis", "yes", "worth_seeking"),
        ("side_effects", "not_sure", "could_help"),
    ]


def test_reason_order_ignores_answer_insertion_order(data):
    """The order answers were given in (dict order) never changes the result."""
    answers = {
        "side_effects": "yes",
        "conflicting_advice": "not_sure",
        "serious_illness": "yes",
        "no_diagnosis": "yes",
    }
    reversed_answers = dict(reversed(list(answers.items())))
    assert rules.evaluate(data, answers) == rules.evaluate(data, reversed_answers)


@pytest.mark.parametrize(
    "answers, unanswered",
    [
        pytest.param({}, ALL_QUESTIONS, id="empty-all-unanswered"),
        pytest.param({q: "no" for q in ALL_QUESTIONS}, [], id="all-answered"),
        pytest.param(
            {q: "not_sure" for q in ALL_QUESTIONS if q not in ("emergency", "medicare", "older_adult")},
            ["emergency", "medicare", "older_adult"],
            id="some-skipped-in-question-order",
        ),
    ],
)
def test_unanswered_and_answered_count(data, answers, unanswered):
    """Skipped questions are listed in question order; answered counts the rest."""
    result = rules.evaluate(data, answers)
    assert result["unanswered"] == unanswered
    assert result["answered"] == len(ALL_QUESTIONS) - len(unanswered)


def test_empty_answers_give_mildest_result_with_nothing_else(data):
    """No answers at all: the mildest level, no reasons, no notes."""
    result = rules.evaluate(data, {})
    assert result == {
        "level": "not_needed_now",
        "reasons": [],
        "notes": [],
        "answered": 0,
        "unanswered": ALL_QUESTIONS,
    }


@pytest.mark.parametrize(
    "answers, notes",
    [
        pytest.param(
            {"medicare": "yes", "major_treatment": "yes"}, ["medicare_surgery"], id="medicare-and-major-yes"
        ),
        pytest.param({"medicare": "yes"}, ["medicare_check"], id="medicare-alone-via-not-yes"),
        pytest.param(
            {"medicare": "yes", "major_treatment": "no"}, ["medicare_check"], id="medicare-major-no"
        ),
        pytest.param(
            {"medicare": "yes", "major_treatment": "not_sure"}, ["medicare_check"], id="major-not-sure"
        ),
        pytest.param({"medicare": "no", "major_treatment": "yes"}, [], id="no-medicare"),
        pytest.param({"medicare": "not_sure"}, [], id="medicare-not-sure"),
        pytest.param({"biopsy_or_cancer": "yes"}, ["pathology"], id="biopsy"),
        pytest.param({"biopsy_or_cancer": "not_sure"}, [], id="biopsy-not-sure"),
        pytest.param({"older_adult": "yes"}, ["older_adult"], id="older-adult"),
        pytest.param({"older_adult": "no"}, [], id="not-older-adult"),
        pytest.param({"doctor_suggested": "yes"}, ["ask_why"], id="doctor-suggested"),
        pytest.param({"doctor_suggested": "not_sure"}, [], id="doctor-suggested-not-sure"),
        pytest.param({"emergency": "not_sure"}, ["unsure_emergency"], id="emergency-not-sure"),
        pytest.param({"emergency": "no"}, [], id="emergency-no"),
        pytest.param(
            {
                "emergency": "not_sure",
                "medicare": "yes",
                "major_treatment": "yes",
                "biopsy_or_cancer": "yes",
                "older_adult": "yes",
                "doctor_suggested": "yes",
            },
            ["unsure_emergency", "medicare_surgery", "pathology", "older_adult", "ask_why"],
            id="all-notes-in-data-order",
        ),
    ],
)
def test_notes(data, answers, notes):
    """Notes appear exactly when all their conditions hold, in data-file order;
    a "!yes" condition holds for no, not sure and no answer at all."""
    assert rules.evaluate(data, answers)["notes"] == notes


def test_matching_notes_returns_note_records(data):
    """matching_notes gives the note records themselves, not just ids."""
    notes = rules.matching_notes(data, {"biopsy_or_cancer": "yes"})
    assert [note["id"] for note in notes] == ["pathology"]
    assert notes[0]["href"] == "pathology/"


def test_answer_values_in_display_order(data):
    """Every question allows the same answers, in this order."""
    assert rules.answer_values(data) == ["yes", "no", "not_sure"]


@pytest.mark.parametrize("level_id", ["emergency", "worth_seeking", "could_help", "not_needed_now"])
def test_find_level(data, level_id):
    """find_level returns the level record with that id."""
    assert rules.find_level(data, level_id)["id"] == level_id


@pytest.mark.parametrize(
    "level_id", ["", "Emergency", "unknown", None], ids=["empty", "wrong-case", "unknown", "none"]
)
def test_find_level_unknown_raises_key_error(data, level_id):
    """An unknown level id is a KeyError naming it, never a silent default."""
    with pytest.raises(KeyError) as info:
        rules.find_level(data, level_id)
    assert info.value.args == (level_id,)
