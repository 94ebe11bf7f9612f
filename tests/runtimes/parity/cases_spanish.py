"""Parity cases for the widgets in Spanish (sog.language and the .es.json overlays).

The screener's decision table (tests/support/screener_cases.py) runs again
with the data read in Spanish, case by case, with its expected level and
notes: the same result ids in CPython, MicroPython and Pyodide. The overlay
merge itself, a Spanish result, the Spanish calendar file and a keep-my-work
file made in English and loaded in Spanish must come out the same in every
runtime too. Each case sets the language for its own call and sets English
again after, so the other cases' modules read English as before.
"""

import json

from sog import datafiles, keep, language
from sog.checklist import calendar, items
from sog.letter import render as letter_render
from sog.letter import render_letter
from sog.letter import view as letter_view
from sog.screener import render, rules
from sog.screener import saved as screener_saved

from tests.runtimes.parity.harness import case, case_expecting, summary
from tests.support import examples, letter_examples, screener_cases
from tests.support.fake_storage import MemoryStorage

NOW = (2026, 11, 21, 12, 0, 5)
APPOINTMENT = {"doctor": "Dra. Ruiz", "phone": "555-0100", "address": "12 Oak St", "date": "2027-03-01",
               "time": "09:30", "companion": "Sam"}


def in_spanish(function, *args):
    """function(*args) with the data read in Spanish; English again after."""
    language.use("es")
    try:
        return function(*args)
    finally:
        language.use("en")


def decide(answers, with_notes):
    result = rules.evaluate(rules.load(), answers)
    return [result["level"], result["notes"] if with_notes else None]


def ask_first_of(answers):
    result = rules.evaluate(rules.load(), answers)
    return [result["level"], result["ask_first"]]


def result_html(answers):
    data = rules.load()
    return render.result_html(data, rules.evaluate(data, answers), "..")


def calendar_file(plain):
    data = items.load()
    return calendar.ics_text(calendar.events(data, APPOINTMENT, plain, (2027, 1, 1)), APPOINTMENT, plain, NOW)


def work_file():
    """A keep-my-work file downloaded on a page, and the checklist in it."""
    checklist = examples.rich_checklist(items.load())
    return [keep.export_text(MemoryStorage(), 123, {"checklist": checklist}), checklist]


def load_file(made):
    """made (work_file()) loaded on a page: the checklist as it was saved."""
    loaded, message = keep.import_text(made[0])
    return {"same": loaded["checklist"] == made[1], "parts": sorted(loaded), "message": message}


def screener_saved_round_trip(answers):
    stored = json.loads(json.dumps(screener_saved.to_saved(answers, True)))
    return screener_saved.from_saved(rules.load(), stored)


def letter_in(code):
    """The filled letter's sheets drawn in language code on a Spanish page."""
    def build(data, checklist):
        letter = letter_examples.filled_letter(checklist)
        shown = letter_view.letter_view(data, checklist, letter, letter_view.values(letter, None, "2027-01-05"))
        return render_letter.sheets_html(data, shown)
    return summary(letter_view.in_language(code, build))


def overlay_titles():
    return [level["title"] for level in datafiles.load("screener/questions.json")["levels"]]


SAMPLE = {"n": 1, "urgent": True, "items": [{"id": "a", "t": "A", "when": [["q", "yes"]]}, {"id": "b", "t": "B"}],
          "list": ["one", "two"], "words": {"w": "word"}}
OVERLAYS = [
    ("empty", {}),
    ("by_id_reversed", {"items": [{"id": "b", "t": "Be"}, {"id": "a", "t": "A\u00e1", "when": "no"}]}),
    ("by_position", {"list": ["uno"], "words": {"w": "palabra", "x": "ignored"}}),
    ("misfit", {"n": 2, "urgent": False, "items": "x", "list": {"a": 1}, "words": ["w"]}),
]


def add_cases():
    case("language.normalise", lambda: [language.normalise(code) for code in ("es-US", "ES", "", "x", None, "en")])
    case("language.overlay_name", language.overlay_name, "screener/questions.json", "es")
    for name, overlay in OVERLAYS:
        case("language.localise." + name, language.localise, SAMPLE, overlay)
        case("language.words." + name, language.words, language.localise(SAMPLE, overlay))
    case("spanish.screener.titles", in_spanish, overlay_titles)
    for name, answers, level, notes in screener_cases.CASES:
        case_expecting("spanish.rules.decide.table." + name, [level, notes], in_spanish, decide, answers,
                       notes is not None)
    for name, answers, level, ask_first in screener_cases.ASK_FIRST_CASES:
        case_expecting("spanish.rules.ask_first.table." + name, [level, ask_first], in_spanish, ask_first_of,
                       answers)
    for name, answers in [("emergency", {"emergency": "yes"}), ("all_yes", screener_cases.every("yes", emergency="no")),
                          ("blank", {"emergency": "no", "medicare": "yes"})]:
        case("spanish.render.result_html." + name, lambda a: summary(in_spanish(result_html, a)), answers)
        case("spanish.saved.round_trip." + name, in_spanish, screener_saved_round_trip, answers)
    for plain in (False, True):
        case("spanish.calendar.ics_text.plain_" + str(plain), in_spanish, calendar_file, plain)
    case("spanish.backup.english_file_loads_in_spanish", lambda: in_spanish(load_file, work_file()))
    case("spanish.backup.spanish_file_loads_in_english", lambda: load_file(in_spanish(work_file)))
    case("spanish.backup.refused_in_spanish", in_spanish, keep.import_text, "{}")
    for code in ("en", "es"):
        case("spanish.letter.drawn_in_" + code, in_spanish, letter_in, code)
    case("spanish.letter.static_page", lambda: summary(in_spanish(letter_render.static_page, "..")))
    case("spanish.letter.alongside_words", in_spanish, letter_view.alongside_words)
