"""The screener's saved form: what goes into storage and how it is read back.

The checklist reads the same saved answers to tailor itself, through
answers_from_text, which needs no question data: tailoring only matches
known question and answer ids, so anything else simply matches nothing.
"""

from sog import storage
from sog.screener import choices

KIND = "screener"
# The version of the saved format (not of the questions). Raise it, and add a
# migration, when the format changes.
#
# Still 1 after Medicare gained its own choices: the format ({question id:
# answer value}) is the same, and the "yes" saved before then still means
# what it meant (has Medicare, kind not said), which is a choice of its own
# ("Yes, but not sure which kind"). So an old "yes" is neither lost nor misread.
VERSION = 1


def open_store(backend):
    """The screener's store in this browser's storage (None: blocked)."""
    return storage.Store(backend, KIND, VERSION)


def to_saved(answers, show_result):
    """The data to store for these answers."""
    return {"answers": dict(answers), "show_result": bool(show_result)}


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


def answers_from_text(text):
    """The screener answers in raw saved text, for other widgets. Never raises.

    Keeps string answers to string questions; anything unreadable reads as no
    answers. Only the screener itself reports and sets aside bad data, so
    other pages never touch its key.
    """
    loaded, _, _ = storage.unwrap(KIND, VERSION, text)
    raw = loaded.get("answers") if isinstance(loaded, dict) else None
    answers = {}
    if isinstance(raw, dict):
        for key in raw:
            if isinstance(key, str) and isinstance(raw[key], str):
                answers[key] = raw[key]
    return answers
