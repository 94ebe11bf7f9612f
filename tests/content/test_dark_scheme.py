"""The dark colour scheme changes colours and nothing else, in every
stylesheet the project writes: so axe's colour rules are the only ones that
can find anything new in dark (tests/e2e/test_accessibility.py runs every rule
in light and the colour rules in dark). A rule for the dark scheme that set a
size, a display or a position would make the dark page a different page, to be
checked whole."""

import re
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[2]
STYLESHEETS = sorted([*PROJECT.glob("docs/stylesheets/*.css"), *PROJECT.glob("pyscript/sog/*/*.css")])
COMMENT = re.compile(r"/\*.*?\*/", re.S)
# A rule (selectors, then declarations) with no rule nested inside it.
RULE = re.compile(r"([^{}]*)\{([^{}]*)\}")
# Material's dark scheme, and the browser's.
DARK = re.compile(r'slate|prefers-color-scheme:\s*dark')
COLOUR_PROPERTY = re.compile(r"^(color|background(-color)?|accent-color|caret-color|fill|stroke|box-shadow"
                             r"|outline-color|text-decoration-color|border(-(top|right|bottom|left))?-color"
                             r"|--[a-z0-9-]*colou?r[a-z0-9-]*)$")


def dark_declarations(css):
    """(selector, property) for every declaration that applies only in the dark scheme."""
    css = COMMENT.sub("", css)
    found = []
    for media in re.finditer(r"@media[^{]*prefers-color-scheme:\s*dark[^{]*\{((?:[^{}]*\{[^{}]*\})*)[^{}]*\}", css):
        for rule in RULE.finditer(media.group(1)):
            found += [(rule.group(1).strip(), d.split(":")[0].strip()) for d in rule.group(2).split(";") if ":" in d]
    for rule in RULE.finditer(css):
        if DARK.search(rule.group(1)):
            found += [(rule.group(1).strip(), d.split(":")[0].strip()) for d in rule.group(2).split(";") if ":" in d]
    return found


@pytest.mark.parametrize("stylesheet", STYLESHEETS, ids=lambda path: path.relative_to(PROJECT).as_posix())
def test_the_dark_scheme_sets_only_colours(stylesheet):
    others = [(selector, name) for selector, name in dark_declarations(stylesheet.read_text(encoding="utf-8"))
              if not COLOUR_PROPERTY.match(name)]
    assert not others, f"rules for the dark scheme that set more than colours: {others}"


def test_the_check_sees_a_dark_rule_that_sets_a_size():
    css = '[data-md-color-scheme="slate"] .x { color: red; width: 3rem }'
    assert ('[data-md-color-scheme="slate"] .x', "width") in dark_declarations(css)
