"""Suggested questions keep to the page's language (issue 18).

A question added from the checklist's suggestions is saved with its id
("from"), and shown, on the list and on paper, in the language of the page
that shows it, wherever it was added; the visitor's own questions stay
exactly as typed. Saved questions that hold only words (format 1, or typed
as the list words them) are known by their id again when those words are a
suggested question's in English or in the page's language
(validate._clean_questions); other words stay the visitor's own.
"""

import pytest
from sog import datafiles
from sog.checklist import items, render_list, render_sheet, saved, state
from sog.markup import escape

from tests.unit.spanish_data import in_language

OWN = "¿Puedo llevar a mi hija? / Can my daughter come?"


def _load(code):
    with in_language(code):
        return items.load()


def _added(code, suggested_id):
    with in_language(code):
        data = items.load()
        return state.add_question(state.add_suggested(data, state.new_state(), suggested_id), OWN)


def _shown(code, checklist):
    """The questions as a page in this language shows them, on screen and on paper."""
    with in_language(code):
        data = items.load()
        screen = render_list.section_html("questions", data, checklist, None, "..", False)
        paper = render_sheet.part_html("questions", data, checklist, {}, False, "", "")
        return [items.question_words(data, entry) for entry in checklist["questions"]], screen, paper


@pytest.mark.parametrize("added_in, shown_in", [("en", "es"), ("es", "en"), ("es", "es")])
def test_a_suggested_question_is_shown_in_the_page_language(added_in, shown_in):
    checklist = _added(added_in, "benefits")
    assert checklist["questions"][0]["from"] == "benefits"
    wanted = items.suggested(_load(shown_in), "benefits")["text"]
    other = items.suggested(_load(added_in), "benefits")["text"]
    words, screen, paper = _shown(shown_in, checklist)
    assert words == [wanted, OWN]
    assert escape(wanted) in screen and escape(wanted) in paper
    if other != wanted:
        assert escape(other) not in screen and escape(other) not in paper
    # The visitor's own question, exactly as typed, in every language.
    assert checklist["questions"][1] == {"id": "q2", "text": OWN, "from": ""}


def test_a_suggested_question_is_not_offered_again_in_the_other_language():
    checklist = _added("en", "benefits")
    with in_language("es"):
        assert state.has_suggested(items.load(), checklist, "benefits")


@pytest.mark.parametrize("page", ["en", "es"])
@pytest.mark.parametrize("saved_in", ["en", "es"])
def test_words_saved_without_their_id_are_known_again(page, saved_in):
    """Words of a suggested question, saved without its id: its id again,
    when the page has those words (English always; Spanish on a Spanish page)."""
    english = datafiles.original(items.DATA_FILE)["suggested_questions"][1]
    words = items.suggested(_load(saved_in), english["id"])["text"]
    raw = state.new_state()
    raw["questions"] = [
        {"id": "q1", "text": "  " + words.upper() + " ", "from": ""},
        {"id": "q2", "text": OWN, "from": ""},
    ]
    raw["next_id"] = 3
    with in_language(page):
        cleaned, issues = saved.clean(raw)
    assert issues == []
    known = page == "es" or saved_in == "en"
    assert cleaned["questions"][0]["from"] == (english["id"] if known else "")
    # The visitor's own question is untouched.
    assert cleaned["questions"][1] == {"id": "q2", "text": OWN, "from": ""}


def test_format_1_questions_become_suggested_ones_by_their_words():
    english = datafiles.original(items.DATA_FILE)["suggested_questions"][0]
    old = {"ticked": [], "questions": [english["text"], "My own question?"]}
    with in_language("es"):
        cleaned, issues = saved.clean(saved.from_v1(old))
        shown = [items.question_words(items.load(), entry) for entry in cleaned["questions"]]
    assert issues == []
    assert [entry["from"] for entry in cleaned["questions"]] == [english["id"], ""]
    assert shown == [items.suggested(_load("es"), english["id"])["text"], "My own question?"]
