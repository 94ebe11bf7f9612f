"""Nothing floating over the text for a low-vision phone user.

- (That every radio button and checkbox of every widget is at least 24 by
  24 CSS pixels, at 320 px and at 200% text on a phone:
  test_page_visits.py::test_page_reflows, on the page's one visit.)
- Material's "Back to top" button, which floats over the text and grows
  with it, is left out on a phone (at 200% text it hid three lines); on a
  wide screen it still comes when the reader scrolls back up.
"""

from playwright.sync_api import expect

from tests.e2e.reflow import larger_text

# A long page, scrolled down and a little back up: when Material shows its button.
LONG_PAGE = "/gathering-records/"


def scroll_down_and_back_up(page):
    """Scroll far down, then a little back up: when Material shows its
    button (it takes away the button's hidden attribute)."""
    page.evaluate("window.scrollTo(0, 4000)")
    expect(page.locator(".md-top")).to_have_attribute("hidden", "")
    page.evaluate("window.scrollTo(0, 3700)")
    expect(page.locator(".md-top")).not_to_have_attribute("hidden", "")


def test_back_to_top_never_covers_text_on_a_phone(make_context):
    context = make_context(viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True)
    page = context.new_page()
    larger_text(page, 200)
    page.goto(LONG_PAGE)
    scroll_down_and_back_up(page)
    expect(page.locator(".md-top")).to_be_hidden()


def test_back_to_top_still_comes_on_a_wide_screen(make_context):
    page = make_context(viewport={"width": 1280, "height": 800}).new_page()
    page.goto(LONG_PAGE)
    scroll_down_and_back_up(page)
    expect(page.locator(".md-top")).to_be_visible()
