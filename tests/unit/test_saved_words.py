"""The words of every widget's saved work (its saved.json), found from the
manifests as sog/keep.py finds them, and the file's shared words.

Tested here, for every part:
- it names itself (the sentences listing the parts are made from these);
- each problem has a sentence for one and for many, {n} only in the second;
- every issue its clean can note is either said or deliberately quiet, and
  (for a part of the file) every issue its check can meet has a reason that
  reads inside words.json's "could not load" sentence;
- words.json's "keep" words answer every storage notice a file can get.
The rest of each file's shape is its schema's (tests/unit/test_data_schemas.py).
"""

import re

import pytest
from sog import datafiles, keep, storage

PARTS = keep.parts()
KEEP_WORDS = datafiles.load("words.json")["keep"]


def by_part(test):
    return pytest.mark.parametrize("part", PARTS, ids=[part["name"] for part in PARTS])(test)


@by_part
def test_a_part_names_itself(part):
    words = part["words"]
    assert words["name"] and words["name"] == words["name"].strip()
    # It is a phrase inside a sentence: no capital (the list may start a
    # sentence, and gets one there), no full stop.
    assert not words["name"][0].isupper() and not words["name"].endswith(".")


@by_part
def test_problems_come_in_singular_and_plural(part):
    for code, pair in part["words"].get("problems", {}).items():
        assert len(pair) == 2, code
        assert "{n}" not in pair[0], code
        assert set(re.findall(r"{(\w+)}", pair[0] + pair[1])) <= {"n", "cap"}, code


@by_part
def test_every_problem_of_a_part_in_the_file_can_refuse_it(part):
    """Whatever the visitor can hear about in their own storage is also a
    reason to refuse a file, in words that fit the "could not load" sentence."""
    if not part["in_file"]:
        return
    refusals = part["words"]["refusals"]
    assert set(part["words"]["problems"]) <= set(refusals)
    for reason in refusals.values():
        assert reason[0].islower() and not reason.endswith(".")
        assert keep.refused(reason).startswith(KEEP_WORDS["failed"].split("{reason}")[0])


def test_keep_words_cover_every_notice_a_file_can_get():
    """import_text answers every storage notice but OK and MIGRATED in words."""
    for notice in (storage.TOO_LARGE, storage.CORRUPT, storage.NEWER, storage.OLD):
        assert KEEP_WORDS[notice], notice
    assert re.findall(r"{(\w+)}", KEEP_WORDS["failed"]) == ["reason"]
