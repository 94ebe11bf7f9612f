"""Unit tests for sog/screener/rules.py against the real questions.json.

Tested here:
- evaluate, through the decision table (tests/support/screener_cases.py, the
  same table the parity test runs in MicroPython and Pyodide): which level a
  set of answers leads to, or no verdict when too few questions are answered;
  urgency first; the notes each result carries.
- the rule for "too few answers": a reassuring result only when every question
  that could raise the level is answered; any answer that raises it gives a
  verdict at once.
- reasons: which answers explain a result, in order; urgent results keep only
  the urgent reasons and no notes.
- urgent_level (the red banner), raising_questions, urgent_questions and
  ask_first (a "get care now" question left blank is asked first),
  answer_values per question, the unanswered and missing lists,
  matching_notes with "!" and any-of conditions, find_level.
- questions asked about something good: No raises the level, Yes does not,
  and a treatment not yet started is no reason at all.
"""

import pytest
from sog.screener import rules

from tests.support import screener_cases

TABLE = [
    pytest.param(answers, level, notes, id=name) for name, answers, level, notes in screener_cases.CASES
]


@pytest.mark.parametrize("answers, level, notes", TABLE)
def test_decision_table(data, answers, level, notes):
    """Each case of the decision table gives its level (None: no verdict) and,
    where the table says, exactly its notes."""
    result = rules.evaluate(data, answers)
    assert result["level"] == level
    if notes is not None:
        assert result["notes"] == notes


def test_the_table_names_every_question_and_answer(data):
    """Every answer of every question, alone, is in the table: a new question
    or choice needs its expected level written down."""
    assert sorted(screener_cases.ALONE) == sorted(q["id"] for q in data["questions"])
    for question in data["questions"]:
        assert sorted(screener_cases.ALONE[question["id"]]) == sorted(rules.answer_values(data, question))


@pytest.mark.parametrize(
    "name, answers, level, ask_first",
    screener_cases.ASK_FIRST_CASES,
    ids=[case[0] for case in screener_cases.ASK_FIRST_CASES],
)
def test_a_blank_emergency_question_is_asked_first(data, name, answers, level, ask_first):
    """Issue 14, 5: a result may come with question 1 blank, but evaluate
    names it (ask_first) so the page asks it first, above the result."""
    result = rules.evaluate(data, answers)
    assert (result["level"], result["ask_first"]) == (level, ask_first)


def test_the_six_situations_are_real_answers(data):
    offered = {q["id"]: rules.answer_values(data, q) for q in data["questions"]}
    for question_id, value in screener_cases.SIX_SITUATIONS.values():
        assert value in offered[question_id]


@pytest.mark.parametrize("situation", screener_cases.SIX_SITUATIONS)
def test_each_of_the_six_situations_warrants_a_second_opinion(data, situation):
    """Source 001's six situations each warrant a second opinion on their own."""
    question_id, value = screener_cases.SIX_SITUATIONS[situation]
    assert rules.evaluate(data, {question_id: value})["level"] == "worth_seeking"


# ---- urgency -------------------------------------------------------------------


def urgent_ids(data):
    return [level["id"] for level in data["levels"] if level.get("urgent")]


def test_urgent_levels_come_first(data):
    """Urgent levels are the most pressing: they come before every other level."""
    flags = [bool(level.get("urgent")) for level in data["levels"]]
    assert flags == sorted(flags, reverse=True) and flags[0]


@pytest.mark.parametrize("value, level", [("yes", "emergency"), ("not_sure", "urgent_unsure")])
def test_emergency_yes_and_not_sure_are_both_urgent(data, value, level):
    """Not sure about an emergency is never waved off: it leads to an urgent
    level, the banner shows, and nothing about second opinions comes with it."""
    result = rules.evaluate(data, {"emergency": value, "no_diagnosis": "yes", "medicare": "original",
                                   "major_treatment": "yes", "cancer": "yes", "getting_worse": "yes"})
    assert result["level"] == level and level in urgent_ids(data)
    assert [r["question"] for r in result["reasons"]] == ["emergency"]
    assert result["notes"] == []
    assert rules.urgent_level(data, {"emergency": value}) == level


@pytest.mark.parametrize(
    "answers",
    [{}, {"emergency": "no"}, {"no_diagnosis": "yes"}, screener_cases.every("yes", emergency="no")],
    ids=["none", "emergency-no", "worth-seeking", "all-yes-but-emergency"],
)
def test_no_urgent_level_without_an_urgent_answer(data, answers):
    assert rules.urgent_level(data, answers) is None


def test_urgent_level_takes_the_most_pressing(data):
    """If answers reach two urgent levels, the banner shows the more pressing one."""
    data["questions"][1]["leads_to"]["yes"] = "urgent_unsure"
    answers = {"emergency": "yes", data["questions"][1]["id"]: "yes"}
    assert rules.urgent_level(data, answers) == "emergency"
    assert rules.evaluate(data, answers)["level"] == "emergency"


def test_urgency_is_data_not_an_id(data):
    """Marking another level urgent makes it act urgent: no code knows the id "emergency"."""
    for level in data["levels"]:
        level["urgent"] = level["id"] == "worth_seeking"
    result = rules.evaluate(data, {"no_diagnosis": "yes", "side_effects": "yes", "doctor_suggested": "yes"})
    assert result["level"] == "worth_seeking"
    assert rules.urgent_level(data, {"no_diagnosis": "yes"}) == "worth_seeking"
    assert rules.urgent_level(data, {"emergency": "yes"}) is None
    assert [r["question"] for r in result["reasons"]] == ["no_diagnosis", "doctor_suggested"]
    assert result["notes"] == []


# ---- too few answers -------------------------------------------------------------


def test_raising_questions_are_those_with_a_level(data):
    """The questions whose answers can change the level, in question order."""
    expected = [q["id"] for q in data["questions"] if q["leads_to"]]
    assert rules.raising_questions(data) == expected
    assert "medicare" not in expected and "older_adult" not in expected and "breast" not in expected


def test_urgent_questions_are_those_that_can_say_get_care_now(data):
    """The questions an answer to which leads to an urgent level: today the
    first one only; any question marked so in the data would join it."""
    assert rules.urgent_questions(data) == ["emergency"]
    data["questions"][2]["leads_to"]["not_sure"] = "urgent_unsure"
    assert rules.urgent_questions(data) == ["emergency", data["questions"][2]["id"]]
    answers = {"emergency": "no", "cancer": "yes"}
    assert rules.evaluate(data, answers)["ask_first"] == [data["questions"][2]["id"]]


@pytest.mark.parametrize("blank", screener_cases.calm().keys())
def test_any_raising_question_blank_means_no_reassurance(data, blank):
    """"Probably not needed" only when every question that could raise the level
    was answered: one blank one gives no verdict, and names that question."""
    result = rules.evaluate(data, screener_cases.without(screener_cases.calm(), blank))
    assert result["level"] is None
    assert result["missing"] == [blank]


def test_missing_lists_blank_raising_questions_in_order(data):
    result = rules.evaluate(data, {"emergency": "no", "medicare": "original"})
    assert result["level"] is None
    assert result["missing"] == [q for q in rules.raising_questions(data) if q != "emergency"]


def test_missing_is_also_given_with_a_verdict(data):
    """A verdict with blanks still says which blank questions could add to it."""
    result = rules.evaluate(data, {"side_effects": "yes", "no_diagnosis": "no"})
    assert result["level"] == "could_help"
    assert result["missing"] == [q for q in rules.raising_questions(data) if q not in ("side_effects", "no_diagnosis")]


def test_no_verdict_has_no_reasons_or_notes(data):
    result = rules.evaluate(data, {"emergency": "no", "breast": "yes", "older_adult": "yes"})
    assert result["level"] is None
    assert result["reasons"] == [] and result["notes"] == []


# ---- reasons --------------------------------------------------------------------


def test_reasons_by_level_then_question_order(data):
    answers = {
        "side_effects": "yes",
        "no_diagnosis": "not_sure",
        "limited_options": "yes",
        "emergency": "no",
        "trust_doctor": "not_sure",
        "treatment_helping": "no",
        "medicare": "original",
        "doctor_suggested": "not_sure",
        "getting_worse": "yes",
    }
    result = rules.evaluate(data, answers)
    assert result["level"] == "call_doctor_today"
    assert [r["question"] for r in result["reasons"]] == [
        "getting_worse", "treatment_helping", "limited_options", "no_diagnosis", "trust_doctor",
        "doctor_suggested", "side_effects",
    ]


@pytest.mark.parametrize("question_id", ["doctor_suggested", "side_effects", "biopsy"])
def test_not_sure_to_these_is_a_reason_that_says_whom_to_ask(data, question_id):
    """Issue 14, 6: Not sure to these is an answer that blocks "Probably not
    needed": a reason of its own, which says whom to ask."""
    result = rules.evaluate(data, screener_cases.calm(**{question_id: "not_sure"}))
    assert result["level"] == "could_help"
    (reason,) = result["reasons"]
    assert reason["question"] == question_id and "Ask" in reason["text"]


@pytest.mark.parametrize("question_id", ["treatment_helping", "trust_doctor"])
def test_a_question_asked_about_something_good_raises_on_no(data, question_id):
    """Asked positively, never in the negative: Yes leads nowhere, No and Not
    sure raise the level."""
    question = [q for q in data["questions"] if q["id"] == question_id][0]
    assert "yes" not in question["leads_to"]
    assert rules.evaluate(data, screener_cases.calm(**{question_id: "no"}))["level"] == "worth_seeking"
    assert rules.evaluate(data, screener_cases.calm(**{question_id: "yes"}))["level"] == "not_needed_now"


def test_a_treatment_not_started_is_no_reason(data):
    """Issue 15: someone whose treatment has not started is never told they
    are "not sure if it is working"; they may still be getting worse."""
    answers = screener_cases.calm(treatment_helping="not_started")
    result = rules.evaluate(data, answers)
    assert result["reasons"] == [] and result["level"] == "not_needed_now"
    worse = rules.evaluate(data, dict(answers, getting_worse="yes"))
    assert [r["question"] for r in worse["reasons"]] == ["getting_worse"]
    assert worse["level"] == "call_doctor_today"


def test_reason_records_carry_answer_level_and_text(data):
    """Each reason names the question, the answer, the level it leads to and
    the data file's reason text for that answer."""
    result = rules.evaluate(data, {"no_diagnosis": "yes", "unsure_plan": "not_sure"})
    questions = {question["id"]: question for question in data["questions"]}
    for reason in result["reasons"]:
        question = questions[reason["question"]]
        assert reason["level"] == question["leads_to"][reason["answer"]]
        assert reason["text"] == question["reasons"][reason["answer"]]
    assert [(r["question"], r["answer"], r["level"]) for r in result["reasons"]] == [
        ("no_diagnosis", "yes", "worth_seeking"),
        ("unsure_plan", "not_sure", "could_help"),
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


# ---- answered, unanswered ---------------------------------------------------------


def test_unanswered_and_answered_count(data):
    """Skipped questions are listed in question order; answered counts the rest."""
    ids = [q["id"] for q in data["questions"]]
    assert rules.evaluate(data, {})["unanswered"] == ids
    assert rules.evaluate(data, {})["answered"] == 0
    all_no = screener_cases.every("no")
    assert rules.evaluate(data, all_no)["unanswered"] == []
    assert rules.evaluate(data, all_no)["answered"] == len(ids)
    some = screener_cases.without(screener_cases.without(all_no, "older_adult"), "emergency")
    result = rules.evaluate(data, some)
    assert result["unanswered"] == ["emergency", "older_adult"]
    assert result["answered"] == len(ids) - 2


def test_empty_answers_give_no_verdict_and_nothing_else(data):
    ids = [q["id"] for q in data["questions"]]
    assert rules.evaluate(data, {}) == {
        "level": None,
        "reasons": [],
        "notes": [],
        "answered": 0,
        "unanswered": ids,
        "missing": rules.raising_questions(data),
        "ask_first": ["emergency"],
    }


@pytest.mark.parametrize(
    "answers",
    [{"no_diagnosis": "maybe"}, {"medicare": "not_a_choice"}, {"nope": "yes"}, {"emergency": None}],
    ids=["unknown-answer", "unknown-medicare-answer", "unknown-question", "none"],
)
def test_answers_that_fit_no_question_count_as_blank(data, answers):
    """evaluate takes what it is given; an answer that is not a question's
    choice never raises the level or counts as an answer."""
    result = rules.evaluate(data, answers)
    assert result["level"] is None and result["answered"] == 0


# ---- answers per question ---------------------------------------------------------


def test_answer_values_shared_and_per_question(data):
    """The shared answers, in display order; a question may offer its own."""
    assert rules.answer_values(data) == ["yes", "no", "not_sure"]
    medicare = [q for q in data["questions"] if q["id"] == "medicare"][0]
    assert rules.answer_values(data, medicare) == ["original", "advantage", "yes", "no", "not_sure"]
    emergency = data["questions"][0]
    assert rules.answer_values(data, emergency) == ["yes", "no", "not_sure"]
    helping = [q for q in data["questions"] if q["id"] == "treatment_helping"][0]
    assert rules.answer_values(data, helping) == ["yes", "no", "not_sure", "not_started"]
    assert rules.answers_for(data, medicare) is medicare["answers"]
    assert rules.answers_for(data, emergency) is data["answers"]


# ---- notes ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "answers, notes",
    [
        pytest.param({"medicare": "original"}, ["medicare_check"], id="original-alone-via-not-yes"),
        pytest.param({"medicare": "original", "major_treatment": "not_sure"}, ["medicare_check"], id="major-ns"),
        pytest.param({"medicare": "advantage"}, ["medicare_advantage"], id="advantage"),
        pytest.param({"medicare": "yes"}, ["medicare_ask", "medicare_check", "medicare_advantage"], id="which"),
        pytest.param({"medicare": "not_sure"}, ["medicare_ask"], id="medicare-not-sure"),
        pytest.param({"medicare": "no", "major_treatment": "yes"}, [], id="no-medicare"),
        pytest.param({"biopsy": "yes"}, ["pathology"], id="biopsy"),
        pytest.param({"biopsy": "no"}, [], id="no-biopsy"),
        pytest.param({"biopsy": "not_sure"}, [], id="biopsy-not-sure-is-a-reason-not-a-note"),
        pytest.param({"cancer": "yes"}, [], id="cancer"),
        pytest.param({"older_adult": "yes"}, ["older_adult"], id="older-adult"),
        pytest.param({"older_adult": "no"}, [], id="not-older-adult"),
        pytest.param({"doctor_suggested": "yes"}, ["ask_why"], id="doctor-suggested"),
        pytest.param({"doctor_suggested": "not_sure"}, [], id="doctor-suggested-ns"),
        pytest.param({"side_effects": "yes"}, [], id="side-effects-yes"),
    ],
)
def test_matching_notes(data, answers, notes):
    """Notes appear exactly when all their conditions hold, in data-file order;
    a "!yes" condition holds for no, not sure and no answer at all; a list
    holds for any of its answers."""
    assert [note["id"] for note in rules.matching_notes(data, answers)] == notes


def test_matching_notes_returns_note_records(data):
    """matching_notes gives the note records themselves, not just ids."""
    notes = rules.matching_notes(data, {"biopsy": "yes"})
    assert [note["id"] for note in notes] == ["pathology"]
    assert notes[0]["href"] == "pathology/"


# ---- levels -------------------------------------------------------------------------


def test_find_level(data):
    """find_level returns the level record with that id."""
    for level in data["levels"]:
        assert rules.find_level(data, level["id"]) is level


@pytest.mark.parametrize(
    "level_id", ["", "Emergency", "unknown", None], ids=["empty", "wrong-case", "unknown", "none"]
)
def test_find_level_unknown_raises_key_error(data, level_id):
    """An unknown level id is a KeyError naming it, never a silent default."""
    with pytest.raises(KeyError) as info:
        rules.find_level(data, level_id)
    assert info.value.args == (level_id,)
