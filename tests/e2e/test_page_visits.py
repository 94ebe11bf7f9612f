"""Every page of the site, opened once in Chromium, and every read-only check
a page must pass in a browser.

Each page is opened once (visits.py), as Netlify or Cloudflare Pages serve
it: with the headers of the built site/_headers, so its Content-Security-
Policy comes twice (header and <meta>); a widget page is checked once its
Python has started. The pages come from the build (site_pages.SITE_PAGES):
a page the build adds, in any language, is checked with nothing listed here.

What Lighthouse's best-practices and SEO audits checked in the browser now
lives here (the rest is static, in tests/content/test_page_head.py):
errors-in-console, deprecations and inspector-issues (the browser's own
issue reports), geolocation-on-start and notification-on-start,
third-party-cookies (no cookie at all), paste-preventing-inputs,
image-aspect-ratio and image-size-responsive, font-size, http-status-code.
"""

import json

import pytest
from playwright.sync_api import expect

from tests.e2e.axe import assert_no_axe_violations
from tests.e2e.reflow import SIZES, as_screen, open_folded, put_saved_work, reflow_problems
from tests.e2e.site_pages import SITE_PAGES, wait_for_animations
from tests.e2e.visits import visiting

# Issues the browser reports that Lighthouse counted against a page
# (its deprecations and inspector-issues audits).
FAILING_ISSUES = {
    "DeprecationIssue", "MixedContentIssue", "CookieIssue", "BlockedByResponseIssue",
    "HeavyAdIssue", "ContentSecurityPolicyIssue",
}
# Lighthouse's font-size audit: at least 60% of the text at 12 px or more.
LEGIBLE_PX = 12
LEGIBLE_SHARE = 0.6


@pytest.fixture(scope="module", params=SITE_PAGES, ids=[page.path for page in SITE_PAGES])
def visit(request, browser, headers_site):
    with visiting(browser, headers_site, request.param.path, request.param.widget) as visit:
        yield visit


def test_page_loads_whole(visit):
    """The page answers 200, shows its title, its widget (if any) started,
    and nothing it asked for was missing."""
    assert visit.response.status == 200
    expect(visit.page.locator("article h1")).to_be_visible()
    assert not visit.failed_responses


def test_page_is_served_with_its_headers(visit):
    """As site/_headers says: the page's own policy plus frame-ancestors
    'none', the site-wide frame-ancestors policy, nosniff and no referrer."""
    headers = visit.response.headers_array()
    policies = [header["value"] for header in headers if header["name"].lower() == "content-security-policy"]
    assert "frame-ancestors 'none'" in policies
    page_policies = [value for value in policies if value.startswith("default-src 'self'")]
    assert len(page_policies) == 1 and page_policies[0].endswith("; frame-ancestors 'none'")
    assert visit.response.headers["x-content-type-options"] == "nosniff"
    assert visit.response.headers["referrer-policy"] == "no-referrer"


def test_browser_reports_no_issue(visit):
    """No deprecated feature, mixed content, cookie, blocked resource or
    policy issue in the browser's own reports."""
    found = [issue for issue in visit.issues if issue["code"] in FAILING_ISSUES]
    assert not found, json.dumps(found, indent=2)[:3000]


def test_asks_for_no_permission_and_sets_no_cookie(visit):
    """Nothing asks for the visitor's location or to send notifications, and
    no cookie is set (the guide promises none)."""
    assert visit.permission_requests() == []
    assert visit.context.cookies() == []


TEXT_SIZES = """() => {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let total = 0, small = 0;
  const examples = {};
  while (walker.nextNode()) {
    const text = walker.currentNode.textContent.trim();
    const parent = walker.currentNode.parentElement;
    if (!text || !parent || !parent.checkVisibility({visibilityProperty: true, opacityProperty: true})) continue;
    const size = parseFloat(getComputedStyle(parent).fontSize);
    total += text.length;
    if (size < MIN) {
      small += text.length;
      examples[parent.tagName.toLowerCase() + "." + parent.className] = size;
    }
  }
  return {total, small, examples};
}""".replace("MIN", str(LEGIBLE_PX))


def test_text_is_legible(visit):
    """At least 60% of the page's visible text is 12 px or larger (Lighthouse's rule)."""
    sizes = visit.page.evaluate(TEXT_SIZES)
    assert sizes["total"], "no visible text"
    assert sizes["small"] <= (1 - LEGIBLE_SHARE) * sizes["total"], sizes


IMAGES = """() => [...document.images]
  .filter(img => img.checkVisibility() && img.naturalWidth && !/\\.svg(\\?|#|$)/i.test(img.currentSrc))
  .map(img => {
    const box = img.getBoundingClientRect();
    return {src: img.currentSrc, natural: [img.naturalWidth, img.naturalHeight],
            shown: [box.width, box.height], fit: getComputedStyle(img).objectFit};
  })"""


def test_images_are_in_proportion_and_sharp(visit):
    """Every picture (not drawings, which scale) keeps its proportions and has
    at least as many pixels as it is shown with."""
    problems = []
    for image in visit.page.evaluate(IMAGES):
        (natural_w, natural_h), (shown_w, shown_h) = image["natural"], image["shown"]
        if image["fit"] not in ("cover", "contain") and shown_h:
            if abs(natural_w / natural_h - shown_w / shown_h) > 0.05 * natural_w / natural_h:
                problems.append(f"{image['src']}: stretched ({image})")
        if natural_w < shown_w or natural_h < shown_h:
            problems.append(f"{image['src']}: blurred ({image})")
    assert not problems


PASTE_REFUSED = """() => [...document.querySelectorAll("input, textarea")]
  .filter(field => !["checkbox", "radio", "button", "submit", "reset", "file", "hidden", "range", "color"]
    .includes(field.type))
  .filter(field => {
    const paste = new ClipboardEvent("paste", {bubbles: true, cancelable: true, clipboardData: new DataTransfer()});
    field.dispatchEvent(paste);
    return paste.defaultPrevented;
  })
  .map(field => field.id || field.name || field.outerHTML.slice(0, 80))"""


def test_every_field_accepts_pasting(visit):
    """No text field refuses a paste (a visitor may paste a doctor's name or address)."""
    assert visit.page.evaluate(PASTE_REFUSED) == []


def test_no_axe_violations_light_or_dark(visit):
    """axe finds nothing in the light scheme, every rule, nor in the dark one,
    the rules that can see a colour (switched in the same visit: axe.switch_to)."""
    assert_no_axe_violations(visit.page)


def test_no_errors_in_the_console(visit):
    """No script error, and nothing the browser logged as an error, from the
    page's load to the end of these checks."""
    assert not visit.page_errors
    assert not visit.console_errors


def test_nothing_asked_another_origin_or_was_blocked(visit):
    """With the policy sent twice, nothing on the page is blocked, and nothing
    left the site (checked again when the page closes)."""
    leaks, violations = visit.problems()
    assert not leaks and not violations, (leaks, violations)


# ---- on paper, and on small screens with big text: these change the page, so they come last

CHROME = [".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer", ".md-top"]


def test_prints_without_site_chrome(visit):
    """On paper there is only the page's content: no header, menus or footer. A page made
    to print as a paper of its own (a letter: .sog-prints-alone) prints that paper without
    the page's title; every other page prints its title. (Print media on the open page,
    then back to the screen.)"""
    page = visit.page
    page.emulate_media(media="print")
    try:
        for selector in CHROME:
            expect(page.locator(selector).first).to_be_hidden()
        alone = page.locator("article .sog-prints-alone")
        if alone.count():
            expect(alone.first).to_be_visible()
            expect(page.locator("article h1")).to_be_hidden()
        else:
            expect(page.locator("article h1")).to_be_visible()
    finally:
        page.emulate_media(media="null")


# The phone menu is checked open on one page of each language: the last
# page without a widget, which sits in a section of the menu (the steps).
MENU_BUTTON = ".md-header .sog-menu-button"
MENU_PAGES = {page.lang: page.path for page in SITE_PAGES if not page.widget}
# The menu's sections that are open (at the page's own), to open them again
# once the test has gone back to the menu's first level.
OPEN_SECTIONS = "[...document.querySelectorAll('.md-sidebar--primary input.md-nav__toggle:checked')].map(e => e.id)"
REOPEN_SECTIONS = "ids => ids.forEach(id => { document.getElementById(id).checked = true; })"


# Every radio button and checkbox a visitor can see, with its size.
CONTROL_SIZES = """() => [...document.querySelectorAll('main input[type=radio], main input[type=checkbox]')]
  .filter(e => e.getClientRects().length && getComputedStyle(e).visibility !== 'hidden')
  .map(e => { const r = e.getBoundingClientRect(); return [e.id, Math.round(r.width), Math.round(r.height)]; })"""
SMALLEST_CONTROL_PX = 24


@pytest.mark.parametrize("size", SIZES)
def test_page_reflows(visit, size):
    """Reflow (WCAG 2.2 1.4.4 Resize Text, 1.4.10 Reflow): at 320 px (what a
    1280 px desktop at 400% zoom shows), and on a 360 px phone with the
    browser's text at 200%, the page does not scroll sideways, nothing is
    wider than the screen or than its own box, and no word is split across
    lines (reflow.py, reflow_check.js). A widget page in its fullest state
    (long saved work put in, the page loaded again), everything folded
    opened; then again asking whether to clear everything (answered No, so
    the next size starts as this one did). On one page per language, the
    phone menu too, open at the page's section and back at its first level
    (then closed again).

    On a widget page, every radio button and checkbox a visitor can see is
    at least 24 by 24 CSS pixels itself (WCAG 2.2 2.5.8) at both sizes,
    never squeezed narrower by a long answer beside it (the labels around
    them are bigger still: their own tests measure those). (Was test_small_screen_controls.py's own start of every
    widget page, at 360 px with 100% and 200% text; 320 px is narrower.)"""
    page = visit.page
    if not getattr(visit, "saved_work_put", False):
        put_saved_work(page, visit.widget)
        visit.saved_work_put = True
    as_screen(page, size)
    open_folded(page)
    problems = {"the page": reflow_problems(page)}
    if visit.widget:
        controls = page.evaluate(CONTROL_SIZES)
        if page.locator("[data-widget] input[type=radio], [data-widget] input[type=checkbox]").count():
            assert controls, f"no radio button or checkbox seen on {visit.path}"
        problems["controls under 24 px"] = [f"{name}: {width} x {height}" for name, width, height in controls
                                            if width < SMALLEST_CONTROL_PX or height < SMALLEST_CONTROL_PX]
    # A widget that asks before it clears everything: the question too.
    clear = page.locator("button[data-action=clear]").filter(visible=True)
    if clear.count():
        clear.first.click()
        expect(page.locator(".sog-confirm").first).to_be_visible()
        problems["asking to clear"] = reflow_problems(page)
        page.locator(".sog-confirm button[data-action=clear-no]").first.click()
        expect(page.locator(".sog-confirm")).to_have_count(0)
    if visit.path in MENU_PAGES.values():
        at_section = page.evaluate(OPEN_SECTIONS)
        page.locator(MENU_BUTTON).click()
        wait_for_animations(page)
        problems["the menu, at a section"] = reflow_problems(page)
        page.locator(".md-sidebar--primary nav[data-md-level='1'] > label.md-nav__title").first.click()
        wait_for_animations(page)
        problems["the menu"] = reflow_problems(page)
        # Closed again by a tap beside it, for the next size.
        page.locator(".md-overlay").click(position={"x": SIZES[size][0] - 10, "y": 300})
        expect(page.locator("#__drawer")).not_to_be_checked()
        page.evaluate(REOPEN_SECTIONS, at_section)
        wait_for_animations(page)
    problems = {where: found for where, found in problems.items() if found}
    assert not problems, "\n".join(f"{where}:\n  " + "\n  ".join(found) for where, found in problems.items())
