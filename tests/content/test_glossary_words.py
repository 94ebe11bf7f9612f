"""Glossary words in the built pages: calm, and never leading away (issue 15, item 9).

overrides/sitebuild/glossary_links.py links the first use of a glossary word in
each section to its meaning in the page's own word list; every other use is
plain text. Checked on every built page:

- no <abbr> is left (nothing draws a hover tooltip, nothing is underlined twice);
- every glossary link points into the same page, at a word-list entry that
  holds the word's meaning;
- each section (h2 to h2) links a glossary entry at most once, and a later
  section links it again;
- the glossary page links nothing and has no word list;
- a web address such as Medicare.gov is never split by a link or a tag;
- a page with a word list loads the script that opens meanings in place.
"""

import re

import pytest

from .htmlpages import DOCS, is_word_list, source_pages

PAGES = source_pages()
TERM_HREF = re.compile(r"^#sog-word-[a-z0-9-]+$")
SPLIT_ADDRESS = re.compile(r"Medicare(?:<[^>]+>)+\.gov", re.IGNORECASE)


def terms(page):
    return page.article.find_all("a", cls="sog-term")


def word_list(page):
    found = [node for node in page.article.iter() if is_word_list(node)]
    return found[0] if found else None


def section_of_each_term(page):
    """[(section number, href)] for each glossary link in the article, in order."""
    out = []
    section = 0
    for node in page.article.iter():
        if node.tag == "h2":
            section += 1
        elif node.tag == "a" and "sog-term" in node.classes:
            out.append((section, node.get("href")))
    return out


@pytest.mark.parametrize("src", PAGES)
def test_no_abbr_is_left(site, src):
    abbrs = site.page(src).root.find_all("abbr")
    assert not abbrs, f"{src}: {len(abbrs)} <abbr> left: {[a.text() for a in abbrs[:5]]}"


@pytest.mark.parametrize("src", [src for src in PAGES if src != "glossary.md"])
def test_every_glossary_link_stays_on_the_page_and_finds_a_meaning(site, src):
    page = site.page(src)
    found = terms(page)
    words = word_list(page)
    if not found:
        assert words is None, f"{src}: a word list with no word linked to it"
        return
    assert words is not None, f"{src}: glossary links but no word list"
    for term in found:
        href = term.get("href", "")
        assert TERM_HREF.match(href), f"{src}: the word {term.text()!r} links to {href!r}, not into the page"
        target = next((node for node in words.iter() if node.get("id") == href[1:]), None)
        assert target is not None and target.tag == "dt", f"{src}: no word-list entry {href}"
        meaning = target.next_element_sibling()
        assert meaning is not None and meaning.tag == "dd" and meaning.text(), f"{src}: {href} has no meaning"
    listed = {dt.get("id") for dt in words.find_all("dt")}
    linked = {term.get("href")[1:] for term in found}
    assert listed == linked, f"{src}: word list and links differ: {sorted(listed ^ linked)}"


@pytest.mark.parametrize("src", PAGES)
def test_each_section_links_a_word_once(site, src):
    pairs = section_of_each_term(site.page(src))
    repeated = sorted({pair for pair in pairs if pairs.count(pair) > 1})
    assert not repeated, f"{src}: words linked more than once in one section: {repeated}"


def test_the_first_use_in_each_section_is_linked_not_only_the_first_on_the_page(site):
    """A long page links a common word again in a later section (here "Medicare" on the
    insurance page, which uses it in many sections)."""
    pairs = section_of_each_term(site.page("insurance-and-costs.md"))
    sections = {section for section, href in pairs if href == "#sog-word-medicare"}
    assert len(sections) >= 2, pairs


def test_the_glossary_page_links_nothing(site):
    page = site.page("glossary.md")
    assert not terms(page) and word_list(page) is None


@pytest.mark.parametrize("src", PAGES)
def test_web_addresses_are_not_split(site, src):
    html = site.page(src).path.read_text(encoding="utf-8")
    assert not SPLIT_ADDRESS.search(html), f"{src}: Medicare.gov is split by a tag"


def test_medicare_gov_is_on_the_pages_as_one_word(site):
    """The check above has something to look at."""
    assert "Medicare.gov" in site.page("when-to-get-one.md").article.text()


@pytest.mark.parametrize("src", [src for src in PAGES if src != "glossary.md"])
def test_a_page_with_a_word_list_loads_the_script_that_opens_meanings(site, src):
    page = site.page(src)
    if word_list(page) is None:
        return
    scripts = [node.get("src", "") for node in page.root.find_all("script")]
    assert any(src_.endswith("javascripts/glossary.js") for src_ in scripts), f"{src}: no glossary.js"


def test_meanings_come_from_the_abbreviations_file(site):
    """The word list shows the short meaning written in docs/includes/abbreviations.md."""
    meanings = dict(
        line[2:].split("]: ", 1)
        for line in (DOCS / "includes" / "abbreviations.md").read_text(encoding="utf-8").splitlines()
        if line.startswith("*[")
    )
    words = word_list(site.page("pathology.md"))
    for dt in words.find_all("dt"):
        dd = dt.next_element_sibling()
        assert dd.text() in meanings.values(), (dt.text(), dd.text())
