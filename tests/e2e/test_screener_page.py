"""The screener page in real Chromium, against the built site (MicroPython).

Titles, words and counts come from the screener's data (questions.json, with
its figures filled in, as the page has them), never written out here.
"""

import json
import re

from playwright.sync_api import expect
from sog import figures, storage
from sog.screener import render, rules

from tests.e2e.checklist_data import set_saved
from tests.e2e.site_pages import TEXT_911, HeldRuntime, open_widget, storage_key, wait_ready
from tests.support.screener_cases import calm

PATH = "/screener/"
KEY = storage_key("screener")
RESULT = "#screener-result"
NOTICE = "#screener-notice"
DATA = rules.load()
WORDS = DATA["words"]
QUESTIONS = len(DATA["questions"])
URGENT_BANNERS = ".sog-urgent"


def title_of(level_id):
    return "Your result: " + rules.find_level(DATA, level_id)["title"]


def envelope(answers, version=3, show_result=False):
    """The screener's saved text, as a page of that format saved it."""
    return json.dumps({"app": "second-opinion-guide", "kind": "screener", "version": version, "saved_at": 1,
                       "data": {"answers": answers, "show_result": show_result}})


def answer(page, **answers):
    for question, value in answers.items():
        page.check(f"#q-{question}-{value}")


def start_over(page):
    """Start over, and say yes: every answer cleared."""
    page.get_by_role("button", name="Start over").click()
    page.get_by_role("button", name=WORDS["reset_yes"]).click()


def show_result(page):
    page.get_by_role("button", name="Show my result").click()
    return page.locator(RESULT)


def test_answers_given_before_python_starts_are_kept(page):
    """The questions are on the page before Python runs: answers given then
    win over saved ones once it starts, and are saved; the buttons show only
    once Python is ready."""
    set_saved(page, {KEY: envelope({"medicare": "no", "trust_doctor": "no"})})
    held = HeldRuntime(page)
    page.goto(PATH)
    expect(page.get_by_role("button", name="Show my result")).to_be_hidden()
    answer(page, major_treatment="yes", medicare="yes")
    expect(page.locator('[data-widget="screener"]')).not_to_have_attribute("data-state", "ready")
    held.release()
    wait_ready(page, "screener")
    expect(page.get_by_role("button", name="Show my result")).to_be_visible()
    # Saved without a result shown: none shows.
    expect(page.locator(RESULT)).to_be_empty()
    for question, value in {"major_treatment": "yes", "medicare": "yes", "trust_doctor": "no"}.items():
        expect(page.locator(f"#q-{question}-{value}")).to_be_checked()
    saved = json.loads(page.evaluate(f"localStorage.getItem('{KEY}')"))
    assert saved["data"]["answers"] == {"major_treatment": "yes", "medicare": "yes", "trust_doctor": "no"}


def test_live_region_big_targets_a_result_with_reasons_each_level_and_too_few_answers(page):
    """One started page, "Start over" between sets of answers. The result
    container is a polite live region, present before any result; every
    answer choice is at least 24 by 24 CSS pixels (WCAG 2.2 target size).
    Surgery on Medicare: worth seeking, the reasons given, and the Part B
    note. Each plain level is reachable. Nothing answered, or only No to the
    emergency question: no verdict, a plea for the questions that could
    change it (links to them), and the result follows as they are answered."""
    open_widget(page, PATH, "screener")
    expect(page.locator(RESULT)).to_have_attribute("aria-live", "polite")
    sizes = page.eval_on_selector_all(".sog-choice", "els => els.map(e => [e.offsetWidth, e.offsetHeight])")
    assert sizes and all(w >= 24 and h >= 24 for w, h in sizes)
    answer(page, emergency="no", no_diagnosis="yes", major_treatment="yes", medicare="original",
           time_for_questions="no")
    result = show_result(page)
    expect(result.get_by_role("heading", level=2)).to_have_text(title_of("worth_seeking"))
    reasons = result.locator(f"details:has(> summary:text-is('{WORDS['why']}')) li")
    expect(reasons).to_have_count(3)
    expect(reasons.first).to_contain_text("no one has found a clear cause")
    expect(reasons.last).to_contain_text("rushed")
    expect(result).to_contain_text("Original Medicare")
    deductible = figures.load()["part_b_deductible"]
    expect(result).to_contain_text(f"{deductible['text']} in {deductible['year']}")
    expect(result).to_contain_text("not medical advice")
    # Is it safe to wait? comes with the top result.
    expect(result.locator("strong", has_text="Is it safe to wait?")).to_be_visible()
    expect(result).to_contain_text("how long you can safely wait")
    # Focus moves to the result so keyboard and screen reader users land on it.
    expect(page.locator("#screener-result-title")).to_be_focused()
    # Next steps are real links into the guide, each named by where it goes.
    expect(result.get_by_role("link", name="Read more: Insurance and costs").first).to_have_attribute(
        "href", "../insurance-and-costs/"
    )
    expect(result.get_by_role("link", name="Read more", exact=True)).to_have_count(0)
    start_over(page)
    expect(page.locator("input[type=radio]:checked")).to_have_count(0)
    # Each level.
    for name, answers, level in LEVELS:
        answer(page, **answers)
        expect(show_result(page).locator("h2"), name).to_have_text(title_of(level))
        start_over(page)
        expect(page.locator("input[type=radio]:checked")).to_have_count(0)
    # Too few answers (every answer cleared by the last "Start over").
    result = show_result(page)
    raising = list(calm())
    expect(result.locator("h2")).not_to_have_text(re.compile("Probably not needed"))
    expect(result.locator("h2")).to_have_text(WORDS["no_verdict_title"])
    expect(page.locator("#screener-result-title")).to_be_focused()
    missing = result.locator(".sog-missing a")
    expect(missing).to_have_count(len(raising))
    for level in DATA["levels"]:
        expect(result).not_to_contain_text(level["title"])
    expect(result).to_contain_text(TEXT_911)
    answer(page, emergency="no")
    expect(missing).to_have_count(len(raising) - 1)
    expect(result.locator("h2")).to_have_text(WORDS["no_verdict_title"])
    # A link takes the visitor to the question.
    missing.first.click()
    expect(page).to_have_url(re.compile("#q-" + raising[1] + "$"))
    # Every question that could raise the level answered calmly: now a calm result.
    answer(page, **calm())
    expect(result.locator("h2")).to_have_text(title_of("not_needed_now"))
    # One Yes gives a verdict at once, blanks or not.
    start_over(page)
    answer(page, side_effects="yes")
    expect(show_result(page).locator("h2")).to_have_text(title_of("could_help"))


# A set of answers for each plain level.
LEVELS = [
    ("all-calm", calm(), "not_needed_now"),
    ("side-effects", {"no_diagnosis": "no", "side_effects": "yes"}, "could_help"),
    ("not-sure", {"serious_illness": "not_sure"}, "could_help"),
    ("biopsy", {"biopsy": "yes"}, "could_help"),
    ("doctor-suggested", {"doctor_suggested": "yes"}, "worth_seeking"),
    ("trust-no", {"trust_doctor": "no"}, "worth_seeking"),
]


def test_on_a_phone_the_result_comes_first_and_not_sure_about_an_emergency_is_urgent(make_context):
    """Issues 14 and 15, on a 360 px phone, one started page. Someone getting
    worse, with question 1 blank, taps "Show my result": the page scrolls so
    the result's top (the prompt to answer question 1 first) is in view below
    the site's header, and focus lands on the heading; the first line says to
    call the doctor today, before anything about second opinions; "Why" and
    "Good to know" are folded; the guide to every result below is folded
    while the widget runs, and prints whole, at 12 pt. Then, after "Start
    over": Not sure to "Is this an emergency?" shows the urgent banner at
    once, before any other question, the result is urgent and puts 911
    first, and nothing needs scrolling sideways to be read. Yes shows its own
    911 warning at once, and its result says to call 911 now and nothing
    about booking a visit; No hides both warnings. (The emergency answer had
    a start of its own on a desktop window: the same page and words.)"""
    page = make_context(viewport={"width": 360, "height": 740}).new_page()
    open_widget(page, PATH, "screener")
    answer(page, getting_worse="yes", cancer="yes", medicare="original", major_treatment="yes")
    result = show_result(page)
    title = page.locator("#" + render.TITLE_ID)
    expect(title).to_be_focused()
    expect(title).to_have_text(title_of("call_doctor_today"))
    header = page.locator(".md-header").bounding_box()
    top = result.bounding_box()["y"]
    assert header["y"] + header["height"] - 1 <= top < 740 / 3, (header, top)
    assert title.bounding_box()["y"] + title.bounding_box()["height"] <= 740
    # Question 1 blank: asked first, above the result, with a link to it.
    ask_first = page.locator("#" + render.ASK_FIRST_ID)
    expect(ask_first).to_be_visible()
    expect(ask_first).to_contain_text(WORDS["ask_first"].replace("{n}", "1"))
    expect(title).to_have_attribute("aria-describedby", render.ASK_FIRST_ID)
    # The first line: call the doctor today, keep to the treatment.
    summary = result.locator(".sog-result-summary")
    expect(summary).to_contain_text("call the doctor who is treating you today")
    expect(summary).not_to_contain_text("second opinion")
    assert ask_first.bounding_box()["y"] < title.bounding_box()["y"] < summary.bounding_box()["y"]
    # At most three steps, one button; the rest folded, a tap away.
    expect(result.locator("ol.sog-steps > li")).to_have_count(3)
    expect(result.get_by_role("link", name=WORDS["open_checklist"])).to_have_attribute("href", "../checklist/")
    reasons = result.locator(f"details:has(> summary:text-is('{WORDS['why']}')) li")
    expect(reasons.first).to_be_hidden()
    result.locator("summary", has_text=WORDS["why"]).focus()
    page.keyboard.press("Enter")
    expect(reasons.first).to_be_visible()
    expect(result.locator(".sog-safety")).to_contain_text(WORDS["safety"])
    expect(result).not_to_contain_text("not a must")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    # The guide below is folded while the live result is there.
    guide = page.locator("#" + render.GUIDE_ID)
    expect(guide).not_to_have_attribute("open", "")
    expect(guide.locator("summary")).to_have_text(WORDS["guide_summary"])
    expect(guide.locator("#rule-blank")).to_be_hidden()
    # On paper it shows in full (print.css), at 12 pt, hints at 11 pt at least.
    page.emulate_media(media="print")
    expect(guide.locator("#rule-blank")).to_be_visible()
    expect(reasons.first).to_be_visible()
    sizes = page.evaluate("""() => [...document.querySelectorAll(
        '#screener legend, #screener-result li, #screener-guide li, #screener .sog-hint, #screener .sog-small'
      )].map(e => [e.matches('.sog-hint, .sog-small'), parseFloat(getComputedStyle(e).fontSize) * 0.75])""")
    assert sizes and all(points >= (11 if small else 12) - 0.01 for small, points in sizes), sizes
    # The link in the prompt takes the visitor to question 1.
    page.emulate_media(media="screen")
    ask_first.get_by_role("link").click()
    expect(page).to_have_url(re.compile("#q-emergency$"))
    start_over(page)
    expect(page.locator("input[type=radio]:checked")).to_have_count(0)
    visible_banners = page.locator(URGENT_BANNERS + ":visible")
    expect(visible_banners).to_have_count(0)
    answer(page, emergency="not_sure")
    expect(visible_banners).to_have_count(1)
    level = DATA["questions"][0]["leads_to"]["not_sure"]
    banner = page.locator("#" + render.urgent_id(level))
    expect(banner).to_be_visible()
    expect(banner).to_have_attribute("role", "alert")
    expect(banner).to_contain_text(TEXT_911)
    within_width(page, banner)
    # Answers that would point to a second opinion change nothing: care comes first.
    answer(page, no_diagnosis="yes", biopsy="yes")
    result = show_result(page)
    expect(result.locator("h2")).to_have_text(title_of(level))
    box = result.locator(".sog-result-urgent")
    expect(box).to_be_visible()
    summary = box.locator("p").first
    expect(summary).to_contain_text(TEXT_911)
    within_width(page, summary)
    expect(result.get_by_role("link")).to_have_count(0)
    expect(result).not_to_contain_text(WORDS["good_to_know"])
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    # Yes is urgent too, with its own banner; No hides them both.
    answer(page, emergency="yes")
    expect(result.locator("h2")).to_have_text(title_of("emergency"))
    expect(result).to_contain_text(TEXT_911)
    expect(result).to_contain_text("Do not wait for a second opinion")
    expect(result.get_by_role("link")).to_have_count(0)
    expect(page.locator(URGENT_BANNERS + ":visible")).to_have_count(1)
    expect(banner).to_be_hidden()
    urgent = page.locator("#" + render.urgent_id(rules.urgent_level(DATA, {"emergency": "yes"})))
    expect(urgent).to_be_visible()
    expect(urgent).to_have_attribute("role", "alert")
    expect(urgent).to_contain_text(TEXT_911)
    answer(page, emergency="no")
    expect(page.locator(URGENT_BANNERS + ":visible")).to_have_count(0)
    expect(result.locator("h2")).to_have_text(title_of("worth_seeking"))


def within_width(page, locator):
    """The element's box lies inside the viewport's width: no sideways scroll to read it."""
    box = locator.bounding_box()
    width = page.viewport_size["width"]
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= width, (box, width)


def test_answers_are_saved_a_reload_restores_them_and_the_result_and_start_over_asks_first(page):
    """Just picking answers saves them (no button press needed); answers and
    a shown result come back after a reload (saved answers with no result
    shown bring none: test_answers_given_before_python_starts_are_kept).
    Issue 15, 10: Start over only asks, in the page, what it would clear; No
    keeps every answer; Yes unchecks every answer, removes the result and the
    saved data (so a reload starts blank), and says what it cleared. Nothing
    is lost in one tap."""
    open_widget(page, PATH, "screener")
    answer(page, conflicting_advice="yes")
    saved = json.loads(page.evaluate(f"localStorage.getItem('{KEY}')"))
    assert saved["data"] == {"answers": {"conflicting_advice": "yes"}, "show_result": False}
    answer(page, treatment_helping="no", older_adult="yes")
    show_result(page)
    page.reload()
    wait_ready(page, "screener")
    expect(page.locator("#q-conflicting_advice-yes")).to_be_checked()
    expect(page.locator("#q-treatment_helping-no")).to_be_checked()
    expect(page.locator("#q-older_adult-yes")).to_be_checked()
    expect(page.locator(RESULT)).to_contain_text("worth seeking")
    expect(page.locator(RESULT)).to_contain_text("geriatrician")
    # Start over.
    page.get_by_role("button", name="Start over").click()
    confirm = page.get_by_role("group", name=WORDS["reset_question"])
    expect(confirm).to_contain_text(WORDS["reset_warning"])
    expect(page.get_by_role("button", name=WORDS["reset_no"])).to_be_focused()
    expect(page.locator("#q-older_adult-yes")).to_be_checked()
    page.keyboard.press("Enter")
    expect(confirm).to_have_count(0)
    expect(page.get_by_role("button", name="Start over")).to_be_focused()
    expect(page.locator("#q-older_adult-yes")).to_be_checked()
    expect(page.locator(RESULT)).not_to_be_empty()
    start_over(page)
    expect(page.locator("input[type=radio]:checked")).to_have_count(0)
    expect(page.locator(RESULT)).to_be_empty()
    expect(page.locator(NOTICE)).to_have_text(WORDS["cleared"])
    expect(page.get_by_role("button", name="Start over")).to_be_visible()
    assert page.evaluate(f"localStorage.getItem('{KEY}')") is None


def _preload(page, text):
    """Put raw text under the screener's key before the widget starts (set on
    a page without a widget, so Python starts once)."""
    set_saved(page, {KEY: text})
    open_widget(page, PATH, "screener")

def test_old_saved_answers_are_brought_up_to_date_and_the_changed_ones_asked_again(page):
    """Answers saved by the first version of the questions: those that still
    mean the same come back (an old Medicare "yes" as "Yes, but not sure
    which kind"); those whose questions changed come back where certain, and
    the page says plainly which questions to answer again, each a link, and
    forgets each once it is answered."""
    old = {"medicare": "yes", "major_treatment": "yes", "not_improving": "no", "biopsy_or_cancer": "no"}
    _preload(page, envelope(old, version=1, show_result=True))
    for question, value in {"medicare": "yes", "major_treatment": "yes", "biopsy": "no", "cancer": "no"}.items():
        expect(page.locator(f"#q-{question}-{value}")).to_be_checked()
    medicare = [q for q in DATA["questions"] if q["id"] == "medicare"][0]
    label = [a["label"] for a in medicare["answers"] if a["value"] == "yes"][0]
    expect(page.locator("label[for=q-medicare-yes]")).to_have_text(label)
    notice = page.locator(NOTICE)
    expect(notice).to_contain_text(storage.message_for(storage.MIGRATED))
    expect(notice).to_contain_text(WORDS["ask_again"])
    asked = notice.get_by_role("link")
    expect(asked).to_have_count(2)
    expect(asked.first).to_have_attribute("href", "#q-getting_worse")
    expect(asked.last).to_have_attribute("href", "#q-treatment_helping")
    expect(page.locator(RESULT)).to_contain_text("Original Medicare")
    expect(page.locator(RESULT)).to_contain_text("Medicare Advantage")
    answer(page, getting_worse="no")
    expect(asked).to_have_count(1)
    saved = json.loads(page.evaluate(f"localStorage.getItem('{KEY}')"))
    assert saved["version"] == 3 and saved["data"]["ask_again"] == ["treatment_helping"]


def test_saved_answers_that_no_longer_fit_are_dropped_and_said(page):
    """Unknown questions or answers in saved data are left out; the rest is kept."""
    saved = {
        "app": "second-opinion-guide",
        "kind": "screener",
        "version": 3,
        "saved_at": 1,
        "data": {"answers": {"no_diagnosis": "yes", "gone_question": "yes", "medicare": "maybe"}, "show_result": False},
    }
    _preload(page, json.dumps(saved))
    expect(page.locator("#q-no_diagnosis-yes")).to_be_checked()
    expect(page.locator(NOTICE)).to_contain_text("left them out")


def test_works_without_javascript(make_context):
    """With JavaScript off: every question and the plain guide show, the
    guide open and in full, no dead buttons."""
    page = make_context(java_script_enabled=False).new_page()
    page.goto(PATH)
    expect(page.locator("fieldset legend")).to_have_count(QUESTIONS)
    expect(page.locator("#screener-guide")).to_have_attribute("open", "")
    expect(page.locator("#screener-guide")).to_contain_text("A second opinion is worth seeking")
    expect(page.locator("#screener-guide")).to_contain_text(TEXT_911)
    expect(page.locator("#rule-blank")).to_be_visible()
    expect(page.locator("#screener-guide .sog-safety")).to_be_visible()
    expect(page.get_by_role("button", name="Show my result")).to_be_hidden()
    expect(page.locator("#screener-status")).to_be_hidden()
    expect(page.locator("#screener noscript")).to_have_count(1)


def test_a_link_from_another_page_starts_it_and_the_keyboard_alone_answers_and_shows_the_result(page):
    """Following a link from another page starts the widget (no instant
    loading); then Tab, arrow keys, space and Enter are enough to answer and
    see the result. (One start: the link test was a start of its own.)"""
    page.goto("/")
    page.locator("article a[href$='screener/']").first.click()
    wait_ready(page, "screener")
    expect(page).to_have_url(re.compile(r"/screener/$"))
    page.locator("#q-emergency-yes").focus()
    # Arrow keys move within a radio group and select; Tab moves to the next group.
    page.keyboard.press("ArrowRight")
    expect(page.locator("#q-emergency-no")).to_be_checked()
    page.keyboard.press("Tab")
    page.keyboard.press("Space")
    expect(page.locator("#q-getting_worse-yes")).to_be_checked()
    # Tab through the remaining groups to the button.
    for _ in range(QUESTIONS + 5):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent") == "Show my result":
            break
    page.keyboard.press("Enter")
    expect(page.locator("#screener-result-title")).to_be_focused()
    expect(page.locator("#screener-result-title")).to_have_text(title_of("call_doctor_today"))
