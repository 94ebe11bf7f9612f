"""The widgets in Spanish: one set of rules, the same saved work, Spanish paper.

Tested here: each data file read in Spanish has the English file's rules,
ids, numbers and links, only the words differ; the screener's decision table
gives the same result ids with the Spanish data; every widget marker renders
in Spanish at build time with no English left, except the records letter's
own text (it goes to a US office, so it prints in English); the printable
checklist and the worksheet render in Spanish; the calendar file's words come
from the overlay; work saved with the English data loads with the Spanish
data and back, for every widget, and so does a keep-my-work file; the build
renders a page's markers in a given language and lists the overlays a
Spanish page fetches.
"""

import json

import pytest
from sitebuild import widgets
from sog import datafiles, keep, language
from sog.checklist import calendar, items
from sog.checklist import saved as checklist_saved
from sog.letter import saved as letter_saved
from sog.screener import rules
from sog.screener import saved as screener_saved
from sog.worksheet import saved as worksheet_saved
from sog.worksheet import sheet

from tests.support import examples, letter_examples, screener_cases, worksheet_examples
from tests.support.fake_storage import MemoryStorage
from tests.support.html import parse, visible_text
from tests.unit import spanish_data
from tests.unit.spanish_data import in_language
from tests.unit.test_spanish_data import english_left

LANGUAGES = ("en", "es")


def load_in(code, relative):
    with in_language(code):
        return datafiles.load(relative)


@pytest.mark.parametrize("name", spanish_data.overlaid_files())
def test_only_the_words_differ(name):
    """Urgency, levels, decisions, ids, numbers and links: one data file."""
    english = spanish_data.without_words(load_in("en", name))
    assert spanish_data.without_words(load_in("es", name)) == english


def test_spanish_data_is_read_in_spanish():
    with in_language("es"):
        data = rules.load()
        assert data["levels"][0]["title"] == "Busque atención urgente ahora"
        assert items.load()["words"]["calendar"]["button"] == "Agregar a mi calendario"
        assert sheet.load()["words"]["print_button"] == "Imprimir esta hoja"
    assert rules.load()["levels"][0]["title"] == "Get urgent care now"


@pytest.mark.parametrize("name, answers, level, notes", screener_cases.CASES, ids=[c[0] for c in screener_cases.CASES])
def test_screener_decision_table_gives_the_same_ids_in_spanish(name, answers, level, notes):
    with in_language("es"):
        result = rules.evaluate(rules.load(), answers)
    assert result["level"] == level
    if notes is not None:
        assert result["notes"] == notes
    english = rules.evaluate(rules.load(), answers)
    assert spanish_data.without_words(result) == spanish_data.without_words(english)


@pytest.mark.parametrize("name, answers, level, ask_first", screener_cases.ASK_FIRST_CASES,
                         ids=[c[0] for c in screener_cases.ASK_FIRST_CASES])
def test_screener_asks_first_the_same_in_spanish(name, answers, level, ask_first):
    with in_language("es"):
        result = rules.evaluate(rules.load(), answers)
    assert [result["level"], result["ask_first"]] == [level, ask_first]


# ---- paper and pages, built in Spanish -------------------------------------------

REGISTRY = widgets.discover()
MARKERS = widgets.marker_functions(REGISTRY)
# Attributes a visitor hears or sees (value is left out: form values are ids).
READ_ATTRIBUTES = ("aria-label", "title", "placeholder", "alt", "data-failed-text", "data-fallback-text")


def read_text(html):
    """Every visible string and every read attribute of a fragment."""
    soup = parse(html)
    texts = [text for text in soup.stripped_strings]
    for element in soup.find_all(True):
        texts += [element[name] for name in READ_ATTRIBUTES if element.get(name)]
    return texts


def letter_body_texts():
    """The letter's own English text (it stays English on a Spanish page)."""
    english = datafiles.load(spanish_data.LETTER)
    body = spanish_data.overlay_of(spanish_data.LETTER)[spanish_data.LETTER_BODY]
    return [text for path, text in language.words(english) if path in dict(language.words(body))]


@pytest.mark.parametrize("marker", sorted(MARKERS))
def test_every_marker_renders_in_spanish(marker):
    html = widgets.fill_markers("<div>" + marker + "</div>", "..", MARKERS, "es")
    assert language.current() == "en", "fill_markers must leave the language as it found it"
    body = letter_body_texts()
    left = [(text, english_left(text)) for text in read_text(html)
            if english_left(text) and not any(part in text or text in part for part in body)]
    assert not left, f"{marker}: English in the Spanish page: {left}"


def test_the_printable_checklist_renders_in_spanish():
    html = widgets.fill_markers("<!-- widget:printable -->", "..", MARKERS, "es")
    text = visible_text(parse(html))
    assert "Imprimir esta lista" in text
    assert "Dígale a su médico que quiere una segunda opinión." in text
    assert "Información general, no consejo médico. En una emergencia, llame al 911." in text
    assert "Tell your doctor" not in text


def test_the_worksheet_renders_in_spanish():
    html = widgets.fill_markers("<!-- widget:worksheet -->", "..", MARKERS, "es")
    text = " ".join(read_text(html))
    for spanish in ("Lo que dijo cada médico", "Primer médico", "Segundo médico", "Riesgos y efectos secundarios",
                    "Lo que más me importa", "llame al 911"):
        assert spanish in text
    # The yearly figure is filled in the Spanish sentence, from figures.json.
    assert "después de pagar el deducible de la Parte B del año ($" in text
    assert "What each doctor said" not in text


def test_the_letter_prints_in_english_on_a_spanish_page():
    html = widgets.fill_markers("<!-- widget:letter -->", "..", MARKERS, "es")
    text = visible_text(parse(html))
    assert "Request for copies of my health records" in text
    assert "Para llenar la carta se necesita JavaScript" in text


# ---- the calendar file ---------------------------------------------------------------

APPOINTMENT = {"doctor": "Dra. Ruiz", "phone": "555-0100", "address": "12 Oak St", "date": "2027-03-01",
               "time": "09:30", "companion": "Sam"}
NOW = (2026, 11, 21, 12, 0, 5)


def unfolded(ics):
    return ics.replace("\r\n ", "").replace("\\,", ",")


def test_the_calendar_file_speaks_spanish():
    with in_language("es"):
        found = calendar.events(items.load(), APPOINTMENT, False, (2027, 1, 1))
        ics = unfolded(calendar.ics_text(found, APPOINTMENT, False, NOW))
        plain = calendar.events(items.load(), APPOINTMENT, True, (2027, 1, 1))
    assert [event["title"] for event in found] == [
        "Llamar al consultorio de Dra. Ruiz: ¿ya tienen mi expediente?",
        "Llamar al consultorio de Dra. Ruiz: ¿llegó mi expediente?",
        "Visita para una segunda opinión con Dra. Ruiz",
    ]
    assert [event["title"] for event in plain][-1] == "Cita médica"
    assert "Su visita es el lunes, 1 de marzo de 2027, 9:30 a. m." in ics
    assert "Qué llevar:" in ics
    assert "De la guía Second Opinion Guide. Información general, no consejo médico." in ics
    read = [line.split(":", 1)[1] for line in ics.splitlines() if line.startswith(("SUMMARY:", "DESCRIPTION:"))]
    assert read and not english_left(" ".join(read).replace("Second Opinion Guide", ""))


# ---- saved work, by id, in either language -----------------------------------------


def other(code):
    return "es" if code == "en" else "en"


@pytest.mark.parametrize("saved_in", LANGUAGES)
def test_screener_answers_load_in_the_other_language(saved_in):
    answers = screener_cases.every("yes", emergency="no")
    with in_language(saved_in):
        stored = json.loads(json.dumps(screener_saved.to_saved(answers, True)))
    with in_language(other(saved_in)):
        found, show, dropped = screener_saved.from_saved(rules.load(), stored)
    assert (found, show, dropped) == (answers, True, 0)


# Each widget's saved module, and its example of full saved work (made with
# the data in the language it is saved in).
SAVED_WORK = {
    "checklist": (checklist_saved, lambda: examples.filled_checklist(items.load())),
    "letter": (letter_saved, lambda: letter_examples.filled_letter(items.load())),
    "worksheet": (worksheet_saved, lambda: worksheet_examples.filled_worksheet(sheet.load())),
}


def made_in(code):
    """{KIND: example work} made with the data in language code."""
    with in_language(code):
        return {module.KIND: make() for module, make in SAVED_WORK.values()}


@pytest.mark.parametrize("saved_in", LANGUAGES)
@pytest.mark.parametrize("widget", sorted(SAVED_WORK))
def test_saved_work_loads_in_the_other_language(widget, saved_in):
    module, make = SAVED_WORK[widget]
    with in_language(saved_in):
        work = make()
    assert work != module.clean(None)[0]
    with in_language(other(saved_in)):
        assert module.clean(json.loads(json.dumps(work))) == (work, [])
        assert module.check(json.loads(json.dumps(work))) == (work, None)


@pytest.mark.parametrize("saved_in", LANGUAGES)
def test_a_keep_my_work_file_loads_in_the_other_language(saved_in):
    """Downloaded on the English page, loaded on the Spanish one, and back."""
    work = made_in(saved_in)
    with in_language(saved_in):
        text = keep.export_text(MemoryStorage(), 123, work)
    with in_language(other(saved_in)):
        loaded, message = keep.import_text(text)
        backend = MemoryStorage()
        assert keep.save_all(backend, loaded, 456)
        again = keep.export_text(backend, 123)
    assert message is None
    assert loaded == work
    assert json.loads(again) == json.loads(text)


def test_a_refused_file_is_refused_in_the_page_language():
    with in_language("es"):
        loaded, message = keep.import_text("{}")
    assert loaded is None
    assert message == "Este archivo no es una lista guardada desde esta guía."


# ---- the build -------------------------------------------------------------------------


def test_overlay_files_lists_the_spanish_overlays_that_exist():
    files = ["sog/words.json", "sog/figures.json", "sog/screener/questions.json", "sog/screener/rules.py"]
    assert widgets.overlay_files(files, "es") == ["sog/screener/questions.es.json", "sog/words.es.json"]
    assert widgets.overlay_files(files, "en") == []


@pytest.mark.parametrize("name", sorted(REGISTRY))
def test_a_spanish_page_fetches_the_overlay_of_every_data_file_it_fetches(name):
    english = widgets.files_for(REGISTRY[name])
    spanish = widgets.files_for(REGISTRY[name], language="es")
    added = sorted(set(spanish) - set(english))
    # The manifests (widget.json, which keep.py reads to name the parts) hold no words.
    data = [path for path in english if path.endswith(".json") and path != "sog/figures.json"
            and not path.endswith("/widget.json")]
    assert added == sorted(language.overlay_name(path, "es") for path in data)
    assert set(english) <= set(spanish)


def test_fill_markers_in_english_by_default():
    html = widgets.fill_markers("<!-- widget:worksheet -->", "..", MARKERS)
    assert "What each doctor said" in read_text(html)
