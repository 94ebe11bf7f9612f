"""What the checklist shows for a state and the screener's answers. Pure.

build() works out, once per redraw, everything both pages draw from: which
items show, why a tailored one shows, how many are hidden, progress (in
all and by group), and the visitor's next few things to do.
"""

from sog.checklist import items

# How many things "Your next things" offers.
NEXT_COUNT = 3


def _matches(item, answers):
    for question_id, answer in item["when"]:
        if answers.get(question_id) == answer:
            return True
    return False


def tailor(data, answers):
    """Split the items by the screener answers (a dict, maybe empty).

    Returns {"first": ids shown by default, "more": the other ids,
    "because": {id: why a matched item is shown}}. Both lists keep the data
    order. Shown by default: the core items, the items a `when` pair
    matches, and, without any screener answers, every record too: nothing
    says a record is not needed, so a visitor who skipped the screener is
    offered them all (as the paper sheet does).
    """
    if not isinstance(answers, dict):
        answers = {}
    every_record = not answers
    first = []
    more = []
    because = {}
    for item in data["items"]:
        if item["core"]:
            first.append(item["id"])
        elif _matches(item, answers):
            first.append(item["id"])
            because[item["id"]] = item["because"]
        elif every_record and item["kind"] == "record":
            first.append(item["id"])
        else:
            more.append(item["id"])
    return {"first": first, "more": more, "because": because}


def _done(data, state, item, last):
    if item["kind"] == "record":
        return state["stages"].get(item["id"]) == last
    return state["done"].get(item["id"]) is True


def build(data, state, answers):
    """The view of a checklist: a dict with

    shown     the item ids to show, in data order: the tailored ones, the
              rest when show_all is on, and any item the visitor has ticked
              or started tracking (changing an answer never hides work)
    done      the shown ids that are done
    because   {id: why a tailored item shows}
    hidden    how many items are not shown (for the "Show every item" button)
    progress  (done, total) over the shown items and the visitor's own items
    groups    {group id: (done, total)} over the shown items of each group
    next      the first NEXT_COUNT things not begun: shown items in data
              order (tasks not ticked, records not yet asked for), then
              the visitor's own items not ticked
    tailored  whether there are screener answers to tailor by
    """
    tailoring = tailor(data, answers)
    first = set(tailoring["first"])
    last = items.last_stage(data)
    shown = []
    done = []
    groups = {}
    upcoming = []
    for item in data["items"]:
        item_id = item["id"]
        is_done = _done(data, state, item, last)
        if item_id in first or state["show_all"] or is_done or item_id in state["stages"]:
            shown.append(item_id)
            count = groups.get(item["group"], (0, 0))
            groups[item["group"]] = (count[0] + (1 if is_done else 0), count[1] + 1)
            if is_done:
                done.append(item_id)
            elif item_id not in state["stages"] and len(upcoming) < NEXT_COUNT:
                upcoming.append(item_id)
    own_done = 0
    for entry in state["custom"]:
        if entry["done"]:
            own_done += 1
        elif len(upcoming) < NEXT_COUNT:
            upcoming.append(entry["id"])
    return {
        "shown": shown,
        "done": done,
        "because": tailoring["because"],
        "hidden": len(data["items"]) - len(shown),
        "progress": (len(done) + own_done, len(shown) + len(state["custom"])),
        "groups": groups,
        "next": upcoming,
        "tailored": bool(answers) and isinstance(answers, dict),
    }


def progress_text(data, progress):
    """Progress in words, like "7 of 12 done"."""
    template = data["words"]["progress"]
    return template.replace("{done}", str(progress[0])).replace("{total}", str(progress[1]))
