"""Fixtures for the checklist's unit tests: its real data files, as fresh copies."""

import pytest
from sog.screener import rules

from tests.support import examples


@pytest.fixture
def data():
    """The checklist data (items.json): a copy, so a test may change it
    without touching the copy the package caches."""
    return examples.checklist_data()


@pytest.fixture
def screener_data():
    """The screener data (questions.json), whose saved answers tailor the checklist."""
    return examples.copy_data(rules.load())
