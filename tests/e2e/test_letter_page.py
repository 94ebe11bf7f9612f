"""My records-request letter in real Chromium, against the built site (MicroPython).

Typing fills the letter as you type and is remembered; the checklist fills
in what it knows without overwriting what was typed; copies for the second
doctor bring the HIPAA authorization page, and slides and blocks a page to
the pathology lab; clear asks first; two tabs stay in step; the letter prints on one
sheet of US Letter or A4, every word at 12pt or more (the authorization and
the slides request on sheets of their own); keyboard only works; with
JavaScript off the blank letter prints. (The checklist's file and "Clear
everything" hold the letter: test_checklist_page.py's download, bad-file and
clear-everything tests.) Which sentences each delivery choice
gives is tested without a browser (tests/unit/letter/test_render_letter.py).
Sentences are read from the data files, never written here.
"""

import json
from datetime import datetime
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.e2e.axe import assert_no_axe_violations
from tests.e2e.checklist_data import (
    BLANK_PAGE,
    CHECKLIST_KEY,
    SCREENER_KEY,
    checklist_text,
    envelope,
    saved_text,
    screener_example,
    screener_text,
    set_saved,
)
from tests.e2e.site_pages import (
    COUNT_PRINTS,
    active_id,
    expect_print_calls,
    focus_visible,
    in_tab,
    open_widget,
    storage_key,
    tab_to,
    wait_ready,
)
from tests.e2e.test_print_page import read_pdf

SOG = Path(__file__).resolve().parents[2] / "pyscript" / "sog"
LETTER = json.loads((SOG / "letter" / "letter.json").read_text())
ITEMS = json.loads((SOG / "checklist" / "items.json").read_text())
WORDS = LETTER["words"]
# The Spanish page's own words: the letter in Spanish, and the words beside it.
SPANISH = json.loads((SOG / "letter" / "letter.es.json").read_text())
# The saved letter's sentences (what clean left out): saved.json beside saved.py.
SAVED_WORDS = json.loads((SOG / "letter" / "saved.json").read_text())["words"]
RECORDS = [item["id"] for item in ITEMS["items"] if item["kind"] == "record"]
CORE_RECORDS = [item["id"] for item in ITEMS["items"] if item["kind"] == "record" and item["core"]]
PAPERS = [item_id for item_id in RECORDS if item_id not in LETTER["specimens"]]

PATH = "/records-letter/"
LETTER_KEY = storage_key("letter")
NOTICE = "#letter-notice"
ASK_AGAIN = "#letter-ask-again"
ANNOUNCE = "#letter-announce"
SHEET = "#letter-sheet"
AUTH = "#auth-sheet"
SLIDES = "#slides-sheet"
SLIDES_FOLD = ".sog-slides-blank:has(#slides-sheet) > summary"
# The smallest type on paper (issue 15): the letter's every word at 12pt.
MIN_PRINT_PT = 12
PAPER_SIZES = ["Letter", "A4"]
TODAY = datetime(2027, 3, 5, 10, 30)
TODAY_TEXT = "March 5, 2027"

# A long, realistic fill, as a visitor would type it.
ABOUT = {
    "name": "Margaret Elizabeth Oyelaran-Fitzgerald",
    "other_names": "Margaret E. Fitzgerald; Peggy Fitzgerald",
    "birth_date": "September 14, 1953",
    "address": "1427 North Cedar Hollow Road, Apartment 12B, Springfield, MA 01109",
    "phone": "(413) 555-0142 (cell) or (413) 555-0199 (home)",
    "email": "margaret.fitzgerald1953@example.com",
    "office": "Baystate Regional Medical Center, Health Information Management",
    "office_address": "759 Chestnut Street, Springfield, MA 01199. Fax (413) 555-0100",
    "other_records": "Office visit notes from my oncologist, Dr. Alan Weiss\n"
                     "Discharge summary from my hospital stay in March\nMy medicine list from the pharmacy",
    "dates_from": "January 2025",
    "dates_to": "today",
}
DOCTOR = {
    "doctor_name": "Dr. Priya Natarajan",
    "doctor_address": "Dana-Farber Cancer Institute, 450 Brookline Avenue, Boston, MA 02215",
    "doctor_fax": "(617) 555-0177",
    "doctor_phone": "(617) 555-0188",
}
SLIDE_DETAILS = {
    "lab_name": "Baystate Pathology Department",
    "lab_address": "759 Chestnut Street, Springfield, MA 01199",
    "specimen": "Breast core biopsy, February 3, 2027, case number S27-01234",
    "review_lab": "Brigham and Women's Hospital Pathology",
    "review_address": "75 Francis Street, Boston, MA 02115",
}
CHECKLIST = checklist_text(appointment={"doctor": "Dr. Ana Rivera", "phone": "(617) 555-0100", "date": "2027-04-12",
                                        "time": "", "companion": ""})


def open_letter(page, values=None):
    """Open the letter page, with this raw text saved first ({key: text})."""
    page.clock.set_fixed_time(TODAY)
    if values:
        set_saved(page, values)
    open_widget(page, PATH, "letter")


def reload(page):
    page.reload()
    wait_ready(page, "letter")


def field(name):
    return "#lt-" + name


def choice(group, name):
    return "#lt-" + group + "-" + name


def tick_record(page, item_id):
    box = page.locator(choice("records", item_id))
    if not box.is_visible():
        page.click(".sog-more-records summary")
    box.check()


def fill_long(page, slides=False):
    """Every field a long letter has, every paper record, both destinations, every way each can
    go, everything agreed to, and a cost to go ahead under: the longest letter there is."""
    for name, value in ABOUT.items():
        page.fill(field(name), value)
    for item_id in PAPERS:
        tick_record(page, item_id)
    page.check(choice("send_to", "me"))
    page.check(choice("send_to", "doctor"))
    for group, key in [("forms", "forms"), ("agree", "agree"), ("doctor_forms", "doctor_forms")]:
        for entry in LETTER[key]:
            if entry["id"] != "portal":
                page.check(choice(group, entry["id"]))
    page.fill(field("cost_limit"), "50")
    for name, value in DOCTOR.items():
        page.fill(field(name), value)
    if slides:
        add_slides(page)


def saved_letter(page):
    text = saved_text(page, LETTER_KEY)
    return json.loads(text)["data"] if text else None


def letter_saved(**changes):
    data = {"fields": {}, "records": [], "forms": [], "send_to": [], "agree": [], "doctor_forms": []}
    data.update(changes)
    return envelope("letter", 2, data)


def phrase(item_id):
    return LETTER["record_phrases"][item_id]


def row(page, label, sheet=SHEET):
    """The value cell of a row of the letter's details."""
    return page.locator(sheet + " tr", has=page.locator("th", has_text=label)).first.locator("td")


def pdf_pages(pdf):
    """Each page of a PDF: (its text, its runs of text with their sizes),
    read in one pass (test_print_page.read_pdf)."""
    return read_pdf(pdf)


def pdf_text(pdf_page):
    return " ".join(pdf_page[0].split())


def pdf_sizes(pdf_page):
    """The size in points of every run of text on a PDF page, as printed: pypdf's
    font size times the text and page matrices' vertical scale."""
    return [round(size, 1) for size, _ in pdf_page[1]]


# ---- typing ----------------------------------------------------------------------


def test_blank_letter_then_typing_choices_and_copies_for_the_doctor_fill_it(page):
    """One page, changed step by step. Nothing saved: the form is empty, the
    letter has lines to write on and today's date. Each key shows in the
    letter at once; the field typed in is never replaced. Picked records and
    forms are listed; nothing picked leaves boxes to tick by hand. Paper to
    the doctor: no right of access and no fee limit (Ciox v. Azar), the
    doctor-to-doctor rule, and the HIPAA authorization on a page of its own;
    a copy for me brings the right of access back."""
    open_letter(page)
    expect(page.locator(NOTICE)).to_be_empty()
    expect(page.locator(field("date"))).to_have_value("2027-03-05")
    expect(page.locator(SHEET)).to_contain_text("Date: " + TODAY_TEXT)
    expect(page.locator(SHEET + " h2, " + SHEET + " h3")).to_have_text(LETTER["letter"]["title"])
    # Every record, two "Other" lines, both destinations, their forms and unencrypted email, to tick.
    expect(page.locator(SHEET + " .sog-box")).to_have_count(len(PAPERS) + 2 + len(LETTER["destinations"])
                                                            + len(LETTER["forms"]) + 1 + len(LETTER["doctor_forms"]))
    expect(page.locator(SLIDES)).to_have_count(0)
    expect(page.locator(AUTH)).to_have_count(0)
    expect(page.locator("#letter-me")).to_be_hidden()
    # Without screener answers, as on the checklist, every record is offered.
    offered = page.locator("#letter-records > ul [data-action=choice]")
    expect(offered).to_have_count(len(RECORDS))
    expect(page.locator(".sog-more-records")).to_have_count(0)
    assert saved_text(page, LETTER_KEY) is None
    # Typing.
    box = page.locator(field("name"))
    box.evaluate("element => { element.dataset.mark = 'same'; }")
    box.press_sequentially("Ana Ruiz")
    expect(row(page, LETTER["letter"]["rows"]["name"])).to_have_text("Ana Ruiz")
    # A space typed between words stays, and the cursor stays where it was.
    box.press("Home")
    box.press_sequentially("Dr ")
    expect(box).to_have_value("Dr Ana Ruiz")
    expect(row(page, LETTER["letter"]["rows"]["name"])).to_have_text("Dr Ana Ruiz")
    expect(page.locator(field("name") + "[data-mark=same]")).to_have_count(1)
    page.fill(field("dates_from"), "May 2026")
    expect(page.locator(SHEET)).to_contain_text("from May 2026 to")
    assert saved_letter(page)["fields"] == {"name": "Dr Ana Ruiz", "dates_from": "May 2026"}
    # Choices.
    page.check(choice("records", "lab_results"))
    expect(page.locator(SHEET + " ul.sog-letter-list").first).to_have_text(phrase("lab_results"))
    expect(page.locator(ANNOUNCE)).to_have_text(WORDS["records_count"][0])
    page.fill(field("other_records"), "Visit notes\n\nDischarge summary")
    expect(page.locator(SHEET + " ul.sog-letter-list").first.locator("li")).to_have_text(
        [phrase("lab_results"), "Visit notes", "Discharge summary"])
    page.check(choice("send_to", "me"))
    expect(page.locator("#letter-me")).to_be_visible()
    page.check(choice("forms", "portal"))
    expect(page.locator(SHEET)).to_contain_text(LETTER["forms"][3]["letter"])
    expect(page.locator(SHEET)).not_to_contain_text(LETTER["forms"][0]["letter"])
    expect(page.locator(SHEET)).not_to_contain_text(LETTER["letter"]["plain_email"])
    page.check(choice("agree", "plain_email"))
    expect(page.locator(SHEET)).to_contain_text(LETTER["letter"]["plain_email"])
    page.uncheck(choice("records", "lab_results"))
    expect(page.locator(ANNOUNCE)).to_have_text(WORDS["no_records"])
    letter = saved_letter(page)
    assert (letter["records"], letter["forms"], letter["agree"]) == ([], ["portal"], ["plain_email"])
    # Copies for the doctor only (no copy for me).
    page.uncheck(choice("send_to", "me"))
    sheet = page.locator(SHEET)
    expect(sheet).to_contain_text(LETTER["letter"]["fee_me"])
    page.check(choice("send_to", "doctor"))
    expect(page.locator(ANNOUNCE)).to_have_text(WORDS["auth_added"])
    expect(page.locator("#letter-doctor")).to_be_visible()
    page.check(choice("doctor_forms", "paper"))
    for absent in [LETTER["letter"]["fee_me"], "reasonable", "right of access", "164.524"]:
        expect(sheet).not_to_contain_text(absent)
    expect(sheet).to_contain_text(LETTER["letter"]["doctor_care"])
    expect(page.locator(AUTH)).to_contain_text(LETTER["auth"]["title"])
    page.check(choice("send_to", "me"))
    expect(sheet).to_contain_text(LETTER["letter"]["fee_me"])
    expect(sheet).to_contain_text(LETTER["letter"]["me_ask"])
    page.uncheck(choice("send_to", "doctor"))
    expect(page.locator(ANNOUNCE)).to_have_text(WORDS["auth_removed"])
    expect(page.locator("#letter-doctor")).to_be_hidden()
    expect(page.locator(AUTH)).to_have_count(0)
    expect(sheet).not_to_contain_text(LETTER["letter"]["rows"]["doctor_name"])
    assert saved_letter(page)["doctor_forms"] == ["paper"], "unticking the doctor keeps its choices"


def test_the_records_follow_the_screener_and_slides_and_blocks_get_a_request_of_their_own(page):
    """With screener answers, the records they call for come first, the rest
    folded away. Picking slides adds a second page, to the pathology lab, and
    says so; the letter leaves them out."""
    open_letter(page, {SCREENER_KEY: screener_text(biopsy="yes", breast="yes", major_treatment="no")})
    first = page.locator("#letter-records > ul")
    for item_id in ["pathology_report", "pathology_slides", "tissue_blocks", "mammograms"] + CORE_RECORDS:
        expect(first.locator(choice("records", item_id))).to_be_visible()
    expect(first.locator(choice("records", "surgeon_notes"))).to_have_count(0)
    folded = [item_id for item_id in RECORDS if item_id not in CORE_RECORDS
              and item_id not in ["pathology_report", "pathology_slides", "tissue_blocks", "mammograms"]]
    expect(page.locator(".sog-more-records summary")).to_have_text(
        WORDS["more_records"].replace("{n}", str(len(folded))))
    expect(page.locator(".sog-more-records [data-action=choice]")).to_have_count(len(folded))
    expect(page.locator("#letter-slides")).to_be_hidden()
    page.check(choice("records", "pathology_slides"))
    expect(page.locator(ANNOUNCE)).to_have_text(WORDS["slides_added"])
    slides = page.locator(SLIDES)
    expect(slides).to_contain_text(LETTER["slides"]["title"].replace("{specimens}", "pathology slides"))
    expect(slides).to_contain_text(LETTER["slides"]["to"])
    expect(slides).not_to_contain_text("HIPAA")
    expect(page.locator(SHEET)).to_contain_text(LETTER["letter"]["specimens"].replace("{specimens}",
                                                                                     "pathology slides"))
    expect(page.locator(SHEET + " ul.sog-letter-list")).to_have_count(0)
    expect(page.locator("#letter-slides")).to_be_visible()
    page.fill(field("lab_name"), "Valley Pathology")
    expect(row(page, LETTER["slides"]["rows"]["lab_name"], SLIDES)).to_have_text("Valley Pathology")
    page.uncheck(choice("records", "pathology_slides"))
    expect(page.locator(ANNOUNCE)).to_have_text(WORDS["slides_removed"])
    expect(slides).to_have_count(0)


# ---- remembered, and filled in from the checklist ----------------------------------


def test_the_spanish_page_prints_the_english_letter_and_draws_the_spanish_one_when_opened(page):
    """On /es/records-letter/ the letter goes to a US office: the letter that
    prints is in English; the Spanish one, folded, is drawn only when the
    visitor opens it (a start draws one letter, not two), then follows the
    typing; the choice to print in Spanish swaps the two, and back."""
    page.clock.set_fixed_time(TODAY)
    open_widget(page, "/es" + PATH, "letter")
    other, summary = "#letter-other-paper", "#letter-other-summary"
    other_sheet = "#other-" + SHEET[1:]
    title = SHEET + " h2, " + SHEET + " h3"
    expect(page.locator(title)).to_have_text(LETTER["letter"]["title"])
    expect(page.locator(summary)).to_have_text(SPANISH["alongside"]["summary"])
    expect(page.locator(other)).to_be_empty()
    page.locator(field("name")).press_sequentially("Ana Ruiz")
    expect(row(page, LETTER["letter"]["rows"]["name"])).to_have_text("Ana Ruiz")
    expect(page.locator(other)).to_be_empty()
    page.click(summary)
    expect(page.locator(other_sheet + " h2, " + other_sheet + " h3")).to_have_text(SPANISH["body"]["letter"]["title"])
    spanish_name = row(page, SPANISH["body"]["letter"]["rows"]["name"], other_sheet)
    expect(spanish_name).to_have_text("Ana Ruiz")
    page.locator(field("name")).press("End")
    page.locator(field("name")).press_sequentially(" Gómez")
    expect(spanish_name).to_have_text("Ana Ruiz Gómez")
    # Printing in Spanish: the Spanish letter prints, the English one is folded.
    page.check("#letter-print-language")
    expect(page.locator(title)).to_have_text(SPANISH["body"]["letter"]["title"])
    expect(page.locator(summary)).to_have_text(SPANISH["alongside"]["summary_letter"])
    expect(page.locator(other_sheet + " h2, " + other_sheet + " h3")).to_have_text(LETTER["letter"]["title"])
    expect(page.locator(ANNOUNCE)).to_have_text(SPANISH["alongside"]["printing_other"])
    page.uncheck("#letter-print-language")
    expect(page.locator(title)).to_have_text(LETTER["letter"]["title"])
    expect(row(page, LETTER["letter"]["rows"]["name"])).to_have_text("Ana Ruiz Gómez")


def test_a_long_letter_prints_on_one_page_in_12pt_a_reload_restores_it_and_every_part_passes_axe(page):
    """One started page, then a reload. The print button opens the print
    dialog; on paper only the letter shows. The longest letter (both
    destinations, every choice) fits one sheet of Letter or A4, every word at
    12pt or more, holding the visitor's words, not the form's; the
    authorization follows on a sheet of its own. With slides, the request to
    the lab prints on a third sheet. A reload restores every field and choice
    and the same letter. The doctor's and slides' fields, both sheets, the
    open fold, a notice and the clear question pass axe, light and dark."""
    page.add_init_script(COUNT_PRINTS)
    open_letter(page, {CHECKLIST_KEY: CHECKLIST})
    page.click("#letter-print")
    expect_print_calls(page, 1)
    fill_long(page)
    for paper in PAPER_SIZES:
        pages = pdf_pages(page.pdf(format=paper))
        assert len(pages) == 2, paper
        text = pdf_text(pages[0])
        for value in [ABOUT["name"], ABOUT["email"], DOCTOR["doctor_fax"], phrase("imaging"),
                      "Discharge summary from my hospital stay in March", "45 CFR 164.524", "Date: " + TODAY_TEXT,
                      LETTER["letter"]["title"], "$50", "Signature:"]:
            assert value in text, value
        for furniture in [WORDS["labels"]["name"], WORDS["print"], WORDS["preview_heading"] + " ",
                          "My records-request"]:
            assert furniture not in text, furniture
        assert pdf_text(pages[1]).startswith(LETTER["auth"]["title"])
        for number, pdf_page in enumerate(pages):
            sizes = pdf_sizes(pdf_page)
            print(f"{paper} page {number + 1}: type from {min(sizes)} to {max(sizes)} pt")
            assert min(sizes) >= MIN_PRINT_PT, (number, sorted(set(sizes)))
    add_slides(page)
    for paper in PAPER_SIZES:
        pages = pdf_pages(page.pdf(format=paper))
        assert len(pages) == 3, paper
        first, second, third = (pdf_text(pdf_page) for pdf_page in pages)
        assert LETTER["letter"]["title"] in first
        assert second.startswith(LETTER["auth"]["title"])
        assert third.startswith(LETTER["slides"]["title"].replace("{specimens}", "pathology slides and tissue blocks"))
        assert SLIDE_DETAILS["specimen"] in third and SLIDE_DETAILS["review_lab"] in third
        assert "Signature:" in first
        for pdf_page in pages:
            assert min(pdf_sizes(pdf_page)) >= MIN_PRINT_PT
    page.emulate_media(media="print")
    for selector in ["#letter-form", "#letter-print", "#letter-clear", "article h1", "#letter-preview-heading",
                     ".md-header", ".md-footer", ".sog-page-note"]:
        expect(page.locator(selector)).to_be_hidden()
    expect(page.locator(SHEET)).to_be_visible()
    page.emulate_media(media="screen")
    # A reload restores it all.
    before = page.locator("#letter-paper").text_content()
    saved = saved_letter(page)
    reload(page)
    for name, value in {**ABOUT, **DOCTOR, **SLIDE_DETAILS}.items():
        expect(page.locator(field(name))).to_have_value(value)
    for item_id in PAPERS + LETTER["specimens"]:
        expect(page.locator(choice("records", item_id))).to_be_checked()
    for group, name in [("forms", "paper"), ("forms", "disc"), ("send_to", "me"), ("send_to", "doctor"),
                        ("agree", "summary"), ("doctor_forms", "electronic")]:
        expect(page.locator(choice(group, name))).to_be_checked()
    expect(page.locator(choice("forms", "portal"))).not_to_be_checked()
    expect(page.locator("#letter-paper")).to_have_text(before)
    assert saved_letter(page) == saved
    # Every part shown, for axe.
    page.fill(field("email"), "<b>")
    expect(page.locator(NOTICE)).not_to_be_empty()
    page.click("#letter-clear")
    expect(page.locator("#letter-clear-yes")).to_be_visible()
    assert_no_axe_violations(page)


def test_partly_bad_saved_letter_keeps_the_rest_the_checklist_fills_in_and_clear_asks_first(page):
    """One page, changed step by step. A saved letter partly bad keeps the
    rest and says what it left out (saved letters that cannot be read at all:
    tests/e2e/widgets/test_saved_data.py). The second doctor's name, phone
    and visit date come from the checklist until typed here; a later change
    on the checklist leaves what was typed, and the letter never changes the
    checklist. Clear asks first: No keeps the letter; Yes clears it (nothing
    of it is left saved, so a reload starts blank), keeps the checklist, and
    fills in again what the checklist knows."""
    saved = letter_saved(fields={"name": "Ana", "email": 12}, records=["lab_results", "gone"])
    open_letter(page, {LETTER_KEY: saved, CHECKLIST_KEY: CHECKLIST})
    expect(page.locator(field("name"))).to_have_value("Ana")
    expect(page.locator(choice("records", "lab_results"))).to_be_checked()
    for message in [SAVED_WORDS["problems"]["field_bad"][0], SAVED_WORDS["problems"]["record_unknown"][0]]:
        expect(page.locator(NOTICE)).to_contain_text(message)
    page.fill(field("phone"), "555-0142")
    expect(row(page, LETTER["letter"]["rows"]["phone"])).to_have_text("555-0142")
    assert saved_letter(page)["fields"]["phone"] == "555-0142"

    # What the checklist knows.
    page.check(choice("send_to", "doctor"))
    expect(page.locator(field("doctor_name"))).to_have_value("Dr. Ana Rivera")
    expect(page.locator(field("doctor_phone"))).to_have_value("(617) 555-0100")
    expect(page.locator(field("visit_date"))).to_have_value("2027-04-12")
    expect(row(page, LETTER["letter"]["rows"]["doctor_name"])).to_have_text("Dr. Ana Rivera")
    expect(page.locator(SHEET)).to_contain_text("on April 12, 2027,")
    page.fill(field("doctor_name"), "Dr. Priya Natarajan")
    page.fill(field("doctor_phone"), "")
    # The checklist changes later (another tab): what was typed here stays.
    later = checklist_text(
        appointment={"doctor": "Dr. Lee", "phone": "555-0199", "date": "2027-05-01", "time": "", "companion": ""})
    page.evaluate("([key, text]) => localStorage.setItem(key, text)", [CHECKLIST_KEY, later])
    reload(page)
    expect(page.locator(field("doctor_name"))).to_have_value("Dr. Priya Natarajan")
    expect(page.locator(field("doctor_phone"))).to_have_value("")
    expect(page.locator(field("visit_date"))).to_have_value("2027-05-01")
    expect(row(page, LETTER["letter"]["rows"]["doctor_name"])).to_have_text("Dr. Priya Natarajan")
    fields = saved_letter(page)["fields"]
    assert (fields["doctor_name"], fields["doctor_phone"]) == ("Dr. Priya Natarajan", "")
    assert "visit_date" not in fields
    # The checklist itself is never changed by the letter.
    assert saved_text(page, CHECKLIST_KEY) == later

    # Clear.
    page.fill(field("name"), "Ana Ruiz")
    before = saved_text(page, LETTER_KEY)
    page.click("#letter-clear")
    expect(page.locator("#letter-clear-yes")).to_be_focused()
    expect(page.get_by_role("group", name=WORDS["clear_question"])).to_contain_text(WORDS["clear_warning"])
    page.click("#letter-clear-no")
    expect(page.locator("#letter-clear")).to_be_focused()
    assert saved_text(page, LETTER_KEY) == before
    page.click("#letter-clear")
    page.click("#letter-clear-yes")
    expect(page.locator(NOTICE)).to_have_text(WORDS["cleared"])
    expect(page.locator("#letter-clear")).to_be_focused()
    expect(page.locator(field("name"))).to_have_value("")
    expect(page.locator(choice("records", "lab_results"))).not_to_be_checked()
    expect(page.locator("#letter-doctor")).to_be_hidden()
    # What the checklist knows is filled in again.
    expect(page.locator(field("doctor_name"))).to_have_value("Dr. Lee")
    assert saved_text(page, LETTER_KEY) is None
    assert saved_text(page, CHECKLIST_KEY) == later


# ---- two tabs ------------------------------------------------------------------

def test_a_tab_follows_the_checklist_changed_in_another(context):
    """The checklist page's doctor and the screener's answers reach an open
    letter. Saved answers an update could not keep (the screener's example
    "ask_again") make the letter say so, politely, with a link to answer them
    again, on screen only (the office reads the paper); answers saved since
    take the notice away. (The screener's answers are written from a third
    tab, as the screener page saves them; the checklist tab follows them
    too, as test_checklist_page.py's tailoring test shows.)"""
    letter_tab = context.new_page()
    checklist_tab = context.new_page()
    screener_tab = context.new_page()
    open_letter(letter_tab)
    open_widget(checklist_tab, "/checklist/", "checklist")
    screener_tab.goto(BLANK_PAGE)
    in_tab(checklist_tab).fill("#appt-doctor", "Dr. Lee")
    in_tab(letter_tab).check(choice("send_to", "doctor"))
    expect(letter_tab.locator(field("doctor_name"))).to_have_value("Dr. Lee")
    expect(row(letter_tab, LETTER["letter"]["rows"]["doctor_name"])).to_have_text("Dr. Lee")
    screener_tab.evaluate("([key, text]) => localStorage.setItem(key, text)",
                          [SCREENER_KEY, screener_example("ask_again")])
    waiting = letter_tab.locator(ASK_AGAIN)
    expect(waiting).to_contain_text(WORDS["screener_ask_again"])
    expect(waiting).to_have_attribute("role", "status")
    expect(waiting.get_by_role("link", name=WORDS["screener_ask_again_link"])).to_have_attribute(
        "href", "../screener/")
    letter_tab.emulate_media(media="print")
    expect(waiting).to_be_hidden()
    letter_tab.emulate_media(media="screen")
    screener_tab.evaluate("([key, text]) => localStorage.setItem(key, text)",
                          [SCREENER_KEY, screener_text(biopsy="yes", breast="yes")])
    in_tab(checklist_tab).click("#fold-records")
    in_tab(checklist_tab).check("#st-pathology_report-asked")
    expect(letter_tab.locator("#letter-records > ul " + choice("records", "pathology_report"))).to_be_visible()
    expect(waiting).to_be_empty()


# ---- accessibility with every part shown ------------------------------------------


# ---- on paper ------------------------------------------------------------------


def add_slides(page):
    """The slides and blocks, with the lab's details, on a long letter."""
    for item_id in LETTER["specimens"]:
        tick_record(page, item_id)
    for name, value in SLIDE_DETAILS.items():
        page.fill(field(name), value)


# ---- keyboard only -------------------------------------------------------------


def test_keyboard_only(page):
    page.add_init_script(COUNT_PRINTS)
    open_letter(page, {SCREENER_KEY: screener_text(medicare="no")})
    tab_to(page, "lt-name")
    assert focus_visible(page)
    page.keyboard.type("Ana Ruiz")
    expect(row(page, LETTER["letter"]["rows"]["name"])).to_have_text("Ana Ruiz")
    tab_to(page, "lt-records-lab_results")
    page.keyboard.press("Space")
    expect(page.locator(choice("records", "lab_results"))).to_be_checked()
    assert active_id(page) == "lt-records-lab_results" and focus_visible(page)
    # "More kinds of records" opens from the keyboard too.
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    expect(page.locator(".sog-more-records")).to_have_attribute("open", "")
    tab_to(page, "lt-send_to-doctor")
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    assert active_id(page) == "lt-doctor_name"
    page.keyboard.type("Dr. Lee")
    expect(row(page, LETTER["letter"]["rows"]["doctor_name"])).to_have_text("Dr. Lee")
    tab_to(page, "letter-print")
    assert focus_visible(page)
    page.keyboard.press("Enter")
    expect_print_calls(page, 1)
    tab_to(page, "letter-clear")
    page.keyboard.press("Enter")
    assert active_id(page) == "letter-clear-yes"
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert active_id(page) == "letter-clear-no"
    page.keyboard.press("Enter")
    assert active_id(page) == "letter-clear"
    assert saved_letter(page)["fields"]["name"] == "Ana Ruiz"
    # The letter itself is a stop of its own, to read or scroll it.
    page.keyboard.press("Tab")
    assert active_id(page) == "letter-preview"


# ---- without JavaScript ----------------------------------------------------------


@pytest.fixture
def static_page(make_context):
    return make_context(java_script_enabled=False).new_page()


def test_without_javascript_the_blank_letter_is_there_and_prints_on_one_page(static_page):
    """JavaScript off: the blank letter, with a note, and no field or button;
    it prints on one sheet of Letter or A4 at 12pt; opened, the blank slides
    request prints on a second sheet, and the authorization opens too."""
    static_page.goto(PATH)
    expect(static_page.locator(SLIDES)).to_be_hidden()
    for paper in PAPER_SIZES:
        pages = pdf_pages(static_page.pdf(format=paper))
        assert len(pages) == 1, paper
        text = pdf_text(pages[0])
        assert LETTER["letter"]["title"] in text and "Signature:" in text
        assert "45 CFR 164.524" in text and WORDS["noscript"] not in text
        assert WORDS["slides_summary"] not in text and WORDS["auth_summary"] not in text
        assert min(pdf_sizes(pages[0])) >= MIN_PRINT_PT
    # Opened, the blank slides request prints on a second sheet.
    static_page.click(SLIDES_FOLD)
    expect(static_page.locator(SLIDES)).to_be_visible()
    for paper in PAPER_SIZES:
        pages = pdf_pages(static_page.pdf(format=paper))
        assert len(pages) == 2, paper
        assert pdf_text(pages[1]).startswith(LETTER["slides"]["title_blank"])
    note = static_page.locator("#letter noscript .sog-notice")
    expect(note).to_be_visible()
    assert WORDS["noscript"] in note.inner_text()
    sheet = static_page.locator(SHEET)
    expect(sheet).to_contain_text(LETTER["letter"]["title"])
    for item_id in PAPERS:
        expect(sheet).to_contain_text(phrase(item_id))
    expect(sheet.locator(".sog-fill").first).to_be_visible()
    expect(static_page.locator("#letter input, #letter textarea, #letter button")).to_have_count(0)
    expect(static_page.locator(AUTH)).to_be_hidden()
    static_page.get_by_text(WORDS["auth_summary"]).click()
    expect(static_page.locator(AUTH)).to_be_visible()


# ---- the same words on the gathering-records page --------------------------------


def test_the_guide_shows_the_same_letter_and_the_phone_scripts(page, static_page):
    """The blank letter on the guide is the letter page's, word for word, and links to it."""
    static_page.goto(PATH)
    on_letter_page = static_page.locator(SHEET).text_content()
    page.goto("/gathering-records/")
    expect(page.locator(SHEET)).to_have_text(on_letter_page)
    # The guide folds the blank letter away; a tap on its summary opens it.
    page.locator("details.sog-fold:has(.sog-letter-sheet) > summary").click()
    expect(page.locator(AUTH)).to_be_visible()
    expect(page.locator(SLIDES)).to_be_visible()
    for script in LETTER["phone_scripts"]["scripts"]:
        expect(page.locator("#script-" + script["id"])).to_have_text(script["title"])
    expect(page.locator("article a[href$='records-letter/']").first).to_be_visible()


# ---- under Pyodide -----------------------------------------------------------------

