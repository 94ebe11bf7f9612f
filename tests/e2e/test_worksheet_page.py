"""The "Weigh the two opinions" page in real Chromium, against the built site (MicroPython).

Typing saves and a reload restores; the goals come from the checklist until
the visitor types their own; the part on a third opinion shows while the
opinions differ; clear asks first; two tabs stay in step; markup and bad
saved data are handled in plain words; the layout stacks on a phone and sits
side by side on a wide screen and on paper; on paper every word is 12 pt or
more (hints 11 pt), and the PDF fits two sheets of Letter or A4 with a
realistic fill and three with a long one; with JavaScript off the blank
worksheet prints on three sheets; and the keyboard alone is enough. (The
worksheet travels in the checklist's file, a file with a bad worksheet is
refused, and "Clear everything" clears it: test_checklist_page.py's download,
bad-file and clear-everything tests.)
"""

import json

from playwright.sync_api import expect
from sog import datafiles
from sog.worksheet import render, sheet

from tests.e2e.axe import assert_no_axe_violations
from tests.e2e.checklist_data import (
    CHECKLIST_KEY,
    checklist_text,
    envelope,
    saved_text,
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
from tests.e2e.test_print_page import PAPER_SIZES, assert_print_sizes, pdf_page_count, pdf_text
from tests.support import worksheet_examples

PATH = "/weigh-two-opinions/"
WIDGET = "worksheet"
KEY = storage_key("worksheet")
NOTICE = "#worksheet-notice"
DATA = sheet.load()
WORDS = DATA["words"]
# The saved worksheet's sentences (what clean left out, why a file is refused).
SAVED_WORDS = datafiles.load("worksheet/saved.json")["words"]
DOCTORS = sheet.doctor_ids(DATA)
ROWS = sheet.row_ids(DATA)
ANSWERS = worksheet_examples.ANSWERS
CHECKLIST_GOALS = "Walk my dog every day. Avoid a long hospital stay."
# The small print allowed 11 pt on paper: each question's hint and the fields' hints.
HINTS = [row["hint"] for row in DATA["rows"] if row["hint"]] + [WORDS["goals_hint"], WORDS["thoughts_hint"]]


def field(doctor, row):
    return "#" + render.answer_id(doctor, row)


GOALS = "#" + render.GOALS_ID
THOUGHTS = "#" + render.THOUGHTS_ID
THIRD = "#" + render.THIRD_ID
GOALS_NOTE = "#" + render.GOALS_FROM_ID
USE_GOALS = "#" + render.USE_GOALS_ID


def open_worksheet(page):
    open_widget(page, PATH, WIDGET)


def reload(page):
    page.reload()
    wait_ready(page, WIDGET)


def open_with(page, values):
    set_saved(page, values)
    open_worksheet(page)


def saved_worksheet(page):
    text = saved_text(page, KEY)
    return json.loads(text)["data"] if text else None


def worksheet_text(worksheet):
    return envelope("worksheet", 1, worksheet)


def goals_checklist(goals):
    return checklist_text(goals=goals)


def fill_all(page):
    """A realistic fill: every answer (one or two sentences), a comparison
    that differs, thoughts; the goals come from the checklist."""
    for doctor in DOCTORS:
        for row in ROWS:
            page.fill(field(doctor, row), ANSWERS[doctor][row])
    page.check("#ws-compare-treatment")
    page.fill(THOUGHTS, worksheet_examples.THOUGHTS)


# ---- typing, reloading, choosing -------------------------------------------------------
# Each test below starts the page as few times as it can: one start, then a
# sequence of changes checked step by step, each building on the last.


def test_boots_keyboard_alone_works_it_typing_saved_cursor_kept_third_opinion_follows_reload_restores(page):
    """Boots with a field for every answer. The keyboard alone works it: Tab
    goes question by question, first doctor then second; arrow keys pick how
    the opinions compare; Enter works the buttons; focus stays visible (on
    this start: it was a start of its own). Saving on every key never redraws
    the field being typed in; the part on a third opinion shows only while
    the opinions differ (each choice in turn, each saved); a realistic fill is
    saved and a reload restores it; an emptied field is saved empty (so a
    reload, which restores what is saved, keeps it empty)."""
    open_worksheet(page)
    expect(page.locator("#worksheet-status")).to_be_hidden()
    expect(page.locator(NOTICE)).to_be_empty()
    expect(page.locator("#worksheet textarea")).to_have_count(len(DOCTORS) * len(ROWS) + 2)
    expect(page.locator(".ws-static")).to_have_count(0)
    expect(page.locator(THIRD)).to_be_hidden()
    # The keyboard alone.
    tab_to(page, render.answer_id("first", "name"))
    page.keyboard.type("Dr. Rivera")
    assert focus_visible(page)
    page.keyboard.press("Tab")
    assert active_id(page) == render.answer_id("second", "name")
    page.keyboard.type("Dr. Okafor")
    page.keyboard.press("Tab")
    assert active_id(page) == render.answer_id("first", ROWS[1])
    tab_to(page, "ws-compare-agree")
    page.keyboard.press("ArrowDown")
    expect(page.locator("#ws-compare-treatment")).to_be_checked()
    expect(page.locator(THIRD)).to_be_visible()
    assert focus_visible(page)
    tab_to(page, "ws-clear")
    assert focus_visible(page)
    page.keyboard.press("Enter")
    assert active_id(page) == "ws-clear-yes"
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert active_id(page) == "ws-clear"
    answers = saved_worksheet(page)["answers"]
    assert (answers["first"]["name"], answers["second"]["name"]) == ("Dr. Rivera", "Dr. Okafor")
    for doctor in DATA["doctors"]:
        for row in DATA["rows"]:
            group = page.get_by_role("group", name=row["label"], exact=True)
            expect(group.get_by_role("textbox", name=doctor["label"], exact=True)).to_be_visible()
    # The cursor stays where it was.
    box = page.locator(field("second", "benefits"))
    box.fill("Less pain ")
    box.evaluate("el => el.setSelectionRange(4, 4)")
    page.keyboard.type("er", delay=30)
    expect(box).to_have_value("Lesser pain ")
    assert box.evaluate("el => [el.selectionStart, el === document.activeElement]") == [6, True]
    assert saved_worksheet(page)["answers"]["second"]["benefits"] == "Lesser pain"
    # The third opinion, choice by choice.
    third = page.locator(THIRD)
    for choice in [c["id"] for c in DATA["comparisons"]]:
        page.check("#ws-compare-" + choice)
        if sheet.shows_third(DATA, choice):
            expect(third).to_be_visible()
            expect(third).to_contain_text("Medicare Part B covers a third opinion")
            expect(third).to_contain_text("Original Medicare")
            expect(third.get_by_role("link")).to_have_attribute("href", "../" + WORDS["third_href"])
        else:
            expect(third).to_be_hidden()
        assert saved_worksheet(page)["comparison"] == choice, choice
    # A realistic fill, saved, and restored by a reload.
    fill_all(page)
    page.fill(GOALS, "My own goals.")
    expect(page.locator(NOTICE)).to_be_empty()
    saved = saved_worksheet(page)
    assert saved["answers"] == ANSWERS
    assert (saved["goals"], saved["comparison"], saved["thoughts"]) == (
        "My own goals.", "treatment", worksheet_examples.THOUGHTS)
    reload(page)
    for doctor in DOCTORS:
        for row in ROWS:
            expect(page.locator(field(doctor, row))).to_have_value(ANSWERS[doctor][row])
    expect(page.locator(GOALS)).to_have_value("My own goals.")
    expect(page.locator(THOUGHTS)).to_have_value(worksheet_examples.THOUGHTS)
    expect(page.locator("#ws-compare-treatment")).to_be_checked()
    expect(page.locator(THIRD)).to_be_visible()
    # Emptying a field clears it.
    page.fill(field("first", "risks"), "")
    answers = saved_worksheet(page)["answers"]
    assert answers["first"].get("risks", "") == ""
    assert answers["second"] == ANSWERS["second"]


# ---- goals from the checklist ----------------------------------------------------------


def test_goals_come_from_the_checklist_until_the_visitor_types_their_own_and_an_emptied_box_stays_empty(page):
    open_with(page, {CHECKLIST_KEY: goals_checklist(CHECKLIST_GOALS)})
    expect(page.locator(GOALS)).to_have_value(CHECKLIST_GOALS)
    expect(page.locator(GOALS_NOTE)).to_have_text(WORDS["goals_from_checklist"])
    expect(page.locator(USE_GOALS)).to_be_hidden()
    # Nothing is saved by showing them.
    assert saved_text(page, KEY) is None
    page.locator(GOALS).press("End")
    page.keyboard.type(" And rest.")
    expect(page.locator(GOALS_NOTE)).to_be_hidden()
    expect(page.locator(USE_GOALS)).to_be_visible()
    assert saved_worksheet(page)["goals"] == CHECKLIST_GOALS + " And rest."
    # The checklist's goals change later (typed on the checklist page, which
    # saves them where this page reads them: the two-tab test): what was
    # typed here stays.
    page.evaluate("([key, text]) => localStorage.setItem(key, text)",
                  [CHECKLIST_KEY, goals_checklist("Only new checklist goals.")])
    reload(page)
    expect(page.locator(GOALS)).to_have_value(CHECKLIST_GOALS + " And rest.")
    # Asked for, the checklist's goals come back.
    page.click(USE_GOALS)
    expect(page.locator(GOALS)).to_have_value("Only new checklist goals.")
    expect(page.locator(GOALS)).to_be_focused()
    expect(page.locator(GOALS_NOTE)).to_be_visible()
    assert saved_worksheet(page)["goals"] is None
    # Emptied, the goals box stays empty (the checklist's goals do not come back by themselves).
    page.fill(GOALS, "")
    expect(page.locator(USE_GOALS)).to_be_visible()
    reload(page)
    expect(page.locator(GOALS)).to_have_value("")
    assert saved_worksheet(page)["goals"] == ""


# ---- clearing ---------------------------------------------------------------------------


def test_partly_bad_saved_worksheet_keeps_the_rest_and_clear_asks_first_and_clears_only_the_worksheet(page):
    """Saved answers with markup in one: that one is left out and said, the
    rest kept. Clear asks first; No keeps everything; Yes clears the worksheet
    and nothing else (nothing of it is left saved, so a reload starts blank),
    and the goals follow the checklist again."""
    worksheet = worksheet_examples.filled_worksheet(DATA)
    worksheet["answers"]["first"]["risks"] = "<b>bold</b>"
    open_with(page, {KEY: worksheet_text(worksheet), CHECKLIST_KEY: goals_checklist(CHECKLIST_GOALS)})
    expect(page.locator(NOTICE)).to_have_text(SAVED_WORDS["problems"]["markup"][0])
    expect(page.locator(field("first", "risks"))).to_have_value("")
    expect(page.locator(field("second", "risks"))).to_have_value(ANSWERS["second"]["risks"])
    before = saved_text(page, KEY)
    expect(page.locator(GOALS)).to_have_value(worksheet_examples.GOALS)
    page.click("#ws-clear")
    expect(page.locator("#ws-clear-yes")).to_be_focused()
    expect(page.get_by_role("group", name=WORDS["clear_question"])).to_contain_text("cannot be undone")
    page.click("#ws-clear-no")
    expect(page.locator("#ws-clear")).to_be_focused()
    assert saved_text(page, KEY) == before
    page.click("#ws-clear")
    page.click("#ws-clear-yes")
    expect(page.locator(NOTICE)).to_have_text(WORDS["cleared"])
    expect(page.locator("#ws-clear")).to_be_focused()
    assert saved_text(page, KEY) is None
    assert saved_text(page, CHECKLIST_KEY) is not None
    for doctor in DOCTORS:
        for row in ROWS:
            expect(page.locator(field(doctor, row))).to_have_value("")
    expect(page.locator(THOUGHTS)).to_have_value("")
    expect(page.locator("#ws-compare-treatment")).not_to_be_checked()
    expect(page.locator(THIRD)).to_be_hidden()
    # The goals follow the checklist again.
    expect(page.locator(GOALS)).to_have_value(CHECKLIST_GOALS)


# ---- two tabs ------------------------------------------------------------------------------


def test_another_tabs_change_keeps_what_is_being_typed_here_and_the_checklists_goals_show_at_once(context):
    """Goals typed on the checklist in another tab show at once; another
    worksheet tab's change never moves what is being typed here; a comparison
    and a clear reach the other tab. (Changes that show in the other tab, and
    a stale tab: tests/e2e/widgets/test_two_tabs.py.)"""
    tab_a = context.new_page()
    tab_b = context.new_page()
    checklist_tab = context.new_page()
    open_worksheet(tab_a)
    open_worksheet(tab_b)
    open_widget(checklist_tab, "/checklist/", "checklist")
    in_tab(checklist_tab).fill("#goals", "Be home for the holidays.")
    expect(tab_b.locator(GOALS)).to_have_value("Be home for the holidays.")
    expect(tab_b.locator(GOALS_NOTE)).to_be_visible()
    in_tab(tab_b).fill(field("second", "nothing"), "It may grow")
    tab_b.locator(field("second", "nothing")).evaluate("el => el.setSelectionRange(3, 3)")
    in_tab(tab_a).fill(field("first", "nothing"), "It will stay small.")
    expect(tab_b.locator(field("first", "nothing"))).to_have_value("It will stay small.")
    box = tab_b.locator(field("second", "nothing"))
    expect(box).to_have_value("It may grow")
    assert box.evaluate("el => el.selectionStart") == 3
    in_tab(tab_a).check("#ws-compare-diagnosis")
    expect(tab_b.locator("#ws-compare-diagnosis")).to_be_checked()
    expect(tab_b.locator(THIRD)).to_be_visible()
    in_tab(tab_a).click("#ws-clear")
    in_tab(tab_a).click("#ws-clear-yes")
    expect(tab_b.locator(field("first", "nothing"))).to_have_value("")
    expect(tab_b.locator(THIRD)).to_be_hidden()
    assert saved_worksheet(tab_b) is None


# ---- layout: phone, screen, paper --------------------------------------------------------------


def boxes(page, row):
    return [page.locator(field(doctor, row)).bounding_box() for doctor in DOCTORS]


def test_stacks_on_a_phone_sits_side_by_side_on_a_wide_screen_and_on_paper_shows_only_the_worksheet(make_context):
    """One started page, its window resized: on a 360 px phone one doctor
    comes after the other, each answer saying whose it is; at 1280 px they sit
    side by side, the per-field labels out of sight; printed (at 700 px), only
    the worksheet shows, the two side by side."""
    page = make_context(viewport={"width": 360, "height": 740}).new_page()
    open_with(page, {KEY: worksheet_text(worksheet_examples.filled_worksheet(DATA))})
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    first, second = boxes(page, "benefits")
    assert second["y"] >= first["y"] + first["height"]
    expect(page.locator("label[for=ws-second-benefits]")).to_be_visible()
    expect(page.locator(".ws-heads").first).to_be_hidden()
    next_question = page.locator(field("first", "risks")).bounding_box()
    assert next_question["y"] > second["y"] + second["height"]

    page.set_viewport_size({"width": 1280, "height": 900})
    expect(page.locator(".ws-heads").first).to_be_visible()
    first, second = boxes(page, "benefits")
    assert abs(first["y"] - second["y"]) < 2 and second["x"] >= first["x"] + first["width"]
    assert page.locator("label[for=ws-second-benefits]").bounding_box()["width"] <= 1

    page.set_viewport_size({"width": 700, "height": 1000})
    chrome = [".md-header", ".md-sidebar--primary", ".md-footer", "#ws-print", "#ws-clear", ".ws-keep",
              ".sog-page-note", "article .sog-no-print", GOALS]
    page.emulate_media(media="print")
    for selector in chrome:
        expect(page.locator(selector).first).to_be_hidden()
    expect(page.locator(".ws-footer")).to_be_visible()
    twins = [page.locator(field(doctor, "benefits") + render.PAPER_SUFFIX) for doctor in DOCTORS]
    for twin, doctor in zip(twins, DOCTORS, strict=True):
        expect(twin).to_have_text(ANSWERS[doctor]["benefits"])
    first, second = (twin.bounding_box() for twin in twins)
    assert abs(first["y"] - second["y"]) < 2 and second["x"] >= first["x"] + first["width"]


LONG = (
    "She explained it slowly and drew a picture for me. She said the scan and the biopsy both show it. "
    "She wants to move soon but said a few weeks of thinking is fine. I should call if anything changes."
)


def test_half_filled_realistic_and_long_worksheets_print_on_three_two_and_three_pages_at_most(page):
    """One started page, filled in three steps. Half filled (after the first
    visit): the second doctor's column prints lines to write on, three sheets
    at most. Every answer filled in (a sentence or two), goals from the
    checklist, a comparison that shows the third-opinion part, and thoughts:
    two sheets of Letter or A4, every word 12 pt or more but the hints (11 pt);
    the print button opens the browser's print dialog. Every answer a short
    paragraph (about 200 characters), long goals and thoughts: three sheets at
    most."""
    page.add_init_script(COUNT_PRINTS)
    open_with(page, {KEY: worksheet_text(worksheet_examples.partly_filled_worksheet(DATA)),
                     CHECKLIST_KEY: goals_checklist(CHECKLIST_GOALS)})
    for paper in PAPER_SIZES:
        pdf = page.pdf(format=paper)
        assert pdf_page_count(pdf) <= 3, paper
        text = pdf_text(pdf)
        for row in ROWS:
            assert ANSWERS["first"][row] in text
    expect(page.locator(field("second", "risks") + render.PAPER_SUFFIX)).to_have_text("")

    fill_all(page)
    page.click("#ws-print")
    expect_print_calls(page, 1)
    for paper in PAPER_SIZES:
        pdf = page.pdf(format=paper)
        assert pdf_page_count(pdf) <= 2, paper
        assert_print_sizes(pdf, HINTS)
        text = pdf_text(pdf)
        for doctor in DOCTORS:
            for row in ROWS:
                assert text.count(ANSWERS[doctor][row]) == 1, (paper, doctor, row)
        for row in DATA["rows"]:
            assert row["label"] in text
        for expected in [CHECKLIST_GOALS, worksheet_examples.THOUGHTS, "Medicare Part B covers a third opinion",
                         WORDS["footer"]]:
            assert expected in text
        for furniture in [WORDS["print_button"], WORDS["clear"], WORDS["goals_from_checklist"], "BRAN"]:
            assert furniture not in text

    for doctor in DOCTORS:
        for row in ROWS:
            page.fill(field(doctor, row), LONG)
    page.fill(GOALS, LONG * 2)
    page.fill(THOUGHTS, LONG * 2)
    page.check("#ws-compare-diagnosis")
    for paper in PAPER_SIZES:
        assert pdf_page_count(page.pdf(format=paper)) <= 3, paper


# ---- without JavaScript -------------------------------------------------------------------


def test_without_javascript_the_blank_worksheet_is_there_and_prints_on_three_pages(make_context):
    """Every question with each doctor's lines to write on by hand, then goals,
    questions and thoughts: three sheets of Letter or A4 at most, at 12 pt
    (hints 11 pt)."""
    static_page = make_context(java_script_enabled=False).new_page()
    static_page.goto(PATH)
    note = static_page.locator("#worksheet noscript .sog-notice")
    assert WORDS["noscript"] in note.inner_text()
    sheet_root = static_page.locator("#worksheet .ws-static")
    expect(sheet_root).to_be_visible()
    expect(static_page.locator("#worksheet textarea, #worksheet input, #worksheet button")).to_have_count(0)
    for row in DATA["rows"]:
        expect(sheet_root.get_by_role("heading", name=row["label"], exact=True)).to_be_visible()
    lines = sum(row["lines"] for row in DATA["rows"]) * len(DOCTORS) + render.GOALS_LINES + render.THOUGHTS_LINES
    expect(sheet_root.locator(".sog-line")).to_have_count(lines)
    expect(sheet_root.locator(THIRD)).to_be_visible()
    for paper in PAPER_SIZES:
        pdf = static_page.pdf(format=paper)
        assert pdf_page_count(pdf) <= 3, paper
        assert_print_sizes(pdf, HINTS)
        text = pdf_text(pdf)
        for row in DATA["rows"]:
            assert row["label"] in text
        for doctor in DATA["doctors"]:
            assert doctor["label"] in text
        for expected in [WORDS["goals_label"], WORDS["thoughts_label"], WORDS["footer"], "Original Medicare"]:
            assert expected in text
        assert WORDS["noscript"] not in text


# ---- accessibility in use, and Pyodide ----------------------------------------------------------


def test_worksheet_in_use_has_big_targets_and_no_axe_violations(page):
    """Every kind of element: answers, the goals note and offer, the
    third-opinion part, a notice and the clear confirmation passes axe in
    light and dark; and every field, button and choice is at least 24 by 24
    CSS pixels (WCAG 2.2 target size). One started page."""
    worksheet = worksheet_examples.filled_worksheet(DATA)
    worksheet["goals"] = "Mine."
    open_with(page, {KEY: worksheet_text(worksheet), CHECKLIST_KEY: goals_checklist(CHECKLIST_GOALS)})
    expect(page.locator(USE_GOALS)).to_be_visible()
    sizes = page.eval_on_selector_all(
        "#worksheet textarea, #worksheet button, #worksheet .sog-choice",
        "els => els.filter(e => e.offsetParent).map(e => [e.id, e.offsetWidth, e.offsetHeight])",
    )
    assert len(sizes) >= len(DOCTORS) * len(ROWS) + 2 + 3 + len(DATA["comparisons"])
    assert all(w >= 24 and h >= 24 for _, w, h in sizes), sizes
    expect(page.locator(THIRD)).to_be_visible()
    page.fill(THOUGHTS, "<b>")
    expect(page.locator(NOTICE)).not_to_be_empty()
    page.click("#ws-clear")
    expect(page.locator("#ws-clear-yes")).to_be_visible()
    assert_no_axe_violations(page)
    page.click("#ws-clear-yes")
    expect(page.locator(GOALS_NOTE)).to_be_visible()
    assert_no_axe_violations(page)
