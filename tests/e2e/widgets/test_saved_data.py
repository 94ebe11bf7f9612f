"""Saved data, for every widget that remembers (driver.py: each widget's own
examples drive it): blocked storage, full storage, saved data that cannot be
read, and an old format brought up to date. In each case the page says so in plain words
and still works: a change shows, and is saved where storage allows.
"""

import pytest
from playwright.sync_api import expect

from tests.e2e.site_pages import BLOCK_STORAGE, fail_on_dialogs, wait_ready
from tests.e2e.widgets.driver import one_page_each, widgets

STATEFUL = widgets()


def params(found, cases=(None,)):
    """pytest params over (widget page, case), with readable ids."""
    return [
        pytest.param(widget, case, id=f"{widget.path.strip('/')}-{case}" if case else widget.path.strip("/"))
        for widget in found
        for case in cases
    ]


# Each widget once, English and Spanish pages in turn: what blocked storage
# does is sog/storage.py's and the widget's own glue, the same on every page
# of a widget; the notice's words are the shared words, seen here in each
# language. (It ran on every page of every language before: 8 starts, now 4.)
@pytest.mark.parametrize("widget, case", params(one_page_each(STATEFUL)))
def test_blocked_storage_still_works_and_says_it_cannot_remember(page, widget, case):
    """Storage blocked: the widget says it cannot remember, and every change
    still shows, with no complaint that it could not be saved."""
    page.add_init_script(BLOCK_STORAGE)
    widget.open(page)
    notice = page.locator(widget.notice)
    expect(notice).to_contain_text(widget.words(["shared", "storage", "blocked"]))
    widget.make(page, "change")
    widget.make(page, "other_change")
    widget.expect_shows(page, "change")
    expect(notice).not_to_contain_text(widget.words(["shared", "storage", "not_saved"]))


# Fills the site's storage until not one more character fits (Chromium
# allows about five million an origin): new keys of a million characters
# while one fits, then the first grown by a piece that is halved each time
# it does not fit. The browser's own "quota exceeded", as a visitor whose
# storage other pages of the site have filled would meet it. (A change that
# makes the saved text longer, as the checklist's other_change does, then
# cannot be saved.)
FILL_STORAGE = """() => {
  let count = 0;
  try { for (;;) { localStorage.setItem("filler-" + count, "x".repeat(1 << 20)); count += 1; } }
  catch (full) { /* no room for another million */ }
  let piece = "x".repeat(1 << 19);
  while (count && piece.length) {
    try { localStorage.setItem("filler-0", localStorage.getItem("filler-0") + piece); }
    catch (full) { piece = piece.slice(0, piece.length >> 1); }
  }
  return count;
}"""
EMPTY_FILLER = "() => Object.keys(localStorage).filter(key => key.startsWith('filler-'))" \
    ".forEach(key => localStorage.removeItem(key))"


# One widget: what a full storage does is sog/session.py's and sog/storage.py's,
# the same for every widget that remembers (tests/unit/test_session.py and
# test_storage.py prove it for each, with a storage that refuses); this is the
# real browser's refusal reaching them.
@pytest.mark.parametrize("widget", one_page_each(STATEFUL)[:1], ids=str)
def test_full_storage_says_a_change_was_not_saved_and_keeps_what_was(page, widget):
    """Storage full: a change still shows, the page says it could not be
    saved, and what was saved before stays as it was; at the next start,
    with room again, that is what comes back."""
    widget.open(page)
    widget.make(page, "change")
    widget.expect_saved(page, "change")
    before = widget.saved_text(page)
    assert page.evaluate(FILL_STORAGE) > 0
    widget.make(page, "other_change")
    expect(page.locator(widget.notice)).to_contain_text(widget.words(["shared", "storage", "not_saved"]))
    assert widget.saved_text(page) == before
    page.evaluate(EMPTY_FILLER)
    page.reload()
    wait_ready(page, widget.name)
    widget.expect_shows(page, "change")
    widget.expect_shows(page, "other_change", shown=False)


# Saved text that cannot be read, and what the page says about it.
UNREADABLE = ["corrupt", "too-large", "newer", "older", "wrong-shape"]
# The cases sog/storage.py keeps aside, whole, under "<key>:unreadable" (saved
# data of the right format but the wrong shape is the widget's to read, and
# is not kept).
KEPT_ASIDE = ["corrupt", "too-large", "newer", "older"]


def unreadable(widget, case):
    """(saved text, [words the notice holds]) for a case, or None where the
    widget has no such case."""
    version_now = widget.current_version
    if case == "corrupt":
        return "{not json", [["shared", "storage", "corrupt"], ["shared", "storage", "kept_copy"]]
    if case == "too-large":
        return "x" * 300000, [["shared", "storage", "too_large"]]
    if case == "newer":
        return widget.envelope(version_now + 7, {}), [["shared", "storage", "newer"]]
    if case == "older":
        return widget.envelope(0, {}), [["shared", "storage", "old"]]
    if case == "wrong-shape" and widget.wrong_shape_says:
        return widget.envelope(version_now, "just a string"), [widget.wrong_shape_says]
    return None


def covering_cases(found):
    """A covering set rather than the product of pages and kinds: each kind
    once, on an English page (a different widget for each kind, where the
    widget has that case), and each page of another language once, with the
    widget's own words for data of the wrong shape where it has them (else
    unreadable text). What each kind means is pure logic, tested for every
    kind and every widget in CPython and in both runtimes (tests/unit/
    test_storage.py, tests/runtimes/parity/cases_storage.py, each widget's
    test_saved.py and cases_*_saved.py); the browser proves the glue: the
    notice in the page's words, the copy kept aside, the next change saved."""
    english = [widget for widget in found if widget.lang == "en"]
    chosen = []
    for number, case in enumerate(UNREADABLE):
        turn = english[number % len(english):] + english[:number % len(english)]
        widget = next((widget for widget in turn if unreadable(widget, case) is not None), None)
        if widget is not None:
            chosen.append((widget, case))
    for widget in found:
        if widget.lang != "en":
            chosen.append((widget, "wrong-shape" if unreadable(widget, "wrong-shape") else "corrupt"))
    return [pytest.param(widget, case, id=f"{widget.path.strip('/')}-{case}") for widget, case in chosen]


UNREADABLE_CASES = covering_cases(STATEFUL)


@pytest.mark.parametrize("widget, case", UNREADABLE_CASES)
def test_unreadable_saved_data_starts_empty_says_so_and_is_kept_aside(page, widget, case):
    """Saved data that cannot be read never breaks the page: it starts empty,
    says why, keeps text it cannot read at all aside under a second key
    (whole), and the next change is saved in the current format."""
    dialogs = fail_on_dialogs(page)
    saved, says = unreadable(widget, case)
    widget.open(page, saved)
    for words in says:
        expect(page.locator(widget.notice)).to_contain_text(widget.words(words))
    widget.expect_shows(page, "change", shown=False)
    if case in KEPT_ASIDE:
        kept = widget.saved_text(page, ":unreadable")
        assert kept == saved, f"kept aside: {kept[:40] if kept else kept!r}"
    widget.make(page, "change")
    widget.expect_saved(page, "change")
    assert not dialogs


@pytest.mark.parametrize("widget, case", params(widgets(needs="old_format")))
def test_old_saved_data_is_brought_up_to_date(page, widget, case):
    """Data an older version saved (the widget's "old_format" example) comes
    back, the page says it was updated, and the next change saves in the
    current format, keeping it."""
    old = widget.examples["old_format"]
    widget.open(page, widget.envelope(old["version"], old["data"]))
    for words in widget.old_format["says"]:
        expect(page.locator(widget.notice)).to_contain_text(widget.words(words))
    widget.expect_checks(page, widget.old_format["shows"])
    then = widget.old_format["then"]
    widget.make(page, then)
    widget.expect_checks(page, widget.old_format["shows"])
    widget.expect_saved(page, then)
