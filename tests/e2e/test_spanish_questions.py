"""Suggested questions in the page's language, in the browser (issue 18;
sog/checklist/items.py question_words, validate.py; the logic is tested in
tests/unit/checklist/test_question_language.py and the parity cases).

One started page: a checklist saved on an English page (one suggested
question with its id, one saved as English words only, one the visitor
typed) opens on /es/checklist/ with both suggested questions in Spanish,
not offered again, and the visitor's own words exactly as typed.
"""

import json

from playwright.sync_api import expect
from sog import datafiles, language
from sog.checklist import items, state

from tests.e2e.checklist_data import CHECKLIST_KEY, set_saved
from tests.e2e.site_pages import open_widget

OWN = "Can my daughter Ana come with me?"


def _spanish(suggested_id):
    language.use("es")
    try:
        return items.suggested(items.load(), suggested_id)["text"]
    finally:
        language.use("en")


def test_suggested_questions_follow_the_page_language(page):
    english = datafiles.original(items.DATA_FILE)["suggested_questions"]
    checklist = state.new_state()
    checklist["questions"] = [
        {"id": "q1", "text": english[0]["text"], "from": english[0]["id"]},
        {"id": "q2", "text": english[1]["text"], "from": ""},
        {"id": "q3", "text": OWN, "from": ""},
    ]
    checklist["next_id"] = 4
    envelope = {"app": "second-opinion-guide", "kind": "checklist", "version": 2, "saved_at": 1, "data": checklist}
    set_saved(page, {CHECKLIST_KEY: json.dumps(envelope)})
    open_widget(page, "/es/checklist/", "checklist")
    expect(page.locator(".sog-question-text")).to_have_text(
        [_spanish(english[0]["id"]), _spanish(english[1]["id"]), OWN]
    )
    offered = page.locator(".sog-suggested li span")
    expect(offered.first).to_be_visible()
    assert _spanish(english[0]["id"]) not in offered.all_inner_texts()
    assert _spanish(english[1]["id"]) not in offered.all_inner_texts()
