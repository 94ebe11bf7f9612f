"""Unit tests for sog/checklist/sources.py: what both checklist pages open at start.

Tested here: the item data is the packaged items.json; the checklist's and
the screener's stores use their own keys on the one backend; answers() reads
the screener's saved answers as they change, without touching its key; with
storage blocked there are simply no answers; unchanged answers are not
parsed again.
"""

import json

from sog import storage
from sog.checklist import items
from sog.checklist import saved as checklist_saved
from sog.checklist.sources import Sources
from sog.screener import saved

from tests.support.fake_storage import GetFails, MemoryStorage


def test_opens_data_and_both_stores():
    """One backend, two keys: the checklist's and the screener's."""
    backend = MemoryStorage()
    sources = Sources(backend)
    assert sources.data is items.load()
    assert sources.store.key == storage.storage_key(checklist_saved.KIND)
    assert sources.store.version == checklist_saved.VERSION
    assert sources.screener_store.key == storage.storage_key(saved.KIND)
    assert sources.store.backend is backend and sources.screener_store.backend is backend


def test_reads_the_screener_answers_as_they_change():
    """answers() gives what the screener saved last, every time it is asked."""
    backend = MemoryStorage()
    sources = Sources(backend)
    assert sources.answers() == {}
    saved.open_store(backend).save(saved.to_saved({"medicare": "yes"}, False), 1)
    assert sources.answers() == {"medicare": "yes"}
    saved.open_store(backend).save(saved.to_saved({"medicare": "no", "older_adult": "yes"}, True), 2)
    assert sources.answers() == {"medicare": "no", "older_adult": "yes"}


def test_unreadable_screener_answers_are_none_and_left_alone():
    """Damaged screener data reads as no answers; only the screener sets it aside."""
    backend = MemoryStorage({storage.storage_key(saved.KIND): "{broken"})
    assert Sources(backend).answers() == {}
    assert list(backend.items) == [storage.storage_key(saved.KIND)]
    assert [call for call in backend.calls if not call.startswith("get ")] == []


def test_blocked_or_failing_storage_reads_no_answers():
    """With storage blocked, or failing to read, there are simply no answers."""
    assert Sources(None).answers() == {}
    assert Sources(GetFails()).answers() == {}


def test_unchanged_screener_answers_are_not_parsed_again(monkeypatch):
    """Asking again for the same screener text reads it without parsing it again."""
    backend = MemoryStorage()
    saved.open_store(backend).save(saved.to_saved({"medicare": "yes"}, False), 1)
    sources = Sources(backend)
    parsed = []

    class Json:
        @staticmethod
        def loads(text):
            parsed.append(text)
            return json.loads(text)

    monkeypatch.setattr(storage, "json", Json)
    assert sources.answers() == {"medicare": "yes"}
    assert sources.answers() == {"medicare": "yes"}
    assert len(parsed) <= 1


def test_says_which_screener_answers_an_update_could_not_keep():
    """ask_again() names the screener questions whose old answers could not
    be kept (the list may miss what they call for), until they are answered."""
    backend = MemoryStorage()
    sources = Sources(backend)
    assert sources.ask_again() == []
    old = storage.wrap(saved.KIND, 1, {"answers": {"biopsy_or_cancer": "yes", "medicare": "yes"}}, 1)
    backend.setItem(storage.storage_key(saved.KIND), json.dumps(old))
    assert sources.ask_again() == ["cancer", "biopsy"]
    assert sources.answers() == {"medicare": "yes"}
    # The screener saves what the visitor answers since; the rest is still to answer.
    saved.open_store(backend).save(saved.to_saved({"cancer": "no", "medicare": "yes"}, False, ["cancer", "biopsy"]), 2)
    assert sources.ask_again() == ["biopsy"]
    saved.open_store(backend).save(saved.to_saved({"cancer": "no", "biopsy": "yes"}, False), 3)
    assert sources.ask_again() == []
