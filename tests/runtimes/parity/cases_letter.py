"""Parity cases for the records-request letter: sog.letter's state, saved
form (and format 1 brought up to date), view and renderers (each delivery
choice's letter, the HIPAA authorization), and the letter as a part of the
checklist's file."""

import json

from sog import keep, storage
from sog.checklist import items
from sog.checklist import state as ck_state
from sog.letter import render, render_form, render_letter, saved, state, view

from tests.runtimes.parity.harness import canon, case, dumps, summary
from tests.support import examples, letter_examples
from tests.support.examples import HOSTILE_TEXTS, MARKUP_TEXTS
from tests.support.fake_storage import SafeStorage

CHECKLIST = items.load()
LETTER = view.load()
TODAY = "2027-03-05"
JUNK = [None, True, 0, -1, 2.5, "", "text", "<b>x</b>", [], [1, "a"], {}, {"a": None}]


def lt_field(field, text):
    """set_field from a new letter, and whether the old one was left alone."""
    before = state.new_state()
    after = state.set_field(before, field, text)
    return {"after": after, "old_unchanged": before == state.new_state()}


def lt_choices(steps):
    letter = state.new_state()
    log = []
    for group, choice, on in steps:
        letter = state.set_choice(CHECKLIST, letter, group, choice, on)
        log.append(letter)
    return log


def lt_clean(raw):
    letter, issues = saved.clean(raw)
    return {"letter": letter, "issues": issues, "sentences": saved.problems(issues)}


def lt_junk_inside(junk):
    raw = letter_examples.filled_letter(CHECKLIST)
    raw["fields"]["name"] = junk
    raw["fields"][str(junk)[:20]] = "x"
    raw["records"].append(junk)
    raw["forms"] = junk
    raw["send_to"].append(junk)
    return lt_clean(raw)


def lt_store_round_trip(letter):
    backend = SafeStorage()
    kept = saved.open_store(backend).save(letter, 3)
    loaded, saved_at, notice = saved.open_store(backend).load()
    return {"kept": kept, "saved_at": saved_at, "notice": notice, "clean": saved.clean(loaded)}


def lt_format_1(old):
    """A format 1 letter saved in this browser, loaded and cleaned as the page does."""
    backend = SafeStorage()
    backend.setItem(storage.storage_key(saved.KIND), json.dumps(storage.wrap(saved.KIND, 1, old, 5)))
    loaded, saved_at, notice = saved.open_store(backend).load()
    return {"migrated": saved.from_v1(old), "notice": notice, "saved_at": saved_at, "clean": saved.clean(loaded),
            "check": saved.check(loaded)}


def lt_format_1_file(old):
    """A checklist file with a format 1 letter part."""
    text = json.dumps(storage.wrap(keep.KIND, keep.VERSION, {saved.KIND: {"version": 1, "data": old}}, 7))
    return keep.import_text(text)


def lt_file_round_trip(letter):
    """The letter through "Download my checklist" and "Load a checklist"."""
    backend = SafeStorage()
    saved.open_store(backend).save(letter, 1)
    text = keep.export_text(backend, 9)
    loaded, message = keep.import_text(text)
    fresh = SafeStorage()
    stored = keep.save_all(fresh, loaded, 10) if loaded is not None else None
    return {"part": json.loads(text)["data"].get(saved.KIND), "loaded": loaded, "message": message,
            "stored": stored, "cleared": keep.clear_all(fresh),
            "left": sorted(fresh.items)}


def lt_offered(answers, picked, stages):
    checklist = ck_state.new_state()
    for item_id in stages:
        checklist = ck_state.set_stage(CHECKLIST, checklist, item_id, "asked")
    return view.offered_records(CHECKLIST, checklist, answers, picked)


def lt_values(letter, appointment):
    checklist = ck_state.new_state()
    for field in appointment:
        checklist = ck_state.set_appointment(checklist, field, appointment[field])
    return view.values(letter, checklist, TODAY)


def lt_view(letter):
    return view.letter_view(LETTER, CHECKLIST, letter, view.values(letter, None, TODAY))


def lt_sheets(letter):
    return summary(render_letter.sheets_html(LETTER, lt_view(letter)))


def lt_form(letter, confirming):
    offered = view.offered_records(CHECKLIST, ck_state.new_state(), {"biopsy": "yes", "breast": "yes"},
                                   letter["records"])
    html = render_form.body_html(LETTER, CHECKLIST, letter, view.values(letter, None, TODAY), offered,
                                 "<p>letter</p>", confirming)
    return summary(html)


def lt_text_letter(text):
    """Every field holding one hostile text, set directly."""
    letter = letter_examples.filled_letter(CHECKLIST)
    for field in state.FIELDS:
        letter["fields"][field] = text
    return letter


def add_state_cases():
    for index, text in enumerate(HOSTILE_TEXTS):
        case("letter.set_field.hostile_" + str(index), lt_field, "name", text)
        case("letter.set_field.hostile_lines_" + str(index), lt_field, "other_records", text)
    for kind, text in MARKUP_TEXTS:
        case("letter.set_field.markup_" + kind, lt_field, "office", text)
    case("letter.set_field.unknown", lt_field, "nope", "x")
    case("letter.set_field.typed_empty", lt_field, "doctor_name", "")
    case("letter.set_choice.sequence", lt_choices, [
        ("records", "mammograms", True), ("records", "clinical_summary", True), ("records", "tell_doctor", True),
        ("forms", "portal", True), ("forms", "paper", True), ("forms", "paper", True), ("send_to", "doctor", True),
        ("send_to", "me", True), ("send_to", "me", False), ("records", "gone", True), ("nope", "x", True),
        ("records", "mammograms", "yes"), ("agree", "summary", True), ("agree", "plain_email", True),
        ("agree", "summary", False), ("doctor_forms", "disc", True), ("doctor_forms", "electronic", True),
        ("doctor_forms", "portal", True), ("agree", "paper", True),
    ])
    case("letter.filled", letter_examples.filled_letter, CHECKLIST)


def add_saved_cases():
    case("letter.clean.none", lt_clean, None)
    for index, junk in enumerate(JUNK):
        case("letter.clean.junk_" + str(index), lt_clean, junk)
        case("letter.clean.junk_inside_" + str(index), lt_junk_inside, junk)
        case("letter.check.junk_" + str(index), saved.check, junk)
    case("letter.clean.filled", lt_clean, letter_examples.filled_letter(CHECKLIST))
    case("letter.check.filled", saved.check, letter_examples.filled_letter(CHECKLIST))
    case("letter.check.hostile", saved.check, letter_examples.hostile_letter(CHECKLIST))
    case("letter.clean.hostile", lt_clean, letter_examples.hostile_letter(CHECKLIST))
    case("letter.store.round_trip", lt_store_round_trip, letter_examples.filled_letter(CHECKLIST))
    case("letter.file.round_trip", lt_file_round_trip, letter_examples.filled_letter(CHECKLIST))
    case("letter.file.round_trip_empty", lt_file_round_trip, state.new_state())
    case("letter.format_1.store", lt_format_1, letter_examples.FORMAT_1)
    case("letter.format_1.file", lt_format_1_file, letter_examples.FORMAT_1)
    for index, junk in enumerate(JUNK):
        case("letter.format_1.junk_" + str(index), lt_format_1, junk)
    for forms in (["portal"], ["electronic", "disc", "paper"], "junk", [None, "paper", ["disc"]]):
        case("letter.format_1.forms_" + dumps(canon(forms)), saved.from_v1, dict(letter_examples.FORMAT_1, forms=forms))


def add_view_cases():
    for name, answers in examples.ANSWER_SETS:
        case("letter.offered." + name, lt_offered, answers, [], [])
    case("letter.offered.picked_and_started", lt_offered, {}, ["mammograms", "tissue_blocks"], ["imaging"])
    case("letter.values.prefilled", lt_values, state.new_state(),
         {"doctor": "Dr. Lee", "phone": "555", "date": "2027-04-01"})
    case("letter.values.typed", lt_values, letter_examples.filled_letter(CHECKLIST), {"doctor": "Dr. Lee"})
    for text in ["2027-03-05", "2026-12-31", "next Tuesday", "2027-13-01", "", "2027-03-32", "\u0662\u0660-1-1"]:
        case("letter.format_date." + dumps(canon(text)), view.format_date, text)
    case("letter.iso_date", view.iso_date, 2027, 3, 5)
    case("letter.lines", view.lines, " a \n\n\t\r\nb \u2028 c\n")
    case("letter.view.filled", lt_view, letter_examples.filled_letter(CHECKLIST))
    case("letter.view.blank", view.blank_view, LETTER, CHECKLIST)
    for text in ["50", "$50", " $ 25.50 ", "", "$", "50$", "\u00a0$\u00a012"]:
        case("letter.dollars." + dumps(canon(text)), view.dollars, text)
    for send_to in ([], ["me"], ["doctor"], ["me", "doctor"]):
        shown = lt_view(letter_examples.letter_with(CHECKLIST, send_to=send_to))
        case("letter.routes." + dumps(send_to), lambda v: [view.routes(v), view.with_authorization(v)], shown)


# Each delivery choice: (send_to, forms, agree, doctor_forms).
DELIVERY = [
    ("me_paper", ["me"], ["paper"], [], []),
    ("me_email", ["me"], ["electronic"], ["plain_email", "summary"], []),
    ("doctor_paper", ["doctor"], [], [], ["paper", "disc"]),
    ("doctor_electronic", ["doctor"], [], [], ["electronic"]),
    ("doctor_boxes", ["doctor"], [], [], []),
    ("both", ["me", "doctor"], ["portal"], ["summary"], ["electronic", "paper"]),
    ("none", [], ["disc"], ["plain_email"], ["disc"]),
]


def add_render_cases():
    for name, send_to, forms, agree, doctor_forms in DELIVERY:
        letter = letter_examples.letter_with(CHECKLIST, letter_examples.FILLED, ["imaging", "lab_results"], forms,
                                             send_to, agree, doctor_forms)
        case("letter.sheets.delivery_" + name, lt_sheets, letter)
    case("letter.authorization.blank", lambda: summary(render_letter.authorization_html(
        LETTER, view.blank_view(LETTER, CHECKLIST))))
    case("letter.sheets.filled", lt_sheets, letter_examples.filled_letter(CHECKLIST))
    case("letter.sheets.no_slides", lt_sheets, letter_examples.filled_letter(CHECKLIST, slides=False))
    case("letter.sheets.empty", lt_sheets, state.new_state())
    case("letter.sheets.hostile", lt_sheets, letter_examples.hostile_letter(CHECKLIST))
    for index, text in enumerate(HOSTILE_TEXTS):
        case("letter.sheets.text_" + str(index), lt_sheets, lt_text_letter(text))
    case("letter.form.filled", lt_form, letter_examples.filled_letter(CHECKLIST), False)
    case("letter.form.hostile_confirming", lt_form, letter_examples.hostile_letter(CHECKLIST), True)
    case("letter.static_page", lambda root: summary(render.static_page(root)), "..")
    case("letter.blank_letters", lambda root: summary(render.blank_letters(root)), ".")
    case("letter.phone_scripts", lambda root: summary(render.phone_scripts(root)), ".")


def add_cases():
    add_state_cases()
    add_saved_cases()
    add_view_cases()
    add_render_cases()
