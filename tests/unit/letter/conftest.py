"""Fixtures for the letter's unit tests: its real data files, as fresh copies."""

import pytest
from sog.letter import view

from tests.support import examples


@pytest.fixture
def data():
    """The letter's data (letter.json): a copy, safe to change."""
    return examples.copy_data(view.load())


@pytest.fixture
def checklist_data():
    """The checklist data (items.json), whose record items the letter asks for."""
    return examples.checklist_data()
