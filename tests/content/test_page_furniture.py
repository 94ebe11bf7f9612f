"""The furniture every guidance page must carry, checked in the built HTML.

Every page built from docs/ (everything but Material's 404 page and the search
index) has one title, the one-line summary right under it, the "not medical
advice" note with its review date, the emergency number, and a "What to do
next" section. A page that states a specific fact (a figure, a law, a time
limit, an insurance rule) says where it comes from in a "Sources" section.
"""

import datetime
import re

import pytest

from .htmlpages import HEADINGS, front_matter, is_page_note, source_pages

PAGES = source_pages()

# Pages that may leave out the "What to do next" section: the glossary is a
# reference list, and About is not a step in the journey.
NEXT_STEPS_OPTIONAL = frozenset({"glossary.md", "about.md"})
NEXT_STEPS_HEADING = "what to do next"

# The id of the section that lists a page's sources. About has no "Sources"
# heading: its whole "Where our facts come from" section is the site's list.
SOURCES_SECTION = {"about.md": "where-our-facts-come-from"}
DEFAULT_SOURCES_ID = "sources"

# Text that marks a specific, checkable fact. A page whose text (outside the
# shared page note) matches any of these needs a Sources section.
FACT_MARKERS = {
    "a percentage": r"\b\d+(?:\.\d+)?\s?%|\b[Pp]er ?cent\b",
    "a dollar amount": r"\$\s?\d",
    "a federal regulation (CFR / U.S.C.)": r"\bCFR\b|\bU\.S\.C\.",
    "a Medicare part": r"\bMedicare Part [ABCD]\b|\bPart [ABCD]\b",
    "HIPAA": r"\bHIPAA\b",
    "CLIA": r"\bCLIA\b",
    "a time limit or span": (
        r"\b\d+\s+(?:calendar\s+|business\s+)?(?:days?|weeks?|months?|years?)\b"
        r"|\b\d+-(?:day|week|month|year)\b"
    ),
    "a rate (N in M)": r"\b\d+\s+(?:in|out of)\s+\d+\b",
}
FACT_PATTERNS = {name: re.compile(pattern) for name, pattern in FACT_MARKERS.items()}


def normalized(text):
    return " ".join(text.split()).casefold()


def headings(page, tag):
    return [node for node in page.article.iter() if node.tag == tag]


@pytest.mark.parametrize("src", PAGES)
def test_exactly_one_h1(site, src):
    """The page has one h1 (its title), and it sits in the article."""
    page = site.page(src)
    h1s = page.root.find_all("h1")
    assert len(h1s) == 1, f"{src}: {len(h1s)} h1 elements: {[h.text() for h in h1s]}"
    assert h1s[0] in page.article.iter(), f"{src}: the h1 is outside the article"


@pytest.mark.parametrize("src", PAGES)
def test_summary_right_after_h1(site, src):
    """The first element after the h1 is the non-empty <p class="sog-summary"> that the
    pages hook makes from the front matter's summary."""
    page = site.page(src)
    h1 = page.article.find("h1")
    assert h1 is not None, f"{src}: no h1 in the article"
    following = h1.next_element_sibling()
    assert following is not None and following.tag == "p" and "sog-summary" in following.classes, (
        f"{src}: the element after the h1 is {following!r}, not <p class='sog-summary'>"
    )
    assert following.text(), f"{src}: the summary paragraph is empty"


@pytest.mark.parametrize("src", PAGES)
def test_page_note_says_not_medical_advice_and_last_reviewed(site, src):
    """The article ends with one <aside class="sog-page-note"> that says "not medical
    advice" and "Last reviewed" with <time datetime="YYYY-MM-DD">, a real date equal to
    the front matter's `reviewed`."""
    page = site.page(src)
    notes = [node for node in page.root.iter() if is_page_note(node)]
    assert len(notes) == 1, f"{src}: {len(notes)} page notes"
    note = notes[0]
    assert note in page.article.iter(), f"{src}: the page note is outside the article"
    text = normalized(note.text())
    assert "not medical advice" in text, f"{src}: the page note does not say 'not medical advice': {text!r}"
    assert "last reviewed" in text, f"{src}: the page note has no 'Last reviewed': {text!r}"
    times = note.find_all("time")
    assert len(times) == 1, f"{src}: the page note has {len(times)} <time> elements"
    stamp = times[0].get("datetime", "")
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", stamp), f"{src}: <time datetime={stamp!r}> is not YYYY-MM-DD"
    datetime.date.fromisoformat(stamp)  # a real calendar date
    reviewed = front_matter(src).get("reviewed")
    assert stamp == reviewed, f"{src}: the note says {stamp}, the front matter says reviewed: {reviewed}"


@pytest.mark.parametrize("src", PAGES)
def test_mentions_911(site, src):
    """The page tells readers to call 911 in an emergency (the page note does so)."""
    page = site.page(src)
    assert re.search(r"\b911\b", page.article.text()), f"{src}: 911 is not mentioned"


def test_next_steps_exemptions_are_real_pages():
    """NEXT_STEPS_OPTIONAL names only pages that exist, so no exemption goes stale."""
    assert NEXT_STEPS_OPTIONAL <= set(PAGES)


@pytest.mark.parametrize("src", [src for src in PAGES if src not in NEXT_STEPS_OPTIONAL])
def test_has_what_to_do_next(site, src):
    """The page has an h2 "What to do next" (every page but NEXT_STEPS_OPTIONAL)."""
    page = site.page(src)
    h2s = [normalized(node.text()) for node in headings(page, "h2")]
    assert NEXT_STEPS_HEADING in h2s, f"{src}: no h2 'What to do next' (h2s: {h2s})"


def fact_markers(page):
    """{marker name: first matching text} for the page's article text, page note excluded."""
    text = " ".join(page.article_blocks(include_note=False))
    found = {}
    for name, pattern in FACT_PATTERNS.items():
        match = pattern.search(text)
        if match:
            found[name] = match.group(0)
    return found


@pytest.mark.parametrize("src", PAGES)
def test_specific_facts_have_sources(site, src):
    """A page that states a specific figure or rule (FACT_MARKERS) has a Sources h2
    (id "sources"; About: its SOURCES_SECTION) that lists at least one source."""
    page = site.page(src)
    markers = fact_markers(page)
    wanted = SOURCES_SECTION.get(src, DEFAULT_SOURCES_ID)
    listed = ", ".join(f"{name} ({text!r})" for name, text in markers.items())
    section = [node for node in headings(page, "h2") if node.get("id") == wanted]
    following = section[0].next_element_sibling() if section else None
    listed_sources = following is not None and following.tag not in HEADINGS and not is_page_note(following)
    assert not markers or listed_sources, (
        f"{src}: states specific facts [{listed}] but has no non-empty h2#{wanted} section"
    )


def test_fact_markers_find_the_guides_facts(site):
    """The markers still recognise the facts the guide is known to state, so the test
    above cannot pass because a pattern stopped matching."""
    assert "a percentage" in fact_markers(site.page("insurance-and-costs.md"))
    assert "a federal regulation (CFR / U.S.C.)" in fact_markers(site.page("gathering-records.md"))
    assert "a time limit or span" in fact_markers(site.page("pathology.md"))
