"""HTML for the checklist and the printable page, drawn from items.json.

print_sheet_html runs at build time (the blank sheet everyone can print,
JavaScript or not) and in the browser (the visitor's own sheet). widget_html
is the interactive checklist. All pure string builders: every piece of the
visitor's text goes through escape, so it always shows as text.
"""

from markup import escape, link
from checklist import model

BLANK_QUESTION_LINES = 5
BLANK_GOAL_LINES = 3
APPOINTMENT_LABELS = [
    ("doctor", "Second doctor's name"),
    ("phone", "Office phone"),
    ("date", "Date"),
    ("time", "Time"),
    ("companion", "Who is coming with me"),
]
NO_STAGE = "none"


def _blank_lines(count):
    return "".join('<span class="sog-line" aria-hidden="true"></span>' for _ in range(count))


def _box(done, label):
    """A paper tick box; the words say the same for screen readers."""
    state = "done" if done else "not done"
    css = "sog-box sog-box--done" if done else "sog-box"
    return '<span class="' + css + '" aria-hidden="true"></span><span class="sog-visually-hidden">' + label + " " + state + ": </span>"


# ---------------------------------------------------------------------------
# The printable sheet


def _sheet_item(data, state, item):
    if item["kind"] == "record":
        reached = state["stages"].get(item["id"], "")
        stages = model.stage_ids(data)
        position = stages.index(reached) if reached in stages else -1
        marks = []
        for index, stage in enumerate(data["stages"]):
            marks.append(
                '<span class="sog-stage">' + _box(index <= position, escape(stage["label"]))
                + escape(stage["label"]) + "</span>"
            )
        return (
            '<li class="sog-sheet-item sog-sheet-record"><span class="sog-sheet-text">' + escape(item["text"])
            + '</span><span class="sog-stages">' + "".join(marks) + "</span></li>"
        )
    done = model.is_done(data, state, item["id"])
    return '<li class="sog-sheet-item">' + _box(done, "") + escape(item["text"]) + "</li>"


def _sheet_groups(data, state, ids):
    parts = []
    for group in model.groups_with_items(data, ids):
        items = "".join(_sheet_item(data, state, item) for item in group["items"])
        parts.append(
            '<section class="sog-sheet-group"><h2>' + escape(group["group"]["title"]) + "</h2>"
            '<ul class="sog-sheet-list">' + items + "</ul></section>"
        )
    return "".join(parts)


def _sheet_custom(state):
    if not state["custom"]:
        return ""
    items = "".join(
        '<li class="sog-sheet-item">' + _box(entry["done"], "") + escape(entry["text"]) + "</li>"
        for entry in state["custom"]
    )
    return '<section class="sog-sheet-group"><h2>My own items</h2><ul class="sog-sheet-list">' + items + "</ul></section>"


def _sheet_appointment(state):
    rows = []
    for field, label in APPOINTMENT_LABELS:
        value = state["appointment"].get(field, "")
        shown = escape(value) if value else _blank_lines(1)
        rows.append("<tr><th scope=\"row\">" + escape(label) + "</th><td>" + shown + "</td></tr>")
    return '<section class="sog-sheet-group"><h2>My appointment</h2><table class="sog-sheet-table">' + "".join(rows) + "</table></section>"


def _sheet_questions(state):
    items = "".join("<li>" + escape(entry["text"]) + "</li>" for entry in state["questions"])
    # Always leave room to write more by hand.
    blanks = max(2, BLANK_QUESTION_LINES - len(state["questions"]))
    items += "".join("<li>" + _blank_lines(1) + "</li>" for _ in range(blanks))
    return '<section class="sog-sheet-group"><h2>My questions</h2><ol class="sog-sheet-questions">' + items + "</ol></section>"


def _sheet_goals(state):
    if state["goals"]:
        body = '<p class="sog-sheet-goals">' + escape(state["goals"]) + "</p>"
    else:
        body = _blank_lines(BLANK_GOAL_LINES)
    return '<section class="sog-sheet-group"><h2>My goals</h2>' + body + "</section>"


def print_sheet_html(data, state, answers, tailored, printed_on, address):
    """The paper checklist.

    tailored=False gives every item (the blank sheet rendered at build time);
    True gives the visitor's tailored list with their ticks. printed_on and
    address are plain text ("" leaves a line to fill in by hand).
    """
    ids = model.visible_items(data, state, answers) if tailored else [item["id"] for item in data["items"]]
    date = escape(printed_on) if printed_on else _blank_lines(1)
    return (
        '<div class="sog-sheet" id="print-sheet">'
        '<p class="sog-sheet-meta"><span>Printed on: ' + date + "</span></p>"
        + _sheet_groups(data, state, ids)
        + _sheet_custom(state)
        + _sheet_appointment(state)
        + _sheet_questions(state)
        + _sheet_goals(state)
        + '<p class="sog-sheet-footer">From Second Opinion Guide'
        + (", " + escape(address) if address else "")
        + ". General information, not medical advice. In an emergency, call 911.</p></div>"
    )


def print_page_html(data, root):
    """The printable page's widget root, holding the blank sheet."""
    return (
        '<div class="sog-widget" id="print" data-widget="print" data-state="static" data-root="' + escape(root) + '"'
        ' data-fallback-href="#print-sheet" data-fallback-text="The blank checklist below still prints.">'
        '<p class="sog-status" id="print-status" role="status" hidden></p>'
        '<div class="sog-notice" id="print-notice" role="status"></div>'
        '<div class="sog-actions" id="print-actions" hidden>'
        '<button type="button" class="md-button md-button--primary" id="print-button">Print this checklist</button>'
        "</div>"
        '<div id="print-body">' + print_sheet_html(data, model.new_state(), {}, False, "", "") + "</div></div>"
    )


# ---------------------------------------------------------------------------
# The interactive checklist


def _why(item, root):
    line = '<p class="sog-why">' + escape(item["why"]) + " " + link(root, item["href"], "Read more") + "</p>"
    return line


def _task(data, state, item, because, root):
    box_id = "ck-" + item["id"]
    checked = " checked" if model.is_done(data, state, item["id"]) else ""
    note = '<p class="sog-because">' + escape(because) + "</p>" if because else ""
    return (
        '<li class="sog-item"><div class="sog-check"><input type="checkbox" id="' + box_id + '" data-action="toggle"'
        ' data-id="' + escape(item["id"]) + '"' + checked + '> <label for="' + box_id + '">' + escape(item["text"])
        + "</label></div>" + _why(item, root) + note + "</li>"
    )


def _record(data, state, item, because, root):
    reached = state["stages"].get(item["id"], "")
    options = [{"id": NO_STAGE, "label": "Not yet"}] + data["stages"]
    choices = []
    for stage in options:
        input_id = "st-" + item["id"] + "-" + stage["id"]
        current = reached if reached else NO_STAGE
        checked = " checked" if stage["id"] == current else ""
        choices.append(
            '<label class="sog-choice" for="' + input_id + '"><input type="radio" id="' + input_id + '" name="st-'
            + escape(item["id"]) + '" value="' + stage["id"] + '" data-action="stage" data-id="' + escape(item["id"])
            + '"' + checked + "> <span>" + escape(stage["label"]) + "</span></label>"
        )
    note = '<p class="sog-because">' + escape(because) + "</p>" if because else ""
    done = " sog-item--done" if model.is_done(data, state, item["id"]) else ""
    return (
        '<li class="sog-item' + done + '"><fieldset class="sog-record"><legend>' + escape(item["text"]) + "</legend>"
        '<div class="sog-choices">' + "".join(choices) + "</div></fieldset>" + _why(item, root) + note + "</li>"
    )


def _groups(data, state, answers, root):
    tailoring = model.tailor(data, answers)
    ids = model.visible_items(data, state, answers)
    parts = []
    for group in model.groups_with_items(data, ids):
        rows = []
        for item in group["items"]:
            because = tailoring["because"].get(item["id"], "")
            if item["kind"] == "record":
                rows.append(_record(data, state, item, because, root))
            else:
                rows.append(_task(data, state, item, because, root))
        parts.append("<h2>" + escape(group["group"]["title"]) + '</h2><ul class="sog-items">' + "".join(rows) + "</ul>")
    return "".join(parts)


def _show_all_button(data, state, answers):
    hidden = model.more_count(data, state, answers)
    if state["show_all"]:
        return '<button type="button" class="md-button" data-action="show-all" data-id="off" id="show-all">Show only the items for me</button>'
    if not hidden:
        return ""
    return (
        '<button type="button" class="md-button" data-action="show-all" data-id="on" id="show-all">'
        "Show every item (" + str(hidden) + " more)</button>"
    )


def _text_form(form_id, input_id, label, button, limit):
    return (
        '<form class="sog-add" id="' + form_id + '" data-action="' + form_id + '">'
        '<label for="' + input_id + '">' + label + '</label><div class="sog-add-row">'
        '<input type="text" id="' + input_id + '" maxlength="' + str(limit) + '" autocomplete="off">'
        '<button type="submit" class="md-button">' + button + "</button></div></form>"
    )


def _custom(state):
    rows = []
    for entry in state["custom"]:
        box_id = "ck-" + entry["id"]
        checked = " checked" if entry["done"] else ""
        rows.append(
            '<li class="sog-item"><div class="sog-check"><input type="checkbox" id="' + box_id + '" data-action="toggle"'
            ' data-id="' + entry["id"] + '"' + checked + '> <label for="' + box_id + '">' + escape(entry["text"])
            + '</label> <button type="button" class="sog-small-button" id="rm-' + entry["id"] + '" data-action="remove-custom"'
            ' data-id="' + entry["id"] + '">Remove<span class="sog-visually-hidden"> ' + escape(entry["text"])
            + "</span></button></div></li>"
        )
    listing = '<ul class="sog-items">' + "".join(rows) + "</ul>" if rows else ""
    return (
        "<h2>My own items</h2>" + listing
        + _text_form("add-custom", "new-item", "Add something of your own to do", "Add item", model.MAX_TEXT)
    )


def _appointment(state):
    kinds = {"phone": "tel", "date": "date", "time": "time"}
    fields = []
    for field, label in APPOINTMENT_LABELS:
        kind = kinds.get(field, "text")
        fields.append(
            '<div class="sog-field"><label for="appt-' + field + '">' + escape(label) + "</label>"
            '<input type="' + kind + '" id="appt-' + field + '" data-action="appointment" data-id="' + field + '"'
            ' maxlength="' + str(model.MAX_FIELD) + '" value="' + escape(state["appointment"].get(field, "")) + '"></div>'
        )
    return "<h2>My appointment</h2>" + '<div class="sog-fields">' + "".join(fields) + "</div>"


def _question_buttons(entry, first, last):
    text = '<span class="sog-visually-hidden"> ' + escape(entry["text"]) + "</span>"
    qid = entry["id"]
    up = "" if first else (
        '<button type="button" class="sog-small-button" id="up-' + qid + '" data-action="move-up" data-id="' + qid + '">Move up' + text + "</button>"
    )
    down = "" if last else (
        '<button type="button" class="sog-small-button" id="down-' + qid + '" data-action="move-down" data-id="' + qid + '">Move down' + text + "</button>"
    )
    remove = '<button type="button" class="sog-small-button" id="del-' + qid + '" data-action="remove-question" data-id="' + qid + '">Remove' + text + "</button>"
    return '<span class="sog-question-buttons">' + up + down + remove + "</span>"


def _questions(data, state):
    rows = []
    count = len(state["questions"])
    for index, entry in enumerate(state["questions"]):
        rows.append(
            '<li class="sog-my-question"><span class="sog-question-text">' + escape(entry["text"]) + "</span>"
            + _question_buttons(entry, index == 0, index == count - 1) + "</li>"
        )
    mine = '<ol class="sog-my-questions">' + "".join(rows) + "</ol>" if rows else "<p>You have not added any questions yet.</p>"
    suggestions = []
    for suggestion in data["suggested_questions"]:
        if model.has_suggested(data, state, suggestion["id"]):
            continue
        suggestions.append(
            '<li><span>' + escape(suggestion["text"]) + '</span> <button type="button" class="sog-small-button" id="sg-'
            + suggestion["id"] + '" data-action="add-suggested" data-id="' + suggestion["id"] + '">Add<span class="sog-visually-hidden"> '
            + escape(suggestion["text"]) + "</span></button></li>"
        )
    suggested = (
        '<h3>Questions you could ask</h3><ul class="sog-suggested">' + "".join(suggestions) + "</ul>" if suggestions else ""
    )
    return (
        "<h2>My questions</h2>" + mine
        + _text_form("add-question", "new-question", "Write a question of your own", "Add question", model.MAX_TEXT)
        + suggested
    )


def _goals(state):
    return (
        '<h2>My goals</h2><div class="sog-field"><label for="goals">What matters most to you? For example: living longer, '
        "feeling well day to day, or being able to do something you love.</label>"
        '<textarea id="goals" rows="4" maxlength="' + str(model.MAX_GOALS) + '" data-action="goals">'
        + escape(state["goals"]) + "</textarea></div>"
    )


def _clear(confirming):
    if not confirming:
        return '<button type="button" class="md-button" id="clear" data-action="clear">Clear everything</button>'
    return (
        '<div class="sog-confirm" role="group" aria-labelledby="confirm-text"><p id="confirm-text"><strong>Clear your whole checklist?</strong> '
        "This removes every tick, item, question and note from this browser. It cannot be undone.</p>"
        '<button type="button" class="md-button md-button--primary" id="clear-yes" data-action="clear-yes">Yes, clear everything</button> '
        '<button type="button" class="md-button" id="clear-no" data-action="clear-no">No, keep my checklist</button></div>'
    )


def _tailoring_note(answers, root):
    if answers:
        return (
            '<p class="sog-tailored">Your list puts first what fits your answers in '
            + link(root, "screener/", "Do I need a second opinion?") + ".</p>"
        )
    return (
        '<p class="sog-tailored">Answer the questions in ' + link(root, "screener/", "Do I need a second opinion?")
        + " and this list will put first what fits you.</p>"
    )


def widget_html(data, state, answers, root, confirming):
    """The interactive checklist for one state."""
    return (
        _tailoring_note(answers, root)
        + _groups(data, state, answers, root)
        + '<div class="sog-actions">' + _show_all_button(data, state, answers) + "</div>"
        + _custom(state)
        + _appointment(state)
        + _questions(data, state)
        + _goals(state)
        + '<h2>Keep, move or clear your checklist</h2>'
        "<p>Your checklist is saved in this browser only. To move it to another device, download it here and load the file there.</p>"
        '<div class="sog-actions">'
        '<button type="button" class="md-button" id="download" data-action="download">Download my checklist</button> '
        + link(root, "print/", "Print my checklist")
        + '</div><div class="sog-field"><label for="load-file">Load a checklist file you downloaded before</label>'
        '<input type="file" id="load-file" accept=".json,application/json" data-action="load"></div>'
        + '<div class="sog-actions">' + _clear(confirming) + "</div>"
    )


def checklist_page_html(data, root):
    """The checklist page's widget root. Without Python it holds the blank
    sheet, so the page is still useful; the widget replaces it."""
    return (
        '<div class="sog-widget" id="checklist" data-widget="checklist" data-state="static" data-root="' + escape(root) + '"'
        ' data-fallback-href="' + escape(root) + '/print/" data-fallback-text="Go to the printable checklist.">'
        "<noscript><p class=\"sog-notice\">Ticking items and saving them needs JavaScript, which is off. "
        "Below is the full checklist. You can print it and fill it in by hand.</p></noscript>"
        '<p class="sog-status" id="checklist-status" role="status" hidden></p>'
        '<div class="sog-notice" id="checklist-notice" role="status"></div>'
        '<p class="sog-progress" id="checklist-progress" role="status"></p>'
        '<div id="checklist-body">' + print_sheet_html(data, model.new_state(), {}, False, "", "") + "</div></div>"
    )


MONTHS = [
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
]


def format_date(year, month_index, day):
    """(2026, 10, 21) -> "November 21, 2026"; month_index counts from 0 as in JavaScript."""
    return MONTHS[month_index] + " " + str(day) + ", " + str(year)
