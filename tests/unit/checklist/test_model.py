"""Unit tests for pyscript/checklist/model.py: the checklist's pure rules.

Tested here:
- ticks, record stages and is_done; tailoring from screener answers (and
  from the screener's saved form); show_all; progress and its words.
- the visitor's own items, questions (add, suggested without duplicates,
  remove, reorder with no-ops at the ends), appointment and goals; text is
  trimmed, capped, and refused when empty or markup.
- every operation returns a new state and leaves its input alone.
- the saved form: export then import gives the same state; v1 data migrates
  through storage.unwrap; clean_state keeps the good parts of junk and says
  what it left out; import_text refuses a bad file whole, with one message.
"""

import copy
import json

import pytest

import storage
from checklist import model
from screener import saved

CORE_RECORD = "lab_results"
TASK = "tell_doctor"
BIOPSY_ITEMS = ["pathology_report", "pathology_slides", "tissue_blocks", "mammograms"]
SURGERY_ITEMS = ["imaging", "surgeon_notes"]


def core_ids(data):
    return [item["id"] for item in data["items"] if item["core"]]


def rich_state(data):
    """A state using every part of the format, built only through operations."""
    state = model.new_state()
    state = model.toggle(data, state, TASK)
    state = model.set_stage(data, state, CORE_RECORD, "confirmed")
    state = model.set_stage(data, state, "clinical_summary", "sent")
    state = model.add_custom(state, "Find parking for the visit")
    state = model.add_custom(state, "Ask Sam to drive")
    state = model.toggle(data, state, "c2")
    state = model.add_suggested(data, state, "benefits")
    state = model.add_question(state, "Can I keep working during treatment?")
    state = model.set_appointment(state, "doctor", "Dr. Ana Ruiz")
    state = model.set_appointment(state, "date", "2026-12-03")
    state = model.set_goals(state, "Walk with my grandchildren.")
    return model.set_show_all(state, True)


def envelope_text(data, version=model.VERSION, kind=model.KIND, app=storage.APP):
    return json.dumps({"app": app, "kind": kind, "version": version, "saved_at": 5, "data": data})


# ---- ticks and stages ----------------------------------------------------


def test_new_state_is_empty_and_json_ready():
    """A new checklist has nothing done, and is exactly what JSON gives back."""
    state = model.new_state()
    assert state == json.loads(json.dumps(state))
    assert (state["done"], state["stages"], state["custom"], state["questions"]) == ({}, {}, [], [])
    assert state["appointment"] == {field: "" for field in model.APPOINTMENT_FIELDS}
    assert (state["goals"], state["show_all"], state["next_id"]) == ("", False, 1)


def test_tick_and_untick_a_task(data):
    """Toggling a task ticks it, toggling again unticks it and leaves no trace."""
    ticked = model.toggle(data, model.new_state(), TASK)
    assert model.is_done(data, ticked, TASK)
    assert ticked["done"] == {TASK: True}
    unticked = model.toggle(data, ticked, TASK)
    assert not model.is_done(data, unticked, TASK)
    assert unticked == model.new_state()


@pytest.mark.parametrize(
    "item_id", [CORE_RECORD, "no_such_item", "", None], ids=["record", "unknown", "empty", "none"]
)
def test_toggle_ignores_records_and_unknown_ids(data, item_id):
    """Records are not ticked (they have stages) and unknown ids change nothing."""
    assert model.toggle(data, model.new_state(), item_id) == model.new_state()


@pytest.mark.parametrize(
    "stage, done",
    [("asked", False), ("sent", False), ("confirmed", True)],
)
def test_a_record_is_done_only_when_its_arrival_is_confirmed(data, stage, done):
    """Asked for and sent are progress, but only confirmed arrival counts as done."""
    state = model.set_stage(data, model.new_state(), CORE_RECORD, stage)
    assert state["stages"] == {CORE_RECORD: stage}
    assert model.is_done(data, state, CORE_RECORD) is done


@pytest.mark.parametrize("clear", ["", None])
def test_clearing_a_stage(data, clear):
    """An empty stage takes the record back to not started."""
    state = model.set_stage(data, model.new_state(), CORE_RECORD, "sent")
    assert model.set_stage(data, state, CORE_RECORD, clear) == model.new_state()


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
    state = model.set_stage(data, model.new_state(), CORE_RECORD, "asked")
    assert model.set_stage(data, state, item_id, stage) == state


def test_is_done_for_unknown_ids_is_false(data):
    """Asking about an id that does not exist is simply not done."""
    assert model.is_done(data, model.new_state(), "nothing") is False


# ---- tailoring -----------------------------------------------------------


def test_no_answers_gives_the_core_items_only(data):
    """Without screener answers, the first list is the core items, in data order."""
    result = model.tailor(data, {})
    assert result["first"] == core_ids(data)
    assert result["because"] == {}
    assert len(result["first"]) + len(result["more"]) == len(data["items"])


@pytest.mark.parametrize(
    "answers, expected",
    [
        pytest.param({"biopsy_or_cancer": "yes"}, BIOPSY_ITEMS, id="biopsy"),
        pytest.param({"major_treatment": "yes"}, SURGERY_ITEMS, id="surgery"),
        pytest.param({"medicare": "yes"}, ["medicare_part_b"], id="medicare"),
        pytest.param({"older_adult": "yes"}, ["geriatric_specialist"], id="older-adult"),
        pytest.param(
            {"serious_illness": "yes"}, ["out_of_network", "remote_program", "imaging"], id="serious"
        ),
        pytest.param({"limited_options": "yes"}, ["out_of_network", "remote_program"], id="few-options"),
        pytest.param({"biopsy_or_cancer": "no", "medicare": "not_sure"}, [], id="no-and-not-sure"),
        pytest.param({"emergency": "yes"}, [], id="unrelated-answer"),
    ],
)
def test_tailoring_puts_matching_items_first_with_a_reason(data, answers, expected):
    """Items whose `when` matches any answer join the core ones, each with its reason."""
    result = model.tailor(data, answers)
    extra = [item_id for item_id in result["first"] if item_id not in core_ids(data)]
    assert sorted(extra) == sorted(expected)
    assert sorted(result["because"]) == sorted(expected)
    for item_id in expected:
        assert result["because"][item_id] == model.find_item(data, item_id)["because"]
        assert result["because"][item_id].startswith("Shown because")
        assert item_id not in result["more"]


def test_biopsy_shows_slides_and_tissue_with_the_reason(data):
    """The example from the brief: a biopsy brings slides and tissue blocks to the top."""
    result = model.tailor(data, {"biopsy_or_cancer": "yes"})
    for item_id in ("pathology_slides", "tissue_blocks"):
        assert item_id in result["first"]
        assert "biopsy" in result["because"][item_id]


def test_tailored_lists_keep_data_order(data):
    """Both lists follow the data order, so groups read top to bottom."""
    answers = {"biopsy_or_cancer": "yes", "major_treatment": "yes", "medicare": "yes"}
    result = model.tailor(data, answers)
    order = [item["id"] for item in data["items"]]
    for part in ("first", "more"):
        assert result[part] == [item_id for item_id in order if item_id in result[part]]


@pytest.mark.parametrize("answers", [None, [], "yes", 3], ids=["none", "list", "string", "number"])
def test_tailor_treats_junk_answers_as_none(data, answers):
    """Whatever arrives as answers, the checklist still shows its core items."""
    assert model.tailor(data, answers) == model.tailor(data, {})


def test_tailoring_from_the_screeners_saved_answers(data, screener_data):
    """The widget reads the screener's saved form through saved.from_saved; that feeds tailor."""
    stored = saved.to_saved({"biopsy_or_cancer": "yes", "old_question": "yes"}, True)
    answers, _, dropped = saved.from_saved(screener_data, json.loads(json.dumps(stored)))
    assert dropped == 1
    assert "tissue_blocks" in model.tailor(data, answers)["first"]


def test_show_all_adds_the_other_items(data):
    """Show all lists every item in data order; turning it off goes back to the tailored list."""
    state = model.set_show_all(model.new_state(), True)
    assert model.visible_items(data, state, {}) == [item["id"] for item in data["items"]]
    state = model.set_show_all(state, False)
    assert model.visible_items(data, state, {}) == core_ids(data)
    assert model.more_count(data, state, {}) == len(data["items"]) - len(core_ids(data))


def test_started_items_stay_visible(data):
    """Work on an item outside the tailored list never disappears from view."""
    state = model.set_show_all(model.new_state(), True)
    state = model.toggle(data, state, "ask_cost")
    state = model.set_stage(data, state, "pathology_slides", "asked")
    state = model.set_show_all(state, False)
    shown = model.visible_items(data, state, {})
    assert "ask_cost" in shown and "pathology_slides" in shown
    assert "tissue_blocks" not in shown


def test_show_all_takes_only_true(data):
    """Only a real True turns show_all on, so the saved value is always a bool."""
    for value in (1, "yes", None):
        assert model.set_show_all(model.new_state(), value)["show_all"] is False


def test_groups_with_items(data):
    """Items come grouped in display order, and empty groups are left out."""
    grouped = model.groups_with_items(data, ["follow_up", TASK, "lab_results"])
    assert [entry["group"]["id"] for entry in grouped] == ["before", "records", "after"]
    assert [item["id"] for item in grouped[1]["items"]] == ["lab_results"]


# ---- progress ------------------------------------------------------------


def test_progress_counts_visible_items_and_own_items(data):
    """Progress counts what is shown plus the visitor's own items; records count when confirmed."""
    core = len(core_ids(data))
    state = model.new_state()
    assert model.progress(data, state, {}) == (0, core)
    state = model.toggle(data, state, TASK)
    state = model.set_stage(data, state, CORE_RECORD, "sent")
    assert model.progress(data, state, {}) == (1, core)
    state = model.set_stage(data, state, CORE_RECORD, "confirmed")
    state = model.add_custom(state, "Book a taxi")
    assert model.progress(data, state, {}) == (2, core + 1)
    state = model.toggle(data, state, state["custom"][0]["id"])
    assert model.progress(data, state, {}) == (3, core + 1)
    assert model.progress(data, state, {"biopsy_or_cancer": "yes"}) == (3, core + 1 + len(BIOPSY_ITEMS))


@pytest.mark.parametrize(
    "done, total, text", [(7, 12, "7 of 12 done"), (0, 0, "0 of 0 done"), (22, 22, "22 of 22 done")]
)
def test_progress_text(done, total, text):
    """Progress reads as plain words."""
    assert model.progress_text(done, total) == text


# ---- own items and questions ---------------------------------------------


def test_custom_items_add_tick_remove(data):
    """Own items are trimmed, get their own ids, tick on and off, and can be removed."""
    state = model.add_custom(model.new_state(), "  Call the pharmacy  ")
    state = model.add_custom(state, "Plan the drive")
    assert [entry["text"] for entry in state["custom"]] == ["Call the pharmacy", "Plan the drive"]
    assert [entry["id"] for entry in state["custom"]] == ["c1", "c2"]
    state = model.toggle(data, state, "c1")
    assert model.is_done(data, state, "c1") and not model.is_done(data, state, "c2")
    state = model.remove_custom(state, "c1")
    assert [entry["id"] for entry in state["custom"]] == ["c2"]
    assert model.remove_custom(state, "c9") == state


def test_ids_are_never_reused(data):
    """A removed item's id is not given out again, so another tab's changes cannot land on the wrong item."""
    state = model.add_custom(model.new_state(), "One")
    state = model.remove_custom(state, "c1")
    state = model.add_custom(state, "Two")
    state = model.add_question(state, "Three?")
    assert state["custom"][0]["id"] == "c2" and state["questions"][0]["id"] == "q3"


@pytest.mark.parametrize(
    "text",
    ["", "   ", "\n\t", None, 5, ["x"], "<b>bold</b>", "javascript:alert(1)", "a\u0000b"],
    ids=["empty", "spaces", "whitespace", "none", "number", "list", "markup", "javascript", "nul"],
)
@pytest.mark.parametrize("add", [model.add_custom, model.add_question], ids=["custom", "question"])
def test_adding_refuses_empty_and_unsafe_text(add, text):
    """Nothing is added for empty, non-text or markup-like input."""
    assert add(model.new_state(), text) == model.new_state()


@pytest.mark.parametrize("add, part", [(model.add_custom, "custom"), (model.add_question, "questions")])
def test_adding_caps_length_and_count(add, part):
    """Long text is cut to MAX_TEXT, and no more than the cap can be added."""
    state = add(model.new_state(), "x" * (model.MAX_TEXT + 50))
    assert len(state[part][0]["text"]) == model.MAX_TEXT
    for _ in range(model.MAX_CUSTOM + 5):
        state = add(state, "again")
    assert len(state[part]) == model.MAX_CUSTOM == model.MAX_QUESTIONS


def test_questions_add_remove(data):
    """Questions are added in order and removed by id."""
    state = model.add_question(model.new_state(), " What is next? ")
    state = model.add_question(state, "How long?")
    assert [(q["id"], q["text"], q["from"]) for q in state["questions"]] == [
        ("q1", "What is next?", ""),
        ("q2", "How long?", ""),
    ]
    state = model.remove_question(state, "q1")
    assert [q["id"] for q in state["questions"]] == ["q2"]
    assert model.remove_question(state, "q7") == state


def three_questions():
    state = model.new_state()
    for text in ("First?", "Second?", "Third?"):
        state = model.add_question(state, text)
    return state


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
    state = model.move_question(three_questions(), question_id, step)
    assert [q["text"] for q in state["questions"]] == order


def test_suggested_questions_are_added_once(data):
    """A suggested question is added with its origin, and never twice."""
    state = model.add_suggested(data, model.new_state(), "downsides")
    assert state["questions"] == [{"id": "q1", "text": "What are the likely downsides?", "from": "downsides"}]
    assert model.has_suggested(data, state, "downsides")
    assert model.add_suggested(data, state, "downsides") == state
    assert model.add_suggested(data, state, "no_such_question") == state


def test_suggested_question_typed_by_hand_is_not_added_again(data):
    """If the visitor already typed the same words, the suggestion is not added twice."""
    state = model.add_question(model.new_state(), "what are the likely downsides?")
    assert model.add_suggested(data, state, "downsides") == state


# ---- appointment, goals ---------------------------------------------------


@pytest.mark.parametrize("field", model.APPOINTMENT_FIELDS)
def test_appointment_fields_set_and_clear(field):
    """Each of the five details can be set (trimmed, capped) and cleared."""
    state = model.set_appointment(model.new_state(), field, "  Friday  ")
    assert state["appointment"][field] == "Friday"
    long = model.set_appointment(state, field, "y" * 1000)
    assert len(long["appointment"][field]) == model.MAX_FIELD
    assert model.set_appointment(state, field, "")["appointment"][field] == ""


@pytest.mark.parametrize(
    "field, value",
    [("address", "Main St"), ("__proto__", "x"), ("doctor", "<img src=x>"), ("phone", 555), ("date", ["x"])],
)
def test_appointment_refuses_unknown_fields_and_unsafe_values(field, value):
    """Only the five known fields take plain text; anything else changes nothing."""
    assert model.set_appointment(model.new_state(), field, value) == model.new_state()


def test_goals_set_capped_and_refused():
    """Goals are trimmed and capped at MAX_GOALS; markup changes nothing."""
    state = model.set_goals(model.new_state(), "  Stay at home.  ")
    assert state["goals"] == "Stay at home."
    assert len(model.set_goals(state, "z" * 5000)["goals"]) == model.MAX_GOALS
    assert model.set_goals(state, "<script>alert(1)</script>") == state
    assert model.set_goals(state, "")["goals"] == ""


@pytest.mark.parametrize(
    "text, problem",
    [
        ("Ask about rest", None),
        ("Is 3 < 5 and 5 > 3?", None),
        ("", model.EMPTY_MESSAGE),
        ("  ", model.EMPTY_MESSAGE),
        (None, model.EMPTY_MESSAGE),
        ("<a href=x>", model.MARKUP_MESSAGE),
        ("JavaScript:void(0)", model.MARKUP_MESSAGE),
    ],
)
def test_text_problem(text, problem):
    """The widget can tell the visitor why a line was not saved."""
    assert model.text_problem(text) == problem


@pytest.mark.parametrize(
    "text, markup",
    [
        ("<b", True), ("<Z", True), ("</", True), ("<!--", True), ("<?xml", True),
        ("JAVASCRIPT:", True), ("x\u0000", True),
        ("< b", False), ("<3 my family", False), ("a<", False), ("<é", False), ("java script:", False),
        ("dose <=5", False),
    ],
)
def test_looks_like_markup(text, markup):
    """The markup test is plain string checks: "<" before a letter, "/", "!" or "?"; javascript:; NUL."""
    assert model.looks_like_markup(text) is markup


# ---- operations never change their input ----------------------------------

OPERATIONS = [
    ("toggle task", lambda d, s: model.toggle(d, s, TASK)),
    ("toggle custom", lambda d, s: model.toggle(d, s, "c1")),
    ("set stage", lambda d, s: model.set_stage(d, s, CORE_RECORD, "asked")),
    ("clear stage", lambda d, s: model.set_stage(d, s, CORE_RECORD, "")),
    ("add custom", lambda d, s: model.add_custom(s, "New")),
    ("remove custom", lambda d, s: model.remove_custom(s, "c1")),
    ("add question", lambda d, s: model.add_question(s, "New?")),
    ("add suggested", lambda d, s: model.add_suggested(d, s, "how_sure")),
    ("remove question", lambda d, s: model.remove_question(s, "q3")),
    ("move question", lambda d, s: model.move_question(s, "q4", -1)),
    ("no-op move", lambda d, s: model.move_question(s, "q3", -1)),
    ("appointment", lambda d, s: model.set_appointment(s, "phone", "555 0100")),
    ("goals", lambda d, s: model.set_goals(s, "Feel well")),
    ("show all", lambda d, s: model.set_show_all(s, False)),
]


@pytest.mark.parametrize("operation", [op for _, op in OPERATIONS], ids=[name for name, _ in OPERATIONS])
def test_operations_return_a_new_state_and_leave_the_input_alone(data, operation):
    """Every operation gives back a fresh state and never changes the one passed in."""
    state = rich_state(data)
    before = copy.deepcopy(state)
    result = operation(data, state)
    assert state == before
    assert result is not state
    for key in ("done", "stages", "custom", "appointment", "questions"):
        assert result[key] is not state[key]
    assert json.loads(json.dumps(result)) == result


# ---- the saved form ---------------------------------------------------------


def test_export_then_import_gives_the_same_state(data):
    """A file the page writes, the page reads back exactly."""
    state = rich_state(data)
    text = model.export_text(state, 1764000000000)
    envelope = json.loads(text)
    assert (envelope["app"], envelope["kind"], envelope["version"]) == (storage.APP, "checklist", 2)
    assert envelope["saved_at"] == 1764000000000
    assert model.import_text(data, text) == (state, None)


def test_export_of_a_new_checklist_imports(data):
    """Even an empty checklist survives the round trip."""
    assert model.import_text(data, model.export_text(model.new_state(), 0)) == (model.new_state(), None)


def test_saved_state_survives_storage_unwrap_and_clean_state(data):
    """What the widget saves in localStorage comes back the same, with nothing reported."""
    state = rich_state(data)
    text = json.dumps(storage.wrap(model.KIND, model.VERSION, state, 9))
    loaded, saved_at, notice = storage.unwrap(model.KIND, model.VERSION, text, model.MIGRATIONS)
    assert (saved_at, notice) == (9, storage.OK)
    assert model.clean_state(data, loaded) == (state, [])


V1 = {
    "ticked": [TASK, "release_form"],
    "stages": {CORE_RECORD: "sent"},
    "custom": ["Find parking", "Ask Sam"],
    "appointment": {
        "doctor": "Dr. Lee", "phone": "", "date": "2026-12-01", "time": "09:30", "companion": "Sam",
    },
    "questions": ["How sure are you?", "What if I wait?"],
    "goals": "Keep gardening.",
}


def expected_from_v1():
    state = model.new_state()
    state["done"] = {TASK: True, "release_form": True}
    state["stages"] = {CORE_RECORD: "sent"}
    state["custom"] = [
        {"id": "c1", "text": "Find parking", "done": False},
        {"id": "c2", "text": "Ask Sam", "done": False},
    ]
    state["appointment"] = dict(V1["appointment"])
    state["questions"] = [
        {"id": "q3", "text": "How sure are you?", "from": ""},
        {"id": "q4", "text": "What if I wait?", "from": ""},
    ]
    state["goals"] = "Keep gardening."
    state["next_id"] = 5
    return state


def test_v1_migrates_through_storage_unwrap(data):
    """Development-era saved data is brought up to date and keeps everything."""
    text = envelope_text(V1, version=1)
    loaded, _, notice = storage.unwrap(model.KIND, model.VERSION, text, model.MIGRATIONS)
    assert notice == storage.MIGRATED
    assert model.clean_state(data, loaded) == (expected_from_v1(), [])


def test_v1_file_imports(data):
    """A v1 file goes through the migration, then the strict checks."""
    assert model.import_text(data, envelope_text(V1, version=1)) == (expected_from_v1(), None)


def test_v1_with_a_removed_item_is_kept_in_part_from_storage_but_refused_as_a_file(data):
    """Lenient storage reading drops the unknown tick; the strict file import refuses."""
    old = dict(V1, ticked=[TASK, "gone_item"])
    loaded, _, _ = storage.unwrap(model.KIND, model.VERSION, envelope_text(old, version=1), model.MIGRATIONS)
    state, problems = model.clean_state(data, loaded)
    assert state["done"] == {TASK: True}
    assert problems == ["1 ticked item no longer exists and was left out."]
    refused, message = model.import_text(data, envelope_text(old, version=1))
    assert refused is None and "ticks items this checklist does not have" in message


@pytest.mark.parametrize("old", [None, [], "text", 4], ids=["none", "list", "string", "number"])
def test_v1_that_is_not_a_dict_reads_as_old(old):
    """Migration cannot work on junk; storage then says OLD instead of breaking."""
    text = envelope_text(old, version=1)
    assert storage.unwrap(model.KIND, model.VERSION, text, model.MIGRATIONS)[2] == storage.OLD


def test_v1_with_junk_parts_keeps_the_rest(data):
    """A v1 record with some junk parts keeps its good parts."""
    old = {"ticked": "x", "custom": ["fine", 7], "questions": {"a": 1}, "goals": "Rest."}
    state, problems = model.clean_state(data, model.from_v1(old))
    assert [entry["text"] for entry in state["custom"]] == ["fine"]
    assert state["goals"] == "Rest." and state["done"] == {} and state["questions"] == []
    assert problems


# ---- clean_state: lenient ----------------------------------------------------

JSON_JUNK = [None, True, 0, -1, 2.5, "", "text", "<b>x</b>", [], [1, "a"], {}, {"a": None}, "x" * 300000]


def test_clean_state_of_nothing_is_a_new_checklist(data):
    """Nothing saved is not a problem: a new checklist, nothing reported."""
    assert model.clean_state(data, None) == (model.new_state(), [])


@pytest.mark.parametrize(
    "raw", [[], [1, 2], "text", 5, True], ids=["list", "list2", "string", "number", "bool"]
)
def test_clean_state_of_a_non_dict_starts_empty_and_says_so(data, raw):
    """Data of the wrong shape gives a new checklist and one plain sentence."""
    state, problems = model.clean_state(data, raw)
    assert state == model.new_state()
    assert problems == ["Your saved checklist could not be read, so it starts empty."]


@pytest.mark.parametrize("field", model.FIELDS)
@pytest.mark.parametrize("junk", JSON_JUNK, ids=[str(index) for index in range(len(JSON_JUNK))])
def test_clean_state_never_raises_and_its_result_always_exports(data, field, junk):
    """Any JSON value in any field gives a usable state that the strict import accepts."""
    raw = rich_state(data)
    raw[field] = junk
    state, problems = model.clean_state(data, raw)
    assert all(isinstance(problem, str) and problem for problem in problems)
    assert model.import_text(data, model.export_text(state, 1)) == (state, None)
    assert model.progress(data, state, {})[1] >= len(core_ids(data))


@pytest.mark.parametrize("junk", JSON_JUNK[:-1], ids=[str(index) for index in range(len(JSON_JUNK) - 1)])
def test_clean_state_survives_junk_inside_lists_and_dicts(data, junk):
    """Junk as a tick, a stage, an own item, a question or an appointment field is left out safely."""
    raw = rich_state(data)
    raw["done"]["x"] = junk
    raw["done"][TASK] = junk
    raw["stages"][CORE_RECORD] = junk
    raw["custom"].append(junk)
    raw["custom"].append({"id": junk, "text": "kept", "done": junk})
    raw["questions"].append(junk)
    raw["questions"].append({"id": junk, "text": "kept?", "from": junk})
    raw["appointment"]["phone"] = junk
    state, _ = model.clean_state(data, raw)
    assert model.import_text(data, model.export_text(state, 1)) == (state, None)
    assert "kept" in [entry["text"] for entry in state["custom"]]
    assert "kept?" in [entry["text"] for entry in state["questions"]]


def test_clean_state_keeps_the_good_parts_and_reports_the_rest(data):
    """Known, valid parts survive; each kind of loss gets one counted sentence."""
    raw = rich_state(data)
    raw["done"].update({"gone_one": True, "gone_two": True, "release_form": "yes"})
    raw["stages"].update({"gone_record": "sent", "primary_care_note": "lost"})
    raw["custom"].append({"id": "c40", "text": "<script>x</script>", "done": False})
    raw["custom"].append(42)
    raw["questions"].append({"id": "q41", "text": "   ", "from": ""})
    raw["goals"] = "g" * (model.MAX_GOALS + 10)
    raw["appointment"]["doctor"] = 12
    state, problems = model.clean_state(data, raw)
    good = rich_state(data)
    assert state["done"] == good["done"]
    assert state["stages"] == good["stages"]
    assert state["custom"] == good["custom"]
    assert state["questions"] == good["questions"]
    assert state["goals"] == "g" * model.MAX_GOALS
    assert state["appointment"]["date"] == good["appointment"]["date"]
    assert state["appointment"]["doctor"] == ""
    assert sorted(problems) == sorted([
        "2 ticked items no longer exist and were left out.",
        "1 tick could not be read and was left out.",
        "1 record is no longer on the list and was left out.",
        "1 record step could not be read and was left out.",
        "1 entry that looked like web page code was left out.",
        "1 of your own items could not be read and was left out.",
        "1 question could not be read and was left out.",
        "1 long entry was cut short.",
        "Some appointment details could not be read and were left out.",
    ])


def test_clean_state_cuts_long_text_and_extra_entries(data):
    """Over-long text is cut short and lists over the cap keep their first entries."""
    raw = model.new_state()
    raw["custom"] = [{"id": "c" + str(n), "text": "t" * 900, "done": False} for n in range(1, 106)]
    raw["next_id"] = 106
    state, problems = model.clean_state(data, raw)
    assert len(state["custom"]) == model.MAX_CUSTOM
    assert all(len(entry["text"]) == model.MAX_TEXT for entry in state["custom"])
    assert "Only the first 100 of your own items were kept." in problems
    assert "100 long entries were cut short." in problems


def test_clean_state_repairs_ids_quietly(data):
    """Duplicate or damaged ids get fresh ones, and next_id moves past every id in use."""
    raw = model.new_state()
    raw["custom"] = [{"id": "c5", "text": "a", "done": False}, {"id": "c5", "text": "b", "done": True}]
    raw["questions"] = [{"id": "nonsense", "text": "c?", "from": "gone"}]
    raw["next_id"] = 2
    state, problems = model.clean_state(data, raw)
    assert problems == []
    ids = [entry["id"] for entry in state["custom"] + state["questions"]]
    assert ids == ["c5", "c6", "q7"]
    assert state["next_id"] == 8 and state["questions"][0]["from"] == ""


def test_clean_state_does_not_change_its_input(data):
    """Reading leaves the raw data as it was."""
    raw = rich_state(data)
    raw["custom"].append({"id": "c1", "text": "dup", "done": 3})
    before = copy.deepcopy(raw)
    model.clean_state(data, raw)
    assert raw == before


# ---- import_text: strict -------------------------------------------------------


def exported(data, change):
    """The export of a good state, with one change made to its data."""
    envelope = json.loads(model.export_text(rich_state(data), 1))
    change(envelope["data"])
    return json.dumps(envelope)


def set_in(path, value):
    def change(state):
        target = state
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value
    return change


REFUSED = [
    ("not text", lambda data: None),
    ("bytes", lambda data: b"{}"),
    ("empty", lambda data: ""),
    ("huge", lambda data: " " * (storage.MAX_CHARS + 1)),
    ("damaged json", lambda data: model.export_text(rich_state(data), 1)[:-3]),
    ("plain json", lambda data: "[1, 2, 3]"),
    ("deep nesting", lambda data: "[" * 100000 + "]" * 100000),
    ("deep nesting in data", lambda data: envelope_text(None).replace("null", "[" * 50000 + "]" * 50000)),
    ("other app", lambda data: envelope_text(rich_state(data), app="another-app")),
    ("screener file", lambda data: envelope_text({"answers": {}, "show_result": False}, kind="screener")),
    ("newer version", lambda data: envelope_text(rich_state(data), version=3)),
    ("version 0", lambda data: envelope_text(rich_state(data), version=0)),
    ("null data", lambda data: envelope_text(None)),
    ("list data", lambda data: envelope_text([])),
    ("unknown field", lambda data: exported(data, set_in(["extra"], 1))),
    ("missing field", lambda data: exported(data, lambda state: state.pop("goals"))),
    ("done wrong type", lambda data: exported(data, set_in(["done"], [TASK]))),
    ("done not true", lambda data: exported(data, set_in(["done", TASK], "yes"))),
    ("unknown item id", lambda data: exported(data, set_in(["done", "not_an_item"], True))),
    ("record in done", lambda data: exported(data, set_in(["done", CORE_RECORD], True))),
    ("unknown stage", lambda data: exported(data, set_in(["stages", CORE_RECORD], "lost"))),
    ("stage on a task", lambda data: exported(data, set_in(["stages", TASK], "sent"))),
    ("custom not a list", lambda data: exported(data, set_in(["custom"], {}))),
    ("custom done not bool", lambda data: exported(data, set_in(["custom", 0, "done"], 1))),
    ("custom empty text", lambda data: exported(data, set_in(["custom", 0, "text"], " "))),
    ("custom bad id", lambda data: exported(data, set_in(["custom", 0, "id"], "x1"))),
    ("custom duplicate id", lambda data: exported(data, set_in(["custom", 1, "id"], "c1"))),
    ("question unknown origin", lambda data: exported(data, set_in(["questions", 0, "from"], "gone"))),
    ("question extra key", lambda data: exported(data, set_in(["questions", 0, "extra"], ""))),
    ("show_all not bool", lambda data: exported(data, set_in(["show_all"], "yes"))),
    ("next_id too low", lambda data: exported(data, set_in(["next_id"], 1))),
    ("next_id not int", lambda data: exported(data, set_in(["next_id"], "7"))),
    ("appointment unknown field", lambda data: exported(data, set_in(["appointment", "email"], "a@b.c"))),
    ("appointment not text", lambda data: exported(data, set_in(["appointment", "phone"], 5550100))),
    ("goals not text", lambda data: exported(data, set_in(["goals"], ["a"]))),
    ("too many custom", lambda data: exported(data, set_in(
        ["custom"], [{"id": "c" + str(n), "text": "x", "done": False} for n in range(100, 201)]))),
    ("too many questions", lambda data: exported(data, set_in(
        ["questions"], [{"id": "q" + str(n), "text": "x", "from": ""} for n in range(100, 201)]))),
    ("long custom", lambda data: exported(data, set_in(["custom", 0, "text"], "x" * (model.MAX_TEXT + 1)))),
    ("long question", lambda data: exported(
        data, set_in(["questions", 0, "text"], "x" * (model.MAX_TEXT + 1)))),
    ("long goals", lambda data: exported(data, set_in(["goals"], "x" * (model.MAX_GOALS + 1)))),
    ("long appointment", lambda data: exported(
        data, set_in(["appointment", "doctor"], "x" * (model.MAX_FIELD + 1)))),
]

HOSTILE = ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "</textarea>", "<!-- x", "<?php",
           "JavaScript:alert(1)", "ok\u0000"]

HOSTILE_PLACES = [
    ("custom text", lambda value: set_in(["custom", 0, "text"], value)),
    ("question", lambda value: set_in(["questions", 0, "text"], value)),
    ("goals", lambda value: set_in(["goals"], value)),
    ("appointment doctor", lambda value: set_in(["appointment", "doctor"], value)),
    ("appointment time", lambda value: set_in(["appointment", "time"], value)),
    ("ticked item id", lambda value: set_in(["done", value], True)),
    ("record item id", lambda value: set_in(["stages", value], "sent")),
    ("stage", lambda value: set_in(["stages", CORE_RECORD], value)),
    ("custom id", lambda value: set_in(["custom", 0, "id"], value)),
    ("question origin", lambda value: set_in(["questions", 0, "from"], value)),
]


def assert_refused(result):
    state, message = result
    assert state is None
    assert isinstance(message, str) and len(message) > 10


@pytest.mark.parametrize("make", [make for _, make in REFUSED], ids=[name for name, _ in REFUSED])
def test_import_refuses_bad_files_whole(data, make):
    """Any problem refuses the whole file: no state, one plain message."""
    assert_refused(model.import_text(data, make(data)))


@pytest.mark.parametrize(
    "place", [change for _, change in HOSTILE_PLACES], ids=[name for name, _ in HOSTILE_PLACES]
)
@pytest.mark.parametrize(
    "value", HOSTILE, ids=["script", "img", "end-tag", "comment", "php", "javascript", "nul"]
)
def test_import_refuses_markup_anywhere(data, place, value):
    """Text that looks like markup or a script link is refused in every kind of field."""
    assert_refused(model.import_text(data, exported(data, place(value))))


@pytest.mark.parametrize(
    "make, words",
    [
        pytest.param(lambda data: "{not json", "damaged", id="damaged"),
        pytest.param(lambda data: envelope_text({}, kind="screener"), "not a checklist", id="not-ours"),
        pytest.param(lambda data: envelope_text({}, version=3), "newer version", id="newer"),
        pytest.param(lambda data: "x" * (storage.MAX_CHARS + 1), "too large", id="huge"),
        pytest.param(
            lambda data: exported(data, set_in(["goals"], "<b>hi</b>")), "web page code", id="markup"
        ),
        pytest.param(
            lambda data: exported(data, set_in(["done", "gone"], True)), "does not have", id="unknown-id"
        ),
    ],
)
def test_import_messages_say_what_is_wrong(data, make, words):
    """Each refusal names its reason in plain words."""
    state, message = model.import_text(data, make(data))
    assert state is None and words in message


def test_import_accepts_legal_angle_brackets_and_trims(data):
    """Everyday text with "<" that cannot be markup is accepted; outer spaces are trimmed."""
    text = exported(data, set_in(["goals"], "  Keep pain < 3 out of 10  "))
    state, message = model.import_text(data, text)
    assert message is None and state["goals"] == "Keep pain < 3 out of 10"
