"""Unit tests for overrides/sitebuild/glossary_list.py: the word list at the end of a page.

Tested here: one <dt id="sog-word-<anchor>"> and <dd> per linked entry, in the
order given; the list is an open <details> (it works without JavaScript) with
the title and glossary link from docs/includes/glossary-words.json; every piece
of text is escaped; no list when the page links no word; the words file is
checked when read.
"""

import json

import pytest
from sitebuild import glossary_list

from tests.content.htmlpages import DOCS, parse_html

WORDS = {"list_title": "Words used on this page", "all_words": "Every word"}


def test_one_entry_per_word_in_order():
    out = glossary_list.list_html(
        [("biopsy", "biopsies", "Tests."), ("deductible", "deductible", "Your share.")], WORDS, "../glossary/"
    )
    root = parse_html(out)
    details = root.find("details")
    assert details.get("id") == "sog-words" and "open" in details.attrs
    assert details.find("summary").text() == "Words used on this page"
    assert [(dt.get("id"), dt.text()) for dt in details.find_all("dt")] == [
        ("sog-word-biopsy", "Biopsies"),
        ("sog-word-deductible", "Deductible"),
    ]
    assert [dd.text() for dd in details.find_all("dd")] == ["Tests.", "Your share."]
    link = details.find("a")
    assert link.get("href") == "../glossary/" and link.text() == "Every word"


def test_no_word_no_list():
    assert glossary_list.list_html([], WORDS, "../glossary/") == ""


def test_text_is_escaped():
    out = glossary_list.list_html([("a", "<b>", "x < y & z")], {"list_title": "<i>", "all_words": "&"}, 'g"/')
    assert "<b>" not in out and "<i>" not in out
    assert "x &lt; y &amp; z" in out and 'href="g&quot;/"' in out


def test_the_real_words_file_is_read():
    words = glossary_list.load_words(DOCS / "includes" / "glossary-words.json")
    assert set(glossary_list.WORD_KEYS) <= set(words)


@pytest.mark.parametrize(
    "data",
    [
        pytest.param({"version": 2, "words": WORDS}, id="wrong-version"),
        pytest.param({"version": 1, "words": {"list_title": "x"}}, id="missing-word"),
        pytest.param({"version": 1}, id="no-words"),
    ],
)
def test_a_bad_words_file_is_refused(tmp_path, data):
    path = tmp_path / "words.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ValueError):
        glossary_list.load_words(path)
