"""Fixtures for the content tests: the built site, parsed once per session."""

import pytest

from .grade_summary import EASE_PROPERTY, PROPERTY
from .htmlpages import Site


@pytest.fixture(scope="session")
def site(built_site):
    """The strict build (tests/conftest.py's built_site) with every HTML page parsed once."""
    return Site(built_site)


@pytest.fixture
def record_grade(request):
    """Keep a page's reading grade, on the test's report, for the table printed
    at the end of the run (grade_summary.py; it reaches xdist's controller too)."""

    def record(page, grade):
        request.node.user_properties.append((PROPERTY, (page, grade)))

    return record


@pytest.fixture
def record_ease(request):
    """Keep a Spanish page's Fernández-Huerta reading ease for the table at the end."""

    def record(page, score):
        request.node.user_properties.append((EASE_PROPERTY, (page, score)))

    return record


@pytest.fixture(scope="session")
def source_runs(shared_sources):
    """Every RUN_LENGTH-word run in the source articles -> the files it occurs in."""
    from .test_originality import index_runs, source_files

    files = source_files(shared_sources)
    assert files, f"no source files in {shared_sources}"
    return index_runs(files)
