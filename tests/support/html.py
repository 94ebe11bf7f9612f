"""The tests' one way to read HTML: BeautifulSoup with Python's html.parser.

Generic on purpose (fragments from a renderer or whole built pages alike):
parse (or only list the start tags, faster), list elements and attributes,
read visible text, and check that the tags in the source open and close in
order (html.parser silently repairs misnested tags, so the parsed tree alone
cannot tell).
"""

import re
from html.parser import HTMLParser

from bs4 import BeautifulSoup, Comment

# Text in these is never shown as page text.
UNSHOWN = ("script", "style", "template")
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)")
_RAW_TEXT = re.compile(r"<(script|style)\b([^>]*)>.*?</\1\s*>", re.DOTALL | re.IGNORECASE)
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)


def parse(html):
    """The parsed fragment or page. Every attribute value is a plain string
    (class too), and a bare attribute such as `hidden` has the value ""."""
    return BeautifulSoup(html, "html.parser", multi_valued_attributes=None)


class _StartTags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.found = []

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, {name: "" if value is None else value for name, value in attrs}))


def start_tags(html):
    """(tag name, {attribute: value}) for every start tag, in source order,
    read by the same html.parser without building a tree: about four times
    faster than parse(), for a test that reads the links of many whole
    pages. Values are decoded; a bare attribute's value is "", as in parse()."""
    reader = _StartTags()
    reader.feed(html)
    reader.close()
    return reader.found


def elements(node, name=None, **attrs):
    """Every element under node (a parse result or an element), in document
    order, optionally only those with this tag name and attribute values."""
    return node.find_all(name if name is not None else True, attrs=attrs)


def by_id(node, element_id):
    """The one element with this id (an AssertionError if not exactly one)."""
    found = elements(node, id=element_id)
    assert len(found) == 1, f"{len(found)} elements with id {element_id!r}"
    return found[0]


def ids(node):
    """Every id under node, in document order (duplicates kept)."""
    return [element["id"] for element in elements(node) if element.has_attr("id")]


def attributes(node):
    """(tag name, attribute name, value) for every attribute under node."""
    return [(element.name, name, value) for element in elements(node) for name, value in element.attrs.items()]


def text(node):
    """All the text under node as the browser would hold it (entities decoded)."""
    return node.get_text()


def visible_text(node):
    """The text a reader sees: no script, style or template content, no
    comments, runs of whitespace as one space, trimmed."""
    parts = []
    for string in node.find_all(string=True):
        if isinstance(string, Comment) or any(parent.name in UNSHOWN for parent in string.parents):
            continue
        parts.append(str(string))
    return " ".join("".join(parts).split())


def _source_tags(html):
    html = _COMMENT.sub("", _RAW_TEXT.sub(r"<\1\2></\1>", html))
    return [("end" if slash else "start", name.lower()) for slash, name in _TAG.findall(html)]


def _tree_tags(node):
    found = []
    for child in node.children:
        if getattr(child, "name", None) is None:
            continue
        found.append(("start", child.name))
        found += _tree_tags(child)
        if not child.can_be_empty_element:
            found.append(("end", child.name))
    return found


def tag_problems(html, soup=None):
    """Where the source's tags differ from a well-formed tree: [] when every
    tag opened is closed, in order, and no end tag is stray or missing
    (void elements such as <input> have none). soup: html already parsed."""
    source = _source_tags(html)
    tree = _tree_tags(soup if soup is not None else parse(html))
    if source == tree:
        return []
    index = 0
    while index < min(len(source), len(tree)) and source[index] == tree[index]:
        index += 1
    return [f"tag {index}: source has {source[index:index + 3]}, a well-formed tree {tree[index:index + 3]}"]


def parse_well_formed(html):
    """parse(html), after asserting its tags are well formed."""
    soup = parse(html)
    assert tag_problems(html, soup) == []
    return soup
