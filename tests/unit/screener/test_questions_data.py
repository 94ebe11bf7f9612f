"""Checks on the screener's data file, sog/screener/questions.json.

Everything the screener decides comes from this file, so a content edit can
break it without touching code. Tested here: ids are unique; every question
offers every answer (including "Not sure"); the emergency question comes
first; every level can be reached and every note can show; every reason
belongs to an answer that leads to a real level; every note condition names a
real question and answer; every link points to an existing page; every
text (the words section too) is present and free of markup; ids are plain
words, since the page builds element ids from them unescaped.
"""

import json
import re
from pathlib import Path

import pytest
from sog import datafiles
from sog.screener import rules

DATA_PATH = Path(datafiles.path(rules.DATA_FILE))
DOCS = Path(__file__).resolve().parents[3] / "docs"
DATA = json.loads(DATA_PATH.read_text(encoding="utf-8"))

QUESTION_IDS = [question["id"] for question in DATA["questions"]]
LEVEL_IDS = [level["id"] for level in DATA["levels"]]
NOTE_IDS = [note["id"] for note in DATA["notes"]]
ANSWER_VALUES = [answer["value"] for answer in DATA["answers"]]
SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*/")


def by_question(test):
    return pytest.mark.parametrize("question", DATA["questions"], ids=QUESTION_IDS)(test)


def by_note(test):
    return pytest.mark.parametrize("note", DATA["notes"], ids=NOTE_IDS)(test)


def texts():
    """(where, text, required) for every piece of text a visitor may read."""
    found = []
    for answer in DATA["answers"]:
        found.append(("answer " + answer["value"], answer["label"], True))
    for level in DATA["levels"]:
        found.append(("level " + level["id"] + " title", level["title"], True))
        found.append(("level " + level["id"] + " summary", level["summary"], True))
        for index, step in enumerate(level["next_steps"]):
            found.append(("level " + level["id"] + " step " + str(index + 1), step["text"], True))
    for question in DATA["questions"]:
        found.append(("question " + question["id"], question["text"], True))
        found.append(("question " + question["id"] + " hint", question.get("hint", ""), False))
        for answer, reason in question["reasons"].items():
            found.append(("question " + question["id"] + " reason " + answer, reason, True))
    for note in DATA["notes"]:
        found.append(("note " + note["id"], note["text"], True))
        found.append(("note " + note["id"] + " source", note.get("source", ""), False))
    for name, sentence in DATA["words"].items():
        found.append(("words " + name, sentence, True))
    return found


def hrefs():
    """(where, href) for every non-empty link in the data."""
    found = []
    for level in DATA["levels"]:
        for index, step in enumerate(level["next_steps"]):
            found.append(("level " + level["id"] + " step " + str(index + 1), step["href"]))
    for note in DATA["notes"]:
        found.append(("note " + note["id"], note.get("href", "")))
    return [(where, href) for where, href in found if href]


TEXTS = texts()
HREFS = hrefs()


def test_load_data_reads_the_same_file():
    """rules.load_data gives exactly what the JSON file holds."""
    assert rules.load_data() == DATA


@pytest.mark.parametrize(
    "kind, ids",
    [
        pytest.param("question", QUESTION_IDS, id="questions"),
        pytest.param("level", LEVEL_IDS, id="levels"),
        pytest.param("note", NOTE_IDS, id="notes"),
        pytest.param("answer", ANSWER_VALUES, id="answers"),
    ],
)
def test_ids_are_unique(kind, ids):
    """No two questions, levels, notes or answers share an id (the page's
    element ids and the saved answers are built from them)."""
    duplicates = sorted({item for item in ids if ids.count(item) > 1})
    assert not duplicates, f"duplicate {kind} ids: {duplicates}"
    assert ids, f"no {kind}s at all"


@pytest.mark.parametrize("kind, ids", [("question", QUESTION_IDS), ("level", LEVEL_IDS), ("answer", ANSWER_VALUES)])
def test_ids_are_plain_words(kind, ids):
    """Ids go into element ids and names as they are (q-<question>-<answer>),
    so they are lowercase words: letters, digits and "_" only."""
    for item_id in ids:
        assert re.fullmatch(r"[a-z][a-z0-9_]*", item_id), f"{kind} id {item_id!r}"


def test_words_fill_in_only_their_own_placeholders():
    """Sentences with a placeholder keep it, and no other has one."""
    expected = {"result_title": ["title"], "source": ["source"], "blank_many": ["n"]}
    for name, sentence in DATA["words"].items():
        assert re.findall(r"{(\w+)}", sentence) == expected.get(name, []), name


def test_answers_include_not_sure():
    """Every question offers Yes, No and Not sure: the answers are shared by all
    questions, so the shared list must hold all three."""
    assert set(ANSWER_VALUES) >= {"yes", "no", "not_sure"}


@by_question
def test_no_question_overrides_the_shared_answers(question):
    """A question cannot narrow the answer list, so every question offers every
    answer, including Not sure."""
    assert "answers" not in question


def test_first_question_is_the_emergency_one():
    """The emergency question comes first, and yes to it leads to the first,
    most pressing level (which the code knows as "emergency")."""
    first = DATA["questions"][0]
    assert first["id"] == "emergency"
    assert LEVEL_IDS[0] == "emergency"
    assert first["leads_to"].get("yes") == "emergency"


def answers_reaching(level_id):
    """Answers that should lead to this level, or None if no answer can."""
    if level_id == LEVEL_IDS[-1]:
        return {}
    for question in DATA["questions"]:
        for answer, target in question["leads_to"].items():
            if target == level_id:
                return {question["id"]: answer}
    return None


@pytest.mark.parametrize("level_id", LEVEL_IDS)
def test_every_level_is_reachable(level_id):
    """For each level some answers exist that evaluate to it (the mildest one
    is what no answers give)."""
    answers = answers_reaching(level_id)
    assert answers is not None, f"no answer leads to level {level_id!r}"
    assert rules.evaluate(DATA, answers)["level"] == level_id


@by_question
def test_every_reason_belongs_to_an_answer_that_leads_somewhere(question):
    """A question has a reason for exactly the answers that lead to a level,
    so every result can say why."""
    assert set(question["reasons"]) == set(question["leads_to"])


@by_question
def test_leads_to_uses_real_answers_and_levels(question):
    """Every leads_to entry maps an allowed answer to an existing level."""
    for answer, level_id in question["leads_to"].items():
        assert answer in ANSWER_VALUES, f"{question['id']}: unknown answer {answer!r}"
        assert level_id in LEVEL_IDS, f"{question['id']}: unknown level {level_id!r}"


@by_note
def test_note_conditions_name_real_questions_and_answers(note):
    """Each condition of a note is [question id, answer] with an optional "!"
    (not) before the answer, and a note has at least one condition."""
    assert note["when"], "a note without conditions would show for everyone"
    for condition in note["when"]:
        assert len(condition) == 2
        question_id, expected = condition
        assert question_id in QUESTION_IDS, f"unknown question {question_id!r}"
        value = expected.removeprefix("!")
        assert value in ANSWER_VALUES, f"unknown answer {expected!r}"


@by_note
def test_every_note_can_show(note):
    """Answering as the note's conditions say makes evaluate show the note (a
    "!" condition is met by leaving the question blank)."""
    answers = {}
    for question_id, expected in note["when"]:
        if not expected.startswith("!"):
            answers[question_id] = expected
    assert note["id"] in rules.evaluate(DATA, answers)["notes"]


@pytest.mark.parametrize("where, href", HREFS, ids=[where for where, _ in HREFS])
def test_links_point_to_existing_pages(where, href):
    """A link is a page slug with a trailing slash, relative to the site root,
    and docs/<slug>.md exists."""
    assert SLUG.fullmatch(href), f"{where}: {href!r} is not a slug like 'pathology/'"
    page = DOCS / (href[:-1] + ".md")
    assert page.is_file(), f"{where}: {href!r} has no page {page}"


@pytest.mark.parametrize("where, text, required", TEXTS, ids=[where for where, _, _ in TEXTS])
def test_texts_are_present_and_plain(where, text, required):
    """Every text is a string, present where required, and free of "<" and ">"
    (the page escapes them, so they would show as symbols, never as markup)."""
    assert isinstance(text, str)
    if required:
        assert text.strip(), f"{where} is empty"
    assert "<" not in text and ">" not in text, f"{where} holds markup: {text!r}"
