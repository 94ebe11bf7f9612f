"""Unit tests for overrides/sitebuild/word_tooltips.py: the word tooltips read once per build.

Tested here: each language's abbreviations file gives the same words and
meanings as the abbreviations extension finds when the file is on a page (as
the build added it before), and a page given them as the extension's glossary
gets the same HTML as the page with the file added to its end; a later line
wins, and '' takes a word away, as on a page.
"""

import markdown
import pytest
from sitebuild import word_tooltips

from tests.content.htmlpages import DOCS

FILES = sorted((DOCS / "includes").glob("abbreviations*.md"))
PAGE = "# A biopsy\n\nThe biopsy and the Biopsy. A second opinion on a biopsy helps.\n\n- biopsies here\n"


def _as_on_a_page(text):
    """The words the abbreviations extension keeps from text written on a page."""
    md = markdown.Markdown(extensions=["abbr"])
    md.convert(text)
    return dict(md.treeprocessors["abbr"].abbrs)


def test_there_are_files_to_read():
    assert [path.name for path in FILES] == ["abbreviations.es.md", "abbreviations.md"]


@pytest.mark.parametrize("path", FILES, ids=lambda path: path.name)
def test_each_file_gives_the_words_a_page_gave(path):
    words = word_tooltips.read(path)
    assert len(words) > 50
    assert words == _as_on_a_page(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("path", FILES, ids=lambda path: path.name)
def test_a_page_given_the_glossary_is_the_page_with_the_file_at_its_end(path):
    text = path.read_text(encoding="utf-8")
    given = markdown.Markdown(extensions=["abbr"], extension_configs={"abbr": {"glossary": word_tooltips.read(path)}})
    added = markdown.Markdown(extensions=["abbr"])
    page = PAGE.replace("biopsy", "biopsia") if ".es." in path.name else PAGE
    html = given.convert(page)
    assert "<abbr title=" in html
    assert html == added.convert(page + "\n\n" + text + "\n")


def test_a_later_line_wins_and_an_empty_meaning_takes_a_word_away(tmp_path):
    path = tmp_path / "abbreviations.md"
    text = "*[CT]: A scan.\n*[MRI]: Magnets.\n*[CT]: A scan with X-rays.\n*[MRI]: ''\n"
    text += "*[PET]:\n    A scan with a tracer.\n"
    path.write_text(text, encoding="utf-8")
    assert word_tooltips.read(path) == {"CT": "A scan with X-rays.", "PET": "A scan with a tracer."}
    assert word_tooltips.read(path) == _as_on_a_page(text)
