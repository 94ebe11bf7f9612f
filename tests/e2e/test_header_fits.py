"""The header fits a 320 px phone with text at 200%, in both languages, with
JavaScript on and off: its three buttons (menu, colours, search) stay whole
and on the screen. (Before, their margins made the header 352 px wide and the
search button stuck out past the screen's edge.)"""

import pytest

from tests.e2e.reflow import larger_text

# Every header control a visitor can see, and how far the header reaches.
MEASURE = """() => {
  const inner = document.querySelector('.md-header__inner');
  const shown = [...inner.querySelectorAll('label, button, a')].filter(e => e.offsetWidth > 0);
  return {reach: inner.scrollWidth, rights: shown.map(e => Math.round(e.getBoundingClientRect().right)),
          sizes: shown.map(e => [e.offsetWidth, e.offsetHeight])};
}"""


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_the_header_fits_320_px_with_text_at_200_percent(make_context, javascript):
    context = make_context(viewport={"width": 320, "height": 640}, java_script_enabled=javascript)
    page = context.new_page()
    larger_text(page, 200)
    for path in ("/", "/es/"):
        page.goto(path)
        header = page.evaluate(MEASURE)
        assert header["reach"] <= 320, f"{path}: the header is {header['reach']} px wide"
        assert header["rights"] and max(header["rights"]) <= 320, f"{path}: a header button ends past the screen"
        assert all(width >= 24 and height >= 24 for width, height in header["sizes"]), header["sizes"]
