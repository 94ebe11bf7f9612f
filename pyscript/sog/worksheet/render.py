"""HTML for the worksheet. Pure.

One layout, two versions. The blank sheet (static_page, at build time) has
lines to write on and no fields, so it works and prints with JavaScript off;
the live form (form_html, in the browser) has a labelled field in each place.

Markup order is one question at a time, each with the first doctor's answer
and then the second's: a screen reader, the keyboard and a phone (where the
two stack) all meet them in that order, and a wide screen or paper lays the
same markup out as two columns side by side (widgets.css, print.css). Each
question is a group named by its heading.

Each field has a twin for paper (ws-paper): the text as typed, or lines to
write on where nothing is typed yet, because a printed textarea shows only
what fits in its box. Every piece of visitor text goes through escape.
"""

from sog import datafiles, shell
from sog.markup import escape, fill, link
from sog.worksheet import sheet
from sog.worksheet import state as worksheet_state

ROOT_ID = "worksheet"
BODY_ID = "worksheet-body"
GOALS_ID = "ws-goals"
THOUGHTS_ID = "ws-thoughts"
GOALS_FROM_ID = "ws-goals-from"
USE_GOALS_ID = "ws-use-goals"
THIRD_ID = "ws-third"
CLEAR_AREA_ID = "ws-clear-area"
COMPARE_NAME = "ws-compare"
PAPER_SUFFIX = "-paper"
# Lines to write on, on paper, where nothing is typed (a row's own count
# is in worksheet.json); and how tall a field is on screen.
GOALS_LINES = 3
THOUGHTS_LINES = 5
FIELD_ROWS = 3


def answer_id(doctor, row):
    """The id of one doctor's field for one row."""
    return "ws-" + doctor + "-" + row


def compare_id(choice):
    return COMPARE_NAME + "-" + choice


def field_values(data, state, checklist_goals):
    """[(field id, text it shows)] for every text field."""
    values = []
    for row in data["rows"]:
        for doctor in sheet.doctor_ids(data):
            values.append((answer_id(doctor, row["id"]), state["answers"][doctor][row["id"]]))
    values.append((GOALS_ID, worksheet_state.shown_goals(state, checklist_goals)[0]))
    values.append((THOUGHTS_ID, state["thoughts"]))
    return values


def _lines(count):
    """Lines to write on by hand."""
    return "".join('<span class="sog-line" aria-hidden="true"></span>' for _ in range(count))


def _paper(field_id, text, lines):
    """What paper shows for a field: the text, or lines while it is empty."""
    typed_id = ' id="' + escape(field_id + PAPER_SUFFIX) + '"' if field_id else ""
    return (
        '<div class="ws-paper"><span class="ws-typed"' + typed_id + ">" + escape(text) + "</span>"
        '<span class="ws-blank">' + _lines(lines) + "</span></div>"
    )


def _textarea(field_id, action, text, rows, limit, described, extra=""):
    return (
        '<textarea id="' + escape(field_id) + '" class="ws-text" rows="' + str(rows) + '"'
        ' maxlength="' + str(limit) + '"'
        ' data-action="' + escape(action) + '"' + extra
        + (' aria-describedby="' + escape(described) + '"' if described else "") + ">" + escape(text) + "</textarea>"
    )


def _hint(hint_id, text):
    return '<p class="ws-hint" id="' + escape(hint_id) + '">' + escape(text) + "</p>" if text else ""


def _cell(data, doctor, row, text, live):
    if not live:
        return (
            '<div class="ws-cell"><p class="ws-who">' + escape(doctor["label"]) + "</p>"
            + _paper("", "", row["lines"]) + "</div>"
        )
    field_id = answer_id(doctor["id"], row["id"])
    described = "ws-hint-" + row["id"] if row["hint"] else ""
    extra = ' data-doctor="' + escape(doctor["id"]) + '" data-row="' + escape(row["id"]) + '"'
    return (
        '<div class="ws-cell"><label class="ws-who" for="' + escape(field_id) + '">'
        + escape(doctor["label"]) + "</label>"
        + _textarea(field_id, "answer", text, min(row["lines"], FIELD_ROWS), worksheet_state.MAX_ANSWER, described,
                    extra)
        + _paper(field_id, text, row["lines"]) + "</div>"
    )


def _row(data, state, row, live):
    """One question: its heading and hint, then each doctor's answer."""
    question_id = "ws-q-" + row["id"]
    cells = "".join(
        _cell(data, doctor, row, state["answers"][doctor["id"]][row["id"]], live) for doctor in data["doctors"]
    )
    return (
        '<div class="ws-row" role="group" aria-labelledby="' + escape(question_id) + '"><div class="ws-q">'
        '<h3 id="' + escape(question_id) + '">' + escape(row["label"]) + "</h3>"
        + _hint("ws-hint-" + row["id"], row["hint"]) + "</div>" + cells + "</div>"
    )


def _grid(data, state, part_id, live):
    # The column heads are for the eye only: each answer's own label names
    # its doctor for a screen reader (and for the eye on a phone).
    heads = '<div class="ws-heads" aria-hidden="true"><span></span>' + "".join(
        "<span>" + escape(doctor["label"]) + "</span>" for doctor in data["doctors"]
    ) + "</div>"
    rows = "".join(_row(data, state, row, live) for row in sheet.rows_in(data, part_id))
    return '<div class="ws-grid">' + heads + rows + "</div>"


def _free_text(field_id, action, label, hint, text, lines, limit, live, note="", note_id=""):
    """A field across the whole width (goals, thoughts). note: a paragraph
    under the hint (its id note_id) that describes the field too."""
    hint_id = field_id + "-hint"
    if not live:
        return (
            '<div class="ws-field"><p class="ws-label">' + escape(label) + "</p>" + _hint(hint_id, hint)
            + _paper("", "", lines) + "</div>"
        )
    described = hint_id + (" " + note_id if note_id else "")
    return (
        '<div class="ws-field"><label class="ws-label" for="' + escape(field_id) + '">' + escape(label) + "</label>"
        + _hint(hint_id, hint) + note
        + _textarea(field_id, action, text, FIELD_ROWS + 1, limit, described)
        + _paper(field_id, text, lines) + "</div>"
    )


def goals_note_text(data, state, checklist_goals):
    """The line under the goals saying they came from the checklist, or ""."""
    from_checklist = worksheet_state.shown_goals(state, checklist_goals)[1]
    return data["words"]["goals_from_checklist"] if from_checklist else ""


def _goals(data, state, checklist_goals, live):
    words = data["words"]
    shown = worksheet_state.shown_goals(state, checklist_goals)[0]
    note = ""
    offer = ""
    if live:
        said = goals_note_text(data, state, checklist_goals)
        note = (
            '<p class="ws-hint ws-from sog-no-print" id="' + GOALS_FROM_ID + '"' + ("" if said else " hidden") + ">"
            + escape(said) + "</p>"
        )
        hidden = "" if worksheet_state.offers_checklist_goals(state, checklist_goals) else " hidden"
        offer = (
            '<div class="sog-actions" id="ws-goals-actions"' + hidden + '><button type="button"'
            ' class="sog-small-button" id="' + USE_GOALS_ID + '" data-action="use-checklist-goals">'
            + escape(words["use_checklist_goals"]) + "</button></div>"
        )
    return _free_text(GOALS_ID, "goals", words["goals_label"], words["goals_hint"], shown, GOALS_LINES,
                      worksheet_state.MAX_GOALS, live, note, GOALS_FROM_ID if live else "") + offer


def _third(data, state, root, live):
    """What the guidance says about a third opinion. Live, it shows only while
    the visitor says the two opinions differ; on the blank sheet, always."""
    words = data["words"]
    shown = not live or sheet.shows_third(data, state["comparison"])
    href = words["third_href"]
    title = datafiles.load("pages.json")["titles"][href.split("#")[0]]
    return (
        '<div class="ws-third" id="' + THIRD_ID + '"' + ("" if shown else " hidden") + ">"
        "<h3>" + escape(words["third_title"]) + "</h3>"
        + "".join("<p>" + escape(text) + "</p>" for text in words["third_text"])
        + '<p class="sog-no-print">' + link(root, href, fill(words["third_link"], {"title": title})) + "</p></div>"
    )


def _compare(data, state, root, live):
    words = data["words"]
    if live:
        choices = []
        for choice in data["comparisons"]:
            input_id = compare_id(choice["id"])
            checked = " checked" if state["comparison"] == choice["id"] else ""
            choices.append(
                '<label class="sog-choice" for="' + escape(input_id) + '"><input type="radio"'
                ' id="' + escape(input_id) + '" name="' + COMPARE_NAME + '" value="' + escape(choice["id"]) + '"'
                ' data-action="compare"'
                + checked + "> <span>" + escape(choice["label"]) + "</span></label>"
            )
        asked = (
            '<fieldset class="ws-compare"><legend>' + escape(words["compare_legend"]) + "</legend>"
            '<div class="ws-choices">' + "".join(choices) + "</div></fieldset>"
        )
    else:
        boxes = "".join(
            '<li><span class="sog-box" aria-hidden="true"></span>' + escape(choice["label"]) + "</li>"
            for choice in data["comparisons"]
        )
        asked = '<p class="ws-label">' + escape(words["compare_legend"]) + '</p><ul class="ws-boxes">' + boxes + "</ul>"
    return _part("compare", words["compare_title"], asked + _third(data, state, root, live))


def _part(part_id, title, body):
    return (
        '<div class="ws-part ws-part--' + escape(part_id) + '">'
        '<h2 id="ws-part-' + escape(part_id) + '">' + escape(title) + "</h2>" + body + "</div>"
    )


def clear_html(data, confirming):
    """The clear button, or the question asking to confirm."""
    words = data["words"]
    if not confirming:
        return (
            '<button type="button" class="md-button" id="ws-clear" data-action="clear">'
            + escape(words["clear"]) + "</button>"
        )
    return (
        '<div class="sog-confirm" role="group" aria-labelledby="ws-confirm-text"><p id="ws-confirm-text"><strong>'
        + escape(words["clear_question"]) + "</strong> " + escape(words["clear_warning"]) + "</p>"
        '<button type="button" class="md-button md-button--primary" id="ws-clear-yes" data-action="clear-yes">'
        + escape(words["clear_yes"]) + "</button> "
        '<button type="button" class="md-button" id="ws-clear-no" data-action="clear-no">'
        + escape(words["clear_no"]) + "</button></div>"
    )


def _sheet(data, state, checklist_goals, root, live):
    words = data["words"]
    opinions, goals = data["parts"][0], data["parts"][1]
    thoughts = _free_text(THOUGHTS_ID, "thoughts", words["thoughts_label"], words["thoughts_hint"],
                          state["thoughts"], THOUGHTS_LINES, worksheet_state.MAX_THOUGHTS, live)
    return (
        _part(opinions["id"], opinions["title"], _grid(data, state, opinions["id"], live))
        + _part(goals["id"], goals["title"], _goals(data, state, checklist_goals, live)
                + _grid(data, state, goals["id"], live))
        + _compare(data, state, root, live)
        + _part("thoughts", words["thoughts_title"], thoughts)
        + '<p class="ws-footer">' + escape(words["footer"]) + "</p>"
    )


def form_html(data, state, checklist_goals, root, confirming=False):
    """The live worksheet for one state, with its print and clear buttons."""
    words = data["words"]
    checklist = link(root, "checklist/", datafiles.load("pages.json")["titles"]["checklist/"])
    before, _, after = words["keep"].partition("{link}")
    return (
        '<div class="ws-sheet ws-live">' + _sheet(data, state, checklist_goals, root, True)
        + '<div class="sog-actions" id="ws-actions"><button type="button" class="md-button md-button--primary"'
        ' id="ws-print" data-action="print">' + escape(words["print_button"]) + "</button></div>"
        '<div class="sog-actions" id="' + CLEAR_AREA_ID + '">' + clear_html(data, confirming) + "</div>"
        '<p class="ws-keep sog-no-print">' + escape(before) + checklist + escape(after) + "</p></div>"
    )


def sheet_html(data, root):
    """The blank worksheet, with lines to write on."""
    blank = worksheet_state.new_state(data)
    return '<div class="ws-sheet ws-static">' + _sheet(data, blank, "", root, False) + "</div>"


def page_html(data, root):
    """The widget root. Without Python it holds the blank worksheet, which
    prints as it is; the live form replaces it."""
    words = data["words"]
    return (
        shell.open_root(ROOT_ID, root, "#" + BODY_ID, words["fallback_link"])
        + '<noscript><p class="sog-notice">' + escape(words["noscript"]) + "</p></noscript>"
        '<div class="sog-notice" id="worksheet-notice" role="status"></div>'
        '<div id="' + BODY_ID + '">' + sheet_html(data, root) + "</div></div>"
    )


def static_page(root):
    """Marker widget:worksheet, at build time."""
    return page_html(sheet.load(), root)
