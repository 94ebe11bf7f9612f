"""The word list at the end of a page: the meaning of each glossary word the page links.

glossary_links.py links the first use of a glossary word in each section to
its meaning here (#sog-word-<anchor>), so a tap never leaves the page. The
list is a <details>, open in the HTML so that it works without JavaScript;
docs/javascripts/glossary.js folds it and opens each meaning in place instead.
Its words (the list's title, the link to the whole glossary) are data, in
docs/includes/glossary-words.json.
"""

import html as html_lib
import json

from sitebuild.glossary_links import term_id

LIST_ID = "sog-words"
WORD_KEYS = ("list_title", "all_words")


def load_words(path):
    """docs/includes/glossary-words.json -> its "words" ({key: sentence})."""
    data = json.loads(path.read_text(encoding="utf-8"))
    words = data.get("words") if data.get("version") == 1 else None
    if not isinstance(words, dict) or not all(isinstance(words.get(key), str) for key in WORD_KEYS):
        raise ValueError(f"{path}: expected version 1 and words {', '.join(WORD_KEYS)}")
    return words


def _as_heading(word):
    """"biopsies" -> "Biopsies" ("PCP" and "x-ray" keep their letters but the first)."""
    return word[:1].upper() + word[1:]


def list_html(entries, words, glossary_href):
    """The word list for [(anchor, word, meaning)] ("" when the page links no word).
    glossary_href is the glossary page's address from this page ("../glossary/")."""
    if not entries:
        return ""
    escape = html_lib.escape
    items = "".join(
        f'<dt id="{escape(term_id(anchor))}">{escape(_as_heading(word))}</dt><dd>{escape(meaning)}</dd>'
        for anchor, word, meaning in entries
    )
    return (
        f'<details class="sog-words" id="{LIST_ID}" open>'
        f"<summary>{escape(words['list_title'])}</summary>"
        f"<dl>{items}</dl>"
        f'<p><a href="{escape(glossary_href)}">{escape(words["all_words"])}</a></p>'
        "</details>"
    )
