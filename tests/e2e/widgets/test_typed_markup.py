"""Typed text that looks like web page code, for every widget with text
fields (driver.py: each widget's "typed_markup" examples): one started page
per widget tries every field in turn. Each is refused with words that say so;
nothing is saved or added; no tag reaches the page and no dialog opens; and
the message goes once the text is fixed (fields that save as you type).
"""

import pytest
from playwright.sync_api import expect

from tests.e2e.site_pages import fail_on_dialogs
from tests.e2e.widgets.driver import widgets

WITH_TEXT = [pytest.param(widget, id=widget.path.strip("/")) for widget in widgets(needs="typed_markup")]


@pytest.mark.parametrize("widget", WITH_TEXT)
def test_typed_markup_is_refused(page, widget):
    dialogs = fail_on_dialogs(page)
    widget.open(page)
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
