"""The visitor's checklist and every change they can make to it. Pure.

The state (a plain JSON-ready dict; every change returns a new one):
    done         {task item id: true}
    stages       {record item id: stage id}
    custom       [{id: "c1", text, done}] the visitor's own items
    show_all     whether items outside the tailored list are shown
    appointment  {doctor, phone, address, date, time, companion}, all strings
    questions    [{id: "q1", text, from}] in the visitor's order; from is
                 the suggested question id it came from, or ""
    goals        free text
    next_id      the number the next own item or question gets
    plain_title  whether the calendar file's titles are plain ("Doctor visit")
    open_groups  {group id: true} for the groups of items the visitor unfolded

Parts added since saved format 2 (ADDED_FIELDS, ADDED_APPOINTMENT_FIELDS)
may be missing from what was saved before them: they read as empty, so
older saved checklists and files load unchanged.

Changes never raise: what does not fit (an unknown id, markup, a full list)
leaves the state as it was; the widget checks text first to say why.
"""

from sog import text as text_policy
from sog.checklist import items
from sog.jsondata import copy

# Caps keep one careless paste from filling the browser's storage.
MAX_TEXT = 500
MAX_GOALS = 2000
MAX_FIELD = 200
MAX_CUSTOM = 100
MAX_QUESTIONS = 100

APPOINTMENT_FIELDS = ("doctor", "phone", "address", "date", "time", "companion")
FIELDS = ("done", "stages", "custom", "show_all", "appointment", "questions", "goals", "next_id", "plain_title",
          "open_groups")
# Added after saved format 2 was in use, without changing any meaning.
ADDED_FIELDS = ("plain_title", "open_groups")
ADDED_APPOINTMENT_FIELDS = ("address",)


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
        "plain_title": False,
        "open_groups": {},
    }


# ---- ticks and stages ------------------------------------------------------


def toggle(data, state, item_id):
    """Tick or untick a task item or one of the visitor's own items.

    Records go through set_stage instead; an unknown id changes nothing (it
    may have been removed in another tab).
    """
    state = copy(state)
    item = items.find_item(data, item_id)
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


def set_done(data, state, item_id, done):
    """Tick (done True) or untick a task or own item, whatever it showed before."""
    if is_done(data, state, item_id) == (done is True):
        return copy(state)
    return toggle(data, state, item_id)


def set_stage(data, state, item_id, stage):
    """Set a record's stage; "" or None clears it. Anything else is ignored."""
    state = copy(state)
    item = items.find_item(data, item_id)
    if item is None or item["kind"] != "record":
        return state
    if stage is None or stage == "":
        state["stages"].pop(item_id, None)
    elif stage in items.stage_ids(data):
        state["stages"][item_id] = stage
    return state


def set_asked(data, state, item_id, asked):
    """Mark a record asked for (its first stage) from "Your next things", or
    take that back; a record already further along stays as it is."""
    first = items.stage_ids(data)[0]
    reached = state["stages"].get(item_id, "")
    if asked and reached == "":
        return set_stage(data, state, item_id, first)
    if not asked and reached == first:
        return set_stage(data, state, item_id, "")
    return copy(state)


def is_done(data, state, item_id):
    """Whether an item (or own item) is done. A record is done once its arrival is confirmed."""
    item = items.find_item(data, item_id)
    if item is not None:
        if item["kind"] == "record":
            return state["stages"].get(item_id) == items.last_stage(data)
        return state["done"].get(item_id) is True
    for entry in state["custom"]:
        if entry["id"] == item_id:
            return entry["done"] is True
    return False


def started(data, state, item_id):
    """Whether the visitor has ticked an item or begun tracking it."""
    return item_id in state["stages"] or is_done(data, state, item_id)


# ---- the visitor's own items and questions ---------------------------------


def _take_id(state, prefix):
    """A new id for state (already a copy), moving the counter on."""
    number = state["next_id"]
    state["next_id"] = number + 1
    return prefix + str(number)


def add_custom(state, text):
    """Add an item of the visitor's own. Empty, markup or over the cap: no change."""
    state = copy(state)
    text = text_policy.tidy(text, MAX_TEXT)
    if not text or len(state["custom"]) >= MAX_CUSTOM:
        return state
    state["custom"].append({"id": _take_id(state, "c"), "text": text, "done": False})
    return state


def remove_custom(state, custom_id):
    """Remove one of the visitor's own items."""
    state = copy(state)
    state["custom"] = [entry for entry in state["custom"] if entry["id"] != custom_id]
    return state


def add_question(state, text, from_id=""):
    """Add a question at the end. Empty, markup or over the cap: no change.

    from_id is for add_suggested; the visitor's own questions leave it "".
    """
    state = copy(state)
    text = text_policy.tidy(text, MAX_TEXT)
    if not text or len(state["questions"]) >= MAX_QUESTIONS:
        return state
    origin = from_id if isinstance(from_id, str) else ""
    state["questions"].append({"id": _take_id(state, "q"), "text": text, "from": origin})
    return state


def has_suggested(data, state, suggested_id):
    """Whether this suggested question is already on the list (by origin or same words)."""
    question = items.suggested(data, suggested_id)
    if question is None:
        return False
    words = question["text"].lower()
    for entry in state["questions"]:
        if entry["from"] == suggested_id or entry["text"].lower() == words:
            return True
    return False


def add_suggested(data, state, suggested_id):
    """Add a suggested question, once. Unknown or already there: no change."""
    question = items.suggested(data, suggested_id)
    if question is None or has_suggested(data, state, suggested_id):
        return copy(state)
    return add_question(state, question["text"], suggested_id)


def remove_question(state, question_id):
    """Remove a question."""
    state = copy(state)
    state["questions"] = [entry for entry in state["questions"] if entry["id"] != question_id]
    return state


def move_question(state, question_id, step):
    """Move a question up (-1) or down (+1). At either end, no change."""
    state = copy(state)
    questions = state["questions"]
    ids = [entry["id"] for entry in questions]
    if step not in (-1, 1) or question_id not in ids:
        return state
    index = ids.index(question_id)
    other = index + step
    if 0 <= other < len(questions):
        questions[index], questions[other] = questions[other], questions[index]
    return state


def is_full(state, kind):
    """Whether the own items ("custom") or "questions" are at their cap."""
    cap = MAX_CUSTOM if kind == "custom" else MAX_QUESTIONS
    return len(state[kind]) >= cap


# ---- appointment, goals, settings ------------------------------------------


def set_appointment(state, field, value):
    """Set one appointment detail; "" clears it. Unknown field or markup: no change."""
    state = copy(state)
    if field in APPOINTMENT_FIELDS:
        text_policy.set_tidied(state["appointment"], field, value, MAX_FIELD)
    return state


def set_goals(state, text):
    """Set the goals text; "" clears it. Markup: no change."""
    state = copy(state)
    text_policy.set_tidied(state, "goals", text, MAX_GOALS)
    return state


def set_show_all(state, show):
    """Show or hide the items outside the tailored list."""
    state = copy(state)
    state["show_all"] = show is True
    return state


def set_plain_title(state, plain):
    """Choose plain titles for the calendar file (True) or the full ones."""
    state = copy(state)
    state["plain_title"] = plain is True
    return state


def set_group_open(data, state, group_id, is_open):
    """Remember a group of items as unfolded (True) or folded. Unknown group: no change."""
    state = copy(state)
    if group_id in items.group_ids(data):
        if is_open is True:
            state["open_groups"][group_id] = True
        else:
            state["open_groups"].pop(group_id, None)
    return state


# ---- what the visitor did before the widget started ------------------------


def apply_given(data, state, given):
    """The state with what a visitor did in the page's first view before
    Python started: their latest word, so it wins over what was saved.

    given: [(action, key, value)] for each control that no longer shows what
    it was drawn with: ("toggle", item id, True or False), ("ask", record
    id, True or False), ("stage", record id, stage id or "" for none),
    ("appointment", field, text), ("goals", "", text), ("plain_title", "",
    True or False), ("group", group id, True if unfolded). Anything that
    does not fit changes nothing, as with every change.
    """
    for action, key, value in given:
        if action == "toggle":
            state = set_done(data, state, key, value)
        elif action == "ask":
            state = set_asked(data, state, key, value)
        elif action == "stage":
            state = set_stage(data, state, key, value)
        elif action == "plain_title":
            state = set_plain_title(state, value)
        elif action == "group":
            state = set_group_open(data, state, key, value)
        elif action == "appointment":
            state = set_appointment(state, key, value)
        elif action == "goals":
            state = set_goals(state, value)
    return state
