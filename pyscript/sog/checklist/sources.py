"""What both checklist pages read: the item data, the saved checklist and the
screener's saved answers (to tailor the list). No browser imports: the
storage object is passed in."""

from sog.checklist import items, saved
from sog.screener import saved as screener_saved


class Sources:
    """The checklist's data and stores, opened once per page."""

    def __init__(self, backend):
        self.backend = backend
        self.data = items.load()
        self.store = saved.open_store(backend)
        self.screener_store = screener_saved.open_store(backend)
        # The screener's saved text last read, its answers and the questions
        # to answer again: every redraw asks, and the text only needs
        # reading again when it has changed.
        self._answers = (None, {}, [])

    def _read(self):
        text = self.screener_store.read_text()
        if text != self._answers[0]:
            answers, ask_again = screener_saved.from_text(text)
            self._answers = (text, answers, ask_again)
        return self._answers

    def answers(self):
        """The screener answers saved in this browser (none if unreadable)."""
        return self._read()[1]

    def ask_again(self):
        """The screener questions to answer again after an update, whose old
        answers could not be kept (so the list may miss what they call for)."""
        return self._read()[2]
