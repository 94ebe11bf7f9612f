"""The screener's rules: answers in, a result with its reasons out.

Pure Python in the subset CPython, MicroPython and Pyodide share: no browser
imports, no dataclasses, no typing. Everything it decides comes from the data
file (questions.json), so changing a question or a rule never touches code:
levels are listed most pressing first, and a level marked "urgent" (get care
now) is handled as such wherever it is, whatever its id.

How answers become a result (evaluate):
- Any answer that leads to an urgent level gives that level at once, with
  only its urgent reasons and no notes: nothing may distract from getting care.
- Otherwise the most pressing level any answer leads to is the result, at
  once, even with questions left blank (the result says blanks may add more).
- Otherwise, when no answer raised the level, the mildest level (a calm
  "probably not needed") is given only if every question that could raise it
  was answered. With any of those blank there is no verdict (level None):
  too few answers to say anything, so the page asks for them instead.
- Whatever the result, a blank question that could say "get care now" is
  named (ask_first), so the page asks it first, above any result.
Any answer may lead to a level, "No" too where the question asks about
something good ("Is your treatment helping?").
"""

from sog import figures
from sog.screener.choices import answer_values, answers_for  # noqa: F401  (part of this module's API)

DATA_FILE = "screener/questions.json"


def load():
    """The screener data file (questions.json), yearly figures filled in."""
    return figures.load_filled(DATA_FILE)


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


def is_urgent(data, level_id):
    """Whether a level means "get care now" (marked "urgent" in the data)."""
    return find_level(data, level_id).get("urgent") is True


def raising_questions(data):
    """The ids of the questions whose answers can lead to a level, in order."""
    return [question["id"] for question in data["questions"] if question["leads_to"]]


def urgent_questions(data):
    """The ids of the questions an answer to which can lead to an urgent level, in order."""
    found = []
    for question in data["questions"]:
        for level_id in question["leads_to"].values():
            if is_urgent(data, level_id) and question["id"] not in found:
                found.append(question["id"])
    return found


def _condition_holds(answers, question_id, expected):
    """expected is an answer, "!answer" (anything else, or blank), or a list of answers (any of them)."""
    given = answers.get(question_id)
    if isinstance(expected, list):
        return given in expected
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


def _reasons(data, answers):
    """Every answer that leads to a level, as a reason record, in question order."""
    reasons = []
    for order, question in enumerate(data["questions"]):
        given = answers.get(question["id"])
        if not isinstance(given, str):
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
    return reasons


def urgent_level(data, answers):
    """The most pressing urgent level these answers lead to, or None.

    The page shows that level's banner the moment such an answer is given.
    """
    ranks = _level_rank(data)
    found = None
    for reason in _reasons(data, answers):
        if is_urgent(data, reason["level"]) and (found is None or ranks[reason["level"]] < ranks[found]):
            found = reason["level"]
    return found


def evaluate(data, answers):
    """Decide the result for a set of answers (see the module docstring).

    Returns a dict:
        level       the level id, or None for no verdict (too few answers)
        reasons     [{question, answer, level, text, order}] most pressing
                    level first, then in question order; for an urgent level
                    only the urgent reasons
        notes       the ids of the notes to show (none for urgent levels or
                    no verdict)
        answered    how many questions have an answer they offer
        unanswered  the other question ids, in question order
        missing     the unanswered questions that could still raise the level
        ask_first   the unanswered questions that could say "get care now"
    """
    ranks = _level_rank(data)
    reasons = _reasons(data, answers)
    unanswered = []
    for question in data["questions"]:
        if answers.get(question["id"]) not in answer_values(data, question):
            unanswered.append(question["id"])
    missing = [question_id for question_id in raising_questions(data) if question_id in unanswered]
    level_id = None
    for reason in reasons:
        if level_id is None or ranks[reason["level"]] < ranks[level_id]:
            level_id = reason["level"]
    notes = []
    if level_id is not None and is_urgent(data, level_id):
        reasons = [reason for reason in reasons if is_urgent(data, reason["level"])]
    else:
        if level_id is None and not missing:
            level_id = data["levels"][-1]["id"]
        if level_id is not None:
            notes = [note["id"] for note in matching_notes(data, answers)]
    # MicroPython's sort is not stable, so the key carries the question order.
    reasons = sorted(reasons, key=lambda reason: (ranks[reason["level"]], reason["order"]))
    return {
        "level": level_id,
        "reasons": reasons,
        "notes": notes,
        "answered": len(data["questions"]) - len(unanswered),
        "unanswered": unanswered,
        "missing": missing,
        "ask_first": [question_id for question_id in urgent_questions(data) if question_id in unanswered],
    }
