"""Unit tests for sog/checklist/view.py: what the checklist shows.

Tested here:
- tailor: core items first, items whose `when` matches an answer join them
  with their reason, data order kept, junk answers read as none (also when
  the answers come from the screener's saved form); without any screener
  answers every record is offered too (as the paper sheet does), and with
  answers only the records they call for.
- build: shown, done, because, hidden, progress and tailored, computed from
  one tailoring and exactly as the old visible_items / more_count /
  progress did (checked against that old definition on many states and
  answer sets): started items stay visible, show_all adds the rest.
- progress_text: the data's words, filled in.
"""

import json

import pytest
from sog.checklist import items, state, view
from sog.markup import fill
from sog.screener import saved

from tests.support import examples

CORE_RECORD = examples.RECORD
TASK = examples.TASK
BIOPSY_ITEMS = ["pathology_report", "pathology_slides", "tissue_blocks", "mammograms"]
SURGERY_ITEMS = ["imaging", "surgeon_notes"]


def core_ids(data):
    return [item["id"] for item in data["items"] if item["core"]]


def untailored_ids(data):
    """What a visitor who skipped the screener is offered: the core items and every record."""
    return [item["id"] for item in data["items"] if item["core"] or item["kind"] == "record"]


# ---- tailor -------------------------------------------------------------------


def test_no_answers_offers_the_core_items_and_every_record(data):
    """Without screener answers, the first list is the core items and every
    record (imaging, slides, tissue...), in data order, with no reason line;
    the rest (tasks that fit only some answers) waits behind "Show every item"."""
    result = view.tailor(data, {})
    assert result["first"] == untailored_ids(data)
    records = [item["id"] for item in data["items"] if item["kind"] == "record"]
    assert set(records) <= set(result["first"])
    assert {"imaging", "pathology_slides", "tissue_blocks"} <= set(result["first"])
    assert set(result["first"]) > set(core_ids(data))
    assert result["because"] == {}
    assert result["more"] == [item["id"] for item in data["items"] if item["id"] not in result["first"]]
    assert all(item["kind"] == "task" for item in data["items"] if item["id"] in result["more"])


@pytest.mark.parametrize(
    "answers",
    [{"emergency": "no"}, {"biopsy": "no"}, {"medicare": "no"}],
    ids=["emergency-no", "biopsy-no", "medicare-no"],
)
def test_answers_offer_only_the_records_they_call_for(data, answers):
    """Once the screener has answers, records their answers do not call for
    move behind "Show every item", as before."""
    result = view.tailor(data, answers)
    assert result["first"] == core_ids(data)
    assert "pathology_slides" in result["more"]


@pytest.mark.parametrize(
    "answers, expected",
    [
        pytest.param({"biopsy": "yes", "breast": "yes"}, BIOPSY_ITEMS, id="biopsy"),
        pytest.param({"major_treatment": "yes"}, SURGERY_ITEMS, id="surgery"),
        pytest.param({"medicare": "yes"}, ["medicare_part_b"], id="medicare"),
        pytest.param({"older_adult": "yes"}, ["geriatric_specialist"], id="older-adult"),
        pytest.param(
            {"serious_illness": "yes"}, ["out_of_network", "remote_program", "imaging"], id="serious"
        ),
        pytest.param({"limited_options": "yes"}, ["out_of_network", "remote_program"], id="few-options"),
        pytest.param({"biopsy": "no", "medicare": "not_sure"}, [], id="no-and-not-sure"),
        pytest.param({"emergency": "yes"}, [], id="unrelated-answer"),
    ],
)
def test_tailoring_puts_matching_items_first_with_a_reason(data, answers, expected):
    """Items whose `when` matches any answer join the core ones, each with its reason."""
    result = view.tailor(data, answers)
    extra = [item_id for item_id in result["first"] if item_id not in core_ids(data)]
    assert sorted(extra) == sorted(expected)
    assert sorted(result["because"]) == sorted(expected)
    items = {item["id"]: item for item in data["items"]}
    for item_id in expected:
        assert result["because"][item_id] == items[item_id]["because"]
        assert result["because"][item_id].startswith("Shown because")
        assert item_id not in result["more"]


def test_biopsy_shows_slides_and_tissue_with_the_reason(data):
    """The example from the brief: a biopsy brings slides and tissue blocks to the top."""
    result = view.tailor(data, {"biopsy": "yes", "breast": "yes"})
    for item_id in ("pathology_slides", "tissue_blocks"):
        assert item_id in result["first"]
        assert "biopsy" in result["because"][item_id]


def test_tailored_lists_keep_data_order(data):
    """Both lists follow the data order, so groups read top to bottom."""
    answers = {"biopsy": "yes", "breast": "yes", "major_treatment": "yes", "medicare": "yes"}
    result = view.tailor(data, answers)
    order = [item["id"] for item in data["items"]]
    for part in ("first", "more"):
        assert result[part] == [item_id for item_id in order if item_id in result[part]]


@pytest.mark.parametrize("answers", [None, [], "yes", 3], ids=["none", "list", "string", "number"])
def test_tailor_treats_junk_answers_as_none(data, answers):
    """Whatever arrives as answers, the checklist still shows its core items
    and every record."""
    assert view.tailor(data, answers) == view.tailor(data, {})
    assert view.tailor(data, answers)["first"] == untailored_ids(data)


@pytest.mark.parametrize("medicare", ["original", "advantage", "yes"])
def test_every_kind_of_medicare_brings_the_medicare_item(data, medicare):
    """Original Medicare, an Advantage plan, or Medicare without saying which
    (the answer saved before the choice existed) all bring the Medicare item."""
    result = view.tailor(data, {"medicare": medicare})
    assert "medicare_part_b" in result["first"]
    assert view.tailor(data, {"medicare": "not_sure"})["first"] == core_ids(data)


def test_tailoring_from_the_screeners_saved_answers(data, screener_data):
    """The screener's saved form, read through saved.from_saved or answers_from_text, feeds tailor."""
    stored = saved.to_saved({"biopsy": "yes", "breast": "yes", "old_question": "yes"}, True)
    answers, _, dropped = saved.from_saved(screener_data, json.loads(json.dumps(stored)))
    assert dropped == 1
    assert "tissue_blocks" in view.tailor(data, answers)["first"]
    text = json.dumps({"app": "second-opinion-guide", "kind": saved.KIND, "version": saved.VERSION,
                       "saved_at": 1, "data": stored})
    assert "tissue_blocks" in view.tailor(data, saved.answers_from_text(text))["first"]


# ---- build -----------------------------------------------------------------------


def old_visible_items(data, checklist, answers):
    """The old model.visible_items: tailored items, the rest with show_all,
    and anything started."""
    first = view.tailor(data, answers)["first"]
    return [
        item["id"] for item in data["items"]
        if item["id"] in first or checklist["show_all"] or state.started(data, checklist, item["id"])
    ]


def old_progress(data, checklist, answers):
    """The old model.progress: (done, total) over the visible and own items."""
    ids = old_visible_items(data, checklist, answers)
    done = len([item_id for item_id in ids if state.is_done(data, checklist, item_id)])
    done += len([entry for entry in checklist["custom"] if entry["done"]])
    return done, len(ids) + len(checklist["custom"])


def started_outside(data):
    """Work on items the default list hides, with show_all off: it must stay."""
    checklist = state.set_show_all(state.new_state(), True)
    checklist = state.toggle(data, checklist, "ask_cost")
    checklist = state.set_stage(data, checklist, "pathology_slides", "asked")
    checklist = state.set_stage(data, checklist, "tissue_blocks", data["stages"][-1]["id"])
    return state.set_show_all(checklist, False)


CHECKLISTS = [
    ("new", lambda data: state.new_state()),
    ("show-all", lambda data: state.set_show_all(state.new_state(), True)),
    ("rich", examples.rich_checklist),
    ("filled", examples.filled_checklist),
    ("hostile", examples.hostile_checklist),
    ("started-outside", started_outside),
]
ANSWERS = examples.ANSWER_SETS + [("none", None), ("list", []), ("string", "yes")]


@pytest.mark.parametrize("make", [make for _, make in CHECKLISTS], ids=[name for name, _ in CHECKLISTS])
@pytest.mark.parametrize("answers", [a for _, a in ANSWERS], ids=[name for name, _ in ANSWERS])
def test_build_matches_the_old_definitions(data, make, answers):
    """Every part of the view is what the old separate functions gave."""
    checklist = make(data)
    shown = view.build(data, checklist, answers)
    visible = old_visible_items(data, checklist, answers)
    assert shown["shown"] == visible
    assert shown["done"] == [item_id for item_id in visible if state.is_done(data, checklist, item_id)]
    assert shown["because"] == view.tailor(data, answers)["because"]
    assert shown["hidden"] == len(data["items"]) - len(visible)
    assert shown["progress"] == old_progress(data, checklist, answers)
    assert shown["tailored"] is (isinstance(answers, dict) and bool(answers))


def test_build_tailors_once(data, monkeypatch):
    """One redraw, one tailoring."""
    calls = []
    real = view.tailor
    monkeypatch.setattr(view, "tailor", lambda *args: calls.append(args) or real(*args))
    view.build(data, examples.rich_checklist(data), {"biopsy": "yes", "breast": "yes"})
    assert len(calls) == 1


def test_show_all_adds_the_other_items(data):
    """Show all lists every item in data order; turning it off goes back to the tailored list."""
    checklist = state.set_show_all(state.new_state(), True)
    shown = view.build(data, checklist, {})
    assert shown["shown"] == [item["id"] for item in data["items"]] and shown["hidden"] == 0
    shown = view.build(data, state.set_show_all(checklist, False), {})
    assert shown["shown"] == untailored_ids(data)
    assert shown["hidden"] == len(data["items"]) - len(untailored_ids(data))


@pytest.mark.parametrize("answers", [{}, {"biopsy": "no"}], ids=["no-answers", "biopsy-no"])
def test_started_items_stay_visible(data, answers):
    """Work on an item outside the tailored list never disappears from view."""
    shown = view.build(data, started_outside(data), answers)["shown"]
    assert "ask_cost" in shown and "pathology_slides" in shown and "tissue_blocks" in shown
    assert "remote_program" not in shown
    if answers:
        assert "surgeon_notes" not in shown


def test_answers_bring_their_items_and_reasons(data):
    """Tailored items show, with their reasons, and count in the total."""
    shown = view.build(data, state.new_state(), {"biopsy": "yes", "breast": "yes"})
    assert [item_id for item_id in shown["shown"] if item_id not in core_ids(data)] == BIOPSY_ITEMS
    assert sorted(shown["because"]) == sorted(BIOPSY_ITEMS)
    assert shown["tailored"] is True
    assert view.build(data, state.new_state(), {})["tailored"] is False


def test_progress_counts_visible_items_and_own_items(data):
    """Progress counts what is shown plus the visitor's own items; records count when confirmed."""
    core = len(untailored_ids(data))
    checklist = state.new_state()
    assert view.build(data, checklist, {})["progress"] == (0, core)
    checklist = state.toggle(data, checklist, TASK)
    checklist = state.set_stage(data, checklist, CORE_RECORD, "sent")
    assert view.build(data, checklist, {})["progress"] == (1, core)
    checklist = state.set_stage(data, checklist, CORE_RECORD, "confirmed")
    checklist = state.add_custom(checklist, "Book a taxi")
    assert view.build(data, checklist, {})["progress"] == (2, core + 1)
    checklist = state.toggle(data, checklist, checklist["custom"][0]["id"])
    assert view.build(data, checklist, {})["progress"] == (3, core + 1)
    biopsy = view.build(data, checklist, {"biopsy": "yes", "breast": "yes"})
    assert biopsy["progress"] == (3, len(core_ids(data)) + 1 + len(BIOPSY_ITEMS))
    assert biopsy["done"] == [TASK, CORE_RECORD]


def test_group_counts_follow_what_is_shown_and_done(data):
    """Each group with a shown item counts its shown items and the done ones
    (a record once its arrival is confirmed); the counts add up to progress
    without the visitor's own items."""
    checklist = state.set_done(data, state.new_state(), TASK, True)
    checklist = state.set_stage(data, checklist, CORE_RECORD, "sent")
    checklist = state.add_custom(checklist, "Book a taxi")
    for answers in ({}, {"biopsy": "yes", "breast": "yes"}):
        shown = view.build(data, checklist, answers)
        expected = {}
        for item in data["items"]:
            if item["id"] in shown["shown"]:
                done, total = expected.get(item["group"], (0, 0))
                expected[item["group"]] = (done + (item["id"] in shown["done"]), total + 1)
        assert shown["groups"] == expected
        assert sum(total for _, total in shown["groups"].values()) == shown["progress"][1] - 1
    confirmed = state.set_stage(data, checklist, CORE_RECORD, "confirmed")
    record_group = next(item["group"] for item in data["items"] if item["id"] == CORE_RECORD)
    assert view.build(data, confirmed, {})["groups"][record_group][0] == 1


def test_next_is_the_first_things_not_begun(data):
    """The next things: shown items in data order that are neither ticked nor
    begun (a record with any step is begun), then own items not ticked; at
    most NEXT_COUNT."""
    shown = view.build(data, state.new_state(), {})
    assert shown["next"] == untailored_ids(data)[:view.NEXT_COUNT]
    checklist = state.new_state()
    for item in data["items"]:
        if item["kind"] == "task":
            checklist = state.set_done(data, checklist, item["id"], True)
    records = [item_id for item_id in untailored_ids(data) if item_id in items.ids_of_kind(data, "record")]
    checklist = state.set_stage(data, checklist, records[0], "asked")
    assert view.build(data, checklist, {})["next"] == records[1:1 + view.NEXT_COUNT]
    for item_id in records:
        checklist = state.set_stage(data, checklist, item_id, "sent")
    checklist = state.add_custom(state.add_custom(checklist, "One"), "Two")
    checklist = state.toggle(data, checklist, "c1")
    assert view.build(data, checklist, {})["next"] == ["c2"]
    assert view.build(data, state.toggle(data, checklist, "c2"), {})["next"] == []


def test_next_follows_tailoring(data):
    """A tailored item comes into the next things in its place in the data."""
    checklist = state.new_state()
    for item_id in core_ids(data):
        checklist = state.set_done(data, checklist, item_id, True)
        checklist = state.set_stage(data, checklist, item_id, "asked")
    assert view.build(data, checklist, {"biopsy": "yes", "breast": "yes"})["next"] == BIOPSY_ITEMS[:view.NEXT_COUNT]


def test_build_changes_nothing(data):
    """Building a view leaves the state and the answers as they were."""
    checklist = examples.rich_checklist(data)
    answers = {"biopsy": "yes", "breast": "yes"}
    before = (json.dumps(checklist, sort_keys=True), dict(answers))
    view.build(data, checklist, answers)
    assert (json.dumps(checklist, sort_keys=True), answers) == before


# ---- progress_text -----------------------------------------------------------------


@pytest.mark.parametrize("done, total", [(7, 12), (0, 0), (22, 22)])
def test_progress_text(data, done, total):
    """Progress reads as the data's words with both numbers filled in."""
    text = view.progress_text(data, (done, total))
    assert text == fill(data["words"]["progress"], {"done": done, "total": total})
    assert str(done) in text and str(total) in text and "{" not in text


def test_progress_text_follows_the_words(data):
    """Changing the words changes the sentence: nothing is written in code."""
    data["words"]["progress"] = "{total} / {done}"
    assert view.progress_text(data, (1, 2)) == "2 / 1"
