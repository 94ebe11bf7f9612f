"""Unit tests for overrides/sitebuild/glossary_links.py: glossary words become links.

Tested here: the first <abbr> of each glossary entry on a page gets a link to
that entry inside it (so its tooltip still shows, on focus too); later ones,
words with no entry, and words inside headings, links, labels, buttons and
summaries are left alone; on the glossary page the link is a same-page anchor
and an entry never links to itself; everything else is byte for byte the same.
"""

import pytest
from sitebuild import glossary_links

INDEX = {"biopsy": "biopsy", "deductible": "deductible", "pcp": "primary-care-doctor-pcp"}


def resolve(word):
    word = word.strip().lower()
    return INDEX.get(word[:-3] + "y" if word.endswith("ies") else word)


def link(html, href="../glossary/", same_page=False):
    return glossary_links.link_terms(html, resolve, href, same_page=same_page)


BIOPSY = '<abbr title="A test.">biopsy</abbr>'
LINKED_BIOPSY = '<abbr title="A test."><a class="sog-term" href="../glossary/#biopsy">biopsy</a></abbr>'


def test_first_word_is_linked_inside_its_abbr():
    assert link(f"<p>A {BIOPSY} now.</p>") == f"<p>A {LINKED_BIOPSY} now.</p>"


def test_only_the_first_of_each_entry_is_linked():
    html = f"<p>{BIOPSY} and {BIOPSY}.</p><p>Two <abbr title='Tests.'>biopsies</abbr>.</p>"
    assert (
        link(html) == f"<p>{LINKED_BIOPSY} and {BIOPSY}.</p><p>Two <abbr title='Tests.'>biopsies</abbr>.</p>"
    )


def test_each_entry_gets_its_own_first_link():
    html = '<p><abbr title="t">PCP</abbr>, <abbr title="d">deductible</abbr></p>'
    assert link(html, href="glossary/") == (
        '<p><abbr title="t"><a class="sog-term" href="glossary/#primary-care-doctor-pcp">PCP</a></abbr>, '
        '<abbr title="d"><a class="sog-term" href="glossary/#deductible">deductible</a></abbr></p>'
    )


@pytest.mark.parametrize(
    "html",
    [
        pytest.param(f"<h2 id='x'>A {BIOPSY}</h2>", id="in-a-heading"),
        pytest.param(f"<a href='../pathology/'>A {BIOPSY}</a>", id="in-a-link"),
        pytest.param(f"<label>A <span>{BIOPSY}</span></label>", id="in-a-label"),
        pytest.param(f"<button>{BIOPSY}</button>", id="in-a-button"),
        pytest.param(f"<details><summary>{BIOPSY}</summary></details>", id="in-a-summary"),
        pytest.param('<p><abbr title="x">surgery</abbr></p>', id="no-entry"),
        pytest.param("<p>A biopsy without abbr.</p>", id="plain-word"),
    ],
)
def test_left_alone(html):
    assert link(html) == html


def test_a_skipped_place_does_not_use_up_the_first_link():
    html = f"<h2>{BIOPSY}</h2><p>{BIOPSY}</p>"
    assert link(html) == f"<h2>{BIOPSY}</h2><p>{LINKED_BIOPSY}</p>"


def test_on_the_glossary_page_links_stay_on_the_page_and_skip_their_own_entry():
    html = (
        f'<h2 id="biopsy">Biopsy</h2><p>A test. Also a {BIOPSY}.</p>'
        f'<h2 id="deductible">Deductible</h2><p>Before a {BIOPSY}.</p>'
    )
    assert link(html, href="", same_page=True) == (
        f'<h2 id="biopsy">Biopsy</h2><p>A test. Also a {BIOPSY}.</p>'
        '<h2 id="deductible">Deductible</h2><p>Before a '
        '<abbr title="A test."><a class="sog-term" href="#biopsy">biopsy</a></abbr>.</p>'
    )


def test_everything_else_is_unchanged():
    html = (
        "<!doctype html>\n<p class='x'>Caf&eacute; &amp; tea<br>\n"
        f"<script>if (a < b) {{}}</script>\n  <img src='a.png' alt=''> {BIOPSY}</p>\n<!-- c -->"
    )
    assert link(html) == html.replace(BIOPSY, LINKED_BIOPSY)


def test_attribute_values_in_the_href_are_escaped():
    out = glossary_links.link_terms(f"<p>{BIOPSY}</p>", resolve, 'a"b/')
    assert 'href="a&quot;b/#biopsy"' in out
