"""Reading level: every page reads at about 8th grade or easier.

The grade is textstat 0.7.3's Flesch-Kincaid grade of the page's visible article
text; tests/content/reading_grades.py explains what text is graded and how
headings, list items and letter lines are made to count as sentences. Run
`python -m tests.content.reading_grades [SITE_DIR]` for the table; the test run
prints it too, at the end.
"""

import pytest

from .htmlpages import nav_pages, source_pages
from .reading_grades import MAX_GRADE, page_grade

_NAV = nav_pages()
PAGES = sorted(source_pages(), key=lambda src: (_NAV.index(src) if src in _NAV else len(_NAV), src))


@pytest.mark.parametrize("src", PAGES)
def test_reading_grade(site, src, record_grade):
    """The page's Flesch-Kincaid grade is at most MAX_GRADE."""
    grade = page_grade(site.page(src))
    record_grade(src, grade)
    print(f"{src}: Flesch-Kincaid grade {grade}")
    assert grade <= MAX_GRADE, f"{src}: reading grade {grade} is above {MAX_GRADE}"
