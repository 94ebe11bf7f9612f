"""The checklist page in real Chromium, against the built site (MicroPython)."""

import json
import re
from datetime import datetime

from icalendar import Calendar
from playwright.sync_api import expect
from sog import datafiles, keep
from sog.letter import state as letter_state
from sog.markup import fill
from sog.worksheet import sheet

from tests.e2e.checklist_data import (
    BECAUSE,
    BLANK_PAGE,
    CHECKLIST_KEY,
    CORE,
    DEFAULT,
    ITEM_IDS,
    ITEMS,
    SCREENER_KEY,
    TEXT,
    checklist_state,
    checklist_text,
    envelope,
    saved_state,
    saved_text,
    screener_text,
    set_saved,
)
from tests.e2e.site_pages import (
    HeldRuntime,
    active_id,
    fail_on_dialogs,
    focus_visible,
    in_tab,
    open_widget,
    storage_key,
    tab_to,
    wait_ready,
)
from tests.support import worksheet_examples

PATH = "/checklist/"
NOTICE = "#checklist-notice"
ASK_AGAIN = "#checklist-ask-again"
PROGRESS = "#checklist-progress"
DOWNLOAD_NAME = "my-second-opinion-checklist.json"
MARKUP_MESSAGE = 'This looks like web page code, so it was not saved. Please leave out "<" and "javascript:".'
# Items a visitor who skipped the screener finds behind "Show every item".
HIDDEN = [item_id for item_id in ITEM_IDS if item_id not in DEFAULT]

# The other parts the checklist's file and "Clear everything" hold: a letter
# and a worksheet, saved as their own pages save them (format 2 and 1).
LETTER_KEY = storage_key("letter")
WORKSHEET_KEY = storage_key("worksheet")
LETTER = letter_state.new_state()
LETTER["fields"]["name"] = "Ana Ruiz"
LETTER["records"] = ["lab_results"]
WORKSHEET = worksheet_examples.filled_worksheet(sheet.load())
OTHER_PARTS = {LETTER_KEY: envelope("letter", 2, LETTER), WORKSHEET_KEY: envelope("worksheet", 1, WORKSHEET)}
# Why a file whose worksheet holds markup is refused (worksheet/saved.json).
WORKSHEET_MARKUP = datafiles.load("worksheet/saved.json")["words"]["refusals"]["markup"]


def without_time(text):
    """Saved text's envelope and data, all its page reads but when it was
    saved (None if nothing is saved)."""
    if text is None:
        return None
    saved = json.loads(text)
    saved.pop("saved_at")
    return saved


def open_checklist(page):
    open_widget(page, PATH, "checklist")


def reload(page):
    page.reload()
    wait_ready(page, "checklist")


def open_with(page, values):
    """Open the checklist with this raw text already saved ({key: text})."""
    set_saved(page, values)
    open_checklist(page)


# Each item's own box (not its copy in "Your next things"), or a record's first choice.
ITEM_INPUTS = "#checklist-body [data-action=toggle]:not([id^=nx-]), #checklist-body [data-action=stage][value=none]"


def shown_items(page):
    """The ids of the items on the page, in order (own items too)."""
    return page.eval_on_selector_all(ITEM_INPUTS, "els => els.map(e => e.dataset.id)")


def expect_items(page, ids):
    """Exactly these items are on the page, in this order (waits for the redraw)."""
    expect(page.locator(ITEM_INPUTS)).to_have_count(len(ids))
    assert shown_items(page) == ids


def item_row(page, item_id):
    return page.locator(f"#checklist-body li.sog-item:has([data-id='{item_id}'])")


def unfold(page):
    """Open every folded group of items, as a visitor does: a click on each
    one's summary (this works before Python starts, too)."""
    for group_id in page.eval_on_selector_all("details.sog-group:not([open])", "els => els.map(e => e.dataset.group)"):
        page.click(f'details[data-group="{group_id}"] > summary')
    expect(page.locator("details.sog-group:not([open])")).to_have_count(0)


def next_things(page):
    """The ids in "Your next things", in order."""
    return page.eval_on_selector_all("#list-next input", "els => els.map(e => e.dataset.id)")


def add_own_item(page, text):
    page.fill("#new-item", text)
    page.press("#new-item", "Enter")


def add_own_question(page, text):
    page.fill("#new-question", text)
    page.press("#new-question", "Enter")


def expect_questions(page, texts):
    """The visitor's questions, in order (waits for the redraw)."""
    expect(page.locator(".sog-my-question .sog-question-text")).to_have_text(texts)


# ---- starting, ticking, records -------------------------------------------


def test_boots_ticks_records_and_show_every_item_are_remembered(page):
    """One page, changed step by step, each step building on the last.
    Python starts quietly and, with no screener answers, the core list and
    every record show (imaging, slides and tissue too), nothing done, and its
    buttons appear. A tick in "Your next things" updates the progress and its
    group's count at once, is saved, ticks the item in its group and moves the
    next things on (focus to the one now first). A record goes asked -> sent
    -> confirmed; only a confirmed arrival counts as done. "Show every item"
    adds the hidden items (none "because" of an answer). A reload keeps all of
    it; "Show every item" can be undone; work on an extra item is never hidden
    again; unticking and a record's first step undo, and are saved so (the
    reload before proved what is saved comes back)."""
    open_checklist(page)
    expect(page.locator("#checklist-status")).to_be_hidden()
    expect(page.locator(PROGRESS)).to_have_text(f"0 of {len(DEFAULT)} done")
    assert shown_items(page) == DEFAULT
    for item_id in ["imaging", "pathology_slides", "tissue_blocks"]:
        expect(page.locator(f"#st-{item_id}-none")).to_be_checked()
    expect(page.locator(".sog-because")).to_have_count(0)
    # The blank paper sheet (for when Python cannot run) stays out of sight.
    expect(page.locator("#checklist #print-sheet")).to_be_hidden()
    expect(page.locator("#show-all")).to_have_text(f"Show every item ({len(HIDDEN)} more)")
    expect(page.locator("#show-all")).to_be_visible()
    expect(page.locator(NOTICE)).to_be_empty()

    # A tick in "Your next things".
    assert next_things(page) == ["tell_doctor", "check_coverage", "get_referral"]
    page.click("#nx-tell_doctor")
    expect(page.locator(PROGRESS)).to_have_text(f"1 of {len(DEFAULT)} done")
    expect(page.locator("#count-before")).to_have_text("1 of 4 done")
    expect(page.locator("#ck-tell_doctor")).to_be_checked()
    expect(page.locator("#nx-prior_authorization")).to_be_visible()
    assert next_things(page) == ["check_coverage", "get_referral", "prior_authorization"]
    expect(page.locator("#nx-check_coverage")).to_be_focused()
    assert saved_state(page)["done"] == {"tell_doctor": True}

    # A record's steps.
    unfold(page)
    expect(page.locator("#st-clinical_summary-none")).to_be_checked()
    for stage in ["asked", "sent"]:
        page.check(f"#st-clinical_summary-{stage}")
        expect(page.locator(f"#st-clinical_summary-{stage}")).to_be_checked()
        expect(page.locator(PROGRESS)).to_have_text(f"1 of {len(DEFAULT)} done")
    page.check("#st-clinical_summary-confirmed")
    expect(page.locator(PROGRESS)).to_have_text(f"2 of {len(DEFAULT)} done")
    expect(item_row(page, "clinical_summary")).to_have_class("sog-item sog-item--done")
    assert saved_state(page)["stages"] == {"clinical_summary": "confirmed"}

    # Every item.
    page.click("#show-all")
    expect(page.locator("#show-all")).to_have_text("Show only the items for me")
    expect(page.locator("#show-all")).to_be_focused()
    expect_items(page, ITEM_IDS)
    expect(page.locator(PROGRESS)).to_have_text(f"2 of {len(ITEM_IDS)} done")
    expect(page.locator(".sog-because")).to_have_count(0)

    reload(page)
    expect(page.locator("#ck-tell_doctor")).to_be_checked()
    expect(page.locator("#ck-check_coverage")).not_to_be_checked()
    expect(page.locator("#st-clinical_summary-confirmed")).to_be_checked()
    expect(page.locator("#show-all")).to_have_text("Show only the items for me")
    assert shown_items(page) == ITEM_IDS
    expect(page.locator(PROGRESS)).to_have_text(f"2 of {len(ITEM_IDS)} done")
    page.click("#show-all")
    expect(page.locator("#show-all")).to_have_text(f"Show every item ({len(HIDDEN)} more)")
    expect_items(page, DEFAULT)

    # Work begun on an extra item stays after "Show only the items for me".
    page.click("#show-all")
    unfold(page)
    page.check("#ck-ask_cost")
    expect(page.locator(PROGRESS)).to_have_text(f"3 of {len(ITEM_IDS)} done")
    assert saved_state(page)["done"] == {"tell_doctor": True, "ask_cost": True}
    page.click("#show-all")
    expect_items(page, [item_id for item_id in ITEM_IDS if item_id in DEFAULT or item_id == "ask_cost"])
    expect(page.locator(PROGRESS)).to_have_text(f"3 of {len(DEFAULT) + 1} done")
    expect(page.locator("#ck-ask_cost")).to_be_checked()

    # Undone: untick in its group (a next thing again), a record back to its first step.
    page.uncheck("#ck-tell_doctor")
    expect(page.locator(PROGRESS)).to_have_text(f"2 of {len(DEFAULT) + 1} done")
    expect(page.locator("#nx-tell_doctor")).to_be_visible()
    expect(page.locator("#count-before")).to_have_text("0 of 4 done")
    page.check("#st-clinical_summary-none")
    expect(page.locator(PROGRESS)).to_have_text(f"1 of {len(DEFAULT) + 1} done")
    saved = saved_state(page)
    assert (saved["done"], saved["stages"], saved["show_all"]) == ({"ask_cost": True}, {}, False)


def test_list_is_usable_before_python_starts_and_kept(page):
    """The list is on the page before Python runs: ticks, a record's step and
    typing given then are kept once it starts (over what was saved), saved,
    and the buttons, which need Python, show only once it is ready."""
    set_saved(page, {CHECKLIST_KEY: checklist_text(done={"check_coverage": True}, goals="Old goals")})
    held = HeldRuntime(page)
    page.goto(PATH)
    expect(page.locator(PROGRESS)).to_have_text(f"0 of {len(DEFAULT)} done")
    expect(page.locator("#show-all")).to_be_hidden()
    expect(page.locator("#checklist #print-sheet")).to_be_hidden()
    page.click("#nx-get_referral")
    unfold(page)
    page.check("#ck-tell_doctor")
    page.check("#st-clinical_summary-confirmed")
    page.fill("#appt-doctor", "Dr. Ana Rivera")
    page.fill("#appt-date", "2027-03-01")
    page.fill("#goals", "Keep gardening every spring.")
    expect(page.locator('[data-widget="checklist"]')).not_to_have_attribute("data-state", "ready")
    held.release()
    wait_ready(page, "checklist")
    expect(page.locator("#ck-tell_doctor")).to_be_checked()
    expect(page.locator("#ck-check_coverage")).to_be_checked()
    # Ticked in "Your next things": its box in the group follows, and the next things move on.
    expect(page.locator("#ck-get_referral")).to_be_checked()
    expect(page.locator("#nx-get_referral")).to_have_count(0)
    assert next_things(page) == ["prior_authorization", "choose_doctor", "check_doctor"]
    expect(page.locator("#count-before")).to_have_text("3 of 4 done")
    expect(page.locator("#st-clinical_summary-confirmed")).to_be_checked()
    expect(item_row(page, "clinical_summary")).to_have_class("sog-item sog-item--done")
    expect(page.locator("#appt-when")).to_have_text("Your visit: Monday, March 1, 2027.")
    expect(page.locator(PROGRESS)).to_have_text(f"4 of {len(DEFAULT)} done")
    expect(page.locator("#show-all")).to_be_visible()
    expect(page.locator("details.sog-group:not([open])")).to_have_count(0)
    saved = saved_state(page)
    assert saved["done"] == {"tell_doctor": True, "check_coverage": True, "get_referral": True}
    assert saved["open_groups"] == {group["id"]: True for group in ITEMS["groups"]}
    assert saved["stages"] == {"clinical_summary": "confirmed"}
    assert saved["appointment"]["doctor"] == "Dr. Ana Rivera" and saved["appointment"]["date"] == "2027-03-01"
    assert saved["goals"] == "Keep gardening every spring."


# ---- tailoring -----------------------------------------------------------


TAILORING = [
    ({"biopsy": "yes", "breast": "yes"}, ["pathology_report", "pathology_slides", "tissue_blocks", "mammograms"]),
    ({"major_treatment": "yes"}, ["imaging", "surgeon_notes"]),
    ({"medicare": "yes"}, ["medicare_part_b"]),
    ({"medicare": "advantage"}, ["medicare_part_b"]),
    ({"biopsy": "no", "major_treatment": "not_sure", "medicare": "no"}, []),
]


def test_list_follows_screener_answers(context):
    """Saved screener answers add the items that fit, each saying why; others
    stay out. The first set is read as the page starts; the others reach the
    open page from another tab (the storage event), one started page for all.
    Which items each answer brings is pure logic, tested with every answer set
    in CPython and both runtimes (tests/unit/checklist/, cases_checklist.py)."""
    page = context.new_page()
    other_tab = context.new_page()
    other_tab.goto(BLANK_PAGE)
    for number, (answers, extra) in enumerate(TAILORING):
        if number == 0:
            open_with(page, {SCREENER_KEY: screener_text(**answers)})
        else:
            other_tab.evaluate("([key, text]) => localStorage.setItem(key, text)",
                               [SCREENER_KEY, screener_text(**answers)])
        expected = [item_id for item_id in ITEM_IDS if item_id in CORE or item_id in extra]
        expect_items(page, expected)
        for item_id in extra:
            expect(item_row(page, item_id).locator(".sog-because")).to_have_text(BECAUSE[item_id])
            expect(item_row(page, item_id)).to_contain_text(TEXT[item_id])
        # Core items need no reason.
        expect(item_row(page, "tell_doctor").locator(".sog-because")).to_have_count(0)
        expect(page.locator(".sog-because")).to_have_count(len(extra))
        expect(page.locator(PROGRESS)).to_have_text(f"0 of {len(expected)} done")
        expect(page.locator("#show-all")).to_have_text(f"Show every item ({len(ITEM_IDS) - len(expected)} more)")
        expect(page.locator(".sog-tailored")).to_contain_text("Your list puts first what fits your answers")


def test_started_record_stays_and_unknown_ids_in_saved_checklist_are_left_out_and_said(page):
    """With screener answers that do not call for imaging, work begun on it
    still shows. Saved ticks and records the list no longer has are dropped,
    the rest kept, and said."""
    open_with(page, {
        CHECKLIST_KEY: checklist_text(
            done={"tell_doctor": True, "gone_task": True},
            stages={"imaging": "asked", "clinical_summary": "asked", "gone_record": "sent", "lab_results": "lost"},
        ),
        SCREENER_KEY: screener_text(major_treatment="no", serious_illness="no"),
    })
    expect_items(page, [item_id for item_id in ITEM_IDS if item_id in CORE or item_id == "imaging"])
    expect(page.locator("#st-imaging-asked")).to_be_checked()
    expect(page.locator(PROGRESS)).to_have_text(f"1 of {len(CORE) + 1} done")
    notice = page.locator(NOTICE)
    expect(notice).to_contain_text("1 ticked item no longer exists and was left out.")
    expect(notice).to_contain_text("1 record is no longer on the list and was left out.")
    expect(notice).to_contain_text("1 record step could not be read and was left out.")
    expect(page.locator("#ck-tell_doctor")).to_be_checked()
    expect(page.locator("#st-clinical_summary-asked")).to_be_checked()
    expect(page.locator("#st-lab_results-none")).to_be_checked()


# ---- own items and questions -----------------------------------------------


def test_appointment_goals_questions_and_own_items_are_remembered(page):
    """One page, changed step by step. Appointment details and goals are saved
    as typed (saying nothing). Suggested and own questions are added, moved
    with buttons (focus follows) and removed; the suggestion can be added
    again once its question is gone. An own item is added with Enter, shown
    exactly as typed, and ticked. A reload brings all of it back; the own item
    is removed; an emptied field is saved empty."""
    open_checklist(page)
    values = {
        "#appt-doctor": "Dr. Ana Rivera",
        "#appt-phone": "555-0100",
        "#appt-date": "2026-12-01",
        "#appt-time": "09:30",
        "#appt-companion": "My sister Jo",
    }
    goals = "Keep walking every day.\nAvoid a long hospital stay."
    for selector, value in values.items():
        page.fill(selector, value)
    page.fill("#goals", goals)
    expect(page.locator(NOTICE)).to_be_empty()

    # Questions: q1, q2 (the visitor's own) and q3.
    benefits = "What good can I expect from the treatment you suggest?"
    downsides = "What are the likely downsides?"
    mine = "Can I wait a month to decide?"
    expect(page.get_by_text("You have not added any questions yet.")).to_be_visible()
    page.click("#sg-benefits")
    expect(page.locator("#sg-benefits")).to_have_count(0)
    expect(page.locator(NOTICE)).to_have_text("Question added to your list.")
    add_own_question(page, mine)
    expect(page.locator("#new-question")).to_be_focused()
    page.click("#sg-downsides")
    expect(page.locator("#sg-downsides")).to_have_count(0)
    expect_questions(page, [benefits, mine, downsides])
    page.click("#up-q2")
    expect_questions(page, [mine, benefits, downsides])
    # It is first now, so it has no Move up; focus stays on its own buttons.
    expect(page.locator("#up-q2")).to_have_count(0)
    expect(page.locator("#down-q2")).to_be_focused()
    page.click("#down-q2")
    expect_questions(page, [benefits, mine, downsides])
    expect(page.locator("#down-q2")).to_be_focused()
    page.keyboard.press("Enter")
    expect_questions(page, [benefits, downsides, mine])
    expect(page.locator("#up-q2")).to_be_focused()
    page.click("#del-q1")
    expect_questions(page, [downsides, mine])
    # The suggestion can be added again once its question is gone.
    expect(page.locator("#sg-benefits")).to_be_visible()
    expect(page.locator("#new-question")).to_be_focused()
    assert [q["text"] for q in saved_state(page)["questions"]] == [downsides, mine]

    # An own item (ids count on from the questions': c4).
    text = "Bring 2 < 3 things & more"
    add_own_item(page, text)
    expect(page.locator(NOTICE)).to_have_text("Added to your own items.")
    expect(page.locator("label[for=ck-c4]")).to_have_text(text)
    assert page.locator("label[for=ck-c4]").text_content() == text
    expect(page.locator("#new-item")).to_have_value("")
    expect(page.locator("#new-item")).to_be_focused()
    expect(page.locator(PROGRESS)).to_have_text(f"0 of {len(DEFAULT) + 1} done")
    page.check("#ck-c4")
    expect(page.locator(PROGRESS)).to_have_text(f"1 of {len(DEFAULT) + 1} done")

    reload(page)
    for selector, value in values.items():
        expect(page.locator(selector)).to_have_value(value)
    expect(page.locator("#goals")).to_have_value(goals)
    appointment = saved_state(page)["appointment"]
    assert appointment == {"doctor": "Dr. Ana Rivera", "phone": "555-0100", "address": "", "date": "2026-12-01",
                           "time": "09:30", "companion": "My sister Jo"}
    # The order the buttons gave is kept.
    expect_questions(page, [downsides, mine])
    expect(page.locator("#ck-c4")).to_be_checked()
    assert page.locator("label[for=ck-c4]").text_content() == text
    page.get_by_role("button", name="Remove " + text).click()
    expect(page.locator("#ck-c4")).to_have_count(0)
    expect(page.locator(PROGRESS)).to_have_text(f"0 of {len(DEFAULT)} done")
    expect(page.locator("#new-item")).to_be_focused()
    assert saved_state(page)["custom"] == []
    # Emptying a field clears it.
    page.fill("#appt-companion", "")
    assert saved_state(page)["appointment"]["companion"] == ""


def test_full_lists_say_so_instead_of_adding(page):
    """At 100 own items and 100 questions, adding one more says the list is full; nothing changes."""
    custom = [{"id": f"c{n}", "text": f"Thing {n}", "done": False} for n in range(1, 101)]
    questions = [{"id": f"q{n}", "text": f"Question {n}?", "from": ""} for n in range(101, 201)]
    open_with(page, {CHECKLIST_KEY: checklist_text(custom=custom, questions=questions, next_id=201)})
    before = saved_text(page)
    add_own_item(page, "One more thing")
    expect(page.locator(NOTICE)).to_have_text(
        "You already have 100 of your own items, the most this list can hold. Remove one to add another."
    )
    add_own_question(page, "One more question?")
    expect(page.locator(NOTICE)).to_contain_text("You already have 100 questions")
    page.click("#sg-benefits")
    expect(page.locator(NOTICE)).to_contain_text("You already have 100 questions")
    expect(page.locator("#sg-benefits")).to_be_visible()
    assert saved_text(page) == before
    # Room again after a removal.
    page.click("#rm-c1")
    add_own_item(page, "One more thing")
    expect(page.locator(NOTICE)).to_have_text("Added to your own items.")
    expect(page.locator("label[for=ck-c201]")).to_have_text("One more thing")


# ---- two tabs ----------------------------------------------------------------

def test_other_tab_change_keeps_half_typed_text_and_follows_folds_and_records(context):
    """A redraw caused by another tab keeps text typed but not yet added; the
    other tab follows the folds (they are saved) and a record's step too.
    (Ticks in two tabs, and a stale tab: tests/e2e/widgets/test_two_tabs.py.)"""
    tab_a = context.new_page()
    tab_b = context.new_page()
    open_checklist(tab_a)
    open_checklist(tab_b)
    in_tab(tab_b).fill("#new-item", "Ask about parking")
    in_tab(tab_a).click("#nx-tell_doctor")
    expect(tab_b.locator("#ck-tell_doctor")).to_be_checked()
    expect(tab_b.locator("#new-item")).to_have_value("Ask about parking")
    unfold(in_tab(tab_a))
    expect(tab_b.locator("details.sog-group:not([open])")).to_have_count(0)
    in_tab(tab_a).check("#st-lab_results-sent")
    expect(tab_b.locator("#st-lab_results-sent")).to_be_checked()
    expect(tab_b.locator(PROGRESS)).to_have_text(f"1 of {len(DEFAULT)} done")
    expect(tab_b.locator("#new-item")).to_have_value("Ask about parking")
    state = saved_state(tab_a)
    assert state["done"] == {"tell_doctor": True}
    assert state["stages"] == {"lab_results": "sent"}


# ---- files -------------------------------------------------------------------


def test_download_then_load_in_another_browser(page, make_context, tmp_path):
    """A downloaded checklist loads in a fresh browser profile and gives the
    same checklist. The file holds every part of the guide's saved work: the
    letter and the worksheet saved beside the checklist go in it as saved,
    and come back from it, each exactly as its own page saved it (so its page
    shows it as it would after a reload: the letter's and the worksheet's
    reload tests)."""
    set_saved(page, OTHER_PARTS)
    open_checklist(page)
    unfold(page)
    page.check("#ck-tell_doctor")
    page.check("#ck-release_form")
    page.check("#st-clinical_summary-sent")
    page.check("#st-lab_results-confirmed")
    expect(page.locator(PROGRESS)).to_have_text(f"3 of {len(DEFAULT)} done")
    page.click("#sg-how_sure")
    add_own_question(page, "Who will explain the results to me?")
    add_own_item(page, "Ask for the CD of my scans")
    page.check("#ck-c3")
    expect(page.locator(PROGRESS)).to_have_text(f"4 of {len(DEFAULT) + 1} done")
    page.fill("#appt-doctor", "Dr. Lee")
    page.fill("#appt-date", "2027-01-15")
    page.fill("#goals", "Get back to work.")
    expect(page.locator(NOTICE)).to_have_text("Added to your own items.")
    original = saved_state(page)
    with page.expect_download() as info:
        page.click("#download")
    download = info.value
    assert download.suggested_filename == DOWNLOAD_NAME
    expect(page.locator(NOTICE)).to_contain_text(DOWNLOAD_NAME)
    path = tmp_path / download.suggested_filename
    download.save_as(path)
    # The file holds every part of the guide's saved work, each as saved.
    parts = json.loads(path.read_text())["data"]
    assert parts["checklist"] == {"version": 2, "data": original}
    assert parts["letter"] == {"version": 2, "data": LETTER}
    assert parts["worksheet"] == {"version": 1, "data": WORKSHEET}

    fresh = make_context().new_page()
    open_checklist(fresh)
    assert saved_text(fresh) is None
    fresh.set_input_files("#load-file", path)
    expect(fresh.locator(NOTICE)).to_have_text("Your checklist was loaded from the file.")
    for box in ["#ck-tell_doctor", "#ck-release_form", "#ck-c3", "#st-clinical_summary-sent",
                "#st-lab_results-confirmed"]:
        expect(fresh.locator(box)).to_be_checked()
    expect(fresh.locator("#ck-check_coverage")).not_to_be_checked()
    expect(fresh.locator(PROGRESS)).to_have_text(f"4 of {len(DEFAULT) + 1} done")
    expect_questions(fresh, ["How sure are you of my diagnosis?", "Who will explain the results to me?"])
    expect(fresh.locator("#appt-doctor")).to_have_value("Dr. Lee")
    expect(fresh.locator("#appt-date")).to_have_value("2027-01-15")
    expect(fresh.locator("#goals")).to_have_value("Get back to work.")
    assert saved_state(fresh) == original
    for key, text in OTHER_PARTS.items():
        assert without_time(saved_text(fresh, key)) == without_time(text), key


VALID = checklist_state(done={"tell_doctor": True}, custom=[{"id": "c1", "text": "Call Sam", "done": False}],
                        next_id=2)


def _file_with(**changes):
    state = dict(VALID)
    state.update(changes)
    return envelope("checklist", 2, state)


# Files to refuse, ordered so no two in a row give the same words.
BAD_FILES = [
    ("not-json", "This is a shopping list, not JSON.", "This file is damaged, or it is not a checklist file."),
    ("empty", "", "This file is empty."),
    ("json-not-ours", json.dumps({"name": "My notes", "items": [1, 2]}),
     "This file is not a checklist saved from this guide."),
    ("newer", envelope("checklist", 4, {}), "saved by a newer version of this guide"),
    ("screener-file", screener_text(medicare="yes"), "This file is not a checklist saved from this guide."),
    ("huge", _file_with(goals="x" * 200001), "too large"),
    ("markup-item", _file_with(custom=[{"id": "c1", "text": "<img src=x onerror=alert(1)>", "done": False}]),
     "nothing was changed: some text looks like web page code."),
    ("unknown-item", _file_with(done={"tell_doctor": True, "fly_to_the_moon": True}),
     "nothing was changed: it ticks items this checklist does not have."),
    ("script-link", _file_with(appointment={"doctor": "javascript:alert(1)", "phone": "", "date": "", "time": "",
                                            "companion": ""}),
     "nothing was changed: some text looks like web page code."),
    ("unknown-stage", _file_with(stages={"clinical_summary": "lost"}),
     "nothing was changed: some record steps are not ones this checklist knows."),
    ("markup-worksheet",
     envelope("checklist", 3, {"worksheet": {"version": 1, "data": dict(WORKSHEET, goals="<script>")}}),
     WORKSHEET_MARKUP),
]


def test_bad_files_are_refused_and_nothing_changes(page):
    """Each broken or hostile file is refused in plain words (a worksheet in
    it with markup too); the saved checklist and the other parts saved beside
    it stay byte for byte. One started page loads them in turn."""
    dialogs = fail_on_dialogs(page)
    open_with(page, {CHECKLIST_KEY: checklist_text(done={"check_coverage": True}, goals="Stay well"), **OTHER_PARTS})
    before = saved_text(page)
    for name, text, message in BAD_FILES:
        page.set_input_files(
            "#load-file",
            files=[{"name": "checklist.json", "mimeType": "application/json", "buffer": text.encode()}],
        )
        # The file box is emptied once the file is read, so the same file
        # can be chosen again after a fix.
        expect(page.locator("#load-file")).to_have_value("")
        expect(page.locator(NOTICE)).to_contain_text(message)
        assert saved_text(page) == before, name
        assert {key: saved_text(page, key) for key in OTHER_PARTS} == OTHER_PARTS, name
        expect(page.locator("#ck-check_coverage")).to_be_checked()
        expect(page.locator("#ck-tell_doctor")).not_to_be_checked()
        expect(page.locator("#ck-c1")).to_have_count(0)
        expect(page.locator("#goals")).to_have_value("Stay well")
        expect(page.locator("#checklist img")).to_have_count(0)
    assert not dialogs


# ---- saved data that cannot all be read ----------------------------------

def test_screener_answers_an_update_could_not_keep_are_said_and_answering_the_screener_tailors_the_list(page):
    """Old screener answers whose questions changed (a biopsy or cancer, in
    one question) cannot tailor the list; the page says so, instead of
    quietly leaving out the pathology records, with a link to the screener.
    Answers picked on the real screener page then change the checklist on
    the next visit, and the notice is gone."""
    old = {"answers": {"biopsy_or_cancer": "yes", "medicare": "yes"}}
    open_with(page, {SCREENER_KEY: envelope("screener", 1, old)})
    expect(page.locator(ASK_AGAIN)).to_contain_text(ITEMS["words"]["screener_ask_again"])
    assert "pathology_slides" not in shown_items(page)
    page.locator(ASK_AGAIN).get_by_role("link", name=ITEMS["words"]["screener_ask_again_link"]).click()
    expect(page).to_have_url(re.compile(r"/screener/$"))
    wait_ready(page, "screener")
    page.check("#q-cancer-yes")
    page.check("#q-biopsy-yes")
    page.check("#q-medicare-original")
    open_checklist(page)
    for item_id in ["pathology_slides", "tissue_blocks", "medicare_part_b"]:
        expect(item_row(page, item_id).locator(".sog-because")).to_have_text(BECAUSE[item_id])
    expect(page.locator(ASK_AGAIN)).to_be_empty()
    unfold(page)
    expect(page.locator("#ck-medicare_part_b")).to_be_visible()
    expect(page.locator("#st-pathology_slides-none")).to_be_checked()
    assert "surgeon_notes" not in shown_items(page)


# ---- clearing --------------------------------------------------------------


def test_old_saved_checklist_is_brought_up_to_date_and_clear_everything_asks_first(page):
    """Development-era (v1) data is migrated, keeping all it can and naming
    what it dropped; the next change saves in the current format, with new ids
    that do not clash. Then clear asks to confirm: No keeps everything; Yes
    clears the checklist, the screener's answers, the letter and the
    worksheet, leaving nothing saved (so a reload starts blank: the blank
    start is the first test's)."""
    old = {
        "ticked": ["tell_doctor", "gone_item"],
        "stages": {"clinical_summary": "sent"},
        "custom": ["Call Aunt May"],
        "appointment": {"doctor": "Dr. Okafor", "phone": "", "date": "", "time": "", "companion": ""},
        "questions": ["Is surgery the only choice?"],
        "goals": "Stay active",
    }
    open_with(page, {CHECKLIST_KEY: envelope("checklist", 1, old),
                     SCREENER_KEY: screener_text(biopsy="yes", breast="yes"), **OTHER_PARTS})
    notice = page.locator(NOTICE)
    expect(notice).to_contain_text("We updated your saved answers")
    expect(notice).to_contain_text("1 ticked item no longer exists and was left out.")
    expect(page.locator("#ck-tell_doctor")).to_be_checked()
    expect(page.locator("#st-clinical_summary-sent")).to_be_checked()
    expect(page.locator("label[for=ck-c1]")).to_have_text("Call Aunt May")
    expect_questions(page, ["Is surgery the only choice?"])
    expect(page.locator("#appt-doctor")).to_have_value("Dr. Okafor")
    expect(page.locator("#goals")).to_have_value("Stay active")
    add_own_item(page, "Find the old scans")
    state = saved_state(page)
    assert [entry["id"] for entry in state["custom"]] == ["c1", "c3"]
    assert state["questions"][0]["id"] == "q2"

    # Clear everything.
    before = saved_text(page)
    expect(page.locator(PROGRESS)).to_have_text(f"1 of {len(CORE) + 4 + 2} done")
    page.click("#clear")
    expect(page.locator("#clear-yes")).to_be_focused()
    confirm = page.get_by_role("group", name=ITEMS["words"]["clear_question"])
    expect(confirm).to_contain_text(fill(ITEMS["words"]["clear_warning"], {"parts": keep.cleared_names()}))
    page.click("#clear-no")
    expect(page.locator("#clear-yes")).to_have_count(0)
    expect(page.locator("#clear")).to_be_focused()
    assert saved_text(page) == before
    assert {key: saved_text(page, key) for key in OTHER_PARTS} == OTHER_PARTS
    expect(page.locator("#ck-tell_doctor")).to_be_checked()

    page.click("#clear")
    page.click("#clear-yes")
    expect(page.locator(NOTICE)).to_have_text("Everything was cleared from this browser.")
    expect(page.locator(PROGRESS)).to_have_text(f"0 of {len(DEFAULT)} done")
    expect(page.locator("#clear")).to_be_focused()
    expect(page.locator("#ck-tell_doctor")).not_to_be_checked()
    expect(page.locator("#ck-c1")).to_have_count(0)
    expect(page.locator("#goals")).to_have_value("")
    # The screener's answers went too: every record is offered again, none started.
    expect_items(page, DEFAULT)
    expect(page.locator("#st-pathology_slides-none")).to_be_checked()
    expect(page.locator(".sog-because")).to_have_count(0)
    for key in [CHECKLIST_KEY, SCREENER_KEY, *OTHER_PARTS]:
        assert saved_text(page, key) is None, key


# ---- keyboard ------------------------------------------------------------------


def test_keyboard_only(page):
    """Tab, Space, arrow keys and Enter are enough; focus stays put and stays
    visible. The next things tick from the top, focus moving to the one now
    in their place; a folded group opens and closes with Enter on its
    summary (and is remembered), and its items tick."""
    open_checklist(page)
    tab_to(page, "nx-tell_doctor")
    page.keyboard.press("Space")
    expect(page.locator(PROGRESS)).to_have_text(f"1 of {len(DEFAULT)} done")
    expect(page.locator("#ck-tell_doctor")).to_be_checked()
    expect(page.locator("#nx-check_coverage")).to_be_focused()
    assert focus_visible(page)
    page.keyboard.press("Space")
    expect(page.locator("#nx-get_referral")).to_be_focused()
    expect(page.locator(PROGRESS)).to_have_text(f"2 of {len(DEFAULT)} done")
    # A group: its summary says what it holds and how much is done.
    before = page.locator('details[data-group="before"]')
    expect(page.locator("#fold-before")).to_have_text("Before you book 2 of 4 done")
    tab_to(page, "fold-before")
    assert focus_visible(page)
    expect(page.locator("#ck-tell_doctor")).to_be_hidden()
    page.keyboard.press("Enter")
    expect(before).to_have_attribute("open", "")
    assert saved_state(page)["open_groups"] == {"before": True}
    # The next stop is the group's first item, then its "Read more" link.
    page.keyboard.press("Tab")
    assert active_id(page) == "ck-tell_doctor"
    page.keyboard.press("Space")
    expect(page.locator("#ck-tell_doctor")).not_to_be_checked()
    expect(page.locator(PROGRESS)).to_have_text(f"1 of {len(DEFAULT)} done")
    expect(page.locator("#fold-before")).to_have_text("Before you book 1 of 4 done")
    assert next_things(page)[0] == "tell_doctor"
    assert active_id(page) == "ck-tell_doctor"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent").startswith("Read more: ")
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Shift+Tab")
    assert active_id(page) == "fold-before"
    page.keyboard.press("Enter")
    expect(before).not_to_have_attribute("open", "")
    assert saved_state(page)["open_groups"] == {}
    # A record's steps are one radio group: arrow keys pick the step.
    tab_to(page, "fold-records")
    page.keyboard.press("Space")
    tab_to(page, "st-clinical_summary-none")
    page.keyboard.press("ArrowRight")
    expect(page.locator("#st-clinical_summary-asked")).to_be_checked()
    assert active_id(page) == "st-clinical_summary-asked"
    assert focus_visible(page)
    reload(page)
    expect(page.locator('details[data-group="records"]')).to_have_attribute("open", "")
    expect(before).not_to_have_attribute("open", "")
    tab_to(page, "new-item")
    page.keyboard.type("Charge my phone")
    page.keyboard.press("Enter")
    expect(page.locator("label[for=ck-c1]")).to_have_text("Charge my phone")
    assert active_id(page) == "new-item"
    assert focus_visible(page)
    page.keyboard.press("Shift+Tab")
    assert active_id(page) == "rm-c1"
    page.keyboard.press("Shift+Tab")
    assert active_id(page) == "ck-c1"
    page.keyboard.press("Space")
    expect(page.locator(PROGRESS)).to_have_text(f"2 of {len(DEFAULT) + 1} done")
    tab_to(page, "sg-benefits")
    page.keyboard.press("Enter")
    expect_questions(page, ["What good can I expect from the treatment you suggest?"])
    assert active_id(page) == "new-question"
    assert focus_visible(page)


# ---- when Python or JavaScript is missing ------------------------------------


def test_works_without_javascript(make_context):
    """With JavaScript off: the whole blank checklist shows, with a note on why nothing ticks."""
    page = make_context(java_script_enabled=False).new_page()
    page.goto(PATH)
    # Text matching skips <noscript>, so the note is found by its place.
    note = page.locator("#checklist noscript .sog-notice")
    expect(note).to_be_visible()
    assert "Ticking items and saving them needs JavaScript, which is off." in note.inner_text()
    sheet = page.locator("#checklist #print-sheet")
    expect(sheet).to_be_visible()
    expect(sheet.locator(".sog-sheet-item")).to_have_count(len(ITEM_IDS))
    for item_id in ITEM_IDS:
        expect(sheet).to_contain_text(TEXT[item_id])
    expect(page.locator("#checklist-status")).to_be_hidden()
    expect(page.locator("#checklist button:visible, #checklist input:visible")).to_have_count(0)


# ---- the visit in the calendar ---------------------------------------------------


def calendar_events(path):
    """{kind: event} in a saved calendar file, read as a calendar app would (icalendar)."""
    parsed = Calendar.from_ical(path.read_bytes())
    return {str(event["UID"]).split("-")[0]: event for event in parsed.walk("VEVENT")}


def test_add_the_visit_to_my_calendar(page, tmp_path):
    """The date and time show in words as they are typed. "Add to my calendar"
    saves a file holding the visit and two reminders to check the records
    arrived (a week before, and the Friday before a Monday visit), then says
    on the page, in a status region, what the file is called, every event in
    it with its date in words, and to write them down if it does not open.
    A plain title keeps the doctor's name out of every title; the choice and
    the address are remembered."""
    calendar_words = ITEMS["words"]["calendar"]
    page.clock.set_fixed_time(datetime(2027, 2, 1, 10, 0))
    open_checklist(page)
    saved_region = page.locator("#calendar-saved")
    expect(saved_region).to_have_attribute("role", "status")
    expect(saved_region).to_be_empty()
    expect(page.locator("#appt-when")).to_have_text(calendar_words["no_date"])
    page.click("#add-calendar")
    expect(page.locator(NOTICE)).to_have_text(calendar_words["no_date"])
    expect(page.locator("#appt-date")).to_be_focused()
    page.fill("#appt-doctor", "Dr. Lee")
    page.fill("#appt-phone", "555-0100")
    page.fill("#appt-address", "12 Oak St, Springfield")
    page.fill("#appt-date", "2027-03-01")
    page.fill("#appt-time", "09:30")
    expect(page.locator("#appt-when")).to_have_text("Your visit: Monday, March 1, 2027, 9:30 AM.")
    with page.expect_download() as info:
        page.click("#add-calendar")
    download = info.value
    assert download.suggested_filename == calendar_words["file_name"]
    download.save_as(tmp_path / "full.ics")
    found = calendar_events(tmp_path / "full.ics")
    assert found["visit"].decoded("DTSTART") == datetime(2027, 3, 1, 9, 30)
    assert found["week"].decoded("DTSTART") == datetime(2027, 2, 22, 9, 0)
    assert found["day"].decoded("DTSTART") == datetime(2027, 2, 26, 9, 0)
    assert str(found["visit"]["SUMMARY"]) == "Second-opinion visit with Dr. Lee"
    assert str(found["visit"]["LOCATION"]) == "12 Oak St, Springfield"
    expect(saved_region).to_contain_text(f"A file called {calendar_words['file_name']} was saved on this device.")
    expect(saved_region.locator("li")).to_have_text([
        "Monday, February 22, 2027, 9:00 AM: Call Dr. Lee's office: are my records there?",
        "Friday, February 26, 2027, 9:00 AM: Call Dr. Lee's office: did my records arrive?",
        "Monday, March 1, 2027, 9:30 AM: Second-opinion visit with Dr. Lee",
    ])
    expect(saved_region).to_contain_text(calendar_words["write_down"])
    expect(page.locator("#add-calendar")).to_be_focused()

    page.check("#appt-plain")
    expect(saved_region).to_be_empty()
    with page.expect_download() as info:
        page.click("#add-calendar")
    info.value.save_as(tmp_path / "plain.ics")
    found = calendar_events(tmp_path / "plain.ics")
    assert {kind: str(event["SUMMARY"]) for kind, event in found.items()} == calendar_words["plain"]
    assert "LOCATION" not in found["visit"]
    expect(saved_region.locator("li").last).to_have_text("Monday, March 1, 2027, 9:30 AM: Doctor visit")
    reload(page)
    expect(page.locator("#appt-plain")).to_be_checked()
    expect(page.locator("#appt-address")).to_have_value("12 Oak St, Springfield")
    assert saved_state(page)["plain_title"] is True
