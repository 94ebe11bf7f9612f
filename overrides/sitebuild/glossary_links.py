"""Glossary words, calm and in place: each section links a word once, to its meaning on this page.

The abbreviations extension wraps every glossary word of a page in an <abbr>
(docs/includes/abbreviations.md gives each its short meaning). Underlining
every one of them, with small hover tooltips, made pages noisy, and a tap led
away to the glossary page. So each <abbr> becomes one of two things:

- the first use of a glossary entry in a section (the text from one h2 to
  the next; the text before the first h2 is a section too) becomes a link to
  that word's meaning in the page's own word list (glossary_list.py):

      <a class="sog-term" href="#sog-word-biopsy">biopsy</a>

  Without JavaScript a tap jumps down to the meaning on the same page;
  docs/javascripts/glossary.js opens it in place, under the word, instead.
- every other use is plain text: later uses in the same section, words in
  headings, links, labels, buttons and summaries (a link cannot sit there),
  words with no glossary entry, and a word that is part of a web address
  ("Medicare" in "Medicare.gov", which the extension would split in two).

On the glossary page itself every word is plain text: the page is the meanings.
"""

import html as html_lib
import re
from html.parser import HTMLParser

# Elements inside which a glossary word stays plain text.
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
# "Medicare" in "Medicare.gov" or "www.Medicare": part of an address, not a word.
ADDRESS_AFTER = re.compile(r"\.[A-Za-z0-9]")
ADDRESS_BEFORE = frozenset("./@")
TERM_ID_PREFIX = "sog-word-"


def term_id(anchor):
    """The id of a glossary entry's meaning in the page's word list."""
    return TERM_ID_PREFIX + anchor


class _AbbrFinder(HTMLParser):
    """Finds each <abbr>: where it and its content start and end, its text and title,
    whether it may hold a link, and which section (count of h2s before it) it is in."""

    def __init__(self, text):
        super().__init__(convert_charrefs=True)
        self.line_starts = [0]
        for index, char in enumerate(text):
            if char == "\n":
                self.line_starts.append(index + 1)
        self.stack = []
        self.section = 0
        self.current = None
        self.found = []

    def _offset(self):
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def handle_starttag(self, tag, attrs):
        if tag == "h2":
            self.section += 1
        if tag == "abbr" and self.current is None:
            start = self._offset()
            self.current = {
                "start": start,
                "inner_start": start + len(self.get_starttag_text()),
                "may_link": not NO_LINK_INSIDE.intersection(self.stack),
                "section": self.section,
                "title": dict(attrs).get("title") or "",
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


def find_abbrs(text):
    """Every <abbr> of text (see _AbbrFinder), each with "end": the offset after its </abbr>."""
    finder = _AbbrFinder(text)
    finder.feed(text)
    finder.close()
    for abbr in finder.found:
        abbr["end"] = text.index(">", abbr["inner_end"]) + 1
    return finder.found


def _in_an_address(text, abbr):
    before = text[abbr["start"] - 1] if abbr["start"] else ""
    return before in ADDRESS_BEFORE or ADDRESS_AFTER.match(text, abbr["end"]) is not None


def link_terms(text, resolve, same_page=False):
    """(text with every <abbr> replaced, [(anchor, word, meaning)] of the linked entries).

    text is a page's HTML; resolve(word) -> the glossary entry's anchor, or None. The first
    use of each entry in each section becomes a link to #sog-word-<anchor>; every other
    <abbr> becomes its plain content. The list holds one (anchor, word as first linked,
    its meaning) per entry linked, in the order they first appear. With same_page (the
    glossary page) nothing is linked.
    """
    linked_in_section = set()
    listed = {}
    parts = []
    position = 0
    for abbr in find_abbrs(text):
        inner = text[abbr["inner_start"] : abbr["inner_end"]]
        anchor = None
        if abbr["may_link"] and not same_page and not _in_an_address(text, abbr):
            anchor = resolve(abbr["text"])
        if anchor is not None and (abbr["section"], anchor) not in linked_in_section:
            linked_in_section.add((abbr["section"], anchor))
            listed.setdefault(anchor, (anchor, abbr["text"].strip(), abbr["title"]))
            href = html_lib.escape("#" + term_id(anchor), quote=True)
            inner = '<a class="sog-term" href="' + href + '">' + inner + "</a>"
        parts.append(text[position : abbr["start"]])
        parts.append(inner)
        position = abbr["end"]
    parts.append(text[position:])
    return "".join(parts), list(listed.values())
