"""axe-core finds no violations, light or dark, the theme's parts included:
every rule axe runs by default (WCAG 2.2 A/AA and its best practices, such as
a name for every dialog), none left out.

axe-core comes from the npm packages (package.json), so this runs offline.
Every page is checked once its widget has started, in test_page_visits.py
(one visit per page, both colour schemes). Here: the markup that only exists
after the visitor acts: the screener with a result showing, the checklist
with every kind of element it can draw, the theme's search panel and its
menu on a phone. Each is checked in light and then in dark in one visit:
the theme's own palette switch, as a visitor's toggle does, with the
browser's colour scheme set to dark too.
"""

import json
from pathlib import Path

from playwright.sync_api import expect

from tests.e2e.checklist_data import CHECKLIST_KEY, SCREENER_KEY, checklist_text, screener_text, set_saved
from tests.e2e.site_pages import open_widget, wait_for_animations

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
# Material's palette: one radio input per colour scheme (mkdocs.yml, theme.palette).
DARK_PALETTE = "#__palette_1"


def axe_violations(page):
    """axe's findings once the theme's transitions have ended (half faded in,
    a search result or "Back to top" reads as low contrast)."""
    wait_for_animations(page)
    if not page.evaluate("typeof axe !== 'undefined'"):
        # Evaluated rather than added as a <script>: the page's policy rightly
        # blocks an inline script that has no hash.
        page.evaluate(AXE.read_text(encoding="utf-8"))
    # Every rule runs; only violations are gathered in full (axe's advice for
    # speed on large pages: it leaves out the details of what passed).
    result = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
    return [
        {
            "id": violation["id"],
            "help": violation["help"],
            "targets": [node["target"] for node in violation["nodes"]][:5],
        }
        for violation in result["violations"]
    ]


def switch_to_dark(page):
    """The page in the dark scheme, without reloading it: the browser asks for
    dark, and the theme's palette switch (what its toggle does) applies it."""
    page.emulate_media(color_scheme="dark")
    page.locator(DARK_PALETTE).evaluate("input => input.click()")
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")


def axe_violations_light_and_dark(page):
    """axe's findings on a page opened in the light scheme, then in the dark
    one: {scheme: violations} for each scheme that has any."""
    found = {"light": axe_violations(page)}
    switch_to_dark(page)
    found["dark"] = axe_violations(page)
    return {scheme: violations for scheme, violations in found.items() if violations}


def assert_no_axe_violations(page):
    found = axe_violations_light_and_dark(page)
    assert not found, json.dumps(found, indent=2)


# The result panel's kinds: with reasons, notes and links; urgent, with its
# banner showing; and asking for more answers (no answers at all).
RESULT_KINDS = {
    "no-verdict": [],
    "urgent-with-banner": ["#q-emergency-not_sure", "#q-no_diagnosis-yes"],
    "worth-seeking-with-notes": ["#q-emergency-no", "#q-no_diagnosis-yes", "#q-medicare-yes",
                                 "#q-major_treatment-yes", "#q-biopsy-yes"],
}


def test_screener_result_has_no_axe_violations(page):
    """The result panel passes axe in each of its kinds, light and dark, in
    one started page (each kind's answers chosen over the last's)."""
    open_widget(page, "/screener/", "screener")
    found = {}
    for scheme in ("light", "dark"):
        if scheme == "dark":
            switch_to_dark(page)
        for kind, choices in RESULT_KINDS.items():
            for choice in choices:
                page.check(choice)
            page.get_by_role("button", name="Show my result").click()
            page.locator("#screener-result h2").wait_for()
            violations = axe_violations(page)
            if violations:
                found[f"{scheme}-{kind}"] = violations
    assert not found, json.dumps(found, indent=2)


def test_checklist_in_use_has_no_axe_violations(page):
    """Every kind of checklist element passes axe: tailored and extra items, a tick,
    a record step, an own item, questions with move buttons, a notice and the
    clear confirmation."""
    set_saved(page, {
        SCREENER_KEY: screener_text(biopsy="yes", breast="yes"),
        CHECKLIST_KEY: checklist_text(
            done={"tell_doctor": True},
            stages={"pathology_slides": "sent", "clinical_summary": "confirmed"},
            custom=[{"id": "c1", "text": "Bring my glasses", "done": True}],
            questions=[
                {"id": "q2", "text": "How sure are you of my diagnosis?", "from": "how_sure"},
                {"id": "q3", "text": "Can I wait a month?", "from": ""},
                {"id": "q4", "text": "Who reads my scans?", "from": ""},
            ],
            appointment={"doctor": "Dr. Lee", "phone": "555-0100", "date": "2027-01-15", "time": "09:30",
                         "companion": ""},
            goals="Keep walking.",
            next_id=5,
        ),
    })
    open_widget(page, "/checklist/", "checklist")
    page.click("#show-all")
    expect(page.locator("#show-all")).to_have_text("Show only the items for me")
    page.click("#up-q3")
    page.click("#clear")
    expect(page.locator("#clear-yes")).to_be_focused()
    page.fill("#new-item", "<b>")
    page.press("#new-item", "Enter")
    expect(page.locator("#checklist-notice")).not_to_be_empty()
    expect(page.locator(".sog-because")).not_to_have_count(0)
    expect(page.locator("#down-q3")).to_be_visible()
    assert_no_axe_violations(page)


def test_open_search_panel_has_no_axe_violations(page):
    """The theme's search panel, open with results, passes axe too."""
    page.goto("/about/")
    page.keyboard.press("/")
    page.locator(".md-search__input").press_sequentially("records")
    expect(page.locator(".md-search-result__item").first).to_be_visible()
    assert_no_axe_violations(page)


def test_open_menu_on_a_phone_has_no_axe_violations(make_context):
    """The theme's navigation drawer, open on a 360 px phone, passes axe too."""
    page = make_context(viewport={"width": 360, "height": 740}).new_page()
    page.goto("/about/")
    page.get_by_role("button", name="Navigation").click()
    expect(page.locator(".md-sidebar--primary")).to_be_visible()
    assert_no_axe_violations(page)
