"""The menu on a narrow screen (a phone, or a desktop zoomed in), by keyboard.

Closed, the menu (Material's drawer) is hidden: none of its links is a Tab
stop, so the keyboard reaches the screener's first question in a few
presses. Its button (javascripts/menu.js) is a real button, named as the
menu is, that says whether the menu is open; opening it moves focus into
the menu, Escape closes it and returns to the button, and Tab past its end
closes it too. On a wide screen the menu sits beside the page as before.
"""

import pytest
from playwright.sync_api import expect

from tests.e2e.site_pages import open_widget, wait_for_animations

NARROW = {"width": 360, "height": 740}
WIDE = {"width": 1280, "height": 800}
MENU = ".md-sidebar--primary"
# The screener's first question (its first radio button).
FIRST_QUESTION = "input[name=emergency]"

# What has focus: in the menu? its name; the first question?
FOCUSED = """(() => {
  const e = document.activeElement;
  return {inMenu: Boolean(e.closest('%s')), name: e.getAttribute('aria-label') || e.textContent.trim(),
          question: e.matches('%s')};
})()""" % (MENU, FIRST_QUESTION)


@pytest.fixture
def narrow(make_context):
    return make_context(viewport=NARROW).new_page()


def tab_stops_until_first_question(page, limit=40):
    """What Tab reaches, from the top of the page to the first question."""
    stops = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        if focused["question"]:
            return stops
        stops.append(focused)
    raise AssertionError(f"Tab never reached the first question: {stops}")


def test_the_closed_menu_is_no_tab_stop(narrow):
    open_widget(narrow, "/screener/", "screener")
    stops = tab_stops_until_first_question(narrow)
    assert not [stop for stop in stops if stop["inMenu"]]
    # Skip link, menu button, colours, search, this page in the other
    # language: the question comes next.
    assert len(stops) <= 6, stops
    expect(narrow.locator(MENU)).to_be_hidden()


def test_the_menu_button_opens_and_closes_the_menu_by_keyboard(narrow):
    narrow.goto("/about/")
    button = narrow.get_by_role("button", name="Navigation")
    expect(button).to_have_attribute("aria-expanded", "false")
    button.focus()
    expect(button).to_be_focused()
    narrow.keyboard.press("Enter")
    expect(button).to_have_attribute("aria-expanded", "true")
    menu = narrow.locator(MENU)
    expect(menu).to_be_visible()
    home = menu.get_by_role("link", name="Home", exact=True)
    expect(home).to_be_focused()
    # Tab moves through the menu's own links.
    narrow.keyboard.press("Tab")
    assert narrow.evaluate(FOCUSED)["inMenu"]
    narrow.keyboard.press("Escape")
    expect(button).to_have_attribute("aria-expanded", "false")
    expect(button).to_be_focused()
    wait_for_animations(narrow)
    expect(menu).to_be_hidden()
    # Space opens it too; Tab past its last link closes it.
    narrow.keyboard.press("Space")
    expect(home).to_be_focused()
    narrow.locator(f"{MENU} a.md-nav__link").filter(visible=True).last.focus()
    narrow.keyboard.press("Tab")
    expect(button).to_have_attribute("aria-expanded", "false")
    assert not narrow.evaluate(FOCUSED)["inMenu"]


def test_a_tap_beside_the_open_menu_closes_it(make_context):
    page = make_context(viewport=NARROW, is_mobile=True, has_touch=True).new_page()
    page.goto("/about/")
    button = page.get_by_role("button", name="Navigation")
    button.tap()
    expect(page.locator(MENU)).to_be_visible()
    wait_for_animations(page)
    page.locator(".md-overlay").tap(position={"x": 345, "y": 400})
    expect(button).to_have_attribute("aria-expanded", "false")


def test_on_a_wide_screen_the_menu_sits_beside_the_page(make_context):
    page = make_context(viewport=WIDE).new_page()
    page.goto("/about/")
    expect(page.locator(".sog-menu-button")).to_be_hidden()
    expect(page.locator(MENU).get_by_role("link", name="Home", exact=True)).to_be_visible()


def test_without_javascript_the_keyboard_opens_the_menu(make_context):
    """With JavaScript off there is no menu button; Material's own checkbox
    takes its place as the first Tab stop: Space opens the menu, Tab then
    reaches its links and its sections (each opened with Space too), and
    Space on it again closes it."""
    page = make_context(viewport=NARROW, java_script_enabled=False).new_page()
    page.goto("/about/")
    menu = page.locator(MENU)
    expect(menu).to_be_hidden()
    page.keyboard.press("Tab")
    expect(page.locator("#__drawer")).to_be_focused()
    page.keyboard.press("Space")
    expect(page.locator("#__drawer")).to_be_checked()
    home = menu.get_by_role("link", name="Home", exact=True)
    expect(home).to_be_visible()
    for _ in range(15):
        page.keyboard.press("Tab")
        if page.evaluate(FOCUSED)["inMenu"]:
            break
    assert page.evaluate(FOCUSED)["inMenu"]
    # A section of the menu ("The steps") opens by keyboard too.
    steps = menu.locator(".md-nav__item--nested > .md-nav__toggle").first
    for _ in range(15):
        if page.evaluate("document.activeElement.classList.contains('md-nav__toggle')"):
            break
        page.keyboard.press("Tab")
    expect(steps).to_be_focused()
    page.keyboard.press("Space")
    expect(steps).to_be_checked()
    page.keyboard.press("Tab")
    expect(menu.get_by_role("link", name="When it is worth it")).to_be_focused()
    page.locator("#__drawer").focus()
    page.keyboard.press("Space")
    wait_for_animations(page)
    expect(menu).to_be_hidden()


def test_with_javascript_the_checkbox_is_no_tab_stop(narrow):
    narrow.goto("/about/")
    expect(narrow.locator("#__drawer")).to_be_hidden()
