"""Unit tests for sog/screener/saved.py: the screener's saved form.

Tested here: to_saved and from_saved round trip (directly and through the
storage envelope as text); from_saved on damaged or outdated shapes gives
usable answers and counts what it drops; show_result is only ever True when
True was saved; clean_answers keeps what fits the questions and counts the
rest; answers_from_text, for other widgets, reads string answers from raw
saved text without the question data and never raises; open_store uses the
screener's key; the questions to answer again after an update are saved and
read back, in question order, until answered. (The migration of old saved
answers: test_saved_migration.py.)
"""

import json

import pytest
from sog import storage
from sog.screener import rules, saved

from tests.support.fake_storage import MemoryStorage

ANSWERS = {"emergency": "no", "serious_illness": "yes", "side_effects": "not_sure"}


@pytest.mark.parametrize("show", [True, False], ids=["showing", "not-showing"])
@pytest.mark.parametrize(
    "answers",
    [
        pytest.param({}, id="no-answers"),
        pytest.param(ANSWERS, id="some-answers"),
    ],
)
def test_round_trip(data, answers, show):
    """What to_saved stores, from_saved gives back unchanged, with nothing dropped."""
    assert saved.from_saved(data, saved.to_saved(answers, show)) == (answers, show, 0)


@pytest.mark.parametrize("show", [True, False], ids=["showing", "not-showing"])
def test_round_trip_through_storage_text(data, show):
    """The saved form survives JSON in the storage envelope, as in the browser."""
    store_data = saved.to_saved(ANSWERS, show)
    text = json.dumps(storage.wrap(saved.KIND, saved.VERSION, store_data, 123))
    loaded, saved_at, notice = storage.unwrap(saved.KIND, saved.VERSION, text)
    assert (saved_at, notice) == (123, storage.OK)
    assert saved.from_saved(data, loaded) == (ANSWERS, show, 0)


def test_to_saved_shape_and_copy():
    """to_saved stores a copy of the answers and a real bool, so later changes
    to the caller's dict do not leak into what is saved."""
    answers = dict(ANSWERS)
    result = saved.to_saved(answers, 1)
    answers["emergency"] = "yes"
    assert result == {"answers": ANSWERS, "show_result": True}
    assert saved.to_saved({}, None)["show_result"] is False


@pytest.mark.parametrize(
    "stored, expected",
    [
        pytest.param(None, ({}, False, 0), id="nothing-saved"),
        pytest.param([], ({}, False, 1), id="list"),
        pytest.param("answers", ({}, False, 1), id="string"),
        pytest.param(7, ({}, False, 1), id="number"),
        pytest.param({}, ({}, False, 0), id="empty-dict"),
        pytest.param({"show_result": True}, ({}, True, 0), id="answers-missing"),
        pytest.param({"answers": None, "show_result": True}, ({}, True, 0), id="answers-none"),
        pytest.param({"answers": ["emergency"], "show_result": False}, ({}, False, 1), id="answers-list"),
        pytest.param({"answers": "yes"}, ({}, False, 1), id="answers-string"),
        pytest.param(
            {
                "answers": {"emergency": "no", "gone_question": "yes", "side_effects": "often"},
                "show_result": True,
            },
            ({"emergency": "no"}, True, 2),
            id="stale-and-bad-values-dropped",
        ),
        pytest.param({"answers": ANSWERS, "show_result": "true"}, (ANSWERS, False, 0), id="show-string"),
        pytest.param({"answers": ANSWERS, "show_result": 1}, (ANSWERS, False, 0), id="show-one"),
        pytest.param({"answers": ANSWERS, "show_result": None}, (ANSWERS, False, 0), id="show-none"),
        pytest.param({"answers": ANSWERS}, (ANSWERS, False, 0), id="show-missing"),
    ],
)
def test_from_saved_bad_shapes(data, stored, expected):
    """from_saved never fails: it keeps what still fits, counts what it drops,
    and only a stored True shows the result."""
    assert saved.from_saved(data, stored) == expected


def test_kind_and_version():
    """The saved form's storage kind and format version, which name the key and
    the envelope (changing them orphans visitors' saved answers)."""
    assert saved.KIND == "screener"
    assert saved.VERSION == 3
    assert sorted(saved.MIGRATIONS) == [1, 2]
    assert storage.storage_key(saved.KIND) == "second-opinion-guide:screener"


@pytest.mark.parametrize(
    "raw, answers, dropped",
    [
        pytest.param(
            {"emergency": "no", "medicare": "yes"}, {"emergency": "no", "medicare": "yes"}, 0, id="all-valid"
        ),
        pytest.param({}, {}, 0, id="empty-dict"),
        pytest.param(
            {"emergency": "no", "favourite_colour": "yes"}, {"emergency": "no"}, 1, id="unknown-question-id"
        ),
        pytest.param({"emergency": "maybe"}, {}, 1, id="unknown-value"),
        pytest.param({"emergency": "YES"}, {}, 1, id="value-wrong-case"),
        pytest.param({"emergency": None}, {}, 1, id="value-none"),
        pytest.param({"emergency": True}, {}, 1, id="value-bool"),
        pytest.param({"emergency": 1}, {}, 1, id="value-int"),
        pytest.param({"emergency": ["yes"]}, {}, 1, id="value-list"),
        pytest.param({"emergency": {"yes": 1}}, {}, 1, id="value-dict"),
        pytest.param(
            {
                "emergency": "no",
                "rushed_visit": "sometimes",
                "old_question": "yes",
                "side_effects": "not_sure",
            },
            {"emergency": "no", "side_effects": "not_sure"},
            2,
            id="mixed",
        ),
        pytest.param(None, {}, 0, id="none-is-nothing-saved"),
        pytest.param(["emergency", "yes"], {}, 1, id="list"),
        pytest.param("emergency=yes", {}, 1, id="string"),
        pytest.param(42, {}, 1, id="number"),
        pytest.param(True, {}, 1, id="bool"),
    ],
)
def test_clean_answers(data, raw, answers, dropped):
    """Answers that fit the questions are kept; every other value counts as
    dropped (a non-dict counts as one; None as nothing saved)."""
    assert saved.clean_answers(data, raw) == (answers, dropped)


@pytest.mark.parametrize(
    "raw, answers, dropped",
    [
        pytest.param({"medicare": "original"}, {"medicare": "original"}, 0, id="original"),
        pytest.param({"medicare": "advantage"}, {"medicare": "advantage"}, 0, id="advantage"),
        pytest.param({"medicare": "yes"}, {"medicare": "yes"}, 0, id="old-yes-kept"),
        pytest.param({"emergency": "original"}, {}, 1, id="another-questions-choice"),
        pytest.param({"medicare": "Original"}, {}, 1, id="wrong-case"),
    ],
)
def test_clean_answers_keeps_each_questions_own_choices(data, raw, answers, dropped):
    """A question with its own choices (Medicare) keeps exactly those; another
    question's choice is dropped and counted."""
    assert saved.clean_answers(data, raw) == (answers, dropped)


def test_an_old_medicare_yes_is_neither_lost_nor_misread(data):
    """Answers saved before Medicare had its own choices said "yes". That
    value is still a choice ("Yes, but not sure which kind": what it always
    meant), so it loads with nothing dropped, and its notes give both the
    Original Medicare and the Advantage facts and how to find out which."""
    stored = {"answers": {"medicare": "yes", "major_treatment": "yes"}, "show_result": True}
    text = json.dumps(storage.wrap(saved.KIND, 1, stored, 1))
    loaded, _, notice = storage.unwrap(saved.KIND, saved.VERSION, text, saved.MIGRATIONS)
    assert notice == storage.MIGRATED
    answers, show, dropped = saved.from_saved(data, loaded)
    assert (answers, show, dropped) == ({"medicare": "yes", "major_treatment": "yes"}, True, 0)
    medicare = [q for q in data["questions"] if q["id"] == "medicare"][0]
    label = [a["label"] for a in medicare["answers"] if a["value"] == "yes"][0]
    assert label.startswith("Yes") and "which" in label
    notes = rules.evaluate(data, answers)["notes"]
    assert {"medicare_ask", "medicare_surgery", "medicare_advantage"} <= set(notes)
    assert saved.answers_from_text(text) == {"medicare": "yes", "major_treatment": "yes"}


def test_clean_answers_leaves_input_alone(data):
    """Cleaning returns a new dict and never changes the caller's."""
    raw = {"emergency": "no", "junk": "yes"}
    answers, _ = saved.clean_answers(data, raw)
    assert raw == {"emergency": "no", "junk": "yes"}
    assert answers is not raw


def saved_text(answers, version=saved.VERSION, kind=saved.KIND):
    return json.dumps(storage.wrap(kind, version, {"answers": answers, "show_result": False}, 1))


def test_answers_from_text_reads_what_the_screener_saved():
    """Other widgets get the screener's answers from the text it saved."""
    text = json.dumps(storage.wrap(saved.KIND, saved.VERSION, saved.to_saved(ANSWERS, True), 5))
    assert saved.answers_from_text(text) == ANSWERS


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(None, id="nothing-saved"),
        pytest.param("", id="empty"),
        pytest.param("{broken", id="damaged"),
        pytest.param("[" * 100000, id="deep"),
        pytest.param(saved_text(ANSWERS, version=saved.VERSION + 1), id="newer"),
        pytest.param(saved_text(ANSWERS, kind="checklist"), id="other-kind"),
        pytest.param(json.dumps(storage.wrap(saved.KIND, saved.VERSION, ["yes"], 1)), id="data-list"),
        pytest.param(json.dumps(storage.wrap(saved.KIND, saved.VERSION, {"answers": "yes"}, 1)), id="answers-str"),
        pytest.param(42, id="not-text"),
    ],
)
def test_answers_from_text_unreadable_is_no_answers(text):
    """Anything unreadable reads as no answers, without raising."""
    assert saved.answers_from_text(text) == {}


def test_answers_from_text_keeps_only_string_answers():
    """Only string answers survive; question ids are not checked against the
    questions (tailoring simply matches nothing for unknown ones)."""
    answers = {"medicare": "yes", "old_question": "no", "emergency": 1, "side_effects": None, "x": ["yes"]}
    assert saved.answers_from_text(saved_text(answers)) == {"medicare": "yes", "old_question": "no"}


def test_open_store_uses_the_screener_key():
    """The store saves under the screener's own key, in its version, and
    brings old saved answers up to date."""
    backend = MemoryStorage()
    store = saved.open_store(backend)
    assert store.save(saved.to_saved(ANSWERS, False), 3) is True
    assert store.key == storage.storage_key(saved.KIND) and list(backend.items) == [store.key]
    assert store.version == saved.VERSION and store.migrations is saved.MIGRATIONS
    assert saved.open_store(None).available() is False


def test_to_saved_keeps_the_questions_to_answer_again():
    """Questions to answer again are saved only while there are any, as a copy."""
    again = ["getting_worse"]
    stored = saved.to_saved({"emergency": "no"}, False, again)
    again.append("biopsy")
    assert stored == {"answers": {"emergency": "no"}, "show_result": False, "ask_again": ["getting_worse"]}
    assert "ask_again" not in saved.to_saved({}, False, [])
    assert "ask_again" not in saved.to_saved({}, False)


@pytest.mark.parametrize(
    "stored, answers, expected",
    [
        pytest.param({"ask_again": ["biopsy", "getting_worse", "cancer"]}, {}, ["getting_worse", "cancer", "biopsy"],
                     id="in-question-order"),
        pytest.param({"ask_again": ["biopsy", "getting_worse"]}, {"getting_worse": "no"}, ["biopsy"],
                     id="answered-since"),
        pytest.param({"ask_again": ["gone_question", "cancer"]}, {}, ["cancer"], id="unknown-left-out"),
        pytest.param({"ask_again": "cancer"}, {}, [], id="not-a-list"),
        pytest.param({}, {}, [], id="none-saved"),
        pytest.param(None, {}, [], id="nothing-saved"),
        pytest.param(["cancer"], {}, [], id="not-a-dict"),
    ],
)
def test_asked_again(data, stored, answers, expected):
    """The questions still to answer again: the saved list, in question
    order, without those answered since or no longer asked."""
    assert saved.asked_again(data, stored, answers) == expected
