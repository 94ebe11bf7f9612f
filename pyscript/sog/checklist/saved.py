"""The checklist's saved form: this browser's storage, and files. Pure.

A part of the guide's saved work (its manifest names this module; see
sog/keep.py). Two ways in: clean is lenient, for this browser's own storage:
it keeps every valid part and notes what it left out (problems puts that in
words). check is strict, for the checklist in a file the visitor loads:
anything wrong refuses the whole file, so nothing half-loaded replaces good
work. Both use validate.check. The sentences are in saved.json.
"""

from sog import checks, datafiles, storage
from sog.checklist import items, validate
from sog.checklist.state import MAX_CUSTOM, MAX_QUESTIONS, new_state
from sog.markup import fill

KIND = "checklist"
# The version of the saved format. Raise it, and add a migration, on change.
VERSION = 2
WORDS_FILE = "checklist/saved.json"
# Keep-my-work files before version 3 held this checklist alone, in its own
# format of the same number (sog/keep.py).
ALONE_IN_OLD_FILES = True


def _v1_list(value, convert):
    """Convert a v1 list; anything else passes through for the checks to judge."""
    if not isinstance(value, list):
        return value
    return [convert(entry, index + 1) for index, entry in enumerate(value)]


def from_v1(old):
    """Turn development-era (v1) data into v2, keeping all it can.

    v1 was {"ticked": [ids], "stages", "custom": [strings], "appointment",
    "questions": [strings], "goals"}. Ids are checked later, against the data.
    """
    if not isinstance(old, dict):
        raise ValueError("not v1 data")
    ticked = old.get("ticked", [])
    done = ticked
    if isinstance(ticked, list):
        done = {}
        for item_id in ticked:
            if isinstance(item_id, str):
                done[item_id] = True
    custom = _v1_list(old.get("custom", []),
                      lambda text, n: {"id": "c" + str(n), "text": text, "done": False})
    count = len(custom) if isinstance(custom, list) else 0
    questions = _v1_list(old.get("questions", []),
                         lambda text, n: {"id": "q" + str(count + n), "text": text, "from": ""})
    state = new_state()
    state["done"] = done
    state["stages"] = old.get("stages", {})
    state["custom"] = custom
    state["appointment"] = old.get("appointment", state["appointment"])
    state["questions"] = questions
    state["goals"] = old.get("goals", "")
    state["next_id"] = count + (len(questions) if isinstance(questions, list) else 0) + 1
    return state


MIGRATIONS = {1: from_v1}


def open_store(backend):
    """The checklist's store in this browser's storage (None: blocked)."""
    return storage.Store(backend, KIND, VERSION, MIGRATIONS)


def _words():
    return datafiles.load(WORDS_FILE)["words"]


def _cap(code):
    """The cap an issue's sentence names: own items' or questions'."""
    return {"cap": MAX_CUSTOM if code == "custom_too_many" else MAX_QUESTIONS}


def clean(raw):
    """Lenient read of this browser's saved checklist. Never raises.

    Keeps every valid part, leaves out (or cuts short) the rest. Returns
    (state, issues): [[code, count]] in the order found. None (nothing
    saved) is simply a new checklist.
    """
    return validate.check(items.load(), raw)


def problems(issues):
    """The visitor's sentences for what clean left out; none for what they
    could not see (an unknown field, say)."""
    return checks.sentences(_words()["problems"], issues, _cap)


def check(raw):
    """Strict read of the checklist in a loaded file: (state, None), or
    (None, the reason it is refused) on the first thing that does not fit."""
    state, issues = validate.check(items.load(), raw)
    if raw is None:
        issues = [["unreadable", 1]]
    if issues:
        code = issues[0][0]
        return None, fill(_words()["refusals"][code], _cap(code))
    return state, None
