"""What every widget page promises, checked for each page whose front matter
names a widget (site_pages.WIDGET_PAGES): a new widget is covered by adding
its page, with nothing to list here.

- Python starts, marks the widget ready and says nothing alarming.
- If a runtime file cannot load, or the widget's Python fails as it starts,
  the page says so plainly and links to the plain version: never a blank box
  or a spinner forever.
- With JavaScript off, the static version is there and offers no dead buttons.
- Python starts only once the page has loaded, fetches only files that
  exist, and nothing on the page moves when it starts (its first view was
  drawn at build time; its buttons had their room kept).
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


@pytest.mark.parametrize("blocked", ["**/core.js", "**/*.wasm", "**/widget.py"])
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
    page.route("**/sog/words.json", lambda route: route.fulfill(body="{ damaged"))
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


# Layout shifts while the page loads and its widget starts, as the browser
# reports them (Layout Instability API), and when each runtime file was asked for.
SHIFTS = """
window.__shifts = [];
new PerformanceObserver(function (list) {
  list.getEntries().forEach(function (entry) {
    if (!entry.hadRecentInput) {
      window.__shifts.push({value: entry.value, sources: entry.sources.map(function (source) {
        return source.node ? (source.node.id || source.node.className || source.node.nodeName) : "";
      })});
    }
  });
}).observe({type: "layout-shift", buffered: true});
"""


@pytest.mark.parametrize("path, name", CASES, ids=IDS)
def test_nothing_moves_when_python_starts(make_context, path, name):
    """On a phone, from the first paint until the widget is ready, nothing on
    the page shifts (a first visit: nothing saved)."""
    context = make_context(viewport={"width": 360, "height": 740})
    context.add_init_script(SHIFTS)
    page = context.new_page()
    open_widget(page, path, name)
    # Shifts are reported after the frame that shows them: let two frames pass.
    page.evaluate("new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")
    assert page.evaluate("window.__shifts") == []


@pytest.mark.parametrize("path, name", CASES, ids=IDS)
def test_python_starts_after_the_page_has_loaded(page, path, name):
    """No runtime file is asked for before the page's load event, and every
    one the page asks for exists (no plugin or library PyScript does not need)."""
    failed = []
    page.on("response", lambda response: response.status >= 400 and failed.append(response.url))
    open_widget(page, path, name)
    loaded = page.evaluate("performance.getEntriesByType('navigation')[0].loadEventStart")
    runtime = page.evaluate(
        "performance.getEntriesByType('resource').filter(e => e.name.includes('/assets/versioned/'))"
        ".map(e => [e.name, e.startTime])"
    )
    assert runtime, "the widget's runtime files were not seen"
    early = [url for url, start in runtime if start < loaded]
    assert not early, f"fetched before the page had loaded: {early}"
    assert not failed
