"""Unit tests for sog/markup.py: safe HTML string helpers.

Tested here: escape turns the five HTML-special characters into entities
(ampersand first, so nothing is double-decoded) and accepts non-str input;
link returns escaped text alone for an empty href, and otherwise an anchor to
root + "/" + href with href and text escaped; fill puts values into a
sentence's {placeholders} as they are (escaping is the caller's job).
"""

import html

import pytest
from sog import markup


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param("&", "&amp;", id="ampersand"),
        pytest.param("<", "&lt;", id="less-than"),
        pytest.param(">", "&gt;", id="greater-than"),
        pytest.param('"', "&quot;", id="double-quote"),
        pytest.param("'", "&#x27;", id="single-quote"),
        pytest.param("&lt;", "&amp;lt;", id="entity-is-escaped-again"),
        pytest.param('<a href="x">Tom & Jerry\'s</a>',
                     "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#x27;s&lt;/a&gt;", id="mixed"),
        pytest.param("Plain text, 20% off.", "Plain text, 20% off.", id="plain-unchanged"),
        pytest.param("", "", id="empty"),
        pytest.param(42, "42", id="int"),
        pytest.param(None, "None", id="none"),
        pytest.param(2.5, "2.5", id="float"),
        pytest.param(["<"], "[&#x27;&lt;&#x27;]", id="list"),
    ],
)
def test_escape(text, expected):
    """Each special character becomes its entity; other input is str()-ed first."""
    assert markup.escape(text) == expected


@pytest.mark.parametrize("text", ["a < b & c > d", "\"quoted\" 'single'", "&amp; stays literal", "é ü 911"])
def test_escape_round_trips_through_html_unescape(text):
    """A browser decoding the escaped text shows exactly the original."""
    assert html.unescape(markup.escape(text)) == text


@pytest.mark.parametrize("href", ["", None], ids=["empty", "none"])
def test_link_without_href_is_escaped_text(href):
    """No href means no anchor, only the text, escaped."""
    assert markup.link("..", href, "Call <911> & go") == "Call &lt;911&gt; &amp; go"


@pytest.mark.parametrize(
    "root, href, text, expected",
    [
        pytest.param("..", "pathology/", "Read more", '<a href="../pathology/">Read more</a>', id="up-one"),
        pytest.param(".", "checklist/", "Checklist", '<a href="./checklist/">Checklist</a>', id="site-root"),
        pytest.param("../..", "glossary/", "Words", '<a href="../../glossary/">Words</a>', id="up-two"),
        pytest.param("..", "a\"b<c>/", "Tom & Jerry",
                     '<a href="../a&quot;b&lt;c&gt;/">Tom &amp; Jerry</a>', id="escapes-href-and-text"),
        pytest.param('"><x', "p/", "t", '<a href="&quot;&gt;&lt;x/p/">t</a>', id="escapes-root"),
    ],
)
def test_link(root, href, text, expected):
    """An anchor to root + "/" + href, with href and text escaped."""
    assert markup.link(root, href, text) == expected


@pytest.mark.parametrize(
    "template, values, expected",
    [
        pytest.param("{n} items", {"n": 3}, "3 items", id="number"),
        pytest.param("{done} of {total} done", {"done": 1, "total": 2}, "1 of 2 done", id="two"),
        pytest.param("{n} and {n}", {"n": "x"}, "x and x", id="repeated"),
        pytest.param("no placeholder", {"n": 1}, "no placeholder", id="none"),
        pytest.param("{missing} stays", {}, "{missing} stays", id="unfilled-stays"),
        pytest.param("Read: {title}", {"title": "<b>&"}, "Read: <b>&", id="not-escaped"),
    ],
)
def test_fill(template, values, expected):
    """Each {key} becomes str(value); unknown placeholders stay; nothing is escaped."""
    assert markup.fill(template, values) == expected
