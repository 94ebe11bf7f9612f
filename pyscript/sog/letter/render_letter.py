"""The letter on paper, and the phone scripts: HTML from letter.json. Pure.

One renderer for every place the letter appears: filled in on the letter
page as the visitor types, blank (lines to write on, boxes to tick) on the
same page without JavaScript and on the gathering-records page. Whatever the
visitor leaves empty stays a line or a box, so a half-filled letter can be
finished by hand. Every piece of text goes through escape.
"""

from sog.letter import view as letter_view
from sog.markup import escape

LETTER_ID = "letter-sheet"
SLIDES_ID = "slides-sheet"
# Rows shown in a filled-in letter only when the visitor gave them.
OPTIONAL_ROWS = ("other_names", "email")


def _line(data, css="sog-fill"):
    """A line to write on by hand; screen readers hear "blank"."""
    return (
        '<span class="' + css + '"><span class="sog-visually-hidden">' + escape(data["letter"]["blank"])
        + "</span></span>"
    )


def _value(data, view, field):
    value = view["fields"].get(field, "")
    return escape(value) if value else _line(data)


def _put(data, view, template, slots):
    """A sentence with {slot} parts: each a field's text, or a line."""
    parts = escape(template)
    for slot in slots:
        parts = parts.replace("{" + slot + "}", _value(data, view, slots[slot]))
    return parts


def _rows(data, view, labels, fields):
    rows = []
    for field in fields:
        if not view["blank"] and field in OPTIONAL_ROWS and not view["fields"].get(field):
            continue
        rows.append(
            '<tr><th scope="row">' + escape(labels[field]) + "</th><td>" + _value(data, view, field) + "</td></tr>"
        )
    return '<table class="sog-letter-rows">' + "".join(rows) + "</table>"


def _list(texts, css="sog-letter-list"):
    return '<ul class="' + css + '">' + "".join("<li>" + escape(text) + "</li>" for text in texts) + "</ul>"


def _boxes(texts, extra="", css="sog-letter-boxes"):
    """Choices to tick by hand: a box before each."""
    rows = ['<li><span class="sog-box" aria-hidden="true"></span>' + escape(text) + "</li>" for text in texts]
    return '<ul class="' + css + '">' + "".join(rows) + extra + "</ul>"


def _p(text, css=""):
    return ("<p>" if not css else '<p class="' + css + '">') + text + "</p>"


def _sign(data, words):
    return _p(
        escape(words["signature"]) + " " + _line(data, "sog-fill sog-fill--sign") + " "
        + escape(words["signed_on"]) + " " + _line(data),
        "sog-letter-sign",
    )


def _heading(element_id, level, text):
    tag = "h" + str(level)
    return "<" + tag + ' class="sog-letter-title" id="' + element_id + '-title">' + escape(text) + "</" + tag + ">"


def _records(data, view):
    words = data["letter"]
    if view["records"] and not view["blank"]:
        return _list(view["records"])
    others = "".join(
        '<li><span class="sog-box" aria-hidden="true"></span>' + escape(words["other"]) + " " + _line(data) + "</li>"
        for _ in range(2)
    )
    return _boxes(view["record_choices"], others)


def _choices(view, group, options):
    """A choice group: what the visitor picked, or every option to tick."""
    picked = [option for option in options if option["id"] in view[group]]
    if picked and not view["blank"]:
        return _list([option["letter"] for option in picked], "sog-letter-list sog-letter-inline")
    return _boxes([option["letter"] for option in options], css="sog-letter-boxes sog-letter-inline")


def _send_to(data, view):
    words = data["letter"]
    picked = [entry for entry in data["destinations"] if entry["id"] in view["send_to"]]
    ticking = not picked or view["blank"]
    chosen = data["destinations"] if ticking else picked
    box = '<span class="sog-box" aria-hidden="true"></span>' if ticking else ""
    rows = []
    for entry in chosen:
        extra = ""
        if entry["id"] == "doctor":
            extra = _rows(data, view, words["rows"], ("doctor_name", "doctor_address", "doctor_fax", "doctor_phone"))
        rows.append("<li>" + box + escape(entry["letter"]) + extra + "</li>")
    css = "sog-letter-boxes" if ticking else "sog-letter-list"
    return '<ul class="' + css + '">' + "".join(rows) + "</ul>"


def _to_me(view):
    """Whether the letter asks for copies sent to the visitor (or may: blank)."""
    return view["blank"] or not view["send_to"] or "me" in view["send_to"]


def letter_html(data, view, level=3):
    """The records request, one sheet of paper. data: letter.json; view:
    letter_view.letter_view or blank_view."""
    words = data["letter"]
    parts = [
        '<section class="sog-letter-sheet" id="' + LETTER_ID + '" aria-labelledby="' + LETTER_ID + '-title">',
        _heading(LETTER_ID, level, words["title"]),
        _p(escape(words["date"]) + " " + _value(data, view, "date")),
        _p(escape(words["to"]), "sog-letter-to"),
        _rows(data, view, words["rows"], ("office", "office_address")),
        _rows(data, view, words["rows"], ("name", "other_names", "birth_date", "address", "phone", "email")),
        _p(escape(words["ask"])),
        _p(escape(words["records"])),
        _records(data, view),
        _p(_put(data, view, words["dates"], {"from": "dates_from", "to": "dates_to"})),
        _p(escape(words["forms"])),
        _choices(view, "forms", data["forms"]),
        _p(escape(words["send_to"])),
        _send_to(data, view),
        _p(_put(data, view, words["visit"], {"visit": "visit_date"})),
        _p(escape(words["time"])),
        _p(((escape(words["fee_me"]) + " ") if _to_me(view) else "") + escape(words["fee_ask"])),
    ]
    if view["specimens"] and not view["blank"]:
        names = letter_view.specimen_names(data, view["specimens"])
        parts.append(_p(escape(words["specimens"].replace("{specimens}", names))))
    parts += [_p(escape(words["denial"])), _p(escape(words["questions"])), _sign(data, words), "</section>"]
    return "".join(parts)


def slides_html(data, view, level=3):
    """The separate request to the pathology lab to lend the slides and
    blocks, one sheet: for the picked ones, or (blank) both to tick."""
    words = data["slides"]
    ids = view["specimens"]
    if ids and not view["blank"]:
        title = words["title"].replace("{specimens}", letter_view.specimen_names(data, ids))
        lend = _list(view["specimen_picked"])
    else:
        title = words["title_blank"]
        lend = _boxes(view["specimen_choices"])
    return "".join([
        '<section class="sog-letter-sheet sog-slides-sheet" id="' + SLIDES_ID + '" aria-labelledby="' + SLIDES_ID
        + '-title">',
        _heading(SLIDES_ID, level, title),
        _p(escape(data["letter"]["date"]) + " " + _value(data, view, "date")),
        _p(escape(words["to"]), "sog-letter-to"),
        _rows(data, view, words["rows"], ("lab_name", "lab_address")),
        _rows(data, view, words["rows"], ("name", "birth_date", "phone", "specimen")),
        _p(escape(words["ask"])),
        lend,
        _p(escape(words["send_to"])),
        _rows(data, view, words["rows"], ("review_lab", "review_address")),
        _p(escape(words["back"])),
        _p(escape(words["questions"])),
        _sign(data, words),
        "</section>",
    ])


def sheets_html(data, view, level=3):
    """The letter, and the slides request when slides or blocks are picked."""
    html = letter_html(data, view, level)
    if view["specimens"] and not view["blank"]:
        html += slides_html(data, view, level)
    return html


def phone_scripts_html(data):
    """The phone scripts: what to say when you call, each under its title."""
    scripts = data["phone_scripts"]
    parts = ['<div class="sog-scripts">']
    for script in scripts["scripts"]:
        parts.append('<h3 id="script-' + escape(script["id"]) + '">' + escape(script["title"]) + "</h3>")
        parts.append(
            "<blockquote>" + "".join("<p>\u201c" + escape(line) + "\u201d</p>" for line in script["lines"])
            + "</blockquote>"
        )
        if script["note"]:
            parts.append(_p(escape(script["note"])))
    parts.append(_p(escape(scripts["after"])) + "</div>")
    return "".join(parts)
