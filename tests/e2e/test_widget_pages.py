"""What every widget page promises, checked for each page whose front matter
names a widget (site_pages.WIDGET_PAGES): a new widget is covered by adding
its page, with nothing to list here.

- Python starts, marks the widget ready and says nothing alarming.
- If a runtime file cannot load, or the widget's Python fails as it starts,
  the page says so plainly and links to the plain version: never a blank box
  or a spinner forever.
- With JavaScript off, the static version is there and offers no dead buttons.
"""

import json
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.e2e.site_pages import WIDGET_PAGES, open_widget

WORDS = json.loads((Path(__file__).resolve().parents[2] / "pyscript" / "sog" / "words.json").read_text())
CASES = sorted(WIDGET_PAGES.items())
IDS = [name for _, name in CASES]


def root_of(page, name):
    return page.locator(f'[data-widget="{name}"]')


@pytest.mark.parametrize("path, name", CASES, ids=IDS)
def test_widget_starts_quietly(page, path, name):
    """The widget marks itself ready; its status line is hidden; no script errors."""
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    open_widget(page, path, name)
    expect(page.locator(f"#{name}-status")).to_be_hidden()
    assert not errors


@pytest.mark.parametrize("blocked", ["**/core.js", "**/runtime/**/*.wasm", "**/widget.py"])
@pytest.mark.parametrize("path, name", CASES, ids=IDS)
def test_runtime_that_cannot_load_says_so(page, path, name, blocked):
    """A runtime or widget file that cannot load: a plain message and a link to the plain version."""
    page.route(blocked, lambda route: route.abort())
    page.goto(path)
    root = root_of(page, name)
    expect(root).to_have_attribute("data-state", "failed")
    status = page.locator(f"#{name}-status")
    expect(status).to_contain_text(WORDS["start"]["failed"])
    link = status.get_by_role("link")
    expect(link).to_have_attribute("href", root.get_attribute("data-fallback-href"))
    expect(link).to_have_text(root.get_attribute("data-fallback-text"))


@pytest.mark.parametrize("path, name", CASES, ids=IDS)
def test_python_that_fails_at_start_says_so(page, path, name):
    """Damaged widget data (the Python raises as it starts): the same plain message."""
    page.route("**/assets/widgets/sog/words.json", lambda route: route.fulfill(body="{ damaged"))
    page.goto(path)
    expect(root_of(page, name)).to_have_attribute("data-state", "failed")
    expect(page.locator(f"#{name}-status")).to_contain_text(WORDS["start"]["failed"])


@pytest.mark.parametrize("path, name", CASES, ids=IDS)
def test_without_javascript_the_static_version_is_there(make_context, path, name):
    """JavaScript off: the widget stays static, says nothing about loading, and
    shows no button that could not work."""
    page = make_context(java_script_enabled=False).new_page()
    page.goto(path)
    root = root_of(page, name)
    expect(root).to_have_attribute("data-state", "static")
    expect(page.locator(f"#{name}-status")).to_be_hidden()
    assert root.inner_text().strip(), "the static version is empty"
    expect(root.locator("button:visible")).to_have_count(0)
