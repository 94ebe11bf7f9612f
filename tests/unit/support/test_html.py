"""Unit tests for tests/support/html.py, the tests' one HTML reader.

The render tests lean on it to prove markup is well formed and nothing was
injected, so it is checked here: tag_problems finds stray, missing and
misnested end tags (html.parser would repair them silently) and ignores
void elements, comments and script text; the listing helpers see every
element and attribute; visible_text leaves out what a reader never sees.
"""

import pytest

from tests.support import html

WELL_FORMED = [
    '<div class="a"><input type="checkbox" checked> <label for="x">A &amp; B</label></div>',
    "<p>one<br>two<br/>three</p><hr>",
    "<ul><li>1</li><li>2</li></ul><!-- <b> in a comment -->",
    "<script>if (a < b && c > d) { x = '</div>'; }</script><p>after</p>",
    "",
    "plain text only",
]
BROKEN = [
    "<div><p>t</div></p>",
    "<div><p>t</p>",
    "<p>t</p></b>",
    "<b><i>x</b></i>",
    "<ul><li>1<li>2</ul>",
]


@pytest.mark.parametrize("source", WELL_FORMED)
def test_well_formed_markup_has_no_problems(source):
    """Balanced tags, void elements, comments and script text are fine."""
    assert html.tag_problems(source) == []
    html.parse_well_formed(source)


@pytest.mark.parametrize("source", BROKEN)
def test_broken_markup_is_caught(source):
    """Misnested, unclosed and stray end tags are each reported."""
    assert html.tag_problems(source) != []
    with pytest.raises(AssertionError):
        html.parse_well_formed(source)


def test_listing_elements_attributes_and_ids():
    """Every element and attribute is listed in document order; values are plain strings."""
    soup = html.parse('<div id="a" class="x y"><p id="b" hidden>t</p><p>u</p></div>')
    assert [element.name for element in html.elements(soup)] == ["div", "p", "p"]
    assert [element.get_text() for element in html.elements(soup, "p")] == ["t", "u"]
    assert html.elements(soup, "p", id="b")[0].get_text() == "t"
    assert html.attributes(soup) == [("div", "id", "a"), ("div", "class", "x y"), ("p", "id", "b"), ("p", "hidden", "")]
    assert html.ids(soup) == ["a", "b"]
    assert html.by_id(soup, "b").get_text() == "t"
    with pytest.raises(AssertionError):
        html.by_id(soup, "missing")


def test_start_tags_lists_each_start_tag_with_its_attributes():
    """start_tags reads what parse() reads, in source order, without a tree."""
    source = '<div id="a" class="x y"><p hidden data-x="a &amp; b">t</p><br/><script src="s.js"></script></div>'
    assert html.start_tags(source) == [
        ("div", {"id": "a", "class": "x y"}),
        ("p", {"hidden": "", "data-x": "a & b"}),
        ("br", {}),
        ("script", {"src": "s.js"}),
    ]
    assert [(element.name, element.attrs) for element in html.elements(html.parse(source))] == html.start_tags(source)


def test_text_decodes_entities():
    """text gives the characters a browser shows, entities decoded."""
    assert html.text(html.parse("<p>&lt;b&gt; &amp; &#x27;x&#x27;</p>")) == "<b> & 'x'"


def test_visible_text_leaves_out_what_no_one_sees():
    """No script, style, template or comment text; whitespace collapsed."""
    soup = html.parse("<p> a\n <b>b</b><script>s()</script><style>p{}</style><template>t</template>"
                      "<!-- c -->  c </p>")
    assert html.visible_text(soup) == "a b c"
