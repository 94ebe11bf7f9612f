"""axe-core finds no violations on any page, light or dark, the theme's parts
included: every rule axe runs by default (WCAG 2.2 A/AA and its best
practices, such as a name for every dialog), none left out.

axe-core comes from the npm packages (package.json), so this runs offline.
Widget pages are checked once Python has started, the screener again with a
result showing, and the checklist again with every kind of element it can
draw, since that markup only exists after the visitor acts.
"""

import json
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.e2e.checklist_data import CHECKLIST_KEY, SCREENER_KEY, checklist_text, screener_text, set_saved
from tests.e2e.site_pages import PAGES, WIDGET_PAGES, open_widget, wait_for_animations

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"


def axe_violations(page):
    """axe's findings once the theme's transitions have ended (half faded in,
    a search result or "Back to top" reads as low contrast)."""
    wait_for_animations(page)
    # Evaluated rather than added as a <script>: the page's policy rightly
    # blocks an inline script that has no hash.
    page.evaluate(AXE.read_text(encoding="utf-8"))
    result = page.evaluate("() => axe.run(document)")
    return [
        {
            "id": violation["id"],
            "help": violation["help"],
            "targets": [node["target"] for node in violation["nodes"]][:5],
        }
        for violation in result["violations"]
    ]


@pytest.fixture(params=["light", "dark"])
def scheme_page(request, make_context):
    context = make_context(color_scheme=request.param)
    return context.new_page()


@pytest.mark.parametrize("path", PAGES)
def test_page_has_no_axe_violations(scheme_page, path):
    """Every page passes axe in the colour scheme the visitor's system asks for."""
    if path in WIDGET_PAGES:
        open_widget(scheme_page, path, WIDGET_PAGES[path])
    else:
        scheme_page.goto(path)
    violations = axe_violations(scheme_page)
    assert not violations, json.dumps(violations, indent=2)


@pytest.mark.parametrize(
    "choices",
    [
        ["#q-emergency-no", "#q-no_diagnosis-yes", "#q-medicare-yes", "#q-major_treatment-yes",
         "#q-biopsy-yes"],
        ["#q-emergency-not_sure", "#q-no_diagnosis-yes"],
        [],
    ],
    ids=["worth-seeking-with-notes", "urgent-with-banner", "no-verdict"],
)
def test_screener_result_has_no_axe_violations(scheme_page, choices):
    """The result panel passes axe too: with reasons, notes and links; urgent,
    with its banner showing; and asking for more answers."""
    open_widget(scheme_page, "/screener/", "screener")
    for choice in choices:
        scheme_page.check(choice)
    scheme_page.get_by_role("button", name="Show my result").click()
    scheme_page.locator("#screener-result h2").wait_for()
    violations = axe_violations(scheme_page)
    assert not violations, json.dumps(violations, indent=2)


def test_checklist_in_use_has_no_axe_violations(scheme_page):
    """Every kind of checklist element passes axe: tailored and extra items, a tick,
    a record step, an own item, questions with move buttons, a notice and the
    clear confirmation."""
    page = scheme_page
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
    violations = axe_violations(page)
    assert not violations, json.dumps(violations, indent=2)


def test_open_search_panel_has_no_axe_violations(scheme_page):
    """The theme's search panel, open with results, passes axe too."""
    page = scheme_page
    page.goto("/about/")
    page.keyboard.press("/")
    page.locator(".md-search__input").press_sequentially("records")
    expect(page.locator(".md-search-result__item").first).to_be_visible()
    violations = axe_violations(page)
    assert not violations, json.dumps(violations, indent=2)


def test_open_menu_on_a_phone_has_no_axe_violations(make_context):
    """The theme's navigation drawer, open on a 360 px phone, passes axe too."""
    page = make_context(viewport={"width": 360, "height": 740}).new_page()
    page.goto("/about/")
    page.get_by_role("button", name="Navigation").click()
    expect(page.locator(".md-sidebar--primary")).to_be_visible()
    violations = axe_violations(page)
    assert not violations, json.dumps(violations, indent=2)
