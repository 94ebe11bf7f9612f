"""Unit tests for sog/checklist/validate.py: the one checker for outside data.

Tested here: check(data, raw) gives a clean state and [[code, count]]
issues in the order found; nothing (None) is a new checklist with no
issues; each kind of damage gives its own code and count; every code it can
give has a sentence to refuse a file with (and only those); ids are
repaired; the input is never changed; the order of issues is the same
whatever order the raw dicts come in (every runtime agrees).
"""

import copy
import json

import pytest
from sog import datafiles, storage
from sog.checklist import saved, state, validate

from tests.support import examples

TASK = examples.TASK
CORE_RECORD = examples.RECORD


def issues_of(data, raw):
    return validate.check(data, raw)[1]


def codes(data, raw):
    return [code for code, _ in issues_of(data, raw)]


def test_nothing_saved_is_a_new_checklist(data):
    """None is not damage: a new checklist, no issues."""
    assert validate.check(data, None) == (state.new_state(), [])


@pytest.mark.parametrize("raw", [[], [1, 2], "text", 5, True], ids=["list", "list2", "string", "number", "bool"])
def test_not_a_dict_is_unreadable(data, raw):
    """Data of the wrong shape gives a new checklist and one issue."""
    assert validate.check(data, raw) == (state.new_state(), [["unreadable", 1]])


@pytest.mark.parametrize(
    "make", [examples.rich_checklist, examples.filled_checklist, lambda data: state.new_state()],
    ids=["rich", "filled", "new"],
)
def test_a_good_checklist_passes_unchanged(data, make):
    """What the state changes make comes through exactly, with no issues."""
    checklist = make(data)
    assert validate.check(data, json.loads(json.dumps(checklist))) == (checklist, [])


def with_change(data, change):
    raw = examples.rich_checklist(data)
    change(raw)
    return raw


@pytest.mark.parametrize(
    "change, expected",
    [
        pytest.param(lambda raw: raw["done"].update({"gone_one": True, "gone_two": True}),
                     [["done_unknown", 2]], id="unknown-ticks-counted"),
        pytest.param(lambda raw: raw["done"].update({"release_form": "yes"}), [["done_bad", 1]], id="tick-not-true"),
        pytest.param(lambda raw: raw["done"].update({"release_form": False}), [], id="tick-false-quietly-dropped"),
        pytest.param(lambda raw: raw["done"].update({CORE_RECORD: True}), [["done_unknown", 1]], id="record-ticked"),
        pytest.param(lambda raw: raw.update(done=[TASK]), [["done_bad", 1]], id="done-list"),
        pytest.param(lambda raw: raw["stages"].update({"gone": "sent"}), [["stage_unknown_item", 1]],
                     id="stage-unknown-item"),
        pytest.param(lambda raw: raw["stages"].update({"primary_care_note": "lost"}), [["stage_bad", 1]],
                     id="stage-unknown"),
        pytest.param(lambda raw: raw["stages"].update({"primary_care_note": ""}), [], id="stage-empty-quiet"),
        pytest.param(lambda raw: raw["stages"].update({CORE_RECORD: "<b>x"}), [["markup", 1]], id="stage-markup"),
        pytest.param(lambda raw: raw["stages"].update({"<b>x": "sent"}), [["markup", 1]], id="key-markup"),
        pytest.param(lambda raw: raw["custom"].append(42), [["custom_bad", 1]], id="custom-not-dict"),
        pytest.param(lambda raw: raw["custom"][0].update(text="<script>x</script>"), [["markup", 1]],
                     id="custom-markup"),
        pytest.param(lambda raw: raw["custom"][0].update(done=1), [["done_bad", 1]], id="custom-done-not-bool"),
        pytest.param(lambda raw: raw["custom"][0].update(extra=1), [["unknown_field", 1]], id="custom-extra"),
        pytest.param(lambda raw: raw["custom"][0].pop("done"), [["missing_field", 1]], id="custom-missing"),
        pytest.param(lambda raw: raw["questions"].append({"id": "q41", "text": "   ", "from": ""}),
                     [["question_bad", 1]], id="question-blank"),
        pytest.param(lambda raw: raw["questions"][0].update({"from": "gone"}), [["from_unknown", 1]],
                     id="question-from-unknown"),
        pytest.param(lambda raw: raw.update(goals="g" * (state.MAX_GOALS + 1)), [["text_long", 1]], id="goals-long"),
        pytest.param(lambda raw: raw.update(goals=["a"]), [["goals_bad", 1]], id="goals-not-text"),
        pytest.param(lambda raw: raw["appointment"].update(doctor=12), [["appointment_bad", 1]],
                     id="appointment-not-text"),
        pytest.param(lambda raw: raw["appointment"].update(email="a@b.c"), [["appointment_bad", 1]],
                     id="appointment-unknown"),
        pytest.param(lambda raw: raw["appointment"].pop("phone"), [["missing_field", 1]], id="appointment-missing"),
        pytest.param(lambda raw: raw.update(show_all="yes"), [["setting_bad", 1]], id="show-all-not-bool"),
        pytest.param(lambda raw: raw.update(plain_title=1), [["setting_bad", 1]], id="plain-title-not-bool"),
        pytest.param(lambda raw: raw.update(open_groups=["records"]), [["setting_bad", 1]], id="open-groups-list"),
        pytest.param(lambda raw: raw["open_groups"].update(before="yes"), [["setting_bad", 1]],
                     id="open-group-not-bool"),
        pytest.param(lambda raw: raw["open_groups"].update({"<b>x": True}), [["markup", 1]], id="open-group-markup"),
        pytest.param(lambda raw: raw["open_groups"].update(gone=True), [], id="open-group-gone-quietly-dropped"),
        pytest.param(lambda raw: raw["open_groups"].update(before=False), [], id="closed-group-quietly-dropped"),
        pytest.param(lambda raw: raw.update(extra=1), [["unknown_field", 1]], id="unknown-field"),
        pytest.param(lambda raw: raw.pop("goals"), [["missing_field", 1]], id="missing-field"),
        pytest.param(lambda raw: raw.update(next_id=1), [["ids_fixed", 1]], id="next-id-too-low"),
        pytest.param(lambda raw: raw.update(next_id="7"), [["ids_fixed", 1]], id="next-id-not-int"),
        pytest.param(lambda raw: raw["custom"][1].update(id="c1"), [["ids_fixed", 1]], id="duplicate-id"),
    ],
)
def test_each_kind_of_damage_has_its_code(data, change, expected):
    """One change, one issue code (counted), and the rest kept."""
    assert issues_of(data, with_change(data, change)) == expected


@pytest.mark.parametrize("make", [examples.rich_checklist, examples.filled_checklist], ids=["rich", "filled"])
def test_checklists_saved_before_the_added_parts_load_unchanged(data, make):
    """A checklist saved before the address, the plain title and the folded
    groups existed (format 2 all the same) loads with no issue at all, so a
    file of it is not refused: the new parts read as empty."""
    checklist = make(data)
    raw = json.loads(json.dumps(checklist))
    for field in state.ADDED_FIELDS:
        del raw[field]
    for field in state.ADDED_APPOINTMENT_FIELDS:
        del raw["appointment"][field]
    expected = dict(checklist, plain_title=False, open_groups={})
    expected["appointment"] = dict(checklist["appointment"], address="")
    assert validate.check(data, raw) == (expected, [])


def test_lists_over_the_cap_keep_their_first_entries(data):
    """Over-long lists keep the first entries up to the cap, and the issue
    counts how many were left out; over-long text is cut and counted."""
    raw = state.new_state()
    extra = 5
    raw["custom"] = [{"id": "c" + str(n), "text": "t" * (state.MAX_TEXT + 1), "done": False}
                     for n in range(1, state.MAX_CUSTOM + extra + 1)]
    raw["next_id"] = state.MAX_CUSTOM + extra + 1
    checked, issues = validate.check(data, raw)
    assert len(checked["custom"]) == state.MAX_CUSTOM
    assert [entry["id"] for entry in checked["custom"]] == ["c" + str(n) for n in range(1, state.MAX_CUSTOM + 1)]
    assert all(len(entry["text"]) == state.MAX_TEXT for entry in checked["custom"])
    assert issues == [["custom_too_many", extra], ["text_long", state.MAX_CUSTOM]]


def test_ids_are_repaired(data):
    """Duplicate or damaged ids get fresh ones, and next_id moves past every id in use."""
    raw = state.new_state()
    raw["custom"] = [{"id": "c5", "text": "a", "done": False}, {"id": "c5", "text": "b", "done": True}]
    raw["questions"] = [{"id": "nonsense", "text": "c?", "from": "gone"}]
    raw["next_id"] = 2
    checked, issues = validate.check(data, raw)
    assert [entry["id"] for entry in checked["custom"] + checked["questions"]] == ["c5", "c6", "q7"]
    assert checked["next_id"] == 8 and checked["questions"][0]["from"] == ""
    assert issues == [["from_unknown", 1], ["ids_fixed", 1]]


@pytest.mark.parametrize(
    "value, prefix, number",
    [
        ("c1", "c", 1), ("q42", "q", 42), ("c" + "9" * validate.MAX_ID_DIGITS, "c", int("9" * validate.MAX_ID_DIGITS)),
        ("c" + "1" * (validate.MAX_ID_DIGITS + 1), "c", None), ("c01", "c", None), ("c", "c", None),
        ("q1", "c", None), ("c1a", "c", None), ("c-1", "c", None), (1, "c", None), (None, "c", None),
        ("c\u0661", "c", None),
    ],
)
def test_id_number(value, prefix, number):
    """An id is its prefix and a plain number: no leading zero, no other digits, not too long."""
    assert validate._id_number(value, prefix) == number


def test_check_does_not_change_its_input(data):
    """Reading leaves the raw data as it was."""
    raw = examples.rich_checklist(data)
    raw["custom"].append({"id": "c1", "text": "dup", "done": 3})
    raw["done"]["gone"] = "x"
    before = copy.deepcopy(raw)
    validate.check(data, raw)
    assert raw == before


def test_issue_order_does_not_depend_on_dict_order(data):
    """Problems are met in sorted key order, so every runtime reports them alike."""
    raw = examples.rich_checklist(data)
    raw["done"].update({"zz_gone": True, "aa_bad": "x", "release_form": 2})
    raw["extra_b"] = 1
    raw["extra_a"] = 2
    reordered = json.loads(json.dumps(raw))
    reordered = {key: reordered[key] for key in reversed(list(reordered))}
    reordered["done"] = {key: raw["done"][key] for key in reversed(list(raw["done"]))}
    assert validate.check(data, raw) == validate.check(data, reordered)


JSON_JUNK = [None, True, 0, -1, 2.5, "", "text", "<b>x</b>", [], [1, "a"], {}, {"a": None}, "x" * 300000]


def damaged_examples(data):
    """Raw data with junk in every field and inside every list and dict."""
    found = []
    for field in state.FIELDS:
        for junk in JSON_JUNK:
            raw = examples.rich_checklist(data)
            raw[field] = junk
            found.append(raw)
    for junk in JSON_JUNK[:-1]:
        raw = examples.rich_checklist(data)
        raw["done"]["x"] = junk
        raw["done"][TASK] = junk
        raw["stages"][CORE_RECORD] = junk
        raw["stages"]["<i>"] = "sent"
        raw["custom"].append(junk)
        raw["custom"].append({"id": junk, "text": "kept", "done": junk})
        raw["questions"].append(junk)
        raw["questions"].append({"id": junk, "text": "kept?", "from": junk, "extra": 1})
        raw["appointment"]["phone"] = junk
        raw["appointment"]["email"] = junk
        found.append(raw)
    for cap_field, prefix in (("custom", "c"), ("questions", "q")):
        raw = state.new_state()
        raw[cap_field] = [{"id": prefix + str(n), "text": "x", "done": False, "from": ""}
                          for n in range(1, state.MAX_CUSTOM + 3)]
        found.append(raw)
    found.append("not a dict")
    return found


def test_every_code_has_a_refusal_and_every_refusal_a_code(data):
    """The codes met across every kind of damage are exactly the ones
    saved.json can refuse a file for: no code lacks words, no words are dead."""
    seen = set()
    for raw in damaged_examples(data):
        seen |= set(codes(data, raw))
    assert seen == set(datafiles.load(saved.WORDS_FILE)["words"]["refusals"])


def test_junk_never_raises_and_always_gives_a_valid_state(data):
    """Whatever the junk, the state check gives passes the check again cleanly."""
    for raw in damaged_examples(data):
        checked, issues = validate.check(data, raw)
        assert all(isinstance(count, int) and count > 0 for _, count in issues)
        assert validate.check(data, json.loads(json.dumps(checked))) == (checked, [])
        assert len(json.dumps(storage.wrap("checklist", 2, checked, 1))) <= storage.MAX_CHARS
