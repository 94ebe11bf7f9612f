"""axe-core in the browser tests, the one place every axe check goes through.

In the light scheme axe runs every rule it runs by default (WCAG 2.2 A/AA and
its best practices). The dark scheme changes colours only (proved statically,
tests/content/test_dark_scheme.py), so there axe runs only the rules whose
outcome can depend on colour (COLOUR_RULES), and every rule on the one thing
the palette switch changes besides colour: which toggle button shows.

axe-core comes from the npm packages (package.json), so this runs offline.
"""

import functools
import json
from pathlib import Path

from playwright.sync_api import expect

from tests.e2e.site_pages import wait_for_animations

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
# Material's palette: one radio input per colour scheme (mkdocs.yml, theme.palette).
PALETTES = {"light": ("#__palette_0", "default"), "dark": ("#__palette_1", "slate")}
# The palette switch: Material's script shows the other scheme's toggle button.
PALETTE_FORM = "form[data-md-component=palette]"
# The dark-scheme palette markups (and window sizes) this process has run every
# rule on: the same on every page of a language (the theme's header), so
# checked once each; what the rules read outside it (ids, labels) is the same
# in light, checked there.
_palettes_checked = set()
# axe-core 4.14's rules that read a colour, and run by default: the text and
# link contrast rules ("cat.color"; color-contrast-enhanced is AAA, off by
# default), and the three table rules that first decide whether a table holds
# data, by rows of different background colours among other things
# (isDataTable). A test checks the list against axe's own.
COLOUR_RULES = ("color-contrast", "link-in-text-block", "table-fake-caption", "td-has-header", "th-has-data-cells")

# Only violations are gathered in full (axe's advice for speed on large pages:
# it leaves out the details of what passed).
_RUN = """([rules, include]) => axe.run(
  include ? {include: [[include]]} : document,
  rules ? {runOnly: {type: "rule", values: rules}, resultTypes: ["violations"]} : {resultTypes: ["violations"]})"""


@functools.cache
def axe_source():
    """axe.min.js (500 kB), read once per process."""
    return AXE.read_text(encoding="utf-8")


def _run(page, rules=None, include=None):
    result = page.evaluate(_RUN, [list(rules) if rules else None, include])
    return [
        {
            "id": violation["id"],
            "help": violation["help"],
            "targets": [node["target"] for node in violation["nodes"]][:5],
        }
        for violation in result["violations"]
    ]


def axe_violations(page):
    """axe's findings in the page's scheme, once the theme's transitions have
    ended (half faded in, a search result or "Back to top" reads as low
    contrast): every rule in light; in dark, the colour rules, and every rule
    on the palette's toggle (once per process for each markup it has)."""
    wait_for_animations(page)
    if not page.evaluate("typeof axe !== 'undefined'"):
        # Evaluated rather than added as a <script>: the page's policy rightly
        # blocks an inline script that has no hash.
        page.evaluate(axe_source())
    if not _is_dark(page):
        return _run(page)
    found = _run(page, COLOUR_RULES)
    palette = (page.locator(PALETTE_FORM).evaluate("form => form.outerHTML"), str(page.viewport_size))
    if palette not in _palettes_checked:
        found += _run(page, include=PALETTE_FORM)
        if not found:
            _palettes_checked.add(palette)
    return found


def _is_dark(page):
    return page.locator("body").get_attribute("data-md-color-scheme") == PALETTES["dark"][1]


def switch_to(page, scheme):
    """The page in a colour scheme, without reloading it: the browser asks for
    it, and the theme's palette switch (what its toggle does) applies it."""
    palette, name = PALETTES[scheme]
    page.emulate_media(color_scheme=scheme)
    page.locator(palette).evaluate("input => input.click()")
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", name)


def axe_violations_light_and_dark(page):
    """axe's findings on the page in the light scheme, then in the dark one:
    {scheme: violations} for each scheme that has any. A page left dark by an
    earlier check is switched back to light first."""
    if _is_dark(page):
        switch_to(page, "light")
    found = {"light": axe_violations(page)}
    switch_to(page, "dark")
    found["dark"] = axe_violations(page)
    return {scheme: violations for scheme, violations in found.items() if violations}


def assert_no_axe_violations(page):
    """axe finds nothing on the page, light or dark (axe_violations_light_and_dark)."""
    found = axe_violations_light_and_dark(page)
    assert not found, json.dumps(found, indent=2)
