"""Every page, as a phone user and as a printer sees it."""

import pytest
from playwright.sync_api import expect

from tests.e2e.site_pages import PAGES

CHROME = [".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer", ".md-top"]


@pytest.fixture(scope="module")
def phone(browser, site):
    context = browser.new_context(base_url=site.origin, viewport={"width": 360, "height": 740})
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("path", PAGES)
def test_fits_a_360px_phone(phone, path):
    """No page scrolls sideways on a 360 px wide phone."""
    phone.goto(path)
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360


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
