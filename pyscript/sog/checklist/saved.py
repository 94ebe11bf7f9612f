"""The checklist's saved form: this browser's storage, and files. Pure.

Two ways in. clean_state is lenient, for this browser's own storage: it keeps
every valid part and says in plain words what it left out. check is strict,
for the checklist in a file the visitor loads (backup.py): anything wrong
refuses the whole file, so nothing half-loaded replaces good work. Both use
validate.check.
"""

from sog import storage
from sog.checklist import items, validate
from sog.checklist.state import MAX_CUSTOM, MAX_QUESTIONS, new_state
from sog.markup import fill

KIND = "checklist"
# The version of the saved format. Raise it, and add a migration, on change.
VERSION = 2


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


def _problem(data, code, count):
    """The visitor's sentence for one issue found in storage, or None to stay
    quiet (nothing they could see was lost)."""
    pair = data["words"]["problems"].get(code)
    if pair is None:
        return None
    cap = MAX_CUSTOM if code == "custom_too_many" else MAX_QUESTIONS
    return fill(pair[0] if count == 1 else pair[1], {"n": count, "cap": cap})


def clean_state(data, raw):
    """Lenient read of this browser's saved data. Never raises.

    Keeps every valid part, leaves out (or cuts short) the rest. Returns
    (state, problems): problems are plain sentences for the visitor, empty
    when nothing they could see was lost. None (nothing saved) is simply a
    new checklist.
    """
    state, issues = validate.check(data, raw)
    problems = []
    for code, count in issues:
        message = _problem(data, code, count)
        if message is not None:
            problems.append(message)
    return state, problems


# ---- as a part of the checklist's file (see backup.py) --------------------------


def clean(raw):
    """Lenient read, as clean_state with the checklist's own data."""
    return clean_state(items.load(), raw)


def check(raw):
    """Strict read of the checklist in a loaded file: (state, None), or
    (None, the reason it is refused) on the first thing that does not fit."""
    data = items.load()
    state, issues = validate.check(data, raw)
    if raw is None:
        issues = [["unreadable", 1]]
    if issues:
        code = issues[0][0]
        cap = MAX_CUSTOM if code == "custom_too_many" else MAX_QUESTIONS
        return None, fill(data["words"]["refusals"][code], {"cap": cap})
    return state, None
