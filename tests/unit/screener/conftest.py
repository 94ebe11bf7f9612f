"""Fixtures for the screener's unit tests: its real data file, freshly read."""

from pathlib import Path

import pytest

from screener import rules

DATA_PATH = Path(rules.__file__).with_name(rules.DATA_FILE)


@pytest.fixture
def data():
    """The screener data (questions.json), read anew so a test may change its copy."""
    return rules.load_data(DATA_PATH)
