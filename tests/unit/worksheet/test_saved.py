"""Unit tests for sog/worksheet/saved.py: the worksheet's saved form, and the
worksheet as a part of the guide's saved work (sog/keep.py).

Tested here:
- clean (this browser's storage) is lenient: it keeps every valid answer,
  leaves out or cuts short the rest, notes it (problems says so in
  saved.json's sentences), and never raises, whatever JSON it is given.
- check (a loaded file) is strict: anything that does not fit refuses the
  worksheet with one reason from the words.
- the checklist's file holds the worksheet: export, import, refusing a file
  whose worksheet does not fit, files that hold no worksheet, and
  "Clear everything".
"""

import json

import pytest
from sog import datafiles, keep, storage
from sog.checklist import saved as checklist_saved
from sog.markup import fill
from sog.worksheet import saved, sheet, state

from tests.support import examples, worksheet_examples
from tests.support.changes import remove_in, set_in
from tests.support.examples import MARKUP_TEXTS
from tests.support.fake_storage import MemoryStorage, SafeStorage

WORDS = datafiles.load(saved.WORDS_FILE)["words"]
JSON_JUNK = [None, True, 0, -1, 2.5, "", "text", "<b>x</b>", [], [1, "a"], {}, {"a": None}]


def clean_said(raw):
    """clean, with its issues in the visitor's words."""
    cleaned, issues = saved.clean(raw)
    return cleaned, saved.problems(issues)


def with_change(worksheet, change):
    raw = examples.copy_data(worksheet)
    change(raw)
    return raw




def test_store_is_the_worksheets_own_versioned_key():
    store = saved.open_store(MemoryStorage())
    assert (store.key, store.version, saved.KIND) == ("second-opinion-guide:worksheet", saved.VERSION, "worksheet")
    assert saved.MIGRATIONS == {} and saved.VERSION == 1
    assert not saved.open_store(None).available()


@pytest.mark.parametrize("make", [lambda data: state.new_state(data), worksheet_examples.filled_worksheet,
                                  worksheet_examples.partly_filled_worksheet], ids=["new", "filled", "partly"])
def test_good_worksheets_read_back_exactly(data, make):
    worksheet = make(data)
    assert saved.clean(examples.copy_data(worksheet)) == (worksheet, [])
    assert saved.check(examples.copy_data(worksheet)) == (worksheet, None)


def test_a_saved_worksheet_comes_back_from_storage(data):
    backend = SafeStorage()
    worksheet = worksheet_examples.filled_worksheet(data)
    assert saved.open_store(backend).save(worksheet, 5)
    loaded, saved_at, notice = saved.open_store(backend).load()
    assert (saved_at, notice) == (5, storage.OK)
    assert saved.clean(loaded) == (worksheet, [])


def test_nothing_saved_is_an_empty_worksheet(data):
    assert saved.clean(None) == (state.new_state(data), [])


def problem(data, code):
    return WORDS["problems"][code][0]


# (name, change, problem codes, how many answers it may cost)
LENIENT = [
    ("not a dict", None, ["unreadable"], None),
    ("answer not text", set_in(["answers", "first", "risks"], 5), ["bad"], 1),
    ("answer markup", set_in(["answers", "second", "risks"], "<img src=x onerror=alert(1)>"), ["markup"], 1),
    ("answer long", set_in(["answers", "first", "name"], "n" * (state.MAX_ANSWER + 1)), ["long"], 1),
    ("goals markup", set_in(["goals"], "javascript:alert(1)"), ["markup"], 0),
    ("goals long", set_in(["goals"], "g" * (state.MAX_GOALS + 1)), ["long"], 0),
    ("goals not text", set_in(["goals"], ["a"]), ["bad"], 0),
    ("thoughts not text", set_in(["thoughts"], {}), ["bad"], 0),
    ("comparison unknown", set_in(["comparison"], "maybe"), ["bad"], 0),
    ("answers not a dict", set_in(["answers"], []), ["bad"], 2 * len(sheet.row_ids(sheet.load()))),
    ("a doctor not a dict", set_in(["answers", "second"], "x"), ["bad"], len(sheet.row_ids(sheet.load()))),
    ("unknown field", set_in(["extra"], 1), [], 0),
    ("unknown doctor", set_in(["answers", "third"], {}), [], 0),
    ("unknown row", set_in(["answers", "first", "colour"], "red"), [], 0),
    ("missing field", remove_in(["thoughts"]), [], 0),
    ("missing row", remove_in(["answers", "first", "risks"]), [], 1),
]


@pytest.mark.parametrize("change, codes, cost", [entry[1:] for entry in LENIENT], ids=[e[0] for e in LENIENT])
def test_clean_keeps_what_is_good_and_says_what_it_left_out(data, change, codes, cost):
    worksheet = worksheet_examples.filled_worksheet(data)
    raw = ["x"] if cost is None else with_change(worksheet, change)
    cleaned, problems = clean_said(raw)
    assert problems == [problem(data, code) for code in codes]
    if cost is None:
        assert cleaned == state.new_state(data)
        return
    assert sorted(cleaned) == sorted(state.FIELDS)
    # Everything else the visitor wrote is still there.
    lost = 0
    for doctor in sheet.doctor_ids(data):
        for row in sheet.row_ids(data):
            lost += cleaned["answers"][doctor][row] != worksheet["answers"][doctor][row]
    assert lost == cost


def test_clean_cuts_long_text_short_rather_than_losing_it(data):
    raw = with_change(worksheet_examples.filled_worksheet(data), set_in(["thoughts"], "t" * 3000))
    cleaned, problems = clean_said(raw)
    assert cleaned["thoughts"] == "t" * state.MAX_THOUGHTS
    assert problems == [problem(data, "long")]


def test_clean_says_each_kind_of_problem_once(data):
    raw = worksheet_examples.filled_worksheet(data)
    for row in sheet.row_ids(data):
        raw["answers"]["first"][row] = "<b>"
    cleaned, problems = clean_said(raw)
    assert problems == [problem(data, "markup")]
    assert cleaned["answers"]["first"] == state.new_state(data)["answers"]["first"]


@pytest.mark.parametrize("junk", JSON_JUNK, ids=[repr(junk)[:20] for junk in JSON_JUNK])
def test_clean_never_raises_whatever_it_is_given(data, junk):
    """Junk at the top and in every place inside gives a usable worksheet."""
    places = [["answers"], ["answers", "first"], ["answers", "first", "risks"], ["goals"], ["comparison"],
              ["thoughts"]]
    for raw in [junk] + [with_change(worksheet_examples.filled_worksheet(data), set_in(p, junk)) for p in places]:
        cleaned, problems = clean_said(raw)
        assert sorted(cleaned) == sorted(state.FIELDS)
        assert all(message in [pair[0] for pair in WORDS["problems"].values()] for message in problems)
        json.dumps(cleaned)


def test_clean_keeps_goals_that_follow_the_checklist(data):
    raw = worksheet_examples.partly_filled_worksheet(data)
    assert raw["goals"] is None
    assert saved.clean(examples.copy_data(raw))[0]["goals"] is None


# ---- check: strict --------------------------------------------------------------


# A missing row is a row added since the worksheet was saved: not refused.
STRICT = [(name, change, codes[0] if codes else None) for name, change, codes, _ in LENIENT
          if name not in ("not a dict", "missing row")]
STRICT_REASONS = {
    "unknown field": "unknown_field", "unknown doctor": "unknown_field", "unknown row": "unknown_field",
    "missing field": "missing_field",
}


@pytest.mark.parametrize("name, change", [(n, c) for n, c, _ in STRICT], ids=[n for n, _, _ in STRICT])
def test_check_refuses_anything_that_does_not_fit(data, name, change):
    raw = with_change(worksheet_examples.filled_worksheet(data), change)
    code = STRICT_REASONS.get(name) or dict((n, k) for n, _, k in STRICT)[name]
    assert saved.check(raw) == (None, WORDS["refusals"][code])


def test_a_worksheet_saved_before_rows_were_added_loads_whole(data):
    """Saved without the rows added since ("How soon I must decide", "How
    often this doctor does this"): every answer is kept, the new rows are
    blank, nothing is said, and a file of it is not refused."""
    worksheet = worksheet_examples.filled_worksheet(data)
    old = examples.copy_data(worksheet)
    for doctor in sheet.doctor_ids(data):
        for row in worksheet_examples.ADDED_ROWS:
            del old["answers"][doctor][row]
    expected = examples.copy_data(worksheet)
    for doctor in sheet.doctor_ids(data):
        for row in worksheet_examples.ADDED_ROWS:
            expected["answers"][doctor][row] = ""
    assert saved.clean(old) == (expected, [])
    assert saved.check(old) == (expected, None)


@pytest.mark.parametrize("junk", JSON_JUNK, ids=[repr(junk)[:20] for junk in JSON_JUNK])
def test_check_refuses_junk(data, junk):
    result, reason = saved.check(junk)
    assert result is None and reason in WORDS["refusals"].values()


@pytest.mark.parametrize("text", [text for _, text in MARKUP_TEXTS], ids=[kind for kind, _ in MARKUP_TEXTS])
def test_check_refuses_markup_in_any_text(data, text):
    for path in (["answers", "second", "ask"], ["goals"], ["thoughts"]):
        raw = with_change(worksheet_examples.filled_worksheet(data), set_in(path, text))
        assert saved.check(raw) == (None, WORDS["refusals"]["markup"])


def test_every_issue_has_its_words(data):
    codes = {"unreadable", "bad", "markup", "long", "unknown_field", "missing_field"}
    assert set(WORDS["refusals"]) == codes
    assert set(WORDS["problems"]) == {"unreadable", "bad", "markup", "long"}


# ---- in the checklist's file ------------------------------------------------------


def test_the_worksheet_is_a_part_of_the_guides_file():
    assert saved in [part["saved"] for part in keep.file_parts()]


def test_export_holds_the_worksheet_and_import_gives_it_back(data):
    backend = SafeStorage()
    worksheet = worksheet_examples.filled_worksheet(data)
    saved.open_store(backend).save(worksheet, 1)
    backend.calls.clear()
    text = keep.export_text(backend, 9)
    assert json.loads(text)["data"][saved.KIND] == {"version": saved.VERSION, "data": worksheet}
    assert not any(call.startswith("set ") for call in backend.calls)
    loaded, message = keep.import_text(text)
    assert message is None and loaded[saved.KIND] == worksheet
    fresh = SafeStorage()
    assert keep.save_all(fresh, loaded, 10)
    assert saved.open_store(fresh).load()[0] == worksheet


def test_export_of_a_browser_with_no_worksheet_imports(data):
    text = keep.export_text(MemoryStorage(), 1)
    loaded, message = keep.import_text(text)
    assert message is None and loaded[saved.KIND] == state.new_state(data)


def test_export_of_an_unreadable_worksheet_holds_what_can_be_read(data):
    backend = SafeStorage({"second-opinion-guide:worksheet": "{bad"})
    text = keep.export_text(backend, 1)
    assert json.loads(text)["data"][saved.KIND]["data"] == state.new_state(data)
    assert backend.items["second-opinion-guide:worksheet"] == "{bad"


def refused(reason):
    return keep.refused(reason)


@pytest.mark.parametrize("change, code", [
    (set_in(["answers", "first", "risks"], "<script>x</script>"), "markup"),
    (set_in(["comparison"], "maybe"), "bad"),
    (remove_in(["thoughts"]), "missing_field"),
    (set_in(["answers", "third"], {}), "unknown_field"),
], ids=["markup", "bad-choice", "missing", "unknown"])
def test_a_file_whose_worksheet_does_not_fit_is_refused_whole(data, change, code):
    envelope = json.loads(keep.export_text(MemoryStorage(), 1, {
        saved.KIND: worksheet_examples.filled_worksheet(data),
        checklist_saved.KIND: examples.rich_checklist(examples.checklist_data()),
    }))
    change(envelope["data"][saved.KIND]["data"])
    assert keep.import_text(json.dumps(envelope)) == (None, refused(WORDS["refusals"][code]))


def test_a_worksheet_part_of_a_newer_version_is_refused(data):
    envelope = json.loads(keep.export_text(MemoryStorage(), 1))
    envelope["data"][saved.KIND]["version"] = saved.VERSION + 1
    words = datafiles.load("words.json")["keep"]
    assert keep.import_text(json.dumps(envelope)) == (None, refused(words["part_newer"]))


def test_a_file_without_a_worksheet_leaves_the_saved_one_alone(data):
    """Files from before the worksheet (versions 1 and 2) hold the checklist only."""
    backend = SafeStorage()
    worksheet = worksheet_examples.filled_worksheet(data)
    saved.open_store(backend).save(worksheet, 1)
    old = json.dumps(storage.wrap("checklist", 2, examples.rich_checklist(examples.checklist_data()), 3))
    loaded, message = keep.import_text(old)
    assert message is None and saved.KIND not in loaded
    assert keep.save_all(backend, loaded, 4)
    assert saved.open_store(backend).load()[0] == worksheet


def test_clear_everything_clears_the_worksheet(data):
    backend = SafeStorage()
    store = saved.open_store(backend)
    store.save(worksheet_examples.filled_worksheet(data), 1)
    backend.items[storage.unreadable_key(saved.KIND)] = "{old"
    assert keep.clear_all(backend)
    assert storage.storage_key(saved.KIND) not in backend.items
    assert storage.unreadable_key(saved.KIND) not in backend.items


def test_refusals_read_as_a_reason_in_the_files_sentence(data):
    for reason in WORDS["refusals"].values():
        sentence = refused(reason)
        assert sentence == fill(datafiles.load("words.json")["keep"]["failed"], {"reason": reason})
        assert reason[0].islower() and not reason.endswith(".")
