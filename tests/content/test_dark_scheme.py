"""The dark scheme changes colours only: what lets the browser tests run
axe's full ruleset in the light scheme and, in the dark one, only the rules
whose outcome can depend on colour (tests/e2e/axe.py).

Read statically, with no build: every stylesheet the site ships (its own
under docs/ and pyscript/, and Material's from the installed package, the
files the build copies). A rule applies in one scheme only when its selector
names the scheme (`[data-md-color-scheme=...]`, either one: a light-only rule
that did more than colour would differ in dark just the same) or it sits in a
`prefers-color-scheme` media query. Each such rule may set only paint
properties, or custom properties that are used, wherever they are used, only
in paint properties. What the palette switch does besides CSS (Material's
JavaScript shows the other toggle button) is checked in the dark scheme with
every rule, on that button only (tests/e2e/axe.py).
"""

import functools
import json
import shutil
import subprocess
from pathlib import Path

import material
import pytest
import tinycss2
import tinycss2.color4

from tests.e2e.axe import COLOUR_RULES

from .htmlpages import PROJECT, load_config

MATERIAL_CSS = Path(material.__file__).parent / "templates" / "assets" / "stylesheets"

# Properties that paint and do nothing else: no size, place, visibility or
# text changes, so no axe rule but the colour ones can see them.
PAINT = frozenset({
    "color", "background-color", "border-color", "border-top-color", "border-right-color",
    "border-bottom-color", "border-left-color", "border-block-color", "border-inline-color",
    "outline-color", "text-decoration-color", "text-emphasis-color", "column-rule-color", "caret-color",
    "accent-color", "fill", "stroke", "stop-color", "flood-color", "lighting-color", "box-shadow",
    "text-shadow", "scrollbar-color", "color-scheme",
})
# The `background` shorthand paints only when all it says is one colour (or
# nothing): its other parts go back to their defaults, and none of the rules
# that use it here is on an element with a background image.
SHORTHAND_COLOUR = "background"
# Material's images shown in one scheme only (a URL ending in one of these).
# The site has none (checked below), so these rules hide nothing.
SCHEME_IMAGE_FRAGMENTS = ("#only-light", "#only-dark", "#gh-light-mode-only", "#gh-dark-mode-only")


def shipped_stylesheets():
    """{name: text} of every stylesheet the build can ship."""
    sheets = {str(path.relative_to(PROJECT)): path.read_text(encoding="utf-8")
              for folder in ("docs", "pyscript") for path in sorted((PROJECT / folder).rglob("*.css"))}
    sheets.update({f"material/{path.name}": path.read_text(encoding="utf-8")
                   for path in sorted(MATERIAL_CSS.glob("*.css"))})
    return sheets


GROUPING_AT_RULES = ("media", "supports", "layer", "container")


def style_rules(rules, media="", parent=""):
    """(media, selector, declarations) for every style rule, nested at-rules and
    nested style rules opened (a nested rule's selector follows its parent's)."""
    for rule in rules:
        if rule.type == "qualified-rule":
            selector = f"{parent} {tinycss2.serialize(rule.prelude).strip()}".strip()
            contents = tinycss2.parse_blocks_contents(rule.content, skip_whitespace=True, skip_comments=True)
            yield media, selector, [item for item in contents if item.type == "declaration"]
            yield from style_rules([item for item in contents if item.type != "declaration"], media, selector)
        elif rule.type == "at-rule" and rule.content is not None and rule.lower_at_keyword in GROUPING_AT_RULES:
            inner = tinycss2.parse_blocks_contents(rule.content, skip_whitespace=True, skip_comments=True)
            nested = f"{media} @{rule.lower_at_keyword} {tinycss2.serialize(rule.prelude)}"
            if parent:  # @media inside a style rule: its declarations are the parent's
                yield nested, parent, [item for item in inner if item.type == "declaration"]
            yield from style_rules([item for item in inner if item.type != "declaration"], nested, parent)


@functools.cache
def all_rules():
    """(sheet, media, selector, declarations) for every style rule shipped, parsed once."""
    return [(name, *rule) for name, text in shipped_stylesheets().items()
            for rule in style_rules(tinycss2.parse_stylesheet(text, skip_whitespace=True, skip_comments=True))]


def scheme_only(selector, media):
    return "data-md-color-scheme" in selector or "prefers-color-scheme" in media


def tokens(values):
    for token in values:
        yield token
        if token.type in ("function", "() block", "[] block", "{} block"):
            yield from tokens(token.arguments if token.type == "function" else token.content)


def significant(values):
    """A value's tokens, without whitespace and comments."""
    return [token for token in values if token.type not in ("whitespace", "comment")]


def is_var(token):
    return token.type == "function" and token.lower_name == "var"


def var_name(token):
    """The custom property a var(--name, ...) token reads, or None."""
    if is_var(token) and token.arguments and token.arguments[0].type == "ident":
        return token.arguments[0].value
    return None


def custom_properties_used(values):
    """The custom properties a value reads (var(--name, ...))."""
    return {var_name(token) for token in tokens(values) if var_name(token)}


def is_one_colour(values):
    parts = significant(values)
    if len(parts) != 1:
        return False
    part = parts[0]
    if part.type == "ident" and part.lower_value == "none":
        return True
    if is_var(part):
        return True  # what it reads is checked as a custom property
    return tinycss2.color4.parse_color(part) is not None


def property_name(declaration):
    return declaration.name if declaration.name.startswith("--") else declaration.lower_name


def paints(declaration):
    """True when the declaration only paints."""
    name = property_name(declaration)
    return name in PAINT or (name == SHORTHAND_COLOUR and is_one_colour(declaration.value))


def custom_property_readers():
    """{custom property: the properties that read it, "paint" for any paint-only one}."""
    readers = {}
    for _, _, _, declarations in all_rules():
        for declaration in declarations:
            for used in custom_properties_used(declaration.value):
                readers.setdefault(used, set()).add("paint" if paints(declaration) else property_name(declaration))
    return readers


COLOUR_FUNCTIONS = frozenset({"rgb", "rgba", "hsl", "hsla", "hwb", "lab", "lch", "oklab", "oklch", "color",
                              "color-mix"})


def colour_valued_custom_properties():
    """Custom properties whose every value, wherever set, is a colour: a hex
    colour, a colour function, or another such property. Whatever reads one
    can only take it as a colour (the largest such set)."""
    values = {}
    for _, _, _, declarations in all_rules():
        for declaration in declarations:
            if declaration.name.startswith("--"):
                values.setdefault(declaration.name, []).append(significant(declaration.value))

    def colour(parts, colours):
        if len(parts) != 1:
            return False
        part = parts[0]
        if part.type == "hash" or (part.type == "ident" and part.lower_value in ("transparent", "currentcolor")):
            return True
        if is_var(part):
            return var_name(part) in colours
        return part.type == "function" and part.lower_name in COLOUR_FUNCTIONS

    colours = set(values)
    while True:
        dropped = {name for name in colours if not all(colour(parts, colours) for parts in values[name])}
        if not dropped:
            return colours
        colours -= dropped


def paint_only_custom_properties(readers):
    """Custom properties that can change colours only: colour-valued ones, and
    those read only by paint properties or by such custom properties (the
    largest such set)."""
    colours = colour_valued_custom_properties()
    paint_only = set(readers) | colours
    while True:
        dropped = {name for name in paint_only - colours
                   if any(reader != "paint" and reader not in paint_only for reader in readers.get(name, ()))}
        if not dropped:
            return paint_only
        paint_only -= dropped


def shows_a_scheme_image(selector):
    return "img[" in selector and all(
        any(fragment in part for fragment in SCHEME_IMAGE_FRAGMENTS) for part in selector.split(","))


def test_a_scheme_only_rule_changes_colours_only():
    """Every rule for one scheme sets paint properties only, or custom
    properties that only paint: switching to dark can change what colour
    something is, never its size, place, visibility or words."""
    readers = custom_property_readers()
    paint_only = paint_only_custom_properties(readers)
    found = 0
    wrong = []
    for name, media, selector, declarations in all_rules():
        if not scheme_only(selector, media):
            continue
        found += 1
        for declaration in declarations:
            prop = property_name(declaration)
            if paints(declaration) or prop in paint_only:
                continue
            if prop.startswith("--") and prop not in readers:
                continue  # set, never read: changes nothing
            if prop == "display" and shows_a_scheme_image(selector):
                continue
            wrong.append(f"{name}: {media} {selector[:120]} {{ {prop}: {tinycss2.serialize(declaration.value)} }}")
    # Material's palette and the site's own dark rules were found at all.
    assert found > 20
    assert not wrong, "\n".join(wrong)


def test_the_schemes_differ_in_scheme_only():
    """mkdocs.yml's two palettes have the same primary and accent colour names,
    so Material's rules keyed on those apply alike in both schemes."""
    palettes = load_config()["theme"]["palette"]
    assert {palette["scheme"] for palette in palettes} == {"default", "slate"}
    assert len({(palette.get("primary"), palette.get("accent")) for palette in palettes}) == 1


def test_no_image_is_for_one_scheme_only():
    """Material hides an image whose URL ends in #only-light or #only-dark in
    the other scheme; the site has none, so no scheme hides anything."""
    found = [str(path.relative_to(PROJECT)) for folder in ("docs", "overrides", "pyscript")
             for path in (PROJECT / folder).rglob("*") if path.suffix in (".md", ".html", ".json", ".py", ".js")
             and any(fragment in path.read_text(encoding="utf-8") for fragment in SCHEME_IMAGE_FRAGMENTS)]
    assert not found


# axe-core's rules, as its package loads in Node: those run by default that
# read a colour, found by what they say of themselves: tagged "cat.color", or
# deciding first whether a table holds data, which reads row colours.
AXE_COLOUR_RULES = """
const axe = require("axe-core");
console.log(JSON.stringify(axe._audit.rules.filter(rule => rule.enabled && (
  rule.tags.includes("cat.color") || String(rule.matches).includes("is_data_table"))).map(rule => rule.id)));
"""


def test_the_dark_scheme_runs_every_axe_rule_that_reads_a_colour():
    """The rules axe runs in the dark scheme (tests/e2e/axe.py) are exactly
    axe-core's rules that read a colour and run by default."""
    node = shutil.which("node")
    if node is None:
        pytest.skip("Node is not installed (make deps installs axe-core and needs it)")
    found = subprocess.run([node, "-e", AXE_COLOUR_RULES], cwd=PROJECT, capture_output=True, text=True,
                           check=True).stdout
    assert sorted(json.loads(found)) == sorted(COLOUR_RULES)
