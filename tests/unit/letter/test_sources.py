"""Unit tests for sog/letter/sources.py: what the letter page reads besides the letter.

Tested here:
- the visitor's checklist is read from storage, cleaned, and only read
  again when its text changed; unreadable data reads as an empty checklist
  and is never set aside (that is the checklist page's job).
- the screener's answers, and the questions to answer again, as the
  checklist reads them (one reading for both).
"""

import json

from sog import storage
from sog.checklist import saved as checklist_saved
from sog.checklist import state as checklist_state
from sog.letter.sources import Sources

from tests.support import examples
from tests.support.fake_storage import SafeStorage


def checklist_text(checklist):
    return json.dumps(storage.wrap(checklist_saved.KIND, checklist_saved.VERSION, checklist, 1))


def test_reads_the_checklist_and_answers(checklist_data):
    checklist = examples.filled_checklist(checklist_data)
    backend = SafeStorage({
        storage.storage_key("checklist"): checklist_text(checklist),
        storage.storage_key("screener"): json.dumps(storage.wrap("screener", 1, {"answers": {"medicare": "yes"}}, 1)),
    })
    sources = Sources(backend)
    assert sources.checklist() == checklist
    assert sources.answers() == {"medicare": "yes"}
    assert sources.data["words"] and sources.checklist_data["items"]


def test_the_checklist_is_parsed_again_only_when_it_changed(checklist_data):
    backend = SafeStorage({storage.storage_key("checklist"): checklist_text(checklist_state.new_state())})
    sources = Sources(backend)
    first = sources.checklist()
    assert sources.checklist() is first
    changed = checklist_state.set_appointment(checklist_state.new_state(), "doctor", "Dr. Lee")
    backend.items[storage.storage_key("checklist")] = checklist_text(changed)
    assert sources.checklist()["appointment"]["doctor"] == "Dr. Lee"


def test_unreadable_or_missing_checklist_reads_empty_and_is_left_alone():
    backend = SafeStorage({storage.storage_key("checklist"): "{not json"})
    sources = Sources(backend)
    assert sources.checklist() == checklist_state.new_state()
    assert all(not call.startswith("set ") for call in backend.calls)
    assert Sources(SafeStorage()).checklist() == checklist_state.new_state()
    assert Sources(None).checklist() == checklist_state.new_state()


def test_the_questions_to_answer_again_are_the_checklists():
    """ask_again() is the checklist's own finding (checklist/sources.py),
    so the letter, checklist and printable pages name the same questions."""
    old = json.dumps(storage.wrap("screener", 1, {"answers": {"biopsy_or_cancer": "yes", "medicare": "yes"}}, 1))
    backend = SafeStorage({storage.storage_key("screener"): old})
    sources = Sources(backend)
    assert sources.ask_again() == sources._checklist_sources.ask_again() == ["cancer", "biopsy"]
    backend.items[storage.storage_key("screener")] = json.dumps(storage.wrap(
        "screener", 3, {"answers": {"cancer": "no", "biopsy": "yes"}, "show_result": False}, 2))
    assert sources.ask_again() == []
