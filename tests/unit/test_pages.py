"""Unit tests for sog/pages.py: page titles, so every link says where it goes.

Tested here: title gives pages.json's title for an href, also for a part of
a page ("page/#part"), and a KeyError for a page it does not know; titled_link
makes an in-site link whose text is the sentence with the page's title filled
in, escaped.
"""

import pytest
from sog import datafiles, pages

from tests.support.examples import EVIL
from tests.support.html import elements, parse_well_formed

TITLES = datafiles.load("pages.json")["titles"]


@pytest.mark.parametrize("href", sorted(TITLES))
def test_title_of_every_page(href):
    assert pages.title(href) == TITLES[href]


def test_title_of_a_part_of_a_page_is_the_pages_title():
    assert pages.title("when-to-get-one/#is-it-safe-to-wait") == TITLES["when-to-get-one/"]


@pytest.mark.parametrize("href", ["no-such-page/", "", "#part", "pathology"])
def test_unknown_page_is_a_key_error(href):
    """A link to a page with no title is an error, never a link named "Read more"."""
    with pytest.raises(KeyError):
        pages.title(href)


def test_titled_link():
    soup = parse_well_formed(pages.titled_link("..", "pathology/", "Read more: {title}"))
    (anchor,) = elements(soup, "a")
    assert anchor["href"] == "../pathology/"
    assert anchor.get_text() == "Read more: " + TITLES["pathology/"]


def test_titled_link_keeps_text_as_text(hostile_shared_words):
    html = pages.titled_link(".." + EVIL, "pathology/", EVIL + "{title}")
    assert EVIL not in html
    (anchor,) = elements(parse_well_formed(html), "a")
    assert anchor.get_text() == EVIL + hostile_shared_words["pages.json"]["titles"]["pathology/"]
    assert anchor["href"] == ".." + EVIL + "/pathology/"
