"""What both checklist pages read: the item data, the screener's questions
(to tailor the list) and the two saved stores. No browser imports: the
storage object is passed in."""

from checklist import model
from screener import rules as screener_rules
from screener import saved as screener_saved

ITEMS_PATH = "checklist/items.json"
QUESTIONS_PATH = "screener/questions.json"


class Sources:
    """The checklist's data and stores, opened once per page."""

    def __init__(self, backend):
        self.data = model.load_items(ITEMS_PATH)
        self.screener_data = screener_rules.load_data(QUESTIONS_PATH)
        self.store = model.open_store(backend)
        self.screener_store = screener_saved.open_store(backend)

    def answers(self):
        """The screener answers saved in this browser (none if unreadable)."""
        return screener_saved.answers_from_text(self.screener_data, self.screener_store.read_text())
