"""The checklist on screen: HTML for the interactive list. Pure.

widget_html draws the whole list for one state and view (see view.build).
Every piece of the visitor's text goes through escape, so it always shows as
text; every sentence comes from items.json's words.
"""

from sog import pages, shell
from sog.checklist import calendar, items, render_sheet
from sog.checklist import state as checklist_state
from sog.markup import escape, fill, link

ROOT_ID = "checklist"
NO_STAGE = "none"
# A record whose arrival is confirmed.
DONE_CLASS = "sog-item--done"
APPOINTMENT_KINDS = {"phone": "tel", "date": "date", "time": "time"}


def _read_more(data, item, root):
    more = pages.titled_link(root, item["href"], data["words"]["read_more"])
    return '<p class="sog-why">' + escape(item["why"]) + " " + more + "</p>"


def _because(text):
    return '<p class="sog-because">' + escape(text) + "</p>" if text else ""


def _task(data, item, done, because, root):
    box_id = "ck-" + item["id"]
    checked = " checked" if done else ""
    return (
        '<li class="sog-item"><div class="sog-check"><input type="checkbox" id="' + box_id + '" data-action="toggle"'
        ' data-id="' + escape(item["id"]) + '"' + checked + '> <label for="' + box_id + '">' + escape(item["text"])
        + "</label></div>" + _read_more(data, item, root) + _because(because) + "</li>"
    )


def _record(data, state, item, done, because, root):
    reached = state["stages"].get(item["id"], "") or NO_STAGE
    options = [{"id": NO_STAGE, "label": data["words"]["not_yet"]}] + data["stages"]
    choices = []
    for stage in options:
        input_id = "st-" + item["id"] + "-" + stage["id"]
        checked = " checked" if stage["id"] == reached else ""
        choices.append(
            '<label class="sog-choice" for="' + input_id + '"><input type="radio" id="' + input_id + '" name="st-'
            + escape(item["id"]) + '" value="' + escape(stage["id"]) + '" data-action="stage" data-id="'
            + escape(item["id"]) + '"' + checked + "> <span>" + escape(stage["label"]) + "</span></label>"
        )
    css = "sog-item " + DONE_CLASS if done else "sog-item"
    return (
        '<li class="' + css + '"><fieldset class="sog-record"><legend>' + escape(item["text"]) + "</legend>"
        '<div class="sog-choices">' + "".join(choices) + "</div></fieldset>" + _read_more(data, item, root)
        + _because(because) + "</li>"
    )


def _groups(data, state, shown, root):
    done = set(shown["done"])
    parts = []
    for group in items.groups_with_items(data, shown["shown"]):
        rows = []
        for item in group["items"]:
            because = shown["because"].get(item["id"], "")
            if item["kind"] == "record":
                rows.append(_record(data, state, item, item["id"] in done, because, root))
            else:
                rows.append(_task(data, item, item["id"] in done, because, root))
        parts.append("<h2>" + escape(group["group"]["title"]) + '</h2><ul class="sog-items">' + "".join(rows) + "</ul>")
    return "".join(parts)


def _button(element_id, action, value, label, hidden_text="", css="sog-small-button"):
    """A button the widget's one click handler routes by its data-action."""
    extra = '<span class="sog-visually-hidden"> ' + escape(hidden_text) + "</span>" if hidden_text else ""
    return (
        '<button type="button" class="' + css + '" id="' + element_id + '" data-action="' + action + '"'
        ' data-id="' + escape(value) + '">' + escape(label) + extra + "</button>"
    )


def _show_all_button(data, state, shown):
    words = data["words"]
    if state["show_all"]:
        return _button("show-all", "show-all", "off", words["show_fewer"], css="md-button")
    if not shown["hidden"]:
        return ""
    return _button("show-all", "show-all", "on", fill(words["show_all"], {"n": shown["hidden"]}), css="md-button")


def _text_form(form_id, input_id, label, button, limit):
    return (
        '<form class="sog-add" id="' + form_id + '" data-action="' + form_id + '">'
        '<label for="' + input_id + '">' + escape(label) + '</label><div class="sog-add-row">'
        '<input type="text" id="' + input_id + '" maxlength="' + str(limit) + '" autocomplete="off">'
        '<button type="submit" class="md-button">' + escape(button) + "</button></div></form>"
    )


def _custom(data, state):
    words = data["words"]
    rows = []
    for entry in state["custom"]:
        box_id = "ck-" + entry["id"]
        checked = " checked" if entry["done"] else ""
        rows.append(
            '<li class="sog-item"><div class="sog-check"><input type="checkbox" id="' + box_id + '"'
            ' data-action="toggle" data-id="' + escape(entry["id"]) + '"' + checked + '> <label for="' + box_id + '">'
            + escape(entry["text"]) + "</label> "
            + _button("rm-" + entry["id"], "remove-custom", entry["id"], words["remove"], entry["text"])
            + "</div></li>"
        )
    listing = '<ul class="sog-items">' + "".join(rows) + "</ul>" if rows else ""
    return (
        "<h2>" + escape(words["own_items"]) + "</h2>" + listing
        + _text_form("add-custom", "new-item", words["add_own_label"], words["add_own_button"],
                     checklist_state.MAX_TEXT)
    )


def _appointment(data, state):
    words = data["words"]
    fields = []
    for field in checklist_state.APPOINTMENT_FIELDS:
        fields.append(
            '<div class="sog-field"><label for="appt-' + field + '">' + escape(words["appointment_labels"][field])
            + '</label><input type="' + APPOINTMENT_KINDS.get(field, "text") + '" id="appt-' + field + '"'
            ' data-action="appointment" data-id="' + field + '" maxlength="' + str(checklist_state.MAX_FIELD) + '"'
            # The second doctor's details, not the visitor's own: no autofill.
            ' autocomplete="off"'
            ' value="' + escape(state["appointment"].get(field, "")) + '"></div>'
        )
    when = calendar.when_words(state["appointment"])
    return (
        "<h2>" + escape(words["appointment"]) + '</h2><div class="sog-fields">' + "".join(fields) + "</div>"
        '<p class="sog-when" id="appt-when" role="status">' + escape(when_line(data, when)) + "</p>"
        '<div class="sog-actions">'
        + _button("add-calendar", "calendar", "", words["calendar"]["button"], css="md-button") + "</div>"
    )


def when_line(data, when):
    """The visit's date and time in words, or what to do to get them."""
    words = data["words"]["calendar"]
    return fill(words["when"], {"when": when}) if when else words["no_date"]


def _question_buttons(data, entry, first, last):
    words = data["words"]
    qid = entry["id"]
    up = "" if first else _button("up-" + qid, "move-up", qid, words["move_up"], entry["text"])
    down = "" if last else _button("down-" + qid, "move-down", qid, words["move_down"], entry["text"])
    remove = _button("del-" + qid, "remove-question", qid, words["remove"], entry["text"])
    return '<span class="sog-question-buttons">' + up + down + remove + "</span>"


def _questions(data, state):
    words = data["words"]
    rows = []
    count = len(state["questions"])
    for index, entry in enumerate(state["questions"]):
        rows.append(
            '<li class="sog-my-question"><span class="sog-question-text">' + escape(entry["text"]) + "</span>"
            + _question_buttons(data, entry, index == 0, index == count - 1) + "</li>"
        )
    if rows:
        mine = '<ol class="sog-my-questions">' + "".join(rows) + "</ol>"
    else:
        mine = "<p>" + escape(words["no_questions"]) + "</p>"
    suggestions = []
    for suggestion in data["suggested_questions"]:
        if checklist_state.has_suggested(data, state, suggestion["id"]):
            continue
        suggestions.append(
            "<li><span>" + escape(suggestion["text"]) + "</span> "
            + _button("sg-" + suggestion["id"], "add-suggested", suggestion["id"], words["add"], suggestion["text"])
            + "</li>"
        )
    suggested = ""
    if suggestions:
        suggested = (
            "<h3>" + escape(words["suggested"]) + '</h3><ul class="sog-suggested">' + "".join(suggestions) + "</ul>"
        )
    return (
        "<h2>" + escape(words["questions"]) + "</h2>" + mine
        + _text_form("add-question", "new-question", words["add_question_label"], words["add_question_button"],
                     checklist_state.MAX_TEXT)
        + suggested
    )


def _goals(data, state):
    words = data["words"]
    return (
        "<h2>" + escape(words["goals"]) + '</h2><div class="sog-field"><label for="goals">'
        + escape(words["goals_label"]) + '</label><textarea id="goals" rows="4"'
        ' maxlength="' + str(checklist_state.MAX_GOALS) + '" data-action="goals">'
        + escape(state["goals"]) + "</textarea></div>"
    )


def _clear(data, confirming):
    words = data["words"]
    if not confirming:
        return _button("clear", "clear", "", words["clear"], css="md-button")
    return (
        '<div class="sog-confirm" role="group" aria-labelledby="confirm-text"><p id="confirm-text"><strong>'
        + escape(words["clear_question"]) + "</strong> " + escape(words["clear_warning"]) + "</p>"
        + _button("clear-yes", "clear-yes", "", words["clear_yes"], css="md-button md-button--primary") + " "
        + _button("clear-no", "clear-no", "", words["clear_no"], css="md-button") + "</div>"
    )


def _tailoring_note(data, shown, root):
    words = data["words"]
    template = words["tailored"] if shown["tailored"] else words["untailored"]
    screener = link(root, "screener/", pages.title("screener/"))
    before, _, after = template.partition("{link}")
    return '<p class="sog-tailored">' + escape(before) + screener + escape(after) + "</p>"


def _keep(data, root):
    words = data["words"]
    return (
        "<h2>" + escape(words["keep_heading"]) + "</h2><p>" + escape(words["keep_text"]) + "</p>"
        '<div class="sog-actions">' + _button("download", "download", "", words["download"], css="md-button") + " "
        + link(root, "print/", words["print_link"])
        + '</div><div class="sog-field"><label for="load-file">' + escape(words["load_label"]) + "</label>"
        '<input type="file" id="load-file" accept=".json,application/json" data-action="load"></div>'
    )


# The list's parts, in page order. Each is drawn into its own container
# (id PART + name), so a change redraws only the parts it touches.
SECTIONS = ("tailoring", "items", "more", "own", "appointment", "questions", "goals", "keep", "clear")
# Not "ck-", which item ids use.
PART = "list-"


def section_html(name, data, state, shown, root, confirming):
    """The inside of one part of the list (see SECTIONS)."""
    if name == "tailoring":
        return _tailoring_note(data, shown, root)
    if name == "items":
        return _groups(data, state, shown, root)
    if name == "more":
        return '<div class="sog-actions">' + _show_all_button(data, state, shown) + "</div>"
    if name == "own":
        return _custom(data, state)
    if name == "appointment":
        return _appointment(data, state)
    if name == "questions":
        return _questions(data, state)
    if name == "goals":
        return _goals(data, state)
    if name == "keep":
        return _keep(data, root)
    if name == "clear":
        return '<div class="sog-actions">' + _clear(data, confirming) + "</div>"
    raise KeyError(name)


def widget_html(data, state, shown, root, confirming):
    """The interactive checklist for one state; shown is view.build's result."""
    return "".join(
        '<div id="' + PART + name + '">' + section_html(name, data, state, shown, root, confirming) + "</div>"
        for name in SECTIONS
    )


def page_html(data, root):
    """The checklist page's widget root. Without Python it holds the blank
    sheet, so the page is still useful; the widget replaces it."""
    words = data["words"]
    return (
        shell.open_root(ROOT_ID, root, root + "/print/", words["fallback_link"])
        + '<noscript><p class="sog-notice">' + escape(words["noscript"]) + "</p></noscript>"
        '<div class="sog-notice" id="checklist-notice" role="status"></div>'
        '<p class="sog-progress" id="checklist-progress" role="status"></p>'
        '<div id="checklist-body">' + render_sheet.sheet_html(data, checklist_state.new_state(), {}, False, "", "")
        + "</div></div>"
    )


def static_page(root):
    """Marker widget:checklist, at build time."""
    return page_html(items.load(), root)
