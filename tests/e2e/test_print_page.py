"""The printable checklist in real Chromium, on screen, in print media and as PDF.

On paper: at least 12 pt for every word (read from the PDF with pypdf), at
most two sheets of Letter or A4 with every item shown and a visitor's
richest details, the visit's date in words; the checklist page prints the
same sheet in place of its form.
"""

import functools
import io
import math
from datetime import datetime

from playwright.sync_api import expect
from pypdf import PdfReader

from tests.e2e.checklist_data import (
    CHECKLIST_KEY,
    CORE,
    DEFAULT,
    ITEM_IDS,
    ITEMS,
    SCREENER_KEY,
    SCREENER_QUESTIONS,
    TEXT,
    checklist_text,
    screener_example,
    screener_text,
    set_saved,
)
from tests.e2e.site_pages import COUNT_PRINTS, expect_print_calls, open_widget

PATH = "/print/"
SHEET = "#print-sheet"
PAPER_SIZES = ["Letter", "A4"]
# How a ticked box prints (print.css draws it).
TICK = "\u2713"
# The browser's clock during these tests, so the printed date is known.
TODAY = datetime(2027, 3, 5, 10, 30)
TODAY_TEXT = "March 5, 2027"

# A visitor's checklist: two ticks, one record confirmed and one asked for,
# an own item done, the doctor's name, a question and goals.
SAVED = checklist_text(
    done={"tell_doctor": True, "medicine_list": True},
    stages={"clinical_summary": "confirmed", "lab_results": "asked"},
    custom=[{"id": "c1", "text": "Bring my glasses", "done": True}],
    appointment={"doctor": "Dr. Ana Rivera", "phone": "", "date": "", "time": "", "companion": ""},
    questions=[{"id": "q2", "text": "Is surgery the only choice?", "from": ""}],
    goals="Keep gardening every spring.",
    next_id=3,
)
# Boxes ticked in SAVED: 2 tasks, 3 steps of one record, 1 of another, the own item.
TICKED_BOXES = 7
# The most a realistic visitor puts on the sheet: every item shown, some
# ticked and tracked, own items, every appointment detail, five questions,
# goals, and a yes to every screener question that tailors the list.
RICHEST = checklist_text(
    done={"tell_doctor": True, "check_coverage": True, "medicine_list": True},
    stages={"clinical_summary": "confirmed", "lab_results": "asked", "pathology_report": "sent"},
    custom=[{"id": "c1", "text": "Bring my reading glasses and a sweater", "done": True},
            {"id": "c2", "text": "Ask my daughter to drive me", "done": False},
            {"id": "c3", "text": "Find out where to park near the clinic", "done": False}],
    show_all=True,
    appointment={"doctor": "Dr. Ana Rivera", "phone": "555-0100", "address": "1200 Main Street, Suite 400, Springfield",
                 "date": "2027-01-14", "time": "10:30", "companion": "My daughter Maria"},
    questions=[{"id": f"q{n}", "text": text, "from": ""} for n, text in enumerate([
        "What good can I expect from the treatment you suggest?", "What are the likely downsides?",
        "How long can I safely wait before I start treatment?",
        "Do you agree with my first doctor's plan? Why or why not?",
        "Is there a clinical trial that might be right for me?"], start=4)],
    goals="Keep working until I retire next year. Garden with my grandchildren. Avoid a long hospital stay.",
    next_id=9,
)
RICHEST_ANSWERS = screener_text(**dict({question: "yes" for question in SCREENER_QUESTIONS}, medicare="original"))
# Smallest sizes on paper (points; Chromium writes 12 pt as 11.99...).
BODY_PT = 12
HINT_PT = 11


def open_print(page, values=None):
    """Open the print page with this raw text saved first ({key: text})."""
    page.clock.set_fixed_time(TODAY)
    if values:
        set_saved(page, values)
    open_widget(page, PATH, "printable")


def sheet_row(page, text):
    return page.locator(f"{SHEET} li.sog-sheet-item", has_text=text)


@functools.lru_cache(maxsize=4)
def read_pdf(pdf):
    """Each page of a PDF as (its text, [(size in points, text)] for every
    run of text, as printed: the font size times the scale of the text and
    drawing matrices), read by pypdf (pinned in requirements.lock: nothing to
    skip) in one pass per page. Kept for the last few PDFs: a test asks for
    the page count, the text and the sizes of the same print, and reading
    a page's text is most of this helper's CPU."""
    pages = []
    for page in PdfReader(io.BytesIO(pdf)).pages:
        runs = []

        def visit(text, cm, tm, font, size, runs=runs):
            if text.strip():
                # How far a unit of text space reaches up the page.
                up = (tm[2] * cm[0] + tm[3] * cm[2], tm[2] * cm[1] + tm[3] * cm[3])
                runs.append((size * math.hypot(*up), text.strip()))

        pages.append((page.extract_text(visitor_text=visit), runs))
    return tuple(pages)


def pdf_page_count(pdf):
    """Pages in a PDF."""
    count = len(read_pdf(pdf))
    assert count > 0, "the PDF has no pages"
    return count


def pdf_font_sizes(pdf):
    """[(size in points, text)] for every run of text in a PDF, as printed."""
    runs = [(round(size, 2), text) for _, page_runs in read_pdf(pdf) for size, text in page_runs]
    assert runs, "no text found in the PDF"
    return runs


def assert_print_sizes(pdf, hints=()):
    """Every run of text is at least BODY_PT, or HINT_PT for the given hints
    (and words of them, as a PDF may cut a hint into runs)."""
    too_small = []
    for size, text in pdf_font_sizes(pdf):
        least = HINT_PT if any(text in hint for hint in hints) else BODY_PT
        if size < least - 0.05:
            too_small.append((size, text))
    assert not too_small, too_small


def pdf_text(pdf):
    """The PDF's text, read by pypdf."""
    text = " ".join(page_text for page_text, _ in read_pdf(pdf))
    # One space for any run of spaces or line breaks, so wrapping cannot matter,
    # and none after a tick mark, whose spacing PDF readers guess differently.
    return " ".join(text.split()).replace(TICK + " ", TICK)


# ---- on screen ---------------------------------------------------------------


def test_sheet_shows_the_visitors_own_checklist(page, site):
    """The sheet holds the tailored items, ticked boxes, details, today's date and the site's address."""
    open_print(page, {CHECKLIST_KEY: SAVED, SCREENER_KEY: screener_text(biopsy="yes", breast="yes")})
    sheet = page.locator(SHEET)
    expect(page.locator("#printable-notice")).to_be_empty()
    expect(page.locator("#print-button")).to_be_visible()
    # Tailored: the core items, the four for a biopsy, and the own item; nothing else.
    expect(sheet.locator(".sog-sheet-item")).to_have_count(len(CORE) + 4 + 1)
    for item_id in ["pathology_report", "pathology_slides", "tissue_blocks", "mammograms"]:
        expect(sheet).to_contain_text(TEXT[item_id])
    for item_id in ["medicare_part_b", "imaging", "geriatric_specialist"]:
        expect(sheet).not_to_contain_text(TEXT[item_id])
    expect(sheet.locator(".sog-box--done")).to_have_count(TICKED_BOXES)
    expect(sheet_row(page, TEXT["tell_doctor"]).locator(".sog-box--done")).to_have_count(1)
    expect(sheet_row(page, TEXT["check_coverage"]).locator(".sog-box--done")).to_have_count(0)
    expect(sheet_row(page, TEXT["clinical_summary"]).locator(".sog-box--done")).to_have_count(3)
    expect(sheet_row(page, TEXT["lab_results"]).locator(".sog-box--done")).to_have_count(1)
    expect(sheet_row(page, "Bring my glasses").locator(".sog-box--done")).to_have_count(1)
    # Screen readers hear the same as the tick marks show.
    expect(sheet_row(page, TEXT["tell_doctor"])).to_contain_text("done:")
    expect(sheet.locator("tr", has_text="Second doctor's name").locator("td")).to_have_text("Dr. Ana Rivera")
    expect(sheet.locator(".sog-sheet-questions li").first).to_have_text("Is surgery the only choice?")
    expect(sheet.locator(".sog-sheet-goals")).to_have_text("Keep gardening every spring.")
    expect(sheet.locator(".sog-sheet-meta")).to_have_text(f"Printed on: {TODAY_TEXT}")
    expect(sheet.locator(".sog-sheet-footer")).to_contain_text(f"From Second Opinion Guide, {site.origin}/.")


def test_sheet_without_saved_checklist_offers_every_record_prints_and_follows_another_tab(page, site):
    """With nothing saved (the screener skipped), the sheet is the core list
    and every record (imaging, slides, tissue...), blank, still dated; the
    Print button calls the browser's print. When another tab saves a
    checklist and screener answers, the open sheet shows them (what prints
    is what was saved last), and when everything is cleared there, the
    blank sheet again."""
    page.add_init_script(COUNT_PRINTS)
    open_print(page)
    sheet = page.locator(SHEET)
    # The blank sheet's other items stay in the page, for when Python fails, out of sight.
    expect(sheet.locator(".sog-sheet-item:visible")).to_have_count(len(DEFAULT))
    for item_id in ["imaging", "pathology_slides", "tissue_blocks", "surgeon_notes"]:
        expect(sheet).to_contain_text(TEXT[item_id])
    expect(sheet.locator(".sog-box--done")).to_have_count(0)
    expect(sheet.locator(".sog-sheet-meta")).to_have_text(f"Printed on: {TODAY_TEXT}")
    expect(sheet.locator(".sog-sheet-footer")).to_contain_text(f"From Second Opinion Guide, {site.origin}/.")
    page.click("#print-button")
    expect_print_calls(page, 1)
    other_tab = page.context.new_page()
    set_saved(other_tab, {CHECKLIST_KEY: SAVED, SCREENER_KEY: screener_text(biopsy="yes", breast="yes")})
    expect(sheet.locator(".sog-sheet-item:visible")).to_have_count(len(CORE) + 4 + 1)
    expect(sheet.locator(".sog-box--done")).to_have_count(TICKED_BOXES)
    other_tab.evaluate("localStorage.clear()")
    expect(sheet.locator(".sog-sheet-item:visible")).to_have_count(len(DEFAULT))
    expect(sheet.locator(".sog-box--done")).to_have_count(0)


# ---- on paper ------------------------------------------------------------------


def test_the_richest_checklist_prints_on_two_pages_at_12_points(page):
    """Every item shown, the richest details and every tailoring answer yes:
    two sheets of Letter or A4 at most, every word at 12 pt or more, the visit
    in words."""
    open_print(page, {CHECKLIST_KEY: RICHEST, SCREENER_KEY: RICHEST_ANSWERS})
    for paper in PAPER_SIZES:
        pdf = page.pdf(format=paper)
        assert pdf_page_count(pdf) <= 2, paper
        assert_print_sizes(pdf)
        text = pdf_text(pdf)
        for item_id in ITEM_IDS:
            assert TEXT[item_id] in text, (paper, item_id)
        assert "Thursday, January 14, 2027, 10:30 AM" in text and "2027-01-14" not in text
        assert "1200 Main Street, Suite 400, Springfield" in text


def test_own_checklist_pdf_holds_items_and_ticks_and_print_media_shows_only_the_sheet(page):
    """The PDF (Letter and A4) holds every item, the tick marks and the
    visitor's details, not the page's furniture; in print media the site's
    header, menus, footer, Print button and intro text are hidden. Screener
    answers an update could not keep (its example "ask_again") are said on
    screen, politely, with a link to answer them again, and never printed
    (the sheet may go to the office; a link cannot be followed on paper)."""
    open_print(page, {CHECKLIST_KEY: SAVED, SCREENER_KEY: screener_example("ask_again")})
    waiting = page.locator("#printable-ask-again")
    expect(waiting).to_contain_text(ITEMS["words"]["screener_ask_again"])
    expect(waiting).to_have_attribute("role", "status")
    expect(waiting.get_by_role("link", name=ITEMS["words"]["screener_ask_again_link"])).to_have_attribute(
        "href", "../screener/")
    for paper in PAPER_SIZES:
        text = pdf_text(page.pdf(format=paper))
        for item_id in DEFAULT:
            assert TEXT[item_id] in text, (paper, item_id)
        assert "Bring my glasses" in text
        assert text.count(TICK) == TICKED_BOXES
        assert TICK + TEXT["tell_doctor"] in text
        assert TICK + TEXT["check_coverage"] not in text
        for detail in ["Dr. Ana Rivera", "Is surgery the only choice?", "Keep gardening every spring.",
                       f"Printed on: {TODAY_TEXT}"]:
            assert detail in text
        # The page's own furniture stays off the paper.
        assert "This page is made for paper" not in text
        assert "Print this checklist" not in text
        assert ITEMS["words"]["screener_ask_again_link"] not in text
    chrome = [".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer", "#print-button",
              ".sog-page-note", "#printable-ask-again"]
    for selector in chrome:
        expect(page.locator(selector)).to_be_visible()
    intro = page.locator(".sog-no-print")
    expect(intro.first).to_contain_text("This page is made for paper.")
    expect(intro.first).to_be_visible()
    page.emulate_media(media="print")
    for selector in chrome:
        expect(page.locator(selector)).to_be_hidden()
    for part in intro.all():
        expect(part).to_be_hidden()
    expect(page.locator(SHEET)).to_be_visible()
    expect(page.locator("h1")).to_have_text("Printable checklist")


# ---- without JavaScript ------------------------------------------------------


def test_without_javascript_shows_the_full_blank_checklist_and_prints_it_on_two_pages_at_most(make_context):
    """With JavaScript off the page holds every item, blank, and no dead Print
    button; it fits on two sheets of Letter or A4, at 12 pt, every item there."""
    static_page = make_context(java_script_enabled=False).new_page()
    static_page.goto(PATH)
    sheet = static_page.locator(SHEET)
    expect(sheet.locator(".sog-sheet-item")).to_have_count(len(ITEM_IDS))
    for item_id in ITEM_IDS:
        expect(sheet).to_contain_text(TEXT[item_id])
    expect(sheet.locator(".sog-box--done")).to_have_count(0)
    expect(sheet.locator(".sog-sheet-meta")).to_have_text("Printed on:")
    expect(static_page.locator("#print-button")).to_be_hidden()
    expect(static_page.locator("#printable-status")).to_be_hidden()
    for paper in PAPER_SIZES:
        pdf = static_page.pdf(format=paper)
        assert pdf_page_count(pdf) <= 2, paper
        assert_print_sizes(pdf)
        text = pdf_text(pdf)
        missing = [item_id for item_id in ITEM_IDS if TEXT[item_id] not in text]
        assert not missing, paper


# ---- the checklist page on paper ---------------------------------------------


def test_the_checklist_page_prints_the_visitors_own_sheet(page):
    """Printing the checklist page prints the sheet, not the form: the
    visitor's tailored items with their ticks and details, dated, at 12 pt,
    on two sheets at most; no field, button or folded group."""
    page.clock.set_fixed_time(TODAY)
    set_saved(page, {CHECKLIST_KEY: SAVED})
    open_widget(page, "/checklist/", "checklist")
    pdf = page.pdf(format="Letter")
    assert pdf_page_count(pdf) <= 2
    assert_print_sizes(pdf)
    text = pdf_text(pdf)
    assert text.count(TICK) == TICKED_BOXES
    for detail in [TEXT["imaging"], "Dr. Ana Rivera", "Is surgery the only choice?", f"Printed on: {TODAY_TEXT}"]:
        assert detail in text
    for form in ["Your next three things", "Add to my calendar", "Add item", "Show every item", "Not yet"]:
        assert form not in text
