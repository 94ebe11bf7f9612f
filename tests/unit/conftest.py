"""Fixtures every unit test folder shares."""

import pytest
from sog import datafiles

from tests.support import examples

SHARED_FILES = ("words.json", "pages.json")


@pytest.fixture
def hostile_shared_words(monkeypatch):
    """The shared data files (words.json, pages.json) with EVIL in every
    string, for as long as one test runs.

    datafiles caches each file once per process, and every renderer reads
    the cached copy, so the cache entry is swapped and put back afterwards.
    Returns {file name: the hostile copy}.
    """
    swapped = {}
    for name in SHARED_FILES:
        swapped[name] = examples.hostile_strings(datafiles.load(name))
        monkeypatch.setitem(datafiles._cache, name, swapped[name])
    return swapped
