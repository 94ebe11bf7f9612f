"""The checklist on paper: HTML for the printable sheet. Pure.

Drawn at build time (the blank sheet everyone can print, JavaScript or not)
and in the browser (the visitor's own sheet, with their ticks). Every piece
of the visitor's text goes through escape, so it always shows as text.
"""

from sog import dates, shell
from sog.checklist import items, view
from sog.markup import escape

BLANK_QUESTION_LINES = 5
BLANK_GOAL_LINES = 3
# The appointment on paper: the date and time as one line in words.
SHEET_FIELDS = ("doctor", "phone", "address", "when", "companion")


def blank_lines(count):
    """Lines to write on by hand."""
    return "".join('<span class="sog-line" aria-hidden="true"></span>' for _ in range(count))


def box(data, done, label):
    """A paper tick box; the words say the same for screen readers."""
    words = data["words"]
    state = words["done"] if done else words["not_done"]
    css = "sog-box sog-box--done" if done else "sog-box"
    return (
        '<span class="' + css + '" aria-hidden="true"></span><span class="sog-visually-hidden">'
        + escape((label + " " if label else "") + state) + ": </span>"
    )


def _item(data, state, item, done, css="sog-sheet-item"):
    css = escape(css)
    if item["kind"] == "record":
        reached = state["stages"].get(item["id"], "")
        stages = items.stage_ids(data)
        position = stages.index(reached) if reached in stages else -1
        marks = []
        for index, stage in enumerate(data["stages"]):
            marks.append(
                '<span class="sog-stage">' + box(data, index <= position, stage["label"])
                + escape(stage["label"]) + "</span>"
            )
        return (
            '<li class="' + css + ' sog-sheet-record"><span class="sog-sheet-text">' + escape(item["text"])
            + '</span><span class="sog-stages">' + "".join(marks) + "</span></li>"
        )
    return '<li class="' + css + '">' + box(data, done, "") + escape(item["text"]) + "</li>"


def _section(title, body):
    return '<section class="sog-sheet-group"><h2>' + escape(title) + "</h2>" + body + "</section>"


def _groups(data, state, ids, done, live_ids=None):
    """The items in their groups. live_ids, for the blank sheet on a page
    with a live first view: items outside it carry shell.STATIC_ONLY."""
    parts = []
    for group in items.groups_with_items(data, ids):
        rows = "".join(
            _item(data, state, item, item["id"] in done,
                  "sog-sheet-item" if live_ids is None or item["id"] in live_ids
                  else "sog-sheet-item " + shell.STATIC_ONLY)
            for item in group["items"]
        )
        parts.append(_section(group["group"]["title"], '<ul class="sog-sheet-list">' + rows + "</ul>"))
    return "".join(parts)


def _custom(data, state):
    if not state["custom"]:
        return ""
    rows = "".join(
        '<li class="sog-sheet-item">' + box(data, entry["done"], "") + escape(entry["text"]) + "</li>"
        for entry in state["custom"]
    )
    return _section(data["words"]["own_items"], '<ul class="sog-sheet-list">' + rows + "</ul>")


def when_text(appointment):
    """The visit's date and time as paper shows them: in words, or as typed
    if the date cannot be read ("" when neither was typed)."""
    date, time = appointment.get("date", ""), appointment.get("time", "")
    return dates.when_words(date, time) or " ".join(part for part in (date, time) if part)


def _appointment(data, state):
    words = data["words"]
    rows = []
    for field in SHEET_FIELDS:
        value = when_text(state["appointment"]) if field == "when" else state["appointment"].get(field, "")
        shown = escape(value) if value else blank_lines(1)
        rows.append('<tr><th scope="row">' + escape(words["appointment_labels"][field]) + "</th><td>"
                    + shown + "</td></tr>")
    return _section(words["appointment"], '<table class="sog-rows sog-sheet-table">' + "".join(rows) + "</table>")


def _questions(data, state):
    rows = "".join("<li>" + escape(items.question_words(data, entry)) + "</li>" for entry in state["questions"])
    # Always leave room to write more by hand.
    blanks = max(2, BLANK_QUESTION_LINES - len(state["questions"]))
    rows += "".join("<li>" + blank_lines(1) + "</li>" for _ in range(blanks))
    return _section(data["words"]["questions"], '<ol class="sog-sheet-questions">' + rows + "</ol>")


def _goals(data, state):
    if state["goals"]:
        body = '<p class="sog-sheet-goals">' + escape(state["goals"]) + "</p>"
    else:
        body = blank_lines(BLANK_GOAL_LINES)
    return _section(data["words"]["goals"], body)


# The sheet's parts, in page order. Each is drawn into its own container (id
# PART + name), so the printable page changes only the parts a visitor's
# saved checklist changes.
PARTS = ("meta", "items", "custom", "appointment", "questions", "goals", "footer")
PART = "sheet-"


def part_html(name, data, state, answers, tailored, printed_on, address, live_ids=None):
    """The inside of one part of the sheet (see PARTS and sheet_html)."""
    words = data["words"]["sheet"]
    if name == "meta":
        date = escape(printed_on) if printed_on else blank_lines(1)
        return '<p class="sog-sheet-meta"><span>' + escape(words["printed_on"]) + " " + date + "</span></p>"
    if name == "items":
        if tailored:
            shown = view.build(data, state, answers)
            ids, done = shown["shown"], shown["done"]
        else:
            ids, done = [item["id"] for item in data["items"]], []
        return _groups(data, state, ids, done, None if tailored else live_ids)
    if name == "custom":
        return _custom(data, state)
    if name == "appointment":
        return _appointment(data, state)
    if name == "questions":
        return _questions(data, state)
    if name == "goals":
        return _goals(data, state)
    if name == "footer":
        return (
            '<p class="sog-sheet-footer">' + escape(words["footer"])
            + (", " + escape(address) if address else "")
            + ". " + escape(words["footer_note"]) + "</p>"
        )
    raise KeyError(name)


def sheet_html(data, state, answers, tailored, printed_on, address, live_ids=None):
    """The paper checklist.

    tailored=False gives every item (the blank sheet rendered at build time);
    True gives the visitor's own list with their ticks. printed_on and
    address are plain text ("" leaves a line to fill in by hand). live_ids
    (blank sheet only): the items a live first view shows; the others show
    only without JavaScript or when Python failed (shell.STATIC_ONLY), so
    the blank sheet is that first view too.
    """
    return (
        '<div class="sog-sheet sog-rows-box" id="print-sheet">'
        + "".join(
            '<div id="' + PART + name + '">'
            + part_html(name, data, state, answers, tailored, printed_on, address, live_ids) + "</div>"
            for name in PARTS
        )
        + "</div>"
    )


def changed_parts(data, drawn, wanted):
    """The parts (PARTS) whose HTML differs between the sheet as drawn and as
    wanted, each given as (state, answers, tailored, printed_on, address)."""
    if drawn == wanted:
        return []
    return [name for name in PARTS if part_html(name, data, *drawn) != part_html(name, data, *wanted)]
