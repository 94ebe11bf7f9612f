"""What the browser tests need to know about the site: its pages and how to
drive its widgets."""

import re
from pathlib import Path
from typing import NamedTuple

from mkdocs.utils import meta
from playwright.sync_api import expect

DOCS = Path(__file__).resolve().parents[2] / "docs"
# What the i18n plugin reads as a page's language: "about.es.md" is /es/about/.
LANGUAGE_SUFFIX = re.compile(r"^(?P<name>.+)\.(?P<lang>[a-z]{2})$")
DEFAULT_LANGUAGE = "en"


class SitePage(NamedTuple):
    """One page of a built site, as the browser tests address it."""

    path: str  # "/", "/about/" (a Spanish page would be "/es/about/")
    lang: str  # <html lang>: "en"
    widget: str | None  # the widget the page runs ("screener"), or None

    def __str__(self):
        return self.path


HTML_LANG = re.compile(r"<html\b[^>]*\blang=\"([^\"]+)\"")
# The one script that starts a widget page's Python, written by the build
# (sitebuild/widgets.py): <mpy-script src=".../sog/<widget>/widget.py">, or
# <py-script> with the Pyodide setting.
WIDGET_SCRIPT = re.compile(r"<(?:mpy|py)-script\b[^>]*\bsrc=\"[^\"]*/sog/([^/\"]+)/[^/\"]+\.py\"")


def read_pages(site_dir):
    """Every page of a built site (each folder's index.html), in address order:
    what the benchmarks measure, and what pages_from_docs must match.
    The markup is Material's template and the build's own, so two regular
    expressions read it, much faster than a parser at collection time.
    """
    site_dir = Path(site_dir)
    pages = []
    for index in site_dir.rglob("index.html"):
        folder = index.parent.relative_to(site_dir).as_posix()
        if folder.split("/")[0] in ("assets", "search"):
            continue
        markup = index.read_text(encoding="utf-8")
        lang = HTML_LANG.search(markup)
        widget = WIDGET_SCRIPT.search(markup)
        path = "/" if folder == "." else f"/{folder}/"
        pages.append(SitePage(path, lang.group(1) if lang else "", widget.group(1) if widget else None))
    return sorted(pages)


def widget_pages(pages):
    """{path: widget name} for the pages that run a widget."""
    return {page.path: page.widget for page in pages if page.widget}


def pages_from_docs(docs=DOCS):
    """Every page the build makes, worked out from docs/ as the build does:
    "x.md" is /x/ and "x.es.md" /es/x/ ("index" the folder itself), its
    language the suffix's, its widget the front matter's `widget:` (read
    by MkDocs's own front-matter reader, as the build reads it).

    The browser tests are collected from this, not from a build, so that
    collecting them builds nothing: the site is built by the first test that
    needs it, on one worker, while the other runs tests that need no build.
    tests/content/test_site_build.py checks that it is exactly read_pages()
    of the build, so a page the build adds and this misses fails a test.
    """
    pages = []
    for source in docs.glob("*.md"):
        stem, lang = source.name[:-len(".md")], DEFAULT_LANGUAGE
        suffixed = LANGUAGE_SUFFIX.match(stem)
        if suffixed:
            stem, lang = suffixed["name"], suffixed["lang"]
        folder = "" if stem == "index" else stem + "/"
        path = "/" + ("" if lang == DEFAULT_LANGUAGE else lang + "/") + folder
        _, front = meta.get_data(source.read_text(encoding="utf-8"))
        pages.append(SitePage(path, lang, front.get("widget")))
    return sorted(pages)


_cache = {}


def _pages():
    """Every page of the site (pages_from_docs, read once)."""
    if "pages" not in _cache:
        _cache["pages"] = pages_from_docs()
    return _cache["pages"]


def __getattr__(name):
    """PAGES, WIDGET_PAGES and LANGUAGES, worked out from docs/ when a test
    module first imports them (PEP 562; pages_from_docs, checked against the
    build by a test).

    PAGES: every page's address ("/about/"). WIDGET_PAGES: {address: widget}.
    LANGUAGES: the site's languages, from each page's name (the build's <html lang>); a language
    the build adds is tested with the same generic page tests.
    """
    if name == "PAGES":
        return [page.path for page in _pages()]
    if name == "WIDGET_PAGES":
        return widget_pages(_pages())
    if name == "LANGUAGES":
        return sorted({page.lang for page in _pages()})
    if name == "SITE_PAGES":
        return list(_pages())
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def wait_ready(page, widget, timeout=None):
    """Wait until a widget's Python has started and marked itself ready."""
    page.locator(f'[data-widget="{widget}"][data-state="ready"]').wait_for(timeout=timeout)


def open_widget(page, path, widget):
    page.goto(path)
    wait_ready(page, widget)


def storage_key(kind):
    return "second-opinion-guide:" + kind


TEXT_911 = re.compile(r"call 911", re.I)


class HeldRuntime:
    """Holds back the interpreter's WebAssembly until release(), so a test can
    use a widget's first view before Python starts (the page has loaded by
    then: the runtime is only fetched after the load event).

    Held requests go on to the context's routes (its origin guard) when
    released; any asked for later go on at once.
    """

    def __init__(self, page):
        self.held = []
        self.released = False
        page.route("**/*.wasm", self._hold)

    def _hold(self, route):
        if self.released:
            route.fallback()
        else:
            self.held.append(route)

    def release(self):
        self.released = True
        for route in self.held:
            route.fallback()


# Page scripts the tests install. They report through attributes on <html>,
# which expect() can wait for: page.wait_for_function would build its
# predicate with `new Function`, which the pages' policy (no 'unsafe-eval')
# rightly blocks and reports as a violation.
COUNT_PRINTS = """
window.print = () => {
  const html = document.documentElement;
  html.dataset.printCalls = String(Number(html.dataset.printCalls || 0) + 1);
};
"""

# Makes localStorage throw, as a browser set to block site data does.
BLOCK_STORAGE = """
Object.defineProperty(window, 'localStorage', {
  configurable: true,
  get() { throw new DOMException('The operation is insecure.', 'SecurityError'); }
});
"""

# Swallows the storage event before a widget hears it, so a tab goes stale.
DEAF_TO_OTHER_TABS = """
window.addEventListener('storage', event => {
  event.stopImmediatePropagation();
  const html = document.documentElement;
  html.dataset.swallowedStorageEvents = String(Number(html.dataset.swallowedStorageEvents || 0) + 1);
}, true);
"""


def expect_print_calls(page, count):
    expect(page.locator("html")).to_have_attribute("data-print-calls", str(count))


def expect_swallowed_storage_event(page):
    expect(page.locator("html")).to_have_attribute("data-swallowed-storage-events", re.compile(r"[1-9]"))


# How long the theme's animations may take to end (its longest is well under a second).
ANIMATIONS_TIMEOUT_MS = 5000
# Resolves with [] once every finite animation and transition has ended, or,
# after the timeout, with those still running (page.evaluate itself has none,
# and a page that draws no frames, as a background tab, never ends them).
_ANIMATIONS_ENDED = """ms => {
  const running = document.getAnimations()
    .filter(a => a.effect && a.effect.getComputedTiming().endTime !== Infinity);
  const name = a => {
    const target = a.effect.target;
    const where = target ? target.tagName.toLowerCase() + (target.id ? "#" + target.id : "") : "?";
    return (a.animationName || a.transitionProperty || a.id || "animation") + " on " + where;
  };
  const ended = Promise.all(running.map(a => a.finished.catch(() => null))).then(() => []);
  const late = new Promise(resolve => setTimeout(
    () => resolve(running.filter(a => a.playState === "running" || a.playState === "paused").map(name)), ms));
  return Promise.race([ended, late]);
}"""


def wait_for_animations(page, timeout_ms=ANIMATIONS_TIMEOUT_MS):
    """Return once the theme's finite animations and transitions have ended;
    fail, naming those still running, after timeout_ms."""
    running = page.evaluate(_ANIMATIONS_ENDED, timeout_ms)
    assert not running, (
        f"animations still running after {timeout_ms} ms (a page that draws no frames, such as a "
        f"background tab, never ends them): {running}"
    )


def in_tab(tab):
    """Bring a tab to the front, as a visitor switching tabs does (a background
    tab gets no animation frames, which Playwright's clicks wait for)."""
    tab.bring_to_front()
    return tab


def fail_on_dialogs(page):
    """Record (and dismiss) every alert, confirm or prompt; a test asserts none came."""
    dialogs = []

    def on_dialog(dialog):
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    return dialogs


# ---- the keyboard ----------------------------------------------------------------


def active_id(page):
    return page.evaluate("document.activeElement && document.activeElement.id")


def focus_visible(page):
    return page.evaluate("document.activeElement.matches(':focus-visible')")


def tab_to(page, element_id, limit=250):
    """Press Tab until the element has focus (fails after limit presses)."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if active_id(page) == element_id:
            return
    raise AssertionError(f"Tab never reached #{element_id}")

# ---- a widget started, and the connection note (shared by the widget and offline tests)

PHONE = {"width": 360, "height": 740}
# The element that starts each runtime's Python on a page.
SCRIPT_TAG = {"micropython": "mpy-script", "pyodide": "py-script"}
# The note near the top of every page while offline (partials/connection-note.html).
CONNECTION_NOTE = "#connection-status"


def root_of(page, name):
    return page.locator(f'[data-widget="{name}"]')


def shown_outside_hidden_parts(page, name, selector):
    """The elements matching selector in the widget that are not inside a
    part the widget itself hides (a closed confirmation): [(what, visible)]."""
    return root_of(page, name).locator(selector).evaluate_all(
        "els => els.filter(e => !e.closest('[hidden]'))"
        ".map(e => [e.id || e.textContent.trim().slice(0, 40), e.checkVisibility()])"
    )


def expect_started_quietly(page, name, runtime, page_errors):
    """The widget is ready, in the runtime the site was built for; its status
    line is hidden; no script error; the parts that need Python now show."""
    expect(page.locator(f'[data-widget="{name}"][data-state="ready"]')).to_have_count(1)
    expect(page.locator(f"#{name}-status")).to_be_hidden()
    assert not page_errors
    expect(page.locator(SCRIPT_TAG[runtime])).to_have_count(1)
    for other in set(SCRIPT_TAG.values()) - {SCRIPT_TAG[runtime]}:
        expect(page.locator(other)).to_have_count(0)
    hidden = [what for what, visible in shown_outside_hidden_parts(
        page, name, ".sog-needs-python, .sog-needs-python button") if not visible]
    assert not hidden, f"still hidden once Python is ready: {hidden}"


def expect_near_the_top(page):
    """The connection note is on the first screen, above the page's title."""
    note = page.locator(CONNECTION_NOTE).bounding_box()
    title = page.locator("article h1").bounding_box()
    assert note["height"] > 0 and note["y"] + note["height"] <= title["y"] < PHONE["height"], (note, title)
