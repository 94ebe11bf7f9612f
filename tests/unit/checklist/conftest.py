"""Fixtures for the checklist's unit tests: its real data files, freshly read."""

from pathlib import Path

import pytest

from checklist import model
from screener import rules

DATA_PATH = Path(model.__file__).with_name(model.DATA_FILE)
SCREENER_PATH = Path(rules.__file__).with_name(rules.DATA_FILE)


@pytest.fixture
def data():
    """The checklist data (items.json), read anew so a test may change its copy."""
    return model.load_items(DATA_PATH)


@pytest.fixture
def screener_data():
    """The screener data (questions.json), whose saved answers tailor the checklist."""
    return rules.load_data(SCREENER_PATH)
