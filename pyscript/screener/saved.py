"""The screener's saved form: what goes into storage and how it is read back.

The checklist reads the same saved answers to tailor itself, so both widgets
use these functions rather than knowing the format.
"""

import storage
from screener.rules import clean_answers

KIND = "screener"
# The version of the saved format (not of the questions). Raise it, and add a
# migration, when the format changes.
VERSION = 1


def open_store(backend):
    """The screener's store in this browser's storage (None: blocked)."""
    return storage.Store(backend, KIND, VERSION)


def to_saved(answers, show_result):
    """The data to store for these answers."""
    return {"answers": dict(answers), "show_result": bool(show_result)}


def from_saved(data, saved):
    """Read stored data back. Returns (answers, show_result, dropped).

    dropped counts saved values that no longer fit the questions; they are
    left out rather than breaking the page.
    """
    if not isinstance(saved, dict):
        return {}, False, 0 if saved is None else 1
    answers, dropped = clean_answers(data, saved.get("answers"))
    return answers, saved.get("show_result") is True, dropped


def answers_from_text(data, text):
    """The screener answers in raw saved text, for other widgets. Never raises.

    Anything unreadable reads as no answers; only the screener itself reports
    and sets aside bad data, so other pages never touch its key.
    """
    loaded, _, notice = storage.unwrap(KIND, VERSION, text)
    answers, _, _ = from_saved(data, loaded)
    return answers
