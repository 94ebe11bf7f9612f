"""The visitor's records-request letter and every change they can make. Pure.

The state (a plain JSON-ready dict; every change returns a new one):
    fields   {field id: text} only the fields the visitor has typed in. A
             field not here shows what the checklist knows (the second
             doctor's name, say) or today's date; one typed empty stays empty.
    records  [record item id] of the checklist's records, in the data's order
    forms    [form id] how the visitor's own copy should come (FORMS order)
    send_to  [destination id] where the copies go (DESTINATIONS order): a
             copy for the visitor, the second doctor, or both
    agree    [id] what the visitor agrees to for their own copy (AGREE
             order): unencrypted email, a summary instead of the records
    doctor_forms  [form id] how the copies for the second doctor should go
             (DOCTOR_FORMS order)

Format 2 (saved.py): format 1 had no agree and no doctor_forms, and its
forms were for every copy, the doctor's too.

Changes never raise: what does not fit (an unknown id, markup) leaves the
state as it was; the widget checks text first to say why. The ids below are
the saved format's, so they live here; their words are in letter.json.
"""

from sog import text as text_policy
from sog.checklist import items
from sog.jsondata import copy

FIELDS = (
    "name", "other_names", "birth_date", "address", "phone", "email",
    "office", "office_address",
    "other_records", "dates_from", "dates_to",
    "doctor_name", "doctor_address", "doctor_fax", "doctor_phone", "visit_date",
    "cost_limit",
    "lab_name", "lab_address", "specimen", "review_lab", "review_address",
    "date",
)
# Caps keep one careless paste from filling the browser's storage.
MAX_FIELD = 200
# Own records: one on each line.
MAX_LINES_FIELD = 1000
LIMITS = {"other_records": MAX_LINES_FIELD}

FORMS = ("paper", "electronic", "disc", "portal")
DESTINATIONS = ("me", "doctor")
AGREE = ("plain_email", "summary")
# A patient portal is the visitor's own: the doctor's copy cannot go there.
DOCTOR_FORMS = ("electronic", "paper", "disc")
CHOICES = ("records", "forms", "send_to", "agree", "doctor_forms")
# The fixed choice groups, by name (records come from the checklist's data).
_KNOWN = {"send_to": DESTINATIONS, "forms": FORMS, "agree": AGREE, "doctor_forms": DOCTOR_FORMS}
PARTS = ("fields",) + CHOICES


def limit(field):
    """How long a field's text may be."""
    return LIMITS.get(field, MAX_FIELD)


def new_state():
    """An empty letter."""
    return {"fields": {}, "records": [], "forms": [], "send_to": [], "agree": [], "doctor_forms": []}


def known_choices(data, group):
    """The ids a choice group may hold, in their order. data is the
    checklist's items.json, whose record items the letter asks for."""
    if group == "records":
        return items.ids_of_kind(data, "record")
    return list(_KNOWN.get(group, ()))


def set_field(state, field, value):
    """Set one field as the visitor typed it ("" is kept: it was typed).
    Unknown field, not text, or markup: no change."""
    state = copy(state)
    value = text_policy.tidy(value, limit(field)) if isinstance(value, str) else None
    if field in FIELDS and value is not None:
        state["fields"][field] = value
    return state


def set_choice(data, state, group, choice_id, on):
    """Pick (on=True) or drop a choice in a group, keeping the group in its
    known order. Unknown group or id: no change."""
    state = copy(state)
    known = known_choices(data, group)
    if choice_id not in known:
        return state
    chosen = [entry for entry in state[group] if entry != choice_id]
    if on is True:
        chosen.append(choice_id)
    state[group] = [entry for entry in known if entry in chosen]
    return state
