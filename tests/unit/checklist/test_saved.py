"""Unit tests for sog/checklist/saved.py: the checklist's saved form.

Tested here:
- export then import gives the same state; the envelope is labelled.
- v1 (development-era) data migrates through storage.unwrap and keeps
  everything; junk v1 reads as OLD.
- clean, lenient, for this browser's storage: keeps the good parts of junk
  and notes what it left out; problems says it in saved.json's words.
- check, strict, for a loaded file: refuses a bad checklist whole, with one
  reason from saved.json's words; accepts everyday text with "<".
- open_store uses the checklist's key, version and migrations.
Every sentence is taken from the data's words, never copied here.
"""

import json

import pytest
from sog import datafiles, storage
from sog.checklist import saved, state, view
from sog.markup import fill

from tests.support import examples
from tests.support.fake_storage import SafeStorage

CORE_RECORD = examples.RECORD
TASK = examples.TASK


def core_ids(data):
    return [item["id"] for item in data["items"] if item["core"]]


def envelope_text(data, version=saved.VERSION, kind=saved.KIND, app=storage.APP):
    return json.dumps({"app": app, "kind": kind, "version": version, "saved_at": 5, "data": data})


WORDS = datafiles.load(saved.WORDS_FILE)["words"]


def clean_said(data, raw):
    """clean, with its issues in the visitor's words (data: the checklist
    data the tests use, the same as the package's)."""
    kept, issues = saved.clean(raw)
    return kept, saved.problems(issues)


def problem(data, code, count=1):
    """The visitor's sentence for one kind of loss, from saved.json."""
    pair = WORDS["problems"][code]
    cap = state.MAX_CUSTOM if code == "custom_too_many" else state.MAX_QUESTIONS
    return fill(pair[0] if count == 1 else pair[1], {"n": count, "cap": cap})


def refusal(data, code):
    """The reason a file is refused for one issue, from saved.json."""
    cap = state.MAX_CUSTOM if code == "custom_too_many" else state.MAX_QUESTIONS
    return fill(WORDS["refusals"][code], {"cap": cap})


# ---- export and storage --------------------------------------------------------


def test_saved_state_survives_storage_unwrap_and_clean_state(data):
    """What the widget saves in localStorage comes back the same, with nothing reported."""
    checklist = examples.rich_checklist(data)
    text = json.dumps(storage.wrap(saved.KIND, saved.VERSION, checklist, 9))
    loaded, saved_at, notice = storage.unwrap(saved.KIND, saved.VERSION, text, saved.MIGRATIONS)
    assert (saved_at, notice) == (9, storage.OK)
    assert clean_said(data, loaded) == (checklist, [])


def test_open_store_saves_under_the_checklist_key(data):
    """The store uses the checklist's own key and version, and migrates v1."""
    backend = SafeStorage()
    store = saved.open_store(backend)
    assert (store.key, store.version) == (storage.storage_key(saved.KIND), saved.VERSION)
    assert store.migrations is saved.MIGRATIONS
    checklist = examples.rich_checklist(data)
    assert store.save(checklist, 3) is True
    assert saved.open_store(backend).load() == (checklist, 3, storage.OK)
    assert saved.open_store(None).load() == (None, 0, storage.BLOCKED)


# ---- v1 ---------------------------------------------------------------------------

V1 = examples.V1_CHECKLIST
expected_from_v1 = examples.v1_checklist_as_v2



def test_v1_migrates_through_storage_unwrap(data):
    """Development-era saved data is brought up to date and keeps everything."""
    loaded, _, notice = storage.unwrap(saved.KIND, saved.VERSION, envelope_text(V1, version=1), saved.MIGRATIONS)
    assert notice == storage.MIGRATED
    assert clean_said(data, loaded) == (expected_from_v1(), [])


def test_v1_with_a_removed_item_is_kept_in_part_from_storage_but_refused_as_a_file(data):
    """Lenient storage reading drops the unknown tick; the strict file import refuses."""
    old = dict(V1, ticked=[TASK, "gone_item"])
    text = envelope_text(old, version=1)
    loaded, _, _ = storage.unwrap(saved.KIND, saved.VERSION, text, saved.MIGRATIONS)
    kept, problems = clean_said(data, loaded)
    assert kept["done"] == {TASK: True}
    assert problems == [problem(data, "done_unknown")]
    assert saved.check(loaded) == (None, refusal(data, "done_unknown"))


@pytest.mark.parametrize("old", [None, [], "text", 4], ids=["none", "list", "string", "number"])
def test_v1_that_is_not_a_dict_reads_as_old(old):
    """Migration cannot work on junk; storage then says OLD instead of breaking."""
    assert storage.unwrap(saved.KIND, saved.VERSION, envelope_text(old, version=1), saved.MIGRATIONS)[2] == storage.OLD


def test_v1_with_junk_parts_keeps_the_rest(data):
    """A v1 record with some junk parts keeps its good parts."""
    old = {"ticked": "x", "custom": ["fine", 7], "questions": {"a": 1}, "goals": "Rest."}
    kept, problems = clean_said(data, saved.from_v1(old))
    assert [entry["text"] for entry in kept["custom"]] == ["fine"]
    assert kept["goals"] == "Rest." and kept["done"] == {} and kept["questions"] == []
    assert problems


def test_v1_ticks_that_are_not_text_are_left_out(data):
    """Only string ids in a v1 tick list become ticks."""
    assert saved.from_v1({"ticked": [TASK, 3, None]})["done"] == {TASK: True}


# ---- clean_state: lenient ----------------------------------------------------

JSON_JUNK = [None, True, 0, -1, 2.5, "", "text", "<b>x</b>", [], [1, "a"], {}, {"a": None}, "x" * 300000]


def test_clean_state_of_nothing_is_a_new_checklist(data):
    """Nothing saved is not a problem: a new checklist, nothing reported."""
    assert clean_said(data, None) == (state.new_state(), [])


@pytest.mark.parametrize("raw", [[], [1, 2], "text", 5, True], ids=["list", "list2", "string", "number", "bool"])
def test_clean_state_of_a_non_dict_starts_empty_and_says_so(data, raw):
    """Data of the wrong shape gives a new checklist and one plain sentence."""
    assert clean_said(data, raw) == (state.new_state(), [problem(data, "unreadable")])


@pytest.mark.parametrize("field", state.FIELDS)
@pytest.mark.parametrize("junk", JSON_JUNK, ids=[str(index) for index in range(len(JSON_JUNK))])
def test_clean_state_never_raises_and_its_result_always_exports(data, field, junk):
    """Any JSON value in any field gives a usable state that the strict import accepts."""
    raw = examples.rich_checklist(data)
    raw[field] = junk
    kept, problems = clean_said(data, raw)
    assert all(isinstance(message, str) and message for message in problems)
    assert saved.check(kept) == (kept, None)
    assert view.build(data, kept, {})["progress"][1] >= len(core_ids(data))


@pytest.mark.parametrize("junk", JSON_JUNK[:-1], ids=[str(index) for index in range(len(JSON_JUNK) - 1)])
def test_clean_state_survives_junk_inside_lists_and_dicts(data, junk):
    """Junk as a tick, a stage, an own item, a question or an appointment field is left out safely."""
    raw = examples.rich_checklist(data)
    raw["done"]["x"] = junk
    raw["done"][TASK] = junk
    raw["stages"][CORE_RECORD] = junk
    raw["custom"].append(junk)
    raw["custom"].append({"id": junk, "text": "kept", "done": junk})
    raw["questions"].append(junk)
    raw["questions"].append({"id": junk, "text": "kept?", "from": junk})
    raw["appointment"]["phone"] = junk
    kept, _ = clean_said(data, raw)
    assert saved.check(kept) == (kept, None)
    assert "kept" in [entry["text"] for entry in kept["custom"]]
    assert "kept?" in [entry["text"] for entry in kept["questions"]]


def test_clean_state_keeps_the_good_parts_and_reports_the_rest(data):
    """Known, valid parts survive; each kind of loss gets one counted sentence."""
    raw = examples.rich_checklist(data)
    raw["done"].update({"gone_one": True, "gone_two": True, "release_form": "yes"})
    raw["stages"].update({"gone_record": "sent", "primary_care_note": "lost"})
    raw["custom"].append({"id": "c40", "text": "<script>x</script>", "done": False})
    raw["custom"].append(42)
    raw["questions"].append({"id": "q41", "text": "   ", "from": ""})
    raw["goals"] = "g" * (state.MAX_GOALS + 10)
    raw["appointment"]["doctor"] = 12
    kept, problems = clean_said(data, raw)
    good = examples.rich_checklist(data)
    for field in ("done", "stages", "custom", "questions"):
        assert kept[field] == good[field], field
    assert kept["goals"] == "g" * state.MAX_GOALS
    assert kept["appointment"]["date"] == good["appointment"]["date"]
    assert kept["appointment"]["doctor"] == ""
    assert sorted(problems) == sorted([
        problem(data, "done_unknown", 2),
        problem(data, "done_bad"),
        problem(data, "stage_unknown_item"),
        problem(data, "stage_bad"),
        problem(data, "markup"),
        problem(data, "custom_bad"),
        problem(data, "question_bad"),
        problem(data, "text_long"),
        problem(data, "appointment_bad"),
    ])


def test_clean_state_cuts_long_text_and_extra_entries(data):
    """Over-long text is cut short and lists over the cap keep their first entries."""
    raw = state.new_state()
    extra = 5
    raw["custom"] = [{"id": "c" + str(n), "text": "t" * 900, "done": False}
                     for n in range(1, state.MAX_CUSTOM + extra + 1)]
    raw["next_id"] = state.MAX_CUSTOM + extra + 1
    kept, problems = clean_said(data, raw)
    assert len(kept["custom"]) == state.MAX_CUSTOM
    assert all(len(entry["text"]) == state.MAX_TEXT for entry in kept["custom"])
    assert problem(data, "custom_too_many", extra) in problems
    assert str(state.MAX_CUSTOM) in problem(data, "custom_too_many", extra)
    assert problem(data, "text_long", state.MAX_CUSTOM) in problems


def test_clean_state_repairs_ids_quietly(data):
    """Duplicate or damaged ids get fresh ones, and next_id moves past every id in use; nothing to tell."""
    raw = state.new_state()
    raw["custom"] = [{"id": "c5", "text": "a", "done": False}, {"id": "c5", "text": "b", "done": True}]
    raw["questions"] = [{"id": "nonsense", "text": "c?", "from": "gone"}]
    raw["next_id"] = 2
    kept, problems = clean_said(data, raw)
    assert problems == []
    assert [entry["id"] for entry in kept["custom"] + kept["questions"]] == ["c5", "c6", "q7"]
    assert kept["next_id"] == 8 and kept["questions"][0]["from"] == ""


def test_clean_state_does_not_change_its_input(data):
    """Reading leaves the raw data as it was."""
    raw = examples.rich_checklist(data)
    raw["custom"].append({"id": "c1", "text": "dup", "done": 3})
    before = json.dumps(raw, sort_keys=True)
    clean_said(data, raw)
    assert json.dumps(raw, sort_keys=True) == before


def test_clean_state_follows_the_words(data, monkeypatch):
    """The sentences are saved.json's: change them and the message changes."""
    words = examples.copy_data(datafiles.load(saved.WORDS_FILE))
    words["words"]["problems"]["done_unknown"] = ["one {n} gone", "{n} gone"]
    monkeypatch.setitem(datafiles._cache, saved.WORDS_FILE, words)
    raw = examples.rich_checklist(data)
    raw["done"]["gone"] = True
    assert clean_said(data, raw)[1] == ["one 1 gone"]


