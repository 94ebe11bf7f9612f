"""checklist.sources: what both checklist pages open at start."""

from pathlib import Path

import storage
from checklist.sources import Sources
from screener import saved

PYSCRIPT = Path(__file__).resolve().parents[3] / "pyscript"


class MemoryStorage:
    def __init__(self):
        self.items = {}

    def getItem(self, key):  # noqa: N802 - the browser's name
        return self.items.get(key)

    def setItem(self, key, value):  # noqa: N802
        self.items[key] = value

    def removeItem(self, key):  # noqa: N802
        self.items.pop(key, None)


def test_opens_data_and_reads_screener_answers(monkeypatch):
    """Paths are relative to the browser's working folder; answers come from the screener's store."""
    monkeypatch.chdir(PYSCRIPT)
    backend = MemoryStorage()
    sources = Sources(backend)
    assert sources.data["items"] and sources.screener_data["questions"]
    assert sources.answers() == {}
    saved.open_store(backend).save(saved.to_saved({"medicare": "yes"}, False), 1)
    assert sources.answers() == {"medicare": "yes"}
    assert sources.store.key == storage.storage_key("checklist")


def test_blocked_storage_reads_no_answers(monkeypatch):
    """With storage blocked there are simply no answers."""
    monkeypatch.chdir(PYSCRIPT)
    assert Sources(None).answers() == {}
