"""The screener page in real Chromium, against the built site (MicroPython)."""

import json
import re

import pytest
from playwright.sync_api import expect

from tests.e2e.site_pages import TEXT_911, HeldRuntime, open_widget, storage_key, wait_ready

PATH = "/screener/"
KEY = storage_key("screener")
RESULT = "#screener-result"
NOTICE = "#screener-notice"


def answer(page, **answers):
    for question, value in answers.items():
        page.check(f"#q-{question}-{value}")


def show_result(page):
    page.get_by_role("button", name="Show my result").click()
    return page.locator(RESULT)


def test_widget_boots(page):
    """Python starts quietly and the buttons appear."""
    open_widget(page, PATH, "screener")
    expect(page.locator("#screener-status")).to_be_hidden()
    expect(page.get_by_role("button", name="Show my result")).to_be_visible()
    expect(page.get_by_role("button", name="Start over")).to_be_visible()


def test_answers_given_before_python_starts_are_kept(page):
    """The questions are on the page before Python runs: answers given then
    win over saved ones once it starts, and are saved; the buttons show only
    once Python is ready."""
    page.goto(PATH)
    page.evaluate("([key, text]) => localStorage.setItem(key, text)", [KEY, json.dumps({
        "app": "second-opinion-guide", "kind": "screener", "version": 1, "saved_at": 1,
        "data": {"answers": {"medicare": "no", "rushed_visit": "yes"}, "show_result": False}})])
    held = HeldRuntime(page)
    page.reload()
    expect(page.get_by_role("button", name="Show my result")).to_be_hidden()
    answer(page, major_treatment="yes", medicare="yes")
    expect(page.locator('[data-widget="screener"]')).not_to_have_attribute("data-state", "ready")
    held.release()
    wait_ready(page, "screener")
    expect(page.get_by_role("button", name="Show my result")).to_be_visible()
    for question, value in {"major_treatment": "yes", "medicare": "yes", "rushed_visit": "yes"}.items():
        expect(page.locator(f"#q-{question}-{value}")).to_be_checked()
    saved = json.loads(page.evaluate(f"localStorage.getItem('{KEY}')"))
    assert saved["data"]["answers"] == {"major_treatment": "yes", "medicare": "yes", "rushed_visit": "yes"}


def test_answers_give_result_with_reasons(page):
    """Surgery on Medicare: worth seeking, the reasons given, and the Part B note."""
    open_widget(page, PATH, "screener")
    answer(page, emergency="no", no_diagnosis="yes", major_treatment="yes", medicare="yes", rushed_visit="yes")
    result = show_result(page)
    expect(result.get_by_role("heading", level=2)).to_have_text(
        "Your result: A second opinion is worth seeking"
    )
    reasons = result.locator("h3:has-text('Why') + ul li")
    expect(reasons).to_have_count(3)
    expect(reasons.first).to_contain_text("no one has found a clear cause")
    expect(reasons.last).to_contain_text("rushed")
    expect(result).to_contain_text("Medicare Part B")
    expect(result).to_contain_text("$283 in 2026")
    expect(result).to_contain_text("not medical advice")
    # Focus moves to the result so keyboard and screen reader users land on it.
    expect(page.locator("#screener-result-title")).to_be_focused()
    # Next steps are real links into the guide.
    expect(result.get_by_role("link", name="Check what your insurance covers")).to_have_attribute(
        "href", "../insurance-and-costs/"
    )


def test_result_is_in_a_live_region(page):
    """The result container is a polite live region, present before any result."""
    open_widget(page, PATH, "screener")
    expect(page.locator(RESULT)).to_have_attribute("aria-live", "polite")


@pytest.mark.parametrize(
    "answers, title",
    [
        ({}, "Probably not needed right now"),
        ({"no_diagnosis": "no", "side_effects": "yes"}, "A second opinion could help"),
        ({"serious_illness": "not_sure"}, "A second opinion could help"),
        ({"doctor_suggested": "yes"}, "A second opinion is worth seeking"),
    ],
    ids=["nothing", "side-effects", "not-sure", "doctor-suggested"],
)
def test_each_level(page, answers, title):
    """Each plain level is reachable in the browser."""
    open_widget(page, PATH, "screener")
    answer(page, **answers)
    expect(show_result(page).locator("h2")).to_have_text("Your result: " + title)


def test_emergency_path(page):
    """An emergency says to call 911 now, and nothing about booking a visit."""
    open_widget(page, PATH, "screener")
    answer(page, emergency="yes", major_treatment="yes")
    result = show_result(page)
    expect(result.locator("h2")).to_have_text("Your result: Get urgent care now")
    expect(result).to_contain_text(TEXT_911)
    expect(result).to_contain_text("Do not wait for a second opinion")
    expect(result.get_by_role("link")).to_have_count(0)


def test_emergency_answer_warns_at_once(page):
    """Saying it is an emergency shows the 911 message right away, before any other question."""
    open_widget(page, PATH, "screener")
    urgent = page.locator("#screener-urgent")
    expect(urgent).to_be_hidden()
    answer(page, emergency="yes")
    expect(urgent).to_be_visible()
    expect(urgent).to_have_attribute("role", "alert")
    expect(urgent).to_contain_text(TEXT_911)
    answer(page, emergency="no")
    expect(urgent).to_be_hidden()


def test_reload_restores_answers_and_result(page):
    """Answers and a shown result come back after a reload."""
    open_widget(page, PATH, "screener")
    answer(page, not_improving="yes", older_adult="yes")
    show_result(page)
    page.reload()
    wait_ready(page, "screener")
    expect(page.locator("#q-not_improving-yes")).to_be_checked()
    expect(page.locator("#q-older_adult-yes")).to_be_checked()
    expect(page.locator(RESULT)).to_contain_text("worth seeking")
    expect(page.locator(RESULT)).to_contain_text("geriatrician")


def test_answers_saved_without_showing_result(page):
    """Just picking answers saves them; no button press is needed."""
    open_widget(page, PATH, "screener")
    answer(page, conflicting_advice="yes")
    page.reload()
    wait_ready(page, "screener")
    expect(page.locator("#q-conflicting_advice-yes")).to_be_checked()
    expect(page.locator(RESULT)).to_be_empty()


def test_start_over_clears_everything(page):
    """Start over unchecks every answer, removes the result and the saved data."""
    open_widget(page, PATH, "screener")
    answer(page, no_diagnosis="yes")
    show_result(page)
    page.get_by_role("button", name="Start over").click()
    expect(page.locator("input[type=radio]:checked")).to_have_count(0)
    expect(page.locator(RESULT)).to_be_empty()
    expect(page.locator(NOTICE)).to_have_text("Your answers were cleared.")
    assert page.evaluate(f"localStorage.getItem('{KEY}')") is None
    page.reload()
    wait_ready(page, "screener")
    expect(page.locator("input[type=radio]:checked")).to_have_count(0)


def _preload(page, text):
    """Put raw text under the screener's key before the widget starts."""
    page.goto(PATH)
    page.evaluate("([key, text]) => localStorage.setItem(key, text)", [KEY, text])
    page.reload()
    wait_ready(page, "screener")


@pytest.mark.parametrize(
    "saved, message",
    [
        ("{not json", "could not read"),
        (json.dumps({"app": "second-opinion-guide", "kind": "screener", "version": 0, "data": {}}), "older version"),
        (json.dumps({"app": "second-opinion-guide", "kind": "screener", "version": 99, "data": {}}), "newer version"),
        ("x" * 300000, "too large"),
    ],
    ids=["corrupt", "old", "newer", "too-large"],
)
def test_bad_saved_data_starts_fresh_and_says_so(page, saved, message):
    """Bad saved data never breaks the page: it starts fresh, says so, keeps a copy."""
    _preload(page, saved)
    expect(page.locator(NOTICE)).to_contain_text(message)
    expect(page.locator("input[type=radio]:checked")).to_have_count(0)
    kept = page.evaluate(f"localStorage.getItem('{KEY}:unreadable')")
    assert kept and kept[:20] == saved[:20]
    # And the widget still works.
    answer(page, no_diagnosis="yes")
    expect(show_result(page).locator("h2")).to_contain_text("worth seeking")


def test_saved_answers_that_no_longer_fit_are_dropped_and_said(page):
    """Unknown questions or answers in saved data are left out; the rest is kept."""
    saved = {
        "app": "second-opinion-guide",
        "kind": "screener",
        "version": 1,
        "saved_at": 1,
        "data": {"answers": {"no_diagnosis": "yes", "gone_question": "yes", "medicare": "maybe"}, "show_result": False},
    }
    _preload(page, json.dumps(saved))
    expect(page.locator("#q-no_diagnosis-yes")).to_be_checked()
    expect(page.locator(NOTICE)).to_contain_text("left them out")


BLOCK_STORAGE = """
Object.defineProperty(window, 'localStorage', {
  configurable: true,
  get() { throw new DOMException('The operation is insecure.', 'SecurityError'); }
});
"""


def test_blocked_storage_still_works_and_says_it_cannot_remember(page):
    """With storage blocked the screener works and says it cannot remember."""
    page.add_init_script(BLOCK_STORAGE)
    open_widget(page, PATH, "screener")
    expect(page.locator(NOTICE)).to_contain_text("not letting this page save")
    answer(page, serious_illness="yes")
    expect(show_result(page).locator("h2")).to_contain_text("worth seeking")


@pytest.mark.parametrize("blocked", ["**/micropython.wasm", "**/micropython.mjs", "**/core.js", "**/rules.py"])
def test_runtime_blocked_shows_fallback(page, blocked):
    """If a runtime file cannot load, the page says so and points to the plain version."""
    page.route(blocked, lambda route: route.abort())
    page.goto(PATH)
    status = page.locator("#screener-status")
    expect(status).to_contain_text("could not start", timeout=8000)
    expect(status.get_by_role("link")).to_have_attribute("href", "#screener-guide")
    # The plain version is all there.
    expect(page.locator("#screener-guide")).to_be_visible()
    expect(page.locator("fieldset")).to_have_count(14)
    expect(page.get_by_role("button", name="Show my result")).to_be_hidden()


def test_works_without_javascript(make_context):
    """With JavaScript off: every question and the plain guide show, no dead buttons."""
    page = make_context(java_script_enabled=False).new_page()
    page.goto(PATH)
    expect(page.locator("fieldset legend")).to_have_count(14)
    expect(page.locator("#screener-guide")).to_contain_text("A second opinion is worth seeking")
    expect(page.locator("#screener-guide")).to_contain_text(TEXT_911)
    expect(page.get_by_role("button", name="Show my result")).to_be_hidden()
    expect(page.locator("#screener-status")).to_be_hidden()
    expect(page.locator("#screener noscript")).to_have_count(1)


def test_keyboard_only(page):
    """Tab, arrow keys, space and Enter are enough to answer and see the result."""
    open_widget(page, PATH, "screener")
    page.locator("#q-emergency-yes").focus()
    # Arrow keys move within a radio group and select; Tab moves to the next group.
    page.keyboard.press("ArrowRight")
    expect(page.locator("#q-emergency-no")).to_be_checked()
    page.keyboard.press("Tab")
    page.keyboard.press("Space")
    expect(page.locator("#q-no_diagnosis-yes")).to_be_checked()
    # Tab through the remaining groups to the button.
    for _ in range(20):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent") == "Show my result":
            break
    page.keyboard.press("Enter")
    expect(page.locator("#screener-result-title")).to_be_focused()
    expect(page.locator("#screener-result-title")).to_contain_text("worth seeking")


def test_in_site_navigation_starts_widget(page):
    """Following a link from another page starts the widget (no instant loading)."""
    page.goto("/")
    page.locator("article a[href$='screener/']").first.click()
    wait_ready(page, "screener")
    expect(page).to_have_url(re.compile(r"/screener/$"))


def test_targets_are_big_enough(page):
    """Every answer choice is at least 24 by 24 CSS pixels (WCAG 2.2 target size)."""
    open_widget(page, PATH, "screener")
    sizes = page.eval_on_selector_all(
        ".sog-choice", "els => els.map(e => [e.offsetWidth, e.offsetHeight])"
    )
    assert sizes and all(w >= 24 and h >= 24 for w, h in sizes)


def test_phone_width_has_no_sideways_scroll(make_context):
    """On a 360 px wide phone the page fits without scrolling sideways."""
    page = make_context(viewport={"width": 360, "height": 740}).new_page()
    open_widget(page, PATH, "screener")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
