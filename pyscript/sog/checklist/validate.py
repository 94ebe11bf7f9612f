"""Reading a checklist that came from outside this tab: one checker, two ways in.

The checker walks raw data (from storage or from a file) and builds a clean
state, noting each thing it had to change as an issue code. saved.py uses it
leniently for this browser's own storage (keep what is good, tell the visitor
what was left out) and strictly for a loaded file (refuse it on any issue).
The sentences for each code are in items.json: words.problems and
words.refusals. Pure, and the same in CPython, MicroPython and Pyodide.
"""

from sog import checks
from sog import text as text_policy
from sog.checklist import items
from sog.checklist.state import (
    ADDED_APPOINTMENT_FIELDS,
    ADDED_FIELDS,
    APPOINTMENT_FIELDS,
    FIELDS,
    MAX_CUSTOM,
    MAX_FIELD,
    MAX_GOALS,
    MAX_QUESTIONS,
    MAX_TEXT,
    new_state,
)

# Ids are short; a cap keeps numbers small in every runtime.
MAX_ID_DIGITS = 9


def _is_int(value):
    return isinstance(value, int) and not isinstance(value, bool)


def _check_text(value, limit, bad_code, issues, allow_empty):
    """Checked text, or None if it must be left out (issue noted)."""
    text, issue = text_policy.check(value, limit, allow_empty)
    if issue is not None:
        checks.note(issues, {"bad": bad_code, "markup": "markup", "long": "text_long"}[issue])
    return text


def _check_key(key, known, unknown_code, issues):
    """Whether a dict key names a known id (issue noted if not)."""
    if isinstance(key, str) and text_policy.looks_like_markup(key):
        checks.note(issues, "markup")
        return False
    if key not in known:
        checks.note(issues, unknown_code)
        return False
    return True


def _known_keys(value, known, bad_code, unknown_code, issues):
    """The keys of value (a dict of id -> setting) that name a known id, one
    at a time in sorted order (every runtime meets problems in the same
    order), so that the issues the caller notes for each setting fall between
    those noted here for each key. Not a dict: no keys (bad_code noted)."""
    if not isinstance(value, dict):
        checks.note(issues, bad_code)
        return
    for key in checks.sorted_keys(value):
        if _check_key(key, known, unknown_code, issues):
            yield key


def _clean_done(data, value, issues):
    done = {}
    for key in _known_keys(value, items.ids_of_kind(data, "task"), "done_bad", "done_unknown", issues):
        if value[key] is True:
            done[key] = True
        elif value[key] is not False:
            checks.note(issues, "done_bad")
    return done


def _clean_stages(data, value, issues):
    known = items.stage_ids(data)
    stages = {}
    for key in _known_keys(value, items.ids_of_kind(data, "record"), "stage_bad", "stage_unknown_item", issues):
        stage = value[key]
        if isinstance(stage, str) and text_policy.looks_like_markup(stage):
            checks.note(issues, "markup")
        elif stage in known:
            stages[key] = stage
        elif stage != "":
            checks.note(issues, "stage_bad")
    return stages


def _clean_entry(value, keys, bad_code, issues):
    """The text of a list entry (a dict), or None to leave it out."""
    if not isinstance(value, dict):
        checks.note(issues, bad_code)
        return None
    for key in checks.sorted_keys(value):
        if key not in keys:
            checks.note(issues, "unknown_field")
    for key in keys:
        if key not in value:
            checks.note(issues, "missing_field")
    return _check_text(value.get("text"), MAX_TEXT, bad_code, issues, False)


def _clean_list(value, bad_code, too_many_code, cap, issues):
    """The entries to check, capped. Not a list reads as none."""
    if not isinstance(value, list):
        checks.note(issues, bad_code)
        return []
    if len(value) > cap:
        checks.note(issues, too_many_code, len(value) - cap)
    return value[:cap]


def _clean_custom(value, issues):
    custom = []
    for entry in _clean_list(value, "custom_bad", "custom_too_many", MAX_CUSTOM, issues):
        text = _clean_entry(entry, ("id", "text", "done"), "custom_bad", issues)
        if text is None:
            continue
        done = entry.get("done", False)
        if not isinstance(done, bool):
            checks.note(issues, "done_bad")
        custom.append({"id": entry.get("id"), "text": text, "done": done is True})
    return custom


def _clean_questions(data, value, issues):
    known = [question["id"] for question in data["suggested_questions"]]
    by_words = items.suggested_by_words(data)
    questions = []
    for entry in _clean_list(value, "question_bad", "questions_too_many", MAX_QUESTIONS, issues):
        text = _clean_entry(entry, ("id", "text", "from"), "question_bad", issues)
        if text is None:
            continue
        origin = entry.get("from", "")
        if origin != "" and origin not in known:
            checks.note(issues, "from_unknown")
            origin = ""
        if origin == "":
            # Saved as words only (format 1, or typed as the list words it):
            # a suggested question's words, in either language, are that
            # question again, shown in the page's language; others stay own.
            origin = items.suggested_id_of(by_words, text)
        questions.append({"id": entry.get("id"), "text": text, "from": origin})
    return questions


def _clean_appointment(value, issues):
    appointment = new_state()["appointment"]
    if not isinstance(value, dict):
        checks.note(issues, "appointment_bad")
        return appointment
    for key in checks.sorted_keys(value):
        if key not in APPOINTMENT_FIELDS:
            checks.note(issues, "appointment_bad")
    for field in APPOINTMENT_FIELDS:
        if field not in value:
            # A field added since: older checklists have none, and lose nothing.
            if field not in ADDED_APPOINTMENT_FIELDS:
                checks.note(issues, "missing_field")
            continue
        text = _check_text(value[field], MAX_FIELD, "appointment_bad", issues, True)
        if text is not None:
            appointment[field] = text
    return appointment


def _id_number(value, prefix):
    """The number in an id like "c12", or None if it is not one."""
    if not isinstance(value, str) or not value.startswith(prefix):
        return None
    digits = value[len(prefix):]
    if digits == "" or len(digits) > MAX_ID_DIGITS or digits[0] == "0":
        return None
    for char in digits:
        if not "0" <= char <= "9":
            return None
    return int(digits)


def _fix_ids(state, raw_next, issues):
    """Give every own item and question a unique id below next_id."""
    entries = [("c", entry) for entry in state["custom"]] + [("q", entry) for entry in state["questions"]]
    used = []
    top = 0
    bad = []
    for prefix, entry in entries:
        number = _id_number(entry["id"], prefix)
        if number is None or entry["id"] in used:
            bad.append((prefix, entry))
        else:
            used.append(entry["id"])
            top = max(top, number)
    next_id = raw_next if _is_int(raw_next) and 0 < raw_next < 10 ** MAX_ID_DIGITS else 0
    if bad or next_id <= top:
        checks.note(issues, "ids_fixed")
        next_id = max(next_id, top + 1)
    for prefix, entry in bad:
        entry["id"] = prefix + str(next_id)
        next_id += 1
    state["next_id"] = next_id


def _clean_setting(data, value, issues):
    """A true-or-false setting (show_all, plain_title)."""
    if not isinstance(value, bool):
        checks.note(issues, "setting_bad")
    return value is True


def _clean_open_groups(data, value, issues):
    """The unfolded groups. A group the data no longer has is left out
    quietly: how the list was folded is no work of the visitor's to lose."""
    if not isinstance(value, dict):
        checks.note(issues, "setting_bad")
        return {}
    known = items.group_ids(data)
    groups = {}
    for key in checks.sorted_keys(value):
        if isinstance(key, str) and text_policy.looks_like_markup(key):
            checks.note(issues, "markup")
        elif not isinstance(value[key], bool):
            checks.note(issues, "setting_bad")
        elif value[key] and key in known:
            groups[key] = True
    return groups


def _clean_goals(data, value, issues):
    goals = _check_text(value, MAX_GOALS, "goals_bad", issues, True)
    return goals if goals is not None else ""


# Field: its checker, called as (data, value, issues). next_id is settled
# last, by _fix_ids, once every id is known.
CLEANERS = {
    "done": _clean_done,
    "stages": _clean_stages,
    "custom": lambda data, value, issues: _clean_custom(value, issues),
    "show_all": _clean_setting,
    "appointment": lambda data, value, issues: _clean_appointment(value, issues),
    "questions": _clean_questions,
    "goals": _clean_goals,
    "plain_title": _clean_setting,
    "open_groups": _clean_open_groups,
}


def check(data, raw):
    """The state made from raw, and the issues found: [[code, count]] in the
    order found. None (nothing saved) is a new checklist with no issues."""
    issues = []
    state = new_state()
    if not checks.walkable(raw, FIELDS, issues):
        return state, issues
    for key in FIELDS:
        if key not in raw:
            if key not in ADDED_FIELDS:
                checks.note(issues, "missing_field")
        elif key in CLEANERS:
            state[key] = CLEANERS[key](data, raw[key], issues)
    _fix_ids(state, raw.get("next_id", 1), issues)
    return state, issues

