"""The worksheet's saved form: this browser's storage, and the guide's file. Pure.

A part of the guide's saved work (its manifest names this module; see
sog/keep.py): KIND, VERSION, MIGRATIONS, open_store, clean (lenient, for this
browser's own storage: keeps every valid answer and notes what it left out;
problems says it in plain words) and check (strict, for a file the visitor
loads: anything wrong refuses the whole file, so nothing half-loaded
replaces good work). Both walk raw data with read(). A row of
worksheet.json that a saved worksheet lacks (added since it was saved)
reads as not answered: rows can be added without a new format. The
sentences are in saved.json.
"""

from sog import checks, datafiles, storage
from sog import text as text_policy
from sog.worksheet import sheet, state

KIND = "worksheet"
# The version of the saved format. Raise it, and add a migration, on change.
VERSION = 1
MIGRATIONS = {}
WORDS_FILE = "worksheet/saved.json"

# text.check's issues -> this file's issue codes.
_TEXT_ISSUES = {"bad": "bad", "markup": "markup", "long": "long"}


def open_store(backend):
    """The worksheet's store in this browser's storage (None: blocked)."""
    return storage.Store(backend, KIND, VERSION, MIGRATIONS)


def _exact_keys(value, wanted, issues, may_lack=False):
    """Note keys that value (a dict) has and should not, or lacks (unless it may)."""
    for key in checks.sorted_keys(value):
        if key not in wanted:
            checks.note(issues, "unknown_field")
    if may_lack:
        return
    for key in wanted:
        if key not in value:
            checks.note(issues, "missing_field")


def _text(value, limit, issues):
    """Checked text, or None if it must be left out (issue noted)."""
    checked, issue = text_policy.check(value, limit, True)
    if issue is not None:
        checks.note(issues, _TEXT_ISSUES[issue])
    return checked


def _answers(data, raw, issues):
    answers = state.new_state(data)["answers"]
    if not isinstance(raw, dict):
        checks.note(issues, "bad")
        return answers
    doctors = sheet.doctor_ids(data)
    rows = sheet.row_ids(data)
    _exact_keys(raw, doctors, issues)
    for doctor in doctors:
        given = raw.get(doctor, {})
        if not isinstance(given, dict):
            checks.note(issues, "bad")
            continue
        # A row added since the worksheet was saved is simply not answered yet.
        _exact_keys(given, rows, issues, may_lack=True)
        for row in rows:
            if row in given:
                text = _text(given[row], state.MAX_ANSWER, issues)
                if text is not None:
                    answers[doctor][row] = text
    return answers


def read(data, raw):
    """The worksheet made from raw data, and the issues found: [[code,
    count]] in the order found. None (nothing saved) is an empty worksheet,
    no issues."""
    issues = []
    result = state.new_state(data)
    if raw is None:
        return result, issues
    if not isinstance(raw, dict):
        return result, [["unreadable", 1]]
    _exact_keys(raw, state.FIELDS, issues)
    result["answers"] = _answers(data, raw.get("answers", {}), issues)
    goals = raw.get("goals")
    if goals is not None:
        result["goals"] = _text(goals, state.MAX_GOALS, issues)
    comparison = raw.get("comparison", "")
    if comparison == "" or comparison in sheet.comparison_ids(data):
        result["comparison"] = comparison
    else:
        checks.note(issues, "bad")
    thoughts = _text(raw.get("thoughts", ""), state.MAX_THOUGHTS, issues)
    result["thoughts"] = thoughts if thoughts is not None else ""
    return result, issues


def _words():
    return datafiles.load(WORDS_FILE)["words"]


def clean(raw):
    """Lenient read of this browser's saved worksheet. Never raises.

    Returns (worksheet, issues); problems puts the issues into words (none
    for a missing or extra field: that loses nothing the visitor wrote).
    """
    return read(sheet.load(), raw)


def problems(issues):
    """The visitor's sentences for what clean left out."""
    return checks.sentences(_words()["problems"], issues)


def check(raw):
    """Strict read of the worksheet in a loaded file: (worksheet, None), or
    (None, the reason it is refused) on the first thing that does not fit."""
    result, issues = read(sheet.load(), raw)
    if raw is None:
        issues = [["unreadable", 1]]
    if issues:
        return None, _words()["refusals"][issues[0][0]]
    return result, None
