"""What every widget page promises, in each Python runtime: checked for each
page the build made with a widget (site_pages.WIDGET_PAGES), so a new widget
is covered by adding its page, with nothing to list here.

- Python starts, marks the widget ready, shows the buttons that need it and
  says nothing alarming; it starts only once the page has loaded, and
  nothing on the page moves when it starts (its first view was drawn at
  build time; its buttons had their room kept). One fresh start per widget
  page serves these read-only checks, and then, on a widget with text
  fields, typed markup refused in every field. (That every file it asks for exists,
  no page or console error, nothing off the origin: test_page_visits.py,
  which opens every page once, its widget started.)
- If a runtime or widget file cannot load, or the widget's Python fails as
  it starts, the page says so plainly, links to the plain version and shows
  it: never a blank box, a dead button or a spinner forever. Each way of
  failing on one page, and each page failing one way.
- With JavaScript off, the static version is there and offers no dead
  buttons: one context per runtime visits every widget page.
- The same code does its job in both runtimes, and starts quietly there:
  under Pyodide, each English widget page that remembers takes two changes
  and saves both (driven by its own examples, driver.py); the printable page
  starts. That Pyodide reads another language's data and brings saved work
  back at its next start is test_offline.py's Pyodide test (a Spanish widget
  page, its second start offline), which is also where that page's widget
  is driven under Pyodide.

The runtime is a parameter of the site under test (conftest.py: `runtime`),
not a copy of the tests. A Pyodide start costs about seven seconds of CPU,
so cases that only exercise code both runtimes share (PyScript's own files,
the widget's files, the shared start-up failure path) run on MicroPython,
or on Pyodide for one widget. Every context here is routed (the origin
guard, guards.py), and Playwright turns the HTTP cache off for a routed
context (microsoft/playwright#7220); and measured without any route, a
second and third Pyodide page in the same context started no faster than
the first (18 to 21 s each at load 20, 20 to 24 s routed): each Pyodide
case keeps its own context.
"""

import json
from pathlib import Path

import pytest
from playwright.sync_api import expect
from sog import language

from tests.e2e.conftest import RUNTIMES
from tests.e2e.site_pages import (
    PHONE,
    WIDGET_PAGES,
    expect_started_quietly,
    fail_on_dialogs,
    open_widget,
    root_of,
    shown_outside_hidden_parts,
)
from tests.e2e.visits import visiting
from tests.e2e.widgets.driver import another_language_widget, widgets
from tests.support.site_builds import DEFAULT_RUNTIME

WORDS = json.loads((Path(__file__).resolve().parents[3] / "pyscript" / "sog" / "words.json").read_text())
WIDGETS = sorted(WIDGET_PAGES.items())
INTERPRETER = {"micropython": "micropython", "pyodide": "pyodide"}


# ---- one fresh start per widget and runtime -----------------------------------------


# Each Pyodide start costs about seven seconds of CPU: the fresh starts run on
# MicroPython, what visitors get; the functional tests below check that each
# widget they start under Pyodide starts quietly too.
@pytest.fixture(scope="module", params=[("micropython", path, name) for path, name in WIDGETS],
                ids=[f"micropython-{path.strip('/')}" for path, _ in WIDGETS])
def first_start(request, browser, sites):
    """A first visit to the widget page on a 360 px phone, until its widget is ready."""
    runtime, path, name = request.param
    with visiting(browser, sites.serve(runtime), path, name, viewport=PHONE) as visit:
        visit.runtime = runtime
        yield visit


def test_starts_quietly(first_start):
    expect_started_quietly(first_start.page, first_start.widget, first_start.runtime, first_start.page_errors)


def test_nothing_moves_when_python_starts(first_start):
    """On a phone, from the first paint until the widget is ready, nothing on
    the page shifts (a first visit: nothing saved), and nothing is wider than
    the screen."""
    assert first_start.page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    if first_start.status_messages():
        # A start over 10 s (Pyodide on a busy machine): the page rightly said
        # so in the status line, which moves what is below it.
        pytest.skip(f"the start was slow and the page said so: {first_start.status_messages()}")
    assert first_start.layout_shifts() == []


def test_python_starts_after_the_page_has_loaded(first_start):
    """No runtime file is asked for before the page's load event."""
    page = first_start.page
    loaded = page.evaluate("performance.getEntriesByType('navigation')[0].loadEventStart")
    runtime = page.evaluate(
        "performance.getEntriesByType('resource').filter(e => e.name.includes('/assets/versioned/'))"
        ".map(e => [e.name, e.startTime])"
    )
    assert runtime, "the widget's runtime files were not seen"
    early = [url for url, start in runtime if start < loaded]
    assert not early, f"fetched before the page had loaded: {early}"
    # That none is missing (no 404): test_page_visits.py::test_page_loads_whole.


# Every widget with text fields (driver.py: its "typed_markup" examples), on
# the same first start once the read-only checks above have run (pytest runs
# a module-scoped page's tests in the order they are written): it was a start
# of its own per page (widgets/test_typed_markup.py).
TYPED_MARKUP = {widget.path: widget for widget in widgets(needs="typed_markup")}
# The same parameters as first_start's, for these pages only: pytest reuses
# the page first_start already started for each.
WITH_TEXT_FIELDS = [("micropython", path, name) for path, name in WIDGETS if path in TYPED_MARKUP]


@pytest.mark.parametrize("first_start", WITH_TEXT_FIELDS, indirect=True,
                         ids=[f"micropython-{path.strip('/')}" for _, path, _ in WITH_TEXT_FIELDS])
def test_typed_markup_is_refused(first_start):
    """Text that looks like web page code, typed into every field in turn, is
    refused with words that say so; nothing is saved or added; no tag reaches
    the page and no dialog opens; and the message goes once the text is fixed
    (fields that save as you type)."""
    widget = TYPED_MARKUP[first_start.path]
    page = first_start.page
    dialogs = fail_on_dialogs(page)
    widget.make(page, "change")
    notice = page.locator(widget.notice)
    root = page.locator(f'[data-widget="{widget.name}"]')
    added = root.locator("input[type=checkbox], li").count()
    for case in widget.typed_markup:
        before = widget.saved_text(page)
        page.fill(case["field"], case["text"])
        if case.get("submit"):
            page.press(case["field"], case["submit"])
        expect(notice).to_have_text(widget.words(case["says"]))
        assert widget.saved_text(page) == before, case
        expect(root.locator("img, script")).to_have_count(0)
        expect(root.locator("input[type=checkbox], li")).to_have_count(added)
        # What the page showed before (the letter's last good words) stays.
        widget.expect_checks(page, case.get("still_shows", []))
        if case.get("fixed"):
            page.fill(case["field"], case["fixed"])
            expect(notice).to_be_empty()
            assert widget.saved_text(page) != before, case
            before = widget.saved_text(page)
        else:
            page.fill(case["field"], "")
    widget.expect_saved(page, "change")
    assert not dialogs


# ---- when Python cannot start ------------------------------------------------------


def blocked_file(runtime, name, what):
    """A route matcher for one file the widget's start needs."""
    interpreter = INTERPRETER[runtime]
    return {
        "pyscript-core": "**/core.js",
        "interpreter-module": f"**/{interpreter}.mjs",
        "interpreter-wasm": "**/*.wasm",
        "widget-main": f"**/sog/{name}/widget.py",
        # Every other module and data file: the widget's bundle (sitebuild/bundle.py).
        "widget-module": lambda url: f"/sog/{name}/" in url and not url.endswith("/widget.py"),
    }[what]


# Every way a start can fail, on MicroPython: a file that cannot load
# (PyScript's, the interpreter's, the widget's main module, its bundle) or
# Python that raises as it starts (damaged data).
FAILURES = ["pyscript-core", "interpreter-module", "interpreter-wasm", "widget-main", "widget-module",
            "fails-at-start"]


def failure_cases():
    """A covering set rather than every page times every failure: the failure
    path is JavaScript and Python every widget shares (widget-start.js, the
    load watchdog, sog.dom.boot), so each failure kind runs on one page, and
    each widget page, in each language, fails one way (its own plain version
    and the words in its language). English pages first, so every kind has an
    English page. Pyodide's WebAssembly fails to load, and its Python fails
    at start, on one page: Pyodide's own loader and its way of raising differ
    from MicroPython's. Its interpreter module is not blocked again: PyScript
    imports either runtime's module by the same dynamic import (polyscript's
    interpreter registry), so MicroPython's case covers that path."""
    ordered = sorted(WIDGETS, key=lambda entry: (entry[0].startswith("/es/"), entry[0]))
    chosen = [("micropython", path, name, FAILURES[number % len(FAILURES)])
              for number, (path, name) in enumerate(ordered)]
    chosen += [("pyodide", "/screener/", "screener", what)
               for what in ["interpreter-wasm", "fails-at-start"]]
    return chosen


def failure_params(kinds):
    return [pytest.param(runtime, path, name, what, id=f"{runtime}-{path.strip('/')}-{what}")
            for runtime, path, name, what in failure_cases() if (what == "fails-at-start") == (kinds == "at-start")]


BLOCKED = failure_params("cannot-load")
FAILS_AT_START = failure_params("at-start")


# Fields of the first view (drawn at build time) outside the parts that need
# Python: what a visitor can still read and fill in when Python fails.
FIRST_VIEW_FIELDS = """els => els
  .filter(e => !e.closest(".sog-live, .sog-needs-python, [hidden]"))
  .map(e => [e.id || e.name || e.tagName, e.checkVisibility()])"""


def words_of(page):
    """The shared words in the page's language (words.json with its overlay)."""
    code = page.evaluate("document.documentElement.lang")
    overlay = language.overlay_name("words.json", code)
    path = Path(__file__).resolve().parents[3] / "pyscript" / "sog"
    if overlay and (path / overlay).is_file():
        return language.localise(WORDS, json.loads((path / overlay).read_text(encoding="utf-8")))
    return WORDS


def expect_plain_version_offered(page, name):
    """The failed widget says so, links to its plain version and shows it; the
    first view's fields stay; no button or other part that needs Python is
    left on screen."""
    root = root_of(page, name)
    # The context's timeout: Pyodide may take many seconds to start, then fail.
    page.locator(f'[data-widget="{name}"][data-state="failed"]').wait_for()
    status = page.locator(f"#{name}-status")
    expect(status).to_contain_text(words_of(page)["start"]["failed"])
    link = status.get_by_role("link")
    href = root.get_attribute("data-fallback-href")
    expect(link).to_have_attribute("href", href)
    expect(link).to_have_text(root.get_attribute("data-fallback-text"))
    if href.startswith("#"):
        expect(page.locator(href)).to_be_visible()
    expect(root.locator(".sog-needs-python:visible, .sog-live:visible, button:visible")).to_have_count(0)
    fields = root.locator("fieldset, input, textarea, select").evaluate_all(FIRST_VIEW_FIELDS)
    assert all(visible for _, visible in fields), f"first view fields hidden: {fields}"
    static = shown_outside_hidden_parts(page, name, ".sog-static")
    assert all(visible for _, visible in static), f"the static version is not shown: {static}"
    assert root.inner_text().strip(), "the widget is empty"


@pytest.mark.parametrize("runtime, path, name, what", BLOCKED, indirect=["runtime"])
def test_runtime_that_cannot_load_says_so(page, runtime, path, name, what):
    """A runtime or widget file that cannot load: a plain message, a link to
    the plain version, and the plain version on screen."""
    page.route(blocked_file(runtime, name, what), lambda route: route.abort())
    page.goto(path)
    expect_plain_version_offered(page, name)


@pytest.mark.parametrize("runtime, path, name, what", FAILS_AT_START, indirect=["runtime"])
def test_python_that_fails_at_start_says_so(page, runtime, path, name, what):
    """Damaged widget data (the Python raises as it starts): the same plain message."""

    def damage_words(route):  # words.json comes in the widget's bundle (sitebuild/bundle.py)
        response = route.fetch()
        files = response.json()
        files["text"]["sog/words.json"] = "{ damaged"
        route.fulfill(response=response, body=json.dumps(files))

    page.route("**/start*.json", damage_words)  # start.json, or start.es.json on a Spanish page
    page.goto(path)
    expect_plain_version_offered(page, name)


@pytest.mark.parametrize("runtime", RUNTIMES, indirect=True)
def test_without_javascript_the_static_version_is_there(make_context, runtime):
    """JavaScript off: every widget page, in every language, stays static,
    says nothing about loading, and shows no button that could not work.
    One context with JavaScript off visits them in turn (no Python starts)."""
    page = make_context(java_script_enabled=False).new_page()
    for path, name in WIDGETS:
        page.goto(path)
        root = root_of(page, name)
        expect(root).to_have_attribute("data-state", "static")
        expect(page.locator(f"#{name}-status")).to_be_hidden()
        assert root.inner_text().strip(), f"the static version is empty on {path}"
        expect(root.locator("button:visible")).to_have_count(0)


# ---- the same code does its job in every runtime -------------------------------------


@pytest.fixture
def page_errors(page):
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    return errors


def driven(runtimes):
    """Each English widget page in each runtime, with how its examples drive
    it (or None), but for the widget test_offline.py's Pyodide test drives on
    its page of another language (driver.another_language_widget: the same
    code, two changes saved, and a start that brings them back). A Pyodide
    start is seconds of CPU, and a page's words and glue are the same code in
    both runtimes: that page proves Pyodide reads that language, the English
    pages here that it reads English."""
    by_path = {widget.path: widget for widget in widgets()}
    elsewhere = another_language_widget().name
    english = [(path, name) for path, name in WIDGETS if not path.startswith("/es/") and name != elsewhere]
    return [
        pytest.param(runtime, path, name, by_path.get(path), id=f"{runtime}-{path.strip('/')}")
        for runtime in runtimes
        for path, name in english
    ]


# MicroPython, what visitors get, is the runtime of every other browser test
# (each widget's own file reloads and finds its changes kept).
OTHER_RUNTIMES = [runtime for runtime in RUNTIMES if runtime != DEFAULT_RUNTIME]


@pytest.mark.parametrize("runtime, path, name, widget", driven(OTHER_RUNTIMES), indirect=["runtime"])
def test_the_widget_works_and_saves_in_the_other_runtime(page, runtime, path, name, widget, page_errors):
    """Under Pyodide the widget starts quietly; one that remembers takes two
    changes (driver.py: its own examples), the second keeping the first (each
    change reads the saved copy first, so reading saved text is exercised),
    and both are saved. (That a start brings saved work back, and a Spanish
    page's data: test_offline.py's Pyodide test, whose reload is offline.)"""
    open_widget(page, path, name)
    expect_started_quietly(page, name, runtime, page_errors)
    if widget is None:
        return
    widget.make(page, "change")
    widget.make(page, "other_change")
    widget.expect_saved(page, "change", "other_change")
