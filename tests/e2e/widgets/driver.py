"""How the shared widget suite drives a widget page: from the "page" part of
the widget's own named examples (pyscript/sog/<widget>/examples.json), in the
manner of GOV.UK Frontend's per-component examples.

A widget's "page" part names, as data, what every stateful widget has:

    "notice":        the element where it says what happened to saved data
    "change":        a visitor's change: {"do": steps, "shows": checks,
                     "saves": [path in the saved data, value]}
    "other_change":  a second, independent change (for two tabs)
    "follows_other_tabs": whether an open page shows another tab's change
    "typed_markup":  [{"field", "text", "says", "submit"?, "fixed"?,
                     "still_shows"?}]: text a field must refuse, the words that
                     say so, and what the page still shows meanwhile
    "wrong_shape_says": the words for saved data of the wrong shape, or null
    "old_format":    {"says", "shows", "then"} for its examples' "old_format"
                     (then: the change to make next), or null

Steps are [action, selector, value?] with action one of click, check, fill,
press; checks are ["checked" | "value" | "text" | "contains", selector, value?]. Words are
["shared", key...] (sog/words.json), ["own", key...] (the widget's data
file), or literal text. The widgets, and so the cases, come from the build:
every widget page of every language (site_pages.SITE_PAGES) whose widget has a
"change" is driven, with nothing listed here.
"""

import importlib
import json
from pathlib import Path

from playwright.sync_api import expect
from sog import language

from tests.e2e.checklist_data import envelope, saved_text, set_saved
from tests.e2e.site_pages import SITE_PAGES, storage_key, wait_ready
from tests.support import named_examples

SOG = Path(__file__).resolve().parents[3] / "pyscript" / "sog"
# A check's kind: the assertion that it holds, and the one that it does not.
CHECKS = {
    "checked": ("to_be_checked", "not_to_be_checked"),
    "value": ("to_have_value", "not_to_have_value"),
    "text": ("to_have_text", "not_to_have_text"),
    "contains": ("to_contain_text", "not_to_contain_text"),
}
def _read(relative, lang):
    """A data file as a page in lang reads it: its overlay laid over (sog/language.py)."""
    data = json.loads((SOG / relative).read_text(encoding="utf-8"))
    overlay = language.overlay_name(relative, lang)
    if overlay and (SOG / overlay).is_file():
        data = language.localise(data, json.loads((SOG / overlay).read_text(encoding="utf-8")))
    return data


def _manifest_data(name, lang):
    """The widget's own data file (the manifest's data entry in its folder), in lang."""
    manifest = json.loads((SOG / name / "widget.json").read_text(encoding="utf-8"))
    own = [entry for entry in manifest.get("data", []) if entry.startswith(name + "/")]
    return _read(own[0], lang) if own else {}


class Widget:
    """One widget page of the built site, and how to drive it."""

    def __init__(self, site_page):
        self.path = site_page.path
        self.lang = site_page.lang
        self.name = site_page.widget
        examples = named_examples.read(self.name) if (SOG / self.name / "examples.json").is_file() else {}
        self.examples = examples.get("examples", {})
        self.page_part = examples.get("page") or {}
        self.key = storage_key(self.name)
        saved = importlib.import_module(f"sog.{self.name}.saved") if (SOG / self.name / "saved.py").is_file() else None
        self.current_version = getattr(saved, "VERSION", None)
        self.shared_words = _read("words.json", self.lang)
        self.own_data = _manifest_data(self.name, self.lang)
        self.own_words = self.own_data.get("words", {})
        saved_words = SOG / self.name / "saved.json"
        self.saved_words = _read(self.name + "/saved.json", self.lang)["words"] if saved_words.is_file() else {}

    def __str__(self):
        return self.path

    def __getattr__(self, name):
        try:
            return self.__dict__["page_part"][name]
        except KeyError:
            raise AttributeError(name) from None

    # ---- words ----

    def words(self, spec):
        """The text a ["shared"|"own"|"saved"|"data", key or index...] spec
        names, in the page's language (the first form of a [singular, plural]
        pair), or spec itself if it is literal text. "own" is the widget's own
        words, "saved" its saved work's (saved.json), "data" its whole data file."""
        if isinstance(spec, str):
            return spec
        where, keys = spec[0], spec[1:]
        value = {"shared": self.shared_words, "own": self.own_words, "saved": self.saved_words,
                 "data": self.own_data}[where]
        for key in keys:
            value = value[key]
        return value[0] if isinstance(value, list) else value

    # ---- opening ----

    def open(self, page, saved=None):
        """Open the widget page until ready, with this raw text saved first (or nothing)."""
        if saved is not None:
            set_saved(page, {self.key: saved})
        page.goto(self.path)
        wait_ready(page, self.name)

    def envelope(self, version, data):
        return envelope(self.name, version, data)

    # ---- changes ----

    def make(self, page, change_name="change"):
        """Make a visitor's change and check the page shows it."""
        change = self.page_part[change_name]
        for step in change["do"]:
            action, selector, value = (step + [None])[:3]
            if action == "click":
                page.click(selector)
            elif action == "check":
                page.check(selector)
            elif action == "fill":
                page.fill(selector, value)
            elif action == "press":
                page.press(selector, value)
            else:
                raise ValueError(f"unknown step {step}")
        self.expect_shows(page, change_name)

    def expect_shows(self, page, change_name="change", shown=True):
        """The page shows the change (shown=False: it does not, yet)."""
        self.expect_checks(page, self.page_part[change_name]["shows"], shown)

    def expect_checks(self, page, checks, holds=True):
        """Each check holds (holds=False: none does yet, or its element is not there)."""
        for check in checks:
            kind, selector, value = (check + [None])[:3]
            if not holds and page.locator(selector).count() == 0:
                continue
            assertion = getattr(expect(page.locator(selector)), CHECKS[kind][0 if holds else 1])
            assertion(*([] if value is None else [self.words(value) if isinstance(value, list) else value]))

    # ---- what is saved ----

    def saved_text(self, page, suffix=""):
        return saved_text(page, self.key + suffix)

    def saved_data(self, page):
        text = self.saved_text(page)
        return json.loads(text)["data"] if text else None

    def saved_value(self, data, path):
        for key in path:
            data = data[key]
        return data

    def expect_saved(self, page, *change_names):
        """The saved data holds each of these changes."""
        data = self.saved_data(page)
        assert data is not None, "nothing saved"
        for change_name in change_names:
            path, value = self.page_part[change_name]["saves"]
            assert self.saved_value(data, path) == value, (change_name, path, data)


def widgets(needs=None):
    """Every widget page of the build whose widget's examples drive it (and,
    if needs is given, that has that part, not null)."""
    found = [Widget(site_page) for site_page in SITE_PAGES if site_page.widget]
    found = [widget for widget in found if widget.page_part.get("change")]
    if needs:
        found = [widget for widget in found if widget.page_part.get(needs)]
    return found


def one_page_each(found):
    """Each widget of found on one page, the languages taken in turn (by
    widget name) so that every language is on some page: for a behaviour
    whose code is the same on every page of a widget, in any language (the
    words it shows are the shared words, checked in each language on the
    pages chosen)."""
    by_name = {}
    for widget in found:
        by_name.setdefault(widget.name, []).append(widget)
    languages = sorted({widget.lang for widget in found}, key=lambda lang: (lang != "en", lang))
    chosen = []
    for number, name in enumerate(sorted(by_name)):
        pages = by_name[name]
        wanted = languages[number % len(languages)]
        chosen.append(next((widget for widget in pages if widget.lang == wanted), pages[0]))
    return chosen


def another_language_widget():
    """The first widget page of a language other than English that the
    examples drive: where the Pyodide build is shown to read that language,
    and to bring saved work back at its next start (test_offline.py's Pyodide
    test); its widget is not driven again in English under Pyodide
    (test_starting.py)."""
    return next(widget for widget in widgets() if widget.lang != "en")
