"""What the letter shows, from the visitor's letter, their checklist and the
screener's answers. Pure.

The form offers the records the checklist shows (tailored by the screener
the same way, through checklist.view) and fills in what the checklist
already knows until the visitor types their own. The letter itself is drawn
from one "letter view" (letter_view, or blank_view for the letter with
lines to write on), so the page, the print-out and the blank letter on the
guidance page read the same words.
"""

from sog import datafiles, dates, figures, language
from sog import text as text_policy
from sog.checklist import items
from sog.checklist import view as checklist_view
from sog.letter import state as letter_state

DATA_FILE = "letter/letter.json"
# Fields the checklist's appointment fills while the visitor has not typed them.
PREFILL = {"doctor_name": "doctor", "doctor_phone": "phone", "visit_date": "date"}
# Fields typed as dates (YYYY-MM-DD), shown in words in the letter.
DATE_FIELDS = ("visit_date", "date")


# The letter goes to a US office: it prints in English unless the visitor
# asks for it in the page's language.
LETTER_LANGUAGE = "en"
# In the overlay: the letter's own text in that language (an overlay of
# letter.json itself), and the words only a page in that language shows.
BODY = "body"
ALONGSIDE = "alongside"


def load():
    """The letter's data (letter.json), yearly figures filled in (shared per
    page: do not change it).

    In another language the form's words are that language's and the
    letter's own text stays English (the overlay leaves it alone)."""
    return figures.load_filled(DATA_FILE)


_bodies = {}


def letter_data():
    """The letter's data with the letter itself in the current language,
    yearly figures filled in (made once per language)."""
    data = load()
    overlay = datafiles.overlay(DATA_FILE)
    if overlay is None or BODY not in overlay:
        return data
    key = language.cache_key(DATA_FILE)
    if key not in _bodies:
        # data is filled already: fill only the overlay's own text.
        _bodies[key] = language.localise(data, figures.fill_all(overlay[BODY], figures.load()))
    return _bodies[key]


def alongside_words():
    """The words for the letter shown in two languages ({"summary", ...}),
    or None where the page's language is the letter's or has no such text."""
    overlay = datafiles.overlay(DATA_FILE)
    if overlay is None or BODY not in overlay or ALONGSIDE not in overlay:
        return None
    return overlay[ALONGSIDE]


def in_language(code, build):
    """build(letter data, checklist data) with everything read in language
    code (the letter's own text, its dates in words, the records' names),
    then the page's language again. The widgets run one thing at a time,
    so switching the language for one drawing is safe."""
    before = language.current()
    language.use(code)
    try:
        return build(letter_data(), items.load())
    finally:
        language.use(before)


def offered_records(checklist_data, checklist, answers, picked):
    """The record ids the form offers first: those the checklist shows (for
    these screener answers) and any already picked, in the data's order; and
    the rest, offered under "More kinds of records". Returns (first, more)."""
    shown = checklist_view.build(checklist_data, checklist, answers)["shown"]
    records = items.ids_of_kind(checklist_data, "record")
    first = [item_id for item_id in records if item_id in shown or item_id in picked]
    more = [item_id for item_id in records if item_id not in first]
    return first, more


def values(state, checklist, today):
    """Every field's text as the form shows it: what the visitor typed, else
    what the checklist's appointment says, else today's date for the date
    of the letter (today: YYYY-MM-DD), else ""."""
    appointment = checklist["appointment"] if checklist else {}
    result = {}
    for field in letter_state.FIELDS:
        if field in state["fields"]:
            result[field] = state["fields"][field]
        elif field in PREFILL:
            result[field] = appointment.get(PREFILL[field], "")
        elif field == "date":
            result[field] = today
        else:
            result[field] = ""
    return result


def format_date(text):
    """"2027-03-05" -> "March 5, 2027" (sog.dates, words from words.json);
    any other text, or a day that does not exist, is returned as it is."""
    date = dates.parse_date(text)
    return text if date is None else dates.date_words(date)


def phrase(data, checklist_data, item_id):
    """How the letter names a record (letter.json), or the checklist's words for it."""
    phrases = data["record_phrases"]
    if item_id in phrases:
        return phrases[item_id]
    item = items.find_item(checklist_data, item_id)
    return item["text"] if item else item_id


def lines(text):
    """The non-blank lines of a text, trimmed."""
    result = []
    for line in text.split("\n"):
        line = line.strip(text_policy.WHITESPACE)
        if line:
            result.append(line)
    return result


def _record_choices(data, checklist_data):
    """Every record the letter itself asks for (not the slides and blocks,
    which have their own request), as the letter names them."""
    return [
        phrase(data, checklist_data, item_id)
        for item_id in items.ids_of_kind(checklist_data, "record")
        if item_id not in data["specimens"]
    ]


def letter_view(data, checklist_data, state, shown_values):
    """What the letter says for this state. shown_values: values()'s
    result. Returns a dict:

    blank           False (see blank_view)
    fields          {field: text as printed}, dates in words
    records         the picked records as the letter names them, then the
                    visitor's own (one per line of other_records)
    record_choices  every record the letter can ask for (boxes to tick by
                    hand when none is picked)
    specimens       the picked slides and blocks ids (their own request)
    specimen_choices  every kind of slide or block, as the letter names it
    specimen_picked   the picked ones, named
    images          whether the letter asks for scans or x-rays (or may:
                    with no record listed, every one is a box to tick)
    forms, send_to, agree, doctor_forms  the picked ids
    """
    fields = {}
    for field in letter_state.FIELDS:
        value = shown_values.get(field, "")
        fields[field] = format_date(value) if field in DATE_FIELDS else value
    fields["cost_limit"] = dollars(fields["cost_limit"])
    picked = state["records"]
    records = [phrase(data, checklist_data, item_id) for item_id in picked if item_id not in data["specimens"]]
    records += lines(fields["other_records"])
    specimens = [item_id for item_id in data["specimens"] if item_id in picked]
    return {
        "blank": False,
        "fields": fields,
        "records": records,
        "record_choices": _record_choices(data, checklist_data),
        "specimens": specimens,
        "specimen_choices": [phrase(data, checklist_data, item_id) for item_id in data["specimens"]],
        "specimen_picked": [phrase(data, checklist_data, item_id) for item_id in specimens],
        "images": not records or any(item_id in picked for item_id in data["image_records"]),
        "forms": list(state["forms"]),
        "send_to": list(state["send_to"]),
        "agree": list(state["agree"]),
        "doctor_forms": list(state["doctor_forms"]),
    }


def dollars(text):
    """A cost as the letter's "$" sentence takes it: without a "$" the visitor
    may have typed in front ("$ 50" -> "50")."""
    text = text.strip(text_policy.WHITESPACE)
    if text.startswith("$"):
        text = text[1:].strip(text_policy.WHITESPACE)
    return text


def routes(view):
    """Where the letter asks the copies to go, and whether they are boxes to
    tick by hand: (destination ids, ticking). Blank, or nothing picked: both,
    to tick."""
    if view["blank"] or not view["send_to"]:
        return list(letter_state.DESTINATIONS), True
    return list(view["send_to"]), False


def with_authorization(view):
    """Whether a filled letter comes with the HIPAA authorization page: when
    copies go to the second doctor."""
    return not view["blank"] and "doctor" in view["send_to"]


def blank_view(data, checklist_data):
    """The letter with nothing filled in: lines to write on and boxes to tick."""
    view = letter_view(data, checklist_data, letter_state.new_state(), {})
    view["blank"] = True
    return view


def specimen_names(data, ids):
    """"pathology slides and tissue blocks", from the picked ids."""
    names = [data["specimen_names"][item_id] for item_id in ids]
    return data["slides"]["and"].join(names)


def iso_date(year, month, day):
    """(2027, 3, 5) -> "2027-03-05", as a date field holds it."""
    return dates.iso_date(year, month, day)
