"""The screener's decision table: answers in, the level (and notes) that must come out.

One table, read by the unit tests (tests/unit/screener/test_rules.py, in
CPython) and by the parity cases (tests/runtimes/parity/cases_screener.py, in
MicroPython and Pyodide too), so every case runs in every runtime. It keeps to
the Python all three share.

A level of None means no verdict: too few answers to say anything (see
rules.evaluate). Notes are the exact note ids expected, in data order; None
leaves them unchecked.

The levels are spelled out here, not read from the data, so a data edit that
changes a decision fails a test. Which questions exist is read from the data,
so ALONE must name every question and every answer it offers (a test checks),
and "every other question answered calmly" is built from the data too.
"""

from sog.screener import rules

DATA = rules.load_data()
QUESTION_IDS = [question["id"] for question in DATA["questions"]]

# The six situations source 001 says each warrant a second opinion, and the
# answer that tells of each (two share a question, whose hint names both).
SIX_SITUATIONS = {
    "symptoms_without_a_diagnosis": ("no_diagnosis", "yes"),
    "told_nothing_is_wrong": ("no_diagnosis", "yes"),
    "usual_treatment_not_working": ("treatment_helping", "no"),
    "serious_or_hard_to_diagnose": ("serious_illness", "yes"),
    "rushed_or_questions_left": ("time_for_questions", "no"),
    "serious_costly_or_surgery": ("major_treatment", "yes"),
}

# Each question's every answer, given alone -> the expected level.
ALONE = {
    "emergency": {"yes": "emergency", "no": None, "not_sure": "urgent_unsure"},
    "getting_worse": {"yes": "call_doctor_today", "no": None, "not_sure": "could_help"},
    "no_diagnosis": {"yes": "worth_seeking", "no": None, "not_sure": "could_help"},
    "treatment_helping": {"yes": None, "no": "worth_seeking", "not_sure": "could_help", "not_started": None},
    "cancer": {"yes": "worth_seeking", "no": None, "not_sure": "could_help"},
    "biopsy": {"yes": "could_help", "no": None, "not_sure": "could_help"},
    "breast": {"yes": None, "no": None, "not_sure": None},
    "serious_illness": {"yes": "worth_seeking", "no": None, "not_sure": "could_help"},
    "major_treatment": {"yes": "worth_seeking", "no": None, "not_sure": "could_help"},
    "trust_doctor": {"yes": None, "no": "worth_seeking", "not_sure": "could_help"},
    "time_for_questions": {"yes": None, "no": "worth_seeking", "not_sure": "could_help"},
    "conflicting_advice": {"yes": "worth_seeking", "no": None, "not_sure": "could_help"},
    "limited_options": {"yes": "worth_seeking", "no": None, "not_sure": "could_help"},
    "doctor_suggested": {"yes": "worth_seeking", "no": None, "not_sure": "could_help"},
    "side_effects": {"yes": "could_help", "no": None, "not_sure": "could_help"},
    "unsure_plan": {"yes": "could_help", "no": None, "not_sure": "could_help"},
    "medicare": {"original": None, "advantage": None, "yes": None, "no": None, "not_sure": None},
    "older_adult": {"yes": None, "no": None, "not_sure": None},
}

# The calm answer to each question that can raise the level: No, except
# where the question asks about something good.
CALM = {"treatment_helping": "yes", "trust_doctor": "yes", "time_for_questions": "yes"}


def _values(question):
    return [answer["value"] for answer in question.get("answers", DATA["answers"])]


def every(value, **overrides):
    """Every question answered value (where the question offers it), then overrides."""
    answers = {}
    for question in DATA["questions"]:
        if value in _values(question):
            answers[question["id"]] = value
    for key in overrides:
        answers[key] = overrides[key]
    return answers


def calm(**overrides):
    """Every question that can lead to a level answered calmly (CALM, else
    No), the rest blank, then overrides."""
    answers = {}
    for question in DATA["questions"]:
        if question["leads_to"]:
            answers[question["id"]] = CALM.get(question["id"], "no")
    for key in overrides:
        answers[key] = overrides[key]
    return answers


def without(answers, question_id):
    """A copy of answers with one question left blank."""
    copied = dict(answers)
    copied.pop(question_id, None)
    return copied


# (name, answers, level, notes)
CASES = [
    # No answers, no verdict; "No" to the emergency question alone is too few.
    ("nothing_answered", {}, None, []),
    ("emergency_no_only", {"emergency": "no"}, None, []),
    ("info_only_answers", {"medicare": "original", "older_adult": "yes", "breast": "yes"}, None, []),
    ("one_raising_question_blank", without(calm(), "limited_options"), None, []),
    ("emergency_question_blank", without(calm(), "emergency"), None, []),
    ("getting_worse_blank", without(calm(), "getting_worse"), None, []),
    # Every question that could raise the level answered calmly, and none did.
    ("all_calm", calm(), "not_needed_now", []),
    ("all_calm_info_answered", calm(medicare="no", older_adult="no", breast="no"), "not_needed_now", []),
    # "No" is not always calm: to "Is your treatment helping?" and "Do you
    # trust your doctor?" it raises the level.
    ("all_no", every("no"), "worth_seeking", []),
    # Urgency first, whatever else is said.
    ("emergency_yes", {"emergency": "yes"}, "emergency", []),
    ("emergency_yes_beats_all", every("yes"), "emergency", []),
    ("emergency_not_sure", {"emergency": "not_sure"}, "urgent_unsure", []),
    ("emergency_not_sure_rest_calm", calm(emergency="not_sure"), "urgent_unsure", []),
    ("emergency_not_sure_beats_worth_seeking", {"emergency": "not_sure", "no_diagnosis": "yes",
                                                "cancer": "yes", "medicare": "original"},
     "urgent_unsure", []),
    ("emergency_not_sure_all_not_sure", every("not_sure"), "urgent_unsure", []),
    ("emergency_beats_getting_worse", {"emergency": "yes", "getting_worse": "yes"}, "emergency", []),
    ("emergency_not_sure_beats_getting_worse", {"emergency": "not_sure", "getting_worse": "yes"},
     "urgent_unsure", []),
    # Issue 14, 1: getting worse is asked plainly. Yes: call the doctor today,
    # and a second opinion is worth seeking; with treatment started, helping,
    # or not yet started (waiting or watching: sources 001 and 003).
    ("getting_worse_yes", {"getting_worse": "yes"}, "call_doctor_today", []),
    ("getting_worse_yes_rest_calm", calm(getting_worse="yes"), "call_doctor_today", []),
    ("getting_worse_before_treatment", calm(getting_worse="yes", treatment_helping="not_started"),
     "call_doctor_today", []),
    ("getting_worse_while_treatment_helps", calm(getting_worse="yes", treatment_helping="yes"),
     "call_doctor_today", []),
    ("getting_worse_beats_worth_seeking", {"getting_worse": "yes", "cancer": "yes", "major_treatment": "yes"},
     "call_doctor_today", []),
    ("getting_worse_not_sure_rest_calm", calm(getting_worse="not_sure"), "could_help", []),
    # Issue 14, 1: "Is your treatment helping?" No is worth seeking; a
    # treatment not yet started is no reason, and never "not sure if it works".
    ("treatment_not_helping", {"treatment_helping": "no"}, "worth_seeking", []),
    ("treatment_not_helping_rest_calm", calm(treatment_helping="no"), "worth_seeking", []),
    ("treatment_not_sure_rest_calm", calm(treatment_helping="not_sure"), "could_help", []),
    ("treatment_not_started_rest_calm", calm(treatment_helping="not_started"), "not_needed_now", []),
    ("treatment_not_started_alone", {"treatment_helping": "not_started"}, None, []),
    ("treatment_helping_blank", without(calm(), "treatment_helping"), None, []),
    # Issue 14, 2: cancer is always worth seeking, however it is told; a
    # biopsy alone could help, with the pathology note.
    ("cancer_yes", {"cancer": "yes"}, "worth_seeking", []),
    ("cancer_yes_rest_calm", calm(cancer="yes"), "worth_seeking", []),
    ("cancer_and_biopsy_rest_calm", calm(cancer="yes", biopsy="yes"), "worth_seeking", ["pathology"]),
    ("cancer_as_serious_illness", calm(serious_illness="yes"), "worth_seeking", []),
    ("cancer_not_sure_rest_calm", calm(cancer="not_sure"), "could_help", []),
    ("biopsy_yes", {"biopsy": "yes"}, "could_help", ["pathology"]),
    ("biopsy_yes_rest_calm", calm(biopsy="yes"), "could_help", ["pathology"]),
    # Issue 14, 6: "Not sure" about a biopsy, the doctor's suggestion or side
    # effects is an answer that blocks "Probably not needed".
    ("biopsy_not_sure_rest_calm", calm(biopsy="not_sure"), "could_help", []),
    ("doctor_suggested_not_sure_rest_calm", calm(doctor_suggested="not_sure"), "could_help", []),
    ("side_effects_not_sure_rest_calm", calm(side_effects="not_sure"), "could_help", []),
    # Issue 14, 7: distrust or a poor fit with the doctor raises the level
    # (sources 003 and 004); so does a rushed visit (source 001). They are
    # two questions, so each asks one thing: either No alone raises it.
    ("trust_no", {"trust_doctor": "no"}, "worth_seeking", []),
    ("trust_no_rest_calm", calm(trust_doctor="no"), "worth_seeking", []),
    ("trust_not_sure_rest_calm", calm(trust_doctor="not_sure"), "could_help", []),
    ("trust_yes_rest_calm", calm(trust_doctor="yes"), "not_needed_now", []),
    ("time_no", {"time_for_questions": "no"}, "worth_seeking", []),
    ("time_no_but_trust_yes", calm(trust_doctor="yes", time_for_questions="no"), "worth_seeking", []),
    ("trust_no_but_time_yes", calm(trust_doctor="no", time_for_questions="yes"), "worth_seeking", []),
    ("time_not_sure_rest_calm", calm(time_for_questions="not_sure"), "could_help", []),
    ("time_blank_rest_calm", without(calm(), "time_for_questions"), None, []),
    ("trust_blank_rest_calm", without(calm(), "trust_doctor"), None, []),
    # A breast problem only changes the checklist's records.
    ("breast_yes_alone", {"breast": "yes"}, None, []),
    ("breast_yes_rest_calm", calm(breast="yes"), "not_needed_now", []),
    # Feeling unsure, or wanting peace of mind.
    ("unsure_plan_yes_rest_calm", calm(unsure_plan="yes"), "could_help", []),
    ("doctor_suggested_yes", {"doctor_suggested": "yes"}, "worth_seeking", ["ask_why"]),
    # Medicare: Original Medicare, an Advantage plan, "yes" without saying which
    # (what every answer saved before the choice existed says), not sure, no.
    ("medicare_original_surgery", {"medicare": "original", "major_treatment": "yes"}, "worth_seeking",
     ["medicare_surgery"]),
    ("medicare_original_no_surgery", calm(medicare="original"), "not_needed_now", ["medicare_check"]),
    ("medicare_advantage_surgery", {"medicare": "advantage", "major_treatment": "yes"}, "worth_seeking",
     ["medicare_advantage"]),
    ("medicare_yes_which_not_said_surgery", {"medicare": "yes", "major_treatment": "yes"}, "worth_seeking",
     ["medicare_ask", "medicare_surgery", "medicare_advantage"]),
    ("medicare_not_sure", calm(medicare="not_sure"), "not_needed_now", ["medicare_ask"]),
    ("medicare_no_surgery", {"medicare": "no", "major_treatment": "yes"}, "worth_seeking", []),
    # Urgent results leave every note out: nothing may distract from getting care.
    ("emergency_yes_no_notes", {"emergency": "yes", "biopsy": "yes", "medicare": "original",
                                "major_treatment": "yes", "older_adult": "yes"}, "emergency", []),
    # A reason gives a verdict at once, blanks or not.
    ("could_help_with_blanks", {"side_effects": "yes"}, "could_help", []),
    ("could_help_not_sure", {"no_diagnosis": "not_sure"}, "could_help", []),
    ("worth_seeking_beats_could_help", {"side_effects": "yes", "conflicting_advice": "yes"}, "worth_seeking", []),
    ("older_adult_with_reason", {"older_adult": "yes", "treatment_helping": "no"}, "worth_seeking",
     ["older_adult"]),
]

# Issue 14, 5: with a question that could say "get care now" blank, a result
# may still show, but the page asks that question first, above it.
# (name, answers, level, ask_first)
ASK_FIRST_CASES = [
    ("surgery_alone", {"major_treatment": "yes"}, "worth_seeking", ["emergency"]),
    ("getting_worse_alone", {"getting_worse": "yes"}, "call_doctor_today", ["emergency"]),
    ("calm_but_emergency", without(calm(), "emergency"), None, ["emergency"]),
    ("emergency_no", {"emergency": "no", "major_treatment": "yes"}, "worth_seeking", []),
    ("emergency_not_sure", {"emergency": "not_sure"}, "urgent_unsure", []),
    ("nothing", {}, None, ["emergency"]),
]

# Each of the six situations reaches the top level that is not urgent and
# carries no call for today, on its own and with every other question calm.
for _name in SIX_SITUATIONS:
    _question_id, _value = SIX_SITUATIONS[_name]
    CASES.append(("six_" + _name + "_alone", {_question_id: _value}, "worth_seeking", None))
    CASES.append(("six_" + _name + "_rest_calm", calm(**{_question_id: _value}), "worth_seeking", None))

# Every question's every answer, alone.
for _question_id in ALONE:
    for _value in ALONE[_question_id]:
        _level = ALONE[_question_id][_value]
        CASES.append(("alone_" + _question_id + "_" + _value, {_question_id: _value}, _level, None))
