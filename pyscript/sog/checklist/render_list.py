"""The checklist on screen: HTML for the interactive list. Pure.

widget_html draws the whole list for one state and view (see view.build):
first "Your next three things", each with its own tick box (a second box for
an item that is also in its group: "nx-" ids, where the group's are "ck-"),
then the whole list in groups folded into <details> with their counts, so
the page starts short and works the same before Python starts and without
it. The build draws the first view with it (an empty checklist), so the
page shows the list at once and a visitor can tick before Python starts; in
the browser, Python redraws only the parts (SECTIONS) that the saved
checklist changes (changed_sections). Every piece of the visitor's text
goes through escape, so it always shows as text; every sentence comes from
items.json's words. Buttons carry shell.NEEDS_PYTHON: they show once Python
is ready.
"""

from sog import dates, keep, pages, shell
from sog.checklist import calendar, items, render_sheet, view
from sog.checklist import state as checklist_state
from sog.markup import escape, fill, link, sentence

ROOT_ID = "checklist"
NO_STAGE = "none"
# A record whose arrival is confirmed.
DONE_CLASS = "sog-item--done"
APPOINTMENT_KINDS = {"phone": "tel", "date": "date", "time": "time"}
# Fields that take the whole width of the form.
WIDE_FIELDS = ("address",)
# Tick boxes: an item in its group, and its copy in "Your next things".
BOX = "ck-"
NEXT_BOX = "nx-"
NEXT_HEADING = "next-heading"
# A group's summary (keeps focus across a redraw), and its "1 of 4 done",
# updated in place as the visitor ticks.
FOLD = "fold-"
GROUP_COUNT = "count-"
PLAIN_TITLE = "appt-plain"
CALENDAR_SAVED = "calendar-saved"
# Holds the paper sheet: blank where Python cannot run; the visitor's own
# once they print (widget.on_beforeprint).
PAPER_ID = "checklist-paper"
# The notice that some screener answers wait to be answered again, with its
# link to the screener (screener/ask_again.py): drawn by the widget.
ASK_AGAIN_ID = "checklist-ask-again"


def _read_more(data, item, root):
    more = pages.titled_link(root, item["href"], data["words"]["read_more"])
    return '<p class="sog-why">' + escape(item["why"]) + " " + more + "</p>"


def _because(text):
    return '<p class="sog-because">' + escape(text) + "</p>" if text else ""


def _box(box_id, action, item_id, label, checked, extra=""):
    """A tick box and its label, in the row's flex line (extra: more in it)."""
    box_id = escape(box_id)
    return (
        '<div class="sog-check"><input type="checkbox" id="' + box_id + '" data-action="' + escape(action) + '"'
        ' data-id="' + escape(item_id) + '"' + (" checked" if checked else "") + '> <label for="' + box_id
        + '">' + escape(label) + "</label>" + extra + "</div>"
    )


def _task(data, item, done, because, root):
    return (
        '<li class="sog-item">' + _box(BOX + item["id"], "toggle", item["id"], item["text"], done)
        + _read_more(data, item, root) + _because(because) + "</li>"
    )


def _record(data, state, item, done, because, root):
    reached = state["stages"].get(item["id"], "") or NO_STAGE
    options = [{"id": NO_STAGE, "label": data["words"]["not_yet"]}] + data["stages"]
    # Each id escaped once (a call costs in MicroPython); every attribute is built from them.
    item_id = escape(item["id"])
    choices = []
    for stage in options:
        stage_id = escape(stage["id"])
        input_id = "st-" + item_id + "-" + stage_id
        checked = " checked" if stage["id"] == reached else ""
        choices.append(
            '<label class="sog-choice" for="' + input_id + '"><input type="radio" id="' + input_id + '" name="st-'
            + item_id + '" value="' + stage_id + '" data-action="stage" data-id="' + item_id + '"' + checked
            + "> <span>" + escape(stage["label"]) + "</span></label>"
        )
    css = "sog-item " + DONE_CLASS if done else "sog-item"
    return (
        '<li class="' + css + '"><fieldset class="sog-record"><legend>' + escape(item["text"]) + "</legend>"
        '<div class="sog-choices">' + "".join(choices) + "</div></fieldset>" + _read_more(data, item, root)
        + _because(because) + "</li>"
    )


def group_count_text(data, count):
    """A group's progress in words, like "1 of 4 done"."""
    return fill(data["words"]["group_progress"], {"done": count[0], "total": count[1]})


def _groups(data, state, shown, root):
    """Each group of shown items, folded unless the visitor unfolded it; its
    summary names it and counts what is done."""
    done = set(shown["done"])
    parts = []
    for group in items.groups_with_items(data, shown["shown"]):
        group_id = group["group"]["id"]
        rows = []
        for item in group["items"]:
            because = shown["because"].get(item["id"], "")
            if item["kind"] == "record":
                rows.append(_record(data, state, item, item["id"] in done, because, root))
            else:
                rows.append(_task(data, item, item["id"] in done, because, root))
        is_open = " open" if state["open_groups"].get(group_id) else ""
        html_id = escape(group_id)
        parts.append(
            '<details class="sog-group" data-group="' + html_id + '"' + is_open + ">"
            '<summary id="' + FOLD + html_id + '" data-action="fold" data-id="' + html_id + '">'
            '<span class="sog-group-title">'
            + escape(group["group"]["title"]) + '</span> <span class="sog-group-count" id="' + GROUP_COUNT
            + html_id + '">' + escape(group_count_text(data, shown["groups"][group_id])) + "</span></summary>"
            '<ul class="sog-items">' + "".join(rows) + "</ul></details>"
        )
    return "".join(parts)


def _own_entry(state, custom_id):
    for entry in state["custom"]:
        if entry["id"] == custom_id:
            return entry
    return None


def _next(data, state, shown):
    """Your next three things: a tick box for each (a record's says "Ask
    for"), or a line saying everything is done."""
    words = data["words"]
    upcoming = shown["next"]
    title = words["next_titles"][max(len(upcoming), 1) - 1]
    heading = '<h2 id="' + NEXT_HEADING + '" tabindex="-1">' + escape(title) + "</h2>"
    if not upcoming:
        return heading + "<p>" + escape(words["next_none"]) + "</p>"
    rows = []
    for item_id in upcoming:
        item = items.find_item(data, item_id)
        if item is None:
            label, action = _own_entry(state, item_id)["text"], "toggle"
        elif item["kind"] == "record":
            label, action = fill(words["next_record"], {"record": item["text"]}), "ask"
        else:
            label, action = item["text"], "toggle"
        rows.append('<li class="sog-item">' + _box(NEXT_BOX + item_id, action, item_id, label, False) + "</li>")
    return (
        heading + '<p class="sog-next-hint">' + escape(words["next_hint"]) + "</p>"
        '<ul class="sog-items sog-next">' + "".join(rows) + "</ul>"
    )


def _button(element_id, action, value, label, hidden_text="", css="sog-small-button"):
    """A button the widget's one click handler routes by its data-action."""
    extra = '<span class="sog-visually-hidden"> ' + escape(hidden_text) + "</span>" if hidden_text else ""
    return (
        '<button type="button" class="' + escape(css) + " " + shell.NEEDS_PYTHON + '" id="' + escape(element_id) + '"'
        ' data-action="' + escape(action) + '"'
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
    form_id, input_id = escape(form_id), escape(input_id)
    return (
        '<form class="sog-field sog-add" id="' + form_id + '" data-action="' + form_id + '">'
        '<label for="' + input_id + '">' + escape(label) + '</label><div class="sog-add-row">'
        '<input type="text" id="' + input_id + '" maxlength="' + str(limit) + '" autocomplete="off">'
        '<button type="submit" class="md-button ' + shell.NEEDS_PYTHON + '">' + escape(button)
        + "</button></div></form>"
    )


def _custom(data, state):
    words = data["words"]
    rows = []
    for entry in state["custom"]:
        remove = " " + _button("rm-" + entry["id"], "remove-custom", entry["id"], words["remove"], entry["text"])
        rows.append('<li class="sog-item">' + _box(BOX + entry["id"], "toggle", entry["id"], entry["text"],
                                                   entry["done"], remove) + "</li>")
    listing = '<ul class="sog-items">' + "".join(rows) + "</ul>" if rows else ""
    return (
        "<h2>" + escape(words["own_items"]) + "</h2>" + listing
        + _text_form("add-custom", "new-item", words["add_own_label"], words["add_own_button"],
                     checklist_state.MAX_TEXT)
    )


def _appointment(data, state):
    words = data["words"]
    said = words["calendar"]
    fields = []
    for field in checklist_state.APPOINTMENT_FIELDS:
        kind = APPOINTMENT_KINDS.get(field, "text")
        # Date and time fields take no maxlength (it is not valid HTML there).
        limit = ' maxlength="' + str(checklist_state.MAX_FIELD) + '"' if kind in ("text", "tel") else ""
        css = "sog-field sog-field--wide" if field in WIDE_FIELDS else "sog-field"
        field_id = escape(field)
        fields.append(
            '<div class="' + css + '"><label for="appt-' + field_id + '">' + escape(words["appointment_labels"][field])
            + '</label><input type="' + kind + '" id="appt-' + field_id + '"'
            ' data-action="appointment" data-id="' + field_id + '"' + limit
            # The second doctor's details, not the visitor's own: no autofill.
            + ' autocomplete="off"'
            ' value="' + escape(state["appointment"].get(field, "")) + '"></div>'
        )
    plain = (
        '<div class="sog-check"><input type="checkbox" id="' + PLAIN_TITLE + '" data-action="plain-title"'
        ' aria-describedby="' + PLAIN_TITLE + '-hint"' + (" checked" if state["plain_title"] else "") + "> "
        '<label for="' + PLAIN_TITLE + '">' + escape(said["plain_label"]) + "</label></div>"
        '<p class="sog-hint sog-plain-hint" id="' + PLAIN_TITLE + '-hint">' + escape(said["plain_hint"]) + "</p>"
    )
    when = calendar.when_words(state["appointment"])
    return (
        "<h2>" + escape(words["appointment"]) + '</h2><div class="sog-fields">' + "".join(fields) + "</div>"
        + plain + '<p class="sog-when" id="appt-when" role="status">' + escape(when_line(data, when)) + "</p>"
        '<div class="sog-actions">' + _button("add-calendar", "calendar", "", said["button"], css="md-button")
        + "</div>"
        # Filled when the file is saved: what happened, and what it holds.
        '<div class="sog-calendar-saved" id="' + CALENDAR_SAVED + '" role="status"></div>'
    )


def calendar_saved_html(data, events):
    """What the page says once the calendar file is saved: its name, every
    event it holds with its date in words, and writing them down instead."""
    words = data["words"]["calendar"]
    before, _, after = words["event"].partition("{when}")
    rows = "".join(
        "<li>" + escape(before) + "<strong>" + escape(dates.day_time_words(event["date"], event["time"]))
        + "</strong>" + escape(fill(after, {"title": event["title"]})) + "</li>"
        for event in events
    )
    return (
        "<p>" + escape(fill(words["saved"], {"name": words["file_name"]})) + "</p><ul>" + rows + "</ul>"
        "<p>" + escape(words["write_down"]) + "</p>"
    )


def when_line(data, when):
    """The visit's date and time in words, or what to do to get them."""
    words = data["words"]["calendar"]
    return fill(words["when"], {"when": when}) if when else words["no_date"]


def _question_buttons(data, entry, first, last):
    words = data["words"]
    qid = entry["id"]
    text = items.question_words(data, entry)
    up = "" if first else _button("up-" + qid, "move-up", qid, words["move_up"], text)
    down = "" if last else _button("down-" + qid, "move-down", qid, words["move_down"], text)
    remove = _button("del-" + qid, "remove-question", qid, words["remove"], text)
    return '<span class="sog-question-buttons">' + up + down + remove + "</span>"


def _questions(data, state):
    words = data["words"]
    rows = []
    count = len(state["questions"])
    for index, entry in enumerate(state["questions"]):
        rows.append(
            '<li class="sog-my-question"><span class="sog-question-text">'
            + escape(items.question_words(data, entry)) + "</span>"
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
        + escape(words["clear_question"]) + "</strong> "
        + escape(fill(words["clear_warning"], {"parts": keep.cleared_names()})) + "</p>"
        + _button("clear-yes", "clear-yes", "", words["clear_yes"], css="md-button md-button--primary") + " "
        + _button("clear-no", "clear-no", "", words["clear_no"], css="md-button") + "</div>"
    )


def _tailoring_note(data, shown, root):
    """The whole list's heading, and what it is tailored by."""
    words = data["words"]
    template = words["tailored"] if shown["tailored"] else words["untailored"]
    screener = link(root, "screener/", pages.title("screener/"))
    before, _, after = template.partition("{link}")
    return (
        "<h2>" + escape(words["all_title"]) + '</h2><p class="sog-tailored">' + escape(before) + screener
        + escape(after) + " " + escape(words["all_hint"]) + "</p>"
    )


def _keep(data, root):
    words = data["words"]
    return (
        "<h2>" + escape(words["keep_heading"]) + "</h2><p>"
        + escape(fill(words["keep_text"], {"parts": sentence(keep.saved_names())})) + "</p>"
        '<div class="sog-actions">' + _button("download", "download", "", words["download"], css="md-button") + " "
        + link(root, "print/", words["print_link"])
        + '</div><div class="sog-field ' + shell.NEEDS_PYTHON + '"><label for="load-file">'
        + escape(words["load_label"]) + "</label>"
        '<input type="file" id="load-file" accept=".json,application/json" data-action="load"></div>'
    )


# The list's parts, in page order. Each is drawn into its own container
# (id PART + name), so a change redraws only the parts it touches.
SECTIONS = ("next", "tailoring", "items", "more", "own", "appointment", "questions", "goals", "keep", "clear")
# Parts that show no saved work: "keep" is the same for every state, and
# "clear" changes only with whether it is asking. Compared without drawing
# them, so a start does not read every part of the guide's saved work
# (sog/keep.py) to find nothing changed.
UNSAVED_SECTIONS = ("keep", "clear")
# Not "ck-", which item ids use.
PART = "list-"


def section_html(name, data, state, shown, root, confirming):
    """The inside of one part of the list (see SECTIONS)."""
    if name == "next":
        return _next(data, state, shown)
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


def changed_sections(data, drawn, wanted, root):
    """The parts of the list (SECTIONS) whose HTML differs between the list as
    drawn and as wanted, each given as (state, screener answers, confirming)."""
    if drawn == wanted:
        return []
    before = (drawn[0], view.build(data, drawn[0], drawn[1]), root, drawn[2])
    after = (wanted[0], view.build(data, wanted[0], wanted[1]), root, wanted[2])
    return [name for name in SECTIONS
            if (name == "clear" and drawn[2] != wanted[2]) or (
                name not in UNSAVED_SECTIONS and section_html(name, data, *before) != section_html(name, data, *after))]


def page_html(data, root):
    """The checklist page's widget root: the list for an empty checklist (its
    first view, live with JavaScript), and the blank sheet, which shows in
    its place without JavaScript or if Python cannot start."""
    words = data["words"]
    empty = checklist_state.new_state()
    shown = view.build(data, empty, {})
    return (
        shell.open_root(ROOT_ID, root, root + "/print/", words["fallback_link"])
        + '<noscript><p class="sog-notice">' + escape(words["noscript"]) + "</p></noscript>"
        '<div class="sog-notice" id="checklist-notice" role="status"></div>'
        '<div class="sog-notice" id="' + ASK_AGAIN_ID + '" role="status"></div>'
        '<p class="sog-progress ' + shell.LIVE + '" id="checklist-progress" role="status">'
        + escape(view.progress_text(data, shown["progress"])) + "</p>"
        '<div class="' + shell.LIVE + '" id="checklist-body">' + widget_html(data, empty, shown, root, False) + "</div>"
        # The blank sheet; printing puts the visitor's own in its place.
        '<div class="' + shell.STATIC + '" id="' + PAPER_ID + '">'
        + render_sheet.sheet_html(data, empty, {}, False, "", "") + "</div>"
        "</div>"
    )


def static_page(root):
    """Marker widget:checklist, at build time."""
    return page_html(items.load(), root)
