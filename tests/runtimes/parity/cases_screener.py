"""Parity cases for the screener: sog.screener.rules, saved and render.

The decision table (tests/support/screener_cases.py) runs here too, case by
case, so every decision the unit tests check in CPython is also made the
same way in MicroPython and Pyodide; so do the migration of old saved
answers and the reading of them by other pages (answers_from_text).
"""

import json

from sog import storage
from sog.screener import ask_again, render, rules, saved, state

from tests.runtimes.parity.harness import case, case_expecting, case_raises, summary
from tests.support import screener_cases
from tests.support.examples import EVIL, copy_data

DATA = rules.load()

QUESTION_IDS = [question["id"] for question in DATA["questions"]]
VALUES = rules.answer_values(DATA)
# Each question's own answer values.
OFFERED = {}
for _question in DATA["questions"]:
    OFFERED[_question["id"]] = rules.answer_values(DATA, _question)


def all_answered(value, **overrides):
    """Every question answered value, where it offers it (see screener_cases.every)."""
    return screener_cases.every(value, **overrides)


EVALUATE_CASES = [
    ("empty", {}),
    ("emergency_yes", {"emergency": "yes"}),
    ("emergency_no", {"emergency": "no"}),
    ("emergency_not_sure", {"emergency": "not_sure"}),
    ("emergency_yes_beats_everything", all_answered("yes")),
    ("emergency_yes_with_notes_answers", {"emergency": "yes", "medicare": "yes", "older_adult": "yes",
                                          "doctor_suggested": "yes", "trust_doctor": "no"}),
    ("emergency_not_sure_with_worth_seeking", {"emergency": "not_sure", "no_diagnosis": "yes"}),
    ("worth_seeking_single", {"no_diagnosis": "yes"}),
    ("worth_seeking_last_question", {"doctor_suggested": "yes"}),
    ("could_help_single_not_sure", {"no_diagnosis": "not_sure"}),
    ("worth_seeking_trust_no", {"trust_doctor": "no"}),
    ("call_today_getting_worse", {"getting_worse": "yes", "treatment_helping": "not_started"}),
    ("treatment_not_started_only", {"treatment_helping": "not_started"}),
    ("could_help_side_effects_not_sure", {"side_effects": "not_sure"}),
    ("not_needed_all_no", all_answered("no")),
    ("all_yes_but_emergency", all_answered("yes", emergency="no")),
    ("all_not_sure", all_answered("not_sure")),
    ("all_not_sure_but_emergency", all_answered("not_sure", emergency="no")),
    ("info_only_questions", {"medicare": "yes", "breast": "yes", "older_adult": "yes"}),
    ("medicare_original", {"medicare": "original", "major_treatment": "yes"}),
    ("medicare_advantage", {"medicare": "advantage", "major_treatment": "no"}),
    ("medicare_choice_elsewhere", {"emergency": "original", "medicare": "advantage"}),
    ("reason_order_mixed", {"side_effects": "yes", "trust_doctor": "not_sure", "doctor_suggested": "yes",
                            "no_diagnosis": "not_sure", "serious_illness": "yes",
                            "getting_worse": "not_sure"}),
    ("reason_order_reverse_insert", {"doctor_suggested": "yes", "limited_options": "yes",
                                     "conflicting_advice": "yes", "major_treatment": "yes",
                                     "serious_illness": "yes", "treatment_helping": "no",
                                     "cancer": "yes", "no_diagnosis": "yes", "getting_worse": "yes"}),
    ("note_medicare_surgery", {"medicare": "yes", "major_treatment": "yes"}),
    ("note_medicare_check_no", {"medicare": "yes", "major_treatment": "no"}),
    ("note_medicare_check_not_sure", {"medicare": "yes", "major_treatment": "not_sure"}),
    ("note_medicare_check_unanswered", {"medicare": "yes"}),
    ("note_medicare_no", {"medicare": "no", "major_treatment": "yes"}),
    ("note_medicare_not_sure", {"medicare": "not_sure", "major_treatment": "no"}),
    ("note_pathology", {"biopsy": "yes"}),
    ("note_older_adult", {"older_adult": "yes"}),
    ("note_ask_why", {"doctor_suggested": "yes"}),
    ("note_ask_why_not_sure", {"doctor_suggested": "not_sure"}),
    ("all_notes", {"emergency": "not_sure", "medicare": "yes", "major_treatment": "yes",
                   "biopsy": "yes", "older_adult": "yes", "doctor_suggested": "yes"}),
    ("uncleaned_unknown_value", {"no_diagnosis": "maybe", "trust_doctor": "no"}),
    ("uncleaned_unknown_question", {"nope": "yes", "trust_doctor": "yes"}),
]


def random_answer_sets(count, seed):
    """Deterministic pseudo-random answer sets (a small LCG: same in every runtime)."""
    state = seed
    sets = []
    for _ in range(count):
        answers = {}
        for qid in QUESTION_IDS:
            state = (state * 1103515245 + 12345) % 2147483648
            values = OFFERED[qid]
            pick = (state >> 16) % (len(values) + 2)  # two extra picks: leave it blank
            if pick < len(values):
                answers[qid] = values[pick]
        sets.append(answers)
    return sets


def decide(answers, with_notes):
    """[level, notes] for answers (notes None when the table leaves them unchecked)."""
    result = rules.evaluate(DATA, answers)
    return [result["level"], result["notes"] if with_notes else None]


def ask_first_of(answers):
    """[level, ask_first] for answers."""
    result = rules.evaluate(DATA, answers)
    return [result["level"], result["ask_first"]]


def evaluate_and_clean(raw):
    answers, dropped = saved.clean_answers(DATA, raw)
    return {"dropped": dropped, "result": rules.evaluate(DATA, answers)}


def add_rules_cases():
    case("rules.answer_values", rules.answer_values, DATA)
    for question in DATA["questions"]:
        case("rules.answer_values." + question["id"], rules.answer_values, DATA, question)
    case("rules.raising_questions", rules.raising_questions, DATA)
    case("rules.urgent_questions", rules.urgent_questions, DATA)
    for level in DATA["levels"]:
        case("rules.is_urgent." + level["id"], rules.is_urgent, DATA, level["id"])
    for name, answers in EVALUATE_CASES:
        case("rules.evaluate." + name, rules.evaluate, DATA, answers)
        case("rules.urgent_level." + name, rules.urgent_level, DATA, answers)
    # The decision table: the same cases the unit tests check, with their
    # expected level (and notes) checked in every runtime.
    for name, answers, level, notes in screener_cases.CASES:
        case("rules.evaluate.table." + name, rules.evaluate, DATA, answers)
        case_expecting("rules.decide.table." + name, [level, notes], decide, answers, notes is not None)
    for name, answers, level, ask_first in screener_cases.ASK_FIRST_CASES:
        case_expecting("rules.ask_first.table." + name, [level, ask_first], ask_first_of, answers)
    # Every question with every answer it offers, on its own.
    for qid in QUESTION_IDS:
        for value in OFFERED[qid]:
            case("rules.evaluate.single." + qid + "." + value, rules.evaluate, DATA, {qid: value})
            case("rules.urgent_level.single." + qid + "." + value, rules.urgent_level, DATA, {qid: value})
    for index, answers in enumerate(random_answer_sets(60, 20240601)):
        case("rules.evaluate.random_%02d" % index, rules.evaluate, DATA, answers)
    for level in DATA["levels"]:
        case("rules.find_level." + level["id"], rules.find_level, DATA, level["id"])
    case_raises("rules.find_level.unknown", "KeyError", rules.find_level, DATA, "no_such_level")
    case("rules.matching_notes.none", lambda a: [n["id"] for n in rules.matching_notes(DATA, a)], {})
    case("rules.matching_notes.all_yes", lambda a: [n["id"] for n in rules.matching_notes(DATA, a)],
         all_answered("yes"))

    junk = [
        ("none", None),
        ("list", ["emergency", "yes"]),
        ("string", "emergency=yes"),
        ("int", 42),
        ("true", True),
        ("empty_dict", {}),
        ("all_good", all_answered("no")),
        ("mixed", {"emergency": "yes", "junk": "yes", "medicare": "maybe", "older_adult": None,
                   "no_diagnosis": 1, "": "", "EMERGENCY": "yes", "emergency ": "yes",
                   "trust_doctor": "not_sure", "side_effects": ["yes"], "doctor_suggested": {"v": "yes"},
                   "getting_worse": True, "treatment_helping": "YES", "serious_illness": " yes"}),
        ("non_string_keys", {1: "yes", None: "no", 2.5: "yes", "medicare": "yes"}),
        ("unicode_keys", {"emergenc\u00e9": "yes", "medicare": "n\u00f8", "older_adult": "yes"}),
    ]
    for name, raw in junk:
        case("saved.clean_answers." + name, saved.clean_answers, DATA, raw)
        case("rules.clean_then_evaluate." + name, evaluate_and_clean, raw)



def saved_round_trip(answers, show_result):
    """to_saved, through JSON text and back with from_saved."""
    stored = saved.to_saved(answers, show_result)
    text = json.dumps(stored)
    back = saved.from_saved(DATA, json.loads(text))
    return {"stored": stored, "back": back, "same_answers": back[0] == answers}


def to_saved_copies():
    """to_saved keeps its own copy: changing the answers afterwards leaves it alone."""
    answers = {"emergency": "no"}
    stored = saved.to_saved(answers, True)
    answers["medicare"] = "yes"
    return stored


# Version 1 saved data (before questions were split, merged and turned round).
V1_ANSWER_SETS = [
    ("nothing", {}),
    ("not_improving_yes", {"not_improving": "yes", "emergency": "no"}),
    ("not_improving_no", {"not_improving": "no"}),
    ("not_improving_not_sure", {"not_improving": "not_sure"}),
    ("diagnosis_merge_yes", {"no_diagnosis": "no", "told_nothing_wrong": "yes"}),
    ("diagnosis_merge_not_sure", {"no_diagnosis": "not_sure", "told_nothing_wrong": "no"}),
    ("diagnosis_merge_no", {"no_diagnosis": "no", "told_nothing_wrong": "no"}),
    ("diagnosis_half", {"no_diagnosis": "no"}),
    ("rushed_yes", {"rushed_visit": "yes"}),
    ("rushed_no", {"rushed_visit": "no"}),
    ("rushed_not_sure", {"rushed_visit": "not_sure"}),
    ("biopsy_or_cancer_yes", {"biopsy_or_cancer": "yes", "medicare": "yes"}),
    ("biopsy_or_cancer_no", {"biopsy_or_cancer": "no"}),
    ("biopsy_or_cancer_not_sure", {"biopsy_or_cancer": "not_sure"}),
    ("damaged_values", {"not_improving": "maybe", "biopsy_or_cancer": 1, "rushed_visit": None}),
    ("all_yes", {"emergency": "no", "no_diagnosis": "yes", "told_nothing_wrong": "yes", "not_improving": "yes",
                 "serious_illness": "yes", "biopsy_or_cancer": "yes", "major_treatment": "yes",
                 "rushed_visit": "yes", "older_adult": "yes"}),
    ("all_no", {"emergency": "no", "no_diagnosis": "no", "told_nothing_wrong": "no", "not_improving": "no",
                "serious_illness": "no", "biopsy_or_cancer": "no", "major_treatment": "no", "rushed_visit": "no",
                "conflicting_advice": "no", "limited_options": "no", "doctor_suggested": "no",
                "side_effects": "no", "unsure_plan": "no", "medicare": "no", "older_adult": "no"}),
]


def v1_text(answers, show_result):
    return json.dumps({"app": "second-opinion-guide", "kind": saved.KIND, "version": 1, "saved_at": 3,
                       "data": {"answers": answers, "show_result": show_result}})


def read_v1(answers, show_result):
    """What the screener's page and other pages make of version 1 saved text."""
    text = v1_text(answers, show_result)
    loaded, saved_at, notice = storage.unwrap(saved.KIND, saved.VERSION, text, saved.MIGRATIONS)
    found, show, dropped = saved.from_saved(DATA, loaded)
    return {"loaded": loaded, "saved_at": saved_at, "notice": notice, "answers": found, "show": show,
            "dropped": dropped, "ask_again": saved.asked_again(DATA, loaded, found),
            "result": rules.evaluate(DATA, found), "other_pages": saved.answers_from_text(text)}


def add_saved_cases():
    case("saved.constants", lambda: [saved.KIND, saved.VERSION, sorted(saved.MIGRATIONS)])
    for name, answers in V1_ANSWER_SETS:
        case("saved.from_v1." + name, saved.from_v1, {"answers": answers, "show_result": True})
        case("saved.read_v1." + name, read_v1, answers, name.endswith("yes"))
    for name, data in [("none", None), ("list", [1]), ("answers_list", {"answers": ["x"]}), ("empty", {})]:
        case("saved.from_v1.shape_" + name, saved.from_v1, data)
    case("saved.to_saved.ask_again", saved.to_saved, {"emergency": "no"}, True, ["biopsy", "cancer"])
    case("saved.asked_again.order", saved.asked_again, DATA, {"ask_again": ["biopsy", "getting_worse"]}, {})
    case("saved.asked_again.answered", saved.asked_again, DATA, {"ask_again": ["biopsy", "cancer"]},
         {"cancer": "no"})
    case("saved.asked_again.junk", saved.asked_again, DATA, {"ask_again": "biopsy"}, {})
    shows = [("true", True), ("false", False), ("zero", 0), ("one", 1), ("string", "yes"),
             ("none", None), ("empty_string", ""), ("list", [0])]
    for name, show in shows:
        case("saved.to_saved.show_" + name, saved.to_saved, {"emergency": "no"}, show)
    case("saved.to_saved.copies_answers", to_saved_copies)
    case("saved.to_saved.from_pairs", saved.to_saved, [("medicare", "yes"), ("emergency", "no")], True)

    stored = [
        ("none", None),
        ("string", "answers"),
        ("list", [{"answers": {}}]),
        ("int", 3),
        ("empty", {}),
        ("good", {"answers": {"emergency": "no", "medicare": "yes"}, "show_result": True}),
        ("good_hidden", {"answers": {"emergency": "no"}, "show_result": False}),
        ("show_string_true", {"answers": {"emergency": "no"}, "show_result": "true"}),
        ("show_one", {"answers": {"emergency": "no"}, "show_result": 1}),
        ("show_missing", {"answers": {"emergency": "no"}}),
        ("answers_missing", {"show_result": True}),
        ("answers_list", {"answers": ["emergency", "no"], "show_result": True}),
        ("answers_junk", {"answers": {"emergency": "si", "gone_question": "yes", "medicare": "yes"},
                          "show_result": True}),
        ("extra_fields", {"answers": {"older_adult": "yes"}, "show_result": True, "future": [1, 2]}),
    ]
    for name, value in stored:
        case("saved.from_saved." + name, saved.from_saved, DATA, value)

    trips = [
        ("empty", {}, False),
        ("one", {"emergency": "not_sure"}, True),
        ("all_yes", all_answered("yes"), True),
        ("all_no", all_answered("no"), False),
        ("all_not_sure", all_answered("not_sure"), True),
    ]
    for index, answers in enumerate(random_answer_sets(10, 7)):
        trips.append(("random_%02d" % index, answers, index % 2 == 0))
    for name, answers, show in trips:
        case("saved.round_trip." + name, saved_round_trip, answers, show)



def hostile_data():
    """The screener data with markup-breaking text in every field render shows."""
    data = copy_data(DATA)
    evil = EVIL
    for answer in data["answers"]:
        answer["label"] = answer["label"] + evil
    for level in data["levels"]:
        level["title"] = level["title"] + evil
        level["summary"] = evil + level["summary"]
        for step in level["next_steps"]:
            step["text"] = step["text"] + evil
            if "title" in step:
                step["title"] = evil + step["title"]
    for question in data["questions"]:
        question["text"] = question["text"] + evil
        for answer in question.get("answers", []):
            answer["label"] = answer["label"] + evil
        question["hint"] = evil if not question["hint"] else question["hint"] + evil
        if question.get("source"):
            question["source"] = question["source"] + evil
        for value in question["reasons"]:
            question["reasons"][value] = question["reasons"][value] + evil
    for note in data["notes"]:
        note["text"] = note["text"] + evil
        note["source"] = note["source"] + evil
    for name in data["words"]:
        data["words"][name] = evil + data["words"][name] + evil
    return data


def result_for(data, answers, root):
    return render.result_html(data, rules.evaluate(data, answers), root)


RESULT_ANSWERS = [
    ("empty", {}),
    ("too_few", {"emergency": "no", "medicare": "original"}),
    ("urgent_not_sure_with_reasons", {"emergency": "not_sure", "no_diagnosis": "yes", "biopsy": "yes"}),
    ("not_sure_reasons", screener_cases.calm(doctor_suggested="not_sure", side_effects="not_sure",
                                             biopsy="not_sure", medicare="not_sure")),
    ("getting_worse_emergency_blank", {"getting_worse": "yes", "cancer": "yes"}),
    ("calm_with_info", screener_cases.calm(medicare="no", older_adult="no", breast="no")),
    ("medicare_yes_surgery", {"medicare": "yes", "major_treatment": "yes"}),
    ("emergency", {"emergency": "yes", "no_diagnosis": "yes"}),
    ("emergency_not_sure", {"emergency": "not_sure"}),
    ("worth_seeking", {"no_diagnosis": "yes", "trust_doctor": "not_sure", "medicare": "yes"}),
    ("could_help", {"side_effects": "yes", "older_adult": "yes"}),
    ("not_needed_all_no", all_answered("no")),
    ("all_yes", all_answered("yes")),
    ("all_yes_but_emergency", all_answered("yes", emergency="no")),
    ("all_not_sure", all_answered("not_sure")),
    ("all_notes", {"emergency": "not_sure", "medicare": "yes", "major_treatment": "yes",
                   "biopsy": "yes", "older_adult": "yes", "doctor_suggested": "yes"}),
]

ROOTS = [("root_empty", ""), ("root_dotdot", ".."), ("root_hostile", '"><script>alert(1)</script>')]


def add_render_cases():
    case("render.ROOT_ID", lambda: render.ROOT_ID)
    for root_name, root in ROOTS:
        case("render.form_html." + root_name, render.form_html, DATA, root)
        case("render.guide_html." + root_name, render.guide_html, DATA, root)
        for name, answers in RESULT_ANSWERS:
            case("render.result_html." + root_name + "." + name, result_for, DATA, answers, root)
    evil = hostile_data()
    case("render.form_html.hostile_data", render.form_html, evil, "/r")
    case("render.guide_html.hostile_data", render.guide_html, evil, "/r")
    for name, answers in RESULT_ANSWERS:
        case("render.result_html.hostile_data." + name, result_for, evil, answers, "/r")
    for index, answers in enumerate(random_answer_sets(12, 99)):
        case("render.result_html.random_%02d" % index, result_for, DATA, answers, "")
    # The long pages again, in brief, so a difference also shows as a hash.
    case("render.form_html.summary", lambda: summary(render.form_html(DATA, "")))
    case("render.guide_html.summary", lambda: summary(render.guide_html(DATA, "")))
    case_raises("render.result_html.unknown_level", "KeyError", render.result_html, DATA,
                {"level": "nope", "reasons": [], "notes": [], "unanswered": [], "missing": []}, "")
    case("render.urgent_id", render.urgent_id, "emergency")
    for confirming in (False, True):
        case("render.reset_html." + str(confirming), render.reset_html, DATA, confirming)
        case("render.reset_html.hostile." + str(confirming), render.reset_html, evil, confirming)
    case("render.notice_html.both", render.notice_html, DATA, "Updated.", ["cancer", "getting_worse"])
    case("render.notice_html.message", render.notice_html, DATA, "Updated.", [])
    case("render.notice_html.none", render.notice_html, DATA, None, [])
    case("render.notice_html.hostile", render.notice_html, evil, "<b>", ["biopsy"])
    case("render.question_anchor", render.question_anchor, "medicare")



def add_ask_again_cases():
    """What other pages say while answers wait: the finding (from_text) and
    the notice, with hostile words."""
    case("ask_again.none", ask_again.notice_html, [], "Kept some.", "Answer again", "..")
    case("ask_again.some", ask_again.notice_html, ["cancer"], "Kept <some> & \"not\" all.", EVIL, "../..")
    old = v1_text({"biopsy_or_cancer": "yes", "medicare": "yes"}, False)
    case("ask_again.from_v1_text", saved.from_text, old)


def add_state_cases():
    """The changes each tab applies to the newest saved answers."""
    waiting = saved.to_saved({"medicare": "yes"}, False, ["cancer", "biopsy"])
    case("state.new", state.new_state)
    case("state.answer.first", state.answer, state.new_state(), "emergency", "no")
    case("state.answer.changed", state.answer, saved.to_saved({"emergency": "no"}, True), "emergency", "not_sure")
    case("state.answer.waiting", state.answer, waiting, "biopsy", "yes")
    case("state.answer.other", state.answer, waiting, "medicare", "no")
    case("state.show_result", state.show_result, waiting)


def add_cases():
    add_rules_cases()
    add_saved_cases()
    add_ask_again_cases()
    add_state_cases()
    add_render_cases()
