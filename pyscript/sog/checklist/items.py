"""The checklist's data file (items.json) and look-ups in it. Pure.

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
    words                every other sentence the checklist pages show
"""

from sog import figures

DATA_FILE = "checklist/items.json"


def load():
    """The checklist data, yearly figures filled in (shared per page: do not change it)."""
    return figures.load_filled(DATA_FILE)


def _by_id(records, wanted):
    for record in records:
        if record["id"] == wanted:
            return record
    return None


def find_item(data, item_id):
    """The item with this id, or None."""
    return _by_id(data["items"], item_id)


def suggested(data, suggested_id):
    """The suggested question with this id, or None."""
    return _by_id(data["suggested_questions"], suggested_id)


def ids_of_kind(data, kind):
    """The ids of every item of one kind ("task" or "record"), in order."""
    return [item["id"] for item in data["items"] if item["kind"] == kind]


def group_ids(data):
    """The group ids, in display order."""
    return [group["id"] for group in data["groups"]]


def stage_ids(data):
    """The record stage ids, in order."""
    return [stage["id"] for stage in data["stages"]]


def last_stage(data):
    """The stage that makes a record done (its arrival confirmed)."""
    return data["stages"][-1]["id"]


def groups_with_items(data, ids):
    """The given item ids as [{group, items}] in display order.

    Groups with none of the ids are left out, so the page shows no empty
    headings.
    """
    wanted = set(ids)
    result = []
    for group in data["groups"]:
        chosen = [item for item in data["items"] if item["group"] == group["id"] and item["id"] in wanted]
        if chosen:
            result.append({"group": group, "items": chosen})
    return result
