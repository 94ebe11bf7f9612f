"""Fixtures for the screener's unit tests: its real data file, as a fresh copy."""

import pytest
from sog.screener import rules

from tests.support import examples


@pytest.fixture
def data():
    """The screener data (questions.json): a copy, so a test may change it
    without touching the copy the package caches."""
    return examples.copy_data(rules.load())
