"""The checklist's rules: the item data and the visitor's state, no browser code.

Pure Python in the subset CPython, MicroPython and Pyodide share. What the
checklist contains lives in the data file (items.json); this module only
decides what to show, applies the visitor's changes and reads and writes the
saved form.

The data file:
    version              the data's own version (not the saved format's)
    groups               [{id, title}] in display order
    stages               [{id, label}] the steps a record goes through, in
                         order; a record is done only at the last one
    items                [{id, group, kind, text, why, href, core, when,
                         because}] in display order. kind is "task" (ticked)
                         or "record" (tracked through the stages). href is a
                         guidance page relative to the site root, like
                         "gathering-records/". core items are always shown
                         first; when is a list of [screener question id,
                         answer] pairs, and an item is shown first if ANY
                         pair matches the screener answers. because says why
                         such an item is shown ("Shown because ...").
    suggested_questions  [{id, text}] questions the visitor can add

The state (a plain JSON-ready dict; every operation returns a new one):
    done         {task item id: true}
    stages       {record item id: stage id}
    custom       [{id: "c1", text, done}] the visitor's own items
    show_all     whether items outside the tailored list are shown
    appointment  {doctor, phone, date, time, companion}, all strings
    questions    [{id: "q1", text, from}] in the visitor's order; from is
                 the suggested question id it came from, or ""
    goals        free text
    next_id      the number the next custom item or question gets

Two ways in. clean_state is lenient, for this browser's own storage: it keeps
every valid part and says in plain words what it left out. import_text is
strict, for a file the visitor loads: anything wrong refuses the whole file,
so nothing half-loaded replaces good work.
"""

import json

import storage

DATA_FILE = "items.json"
KIND = "checklist"
# The version of the saved format. Raise it, and add a migration, on change.
VERSION = 2

# Caps keep one careless paste from filling the browser's storage.
MAX_TEXT = 500
MAX_GOALS = 2000
MAX_FIELD = 200
MAX_CUSTOM = 100
MAX_QUESTIONS = 100
# Ids are short; a cap keeps numbers small in every runtime.
MAX_ID_DIGITS = 9

APPOINTMENT_FIELDS = ("doctor", "phone", "date", "time", "companion")
FIELDS = ("done", "stages", "custom", "show_all", "appointment", "questions", "goals", "next_id")
# An explicit list: str.strip() strips different characters in each runtime.
WHITESPACE = " \t\n\r\f\v"

EMPTY_MESSAGE = "Please type something first."
MARKUP_MESSAGE = 'This looks like web page code, so it was not saved. Please leave out "<" and "javascript:".'


def open_store(backend):
    """The checklist's store in this browser's storage (None: blocked)."""
    return storage.Store(backend, KIND, VERSION, MIGRATIONS)


def load_items(path):
    """Read the checklist data file."""
    with open(path) as handle:
        return json.load(handle)


def new_state():
    """An empty checklist."""
    appointment = {}
    for field in APPOINTMENT_FIELDS:
        appointment[field] = ""
    return {
        "done": {},
        "stages": {},
        "custom": [],
        "show_all": False,
        "appointment": appointment,
        "questions": [],
        "goals": "",
        "next_id": 1,
    }


def _copy(state):
    # A deep copy every runtime makes the same way; the state is JSON anyway.
    return json.loads(json.dumps(state))


# ---- the data ------------------------------------------------------------


def _by_id(records, wanted):
    for record in records:
        if record["id"] == wanted:
            return record
    return None


def find_item(data, item_id):
    """The item with this id, or None."""
    return _by_id(data["items"], item_id)


def _ids_of_kind(data, kind):
    return [item["id"] for item in data["items"] if item["kind"] == kind]


def stage_ids(data):
    """The record stage ids, in order."""
    return [stage["id"] for stage in data["stages"]]


def _last_stage(data):
    return data["stages"][-1]["id"]


def _suggested(data, suggested_id):
    return _by_id(data["suggested_questions"], suggested_id)


def groups_with_items(data, ids):
    """The given item ids as [{group, items}] in display order.

    Groups with none of the ids are left out, so the page shows no empty
    headings.
    """
    wanted = set(ids)
    result = []
    for group in data["groups"]:
        items = [item for item in data["items"] if item["group"] == group["id"] and item["id"] in wanted]
        if items:
            result.append({"group": group, "items": items})
    return result


# ---- text ------------------------------------------------------------------


def looks_like_markup(text):
    """Whether text could be read as HTML or a script link.

    Plain string checks, the same in every runtime: "<" before an ASCII
    letter, "/", "!" or "?" (how a browser starts a tag or comment),
    "javascript:" in any case, or a NUL character.
    """
    if "\u0000" in text or "javascript:" in text.lower():
        return True
    index = text.find("<")
    while index != -1:
        after = text[index + 1:index + 2]
        if ("a" <= after <= "z") or ("A" <= after <= "Z") or (after != "" and after in "/!?"):
            return True
        index = text.find("<", index + 1)
    return False


def text_problem(text):
    """A plain message if this text cannot be saved, else None.

    The widget calls it before an add or set, because those quietly ignore
    text they refuse.
    """
    if not isinstance(text, str) or text.strip(WHITESPACE) == "":
        return EMPTY_MESSAGE
    if looks_like_markup(text):
        return MARKUP_MESSAGE
    return None


def _tidy(text, limit):
    """Text trimmed and capped, or None if it is not text or looks like markup."""
    if text is None:
        text = ""
    if not isinstance(text, str) or looks_like_markup(text):
        return None
    return text.strip(WHITESPACE)[:limit].strip(WHITESPACE)


# ---- ticks and stages ----------------------------------------------------


def toggle(data, state, item_id):
    """Tick or untick a task item or one of the visitor's own items.

    Records go through set_stage instead; an unknown id changes nothing (it
    may have been removed in another tab).
    """
    state = _copy(state)
    item = find_item(data, item_id)
    if item is not None and item["kind"] == "task":
        if state["done"].get(item_id):
            del state["done"][item_id]
        else:
            state["done"][item_id] = True
        return state
    for entry in state["custom"]:
        if entry["id"] == item_id:
            entry["done"] = not entry["done"]
    return state


def set_stage(data, state, item_id, stage):
    """Set a record's stage; "" or None clears it. Anything else is ignored."""
    state = _copy(state)
    item = find_item(data, item_id)
    if item is None or item["kind"] != "record":
        return state
    if stage is None or stage == "":
        state["stages"].pop(item_id, None)
    elif stage in stage_ids(data):
        state["stages"][item_id] = stage
    return state


def is_done(data, state, item_id):
    """Whether an item (or own item) is done. A record is done once its arrival is confirmed."""
    item = find_item(data, item_id)
    if item is not None:
        if item["kind"] == "record":
            return state["stages"].get(item_id) == _last_stage(data)
        return state["done"].get(item_id) is True
    for entry in state["custom"]:
        if entry["id"] == item_id:
            return entry["done"] is True
    return False


def _started(data, state, item_id):
    return item_id in state["stages"] or is_done(data, state, item_id)


# ---- tailoring -----------------------------------------------------------


def _matches(item, answers):
    for question_id, answer in item["when"]:
        if answers.get(question_id) == answer:
            return True
    return False


def tailor(data, answers):
    """Split the items by the screener answers (a dict, maybe empty).

    Returns {"first": ids shown by default (core, or a `when` pair matches),
    "more": the other ids, "because": {id: why a matched item is shown}}.
    Both lists keep the data order.
    """
    if not isinstance(answers, dict):
        answers = {}
    first = []
    more = []
    because = {}
    for item in data["items"]:
        if item["core"]:
            first.append(item["id"])
        elif _matches(item, answers):
            first.append(item["id"])
            because[item["id"]] = item["because"]
        else:
            more.append(item["id"])
    return {"first": first, "more": more, "because": because}


def visible_items(data, state, answers):
    """The item ids to show, in data order.

    The tailored items, plus the rest when show_all is on. An item the
    visitor has ticked or started tracking always stays, so changing a
    screener answer or hiding the extra items never hides their work.
    """
    first = tailor(data, answers)["first"]
    shown = []
    for item in data["items"]:
        item_id = item["id"]
        if item_id in first or state["show_all"] or _started(data, state, item_id):
            shown.append(item_id)
    return shown


def more_count(data, state, answers):
    """How many items are hidden now (for a "Show all" label)."""
    return len(data["items"]) - len(visible_items(data, state, answers))


def progress(data, state, answers):
    """(done, total) over the visible items and the visitor's own items."""
    ids = visible_items(data, state, answers)
    done = len([item_id for item_id in ids if is_done(data, state, item_id)])
    done += len([entry for entry in state["custom"] if entry["done"]])
    return done, len(ids) + len(state["custom"])


def progress_text(done, total):
    """Progress in words, like "7 of 12 done"."""
    return str(done) + " of " + str(total) + " done"


# ---- the visitor's own items and questions ---------------------------------


def _take_id(state, prefix):
    """A new id for state (already a copy), moving the counter on."""
    number = state["next_id"]
    state["next_id"] = number + 1
    return prefix + str(number)


def add_custom(state, text):
    """Add an item of the visitor's own. Empty, markup or over the cap: no change."""
    state = _copy(state)
    text = _tidy(text, MAX_TEXT)
    if not text or len(state["custom"]) >= MAX_CUSTOM:
        return state
    state["custom"].append({"id": _take_id(state, "c"), "text": text, "done": False})
    return state


def remove_custom(state, custom_id):
    """Remove one of the visitor's own items."""
    state = _copy(state)
    state["custom"] = [entry for entry in state["custom"] if entry["id"] != custom_id]
    return state


def add_question(state, text, from_id=""):
    """Add a question at the end. Empty, markup or over the cap: no change.

    from_id is for add_suggested; the visitor's own questions leave it "".
    """
    state = _copy(state)
    text = _tidy(text, MAX_TEXT)
    if not text or len(state["questions"]) >= MAX_QUESTIONS:
        return state
    origin = from_id if isinstance(from_id, str) else ""
    state["questions"].append({"id": _take_id(state, "q"), "text": text, "from": origin})
    return state


def has_suggested(data, state, suggested_id):
    """Whether this suggested question is already on the list (by origin or same words)."""
    question = _suggested(data, suggested_id)
    if question is None:
        return False
    words = question["text"].lower()
    for entry in state["questions"]:
        if entry["from"] == suggested_id or entry["text"].lower() == words:
            return True
    return False


def add_suggested(data, state, suggested_id):
    """Add a suggested question, once. Unknown or already there: no change."""
    question = _suggested(data, suggested_id)
    if question is None or has_suggested(data, state, suggested_id):
        return _copy(state)
    return add_question(state, question["text"], suggested_id)


def remove_question(state, question_id):
    """Remove a question."""
    state = _copy(state)
    state["questions"] = [entry for entry in state["questions"] if entry["id"] != question_id]
    return state


def move_question(state, question_id, step):
    """Move a question up (-1) or down (+1). At either end, no change."""
    state = _copy(state)
    questions = state["questions"]
    ids = [entry["id"] for entry in questions]
    if step not in (-1, 1) or question_id not in ids:
        return state
    index = ids.index(question_id)
    other = index + step
    if 0 <= other < len(questions):
        questions[index], questions[other] = questions[other], questions[index]
    return state


# ---- appointment, goals, settings ----------------------------------------


def set_appointment(state, field, value):
    """Set one appointment detail; "" clears it. Unknown field or markup: no change."""
    state = _copy(state)
    value = _tidy(value, MAX_FIELD)
    if field in APPOINTMENT_FIELDS and value is not None:
        state["appointment"][field] = value
    return state


def set_goals(state, text):
    """Set the goals text; "" clears it. Markup: no change."""
    state = _copy(state)
    text = _tidy(text, MAX_GOALS)
    if text is not None:
        state["goals"] = text
    return state


def set_show_all(state, show):
    """Show or hide the items outside the tailored list."""
    state = _copy(state)
    state["show_all"] = show is True
    return state


# ---- reading saved or loaded data ----------------------------------------
#
# One checker serves both ways in. It records each thing it had to change as
# an issue code; clean_state tells the visitor about some, import_text
# refuses the file on any.

# Issue code: (one, many) messages for the visitor, or None to stay quiet
# because nothing they could see was lost.
LENIENT = {
    "unreadable": ("Your saved checklist could not be read, so it starts empty.",) * 2,
    "done_bad": ("1 tick could not be read and was left out.",
                 "{n} ticks could not be read and were left out."),
    "done_unknown": ("1 ticked item no longer exists and was left out.",
                     "{n} ticked items no longer exist and were left out."),
    "stage_unknown_item": ("1 record is no longer on the list and was left out.",
                           "{n} records are no longer on the list and were left out."),
    "stage_bad": ("1 record step could not be read and was left out.",
                  "{n} record steps could not be read and were left out."),
    "custom_bad": ("1 of your own items could not be read and was left out.",
                   "{n} of your own items could not be read and were left out."),
    "custom_too_many": ("Only the first " + str(MAX_CUSTOM) + " of your own items were kept.",) * 2,
    "question_bad": ("1 question could not be read and was left out.",
                     "{n} questions could not be read and were left out."),
    "questions_too_many": ("Only the first " + str(MAX_QUESTIONS) + " questions were kept.",) * 2,
    "text_long": ("1 long entry was cut short.", "{n} long entries were cut short."),
    "markup": ("1 entry that looked like web page code was left out.",
               "{n} entries that looked like web page code were left out."),
    "appointment_bad": ("Some appointment details could not be read and were left out.",) * 2,
    "goals_bad": ("Your goals could not be read and were left out.",) * 2,
    "unknown_field": None,
    "missing_field": None,
    "setting_bad": None,
    "ids_fixed": None,
    "from_unknown": None,
}

# Issue code: the reason a loaded file is refused.
STRICT = {
    "unreadable": "the checklist inside it is not in the right form",
    "done_bad": "some ticks are not in the right form",
    "done_unknown": "it ticks items this checklist does not have",
    "stage_unknown_item": "it tracks records this checklist does not have",
    "stage_bad": "some record steps are not ones this checklist knows",
    "custom_bad": "some of your own items are not in the right form",
    "custom_too_many": "it has more than " + str(MAX_CUSTOM) + " of your own items",
    "question_bad": "some questions are not in the right form",
    "questions_too_many": "it has more than " + str(MAX_QUESTIONS) + " questions",
    "text_long": "some text is longer than this checklist allows",
    "markup": "some text looks like web page code",
    "appointment_bad": "the appointment details are not in the right form",
    "goals_bad": "your goals are not in the right form",
    "unknown_field": "it has parts this checklist does not know",
    "missing_field": "part of the checklist is missing",
    "setting_bad": "a setting is not in the right form",
    "ids_fixed": "some item numbers are not in the right form",
    "from_unknown": "some questions point to suggestions this checklist does not have",
}


def _note(issues, code, count=1):
    """Count an issue; issues is a list of [code, count] in the order found."""
    for entry in issues:
        if entry[0] == code:
            entry[1] += count
            return
    issues.append([code, count])


def _is_int(value):
    return isinstance(value, int) and not isinstance(value, bool)


def _check_text(value, limit, bad_code, issues, allow_empty):
    """Checked text, or None if it must be left out (issue noted)."""
    if not isinstance(value, str):
        _note(issues, bad_code)
        return None
    if looks_like_markup(value):
        _note(issues, "markup")
        return None
    text = value.strip(WHITESPACE)
    if text == "" and not allow_empty:
        _note(issues, bad_code)
        return None
    if len(text) > limit:
        _note(issues, "text_long")
        text = text[:limit].strip(WHITESPACE)
    return text


def _keys(value):
    """A dict's keys in one order every runtime agrees on."""
    return sorted(value, key=str)


def _check_key(key, known, unknown_code, issues):
    """Whether a dict key names a known id (issue noted if not)."""
    if isinstance(key, str) and looks_like_markup(key):
        _note(issues, "markup")
        return False
    if key not in known:
        _note(issues, unknown_code)
        return False
    return True


def _clean_done(data, value, issues):
    if not isinstance(value, dict):
        _note(issues, "done_bad")
        return {}
    tasks = _ids_of_kind(data, "task")
    done = {}
    # Sorted keys: every runtime meets problems in the same order.
    for key in _keys(value):
        if not _check_key(key, tasks, "done_unknown", issues):
            continue
        if value[key] is True:
            done[key] = True
        elif value[key] is not False:
            _note(issues, "done_bad")
    return done


def _clean_stages(data, value, issues):
    if not isinstance(value, dict):
        _note(issues, "stage_bad")
        return {}
    records = _ids_of_kind(data, "record")
    known = stage_ids(data)
    stages = {}
    for key in _keys(value):
        if not _check_key(key, records, "stage_unknown_item", issues):
            continue
        stage = value[key]
        if isinstance(stage, str) and looks_like_markup(stage):
            _note(issues, "markup")
        elif stage in known:
            stages[key] = stage
        elif stage != "":
            _note(issues, "stage_bad")
    return stages


def _clean_entry(value, keys, bad_code, issues):
    """The text of a list entry (a dict), or None to leave it out."""
    if not isinstance(value, dict):
        _note(issues, bad_code)
        return None
    for key in _keys(value):
        if key not in keys:
            _note(issues, "unknown_field")
    for key in keys:
        if key not in value:
            _note(issues, "missing_field")
    return _check_text(value.get("text"), MAX_TEXT, bad_code, issues, False)


def _clean_list(value, bad_code, too_many_code, cap, issues):
    """The entries to check, capped. Not a list reads as none."""
    if not isinstance(value, list):
        _note(issues, bad_code)
        return []
    if len(value) > cap:
        _note(issues, too_many_code, len(value) - cap)
    return value[:cap]


def _clean_custom(value, issues):
    custom = []
    for entry in _clean_list(value, "custom_bad", "custom_too_many", MAX_CUSTOM, issues):
        text = _clean_entry(entry, ("id", "text", "done"), "custom_bad", issues)
        if text is None:
            continue
        done = entry.get("done", False)
        if not isinstance(done, bool):
            _note(issues, "done_bad")
        custom.append({"id": entry.get("id"), "text": text, "done": done is True})
    return custom


def _clean_questions(data, value, issues):
    known = [question["id"] for question in data["suggested_questions"]]
    questions = []
    for entry in _clean_list(value, "question_bad", "questions_too_many", MAX_QUESTIONS, issues):
        text = _clean_entry(entry, ("id", "text", "from"), "question_bad", issues)
        if text is None:
            continue
        origin = entry.get("from", "")
        if origin != "" and origin not in known:
            _note(issues, "from_unknown")
            origin = ""
        questions.append({"id": entry.get("id"), "text": text, "from": origin})
    return questions


def _clean_appointment(value, issues):
    appointment = new_state()["appointment"]
    if not isinstance(value, dict):
        _note(issues, "appointment_bad")
        return appointment
    for key in _keys(value):
        if key not in APPOINTMENT_FIELDS:
            _note(issues, "appointment_bad")
    for field in APPOINTMENT_FIELDS:
        if field not in value:
            _note(issues, "missing_field")
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
        _note(issues, "ids_fixed")
        next_id = max(next_id, top + 1)
    for prefix, entry in bad:
        entry["id"] = prefix + str(next_id)
        next_id += 1
    state["next_id"] = next_id


def _clean_show_all(data, value, issues):
    if not isinstance(value, bool):
        _note(issues, "setting_bad")
    return value is True


def _clean_goals(data, value, issues):
    goals = _check_text(value, MAX_GOALS, "goals_bad", issues, True)
    return goals if goals is not None else ""


# Field: its checker, called as (data, value, issues). next_id is settled
# last, by _fix_ids, once every id is known.
CLEANERS = {
    "done": _clean_done,
    "stages": _clean_stages,
    "custom": lambda data, value, issues: _clean_custom(value, issues),
    "show_all": _clean_show_all,
    "appointment": lambda data, value, issues: _clean_appointment(value, issues),
    "questions": _clean_questions,
    "goals": _clean_goals,
}


def _clean(data, raw):
    """The state made from raw, and the issues found: [[code, count]]."""
    issues = []
    state = new_state()
    if raw is None:
        return state, issues
    if not isinstance(raw, dict):
        _note(issues, "unreadable")
        return state, issues
    for key in _keys(raw):
        if key not in FIELDS:
            _note(issues, "unknown_field")
    for key in FIELDS:
        if key not in raw:
            _note(issues, "missing_field")
        elif key in CLEANERS:
            state[key] = CLEANERS[key](data, raw[key], issues)
    _fix_ids(state, raw.get("next_id", 1), issues)
    return state, issues


def _lenient_message(code, count):
    messages = LENIENT[code]
    if messages is None:
        return None
    return (messages[0] if count == 1 else messages[1]).replace("{n}", str(count))


def clean_state(data, raw):
    """Lenient read of this browser's saved data. Never raises.

    Keeps every valid part, leaves out (or cuts short) the rest. Returns
    (state, problems): problems are plain sentences for the visitor, empty
    when nothing they could see was lost. None (nothing saved) is simply a
    new checklist.
    """
    state, issues = _clean(data, raw)
    problems = []
    for code, count in issues:
        message = _lenient_message(code, count)
        if message is not None:
            problems.append(message)
    return state, problems


# ---- the saved form and files --------------------------------------------


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


def export_text(state, exported_at_ms):
    """The text of a file holding this checklist (our saved envelope)."""
    return json.dumps(storage.wrap(KIND, VERSION, state, exported_at_ms))


LOAD_FAILED = "We could not load this file, so nothing was changed: "
IMPORT_MESSAGES = {
    storage.EMPTY: "This file is empty.",
    storage.TOO_LARGE: "This file is too large to be a checklist from this guide.",
    storage.CORRUPT: "This file is not a checklist saved from this guide.",
    storage.NEWER: "This checklist was saved by a newer version of this guide. "
                   "Please use that version to open it.",
    storage.OLD: "This checklist comes from an older version of this guide that we can no longer read.",
}


def _parses(text):
    try:
        json.loads(text)
    except Exception:  # bad JSON, or nesting deep enough to exhaust the parser
        return False
    return True


def import_text(data, text):
    """Strict read of a file the visitor loads.

    Returns (state, None), or (None, message) with one plain sentence when
    anything is wrong: nothing is ever half-loaded. Older versions are
    brought up to date first, then checked the same way.
    """
    if not isinstance(text, str):
        return None, "This file could not be read as text."
    if len(text) > storage.MAX_CHARS:
        return None, IMPORT_MESSAGES[storage.TOO_LARGE]
    if text.strip(WHITESPACE) == "":
        return None, IMPORT_MESSAGES[storage.EMPTY]
    # The depth check comes first: Pyodide's parser dies on deep nesting.
    if storage.too_deep(text) or not _parses(text):
        return None, "This file is damaged, or it is not a checklist file."
    raw, _, notice = storage.unwrap(KIND, VERSION, text, MIGRATIONS)
    if notice not in (storage.OK, storage.MIGRATED):
        return None, IMPORT_MESSAGES.get(notice, IMPORT_MESSAGES[storage.CORRUPT])
    state, issues = _clean(data, raw)
    if raw is None:
        issues = [["unreadable", 1]]
    if issues:
        return None, LOAD_FAILED + STRICT[issues[0][0]] + "."
    return state, None
