"""Glossary words a finger or a keyboard can reach: each links to its glossary entry.

Material's tooltips show an <abbr>'s meaning on mouse hover; a phone may not
send a hover, and a keyboard cannot focus an <abbr>. So the first <abbr> of
each glossary entry on a page gets a link inside it, to that entry:

    <abbr title="..."><a class="sog-term" href="../glossary/#biopsy">biopsy</a></abbr>

The link sits inside the <abbr>, so the tooltip still shows on hover and now
also on focus (Material shows it while focus is inside the element). Only the
first one per entry is linked, so a page does not fill up with links and tab
stops. Words in headings, links, labels, buttons and summaries are left
alone: a link cannot sit there.
"""

import html as html_lib
from html.parser import HTMLParser

# Elements inside which an <abbr> must stay as it is.
NO_LINK_INSIDE = frozenset(
    [
        "a",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "label",
        "button",
        "summary",
        "legend",
        "option",
        "select",
        "textarea",
        "code",
        "pre",
    ]
)
VOID = frozenset(
    [
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
    ]
)


class _AbbrFinder(HTMLParser):
    """Finds each <abbr>: where its content starts and ends, its text, whether it may hold a
    link, and the id of the h2 it sits under."""

    def __init__(self, text):
        super().__init__(convert_charrefs=True)
        self.line_starts = [0]
        for index, char in enumerate(text):
            if char == "\n":
                self.line_starts.append(index + 1)
        self.stack = []
        self.section = ""
        self.current = None
        self.found = []

    def _offset(self):
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def handle_starttag(self, tag, attrs):
        if tag == "h2":
            self.section = dict(attrs).get("id") or ""
        if tag == "abbr" and self.current is None:
            self.current = {
                "inner_start": self._offset() + len(self.get_starttag_text()),
                "may_link": not NO_LINK_INSIDE.intersection(self.stack),
                "section": self.section,
                "text": [],
            }
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        pass

    def handle_endtag(self, tag):
        if tag == "abbr" and self.current is not None:
            self.current["inner_end"] = self._offset()
            self.current["text"] = "".join(self.current["text"])
            self.found.append(self.current)
            self.current = None
        if tag in self.stack:
            while self.stack.pop() != tag:
                pass

    def handle_data(self, data):
        if self.current is not None:
            self.current["text"].append(data)


def link_terms(text, resolve, glossary_href, same_page=False):
    """text (a page's HTML) with the first <abbr> of each glossary entry holding a link to it.

    resolve(word) -> the entry's anchor, or None. glossary_href is the glossary page's address
    relative to this page ("../glossary/"); on the glossary page itself pass same_page=True
    (links become "#anchor", and no entry links to itself).
    """
    finder = _AbbrFinder(text)
    finder.feed(text)
    finder.close()
    linked = set()
    edits = []
    for abbr in finder.found:
        if not abbr["may_link"]:
            continue
        anchor = resolve(abbr["text"])
        if anchor is None or anchor in linked:
            continue
        if same_page and anchor == abbr["section"]:
            continue
        linked.add(anchor)
        href = ("" if same_page else glossary_href) + "#" + anchor
        opening = '<a class="sog-term" href="' + html_lib.escape(href, quote=True) + '">'
        edits.append((abbr["inner_start"], opening))
        edits.append((abbr["inner_end"], "</a>"))
    if not edits:
        return text
    parts = []
    position = 0
    for offset, insert in edits:
        parts.append(text[position:offset])
        parts.append(insert)
        position = offset
    parts.append(text[position:])
    return "".join(parts)
