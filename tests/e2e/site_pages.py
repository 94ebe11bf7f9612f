"""What the browser tests need to know about the site: its pages and how to
drive its widgets."""

import re
from pathlib import Path

import yaml
from playwright.sync_api import expect

DOCS = Path(__file__).resolve().parents[2] / "docs"


def _url(markdown_file):
    return "/" if markdown_file.stem == "index" else f"/{markdown_file.stem}/"


# Every page of the site: one per Markdown file in docs/ (includes/ holds
# snippets, not pages).
PAGES = sorted(_url(path) for path in DOCS.glob("*.md"))


def _widget(markdown_file):
    """The widget a page's front matter names (`widget: name`), or None."""
    text = markdown_file.read_text(encoding="utf-8")
    if not text.startswith("---"):
        return None
    return (yaml.safe_load(text.split("---", 2)[1]) or {}).get("widget")


# Pages that hold a widget, found by their front matter: {path: widget name}.
WIDGET_PAGES = {_url(path): _widget(path) for path in sorted(DOCS.glob("*.md")) if _widget(path)}


def wait_ready(page, widget):
    """Wait until a widget's Python has started and marked itself ready."""
    page.locator(f'[data-widget="{widget}"][data-state="ready"]').wait_for()


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


def wait_for_animations(page):
    """Resolve once the theme's finite animations and transitions have ended."""
    page.evaluate(
        """Promise.all(document.getAnimations()
             .filter(a => a.effect && a.effect.getComputedTiming().endTime !== Infinity)
             .map(a => a.finished.catch(() => null)))"""
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
