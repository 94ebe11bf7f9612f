"""Parity cases: suggested questions in the page's language (sog.checklist.items
question_words, suggested_by_words; validate's words-to-id step), the same in
CPython, MicroPython and Pyodide. Each case sets the language for its own call
and sets English again after."""

from sog import datafiles, language
from sog.checklist import items, saved, state

from tests.runtimes.parity.harness import case, case_expecting

OWN = "¿Puedo llevar a mi hija? / Can my daughter come?"


def _in(code, function, *args):
    language.use(code)
    try:
        return function(*args)
    finally:
        language.use("en")


def _add(suggested_id):
    data = items.load()
    return state.add_question(state.add_suggested(data, state.new_state(), suggested_id), OWN)


def _shown(checklist):
    data = items.load()
    return [items.question_words(data, entry) for entry in checklist["questions"]]


def added_then_shown(added_in, shown_in, suggested_id):
    checklist = _in(added_in, _add, suggested_id)
    return [checklist["questions"], _in(shown_in, _shown, checklist)]


def saved_as_words(page, words):
    raw = state.new_state()
    raw["questions"] = [{"id": "q1", "text": words, "from": ""}, {"id": "q2", "text": OWN, "from": ""}]
    raw["next_id"] = 3
    cleaned, issues = _in(page, saved.clean, raw)
    return [[entry["from"] for entry in cleaned["questions"]], issues]


def spanish_words(suggested_id):
    return _in("es", lambda: items.suggested(items.load(), suggested_id)["text"])


def add_cases():
    english = datafiles.original(items.DATA_FILE)["suggested_questions"]
    first = english[0]["id"]
    case("question language: added in English, shown in Spanish", added_then_shown, "en", "es", first)
    case("question language: added in Spanish, shown in English", added_then_shown, "es", "en", first)
    case_expecting(
        "question language: English words known on a Spanish page",
        [[first, ""], []],
        saved_as_words,
        "es",
        english[0]["text"].upper(),
    )
    case_expecting(
        "question language: Spanish words known on a Spanish page",
        [[first, ""], []],
        saved_as_words,
        "es",
        "  " + spanish_words(first) + " ",
    )
    case_expecting(
        "question language: English words known on an English page",
        [[first, ""], []],
        saved_as_words,
        "en",
        english[0]["text"],
    )
    case_expecting("question language: own words stay own", [["", ""], []], saved_as_words, "es", "Is it safe?")
