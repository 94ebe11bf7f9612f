"""Flesch-Kincaid reading grade of each built page, shared by the test and by people.

    python -m tests.content.reading_grades [SITE_DIR]

prints a table of page -> grade for a built site (without SITE_DIR it builds a
fresh one into a temporary folder, as the tests do). tests/content/test_reading_grade.py
uses the same functions, so the table and the test always agree.

What text is graded: the visible text of the page's <article> (title, summary,
body, admonitions, widget questions, tables, the Sources list), without the
"not medical advice" page note that every page shares. Code blocks such as the
records request letter are included, one line per sentence.

How sentences are counted: textstat splits sentences only at ".", "!" and "?".
A heading, list item, table cell, form label or letter line usually has no end
punctuation, so without help it would run on into the next block and count as
one very long sentence. Each block that does not already end in ".", "!" or "?"
(before any closing quote or bracket) therefore gets a "." appended (replacing
a trailing ":", ";" or ","), so every heading and list item counts as its own
sentence, the way a reader takes it in.
Runs of underscores (the letter's fill-in blanks) are removed: they are not words.
textstat itself ignores "sentences" of two words or fewer when counting
sentences (their words still count), so one-word headings and labels do not
pull the grade down.
"""

from __future__ import annotations

import re
import sys
import tempfile
from pathlib import Path

import textstat

from .htmlpages import DEFAULT_LANGUAGE, language_of, nav_pages, parse_site

# The limits the tests hold pages to, here so that the run's summary
# (grade_summary.py, in xdist's controller) can print them without importing
# the test modules, which work out their cases as they are imported.
# The American Medical Association recommends patient materials at or below a
# 6th-grade reading level; the National Institutes of Health, 8th grade or below.
# The guide aims for grade 6 to 8; 8.5 leaves a half grade for textstat's
# rounding and for the medical words a page cannot avoid.
MAX_GRADE = 8.5
# Spanish reading ease (issue 18: about 6th grade). Fernández-Huerta 70 to 80
# reads "fairly easy", what a 6th grader reads.
MIN_FERNANDEZ_HUERTA = 70

BLANKS = re.compile(r"_{2,}")
ENDS_SENTENCE = re.compile(r"[.!?][\"'”’)\]]*$")


def sentence_text(blocks):
    """Blocks of text -> one string in which every block ends a sentence."""
    sentences = []
    for block in blocks:
        text = " ".join(BLANKS.sub(" ", block).split())
        if not text:
            continue
        if not ENDS_SENTENCE.search(text):
            text = text.rstrip(":;,") + "."
        sentences.append(text)
    return "\n".join(sentences)


def page_grade(page):
    """The Flesch-Kincaid grade of one parsed page (htmlpages.BuiltPage)."""
    text = sentence_text(page.article_blocks(include_note=False))
    return textstat.flesch_kincaid_grade(text)


def site_grades(site_dir):
    """[(page, grade)] for every English page built from docs/, in nav order
    (the Spanish pages' reading ease: test_languages.py)."""
    order = {src: index for index, src in enumerate(nav_pages())}
    pages = [
        page for page in parse_site(site_dir).values()
        if page.name.endswith(".md") and language_of(page.name) == DEFAULT_LANGUAGE
    ]
    pages.sort(key=lambda page: (order.get(page.name, len(order)), page.name))
    return [(page.name, page_grade(page)) for page in pages]


def format_table(grades, limit=None):
    """A plain-text table of page -> grade; grades above limit are flagged."""
    width = max([len("page")] + [len(name) for name, _ in grades])
    lines = [f"{'page':<{width}}  grade", f"{'-' * width}  -----"]
    for name, grade in grades:
        flag = "  > limit" if limit is not None and grade > limit else ""
        lines.append(f"{name:<{width}}  {grade:5.1f}{flag}")
    return "\n".join(lines)


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] in ("-h", "--help"):
        print(__doc__)
        return 0
    if argv:
        site_dir = Path(argv[0])
        if not (site_dir / "index.html").is_file():
            print(f"{site_dir} is not a built site (no index.html); run `make build` first", file=sys.stderr)
            return 2
        grades = site_grades(site_dir)
    else:
        from tests.conftest import build_site

        with tempfile.TemporaryDirectory() as folder:
            grades = site_grades(build_site(Path(folder) / "site"))
    print(format_table(grades, MAX_GRADE))
    return 0


if __name__ == "__main__":
    sys.exit(main())
