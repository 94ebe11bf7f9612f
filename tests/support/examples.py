"""Named examples the tests share: hostile text, example checklists and data.

The unit tests (CPython) and the runtime parity cases (MicroPython and
Pyodide) both import this module, so it keeps to the Python every runtime
shares: no typing, dataclasses or copy module. Example checklists are built
only through state.py's own changes, so they are always what a visitor could
make. What they are made of (the answer sets, the rich checklist's parts, the
old format) is the checklist's examples.json, which the browser suite reads
too (named_examples.py): one copy.
"""

from sog import jsondata
from sog.checklist import items, state

from tests.support.changes import set_in
from tests.support.named_examples import example

# Text that breaks markup if it is ever put into a page unescaped.
EVIL = "<b onmouseover=\"x\">&'</b>"

# Harmless in a page whether escaped or not, but an HTML parser reads it back
# as "&" unless it was escaped: for ids and values that must come back exactly.
ENTITY = "&amp;"

# Text of every awkward kind, for escaping: markup, quotes, entities, scripts,
# non-ASCII, control characters, long text.
HOSTILE_TEXTS = [
    "",
    "plain words",
    "<script>alert('x')</script>",
    '"><img src=x onerror=alert(1)>',
    "Tom & Jerry's \"show\"",
    "&amp; &lt; already escaped &#x27;",
    "<<>>&&''\"\"",
    "javascript:alert(1)",
    "caf\u00e9 \u00fcber na\u00efve",
    "emoji \U0001F600 and \u2603 snowman",
    "line\nbreak\ttab\rreturn",
    "nul\x00 and del\x7f",
    "line separator \u2028 paragraph \u2029",
    "right-to-left \u202e override",
    "zero\u200bwidth",
    "  leading and trailing  ",
    "x" * 5000 + "<&>",
]

# Text the text policy must refuse, by kind.
MARKUP_TEXTS = [
    ("script", "<script>alert(1)</script>"),
    ("img", "<img src=x onerror=alert(1)>"),
    ("end_tag", "</textarea>"),
    ("comment", "<!-- x"),
    ("php", "<?php"),
    ("javascript", "JavaScript:alert(1)"),
    ("nul", "ok\u0000"),
]

# Screener answer sets the checklist tailors itself to: [(name, answers)].
ANSWER_SETS = [(name, answers) for name, answers in example("checklist", "answer_sets")]

# What rich_checklist is made of.
RICH = example("checklist", "rich")
TASK = RICH["task"]
RECORD = RICH["record"]

# Every place in a saved checklist where text a visitor or a file brings
# lands, as [(name, value -> change(data))]: for markup in a loaded file.
MARKUP_PLACES = [
    ("custom_text", lambda value: set_in(["custom", 0, "text"], value)),
    ("question", lambda value: set_in(["questions", 0, "text"], value)),
    ("goals", lambda value: set_in(["goals"], value)),
    ("appointment_doctor", lambda value: set_in(["appointment", "doctor"], value)),
    ("appointment_time", lambda value: set_in(["appointment", "time"], value)),
    ("ticked_item_id", lambda value: set_in(["done", value], True)),
    ("record_item_id", lambda value: set_in(["stages", value], "sent")),
    ("stage", lambda value: set_in(["stages", RECORD], value)),
    ("custom_id", lambda value: set_in(["custom", 0, "id"], value)),
    ("question_origin", lambda value: set_in(["questions", 0, "from"], value)),
]


def copy_data(value):
    """A deep copy of JSON-like data (the widgets' own, sog/jsondata.py)."""
    return jsondata.copy(value)


def with_suffixed_ids(data, suffix, lists, references=()):
    """A copy of data with suffix added to the id of each record in the
    named lists, and to each (list, field) that names such a record: for
    tests that ids land in attributes escaped, references kept matching."""
    data = copy_data(data)
    for name in lists:
        for record in data[name]:
            record["id"] += suffix
    for name, field in references:
        for record in data[name]:
            record[field] += suffix
    return data


def rich_checklist(data):
    """A checklist using every part of the saved format."""
    checklist = state.new_state()
    checklist = state.toggle(data, checklist, TASK)
    checklist = state.set_stage(data, checklist, RECORD, "confirmed")
    checklist = state.set_stage(data, checklist, "clinical_summary", "sent")
    for text in RICH["custom"]:
        checklist = state.add_custom(checklist, text)
    # The second of the visitor's own items, done.
    checklist = state.toggle(data, checklist, "c2")
    checklist = state.add_suggested(data, checklist, RICH["suggested"])
    checklist = state.add_question(checklist, RICH["question"])
    # In a fixed order: a dict's order differs between runtimes.
    for field in ("doctor", "date"):
        checklist = state.set_appointment(checklist, field, RICH["appointment"][field])
    checklist = state.set_goals(checklist, RICH["goals"])
    checklist = state.set_plain_title(checklist, True)
    checklist = state.set_group_open(data, checklist, "records", True)
    return state.set_show_all(checklist, True)


def filled_checklist(data):
    """rich_checklist with every appointment field and three questions, shown
    tailored (show_all off)."""
    checklist = rich_checklist(data)
    for field in state.APPOINTMENT_FIELDS:
        checklist = state.set_appointment(checklist, field, "My " + field)
    checklist = state.add_question(checklist, example("checklist", "filled_question"))
    return state.set_show_all(checklist, False)


def hostile_checklist(data):
    """filled_checklist with markup in every piece of visitor text, set
    directly (past the text policy), so rendering alone must keep it text."""
    checklist = filled_checklist(data)
    for entry in checklist["custom"] + checklist["questions"]:
        entry["text"] = entry["text"] + EVIL
    for field in state.APPOINTMENT_FIELDS:
        checklist["appointment"][field] = EVIL + field
    checklist["goals"] = EVIL + "</textarea><script>alert(1)</script>"
    return checklist


def hostile_checklist_data(data):
    """The checklist data with markup-breaking text in every field a page shows."""
    hostile = copy_data(data)
    for group in hostile["groups"]:
        group["title"] = group["title"] + EVIL
    for stage in hostile["stages"]:
        stage["label"] = stage["label"] + EVIL
    for item in hostile["items"]:
        item["text"] = item["text"] + EVIL
        item["why"] = EVIL + item["why"]
        item["because"] = item["because"] + EVIL
    for question in hostile["suggested_questions"]:
        question["text"] = question["text"] + EVIL
    return hostile


def checklist_data():
    """A fresh copy of the real checklist data, safe to change."""
    return copy_data(items.load())


def hostile_strings(value):
    """A copy of JSON-like data with EVIL before and after every string (dict
    keys kept): sentences with placeholders such as "{n}" still fill in, and
    each part of a sentence split at a placeholder holds EVIL too."""
    if isinstance(value, str):
        return EVIL + value + EVIL
    if isinstance(value, list):
        return [hostile_strings(entry) for entry in value]
    if isinstance(value, dict):
        copied = {}
        for key in value:
            copied[key] = hostile_strings(value[key])
        return copied
    return value


def hostile_words(data):
    """A copy of a widget's data whose words (every sentence it shows) all
    hold EVIL."""
    hostile = copy_data(data)
    hostile["words"] = hostile_strings(data["words"])
    return hostile


# A development-era (version 1) saved checklist.
V1_CHECKLIST = example("checklist", "old_format")["data"]


def v1_checklist_as_v2():
    """V1_CHECKLIST as the migration to version 2 makes it."""
    expected = state.new_state()
    expected["done"] = {TASK: True, "release_form": True}
    expected["stages"] = {RECORD: "sent"}
    expected["custom"] = [
        {"id": "c1", "text": "Find parking", "done": False},
        {"id": "c2", "text": "Ask Sam", "done": False},
    ]
    expected["appointment"].update(V1_CHECKLIST["appointment"])
    expected["questions"] = [
        {"id": "q3", "text": "How sure are you?", "from": ""},
        {"id": "q4", "text": "What if I wait?", "from": ""},
    ]
    expected["goals"] = "Keep gardening."
    expected["next_id"] = 5
    return expected
