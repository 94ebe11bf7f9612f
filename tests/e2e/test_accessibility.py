"""axe-core finds no WCAG 2.2 A/AA violations on any page, light or dark.

axe-core comes from the npm packages (package.json), so this runs offline.
Widget pages are checked once Python has started, and the screener again with
a result showing, since that markup only exists after an answer.
"""

import json
from pathlib import Path

import pytest

from tests.e2e.site_pages import PAGES, open_widget

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
WIDGET_PAGES = {"/screener/": "screener"}


def axe_violations(page):
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", TAGS
    )
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


def test_screener_result_has_no_axe_violations(scheme_page):
    """The result panel, with reasons, notes and links, passes axe too."""
    open_widget(scheme_page, "/screener/", "screener")
    for choice in ["#q-no_diagnosis-yes", "#q-medicare-yes", "#q-major_treatment-yes", "#q-biopsy_or_cancer-yes"]:
        scheme_page.check(choice)
    scheme_page.get_by_role("button", name="Show my result").click()
    scheme_page.locator("#screener-result h2").wait_for()
    violations = axe_violations(scheme_page)
    assert not violations, json.dumps(violations, indent=2)
