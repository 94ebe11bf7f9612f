"""What the letter page reads besides the letter: the checklist's data, the
visitor's checklist (to offer its records and fill in the second doctor) and
the screener's answers (to tailor the records the same way the checklist
does). No browser imports: the storage object is passed in.

The checklist is only read here, never set aside or reported: the checklist
page does that for its own data.
"""

from sog.checklist import saved as checklist_saved
from sog.checklist.sources import Sources as ChecklistSources
from sog.checklist.state import new_state
from sog.letter import view


class Sources:
    """The letter's data, and the checklist's, opened once per page."""

    def __init__(self, backend):
        self.backend = backend
        self._checklist_sources = ChecklistSources(backend)
        self.checklist_data = self._checklist_sources.data
        self.checklist_store = self._checklist_sources.store
        self.screener_store = self._checklist_sources.screener_store
        self.data = view.load()
        # The checklist's saved text last read, and the checklist it holds:
        # every redraw asks, and it only needs reading again when it changed.
        self._checklist = (None, new_state())

    def checklist(self):
        """The visitor's checklist as saved in this browser (empty if none
        or unreadable)."""
        text = self.checklist_store.read_text()
        if text != self._checklist[0]:
            loaded, _, _ = self.checklist_store.peek()
            self._checklist = (text, checklist_saved.clean(loaded)[0])
        return self._checklist[1]

    def answers(self):
        """The screener answers saved in this browser (none if unreadable)."""
        return self._checklist_sources.answers()

    def ask_again(self):
        """The screener questions to answer again (the checklist's Sources
        finds them: one reading of the screener's text for both)."""
        return self._checklist_sources.ask_again()
