"""Fixtures for the worksheet's unit tests: its real data file, as fresh copies."""

import pytest
from sog import datafiles
from sog.worksheet import sheet

from tests.support import examples


@pytest.fixture
def data():
    """The worksheet data as the page shows it (figures filled): a copy, so a
    test may change it without touching the copy the package caches."""
    return examples.copy_data(sheet.load())


@pytest.fixture
def written():
    """The worksheet data as written in worksheet.json (figures not filled)."""
    return examples.copy_data(datafiles.load(sheet.DATA_FILE))
