"""One check, shared by the render tests, that hostile text stayed text.

A renderer given EVIL in every string must draw exactly the elements and
attributes it draws for plain text (nothing injected, nothing broken out of
an attribute), never paste EVIL in raw, and still show it as text.
"""

from tests.support.examples import EVIL
from tests.support.html import attributes, elements, parse, tag_problems, text


def shape(soup):
    """Each element's tag name and attribute names, in document order."""
    return [(element.name, tuple(sorted(element.attrs))) for element in elements(soup)]


def assert_escaped(hostile_html, plain_html, evil=EVIL):
    """hostile_html (drawn from hostile text) has plain_html's structure and
    shows evil only as text or attribute values. Returns its parse."""
    assert evil not in hostile_html, "hostile text was put into the page unescaped"
    soup = parse(hostile_html)
    assert tag_problems(hostile_html, soup) == []
    assert shape(soup) == shape(parse(plain_html))
    assert [name for _, name, _ in attributes(soup) if name.startswith("on")] == []
    assert elements(soup, "script") == [] and elements(soup, "b") == []
    shown = text(soup) + "".join(value for _, _, value in attributes(soup))
    assert evil in shown, "hostile text should still show, as text"
    return soup


def assert_builder_escapes(build, args, html_args=()):
    """build(*args), a renderer's small builder, given EVIL after every text
    argument (but those at the positions html_args, which take HTML the
    renderer built), draws build(*args)'s structure, injects nothing, and
    shows each hostile argument whole as text or in an attribute: escaping
    every value a builder is given is its own duty, whoever gives it.
    Returns the parse."""
    hostile = [arg + EVIL if isinstance(arg, str) and index not in html_args else arg
               for index, arg in enumerate(args)]
    soup = assert_escaped(build(*hostile), build(*args))
    shown = [text(soup)] + [value for _, _, value in attributes(soup)]
    for index, arg in enumerate(hostile):
        if isinstance(arg, str) and index not in html_args:
            assert any(arg in value for value in shown), arg
    return soup
