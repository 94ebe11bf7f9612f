"""Controls a low-vision phone user can hit, and nothing floating over the text.

- Every radio button and checkbox of every widget is at least 24 by 24 CSS
  pixels itself (WCAG 2.2 2.5.8), at normal text and at 200% text on a
  phone, never squeezed narrower by a long answer beside it (the labels
  around them are bigger still: their own tests measure those).
- Material's "Back to top" button, which floats over the text and grows
  with it, is left out on a phone (at 200% text it hid three lines); on a
  wide screen it still comes when the reader scrolls back up.
"""

from playwright.sync_api import expect

from tests.e2e.reflow import SAVED_WORK, larger_text, open_folded
from tests.e2e.site_pages import WIDGET_PAGES, wait_ready

# Every radio button and checkbox a visitor can see, with its size.
CONTROL_SIZES = """() => [...document.querySelectorAll('main input[type=radio], main input[type=checkbox]')]
  .filter(e => e.getClientRects().length && getComputedStyle(e).visibility !== 'hidden')
  .map(e => { const r = e.getBoundingClientRect(); return [e.id, Math.round(r.width), Math.round(r.height)]; })"""

# A long page, scrolled down and a little back up: when Material shows its button.
LONG_PAGE = "/gathering-records/"


# The root's text size, to be sure a change of the browser's setting has reached the page.
ROOT_PX = "parseFloat(getComputedStyle(document.documentElement).fontSize)"


def test_every_choice_and_box_is_big_enough_at_normal_and_200pct_text(make_context):
    """Each widget page started once, measured at the browser's normal text
    size and again after the setting goes to 200% (the page lays itself out
    again, as when a visitor changes it; no second start)."""
    context = make_context(viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True)
    context.add_init_script(SAVED_WORK)
    page = context.new_page()
    small = {}
    counted = {100: 0, 200: 0}
    for path, widget in WIDGET_PAGES.items():
        larger_text(page, 100)
        page.goto(path)
        wait_ready(page, widget)
        open_folded(page)
        normal_px = page.evaluate(ROOT_PX)
        for text in (100, 200):
            if text != 100:
                larger_text(page, text)
                assert page.evaluate(ROOT_PX) > normal_px * 1.5, f"{path}: the text did not grow"
            sizes = page.evaluate(CONTROL_SIZES)
            counted[text] += len(sizes)
            small.update({f"{path} {text}% {name}": (w, h) for name, w, h in sizes if w < 24 or h < 24})
    assert min(counted.values()) > 50, counted
    assert not small, small


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
