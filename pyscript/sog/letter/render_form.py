"""The letter's form on screen: HTML for the fields, choices and buttons. Pure.

Drawn once when the widget starts (and again only when another tab or the
checklist changes what it offers); typing never redraws it. Every piece of
text goes through escape; every sentence comes from letter.json.
"""

from sog.checklist import items
from sog.letter import state as letter_state
from sog.markup import escape, fill

# Field id -> (input type, autocomplete). The visitor's own details may come
# from the browser's autofill; other people's details may not.
INPUTS = {
    "name": ("text", "name"),
    "birth_date": ("text", "bday"),
    "address": ("text", "street-address"),
    "phone": ("tel", "tel"),
    "email": ("email", "email"),
    "doctor_phone": ("tel", "off"),
    "doctor_fax": ("tel", "off"),
    "visit_date": ("date", "off"),
    "date": ("date", "off"),
}
# Fields a phone's keyboard should offer numbers for.
INPUT_MODES = {"cost_limit": "decimal"}
GROUPS = (
    ("you", ("name", "other_names", "birth_date", "address", "phone", "email")),
    ("office", ("office", "office_address")),
)
DOCTOR_FIELDS = ("doctor_name", "doctor_address", "doctor_fax", "doctor_phone")
SLIDES_FIELDS = ("lab_name", "lab_address", "specimen", "review_lab", "review_address")
# Containers the widget shows or hides, and redraws.
ME_ID = "letter-me"
DOCTOR_ID = "letter-doctor"
SLIDES_ID = "letter-slides"
RECORDS_ID = "letter-records"
CLEAR_ID = "letter-clear-part"
# The letter in the other language, on pages not in the letter's language.
OTHER_ID = "letter-other"
OTHER_PAPER_ID = "letter-other-paper"
OTHER_SUMMARY_ID = "letter-other-summary"
PRINT_LANGUAGE_ID = "letter-print-language"
PAPER_ID = "letter-paper"
PREVIEW_ID = "letter-preview"


def field_id(field):
    return "lt-" + field


def choice_id(group, choice):
    return "lt-" + group + "-" + choice


def _hint(words, field):
    text = words["hints"].get(field)
    if not text:
        return "", ""
    hint_id = escape(field_id(field) + "-hint")
    return '<p class="sog-hint" id="' + hint_id + '">' + escape(text) + "</p>", ' aria-describedby="' + hint_id + '"'


def field_html(words, field, value):
    """One labelled text field (a text box for the own records)."""
    kind, autocomplete = INPUTS.get(field, ("text", "off"))
    hint, described = _hint(words, field)
    mode = INPUT_MODES.get(field)
    html_id = escape(field_id(field))
    common = (
        ' id="' + html_id + '" data-action="field" data-id="' + escape(field) + '" maxlength="'
        + str(letter_state.limit(field)) + '" autocomplete="' + autocomplete + '"' + described
        + (' inputmode="' + mode + '"' if mode else "")
    )
    if field == "other_records":
        control = '<textarea rows="3"' + common + ">" + escape(value) + "</textarea>"
    else:
        control = '<input type="' + kind + '"' + common + ' value="' + escape(value) + '">'
    return (
        '<div class="sog-field"><label for="' + html_id + '">' + escape(words["labels"][field]) + "</label>"
        + hint + control + "</div>"
    )


def _fields(words, fields, values):
    return '<div class="sog-fields">' + "".join(field_html(words, field, values[field]) for field in fields) + "</div>"


def _check(group, choice, label, checked, hint=""):
    # The box's id escaped once; its hint's id and the label's "for" reuse it.
    box_id = escape(choice_id(group, choice))
    described = ""
    extra = ""
    if hint:
        described = ' aria-describedby="' + box_id + '-hint"'
        extra = '<span class="sog-hint" id="' + box_id + '-hint">' + escape(hint) + "</span>"
    return (
        '<li><div class="sog-check"><input type="checkbox" id="' + box_id + '" data-action="choice"'
        ' data-group="' + escape(group) + '" data-id="' + escape(choice) + '"' + described
        + (" checked" if checked else "") + '> <label for="' + box_id + '">' + escape(label) + "</label>" + extra
        + "</div></li>"
    )


def _checks(rows):
    return '<ul class="sog-letter-choices">' + "".join(rows) + "</ul>"


def records_html(data, checklist_data, first, more, picked):
    """The record choices: those the checklist shows, then the rest folded
    away under "More kinds of records". first, more: view.offered_records."""
    words = data["words"]

    def rows(ids):
        result = []
        for item_id in ids:
            item = items.find_item(checklist_data, item_id)
            hint = words["specimen_hint"] if item_id in data["specimens"] else ""
            result.append(_check("records", item_id, item["text"], item_id in picked, hint))
        return _checks(result)

    html = rows(first) if first else ""
    if more:
        html += (
            '<details class="sog-fold sog-more-records"><summary>'
            + escape(fill(words["more_records"], {"n": len(more)})) + "</summary>" + rows(more) + "</details>"
        )
    return html


def _fieldset(legend, body, hint="", hint_id=""):
    hint_id = escape(hint_id)
    described = ' aria-describedby="' + hint_id + '"' if hint else ""
    hint_html = '<p class="sog-hint" id="' + hint_id + '">' + escape(hint) + "</p>" if hint else ""
    return (
        '<fieldset class="sog-letter-fieldset"' + described + "><legend>" + escape(legend) + "</legend>" + hint_html
        + body + "</fieldset>"
    )


def _options(group, options, picked):
    """A group's choices, each with its hint if it has one."""
    return _checks([_check(group, option["id"], option["label"], option["id"] in picked, option.get("hint", ""))
                    for option in options])


def _hidden(shown):
    return "" if shown else " hidden"


def form_html(data, checklist_data, state, values, offered):
    """The whole form for one letter. values: view.values; offered:
    view.offered_records's (first, more)."""
    words = data["words"]
    groups = words["groups"]
    parts = [
        '<div class="sog-letter-form" id="letter-form"><h2 id="letter-form-heading">' + escape(words["form_heading"])
        + "</h2><p>" + escape(words["form_intro"]) + ' <a href="#' + PREVIEW_ID + '">' + escape(words["to_letter"])
        + "</a></p>"
    ]
    for group, fields in GROUPS:
        parts.append("<h3>" + escape(groups[group]) + "</h3>" + _fields(words, fields, values))
    parts.append(
        "<h3>" + escape(groups["records"]) + "</h3>"
        + _fieldset(words["records_legend"],
                    '<div id="' + RECORDS_ID + '">' + records_html(data, checklist_data, offered[0], offered[1],
                                                                 state["records"]) + "</div>",
                    words["records_hint"], "letter-records-hint")
        + _fields(words, ("other_records", "dates_from", "dates_to"), values)
    )
    parts.append(
        "<h3>" + escape(groups["send_to"]) + "</h3>"
        + _fieldset(words["send_to_legend"], _options("send_to", data["destinations"], state["send_to"]),
                    words["send_to_hint"], "letter-send-to-hint")
        + '<div id="' + ME_ID + '"' + _hidden("me" in state["send_to"]) + ">"
        + _fieldset(words["forms_legend"], _options("forms", data["forms"], state["forms"]))
        + _fieldset(words["agree_legend"], _options("agree", data["agree"], state["agree"]))
        + "</div>"
        + '<div id="' + DOCTOR_ID + '"' + _hidden("doctor" in state["send_to"]) + ">"
        + _fields(words, DOCTOR_FIELDS, values)
        + _fieldset(words["doctor_forms_legend"], _options("doctor_forms", data["doctor_forms"],
                                                           state["doctor_forms"]),
                    words["doctor_forms_hint"], "letter-doctor-forms-hint")
        + "</div>"
        + _fields(words, ("visit_date",), values)
    )
    parts.append("<h3>" + escape(groups["cost"]) + "</h3>" + _fields(words, ("cost_limit",), values))
    slides = [item_id for item_id in data["specimens"] if item_id in state["records"]]
    parts.append(
        '<div id="' + SLIDES_ID + '"' + _hidden(slides) + "><h3>" + escape(groups["slides"]) + "</h3>"
        + _fields(words, SLIDES_FIELDS, values) + "</div>"
    )
    parts.append("<h3>" + escape(groups["date"]) + "</h3>" + _fields(words, ("date",), values) + "</div>")
    return "".join(parts)


def _button(element_id, action, label, css):
    return (
        '<button type="button" class="' + escape(css) + '" id="' + escape(element_id) + '" data-action="'
        + escape(action) + '">' + escape(label) + "</button>"
    )


def clear_html(words, confirming):
    """The clear control: a button, or the question with Yes and No."""
    if not confirming:
        return _button("letter-clear", "clear", words["clear"], "md-button")
    return (
        '<div class="sog-confirm" role="group" aria-labelledby="letter-confirm-text"><p id="letter-confirm-text">'
        "<strong>" + escape(words["clear_question"]) + "</strong> " + escape(words["clear_warning"]) + "</p>"
        + _button("letter-clear-yes", "clear-yes", words["clear_yes"], "md-button md-button--primary") + " "
        + _button("letter-clear-no", "clear-no", words["clear_no"], "md-button") + "</div>"
    )


def actions_html(words, confirming):
    """Print and clear."""
    return (
        '<div class="sog-actions" id="letter-actions">'
        + _button("letter-print", "print", words["print"], "md-button md-button--primary")
        + '<p class="sog-hint">' + escape(words["print_hint"]) + "</p>"
        + '<div id="' + CLEAR_ID + '">' + clear_html(words, confirming) + "</div></div>"
    )


def print_choice_html(alongside, print_other):
    """On a page in another language than the letter's (alongside: the
    overlay's words, view.alongside_words): the choice to print the letter
    in the page's language (print_other), above the print button. Never printed."""
    if not alongside:
        return ""
    return (
        '<div class="sog-check sog-no-print"><input type="checkbox" id="' + PRINT_LANGUAGE_ID + '"'
        ' data-action="print-language" aria-describedby="' + PRINT_LANGUAGE_ID + '-hint"'
        + (" checked" if print_other else "") + '> <label for="' + PRINT_LANGUAGE_ID + '">'
        + escape(alongside["print"]) + '</label><span class="sog-hint" id="' + PRINT_LANGUAGE_ID + '-hint">'
        + escape(alongside["print_hint"]) + "</span></div>"
    )


def alongside_html(alongside, print_other):
    """On such a page: the letter in the language it does not print in,
    folded, so the visitor can read what they sign (the widget draws it in
    OTHER_PAPER_ID when it is opened: data-action "other-letter"). Never
    printed."""
    if not alongside:
        return ""
    summary = alongside["summary_letter"] if print_other else alongside["summary"]
    return (
        '<div class="sog-letter-alongside sog-no-print" id="' + OTHER_ID + '">'
        '<details class="sog-fold sog-slides-blank"><summary id="' + OTHER_SUMMARY_ID + '" data-action="other-letter">'
        + escape(summary) + "</summary>"
        '<div class="sog-letter-paper" id="' + OTHER_PAPER_ID + '"></div></details></div>'
    )


def preview_html(words, sheets):
    """The letter as it will print, under its own heading. Not a live
    region: the visitor's own typing is not read back to them."""
    return (
        '<section class="sog-letter-preview" id="' + PREVIEW_ID + '" aria-labelledby="letter-preview-heading"'
        ' tabindex="0"><h2 id="letter-preview-heading">' + escape(words["preview_heading"]) + "</h2>"
        '<p class="sog-letter-preview-intro">' + escape(words["preview_intro"]) + "</p>"
        '<div class="sog-letter-paper" id="' + PAPER_ID + '">' + sheets + "</div></section>"
    )


def body_html(data, checklist_data, state, values, offered, sheets, confirming, alongside=None, print_other=False):
    """Everything the widget draws in its body: form, actions, letter; on a
    page in another language than the letter's, the choice to print in it
    and the letter in the other language (print_choice_html, alongside_html)."""
    return (
        '<div class="sog-letter-layout"><div class="sog-letter-input">'
        + form_html(data, checklist_data, state, values, offered) + print_choice_html(alongside, print_other)
        + actions_html(data["words"], confirming) + alongside_html(alongside, print_other)
        + "</div>" + preview_html(data["words"], sheets) + "</div>"
    )
