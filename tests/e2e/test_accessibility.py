"""axe-core finds no violations, light or dark, the theme's parts included:
every rule axe runs by default (WCAG 2.2 A/AA and its best practices, such as
a name for every dialog) in light, and in dark the rules that can see a
colour (the dark scheme changes colours only; tests/e2e/axe.py says how).

Every page is checked once its widget has started, in test_page_visits.py
(one visit per page, both colour schemes). Here: the markup that only exists
after the visitor acts: the screener with a result showing, the checklist
with every kind of element it can draw, the theme's search panel and its
menu on a phone. Each is checked in light and then in dark in one visit:
the theme's own palette switch, as a visitor's toggle does, with the
browser's colour scheme set to dark too.
"""

import json

from playwright.sync_api import expect

from tests.e2e.axe import assert_no_axe_violations, axe_violations, switch_to
from tests.e2e.checklist_data import CHECKLIST_KEY, SCREENER_KEY, checklist_text, screener_text, set_saved
from tests.e2e.site_pages import open_widget

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
    one started page (each kind's answers chosen over the last's, the first
    kind with none chosen yet): each kind is checked in the scheme the last
    one ended in, then in the other."""
    open_widget(page, "/screener/", "screener")
    found = {}
    schemes = ["light", "dark"]
    for kind, choices in RESULT_KINDS.items():
        for choice in choices:
            page.check(choice)
        page.get_by_role("button", name="Show my result").click()
        page.locator("#screener-result h2").wait_for()
        for scheme in schemes:
            if scheme != schemes[0]:
                switch_to(page, scheme)
            violations = axe_violations(page)
            if violations:
                found[f"{scheme}-{kind}"] = violations
        schemes.reverse()
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
