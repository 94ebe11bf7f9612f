"""The letter on paper, and the phone scripts: HTML from letter.json. Pure.

One renderer for every place the letter appears: filled in on the letter
page as the visitor types, blank (lines to write on, boxes to tick) on the
same page without JavaScript and on the gathering-records page. Whatever the
visitor leaves empty stays a line or a box, so a half-filled letter can be
finished by hand. Every piece of text goes through escape.

Each way the copies can go asks under the rule that really covers it, and
no other: the visitor's own copy under the HIPAA right of access; copies for
the second doctor under the right of access only when electronic, else as
doctors share records for a patient's care, with a HIPAA authorization on a
sheet of its own for an office that still wants one.
"""

from sog.letter import view as letter_view
from sog.markup import escape

LETTER_ID = "letter-sheet"
AUTH_ID = "auth-sheet"
SLIDES_ID = "slides-sheet"
# Rows shown in a filled-in letter only when the visitor gave them.
OPTIONAL_ROWS = ("other_names", "email")
# The visitor's details in the letter. The blank letter has no line for other
# names (they fit beside the name; the authorization has one), so that at 12pt
# it still prints on one sheet of US Letter.
ABOUT = ("name", "other_names", "birth_date", "address", "phone", "email")
ABOUT_BLANK = ("name", "birth_date", "address", "phone", "email")


def _line(data, css="sog-fill"):
    """A line to write on by hand; screen readers hear "blank"."""
    return (
        '<span class="' + escape(css) + '"><span class="sog-visually-hidden">' + escape(data["letter"]["blank"])
        + "</span></span>"
    )


# Fields whose line to write on is short: a sum of dollars.
SHORT_LINES = ("cost_limit",)


def _value(data, view, field):
    value = view["fields"].get(field, "")
    if value:
        return escape(value)
    return _line(data, "sog-fill sog-fill--short") if field in SHORT_LINES else _line(data)


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
    return '<table class="sog-rows sog-letter-rows">' + "".join(rows) + "</table>"


def _list(texts, css="sog-letter-list"):
    return '<ul class="' + escape(css) + '">' + "".join("<li>" + escape(text) + "</li>" for text in texts) + "</ul>"


def _boxes(texts, extra="", css="sog-letter-boxes"):
    """Choices to tick by hand: a box before each."""
    rows = ['<li><span class="sog-box" aria-hidden="true"></span>' + escape(text) + "</li>" for text in texts]
    return '<ul class="' + escape(css) + '">' + "".join(rows) + extra + "</ul>"


def _p(text, css=""):
    return ("<p>" if not css else '<p class="' + escape(css) + '">') + text + "</p>"


def _sign(data, words):
    return _p(
        escape(words["signature"]) + " " + _line(data, "sog-fill sog-fill--sign") + " "
        + escape(words["signed_on"]) + " " + _line(data),
        "sog-letter-sign",
    )


def _heading(element_id, level, text):
    tag = "h" + str(level)
    return (
        "<" + tag + ' class="sog-letter-title" id="' + escape(element_id + "-title") + '">' + escape(text)
        + "</" + tag + ">"
    )


def _records(data, view):
    words = data["letter"]
    if view["records"] and not view["blank"]:
        return _list(view["records"], "sog-letter-list sog-letter-records")
    others = "".join(
        '<li><span class="sog-box" aria-hidden="true"></span>' + escape(words["other"]) + " " + _line(data) + "</li>"
        for _ in range(2)
    )
    return _boxes(view["record_choices"], others, "sog-letter-boxes sog-letter-records")


def _choices(view, group, options):
    """A choice group: what the visitor picked, or every option to tick."""
    picked = [option for option in options if option["id"] in view[group]]
    if picked and not view["blank"]:
        return _list([option["letter"] for option in picked], "sog-letter-list sog-letter-inline")
    return _boxes([option["letter"] for option in options], css="sog-letter-boxes sog-letter-inline")


def _ticking(view, group):
    """Whether a choice group is left as boxes to tick by hand."""
    return view["blank"] or not view[group]


def _sentences(words, keys):
    """One paragraph of several of the letter's sentences, each its own data."""
    return _p(" ".join(escape(words[key]) for key in keys))


def _part_heading(data, destination, ticking, level):
    """A part of the letter for one destination, under its own heading, with
    a box before it when the visitor ticks the parts by hand."""
    entry = [entry for entry in data["destinations"] if entry["id"] == destination][0]
    tag = "h" + str(level + 1)
    box = '<span class="sog-box" aria-hidden="true"></span>' if ticking else ""
    return "<" + tag + ' class="sog-letter-part">' + box + escape(entry["letter"]) + "</" + tag + ">"


def _for_me(data, view, ticking):
    """The visitor's own copy: the HIPAA right of access (45 CFR 164.524),
    with its time limit, fee rule and the rest. ticking: the parts are boxes
    to tick by hand, so unencrypted email is a box too."""
    words = data["letter"]
    parts = [_p(escape(words["me_ask"])), _choices(view, "forms", data["forms"])]
    summary = "summary_ok" if "summary" in view["agree"] and not ticking else "summary_no"
    if ticking:
        # On paper the visitor ticks the box to agree, or leaves it.
        parts.append(_boxes([words["plain_email"]]))
        parts.append(_sentences(words, ["me_format", summary]))
    else:
        email = ["plain_email"] if "plain_email" in view["agree"] else []
        parts.append(_sentences(words, ["me_format"] + email + [summary]))
    parts += [
        _sentences(words, ["time", "fee_me"]),
        _sentences(words, ["not_required", "denial"]),
    ]
    return "".join(parts)


def _for_doctor(data, view):
    """Copies sent to the second doctor: electronic copies of electronic
    records by the right of access; the rest as doctors send records to each
    other for a patient's care (45 CFR 164.506(c)), with the authorization
    page for an office that still wants the patient's signature."""
    words = data["letter"]
    keys = []
    if _ticking(view, "doctor_forms"):
        keys.append("doctor_electronic_blank")
    elif "electronic" in view["doctor_forms"]:
        keys.append("doctor_electronic")
    keys += ["doctor_care", "doctor_auth"]
    return "".join([
        _p(escape(words["doctor_ask"])),
        _choices(view, "doctor_forms", data["doctor_forms"]),
        _rows(data, view, words["rows"], ("doctor_name", "doctor_address", "doctor_fax", "doctor_phone")),
        _sentences(words, keys),
    ])


def letter_html(data, view, level=3):
    """The records request, one sheet of paper. data: letter.json; view:
    letter_view.letter_view or blank_view."""
    words = data["letter"]
    parts = [
        '<section class="sog-letter-sheet sog-rows-box" id="' + LETTER_ID
        + '" aria-labelledby="' + LETTER_ID + '-title">',
        _heading(LETTER_ID, level, words["title"]),
        _p(escape(words["date"]) + " " + _value(data, view, "date"), "sog-letter-date"),
        _p(escape(words["to"]), "sog-letter-to"),
        _rows(data, view, words["rows"], ("office", "office_address")),
        _rows(data, view, words["rows"], ABOUT_BLANK if view["blank"] else ABOUT),
        _p(escape(words["ask"])),
        _records(data, view),
        _p(_put(data, view, words["dates"], {"from": "dates_from", "to": "dates_to"})
           + ((" " + escape(words["images"])) if view["images"] else "")),
    ]
    destinations, ticking = letter_view.routes(view)
    for destination in destinations:
        parts.append(_part_heading(data, destination, ticking, level))
        parts.append(_for_me(data, view, ticking) if destination == "me" else _for_doctor(data, view))
    parts.append(_p(_put(data, view, words["cost"], {"limit": "cost_limit"})))
    if view["specimens"] and not view["blank"]:
        names = letter_view.specimen_names(data, view["specimens"])
        parts.append(_p(escape(words["specimens"].replace("{specimens}", names))))
    parts += [
        _p(_put(data, view, words["visit"], {"visit": "visit_date"}) + " " + escape(words["questions"])),
        _sign(data, words),
        "</section>",
    ]
    return "".join(parts)


def authorization_html(data, view, level=3):
    """The HIPAA authorization, one sheet of its own (45 CFR 164.508(c)): who
    may share, with whom, what, why, when it ends, the right to cancel it in
    writing, the statements the rule asks for, and the signature. Kept apart
    from the letter, as the rule keeps an authorization from being combined
    with another document."""
    words = data["auth"]
    letter_words = data["letter"]
    rows = words["rows"]
    return "".join([
        '<section class="sog-letter-sheet sog-auth-sheet sog-rows-box" id="' + AUTH_ID + '" aria-labelledby="' + AUTH_ID
        + '-title">',
        _heading(AUTH_ID, level, words["title"]),
        _rows(data, view, rows, ("name", "other_names", "birth_date", "phone")),
        _p(escape(words["from"])),
        _rows(data, view, rows, ("office", "office_address")),
        _p(escape(words["to"])),
        _rows(data, view, rows, ("doctor_name", "doctor_address", "doctor_fax", "doctor_phone")),
        _p(_put(data, view, words["what"], {"from": "dates_from", "to": "dates_to"})),
        _records(data, view),
        _sentences(words, ["why", "ends"]),
        _sentences(words, ["revoke"]),
        _sentences(words, ["condition", "redisclose"]),
        _sign(data, letter_words),
        _p(escape(words["representative"]) + " " + _line(data, "sog-fill sog-fill--sign"), "sog-letter-sign-for"),
        "</section>",
    ])


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
        '<section class="sog-letter-sheet sog-slides-sheet sog-rows-box" id="' + SLIDES_ID
        + '" aria-labelledby="' + SLIDES_ID + '-title">',
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
    """The letter; the authorization when copies go to the second doctor; the
    slides request when slides or blocks are picked."""
    html = letter_html(data, view, level)
    if letter_view.with_authorization(view):
        html += authorization_html(data, view, level)
    if view["specimens"] and not view["blank"]:
        html += slides_html(data, view, level)
    return html


def renamed(html, prefix):
    """Sheets (sheets_html) with prefix before their ids, so the same letter
    can be shown twice on a page (in two languages) with ids still unique.
    Typed text cannot match: its quotes are escaped."""
    prefix = escape(prefix)
    for sheet_id in (LETTER_ID, AUTH_ID, SLIDES_ID):
        html = html.replace('"' + sheet_id, '"' + prefix + sheet_id)
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
