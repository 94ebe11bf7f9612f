"""Unit tests for sog/keep.py: "keep my work", the guide's file, and
"Clear everything".

Tested here:
- the parts are found from the widgets' manifests: every widget with a
  "saved" module, in name order; the file holds those marked "in_file";
  the sentences that list them come from each part's saved.json.
- export then import gives the same checklist; the file is labelled and
  holds each part in its own envelope; files of versions 1 and 2 (the
  checklist alone) still load.
- import_text is strict: a bad file is refused whole, with one sentence from
  the words (words.json's "keep", a part's saved.json refusals); everyday
  text with "<" is accepted.
- parts: an unknown, newer, older or malformed part refuses the file; parts a
  file does not hold are left alone; save_all and clear_all reach every part.
"""

import json
from pathlib import Path

import pytest
from sog import datafiles, keep, storage
from sog.checklist import saved, state
from sog.markup import fill

from tests.support import examples
from tests.support.changes import set_in
from tests.support.fake_storage import MemoryStorage, SafeStorage

CORE_RECORD = examples.RECORD
V1 = examples.V1_CHECKLIST
expected_from_v1 = examples.v1_checklist_as_v2
TASK = examples.TASK


def envelope_text(data, version=saved.VERSION, kind=saved.KIND, app=storage.APP):
    """A file as version 2 wrote it: the checklist's storage envelope."""
    return json.dumps({"app": app, "kind": kind, "version": version, "saved_at": 5, "data": data})


def export_checklist(checklist, exported_at_ms):
    """The file of a browser holding only this checklist."""
    return keep.export_text(MemoryStorage(), exported_at_ms, {saved.KIND: checklist})


def import_checklist(text):
    """import_text, for the checklist part: (state, None) or (None, message)."""
    loaded, message = keep.import_text(text)
    return (None if loaded is None else loaded.get(saved.KIND)), message


LOAD = datafiles.load("words.json")["keep"]
SAVED_WORDS = datafiles.load(saved.WORDS_FILE)["words"]
PACKAGE = Path(datafiles.FOLDER)


def refusal(data, code):
    """The sentence for a file refused for one reason of the checklist's (saved.json)."""
    cap = state.MAX_CUSTOM if code == "custom_too_many" else state.MAX_QUESTIONS
    return fill(LOAD["failed"], {"reason": fill(SAVED_WORDS["refusals"][code], {"cap": cap})})


@pytest.fixture
def data():
    """The checklist data (items.json): a copy a test may change."""
    return examples.checklist_data()


def file_kinds():
    return [part["saved"].KIND for part in keep.file_parts()]


# ---- the parts, from the manifests ---------------------------------------------------


def test_the_parts_are_the_widgets_whose_manifest_names_saved_work():
    """Every widget.json with "saved" is a part, in name order; nothing else is."""
    expected = []
    for manifest in sorted(PACKAGE.glob("*/widget.json")):
        saved_part = json.loads(manifest.read_text(encoding="utf-8")).get("saved")
        if saved_part:
            expected.append((manifest.parent.name, saved_part.get("in_file") is True))
    assert [(part["name"], part["in_file"]) for part in keep.parts()] == expected
    assert [part["name"] for part in keep.file_parts()] == [name for name, in_file in expected if in_file]
    for part in keep.parts():
        module = part["saved"]
        assert module.__name__ == "sog." + part["name"] + ".saved"
        for name in ("KIND", "VERSION", "MIGRATIONS", "open_store", "clean", "problems"):
            assert hasattr(module, name), (part["name"], name)
        if part["in_file"]:
            assert callable(module.check)
    assert len(set(file_kinds())) == len(file_kinds())


def test_the_sentences_that_list_the_parts_come_from_the_parts():
    """Each part names itself in its saved.json; the lists join those names
    with words.json's list words."""
    names = [part["words"]["name"] for part in keep.file_parts()]
    assert keep.saved_names() == ", ".join(names[:-1]) + " and " + names[-1]
    cleared = [part["words"].get("cleared", part["words"]["name"]) for part in keep.parts()]
    assert keep.cleared_names() == ", ".join(cleared[:-1]) + " and " + cleared[-1]
    assert keep.listed([]) == "" and keep.listed(["a"]) == "a" and keep.listed(["a", "b"]) == "a and b"


def test_export_then_import_gives_the_same_state(data):
    """A file the page writes, the page reads back exactly."""
    checklist = examples.rich_checklist(data)
    text = export_checklist(checklist, 1764000000000)
    envelope = json.loads(text)
    assert (envelope["app"], envelope["kind"], envelope["version"]) == (storage.APP, keep.KIND, keep.VERSION)
    assert envelope["saved_at"] == 1764000000000
    assert import_checklist(text) == (checklist, None)


@pytest.mark.parametrize("make", [lambda data: state.new_state(), examples.filled_checklist], ids=["new", "filled"])
def test_export_of_other_checklists_imports(data, make):
    """Even an empty checklist survives the round trip."""
    checklist = make(data)
    assert import_checklist(export_checklist(checklist, 0)) == (checklist, None)




def test_v1_file_imports(data):
    """A v1 file goes through the migration, then the strict checks."""
    assert import_checklist(envelope_text(V1, version=1)) == (expected_from_v1(), None)




# ---- import_text: strict -------------------------------------------------------


def exported(data, change):
    """The export of a good state, with one change made to its data."""
    envelope = json.loads(export_checklist(examples.rich_checklist(data), 1))
    change(envelope["data"][saved.KIND]["data"])
    return json.dumps(envelope)




REFUSED = [
    ("not text", lambda data: None),
    ("bytes", lambda data: b"{}"),
    ("empty", lambda data: ""),
    ("huge", lambda data: " " * (storage.MAX_CHARS + 1)),
    ("damaged json", lambda data: export_checklist(examples.rich_checklist(data), 1)[:-3]),
    ("plain json", lambda data: "[1, 2, 3]"),
    ("deep nesting", lambda data: "[" * 100000 + "]" * 100000),
    ("deep nesting in data", lambda data: envelope_text(None).replace("null", "[" * 50000 + "]" * 50000)),
    ("other app", lambda data: envelope_text(examples.rich_checklist(data), app="another-app")),
    ("screener file", lambda data: envelope_text({"answers": {}, "show_result": False}, kind="screener")),
    ("newer version", lambda data: envelope_text(examples.rich_checklist(data), version=keep.VERSION + 1)),
    ("version 0", lambda data: envelope_text(examples.rich_checklist(data), version=0)),
    ("null data", lambda data: envelope_text(None)),
    ("list data", lambda data: envelope_text([])),
    ("unknown field", lambda data: exported(data, set_in(["extra"], 1))),
    ("missing field", lambda data: exported(data, lambda checklist: checklist.pop("goals"))),
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
        ["custom"], [{"id": "c" + str(n), "text": "x", "done": False}
                     for n in range(100, 100 + state.MAX_CUSTOM + 1)]))),
    ("too many questions", lambda data: exported(data, set_in(
        ["questions"], [{"id": "q" + str(n), "text": "x", "from": ""}
                        for n in range(100, 100 + state.MAX_QUESTIONS + 1)]))),
    ("long custom", lambda data: exported(data, set_in(["custom", 0, "text"], "x" * (state.MAX_TEXT + 1)))),
    ("long question", lambda data: exported(
        data, set_in(["questions", 0, "text"], "x" * (state.MAX_TEXT + 1)))),
    ("long goals", lambda data: exported(data, set_in(["goals"], "x" * (state.MAX_GOALS + 1)))),
    ("long appointment", lambda data: exported(
        data, set_in(["appointment", "doctor"], "x" * (state.MAX_FIELD + 1)))),
]



def all_messages(data):
    """Every sentence import_text may refuse a file with."""
    found = {LOAD[name] for name in ("not_text", "too_large", "empty", "damaged", "corrupt", "newer", "old")}
    return found | {refusal(data, code) for code in SAVED_WORDS["refusals"]} | {keep.refused(LOAD["part_bad"])}


def assert_refused(data, result):
    refused_state, message = result
    assert refused_state is None
    assert message in all_messages(data)


@pytest.mark.parametrize("make", [make for _, make in REFUSED], ids=[name for name, _ in REFUSED])
def test_import_refuses_bad_files_whole(data, make):
    """Any problem refuses the whole file: no state, one sentence from the words."""
    assert_refused(data, import_checklist(make(data)))


@pytest.mark.parametrize(
    "place", [change for _, change in examples.MARKUP_PLACES], ids=[name for name, _ in examples.MARKUP_PLACES]
)
@pytest.mark.parametrize(
    "value", [text for _, text in examples.MARKUP_TEXTS], ids=[kind for kind, _ in examples.MARKUP_TEXTS]
)
def test_import_refuses_markup_anywhere(data, place, value):
    """Text that looks like markup or a script link is refused in every kind of field."""
    assert_refused(data, import_checklist(exported(data, place(value))))


@pytest.mark.parametrize(
    "make, words",
    [
        pytest.param(lambda data: None, ["load", "not_text"], id="not-text"),
        pytest.param(lambda data: "   \n", ["load", "empty"], id="blank"),
        pytest.param(lambda data: "{not json", ["load", "damaged"], id="damaged"),
        pytest.param(lambda data: "[" * 100000, ["load", "damaged"], id="deep"),
        pytest.param(lambda data: envelope_text({}, kind="screener"), ["load", "corrupt"], id="not-ours"),
        pytest.param(lambda data: envelope_text({}, version=keep.VERSION + 1), ["load", "newer"], id="newer"),
        pytest.param(lambda data: envelope_text({}, version=0), ["load", "old"], id="old"),
        pytest.param(lambda data: "x" * (storage.MAX_CHARS + 1), ["load", "too_large"], id="huge"),
        pytest.param(lambda data: exported(data, set_in(["goals"], "<b>hi</b>")), "markup", id="markup"),
        pytest.param(lambda data: exported(data, set_in(["done", "gone"], True)), "done_unknown", id="unknown-id"),
        pytest.param(lambda data: envelope_text(None), "unreadable", id="null-data"),
        pytest.param(lambda data: envelope_text([]), "unreadable", id="list-data"),
        pytest.param(lambda data: exported(data, set_in(["custom"], [
            {"id": "c" + str(n), "text": "x", "done": False} for n in range(1, state.MAX_CUSTOM + 2)])),
            "custom_too_many", id="too-many-own"),
    ],
)
def test_import_messages_say_what_is_wrong(data, make, words):
    """Each refusal is its own sentence from the words: a load message, or
    the "could not load" sentence with the first reason found."""
    expected = LOAD[words[1]] if isinstance(words, list) else refusal(data, words)
    assert import_checklist(make(data)) == (None, expected)


def test_too_many_own_items_names_the_cap(data):
    """The refusal for too many own items says how many are allowed."""
    assert str(state.MAX_CUSTOM) in refusal(data, "custom_too_many")


def test_refused_fills_in_the_reason(data):
    """refused() puts any reason into the "could not load" sentence."""
    reason = LOAD["too_big_file"]
    assert keep.refused(reason) == fill(LOAD["failed"], {"reason": reason})
    assert reason in keep.refused(reason)
    assert keep.too_big() == keep.refused(reason)


def test_import_accepts_legal_angle_brackets_and_trims(data):
    """Everyday text with "<" that cannot be markup is accepted; outer spaces are trimmed."""
    text = exported(data, set_in(["goals"], "  Keep pain < 3 out of 10  "))
    imported, message = import_checklist(text)
    assert message is None and imported["goals"] == "Keep pain < 3 out of 10"


# ---- parts ------------------------------------------------------------------------


def part_file(parts):
    """A version 3 file holding these parts ({name: {"version", "data"}})."""
    return json.dumps(storage.wrap(keep.KIND, keep.VERSION, parts, 7))


def test_the_file_holds_every_part_in_its_own_envelope(data):
    """Each part is {"version", "data"} under its KIND; the checklist is the current one given."""
    checklist = examples.rich_checklist(data)
    envelope = json.loads(export_checklist(checklist, 3))
    assert sorted(envelope["data"]) == sorted(file_kinds())
    assert envelope["data"][saved.KIND] == {"version": saved.VERSION, "data": checklist}


def test_export_reads_parts_from_storage_when_the_page_gives_none(data):
    """Without current data a part is read from this browser's storage (never set aside)."""
    backend = SafeStorage()
    checklist = examples.filled_checklist(data)
    saved.open_store(backend).save(checklist, 1)
    backend.calls.clear()
    envelope = json.loads(keep.export_text(backend, 9))
    assert envelope["data"][saved.KIND]["data"] == checklist
    assert not any(call.startswith("set ") for call in backend.calls)


@pytest.mark.parametrize(
    "parts, reason",
    [
        pytest.param({"someone_else": {"version": 1, "data": {}}}, "unknown_part", id="unknown-part"),
        pytest.param({saved.KIND: {"version": saved.VERSION + 1, "data": {}}}, "part_newer", id="newer-part"),
        pytest.param({saved.KIND: {"version": 0, "data": {}}}, "part_old", id="old-part"),
        pytest.param({saved.KIND: {"version": "2", "data": {}}}, "part_bad", id="version-not-a-number"),
        pytest.param({saved.KIND: {"data": {}}}, "part_bad", id="no-version"),
        pytest.param({saved.KIND: {"version": 2, "data": {}, "more": 1}}, "part_bad", id="extra-key"),
        pytest.param({saved.KIND: [2, {}]}, "part_bad", id="not-an-envelope"),
    ],
)
def test_a_part_that_does_not_fit_refuses_the_file(data, parts, reason):
    """Any part the guide cannot read refuses the whole file, saying why."""
    assert keep.import_text(part_file(parts)) == (None, keep.refused(LOAD[reason]))


def test_an_empty_file_is_refused(data):
    """A version 3 file with no parts at all holds nothing to load."""
    assert keep.import_text(part_file({})) == (None, keep.refused(LOAD["part_bad"]))


def test_a_part_of_an_older_version_is_brought_up_to_date(data):
    """A part saved in an older format goes through that part's migrations."""
    loaded, message = keep.import_text(part_file({saved.KIND: {"version": 1, "data": V1}}))
    assert message is None and loaded == {saved.KIND: expected_from_v1()}


def test_a_file_saved_before_the_added_parts_loads_whole(data):
    """A file whose checklist has no address, plain title or folded groups
    (saved before they existed, in the same format) loads, nothing lost."""
    checklist = examples.filled_checklist(data)
    old = json.loads(json.dumps(checklist))
    for field in state.ADDED_FIELDS:
        del old[field]
    del old["appointment"]["address"]
    loaded, message = keep.import_text(part_file({saved.KIND: {"version": saved.VERSION, "data": old}}))
    assert message is None
    assert loaded[saved.KIND] == dict(checklist, appointment=dict(checklist["appointment"], address=""),
                                      plain_title=False, open_groups={})


def test_save_all_saves_only_the_parts_the_file_holds(data):
    """Loading a file replaces the parts it holds and leaves the rest alone."""
    backend = SafeStorage({"second-opinion-guide:other": "kept"})
    checklist = examples.rich_checklist(data)
    assert keep.save_all(backend, {saved.KIND: checklist}, 11)
    assert saved.open_store(backend).load()[0] == checklist
    assert keep.save_all(backend, {}, 12)
    assert saved.open_store(backend).load()[0] == checklist
    assert backend.items["second-opinion-guide:other"] == "kept"


def test_clear_all_forgets_every_part(data):
    """Clear everything reaches every part's key (and what was set aside), nothing else."""
    backend = SafeStorage({"unrelated": "x"})
    for part in keep.parts():
        module = part["saved"]
        module.open_store(backend).save({"any": "work"}, 1)
        backend.items[storage.unreadable_key(module.KIND)] = "old"
    assert keep.clear_all(backend)
    assert backend.items == {"unrelated": "x"}
    assert not keep.clear_all(None)
