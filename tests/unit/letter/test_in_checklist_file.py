"""The letter as a part of the guide's saved work (sog/keep.py: its file, and "Clear everything").

Tested here:
- "Download my checklist" holds the letter as saved in this browser, in its
  own envelope; loading the file brings it back exactly.
- a file with a letter that does not fit is refused whole, with the
  letter's own reasons (saved.json); a file without a letter leaves the saved one.
- "Clear everything" clears the letter too.
- a file saved before format 2 brings its letter up to date, every word kept.
"""

import json

from sog import datafiles, keep, storage
from sog.checklist import saved as checklist_saved
from sog.checklist.state import new_state
from sog.letter import saved

from tests.support import letter_examples
from tests.support.fake_storage import SafeStorage


def file_with(parts):
    return json.dumps(storage.wrap(keep.KIND, keep.VERSION, parts, 7))


def test_the_letter_is_a_part_of_the_file():
    assert saved in [part["saved"] for part in keep.file_parts()]


def test_download_then_load_brings_the_letter_back(checklist_data):
    backend = SafeStorage()
    letter = letter_examples.filled_letter(checklist_data)
    saved.open_store(backend).save(letter, 1)
    text = keep.export_text(backend, 9)
    assert json.loads(text)["data"][saved.KIND] == {"version": saved.VERSION, "data": letter}
    loaded, message = keep.import_text(text)
    assert message is None and loaded[saved.KIND] == letter
    fresh = SafeStorage()
    assert keep.save_all(fresh, loaded, 10)
    assert saved.open_store(fresh).load()[0] == letter


def test_a_damaged_saved_letter_is_cleaned_in_the_download(checklist_data):
    backend = SafeStorage()
    letter = letter_examples.filled_letter(checklist_data)
    letter["records"].append("gone")
    saved.open_store(backend).save(letter, 1)
    exported = json.loads(keep.export_text(backend, 9))["data"][saved.KIND]["data"]
    assert "gone" not in exported["records"] and exported["fields"] == letter["fields"]


def test_a_letter_that_does_not_fit_refuses_the_file(checklist_data):
    letter = letter_examples.hostile_letter(checklist_data)
    text = file_with({checklist_saved.KIND: {"version": checklist_saved.VERSION, "data": new_state()},
                      saved.KIND: {"version": saved.VERSION, "data": letter}})
    loaded, message = keep.import_text(text)
    assert loaded is None
    assert message == keep.refused(datafiles.load(saved.WORDS_FILE)["words"]["refusals"]["markup"])
    newer = file_with({saved.KIND: {"version": saved.VERSION + 1, "data": {}}})
    assert keep.import_text(newer) == (None, keep.refused(datafiles.load("words.json")["keep"]["part_newer"]))


def test_a_file_without_a_letter_leaves_the_saved_one(checklist_data):
    backend = SafeStorage()
    letter = letter_examples.filled_letter(checklist_data)
    saved.open_store(backend).save(letter, 1)
    assert keep.save_all(backend, {}, 2)
    assert saved.open_store(backend).load()[0] == letter


def test_clear_everything_clears_the_letter(checklist_data):
    backend = SafeStorage()
    saved.open_store(backend).save(letter_examples.filled_letter(checklist_data), 1)
    assert keep.clear_all(backend)
    assert storage.storage_key(saved.KIND) not in backend.items


def test_a_file_with_a_format_1_letter_loads_it_up_to_date():
    """A checklist file downloaded before format 2: its letter loads, migrated, every word kept."""
    text = file_with({checklist_saved.KIND: {"version": checklist_saved.VERSION, "data": new_state()},
                      saved.KIND: {"version": 1, "data": letter_examples.FORMAT_1}})
    loaded, message = keep.import_text(text)
    assert message is None
    assert loaded[saved.KIND] == saved.from_v1(letter_examples.FORMAT_1)
    fresh = SafeStorage()
    assert keep.save_all(fresh, loaded, 10)
    letter = saved.open_store(fresh).load()[0]
    assert letter["fields"] == letter_examples.FORMAT_1["fields"]
    assert letter["doctor_forms"] == ["paper", "disc"]
