"""Fixtures for the content tests: the built site, parsed once per session."""

import pytest

from .htmlpages import Site

GRADES = pytest.StashKey[dict]()


@pytest.fixture(scope="session")
def site(built_site):
    """The strict build (tests/conftest.py's built_site) with every HTML page parsed once."""
    return Site(built_site)


@pytest.fixture
def record_grade(request):
    """Keep a page's reading grade for the table printed at the end of the run."""
    grades = request.config.stash.setdefault(GRADES, {})

    def record(page, grade):
        grades[page] = grade

    return record


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    """Print the reading grades measured in this run, so the team can record them."""
    grades = config.stash.get(GRADES, None)
    if not grades:
        return
    from .reading_grades import format_table
    from .test_reading_grade import MAX_GRADE

    terminalreporter.write_sep("-", f"Flesch-Kincaid reading grade per page (limit {MAX_GRADE})")
    terminalreporter.write_line(format_table(list(grades.items()), MAX_GRADE))


@pytest.fixture(scope="session")
def source_runs(shared_sources):
    """Every RUN_LENGTH-word run in the source articles -> the files it occurs in."""
    from .test_originality import index_runs, source_files

    files = source_files(shared_sources)
    assert files, f"no source files in {shared_sources}"
    return index_runs(files)
