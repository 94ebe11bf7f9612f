"""Unit tests for sog/checklist/state.py: the visitor's checklist and its changes.

Tested here:
- new_state; ticks, record stages, is_done and started.
- the visitor's own items, questions (add, suggested without duplicates,
  remove, reorder with no-ops at the ends), appointment, goals and
  show_all; text is trimmed, capped, and refused when empty or markup;
  is_full at the caps.
- every change returns a new state and leaves its input alone.
"""

import copy
import json

import pytest
from sog.checklist import items, state

from tests.support import examples

CORE_RECORD = examples.RECORD
TASK = examples.TASK


# ---- the empty checklist ----------------------------------------------------


def test_new_state_is_empty_and_json_ready():
    """A new checklist has nothing done, and is exactly what JSON gives back."""
    new = state.new_state()
    assert new == json.loads(json.dumps(new))
    assert (new["done"], new["stages"], new["custom"], new["questions"]) == ({}, {}, [], [])
    assert new["appointment"] == {field: "" for field in state.APPOINTMENT_FIELDS}
    assert (new["goals"], new["show_all"], new["next_id"]) == ("", False, 1)
    assert set(new) == set(state.FIELDS)


def test_new_states_share_nothing():
    """Two new checklists are separate objects all the way down."""
    one, two = state.new_state(), state.new_state()
    one["appointment"]["doctor"] = "x"
    one["done"]["a"] = True
    assert two == state.new_state()


def test_copy_is_deep_and_equal(data):
    """copy gives an equal state that shares no part with the original."""
    original = examples.rich_checklist(data)
    copied = state.copy(original)
    assert copied == original
    copied["custom"][0]["text"] = "changed"
    copied["appointment"]["doctor"] = "changed"
    assert original == examples.rich_checklist(data)


# ---- ticks and stages ----------------------------------------------------


def test_tick_and_untick_a_task(data):
    """Toggling a task ticks it, toggling again unticks it and leaves no trace."""
    ticked = state.toggle(data, state.new_state(), TASK)
    assert state.is_done(data, ticked, TASK)
    assert ticked["done"] == {TASK: True}
    unticked = state.toggle(data, ticked, TASK)
    assert not state.is_done(data, unticked, TASK)
    assert unticked == state.new_state()


@pytest.mark.parametrize(
    "item_id", [CORE_RECORD, "no_such_item", "", None], ids=["record", "unknown", "empty", "none"]
)
def test_toggle_ignores_records_and_unknown_ids(data, item_id):
    """Records are not ticked (they have stages) and unknown ids change nothing."""
    assert state.toggle(data, state.new_state(), item_id) == state.new_state()


@pytest.mark.parametrize("position", [0, 1, -1], ids=["first", "second", "last"])
def test_a_record_is_done_only_at_the_last_stage(data, position):
    """Earlier stages are progress, but only the last (arrival confirmed) counts as done."""
    stage = data["stages"][position]["id"]
    changed = state.set_stage(data, state.new_state(), CORE_RECORD, stage)
    assert changed["stages"] == {CORE_RECORD: stage}
    assert state.is_done(data, changed, CORE_RECORD) is (stage == data["stages"][-1]["id"])
    assert state.started(data, changed, CORE_RECORD) is True


@pytest.mark.parametrize("clear", ["", None])
def test_clearing_a_stage(data, clear):
    """An empty stage takes the record back to not started."""
    changed = state.set_stage(data, state.new_state(), CORE_RECORD, "sent")
    cleared = state.set_stage(data, changed, CORE_RECORD, clear)
    assert cleared == state.new_state()
    assert state.started(data, cleared, CORE_RECORD) is False


@pytest.mark.parametrize(
    "item_id, stage",
    [
        pytest.param(CORE_RECORD, "arrived", id="unknown-stage"),
        pytest.param(CORE_RECORD, "CONFIRMED", id="wrong-case"),
        pytest.param(TASK, "sent", id="task-item"),
        pytest.param("no_such_item", "sent", id="unknown-item"),
    ],
)
def test_set_stage_ignores_what_does_not_fit(data, item_id, stage):
    """Only a known stage on a record item changes anything."""
    changed = state.set_stage(data, state.new_state(), CORE_RECORD, "asked")
    assert state.set_stage(data, changed, item_id, stage) == changed


def test_is_done_and_started_for_unknown_ids_is_false(data):
    """Asking about an id that does not exist is simply not done nor started."""
    assert state.is_done(data, state.new_state(), "nothing") is False
    assert state.started(data, state.new_state(), "nothing") is False


def test_started_means_ticked_or_tracked(data):
    """A ticked task, a tracked record and a ticked own item are started; an
    unticked own item is not."""
    changed = examples.rich_checklist(data)
    assert state.started(data, changed, TASK)
    assert state.started(data, changed, "clinical_summary")
    assert state.started(data, changed, "c2") and not state.started(data, changed, "c1")
    assert not state.started(data, changed, "release_form")


# ---- own items and questions ---------------------------------------------


def test_custom_items_add_tick_remove(data):
    """Own items are trimmed, get their own ids, tick on and off, and can be removed."""
    changed = state.add_custom(state.new_state(), "  Call the pharmacy  ")
    changed = state.add_custom(changed, "Plan the drive")
    assert [entry["text"] for entry in changed["custom"]] == ["Call the pharmacy", "Plan the drive"]
    assert [entry["id"] for entry in changed["custom"]] == ["c1", "c2"]
    changed = state.toggle(data, changed, "c1")
    assert state.is_done(data, changed, "c1") and not state.is_done(data, changed, "c2")
    changed = state.toggle(data, changed, "c1")
    assert not state.is_done(data, changed, "c1")
    changed = state.remove_custom(changed, "c1")
    assert [entry["id"] for entry in changed["custom"]] == ["c2"]
    assert state.remove_custom(changed, "c9") == changed


def test_ids_are_never_reused(data):
    """A removed item's id is not given out again, so another tab's changes cannot land on the wrong item."""
    changed = state.add_custom(state.new_state(), "One")
    changed = state.remove_custom(changed, "c1")
    changed = state.add_custom(changed, "Two")
    changed = state.add_question(changed, "Three?")
    assert changed["custom"][0]["id"] == "c2" and changed["questions"][0]["id"] == "q3"


@pytest.mark.parametrize(
    "text",
    ["", "   ", "\n\t", None, 5, ["x"], "<b>bold</b>", "javascript:alert(1)", "a\u0000b"],
    ids=["empty", "spaces", "whitespace", "none", "number", "list", "markup", "javascript", "nul"],
)
@pytest.mark.parametrize("add", [state.add_custom, state.add_question], ids=["custom", "question"])
def test_adding_refuses_empty_and_unsafe_text(add, text):
    """Nothing is added for empty, non-text or markup-like input."""
    assert add(state.new_state(), text) == state.new_state()


@pytest.mark.parametrize("kind, text", examples.MARKUP_TEXTS, ids=[kind for kind, _ in examples.MARKUP_TEXTS])
def test_every_shared_markup_example_is_refused_everywhere(kind, text):
    """No change takes the shared markup examples, in any text field."""
    new = state.new_state()
    assert state.add_custom(new, text) == new
    assert state.add_question(new, text) == new
    assert state.set_goals(new, text) == new
    for field in state.APPOINTMENT_FIELDS:
        assert state.set_appointment(new, field, text) == new


@pytest.mark.parametrize(
    "add, part, cap",
    [
        (state.add_custom, "custom", state.MAX_CUSTOM),
        (state.add_question, "questions", state.MAX_QUESTIONS),
    ],
    ids=["custom", "questions"],
)
def test_adding_caps_length_and_count(add, part, cap):
    """Long text is cut to MAX_TEXT, and no more than the cap can be added;
    is_full says so exactly at the cap."""
    changed = add(state.new_state(), "x" * (state.MAX_TEXT + 50))
    assert len(changed[part][0]["text"]) == state.MAX_TEXT
    while len(changed[part]) < cap:
        assert not state.is_full(changed, part)
        changed = add(changed, "again")
    assert state.is_full(changed, part)
    assert add(changed, "one more") == changed
    assert len(changed[part]) == cap


def test_questions_add_remove(data):
    """Questions are added in order and removed by id."""
    changed = state.add_question(state.new_state(), " What is next? ")
    changed = state.add_question(changed, "How long?")
    assert [(q["id"], q["text"], q["from"]) for q in changed["questions"]] == [
        ("q1", "What is next?", ""),
        ("q2", "How long?", ""),
    ]
    changed = state.remove_question(changed, "q1")
    assert [q["id"] for q in changed["questions"]] == ["q2"]
    assert state.remove_question(changed, "q7") == changed


@pytest.mark.parametrize("origin", [None, 5, ["x"]], ids=["none", "number", "list"])
def test_add_question_origin_must_be_text(origin):
    """A question's origin is a suggestion id or ""; anything else is stored as ""."""
    assert state.add_question(state.new_state(), "Why?", origin)["questions"][0]["from"] == ""


def three_questions():
    changed = state.new_state()
    for text in ("First?", "Second?", "Third?"):
        changed = state.add_question(changed, text)
    return changed


@pytest.mark.parametrize(
    "question_id, step, order",
    [
        pytest.param("q2", -1, ["Second?", "First?", "Third?"], id="up"),
        pytest.param("q2", 1, ["First?", "Third?", "Second?"], id="down"),
        pytest.param("q1", -1, ["First?", "Second?", "Third?"], id="top-up-no-op"),
        pytest.param("q3", 1, ["First?", "Second?", "Third?"], id="bottom-down-no-op"),
        pytest.param("q9", 1, ["First?", "Second?", "Third?"], id="unknown-no-op"),
        pytest.param("q2", 2, ["First?", "Second?", "Third?"], id="big-step-no-op"),
        pytest.param("q2", 0, ["First?", "Second?", "Third?"], id="zero-no-op"),
    ],
)
def test_move_question(question_id, step, order):
    """Up and down swap with the neighbour; at the ends, or for odd input, nothing moves."""
    changed = state.move_question(three_questions(), question_id, step)
    assert [q["text"] for q in changed["questions"]] == order


def test_suggested_questions_are_added_once(data):
    """A suggested question is added with its origin, and never twice."""
    suggestion = data["suggested_questions"][1]
    changed = state.add_suggested(data, state.new_state(), suggestion["id"])
    assert changed["questions"] == [{"id": "q1", "text": suggestion["text"], "from": suggestion["id"]}]
    assert state.has_suggested(data, changed, suggestion["id"])
    assert not state.has_suggested(data, changed, data["suggested_questions"][0]["id"])
    assert state.add_suggested(data, changed, suggestion["id"]) == changed
    assert state.add_suggested(data, changed, "no_such_question") == changed
    assert state.has_suggested(data, changed, "no_such_question") is False


def test_suggested_question_typed_by_hand_is_not_added_again(data):
    """If the visitor already typed the same words (in any case), the suggestion is not added twice."""
    suggestion = data["suggested_questions"][1]
    changed = state.add_question(state.new_state(), suggestion["text"].lower())
    assert state.has_suggested(data, changed, suggestion["id"])
    assert state.add_suggested(data, changed, suggestion["id"]) == changed


def test_a_full_list_takes_no_suggestion(data):
    """At the question cap, a suggestion is not added either."""
    changed = state.new_state()
    while not state.is_full(changed, "questions"):
        changed = state.add_question(changed, "Mine?")
    assert state.add_suggested(data, changed, data["suggested_questions"][0]["id"]) == changed


# ---- appointment, goals, settings ---------------------------------------------


@pytest.mark.parametrize("field", state.APPOINTMENT_FIELDS)
def test_appointment_fields_set_and_clear(field):
    """Each of the details can be set (trimmed, capped) and cleared."""
    changed = state.set_appointment(state.new_state(), field, "  Friday  ")
    assert changed["appointment"][field] == "Friday"
    long = state.set_appointment(changed, field, "y" * 1000)
    assert len(long["appointment"][field]) == state.MAX_FIELD
    assert state.set_appointment(changed, field, "")["appointment"][field] == ""


@pytest.mark.parametrize(
    "field, value",
    [("email", "a@b.c"), ("__proto__", "x"), ("doctor", "<img src=x>"), ("phone", 555), ("date", ["x"])],
)
def test_appointment_refuses_unknown_fields_and_unsafe_values(field, value):
    """Only the known fields take plain text; anything else changes nothing."""
    assert state.set_appointment(state.new_state(), field, value) == state.new_state()


def test_goals_set_capped_and_refused():
    """Goals are trimmed and capped at MAX_GOALS; markup changes nothing."""
    changed = state.set_goals(state.new_state(), "  Stay at home.  ")
    assert changed["goals"] == "Stay at home."
    assert len(state.set_goals(changed, "z" * 5000)["goals"]) == state.MAX_GOALS
    assert state.set_goals(changed, "<script>alert(1)</script>") == changed
    assert state.set_goals(changed, "")["goals"] == ""


def test_show_all_takes_only_true():
    """Only a real True turns show_all on, so the saved value is always a bool."""
    assert state.set_show_all(state.new_state(), True)["show_all"] is True
    for value in (1, "yes", None):
        assert state.set_show_all(state.new_state(), value)["show_all"] is False


def test_plain_title_takes_only_true():
    assert state.set_plain_title(state.new_state(), True)["plain_title"] is True
    assert state.set_plain_title(state.set_plain_title(state.new_state(), True), False)["plain_title"] is False
    for value in (1, "yes", None):
        assert state.set_plain_title(state.new_state(), value)["plain_title"] is False


def test_groups_open_and_close_by_known_id(data):
    """An opened group is remembered; closing forgets it; an unknown group changes nothing."""
    opened = state.set_group_open(data, state.new_state(), "records", True)
    assert opened["open_groups"] == {"records": True}
    assert state.set_group_open(data, opened, "records", True)["open_groups"] == {"records": True}
    assert state.set_group_open(data, opened, "records", False)["open_groups"] == {}
    assert state.set_group_open(data, opened, "nope", True) == opened
    assert state.set_group_open(data, opened, "before", "yes")["open_groups"] == {"records": True}


def test_asking_for_a_record_sets_its_first_step_and_no_more(data):
    """Ticked in "Your next things": a record not begun is asked for; unticked,
    an asked one goes back; one already further along stays."""
    first = items.stage_ids(data)[0]
    asked = state.set_asked(data, state.new_state(), CORE_RECORD, True)
    assert asked["stages"] == {CORE_RECORD: first}
    assert state.set_asked(data, asked, CORE_RECORD, False)["stages"] == {}
    sent = state.set_stage(data, state.new_state(), CORE_RECORD, "sent")
    assert state.set_asked(data, sent, CORE_RECORD, True) == sent
    assert state.set_asked(data, sent, CORE_RECORD, False) == sent
    assert state.set_asked(data, state.new_state(), TASK, True) == state.new_state()
    assert state.set_asked(data, state.new_state(), "nope", True) == state.new_state()


# ---- changes never change their input -------------------------------------

OPERATIONS = [
    ("toggle task", lambda d, s: state.toggle(d, s, TASK)),
    ("toggle custom", lambda d, s: state.toggle(d, s, "c1")),
    ("set stage", lambda d, s: state.set_stage(d, s, CORE_RECORD, "asked")),
    ("clear stage", lambda d, s: state.set_stage(d, s, CORE_RECORD, "")),
    ("add custom", lambda d, s: state.add_custom(s, "New")),
    ("remove custom", lambda d, s: state.remove_custom(s, "c1")),
    ("add question", lambda d, s: state.add_question(s, "New?")),
    ("add suggested", lambda d, s: state.add_suggested(d, s, "how_sure")),
    ("remove question", lambda d, s: state.remove_question(s, "q3")),
    ("move question", lambda d, s: state.move_question(s, "q4", -1)),
    ("no-op move", lambda d, s: state.move_question(s, "q3", -1)),
    ("appointment", lambda d, s: state.set_appointment(s, "phone", "555 0100")),
    ("goals", lambda d, s: state.set_goals(s, "Feel well")),
    ("show all", lambda d, s: state.set_show_all(s, False)),
    ("plain title", lambda d, s: state.set_plain_title(s, False)),
    ("open group", lambda d, s: state.set_group_open(d, s, "before", True)),
    ("close group", lambda d, s: state.set_group_open(d, s, "records", False)),
    ("ask", lambda d, s: state.set_asked(d, s, "lab_results", True)),
]


@pytest.mark.parametrize("operation", [op for _, op in OPERATIONS], ids=[name for name, _ in OPERATIONS])
def test_operations_return_a_new_state_and_leave_the_input_alone(data, operation):
    """Every operation gives back a fresh state and never changes the one passed in."""
    original = examples.rich_checklist(data)
    before = copy.deepcopy(original)
    result = operation(data, original)
    assert original == before
    assert result is not original
    for key in ("done", "stages", "custom", "appointment", "questions", "open_groups"):
        assert result[key] is not original[key]
    assert json.loads(json.dumps(result)) == result


def test_the_shared_examples_use_every_part(data):
    """rich_checklist (built only through these changes) fills every part of
    the format, so tests built on it cover them all."""
    rich = examples.rich_checklist(data)
    for field in ("done", "stages", "custom", "questions", "goals"):
        assert rich[field], field
    assert rich["show_all"] is True and rich["appointment"]["doctor"]
    assert rich["plain_title"] is True and rich["open_groups"]
    filled = examples.filled_checklist(data)
    assert all(filled["appointment"][field] for field in state.APPOINTMENT_FIELDS)


# ---- what the visitor did before the widget started ------------------------------


def test_set_done_sets_rather_than_flips(data):
    """set_done ticks or unticks whatever the item showed; records and unknown ids change nothing."""
    task = next(item["id"] for item in data["items"] if item["kind"] == "task")
    record = next(item["id"] for item in data["items"] if item["kind"] == "record")
    ticked = state.set_done(data, state.new_state(), task, True)
    assert ticked["done"] == {task: True}
    assert state.set_done(data, ticked, task, True)["done"] == {task: True}
    assert state.set_done(data, ticked, task, False)["done"] == {}
    assert state.set_done(data, state.new_state(), record, True) == state.new_state()
    assert state.set_done(data, state.new_state(), "nope", True) == state.new_state()
    own = state.add_custom(state.new_state(), "Bring my glasses")
    assert state.set_done(data, own, "c1", True)["custom"][0]["done"] is True


def test_apply_given_keeps_the_visitors_latest_word(data):
    """Ticks, stages and typing given before Python started win over what was saved."""
    task = next(item["id"] for item in data["items"] if item["kind"] == "task")
    record = next(item["id"] for item in data["items"] if item["kind"] == "record")
    saved = state.set_goals(state.set_stage(data, state.set_done(data, state.new_state(), task, True),
                                            record, "asked"), "Old goals")
    given = [("toggle", task, False), ("stage", record, "confirmed"), ("appointment", "doctor", "Dr. Lee"),
             ("goals", "", "Keep walking"), ("plain_title", "", True), ("group", "records", True),
             ("ask", "lab_results", True)]
    result = state.apply_given(data, saved, given)
    assert result["done"] == {} and result["stages"] == {record: "confirmed", "lab_results": "asked"}
    assert result["appointment"]["doctor"] == "Dr. Lee" and result["goals"] == "Keep walking"
    assert result["plain_title"] is True and result["open_groups"] == {"records": True}
    assert state.apply_given(data, result, [("stage", record, "")])["stages"] == {"lab_results": "asked"}


def test_apply_given_ignores_what_does_not_fit(data):
    """Unknown actions, ids, fields, stages and markup change nothing; nothing given, nothing changes."""
    saved = examples.rich_checklist(data)
    given = [("jump", "x", 1), ("toggle", "nope", True), ("stage", "nope", "sent"),
             ("appointment", "nope", "x"), ("goals", "", "<script>alert(1)</script>"), ("group", "nope", True),
             ("ask", "nope", True)]
    assert state.apply_given(data, saved, given) == saved
    assert state.apply_given(data, saved, []) == saved
