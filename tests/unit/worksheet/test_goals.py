"""Unit tests for sog/worksheet/goals.py: the checklist's goals, to prefill.

Tested here: the goals come through the checklist's own saved format (a
migrated v1 checklist too); nothing saved, unreadable data or blocked
storage read as no goals; the saved text is parsed again only when it
changed; and this page never writes to storage or sets the checklist's data
aside, even when it cannot read it.
"""

import json

import pytest
from sog import storage
from sog.checklist import saved as checklist_saved
from sog.checklist import state as checklist_state
from sog.worksheet import goals

from tests.support import examples
from tests.support.fake_storage import BrokenStorage, SafeStorage

KEY = storage.storage_key(checklist_saved.KIND)


def checklist_with_goals(text):
    return checklist_state.set_goals(checklist_state.new_state(), text)


def storage_text(version, data):
    return json.dumps(storage.wrap(checklist_saved.KIND, version, data, 1))


def saved_checklist(backend, text):
    checklist_saved.open_store(backend).save(checklist_with_goals(text), 1)


def test_reads_the_goals_on_the_checklist():
    backend = SafeStorage()
    saved_checklist(backend, "Walk with my grandchildren.")
    reader = goals.ChecklistGoals(backend)
    assert reader.key == KEY
    assert reader.read() == "Walk with my grandchildren."


def test_a_development_era_checklist_is_read_through_its_migration():
    backend = SafeStorage({KEY: storage_text(1, examples.V1_CHECKLIST)})
    assert goals.ChecklistGoals(backend).read() == "Keep gardening."


@pytest.mark.parametrize("backend", [
    SafeStorage(), None, BrokenStorage(), SafeStorage({KEY: "{not json"}),
    SafeStorage({KEY: storage_text(99, {})}), SafeStorage({KEY: storage_text(2, "nope")}),
    SafeStorage({KEY: storage_text(2, checklist_with_goals("<b>bold</b>"))}),
], ids=["nothing", "blocked", "broken", "corrupt", "newer", "wrong-shape", "markup"])
def test_no_readable_goals_read_as_none(backend):
    assert goals.ChecklistGoals(backend).read() == ""


def test_never_writes_or_sets_aside():
    backend = SafeStorage({KEY: "{not json"})
    reader = goals.ChecklistGoals(backend)
    reader.read()
    assert [call for call in backend.calls if not call.startswith("get ")] == []
    assert backend.items == {KEY: "{not json"}


def test_reads_again_only_when_the_saved_text_changed(monkeypatch):
    backend = SafeStorage()
    saved_checklist(backend, "First goals.")
    reader = goals.ChecklistGoals(backend)
    cleaned = []
    real = checklist_saved.clean
    monkeypatch.setattr(checklist_saved, "clean", lambda raw: cleaned.append(1) or real(raw))
    assert reader.read() == "First goals."
    assert reader.read() == "First goals."
    assert len(cleaned) == 1
    saved_checklist(backend, "New goals.")
    assert reader.read() == "New goals."
    assert len(cleaned) == 2
    checklist_saved.open_store(backend).clear()
    assert reader.read() == ""
