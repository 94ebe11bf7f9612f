"""The offer of the Spanish guide on the English home page
(overrides/partials/language-offer.html, docs/javascripts/language-offer.js).

A browser whose first language is Spanish sees one line that offers the
guide in Spanish, linking to /es/; the page stays where it is (nothing
redirects). Any other browser, and any browser without JavaScript, sees no
offer. Each context is guarded: no request leaves the site and the policy
blocks nothing (make_context).
"""

import pytest
from playwright.sync_api import expect

OFFER = ".sog-language-offer"


def test_a_spanish_browser_is_offered_the_spanish_guide(make_context):
    page = make_context(locale="es-US").new_page()
    page.goto("/")
    offer = page.locator(OFFER)
    expect(offer).to_be_visible()
    expect(offer).to_have_attribute("lang", "es")
    link = offer.get_by_role("link")
    expect(link).to_have_attribute("hreflang", "es")
    assert link.get_attribute("href").rstrip("/").endswith("/es")
    # An offer, not a move: the visitor is still on the English home page.
    assert page.evaluate("location.pathname") == "/"
    expect(page.locator("html")).to_have_attribute("lang", "en")
    link.click()
    expect(page.locator("html")).to_have_attribute("lang", "es")


@pytest.mark.parametrize("options", [{"locale": "en-US"}, {"locale": "es-US", "java_script_enabled": False}],
                         ids=["english-browser", "no-javascript"])
def test_no_offer_otherwise(make_context, options):
    page = make_context(**options).new_page()
    page.goto("/")
    expect(page.locator("article h1")).to_be_visible()
    expect(page.locator(OFFER)).to_be_hidden()
