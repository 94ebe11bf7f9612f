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
so ALONE must name every question (a test checks), and "every other question
answered No" is built from the data too.
"""

from sog.screener import rules

DATA = rules.load_data()
QUESTION_IDS = [question["id"] for question in DATA["questions"]]
# The six situations source 001 says each warrant a second opinion.
SIX_SITUATIONS = [
    "no_diagnosis",
    "told_nothing_wrong",
    "not_improving",
    "serious_illness",
    "rushed_visit",
    "major_treatment",
]

# Each question's "yes" alone and "not sure" alone -> the expected level.
ALONE = {
    "emergency": ("emergency", "urgent_unsure"),
    "no_diagnosis": ("worth_seeking", "could_help"),
    "told_nothing_wrong": ("worth_seeking", "could_help"),
    "not_improving": ("worth_seeking", "could_help"),
    "serious_illness": ("worth_seeking", "could_help"),
    "biopsy_or_cancer": ("could_help", None),
    "major_treatment": ("worth_seeking", "could_help"),
    "rushed_visit": ("worth_seeking", "could_help"),
    "conflicting_advice": ("worth_seeking", "could_help"),
    "limited_options": ("worth_seeking", "could_help"),
    "doctor_suggested": ("worth_seeking", None),
    "side_effects": ("could_help", None),
    "unsure_plan": ("could_help", "could_help"),
    "medicare": (None, None),
    "older_adult": (None, None),
}


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


def raising_no(**overrides):
    """Every question that can lead to a level answered No, the rest blank, then overrides."""
    answers = {}
    for question in DATA["questions"]:
        if question["leads_to"]:
            answers[question["id"]] = "no"
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
    ("info_only_answers", {"medicare": "original", "older_adult": "yes"}, None, []),
    ("one_raising_question_blank", without(raising_no(), "limited_options"), None, []),
    ("emergency_question_blank", without(raising_no(), "emergency"), None, []),
    # Every question that could raise the level answered, and none did.
    ("all_no", every("no"), "not_needed_now", []),
    ("raising_all_no_info_blank", raising_no(), "not_needed_now", []),
    # Urgency first, whatever else is said.
    ("emergency_yes", {"emergency": "yes"}, "emergency", []),
    ("emergency_yes_beats_all", every("yes"), "emergency", []),
    ("emergency_not_sure", {"emergency": "not_sure"}, "urgent_unsure", []),
    ("emergency_not_sure_rest_no", raising_no(emergency="not_sure"), "urgent_unsure", []),
    ("emergency_not_sure_beats_worth_seeking", {"emergency": "not_sure", "no_diagnosis": "yes",
                                                "biopsy_or_cancer": "yes", "medicare": "original"},
     "urgent_unsure", []),
    ("emergency_not_sure_all_not_sure", every("not_sure"), "urgent_unsure", []),
    # A biopsy or cancer alone: at least "could help", with the pathology note.
    ("biopsy_yes", {"biopsy_or_cancer": "yes"}, "could_help", ["pathology"]),
    ("biopsy_yes_rest_no", raising_no(biopsy_or_cancer="yes"), "could_help", ["pathology"]),
    ("biopsy_not_sure_rest_no", raising_no(biopsy_or_cancer="not_sure"), "not_needed_now", ["biopsy_ask"]),
    # Feeling unsure, or wanting peace of mind.
    ("unsure_plan_yes_rest_no", raising_no(unsure_plan="yes"), "could_help", []),
    # "Not sure" to these two is a prompt to ask the first doctor, not a reason.
    ("doctor_suggested_not_sure_rest_no", raising_no(doctor_suggested="not_sure"), "not_needed_now",
     ["ask_if_suggested"]),
    ("side_effects_not_sure_rest_no", raising_no(side_effects="not_sure"), "not_needed_now",
     ["ask_side_effects"]),
    ("doctor_suggested_yes", {"doctor_suggested": "yes"}, "worth_seeking", ["ask_why"]),
    # Medicare: Original Medicare, an Advantage plan, "yes" without saying which
    # (what every answer saved before the choice existed says), not sure, no.
    ("medicare_original_surgery", {"medicare": "original", "major_treatment": "yes"}, "worth_seeking",
     ["medicare_surgery"]),
    ("medicare_original_no_surgery", raising_no(medicare="original"), "not_needed_now", ["medicare_check"]),
    ("medicare_advantage_surgery", {"medicare": "advantage", "major_treatment": "yes"}, "worth_seeking",
     ["medicare_advantage"]),
    ("medicare_yes_which_not_said_surgery", {"medicare": "yes", "major_treatment": "yes"}, "worth_seeking",
     ["medicare_ask", "medicare_surgery", "medicare_advantage"]),
    ("medicare_not_sure", raising_no(medicare="not_sure"), "not_needed_now", ["medicare_ask"]),
    ("medicare_no_surgery", {"medicare": "no", "major_treatment": "yes"}, "worth_seeking", []),
    # Urgent results leave every note out: nothing may distract from getting care.
    ("emergency_yes_no_notes", {"emergency": "yes", "biopsy_or_cancer": "yes", "medicare": "original",
                                "major_treatment": "yes", "older_adult": "yes"}, "emergency", []),
    # A reason gives a verdict at once, blanks or not.
    ("could_help_with_blanks", {"side_effects": "yes"}, "could_help", []),
    ("could_help_not_sure", {"no_diagnosis": "not_sure"}, "could_help", []),
    ("worth_seeking_beats_could_help", {"side_effects": "yes", "conflicting_advice": "yes"}, "worth_seeking", []),
    ("older_adult_with_reason", {"older_adult": "yes", "not_improving": "yes"}, "worth_seeking", ["older_adult"]),
]

# Each of the six situations reaches the top non-urgent level on its own,
# and also with every other question answered No.
for _question_id in SIX_SITUATIONS:
    CASES.append(("six_" + _question_id + "_alone", {_question_id: "yes"}, "worth_seeking", None))
    CASES.append(("six_" + _question_id + "_rest_no", raising_no(**{_question_id: "yes"}), "worth_seeking", None))

# Every question's "yes" alone and "not sure" alone.
for _question_id in ALONE:
    _yes, _not_sure = ALONE[_question_id]
    CASES.append(("alone_" + _question_id + "_yes", {_question_id: "yes"}, _yes, None))
    CASES.append(("alone_" + _question_id + "_not_sure", {_question_id: "not_sure"}, _not_sure, None))
