"""The letter's saved form: this browser's storage, and the guide's file. Pure.

One checker, two ways in, as for the checklist: clean is lenient, for this
browser's own storage (keep every valid part, note what was left out); check
is strict, for the letter inside a file the visitor loads (anything wrong
refuses the whole file). This module is a part of the guide's saved work
(its manifest names it; see sog/keep.py), so the checklist page runs it too:
its sentences are in the small saved.json, so that page never needs
letter.json.
"""

from sog import checks, datafiles, storage
from sog import text as text_policy
from sog.checklist import items
from sog.letter import state as letter_state

KIND = "letter"
# The version of the saved format. Raise it, and add a migration, on change.
VERSION = 2
WORDS_FILE = "letter/saved.json"


def from_v1(old):
    """Format 1 -> 2, keeping every word and choice. In format 1 one list of
    forms (paper, electronic, disc, portal) was for every copy, the doctor's
    too; in format 2 forms are the visitor's own copy's, and the doctor's copy
    has its own list: the same forms but the portal (which is the visitor's
    own). agree is new: nothing agreed yet. Anything that is not a format 1
    letter passes through for clean or check to judge."""
    if not isinstance(old, dict):
        return old
    new = dict(old)
    forms = old.get("forms")
    kept = forms if isinstance(forms, list) else []
    new["doctor_forms"] = [form for form in letter_state.DOCTOR_FORMS if form in kept]
    new["agree"] = []
    return new


MIGRATIONS = {1: from_v1}


def open_store(backend):
    """The letter's store in this browser's storage (None: blocked)."""
    return storage.Store(backend, KIND, VERSION, MIGRATIONS)


def _clean_fields(value, issues):
    fields = {}
    if not isinstance(value, dict):
        checks.note(issues, "field_bad")
        return fields
    for key in checks.sorted_keys(value):
        if key not in letter_state.FIELDS:
            markup = isinstance(key, str) and text_policy.looks_like_markup(key)
            checks.note(issues, "markup" if markup else "unknown_field")
            continue
        text, issue = text_policy.check(value[key], letter_state.limit(key), True)
        if issue is not None:
            checks.note(issues, {"bad": "field_bad", "markup": "markup", "long": "text_long"}[issue])
        if text is not None:
            fields[key] = text
    return fields


def _clean_choices(data, group, value, issues):
    if not isinstance(value, list):
        checks.note(issues, "choice_bad")
        return []
    known = letter_state.known_choices(data, group)
    chosen = []
    for entry in value:
        if isinstance(entry, str) and text_policy.looks_like_markup(entry):
            checks.note(issues, "markup")
        elif entry in known:
            chosen.append(entry)
        elif group == "records" and isinstance(entry, str):
            checks.note(issues, "record_unknown")
        else:
            checks.note(issues, "choice_bad")
    return [entry for entry in known if entry in chosen]


def read(data, raw):
    """The letter made from raw saved data, and the issues found: [[code,
    count]] in the order found. None (nothing saved) is a new letter."""
    issues = []
    state = letter_state.new_state()
    if not checks.walkable(raw, letter_state.PARTS, issues):
        return state, issues
    for key in letter_state.PARTS:
        if key not in raw:
            checks.note(issues, "field_bad")
        elif key == "fields":
            state["fields"] = _clean_fields(raw[key], issues)
        else:
            state[key] = _clean_choices(data, key, raw[key], issues)
    return state, issues


def _words():
    return datafiles.load(WORDS_FILE)["words"]


def clean(raw):
    """Lenient read of this browser's saved letter. Never raises. Returns
    (state, issues); problems puts the issues into words."""
    return read(items.load(), raw)


def problems(issues):
    """The visitor's sentences for what clean left out."""
    return checks.sentences(_words()["problems"], issues)


def check(raw):
    """Strict read of the letter in a loaded file: (state, None), or (None,
    the reason it is refused) on anything that does not fit."""
    state, issues = read(items.load(), raw)
    if raw is None:
        issues = [["unreadable", 1]]
    if issues:
        return None, _words()["refusals"][issues[0][0]]
    return state, None
