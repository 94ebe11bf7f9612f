"""The screener's saved form: what goes into storage and how it is read back.

The checklist and the letter read the same saved answers to tailor
themselves, through answers_from_text, which needs no question data:
tailoring only matches known question and answer ids, so anything else
simply matches nothing. Old saved answers are brought up to date by
MIGRATIONS there too, so every page reads them alike.
"""

from sog import storage
from sog.screener import choices

KIND = "screener"
# The version of the saved format (not of the questions). Raise it, and add a
# migration, when the format or the meaning of a saved answer changes.
#
# 3: "Do you trust your doctor, and do they take the time to answer your
#    questions?" asked two things at once; it became two questions (see
#    from_v2).
# 2: questions were split, merged and turned around (see from_v1), and a
#    list of questions to answer again ("ask_again") may be saved.
# 1: {question id: answer value}. Medicare's own choices came within it: the
#    "yes" saved before then still means what it meant (has Medicare, kind
#    not said), a choice of its own ("Yes, but not sure which kind").
VERSION = 3

# The answer values every version 1 question offered (Medicare had more,
# but its answers carry over as they are).
_V1_VALUES = ("yes", "no", "not_sure")


def _known(value):
    return value in _V1_VALUES


def _from_not_improving(value, answers, ask_again):
    """"Are you not getting better, or getting worse, with the usual
    treatment?" became "Are your symptoms getting worse?" and "Is your
    treatment helping?". Only a Yes says something certain about the second:
    the usual treatment is not helping. Whether the visitor is getting worse
    is never known, and a No or Not sure may hide it, so those are asked again.
    """
    ask_again.append("getting_worse")
    if value == "yes":
        answers["treatment_helping"] = "no"
    else:
        ask_again.append("treatment_helping")


def _from_no_diagnosis(symptoms, told_nothing_wrong, answers, ask_again):
    """"Do you have symptoms, but no clear diagnosis yet?" now also asks the
    old "Did a doctor say nothing is wrong, but you are not getting better?".
    Yes to either is Yes, Not sure to either (and Yes to neither) is Not
    sure; only No to both is No. One No with the other blank is asked again:
    the blank one could have raised the result."""
    given = [value for value in (symptoms, told_nothing_wrong) if value is not None]
    if "yes" in given:
        answers["no_diagnosis"] = "yes"
    elif "not_sure" in given:
        answers["no_diagnosis"] = "not_sure"
    elif len(given) == 2:
        answers["no_diagnosis"] = "no"
    elif given:
        ask_again.append("no_diagnosis")


def _from_rushed_visit(value, answers, ask_again):
    """"Did your visit feel rushed, or do you still have questions no one
    answered?" became "Do you trust your doctor, and do they take the time
    to answer your questions?". A Yes (rushed) is a No now, Not sure stays;
    a No says nothing about trust, so it is asked again."""
    if value == "yes":
        answers["trust_doctor"] = "no"
    elif value == "not_sure":
        answers["trust_doctor"] = "not_sure"
    else:
        ask_again.append("trust_doctor")


def _from_biopsy_or_cancer(value, answers, ask_again):
    """"Have you had a biopsy, or is cancer part of your diagnosis?" became
    two questions. No is No to both; a Yes or Not sure does not say which,
    so both are asked again."""
    if value == "no":
        answers["biopsy"] = "no"
        answers["cancer"] = "no"
    else:
        ask_again.append("cancer")
        ask_again.append("biopsy")


def from_v1(data):
    """Version 1 data to version 2. Pure; needs no question data.

    Answers to questions that stayed as they were carry over. Answers to the
    questions that changed carry over only where their meaning is certain;
    an answer never becomes a calmer one. The rest are dropped, and the
    questions they belonged to are listed in "ask_again", so the page asks
    the visitor plainly to answer them again. A value no version 1 question
    offered stays under its old question id, so cleaning counts it as
    dropped, as it always did.
    """
    if not isinstance(data, dict) or not isinstance(data.get("answers"), dict):
        return data
    old = data["answers"]
    replaced = ("not_improving", "no_diagnosis", "told_nothing_wrong", "rushed_visit", "biopsy_or_cancer")
    answers = {}
    for key in old:
        if key not in replaced or not _known(old[key]):
            answers[key] = old[key]
    ask_again = []
    if _known(old.get("not_improving")):
        _from_not_improving(old["not_improving"], answers, ask_again)
    symptoms = old.get("no_diagnosis") if _known(old.get("no_diagnosis")) else None
    told = old.get("told_nothing_wrong") if _known(old.get("told_nothing_wrong")) else None
    _from_no_diagnosis(symptoms, told, answers, ask_again)
    if _known(old.get("rushed_visit")):
        _from_rushed_visit(old["rushed_visit"], answers, ask_again)
    if _known(old.get("biopsy_or_cancer")):
        _from_biopsy_or_cancer(old["biopsy_or_cancer"], answers, ask_again)
    upgraded = {"answers": answers, "show_result": data.get("show_result") is True}
    if ask_again:
        upgraded["ask_again"] = ask_again
    return upgraded


def from_v2(data):
    """Version 2 data to version 3. Pure; needs no question data.

    "Do you trust your doctor, and do they take the time to answer your
    questions?" became "Do you trust your doctor's advice?" (trust_doctor)
    and "Does your doctor take the time to answer your questions?"
    (time_for_questions). Yes to both at once is Yes to each. A No said at
    least one was No, but not which: it stays a No to the time question
    (the old hint began with a rushed visit), so the result is never
    calmer, and trust is asked again. A Not sure says nothing certain about
    either, so both are asked again. Anything else stays as it was.
    """
    if not isinstance(data, dict) or not isinstance(data.get("answers"), dict):
        return data
    answers = dict(data["answers"])
    ask_again = data.get("ask_again") if isinstance(data.get("ask_again"), list) else []
    # Asked again by version 1's migration: both of its parts are.
    if "trust_doctor" in ask_again:
        ask_again = ask_again + ["time_for_questions"]
    else:
        ask_again = list(ask_again)
    old = answers.get("trust_doctor")
    if _known(old):
        del answers["trust_doctor"]
        if old == "yes":
            answers["trust_doctor"] = "yes"
            answers["time_for_questions"] = "yes"
        elif old == "no":
            answers["time_for_questions"] = "no"
            ask_again.append("trust_doctor")
        else:
            ask_again.append("trust_doctor")
            ask_again.append("time_for_questions")
    upgraded = {"answers": answers, "show_result": data.get("show_result") is True}
    if ask_again:
        upgraded["ask_again"] = ask_again
    return upgraded


MIGRATIONS = {1: from_v1, 2: from_v2}


def open_store(backend):
    """The screener's store in this browser's storage (None: blocked)."""
    return storage.Store(backend, KIND, VERSION, MIGRATIONS)


def to_saved(answers, show_result, ask_again=None):
    """The data to store for these answers (and the questions still to
    answer again after an update, if any)."""
    saved = {"answers": dict(answers), "show_result": bool(show_result)}
    if ask_again:
        saved["ask_again"] = list(ask_again)
    return saved


def clean_answers(data, raw):
    """Keep the answers that fit the data; count the ones that do not.

    Saved answers may come from an older version of the questions, or be
    damaged. Keeping what still fits means a visitor loses as little as
    possible.
    Returns (answers, dropped).
    """
    if not isinstance(raw, dict):
        return {}, 0 if raw is None else 1
    allowed = {}
    for question in data["questions"]:
        allowed[question["id"]] = choices.answer_values(data, question)
    answers = {}
    dropped = 0
    for key in raw:
        value = raw[key]
        if isinstance(key, str) and key in allowed and isinstance(value, str) and value in allowed[key]:
            answers[key] = value
        else:
            dropped += 1
    return answers, dropped


def from_saved(data, saved):
    """Read stored data back. Returns (answers, show_result, dropped).

    dropped counts saved values that no longer fit the questions; they are
    left out rather than breaking the page.
    """
    if not isinstance(saved, dict):
        return {}, False, 0 if saved is None else 1
    answers, dropped = clean_answers(data, saved.get("answers"))
    return answers, saved.get("show_result") is True, dropped


def asked_again(data, saved, answers):
    """The questions to answer again after an update (saved "ask_again"),
    in question order, leaving out any the visitor has answered since."""
    wanted = saved.get("ask_again") if isinstance(saved, dict) else None
    if not isinstance(wanted, list):
        return []
    return [question["id"] for question in data["questions"]
            if question["id"] in wanted and question["id"] not in answers]


def from_text(text):
    """(answers, ask_again) in raw saved text, for other widgets, which tailor
    themselves by the answers and must say when an update could not keep
    some. Parses the text once; never raises.

    answers: string answers to string questions; anything unreadable reads as
    no answers. ask_again: the questions still to answer again after an
    update (the saved "ask_again", or what bringing this text up to date
    adds), leaving out any answered since. Old saved answers are brought up
    to date first. Only the screener itself reports and sets aside bad data,
    so other pages never touch its key.
    """
    loaded, _, _ = storage.unwrap(KIND, VERSION, text, MIGRATIONS)
    if not isinstance(loaded, dict):
        return {}, []
    raw = loaded.get("answers")
    answers = {}
    if isinstance(raw, dict):
        for key in raw:
            if isinstance(key, str) and isinstance(raw[key], str):
                answers[key] = raw[key]
    wanted = loaded.get("ask_again")
    if not isinstance(wanted, list):
        return answers, []
    return answers, [question_id for question_id in wanted
                     if isinstance(question_id, str) and question_id not in answers]


def answers_from_text(text):
    """The screener answers in raw saved text (see from_text)."""
    return from_text(text)[0]


def ask_again_from_text(text):
    """The questions still to answer again in raw saved text (see from_text)."""
    return from_text(text)[1]
