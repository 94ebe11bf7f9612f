"""Checks on the screener's data file, sog/screener/questions.json.

Everything the screener decides comes from this file, so a content edit can
break it without touching code. Tested here: ids are unique; every question
offers "No" and "Not sure" (a question may have its own choices); no
question is asked in the negative, and only one of Yes and No can raise the
level; urgent levels come first, the first question can lead to one, and
"Not sure" to a question whose "Yes" is urgent is urgent too; the emergency
question's examples and their sources; getting worse means a call today,
before anything about second opinions; every result is a headline, one
sentence and at most three steps, never "not a must", and the safety step
says what to do if things get worse; every level can be reached and
every note can show; every reason belongs to an answer that leads to a real
level; every note condition names a real question and answers it offers;
every link points to an existing page (and part of a page) with a title, so
its text says where it goes; every text (the words section too) is present
and free of markup; figures come from figures.json; 20% is said of Original
Medicare. The file's shape (fields, types, ids as plain words, since the
page builds element ids from them unescaped) is its schema's:
schemas/screener/questions.schema.json, tests/unit/test_data_schemas.py.
"""

import json
import re
from pathlib import Path

import pytest
from sog import datafiles, figures, pages
from sog.screener import rules

from tests.support.screener_cases import calm

DATA_PATH = Path(datafiles.path(rules.DATA_FILE))
DOCS = Path(__file__).resolve().parents[3] / "docs"
DATA = json.loads(DATA_PATH.read_text(encoding="utf-8"))

QUESTION_IDS = [question["id"] for question in DATA["questions"]]
LEVEL_IDS = [level["id"] for level in DATA["levels"]]
NOTE_IDS = [note["id"] for note in DATA["notes"]]
ANSWER_VALUES = [answer["value"] for answer in DATA["answers"]]
QUESTIONS = {question["id"]: question for question in DATA["questions"]}
SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*/(?:#[a-z0-9]+(?:-[a-z0-9]+)*)?")


def values_of(question):
    """The answer values a question offers (its own, or the shared ones)."""
    return [answer["value"] for answer in question.get("answers", DATA["answers"])]


def urgent_levels():
    return [level["id"] for level in DATA["levels"] if level.get("urgent")]


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
            if "title" in step:
                found.append(("level " + level["id"] + " step " + str(index + 1) + " title", step["title"], True))
    for question in DATA["questions"]:
        found.append(("question " + question["id"], question["text"], True))
        for answer in question.get("answers", []):
            found.append(("question " + question["id"] + " answer " + answer["value"], answer["label"], True))
        found.append(("question " + question["id"] + " hint", question.get("hint", ""), False))
        found.append(("question " + question["id"] + " source", question.get("source", ""), False))
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
    for question in DATA["questions"]:
        assert "href" not in question
    for note in DATA["notes"]:
        found.append(("note " + note["id"], note.get("href", "")))
    return [(where, href) for where, href in found if href]


TEXTS = texts()
HREFS = hrefs()


def strings(value):
    """Every string in JSON-like data."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [found for entry in value for found in strings(entry)]
    if isinstance(value, dict):
        return [found for entry in value.values() for found in strings(entry)]
    return []


def test_load_data_reads_the_same_file_with_figures_filled():
    """rules.load_data gives what the JSON file holds, with every yearly
    figure filled in from figures.json, and no placeholder left."""
    loaded = rules.load()
    assert loaded == figures.fill_all(DATA, figures.load())
    assert [text for text in strings(loaded) if figures.placeholders(text)] == []
    assert [text for text in strings(DATA) if "[[part_b_deductible]]" in text], (
        "the Medicare note takes the deductible from figures.json"
    )


def test_twenty_percent_is_said_of_original_medicare():
    """Medicare's 20% is Original Medicare's rule: every text that gives it says so."""
    for where, text, _ in TEXTS:
        if "20%" in text and "Medicare" in text:
            assert "Original Medicare" in text, where


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


def test_words_fill_in_only_their_own_placeholders():
    """Sentences with a placeholder keep it, and no other has one."""
    expected = {
        "result_title": ["title"],
        "source": ["source"],
        "blank_many": ["n"],
        "read_more": ["title"],
        "missing_question": ["n", "text"],
        "count": ["n"],
        "hint_source": ["source"],
        "ask_first": ["n"],
    }
    for name, sentence in DATA["words"].items():
        assert re.findall(r"{(\w+)}", sentence) == expected.get(name, []), name


def test_shared_answers_are_yes_no_not_sure():
    assert ANSWER_VALUES == ["yes", "no", "not_sure"]


@by_question
def test_every_question_offers_no_and_not_sure(question):
    """Whatever its choices, a question can be answered No, and Not sure, and
    its choices are unique plain words with a label."""
    values = values_of(question)
    assert {"no", "not_sure"} <= set(values)
    assert len(values) == len(set(values))
    for answer in question.get("answers", []):
        assert set(answer) == {"value", "label"}
        assert re.fullmatch(r"[a-z][a-z0-9_]*", answer["value"])


def test_medicare_tells_original_from_advantage():
    """Medicare has its own choices: Original Medicare, an Advantage plan, yes
    without saying which (the "yes" saved before the choice existed), no and
    not sure."""
    assert values_of(QUESTIONS["medicare"]) == ["original", "advantage", "yes", "no", "not_sure"]


def test_urgent_levels_come_first_and_the_mildest_is_calm():
    """Urgent levels are the most pressing, so they come first; "urgent" is
    true or absent; the last (mildest) level is never urgent."""
    for level in DATA["levels"]:
        assert level.get("urgent", False) in (True, False), level["id"]
    flags = [level.get("urgent", False) for level in DATA["levels"]]
    assert flags == sorted(flags, reverse=True)
    assert flags[0] and not flags[-1]


def test_first_question_is_about_urgency():
    """The first question is the one that can say "get care now", both for
    Yes and for Not sure."""
    first = DATA["questions"][0]
    assert first["leads_to"].get("yes") in urgent_levels()
    assert first["leads_to"].get("not_sure") in urgent_levels()


@by_question
def test_not_sure_is_never_waved_off_where_yes_is_urgent(question):
    """Where Yes means "get care now", Not sure does too: doubt about
    urgency points to urgent care."""
    if question["leads_to"].get("yes") in urgent_levels():
        assert question["leads_to"].get("not_sure") in urgent_levels()


def test_urgent_levels_send_to_911_and_carry_no_links():
    """An urgent level says to call 911, and links nowhere else: nothing to
    click away to before getting care."""
    for level_id in urgent_levels():
        level = rules.find_level(DATA, level_id)
        assert "911" in level["summary"], level_id
        assert all(step["href"] == "" for step in level["next_steps"]), level_id


def steps_text(level):
    return " ".join(step.get("title", "") + " " + step["text"] for step in level["next_steps"])


@pytest.mark.parametrize("level_id", ["call_doctor_today", "worth_seeking"])
def test_the_levels_that_say_seek_one_ask_if_it_is_safe_to_wait(level_id):
    """Where a second opinion is worth seeking, the steps say to ask how long
    you can safely wait, and to keep to your treatment meanwhile."""
    level = rules.find_level(DATA, level_id)
    text = level["summary"] + " " + steps_text(level)
    assert "Is it safe to wait?" in text and "how long you can safely wait" in text
    assert re.search(r"keep to your (current )?treatment unless", text), level_id


def test_getting_worse_means_a_call_today_first():
    """Issue 15, 2: Yes to "Are your symptoms getting worse?" leads to a level
    of its own, more pressing than any about second opinions and not urgent
    (its result still says a second opinion is worth seeking), whose first
    line says to call the doctor treating you today and keep to your treatment."""
    level_id = QUESTIONS["getting_worse"]["leads_to"]["yes"]
    level = rules.find_level(DATA, level_id)
    assert not level.get("urgent")
    plain = [lvl["id"] for lvl in DATA["levels"] if not lvl.get("urgent")]
    assert plain[0] == level_id
    assert "call the doctor who is treating you today" in level["summary"]
    assert "keep to your treatment unless" in level["summary"]
    assert "second opinion" not in level["summary"] and "second opinion" not in level["title"]
    assert "worth seeking" in steps_text(level)


def test_the_safety_step_says_what_to_do_if_things_get_worse():
    """Issue 14, 3: every result ends with this: the doctor's office today,
    911 or the ER in an emergency, 988 for thoughts of self-harm."""
    safety = DATA["words"]["safety"]
    for needed in ("call your doctor's office today", "911", "ER", "988", "harming yourself"):
        assert needed.casefold() in safety.casefold(), needed


def test_the_emergency_question_gives_its_examples_and_sources():
    """Issue 14, 4: the examples include fainting, sudden confusion, severe
    pain, a fever of 100.4 °F or more during chemotherapy, and thoughts of
    harming yourself (988); the fever line and 988 name their sources."""
    emergency = DATA["questions"][0]
    for needed in ("fainting", "sudden confusion", "very bad pain", "100.4 °F", "chemotherapy",
                   "harming yourself", "988"):
        assert needed in emergency["hint"], needed
    assert "CDC" in emergency["source"] and "988 Suicide and Crisis Lifeline" in emergency["source"]


@pytest.mark.parametrize("level", DATA["levels"], ids=LEVEL_IDS)
def test_a_result_is_a_headline_one_sentence_and_three_steps(level):
    """Issue 15, 3: a short headline, a one-sentence summary, then at most
    three next steps; and no result says "not a must"."""
    assert len(level["title"].split()) <= 7
    ends = re.findall(r"[.!?](?:\s|$)", level["summary"])
    assert len(ends) == 1 and level["summary"].endswith("."), level["summary"]
    assert 1 <= len(level["next_steps"]) <= 3
    text = level["title"] + " " + level["summary"] + " " + steps_text(level)
    assert "not a must" not in text.casefold()


def answers_reaching(level_id):
    """Answers that should lead to this level, or None if no answer can."""
    if level_id == LEVEL_IDS[-1]:
        return calm()
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
        assert answer in values_of(question), f"{question['id']}: unknown answer {answer!r}"
        assert level_id in LEVEL_IDS, f"{question['id']}: unknown level {level_id!r}"


@by_question
def test_only_one_of_yes_and_no_can_raise_the_level(question):
    """A question raises the level on Yes (it asks about a problem) or on No
    (it asks about something good, like "Is your treatment helping?"), never
    both: one answer is always the calm one."""
    assert not ("yes" in question["leads_to"] and "no" in question["leads_to"])


# A negative question ("Are you not getting better...?") can be answered
# "No" by someone who is getting worse.
NEGATIVE = re.compile(r"\b(not|never|nothing|nobody|none)\b|n't\b", re.IGNORECASE)


@by_question
def test_no_question_is_asked_in_the_negative(question):
    """Issue 14, 1: the question itself never says "not", "never" or
    "nothing"; where Yes would be the good answer, the question asks about
    something good and No raises the level."""
    assert not NEGATIVE.search(question["text"]), question["text"]


@by_note
def test_note_conditions_name_real_questions_and_answers(note):
    """Each condition of a note is [question id, answer], with an optional "!"
    (not) before the answer, or [question id, [answers]] (any of them); the
    answers are ones the question offers; a note has at least one condition."""
    assert note["when"], "a note without conditions would show for everyone"
    for condition in note["when"]:
        assert len(condition) == 2
        question_id, expected = condition
        assert question_id in QUESTION_IDS, f"unknown question {question_id!r}"
        wanted = expected if isinstance(expected, list) else [expected.removeprefix("!")]
        assert wanted, "an empty list of answers never holds"
        for value in wanted:
            assert value in values_of(QUESTIONS[question_id]), f"unknown answer {value!r}"


@by_note
def test_every_note_can_show(note):
    """Answering as the note's conditions say, and calmly to every other question
    that could raise the level, makes evaluate show the note (a "!" condition
    is met by that No, or by leaving the question blank)."""
    answers = calm()
    for question_id, expected in note["when"]:
        if isinstance(expected, list):
            answers[question_id] = expected[0]
        elif not expected.startswith("!"):
            answers[question_id] = expected
    assert note["id"] in rules.evaluate(DATA, answers)["notes"]


@pytest.mark.parametrize("where, href", HREFS, ids=[where for where, _ in HREFS])
def test_links_point_to_existing_pages(where, href):
    """A link is a page slug with a trailing slash, relative to the site root,
    and docs/<slug>.md exists."""
    assert SLUG.fullmatch(href), f"{where}: {href!r} is not a slug like 'pathology/' or 'pathology/#part'"
    slug, _, part = href.partition("#")
    page = DOCS / (slug[:-1] + ".md")
    assert page.is_file(), f"{where}: {href!r} has no page {page}"
    if part:
        headings = re.findall(r"^#+ (.+)$", page.read_text(encoding="utf-8"), re.MULTILINE)
        anchors = {re.sub(r"[^a-z0-9]+", "-", heading.lower()).strip("-") for heading in headings}
        assert part in anchors, f"{where}: {page.name} has no heading for #{part}"
    assert pages.title(href), f"{where}: the link is named by its page's title, and {slug} has none"


@pytest.mark.parametrize("where, text, required", TEXTS, ids=[where for where, _, _ in TEXTS])
def test_texts_are_present_and_plain(where, text, required):
    """Every text is a string, present where required, and free of "<" and ">"
    (the page escapes them, so they would show as symbols, never as markup)."""
    assert isinstance(text, str)
    if required:
        assert text.strip(), f"{where} is empty"
    assert "<" not in text and ">" not in text, f"{where} holds markup: {text!r}"
