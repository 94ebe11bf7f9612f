"""Big text that never breaks (WCAG 2.2 1.4.4 Resize Text, 1.4.10 Reflow):
what the browser tests need to look at a page as a low-vision phone user does.

- larger_text(page, percent): the browser's own text size, as a visitor sets
  it. Chromium's default font size (Settings > Appearance > Font size, the
  DevTools Protocol's Page.setFontSizes) is what Chrome's text-size setting
  changes, and what its "text-scale" meta proposal carries an Android
  phone's system text size into. The guide sizes everything in rem and em
  from Material's percentage root size, and its breakpoints are in em, so the
  page sees exactly what such a visitor's browser gives it, with the screen
  still 360 px wide. (Zoom would not do: at 200% a 360 px phone is a 180 px
  page, below the 320 px WCAG asks for; 320 px at normal text is what a
  1280 px desktop at 400% zoom shows.) Nothing is put into the page, so the
  Content-Security-Policy holds.
- SAVED_WORK: long, realistic saved work for every widget (a screener result,
  a checklist with an appointment and a long item of the visitor's own, a
  filled letter and worksheet), put in localStorage by put_saved_work, which
  then loads the page again, so each widget page opens in its fullest state.
- open_folded(page): every <details> opened, as a visitor may.
- reflow_problems(page): what does not fit (reflow_check.js says what it
  looks for), one sentence each.
"""

import json
from pathlib import Path

from sog import storage
from sog.checklist import saved as checklist_saved
from sog.checklist import state as checklist_state
from sog.letter import saved as letter_saved
from sog.screener import rules
from sog.screener import saved as screener_saved
from sog.worksheet import saved as worksheet_saved
from sog.worksheet import sheet

from tests.e2e.site_pages import wait_ready
from tests.support import examples, letter_examples, worksheet_examples

REFLOW_CHECK = (Path(__file__).with_name("reflow_check.js")).read_text(encoding="utf-8")

# Chromium's own default sizes (px) for text and for fixed-width text.
DEFAULT_TEXT_PX = 16
DEFAULT_FIXED_PX = 13


def larger_text(page, percent, session=None):
    """Set this tab's text size, as the browser's font-size setting does; it
    holds for every page the tab opens next, and applies at once to the page
    that is open. (The DevTools session it opens keeps context.set_offline
    from reaching pages opened after it: navigator.onLine stays true. Go
    offline after the visit, or set the size after the offline page has
    opened.)"""
    session = session or page.context.new_cdp_session(page)
    session.send("Page.setFontSizes", {"fontSizes": {
        "standard": round(DEFAULT_TEXT_PX * percent / 100),
        "fixed": round(DEFAULT_FIXED_PX * percent / 100),
    }})


# The screens every page must fit. name: (width in CSS px, text size in %,
# a phone's touch screen?)
SIZES = {
    "320px": (320, 100, False),
    "360px-text-200pct": (360, 200, True),
}
SCREEN_HEIGHT = 740
# The transitions a new size starts (the menu sliding away) taken to their
# end at once, as a visitor sees the page a moment later; then the layout.
# Nothing here waits for a frame: a page resized this way may draw none
# until asked, and page.evaluate has no timeout.
SETTLED = """() => {
  document.getAnimations()
    .filter(a => a.effect && a.effect.getComputedTiming().endTime !== Infinity)
    .forEach(a => a.finish());
  return document.documentElement.getBoundingClientRect().width;
}"""
_sessions = {}
_touching = set()


def as_screen(page, size):
    """Make the open page look at itself as on one of SIZES, without reloading
    it: the viewport, the text size, and for a phone a mobile screen with
    touch, as a context made with is_mobile and has_touch has (the same
    DevTools calls Playwright makes for those options; applied after its own
    viewport, so they are the last word). The page lays itself out again as
    it does when a phone turns or a window is resized."""
    width, percent, phone = SIZES[size]
    page.set_viewport_size({"width": width, "height": SCREEN_HEIGHT})
    session = _sessions.get(page)
    if session is None:
        session = _sessions[page] = page.context.new_cdp_session(page)
        page.on("close", lambda closed: _sessions.pop(closed, None))
    session.send("Emulation.setDeviceMetricsOverride", {
        "width": width, "height": SCREEN_HEIGHT, "deviceScaleFactor": 1, "mobile": phone,
        "screenWidth": width, "screenHeight": SCREEN_HEIGHT,
    })
    if phone or session in _touching:
        session.send("Emulation.setTouchEmulationEnabled", {"enabled": phone, "maxTouchPoints": 1})
        _touching.add(session) if phone else _touching.discard(session)
    larger_text(page, percent, session)
    page.evaluate(SETTLED)


# A long item of the visitor's own, and an appointment typed in full.
OWN_ITEM = ("Call Dr. Natarajan's office at Dana-Farber to ask whether they got my pathology slides "
            "and the CD of my CT scans from Baystate")
APPOINTMENT = {
    "doctor": "Dr. Priya Natarajan, Dana-Farber Cancer Institute",
    "phone": "(617) 555-0188",
    "date": "2027-04-12",
    "time": "10:30",
    "companion": "My daughter, Elizabeth Oyelaran-Fitzgerald",
}


def _saved(module, data):
    return json.dumps(storage.wrap(module.KIND, module.VERSION, data, 1))


def _longest_screener_answers():
    """Yes to every question but the emergency one (Original Medicare): the
    result with every reason and note."""
    answers = {question["id"]: "yes" for question in rules.load()["questions"]}
    answers.update(emergency="no", medicare="original")
    return answers


def saved_work():
    """{storage key: saved text} for every widget, made through each widget's
    own changes."""
    data = examples.checklist_data()
    checklist = checklist_state.add_custom(examples.filled_checklist(data), OWN_ITEM)
    for field, value in APPOINTMENT.items():
        checklist = checklist_state.set_appointment(checklist, field, value)
    return {
        storage.storage_key(screener_saved.KIND): _saved(
            screener_saved, screener_saved.to_saved(_longest_screener_answers(), True)),
        storage.storage_key(checklist_saved.KIND): _saved(checklist_saved, checklist),
        storage.storage_key(letter_saved.KIND): _saved(letter_saved, letter_examples.filled_letter(data)),
        storage.storage_key(worksheet_saved.KIND): _saved(
            worksheet_saved, worksheet_examples.filled_worksheet(sheet.load())),
    }


# An init script: runs in every page before the page's own scripts.
SAVED_WORK = (
    "(() => { const saved = %s; for (const key in saved) localStorage.setItem(key, saved[key]); })();"
    % json.dumps(saved_work())
)


def put_saved_work(page, widget):
    """A widget page in its fullest state: SAVED_WORK put in, the page
    loaded again and its widget started (a page without a widget reads no
    saved work, so it is left as it is)."""
    if widget:
        page.evaluate(SAVED_WORK)
        page.reload()
        wait_ready(page, widget)


def open_folded(page):
    page.evaluate("document.querySelectorAll('details:not([open])').forEach(d => { d.open = true; })")


def reflow_problems(page):
    return page.evaluate(REFLOW_CHECK)
