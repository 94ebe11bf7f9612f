"""Unit tests for sog/datafiles.py: the widgets' data files, by package-relative name.

Tested here: paths are relative to the sog package wherever it lies (and
the folder is found from either kind of slash); load gives the file's JSON,
reads each file once and hands back the same object after; a missing file
raises and is not cached; the shared data files have the parts the code uses.
"""

import json
from pathlib import Path

import pytest
import sog
from sog import datafiles

PACKAGE = Path(sog.__file__).parent


def test_folder_is_the_sog_package():
    """Paths point into the package, so every runtime finds the same files."""
    assert Path(datafiles.FOLDER) == PACKAGE
    assert Path(datafiles.path("screener/questions.json")) == PACKAGE / "screener" / "questions.json"


@pytest.mark.parametrize(
    "module_file, folder",
    [
        pytest.param("/home/site/sog/datafiles.py", "/home/site/sog", id="posix"),
        pytest.param("C:\\site\\sog\\datafiles.py", "C:\\site\\sog", id="windows"),
        pytest.param("sog/datafiles.py", "sog", id="relative"),
        pytest.param("datafiles.py", ".", id="no-folder"),
    ],
)
def test_package_folder_from_any_file_name(monkeypatch, module_file, folder):
    """The folder is everything before the last slash of either kind, or "."."""
    monkeypatch.setattr(datafiles, "__file__", module_file)
    assert datafiles._package_folder() == folder


@pytest.fixture
def fresh_cache(monkeypatch):
    """An empty cache for one test, and a count of files parsed."""
    monkeypatch.setattr(datafiles, "_cache", {})
    parsed = []

    read = datafiles._read

    def counted_read(relative):
        value = read(relative)  # a file that is not there is not parsed
        parsed.append(relative)
        return value

    monkeypatch.setattr(datafiles, "_read", counted_read)
    return parsed


@pytest.mark.parametrize("relative", ["words.json", "pages.json", "screener/questions.json", "checklist/items.json"])
def test_load_reads_the_file_once(fresh_cache, relative):
    """load gives exactly the file's JSON; the second call gives the same
    object without reading the file again."""
    first = datafiles.load(relative)
    assert first == json.loads((PACKAGE / relative).read_text(encoding="utf-8"))
    assert datafiles.load(relative) is first
    assert len(fresh_cache) == 1


def test_missing_file_raises_and_is_not_cached(fresh_cache):
    """A missing data file is an error (the widget then says it could not
    start), and nothing is remembered for it."""
    with pytest.raises(OSError):
        datafiles.load("no-such-widget/data.json")
    assert "no-such-widget/data.json" not in datafiles._cache


def test_shared_words_have_the_parts_the_code_uses():
    """words.json holds the start, storage and text sentences, the not-advice
    line and twelve month names; pages.json titles every page by its href."""
    words = datafiles.load("words.json")
    assert set(words["start"]) == {"failed", "slow"}
    assert set(words["text"]) == {"empty", "markup"}
    assert "911" in words["not_advice"] and "not medical advice" in words["not_advice"]
    assert len(words["months"]) == 12 and words["months"][0] == "January"
    titles = datafiles.load("pages.json")["titles"]
    for href, title in titles.items():
        assert href.endswith("/") and title.strip() == title and title, href
