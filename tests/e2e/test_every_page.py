"""Every page, as a phone user and as a printer sees it.

Reflow (WCAG 2.2 1.4.4 Resize Text, 1.4.10 Reflow): at 320 px (what a
1280 px desktop at 400% zoom shows), and on a 360 px phone with the
browser's text at 200%, no page scrolls sideways, nothing is wider than the
screen or than its own box, and no word is split across lines (see
reflow.py and reflow_check.js). Each size is one browser context that opens
every page once, each widget page in its fullest state (saved work put in
first) with everything folded opened, and again asking whether to clear
everything; then the phone menu, open.
"""

import pytest
from playwright.sync_api import expect

from tests.e2e.reflow import SAVED_WORK, larger_text, open_folded, reflow_problems
from tests.e2e.site_pages import PAGES, WIDGET_PAGES, wait_for_animations, wait_ready

CHROME = [".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer", ".md-top"]

# name: (screen width in CSS px, text size in %, a phone's touch screen?)
SIZES = {
    "320px": (320, 100, False),
    "360px-text-200pct": (360, 200, True),
}
MENU_BUTTON = ".md-header .sog-menu-button"


@pytest.mark.parametrize("size", SIZES)
def test_every_page_reflows(make_context, size):
    """Every page and widget fits the screen with no word split, menu included."""
    width, text, phone = SIZES[size]
    context = make_context(viewport={"width": width, "height": 740}, is_mobile=phone, has_touch=phone)
    context.add_init_script(SAVED_WORK)
    page = context.new_page()
    larger_text(page, text)
    problems = {}
    for path in PAGES:
        page.goto(path)
        if path in WIDGET_PAGES:
            wait_ready(page, WIDGET_PAGES[path])
        open_folded(page)
        problems[path] = reflow_problems(page)
        # A widget that asks before it clears everything: the question too.
        clear = page.locator("button[data-action=clear]").filter(visible=True)
        if clear.count():
            clear.first.click()
            expect(page.locator(".sog-confirm").first).to_be_visible()
            problems[path + ", asking to clear"] = reflow_problems(page)
    # The menu, open on the last page: at that page's section (the steps),
    # then back at its first level.
    page.locator(MENU_BUTTON).click()
    wait_for_animations(page)
    problems["the menu, at a section"] = reflow_problems(page)
    page.locator(".md-sidebar--primary nav[data-md-level='1'] > label.md-nav__title").first.click()
    wait_for_animations(page)
    problems["the menu"] = reflow_problems(page)
    problems = {where: found for where, found in problems.items() if found}
    assert not problems, "\n".join(f"{where}:\n  " + "\n  ".join(found) for where, found in problems.items())


@pytest.mark.parametrize("path", PAGES)
def test_prints_without_site_chrome(page, path):
    """On paper there is only the page's content: no header, menus or footer. A page made
    to print as a paper of its own (a letter: .sog-prints-alone) prints that paper without
    the page's title; every other page prints its title."""
    page.goto(path)
    page.emulate_media(media="print")
    for selector in CHROME:
        expect(page.locator(selector).first).to_be_hidden()
    alone = page.locator("article .sog-prints-alone")
    if alone.count():
        expect(alone.first).to_be_visible()
        expect(page.locator("article h1")).to_be_hidden()
    else:
        expect(page.locator("article h1")).to_be_visible()
