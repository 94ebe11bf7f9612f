"""What the checklist and print page tests share: the checklist's data, saved
forms written out by hand, and a way to put them in the browser before a
widget starts.

The saved forms are spelled out here rather than made by model.py, so a
change to the saved format shows up as a failing browser test.
"""

import json
from pathlib import Path

from tests.e2e.site_pages import storage_key
from tests.support.named_examples import example

ITEMS_FILE = Path(__file__).resolve().parents[2] / "pyscript" / "sog" / "checklist" / "items.json"
ITEMS = json.loads(ITEMS_FILE.read_text())
ITEM_IDS = [item["id"] for item in ITEMS["items"]]
# Shown to everyone, in display order.
CORE = [item["id"] for item in ITEMS["items"] if item["core"]]
# Shown to a visitor who skipped the screener: the core items and every record.
DEFAULT = [item["id"] for item in ITEMS["items"] if item["core"] or item["kind"] == "record"]
TEXT = {item["id"]: item["text"] for item in ITEMS["items"]}
BECAUSE = {item["id"]: item["because"] for item in ITEMS["items"]}

# Every screener question the checklist's items are tailored by.
SCREENER_QUESTIONS = sorted({pair[0] for item in ITEMS["items"] for pair in item["when"]})

APP = "second-opinion-guide"
CHECKLIST_KEY = storage_key("checklist")
SCREENER_KEY = storage_key("screener")
# A document of the site's origin that is cheap to open, to set storage
# first: a file every build has (mkdocs writes it), shown as plain XML. No
# page of the guide: each loads the theme's scripts and builds the search
# index, about 0.25 s of CPU of the 0.35 s a page without a widget costs
# (0.15 s for this file; measured on the test browser, 2026-12-06).
BLANK_PAGE = "/sitemap.xml"


def envelope(kind, version, data, saved_at=1):
    """Saved text in the guide's envelope."""
    return json.dumps({"app": APP, "kind": kind, "version": version, "saved_at": saved_at, "data": data})


def checklist_state(**changes):
    """A whole saved checklist (format version 2), empty unless changed."""
    state = {
        "done": {},
        "stages": {},
        "custom": [],
        "show_all": False,
        "appointment": {"doctor": "", "phone": "", "date": "", "time": "", "companion": ""},
        "questions": [],
        "goals": "",
        "next_id": 1,
    }
    state.update(changes)
    return state


def checklist_text(**changes):
    return envelope("checklist", 2, checklist_state(**changes))


def screener_text(**answers):
    """The screener's saved answers, as the screener page writes them (format 3)."""
    return envelope("screener", 3, {"answers": answers, "show_result": False})


def screener_example(name):
    """A named example of the screener's saved answers (its examples.json),
    as saved text."""
    saved = example("screener", name)
    return envelope("screener", saved["version"], saved["data"])


def set_saved(page, values):
    """Put raw text under storage keys ({key: text}) before any widget starts."""
    page.goto(BLANK_PAGE)
    page.evaluate(
        "entries => { for (const [key, text] of entries) localStorage.setItem(key, text); }",
        list(values.items()),
    )


def saved_text(page, key=CHECKLIST_KEY):
    """The raw text saved under a key, or None."""
    return page.evaluate("key => localStorage.getItem(key)", key)


def saved_state(page):
    """The checklist saved in this browser (the envelope's data)."""
    text = saved_text(page)
    return json.loads(text)["data"] if text else None
