"""Unit tests for overrides/sitebuild/glossary_links.py: glossary words, calm and in place.

Tested here: the first <abbr> of each glossary entry in each section (h2 to h2)
becomes a link to its meaning in the page's word list (#sog-word-<anchor>);
every other <abbr> becomes its plain content (later uses in the section, words
with no entry, words in headings, links, labels, buttons and summaries, words
that are part of a web address such as "Medicare.gov"); on the glossary page
nothing is linked; the entries come back in order of first use, with the word
as used and its meaning; everything else is byte for byte the same.
"""

import pytest
from sitebuild import glossary_links

INDEX = {"biopsy": "biopsy", "deductible": "deductible", "pcp": "primary-care-doctor-pcp", "medicare": "medicare"}


def resolve(word):
    word = word.strip().lower()
    return INDEX.get(word[:-3] + "y" if word.endswith("ies") else word)


def link(html, same_page=False):
    return glossary_links.link_terms(html, resolve, same_page=same_page)[0]


def entries(html):
    return glossary_links.link_terms(html, resolve)[1]


BIOPSY = '<abbr title="A test.">biopsy</abbr>'
LINKED = '<a class="sog-term" href="#sog-word-biopsy">biopsy</a>'


def test_first_word_of_a_section_links_to_its_meaning_on_the_page():
    assert link(f"<p>A {BIOPSY} now.</p>") == f"<p>A {LINKED} now.</p>"


def test_later_uses_in_the_same_section_are_plain_words():
    html = f"<p>{BIOPSY} and {BIOPSY}.</p><p>Two <abbr title='Tests.'>biopsies</abbr>.</p>"
    assert link(html) == f"<p>{LINKED} and biopsy.</p><p>Two biopsies.</p>"


def test_each_section_links_its_own_first_use():
    html = f"<p>{BIOPSY} {BIOPSY}</p><h2 id='a'>Next</h2><p>{BIOPSY} {BIOPSY}</p><h2 id='b'>Last</h2><p>None</p>"
    assert link(html) == (
        f"<p>{LINKED} biopsy</p><h2 id='a'>Next</h2><p>{LINKED} biopsy</p><h2 id='b'>Last</h2><p>None</p>"
    )


def test_each_entry_gets_its_own_first_link():
    html = '<p><abbr title="t">PCP</abbr>, <abbr title="d">deductible</abbr></p>'
    assert link(html) == (
        '<p><a class="sog-term" href="#sog-word-primary-care-doctor-pcp">PCP</a>, '
        '<a class="sog-term" href="#sog-word-deductible">deductible</a></p>'
    )


@pytest.mark.parametrize(
    "html, plain",
    [
        pytest.param(f"<h2 id='x'>A {BIOPSY}</h2>", "<h2 id='x'>A biopsy</h2>", id="in-a-heading"),
        pytest.param(f"<a href='../pathology/'>A {BIOPSY}</a>", "<a href='../pathology/'>A biopsy</a>", id="in-a-link"),
        pytest.param(
            f"<label>A <span>{BIOPSY}</span></label>", "<label>A <span>biopsy</span></label>", id="in-a-label"
        ),
        pytest.param(f"<button>{BIOPSY}</button>", "<button>biopsy</button>", id="in-a-button"),
        pytest.param(
            f"<details><summary>{BIOPSY}</summary></details>", "<details><summary>biopsy</summary></details>",
            id="in-a-summary",
        ),
        pytest.param('<p><abbr title="x">surgery</abbr></p>', "<p>surgery</p>", id="no-entry"),
        pytest.param("<p>A biopsy without abbr.</p>", "<p>A biopsy without abbr.</p>", id="plain-word"),
        pytest.param(
            '<p>See <abbr title="M">Medicare</abbr>.gov today.</p>', "<p>See Medicare.gov today.</p>",
            id="part-of-an-address",
        ),
        pytest.param('<p>www.<abbr title="M">Medicare</abbr></p>', "<p>www.Medicare</p>", id="after-a-dot"),
    ],
)
def test_plain_words(html, plain):
    assert link(html) == plain


def test_a_word_at_the_end_of_a_sentence_is_still_linked():
    out = link('<p>Ask <abbr title="M">Medicare</abbr>. Then wait.</p>')
    assert out == '<p>Ask <a class="sog-term" href="#sog-word-medicare">Medicare</a>. Then wait.</p>'


def test_a_skipped_place_does_not_use_up_the_first_link():
    html = f"<h2>{BIOPSY}</h2><p>{BIOPSY}</p>"
    assert link(html) == f"<h2>biopsy</h2><p>{LINKED}</p>"


def test_on_the_glossary_page_every_word_is_plain():
    html = f'<h2 id="biopsy">Biopsy</h2><p>A test.</p><h2 id="deductible">Deductible</h2><p>Before a {BIOPSY}.</p>'
    assert glossary_links.link_terms(html, resolve, same_page=True) == (html.replace(BIOPSY, "biopsy"), [])


def test_entries_in_order_of_first_use_with_the_word_as_used_and_its_meaning():
    html = (
        '<p>Two <abbr title="Tests.">biopsies</abbr> and a <abbr title="Your share.">deductible</abbr>.</p>'
        f"<h2>Later</h2><p>{BIOPSY}</p>"
    )
    assert entries(html) == [("biopsy", "biopsies", "Tests."), ("deductible", "deductible", "Your share.")]


def test_words_that_stay_plain_are_not_listed():
    assert entries(f"<h2>{BIOPSY}</h2><p><abbr title='x'>surgery</abbr></p>") == []


def test_everything_else_is_unchanged():
    html = (
        "<!doctype html>\n<p class='x'>Caf&eacute; &amp; tea<br>\n"
        f"<script>if (a < b) {{}}</script>\n  <img src='a.png' alt=''> {BIOPSY}</p>\n<!-- c -->"
    )
    assert link(html) == html.replace(BIOPSY, LINKED)


def test_the_meaning_and_word_are_read_as_text():
    out = glossary_links.link_terms('<p><abbr title="A &amp; B">PCP</abbr></p>', resolve)
    assert out[1] == [("primary-care-doctor-pcp", "PCP", "A & B")]
