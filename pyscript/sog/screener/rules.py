"""The screener's rules: answers in, a result with its reasons out.

Pure Python in the subset CPython, MicroPython and Pyodide share: no browser
imports, no dataclasses, no typing. Everything it decides comes from the data
file (questions.json), so changing a question or a rule never touches code.
"""

from sog import datafiles

DATA_FILE = "screener/questions.json"


def load_data():
    """The screener data file (questions.json)."""
    return datafiles.load(DATA_FILE)


def answer_values(data):
    """The answer values every question allows, in display order."""
    return [answer["value"] for answer in data["answers"]]


def _level_rank(data):
    """Map level id to priority: lower number wins."""
    ranks = {}
    for index, level in enumerate(data["levels"]):
        ranks[level["id"]] = index
    return ranks


def find_level(data, level_id):
    """The level record with this id."""
    for level in data["levels"]:
        if level["id"] == level_id:
            return level
    raise KeyError(level_id)


def _condition_holds(answers, question_id, expected):
    given = answers.get(question_id)
    if expected.startswith("!"):
        return given != expected[1:]
    return given == expected


def matching_notes(data, answers):
    """The extra notes whose conditions all hold for these answers."""
    notes = []
    for note in data["notes"]:
        holds = True
        for question_id, expected in note["when"]:
            if not _condition_holds(answers, question_id, expected):
                holds = False
                break
        if holds:
            notes.append(note)
    return notes


def evaluate(data, answers):
    """Decide the result for a set of answers.

    The result is the most pressing level any answer leads to; with no such
    answer it is the last (mildest) level. The reasons are every answer that
    leads to a level, most pressing first, so the visitor sees why.
    An emergency answer returns at once: nothing else matters then.
    Returns a dict: level, reasons (list of {question, answer, text}), notes,
    answered (count) and unanswered (list of question ids).
    """
    ranks = _level_rank(data)
    mildest = data["levels"][-1]["id"]
    level_id = mildest
    reasons = []
    unanswered = []
    for order, question in enumerate(data["questions"]):
        given = answers.get(question["id"])
        if given is None:
            unanswered.append(question["id"])
            continue
        leads_to = question["leads_to"].get(given)
        if leads_to is None:
            continue
        reasons.append({
            "question": question["id"],
            "answer": given,
            "level": leads_to,
            "text": question["reasons"][given],
            "order": order,
        })
        if ranks[leads_to] < ranks[level_id]:
            level_id = leads_to
    if level_id == "emergency":
        reasons = [reason for reason in reasons if reason["level"] == "emergency"]
        notes = []
    else:
        # MicroPython's sort is not stable, so the key carries the question order.
        reasons = sorted(reasons, key=lambda reason: (ranks[reason["level"]], reason["order"]))
        notes = matching_notes(data, answers)
    return {
        "level": level_id,
        "reasons": reasons,
        "notes": [note["id"] for note in notes],
        "answered": len(data["questions"]) - len(unanswered),
        "unanswered": unanswered,
    }
