"""The site served as Netlify or Cloudflare Pages would serve it, with the
headers in the built site/_headers: every page still works with the policy
sent twice (header and <meta>), and no other page can frame it."""

import pytest
from playwright.sync_api import expect

from tests.e2e.site_pages import PAGES, WIDGET_PAGES, wait_ready
from tests.support import headers_file
from tests.support.server import SiteServer


@pytest.fixture(scope="module")
def headers_site(built_site):
    rules = headers_file.read(built_site / "_headers")
    with SiteServer(built_site, headers=lambda path: headers_file.headers_for(rules, path)) as server:
        yield server


@pytest.mark.parametrize("path", PAGES)
def test_page_works_with_its_headers(make_context, headers_site, path):
    """The page gets its policy as a header too, and nothing on it is blocked
    (make_context fails the test on any violation)."""
    page = make_context(server=headers_site).new_page()
    response = page.goto(path)
    headers = response.headers_array()
    policies = [header["value"] for header in headers if header["name"].lower() == "content-security-policy"]
    assert "frame-ancestors 'none'" in policies
    page_policies = [value for value in policies if value.startswith("default-src 'self'")]
    assert len(page_policies) == 1 and page_policies[0].endswith("; frame-ancestors 'none'")
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["referrer-policy"] == "no-referrer"
    if path in WIDGET_PAGES:
        wait_ready(page, WIDGET_PAGES[path])
    expect(page.locator("article h1")).to_be_visible()


def test_no_page_can_frame_the_site(make_context, headers_site):
    """frame-ancestors 'none': a page that puts the guide in a frame gets the
    browser's error page there instead (the page loads, with its iframes)."""
    page = make_context(server=headers_site).new_page()
    refusals = []
    page.on("console", lambda message: "frame-ancestors" in message.text and refusals.append(message.text))
    page.set_content(f'<iframe title="guide" src="{headers_site.origin}/about/"></iframe>')
    assert page.frames[1].url.startswith("chrome-error://")
    assert refusals
