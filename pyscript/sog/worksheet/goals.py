"""The goals on the visitor's checklist, to prefill the worksheet's. Pure.

Read through the checklist's own saved format, so the worksheet sees the
same goals the checklist page shows. Read only: this page never sets the
checklist's data aside or changes it, even when it cannot be read (the
checklist page says so). The storage object is passed in.
"""

from sog import storage
from sog.checklist import saved as checklist_saved


class ChecklistGoals:
    """The checklist's goals in this browser, read again only when its saved
    text has changed (another tab, or the checklist page, wrote it)."""

    def __init__(self, backend):
        self.store = checklist_saved.open_store(backend)
        self.key = self.store.key
        self._seen = (None, "")

    def read(self):
        """The goals text ("" when there are none, or they cannot be read)."""
        store = self.store
        text = store.read_text()
        if text != self._seen[0]:
            loaded, _, _ = storage.unwrap(store.kind, store.version, text, store.migrations)
            self._seen = (text, checklist_saved.clean(loaded)[0]["goals"])
        return self._seen[1]
