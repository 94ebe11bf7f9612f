"""Unit tests for the migrations of the screener's saved answers
(saved.from_v1, saved.from_v2; old data goes through each in turn).

Version 1 asked five questions that changed: "Are you not getting better, or
getting worse, with the usual treatment?" (split in two, and asked plainly),
"Have you had a biopsy, or is cancer part of your diagnosis?" (split in two),
"Did a doctor say nothing is wrong...?" (now part of "no clear diagnosis"),
and "Did your visit feel rushed...?" (now part of "Do you trust your
doctor...?", asked the other way round).

Tested here: each old answer, and how it carries over or is asked again;
that no old answer ever turns into a calmer result (every combination of the
five old questions' answers, with the others calm, blank or mixed, judged by
version 1's own rules and by today's); that answers to unchanged questions
and damaged values are neither lost nor misread; that the saved text reads
the same on the screener's page (Store.load), and on the checklist's and the
letter's (answers_from_text), which tailor themselves from it.

Version 2 asked "Do you trust your doctor, and do they take the time to
answer your questions?", two things at once; version 3 asks them apart. The
same is checked for it: each old answer, and no calmer result, by version
2's rules and today's.
"""

import itertools
import json

import pytest
from sog import storage
from sog.checklist import items as checklist_items
from sog.checklist import view as checklist_view
from sog.screener import rules, saved

from tests.support.fake_storage import MemoryStorage

# Version 1's rules, as its questions.json had them: enough for evaluate.
V1_LEVELS = ["emergency", "urgent_unsure", "worth_seeking", "could_help", "not_needed_now"]
V1_LEADS_TO = {
    "emergency": {"yes": "emergency", "not_sure": "urgent_unsure"},
    "no_diagnosis": {"yes": "worth_seeking", "not_sure": "could_help"},
    "told_nothing_wrong": {"yes": "worth_seeking", "not_sure": "could_help"},
    "not_improving": {"yes": "worth_seeking", "not_sure": "could_help"},
    "serious_illness": {"yes": "worth_seeking", "not_sure": "could_help"},
    "biopsy_or_cancer": {"yes": "could_help"},
    "major_treatment": {"yes": "worth_seeking", "not_sure": "could_help"},
    "rushed_visit": {"yes": "worth_seeking", "not_sure": "could_help"},
    "conflicting_advice": {"yes": "worth_seeking", "not_sure": "could_help"},
    "limited_options": {"yes": "worth_seeking", "not_sure": "could_help"},
    "doctor_suggested": {"yes": "worth_seeking"},
    "side_effects": {"yes": "could_help"},
    "unsure_plan": {"yes": "could_help", "not_sure": "could_help"},
    "medicare": {},
    "older_adult": {},
}
V1_DATA = {
    "answers": [{"value": value, "label": value} for value in ("yes", "no", "not_sure")],
    "levels": [{"id": level, "urgent": level in ("emergency", "urgent_unsure")} for level in V1_LEVELS],
    "questions": [
        {"id": question_id, "leads_to": leads_to, "reasons": {answer: "" for answer in leads_to}}
        for question_id, leads_to in V1_LEADS_TO.items()
    ],
    "notes": [],
}
CHANGED = ["not_improving", "no_diagnosis", "told_nothing_wrong", "rushed_visit", "biopsy_or_cancer"]
UNCHANGED = [question_id for question_id in V1_LEADS_TO if question_id not in CHANGED]
# How pressing each level is, today's and version 1's: lower is more pressing.
RANK = {"emergency": 0, "urgent_unsure": 1, "call_doctor_today": 2, "worth_seeking": 3, "could_help": 4,
        "not_needed_now": 5}


def v1_data(answers, show_result=False):
    return {"answers": answers, "show_result": show_result}


def migrated(answers):
    """(answers, ask_again) in version 2 from version 1 answers."""
    upgraded = saved.from_v1(v1_data(answers))
    return upgraded["answers"], upgraded.get("ask_again", [])


def up_to_date(answers):
    """(answers, ask_again) today from version 1 answers, through every migration."""
    upgraded = saved.from_v2(saved.from_v1(v1_data(answers)))
    return upgraded["answers"], upgraded.get("ask_again", [])


@pytest.mark.parametrize(
    "old, answers, ask_again",
    [
        # Getting worse is never known from the old question: always asked again.
        pytest.param({"not_improving": "yes"}, {"treatment_helping": "no"}, ["getting_worse"], id="not-improving-yes"),
        pytest.param({"not_improving": "no"}, {}, ["getting_worse", "treatment_helping"], id="not-improving-no"),
        pytest.param({"not_improving": "not_sure"}, {}, ["getting_worse", "treatment_helping"],
                     id="not-improving-not-sure"),
        # No clear diagnosis, and "told nothing is wrong", are one question now.
        pytest.param({"no_diagnosis": "yes", "told_nothing_wrong": "no"}, {"no_diagnosis": "yes"}, [],
                     id="diagnosis-yes-no"),
        pytest.param({"no_diagnosis": "no", "told_nothing_wrong": "yes"}, {"no_diagnosis": "yes"}, [],
                     id="diagnosis-no-yes"),
        pytest.param({"told_nothing_wrong": "yes"}, {"no_diagnosis": "yes"}, [], id="told-yes-alone"),
        pytest.param({"no_diagnosis": "not_sure", "told_nothing_wrong": "no"}, {"no_diagnosis": "not_sure"}, [],
                     id="diagnosis-not-sure-no"),
        pytest.param({"no_diagnosis": "no", "told_nothing_wrong": "no"}, {"no_diagnosis": "no"}, [],
                     id="diagnosis-no-no"),
        pytest.param({"no_diagnosis": "no"}, {}, ["no_diagnosis"], id="diagnosis-no-told-blank"),
        pytest.param({"told_nothing_wrong": "no"}, {}, ["no_diagnosis"], id="told-no-diagnosis-blank"),
        # A rushed visit is a No to "Do you trust your doctor, and do they take the time...?".
        pytest.param({"rushed_visit": "yes"}, {"trust_doctor": "no"}, [], id="rushed-yes"),
        pytest.param({"rushed_visit": "not_sure"}, {"trust_doctor": "not_sure"}, [], id="rushed-not-sure"),
        pytest.param({"rushed_visit": "no"}, {}, ["trust_doctor"], id="rushed-no"),
        # A biopsy or cancer: which of the two is never known from a Yes.
        pytest.param({"biopsy_or_cancer": "no"}, {"biopsy": "no", "cancer": "no"}, [], id="biopsy-or-cancer-no"),
        pytest.param({"biopsy_or_cancer": "yes"}, {}, ["cancer", "biopsy"], id="biopsy-or-cancer-yes"),
        pytest.param({"biopsy_or_cancer": "not_sure"}, {}, ["cancer", "biopsy"], id="biopsy-or-cancer-not-sure"),
        # Questions that stayed as they were carry over as they are.
        pytest.param({"emergency": "no", "medicare": "yes", "doctor_suggested": "not_sure", "older_adult": "yes"},
                     {"emergency": "no", "medicare": "yes", "doctor_suggested": "not_sure", "older_adult": "yes"},
                     [], id="unchanged"),
        pytest.param({}, {}, [], id="nothing"),
    ],
)
def test_each_old_answer(old, answers, ask_again):
    """Each old answer carries over where its meaning is certain; otherwise
    its questions are listed to answer again."""
    assert migrated(old) == (answers, ask_again)


def test_damaged_values_stay_to_be_counted_as_dropped(data):
    """A value no version 1 question offered stays under its old id, so the
    page counts it as dropped (and says so), as it did before the update."""
    old = {"not_improving": "maybe", "biopsy_or_cancer": 1, "rushed_visit": None, "emergency": "no"}
    answers, ask_again = migrated(old)
    assert answers == old and ask_again == []
    assert saved.clean_answers(data, answers) == ({"emergency": "no"}, 3)


@pytest.mark.parametrize(
    "data",
    [None, "answers", [1], {}, {"answers": None}, {"answers": ["emergency", "yes"]}, {"show_result": True}],
    ids=["none", "string", "list", "empty", "answers-none", "answers-list", "answers-missing"],
)
def test_damaged_shapes_pass_through_for_cleaning(data):
    """Migration never raises: a shape it cannot read goes on unchanged, and
    from_saved copes with it as with any damaged data."""
    assert saved.from_v1(data) == data


def test_show_result_carries_over():
    assert saved.from_v1(v1_data({"emergency": "no"}, True))["show_result"] is True
    assert saved.from_v1(v1_data({"emergency": "no"}, "yes"))["show_result"] is False


def test_the_caller_s_data_is_left_alone():
    old = v1_data({"not_improving": "yes", "rushed_visit": "no"})
    before = json.dumps(old, sort_keys=True)
    saved.from_v1(old)
    assert json.dumps(old, sort_keys=True) == before


def v1_answer_sets():
    """Every combination of the changed questions' answers (or blank), with
    the unchanged questions calm (No), blank, or in a mixed state."""
    rests = [
        {question_id: "no" for question_id in UNCHANGED if V1_LEADS_TO[question_id]},
        {},
        {"emergency": "no", "doctor_suggested": "not_sure", "side_effects": "not_sure", "medicare": "yes"},
    ]
    for values in itertools.product([None, "yes", "no", "not_sure"], repeat=len(CHANGED)):
        for rest in rests:
            answers = dict(rest)
            for question_id, value in zip(CHANGED, values, strict=True):
                if value is not None:
                    answers[question_id] = value
            yield answers


def test_no_old_answer_ever_becomes_a_calmer_result(data):
    """Judged by version 1's rules before and today's after: a result never
    gets calmer. It may become no verdict (the page then asks for the
    questions to answer again), but "Probably not needed" only ever follows
    "Probably not needed", and no level is ever milder than before."""
    checked = 0
    for old in v1_answer_sets():
        before = rules.evaluate(V1_DATA, old)["level"]
        answers, dropped = saved.clean_answers(data, up_to_date(old)[0])
        assert dropped == 0, old
        after = rules.evaluate(data, answers)["level"]
        if after == "not_needed_now":
            assert before == "not_needed_now", (old, before, after)
        if after is not None and before is not None:
            assert RANK[after] <= RANK[before], (old, before, after)
        checked += 1
    assert checked == 4 ** len(CHANGED) * 3


def test_every_dropped_answer_is_asked_again():
    """Whenever an answer to a changed question does not carry over, a
    question that took its place is listed to answer again: nothing is
    silently lost."""
    replaced_by = {
        "not_improving": {"getting_worse", "treatment_helping"},
        "no_diagnosis": {"no_diagnosis"},
        "told_nothing_wrong": {"no_diagnosis"},
        "rushed_visit": {"trust_doctor", "time_for_questions"},
        "biopsy_or_cancer": {"biopsy", "cancer"},
    }
    for old in v1_answer_sets():
        answers, ask_again = up_to_date(old)
        for question_id in CHANGED:
            if question_id in old:
                kept = replaced_by[question_id] & set(answers)
                assert kept or replaced_by[question_id] & set(ask_again), (old, question_id)


def v1_text(answers, show_result=False):
    return json.dumps(storage.wrap(saved.KIND, 1, v1_data(answers, show_result), 5))


def test_the_screener_page_reads_old_answers_brought_up_to_date(data):
    """On the screener's page: Store.load says the answers were updated, and
    from_saved and asked_again give what the page shows and asks for."""
    backend = MemoryStorage()
    backend.setItem(storage.storage_key(saved.KIND), v1_text({"not_improving": "yes", "medicare": "yes"}, True))
    loaded, saved_at, notice = saved.open_store(backend).load()
    assert (saved_at, notice) == (5, storage.MIGRATED)
    answers, show, dropped = saved.from_saved(data, loaded)
    assert (answers, show, dropped) == ({"treatment_helping": "no", "medicare": "yes"}, True, 0)
    assert saved.asked_again(data, loaded, answers) == ["getting_worse"]
    assert storage.message_for(notice)


def test_other_pages_read_old_answers_brought_up_to_date():
    """The checklist and the letter read the screener's answers through
    answers_from_text: an old text gives today's answers, and tailors the
    checklist by them (a biopsy or cancer's No hides the pathology records;
    an old Yes, asked again, tailors nothing until answered)."""
    text = v1_text({"biopsy_or_cancer": "no", "rushed_visit": "yes", "major_treatment": "yes", "medicare": "yes"})
    answers = saved.answers_from_text(text)
    assert answers == {"biopsy": "no", "cancer": "no", "time_for_questions": "no", "major_treatment": "yes",
                       "medicare": "yes"}
    checklist = checklist_items.load()
    first = checklist_view.tailor(checklist, answers)["first"]
    assert "surgeon_notes" in first and "medicare_part_b" in first
    assert "pathology_slides" not in first and "mammograms" not in first
    assert saved.answers_from_text(v1_text({"biopsy_or_cancer": "yes"})) == {}


# ---- version 2 to 3: trust, and time for questions, asked apart ---------------------------------

def _v2_data(data):
    """Today's questions as version 2 had them: one trust question, no time question."""
    v2 = dict(data)
    v2["notes"] = []
    v2["questions"] = [question for question in data["questions"] if question["id"] != "time_for_questions"]
    return v2


def from_v2(answers, ask_again=None):
    old = {"answers": answers, "show_result": True}
    if ask_again is not None:
        old["ask_again"] = ask_again
    upgraded = saved.from_v2(old)
    assert upgraded["show_result"] is True
    return upgraded["answers"], upgraded.get("ask_again", [])


@pytest.mark.parametrize(
    "old, answers, ask_again",
    [
        pytest.param({"trust_doctor": "yes"}, {"trust_doctor": "yes", "time_for_questions": "yes"}, [],
                     id="yes-is-yes-to-both"),
        # At least one was No: the result stays as pressing; trust is asked again.
        pytest.param({"trust_doctor": "no"}, {"time_for_questions": "no"}, ["trust_doctor"], id="no"),
        pytest.param({"trust_doctor": "not_sure"}, {}, ["trust_doctor", "time_for_questions"], id="not-sure"),
        pytest.param({"trust_doctor": "maybe"}, {"trust_doctor": "maybe"}, [], id="damaged-stays-to-be-dropped"),
        pytest.param({"emergency": "no", "cancer": "yes"}, {"emergency": "no", "cancer": "yes"}, [], id="others"),
    ],
)
def test_each_version_2_trust_answer(old, answers, ask_again):
    assert from_v2(old) == (answers, ask_again)


def test_asked_again_before_is_asked_again_in_both_parts():
    """A version 1 answer that was to be answered again (a visit that was not
    rushed says nothing of trust) is asked again as both questions."""
    assert from_v2({"cancer": "no"}, ["getting_worse", "trust_doctor"]) == (
        {"cancer": "no"}, ["getting_worse", "trust_doctor", "time_for_questions"])


@pytest.mark.parametrize("data_in", [None, "x", {}, {"answers": []}], ids=["none", "string", "empty", "list"])
def test_version_2_damaged_shapes_pass_through(data_in):
    assert saved.from_v2(data_in) == data_in


def test_no_version_2_answer_ever_becomes_a_calmer_result(data):
    """Every answer to the old trust question (or none), with every other
    question calm, blank, raised a little, or raised more: judged by version
    2's rules before and today's after, the result is never calmer."""
    v2 = _v2_data(data)
    rests = [
        {question["id"]: ("yes" if question["id"] == "treatment_helping" else "no")
         for question in v2["questions"] if question["leads_to"] and question["id"] != "trust_doctor"},
        {},
        {"emergency": "no", "side_effects": "yes"},
        {"emergency": "no", "side_effects": "not_sure", "biopsy": "no"},
    ]
    for value in (None, "yes", "no", "not_sure"):
        for rest in rests:
            old = dict(rest)
            if value is not None:
                old["trust_doctor"] = value
            before = rules.evaluate(v2, old)["level"]
            answers, dropped = saved.clean_answers(data, from_v2(old)[0])
            assert dropped == 0
            after = rules.evaluate(data, answers)["level"]
            if after == "not_needed_now":
                assert before == "not_needed_now", (old, before, after)
            if after is not None and before is not None:
                assert RANK[after] <= RANK[before], (old, before, after)


def v2_text(answers):
    return json.dumps(storage.wrap(saved.KIND, 2, {"answers": answers, "show_result": True}, 7))


def test_the_screener_page_reads_version_2_answers(data):
    backend = MemoryStorage()
    backend.setItem(storage.storage_key(saved.KIND), v2_text({"trust_doctor": "no", "medicare": "original"}))
    loaded, _, notice = saved.open_store(backend).load()
    assert notice == storage.MIGRATED
    answers, show, dropped = saved.from_saved(data, loaded)
    assert (answers, show, dropped) == ({"time_for_questions": "no", "medicare": "original"}, True, 0)
    assert saved.asked_again(data, loaded, answers) == ["trust_doctor"]
    assert saved.answers_from_text(v2_text({"trust_doctor": "yes"})) == {"trust_doctor": "yes",
                                                                          "time_for_questions": "yes"}


@pytest.mark.parametrize(
    "text, expected",
    [
        (None, []),
        ("{broken", []),
        (v1_text({"biopsy_or_cancer": "yes"}), ["cancer", "biopsy"]),
        (v1_text({"rushed_visit": "no", "emergency": "no"}), ["trust_doctor", "time_for_questions"]),
        (v2_text({"trust_doctor": "no"}), ["trust_doctor"]),
        (v2_text({"trust_doctor": "yes"}), []),
        (json.dumps(storage.wrap(saved.KIND, saved.VERSION, {"answers": {"cancer": "no"}, "ask_again": [
            "cancer", "biopsy", 3]}, 9)), ["biopsy"]),
    ],
    ids=["nothing", "unreadable", "v1-biopsy-or-cancer", "v1-not-rushed", "v2-trust-no", "v2-trust-yes",
         "current-partly-answered"],
)
def test_other_pages_learn_which_answers_to_ask_again(text, expected):
    """The checklist says when an update dropped answers that tailor it:
    ask_again_from_text names those questions, leaving out any answered since."""
    assert saved.ask_again_from_text(text) == expected
