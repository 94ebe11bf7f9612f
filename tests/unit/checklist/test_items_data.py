"""Checks on the checklist data file (sog/checklist/items.json).

Tested here: unique ids; groups, screener questions and answers, and guidance
pages that every item refers to exist (with a title for its "Read more"
link); each item has short, plain text and a reason; records are tracked
through the stages except what the visitor does themselves; no text the
loader would refuse; the default list stays short enough to print on two
pages; every sentence in the words section is plain text with only its own
placeholders; appointment labels, problems and load messages are complete.
The file's shape (fields, types, plain ids) is its schema's:
schemas/checklist/items.schema.json, tests/unit/test_data_schemas.py.
"""

import re
from pathlib import Path

import pytest
import textstat
from sog import datafiles
from sog import text as text_policy
from sog.checklist import calendar, items, render_sheet, state, validate, view
from sog.screener import rules

PROJECT = Path(__file__).resolve().parents[3]
DOCS = PROJECT / "docs"

GUIDANCE_SLUGS = [
    "when-to-get-one/",
    "talking-to-your-doctor/",
    "insurance-and-costs/",
    "choosing-a-doctor/",
    "making-the-appointment/",
    "gathering-records/",
    "pathology/",
    "questions-and-goals/",
    "at-the-visit/",
    "when-opinions-differ/",
]
# Things the visitor does or brings, not records one office sends another.
RECORD_GROUP_TASKS = [
    "release_form", "helper_permission", "medicine_list", "family_history", "insurance_card", "own_copy",
]
# The e2e print tests check the real fit on Letter and A4; this keeps a
# content edit from growing the list far past what they last saw fit.
MAX_DEFAULT_ITEMS = 30

DATA = items.load()
SCREENER = rules.load()
ITEMS = DATA["items"]
TITLES = datafiles.load("pages.json")["titles"]


def ids(records):
    return [record["id"] for record in records]


@pytest.mark.parametrize("part", ["items", "groups", "stages", "suggested_questions"])
def test_ids_are_unique(part):
    """Every id in each list is unique (that each is a plain lowercase word,
    safe in HTML ids, is the schema's: tests/unit/test_data_schemas.py)."""
    found = ids(DATA[part])
    assert len(found) == len(set(found)), part


def test_item_ids_never_look_like_own_item_or_question_ids():
    """An item id can never clash with a visitor's own item ("c1") or question ("q1")."""
    for item in ITEMS:
        assert validate._id_number(item["id"], "c") is None
        assert validate._id_number(item["id"], "q") is None


def test_every_item_group_exists():
    """Each item belongs to a group the page can show a heading for."""
    groups = ids(DATA["groups"])
    for item in ITEMS:
        assert item["group"] in groups, item["id"]


def test_every_group_has_items():
    """No group heading would show up empty when everything is shown."""
    for group in DATA["groups"]:
        assert any(item["group"] == group["id"] for item in ITEMS), group["id"]


def test_items_are_in_group_order():
    """Items are listed group by group, so data order is display order."""
    order = ids(DATA["groups"])
    positions = [order.index(item["group"]) for item in ITEMS]
    assert positions == sorted(positions)


def test_every_when_names_a_real_screener_question_and_answer():
    """Tailoring only refers to questions and answers the screener really asks."""
    offered = {question["id"]: rules.answer_values(SCREENER, question) for question in SCREENER["questions"]}
    for item in ITEMS:
        for pair in item["when"]:
            assert len(pair) == 2, item["id"]
            assert pair[0] in offered, (item["id"], pair)
            assert pair[1] in offered[pair[0]], (item["id"], pair)


def test_because_is_given_exactly_for_tailored_items():
    """A tailored item says why it is shown; core items are never tailored."""
    for item in ITEMS:
        if item["core"]:
            assert item["when"] == [] and item["because"] == "", item["id"]
        elif item["when"]:
            assert item["because"].startswith("Shown because "), item["id"]
        else:
            assert item["because"] == "", item["id"]


@pytest.mark.parametrize("item", ITEMS, ids=ids(ITEMS))
def test_every_href_is_a_guidance_page_that_exists(item):
    """Each item links to one of the guidance pages, and that page exists."""
    assert item["href"] in GUIDANCE_SLUGS
    assert (DOCS / (item["href"].rstrip("/") + ".md")).is_file()
    assert TITLES[item["href"]], "the Read more link is named by the page title"


@pytest.mark.parametrize("item", ITEMS, ids=ids(ITEMS))
def test_every_item_has_short_text_and_a_why(item):
    """Each item has a short line and one plain line saying why it matters."""
    assert item["text"].strip() == item["text"] and item["text"]
    assert item["why"].strip() == item["why"] and item["why"]
    assert len(item["text"].split()) <= 12, item["text"]
    assert len(item["why"].split()) <= 18, item["why"]


def test_the_words_are_easy_to_read():
    """Item and question text together read at about grade 8 or below."""
    lines = [item["text"] for item in ITEMS] + [item["why"] for item in ITEMS]
    lines += [question["text"] for question in DATA["suggested_questions"]]
    text = " ".join(line if line.endswith((".", "?")) else line + "." for line in lines)
    assert textstat.flesch_kincaid_grade(text) <= 8


def test_records_are_tracked_except_what_the_visitor_does_themselves():
    """Records go through the stages; the ones the visitor does or brings are ticked."""
    for item in ITEMS:
        if item["group"] != "records" or item["id"] in RECORD_GROUP_TASKS:
            assert item["kind"] == "task", item["id"]
        else:
            assert item["kind"] == "record", item["id"]


def test_stages_end_with_arrival_confirmed():
    """A record is done at the last stage, which must be confirmed arrival."""
    assert ids(DATA["stages"]) == ["asked", "sent", "confirmed"]
    assert DATA["stages"][-1]["label"] == "Arrival confirmed"


def test_no_data_text_looks_like_markup():
    """All data text passes the same check that loaded files must pass."""
    strings = []
    for item in ITEMS:
        strings += [item["text"], item["why"], item["because"], item["href"]]
    strings += [question["text"] for question in DATA["suggested_questions"]]
    strings += [group["title"] for group in DATA["groups"]] + [stage["label"] for stage in DATA["stages"]]
    for text in strings:
        assert not text_policy.looks_like_markup(text), text


def test_suggested_questions_fit_the_question_cap():
    """Every suggested question can be added: it is short enough and ends with "?"."""
    assert len(DATA["suggested_questions"]) >= 8
    for question in DATA["suggested_questions"]:
        assert len(question["text"]) <= state.MAX_TEXT
        assert question["text"].endswith("?")


def test_default_list_is_modest(capsys):
    """With no screener answers (core items and every record) the list stays
    short enough to print on two pages."""
    first = view.tailor(DATA, {})["first"]
    with capsys.disabled():
        print("\nchecklist default items:", len(first), "of", len(ITEMS))
    assert len(first) <= MAX_DEFAULT_ITEMS


def test_every_yes_still_keeps_the_list_printable():
    """Even with every tailoring answer yes, the list stays a sensible length."""
    answers = {question["id"]: "yes" for question in SCREENER["questions"]}
    assert len(view.tailor(DATA, answers)["first"]) <= 34


def sentences(value, where="words"):
    """(where, sentence) for every string in the words section."""
    if isinstance(value, str):
        return [(where, value)]
    if isinstance(value, list):
        return [found for index, entry in enumerate(value) for found in sentences(entry, where + "." + str(index))]
    return [found for key in value for found in sentences(value[key], where + "." + key)]


WORDS = sentences(DATA["words"])
# The placeholders each sentence fills in; every other sentence has none.
PLACEHOLDERS = {
    "read_more": ["title"],
    "progress": ["done", "total"],
    "tailored": ["link"],
    "untailored": ["link"],
    "show_all": ["n"],
    "own_full": ["n"],
    "questions_full": ["n"],
    "downloaded": ["name"],
    "keep_text": ["parts"],
    "clear_warning": ["parts"],
    "group_progress": ["done", "total"],
    "next_record": ["record"],
    "calendar.when": ["when"],
    "calendar.saved": ["name"],
    "calendar.event": ["when", "title"],
    "calendar.titles.week": ["doctor"],
    "calendar.titles.day": ["doctor"],
    "calendar.titles.visit": ["doctor"],
    "calendar.details.week": ["when"],
    "calendar.details.day": ["when"],
    "calendar.phone": ["phone"],
    "calendar.address": ["address"],
    "calendar.companion": ["companion"],
}


@pytest.mark.parametrize("where, sentence", WORDS, ids=[where for where, _ in WORDS])
def test_words_are_plain_text_with_their_own_placeholders(where, sentence):
    """Every sentence is present, trimmed, free of markup, and fills in only
    the placeholders the code gives it (plural problems fill in {n})."""
    assert sentence and sentence.strip() == sentence
    assert "<" not in sentence and ">" not in sentence
    name = where[len("words."):]
    found = re.findall(r"{(\w+)}", sentence)
    if name.startswith("problems.") and name.endswith(".1") and name not in PLACEHOLDERS:
        assert found in ([], ["n"]), sentence
    else:
        assert found == PLACEHOLDERS.get(name, []), sentence


def test_appointment_labels_cover_the_fields():
    """Every appointment field, on screen and on paper, has a label, and no
    label lacks a field."""
    fields = set(state.APPOINTMENT_FIELDS) | set(render_sheet.SHEET_FIELDS)
    assert set(DATA["words"]["appointment_labels"]) == fields


def test_next_titles_count_one_to_the_most_offered():
    """"Your next thing" to "Your next three things": one title per count."""
    assert len(DATA["words"]["next_titles"]) == view.NEXT_COUNT


def test_calendar_titles_come_plain_and_full_for_every_event():
    words = DATA["words"]["calendar"]
    assert set(words["titles"]) == set(words["plain"]) == set(calendar.KINDS)
    assert set(words["details"]) == set(calendar.KINDS) - {"visit"}
    for title in words["plain"].values():
        assert "{" not in title
