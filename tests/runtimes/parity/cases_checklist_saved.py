"""Parity cases for the checklist's saved form: sog.checklist.saved and validate."""

import json

from sog import jsondata, keep, storage
from sog.checklist import saved, view
from sog.checklist import state as ck_state
from sog.screener import saved as screener_saved

from tests.runtimes.parity.cases_checklist import (
    CHECKLIST,
    CK_KIND,
    CK_RECORD,
    CK_TASK,
    ck_build,
    ck_digest,
    ck_filled,
    ck_rich,
)
from tests.runtimes.parity.cases_screener import all_answered
from tests.runtimes.parity.cases_storage import GOOD, envelope_text
from tests.runtimes.parity.harness import Raw, canon, case, case_raises, dumps
from tests.support.changes import remove_in, set_in
from tests.support.examples import MARKUP_PLACES, MARKUP_TEXTS
from tests.support.fake_storage import MemoryStorage

# Any JSON value, as the unit tests' JSON_JUNK.
CK_JUNK = [None, True, 0, -1, 2.5, "", "text", "<b>x</b>", [], [1, "a"], {}, {"a": None}, "x" * 300000]

CK_V1 = {
    "ticked": [CK_TASK, "release_form"],
    "stages": {CK_RECORD: "sent"},
    "custom": ["Find parking", "Ask Sam"],
    "appointment": {"doctor": "Dr. Lee", "phone": "", "date": "2026-12-01", "time": "09:30",
                    "companion": "Sam"},
    "questions": ["How sure are you?", "What if I wait?"],
    "goals": "Keep gardening.",
}


def ck_with(value, **fields):
    """A copy of value (a dict) with fields replaced."""
    result = jsondata.copy(value)
    for key in fields:
        result[key] = fields[key]
    return result


def ck_envelope(data, version=2, kind=CK_KIND, app=storage.APP, saved_at=5):
    """A checklist envelope as text, the same in every runtime (see envelope_text)."""
    return dumps({"app": app, "kind": kind, "version": version, "saved_at": saved_at, "data": data})


def ck_clean_state(raw):
    """clean, its issues in the visitor's words: (state, problems)."""
    state, issues = saved.clean(raw)
    return state, saved.problems(issues)


def ck_clean(raw):
    """clean, and whether it left its input alone."""
    before = dumps(canon(raw))
    state, problems = ck_clean_state(raw)
    return {"state": state, "problems": problems, "input_unchanged": dumps(canon(raw)) == before}


def ck_clean_brief(raw):
    """clean of a large raw state, in brief."""
    state, problems = ck_clean_state(raw)
    return {"problems": problems, "custom": len(state["custom"]), "questions": len(state["questions"]),
            "lengths": sorted(set([len(entry["text"]) for entry in state["custom"] + state["questions"]])),
            "goals": len(state["goals"]), "next_id": state["next_id"], "digest": ck_digest(state)}


def ck_from_storage(text):
    """Saved text read as the widget does: storage.unwrap with the migrations, then clean."""
    loaded, saved_at, notice = storage.unwrap(
        CK_KIND, saved.VERSION, text, saved.MIGRATIONS)
    return {"notice": notice, "saved_at": saved_at, "clean": ck_clean_state(loaded)}


def ck_junk_inside(junk):
    raw = ck_rich()
    raw["done"]["x"] = junk
    raw["done"][CK_TASK] = junk
    raw["stages"][CK_RECORD] = junk
    raw["custom"].append(junk)
    raw["custom"].append({"id": junk, "text": "kept", "done": junk})
    raw["questions"].append(junk)
    raw["questions"].append({"id": junk, "text": "kept?", "from": junk})
    raw["appointment"]["phone"] = junk
    return ck_clean(raw)


def ck_good_parts_and_junk():
    """The unit tests' scenario: every kind of loss at once."""
    raw = ck_rich()
    raw["done"]["gone_one"] = True
    raw["done"]["gone_two"] = True
    raw["done"]["release_form"] = "yes"
    raw["stages"]["gone_record"] = "sent"
    raw["stages"]["primary_care_note"] = "lost"
    raw["custom"].append({"id": "c40", "text": "<script>x</script>", "done": False})
    raw["custom"].append(42)
    raw["questions"].append({"id": "q41", "text": "   ", "from": ""})
    raw["goals"] = "g" * (ck_state.MAX_GOALS + 10)
    raw["appointment"]["doctor"] = 12
    return ck_clean(raw)


def ck_entries(prefix, count, text, extra=None):
    entries = []
    for number in range(1, count + 1):
        entry = {"id": prefix + str(number), "text": text}
        if prefix == "c":
            entry["done"] = number % 2 == 0
        else:
            entry["from"] = ""
        entries.append(entry)
    return entries


def add_clean_cases():
    new = ck_state.new_state()
    for name, raw in [("none", None), ("list_empty", []), ("list", [1, 2]), ("string", "text"), ("int", 5),
                      ("true", True), ("float", 2.5), ("empty_dict", {}), ("new_state", new),
                      ("rich", ck_rich()),
                      ("filled", ck_filled()), ("unknown_field", ck_with(new, extra=1, other=[1])),
                      ("only_unknown_fields", {"a": 1, "b": 2})]:
        case("checklist.saved.clean_state." + name, ck_clean, raw)
    for field in ck_state.FIELDS:
        for index, junk in enumerate(CK_JUNK):
            case("checklist.saved.clean_state.field_junk.%s.%02d" % (field, index),
                 ck_clean, ck_with(ck_rich(), **{field: junk}))
        raw = ck_rich()
        raw.pop(field)
        case("checklist.saved.clean_state.missing." + field, ck_clean, raw)
    for index, junk in enumerate(CK_JUNK[:-1]):
        case("checklist.saved.clean_state.junk_inside_%02d" % index, ck_junk_inside, junk)
    case("checklist.saved.clean_state.good_parts_and_junk", ck_good_parts_and_junk)

    # Oversized text and lists.
    long_text = "t" * 900
    case("checklist.saved.clean_state.too_many_long_custom", ck_clean_brief,
         ck_with(new, custom=ck_entries("c", 105, long_text), next_id=106))
    case("checklist.saved.clean_state.too_many_long_questions", ck_clean_brief,
         ck_with(new, questions=ck_entries("q", 105, " " + long_text + " "), next_id=106))
    case("checklist.saved.clean_state.long_non_ascii", ck_clean_brief,
         ck_with(new, custom=ck_entries("c", 3, "\u00e9\U0001F600" * 400), goals="\u4e2d" * 5000, next_id=4))
    case("checklist.saved.clean_state.long_appointment", ck_clean,
         ck_with(new, appointment={"doctor": "d" * 201, "phone": " " * 300 + "5", "date": "x" * 199 + " y",
                                   "time": "", "companion": "\u00e9" * 250}))
    case("checklist.saved.clean_state.huge_lists", ck_clean_brief,
         ck_with(new, custom=[7] * 5000, questions=[{"id": "q1"}] * 5000))

    # Ids and next_id.
    custom = [{"id": "c5", "text": "a", "done": False}, {"id": "c5", "text": "b", "done": True}]
    case("checklist.saved.clean_state.ids_repaired", ck_clean, ck_with(
        new, custom=custom, questions=[{"id": "nonsense", "text": "c?", "from": "gone"}], next_id=2))
    odd_ids = ["c0", "c01", "c1234567890", "c123456789", "q3", "c\u0663", "c-1", "c 2", "C4", "", None, 7,
               ["c8"], "c9"]
    case("checklist.saved.clean_state.odd_ids", ck_clean, ck_with(
        new, custom=[{"id": value, "text": "item " + str(index), "done": False}
                     for index, value in enumerate(odd_ids)], next_id=10))
    for index, value in enumerate([0, -1, 1, 3, 4, "7", 2.5, 4.0, True, None, [], 10 ** 9 - 1, 10 ** 9,
                                   10 ** 30, -10 ** 30]):
        case("checklist.saved.clean_state.next_id_%02d" % index, ck_clean, ck_with(
            new, custom=[{"id": "c1", "text": "a", "done": False}, {"id": "c3", "text": "b", "done": False}],
            next_id=value))
    case("checklist.saved.clean_state.next_id_top_id", ck_clean, ck_with(
        new, custom=[{"id": "c999999999", "text": "a", "done": False},
                     {"id": "x", "text": "b", "done": False}],
        next_id=5))

    # Keys and values the data does not know.
    case("checklist.saved.clean_state.unknown_ids", ck_clean, ck_with(
        new, done={"nope": True, CK_RECORD: True, CK_TASK: True, "release_form": False, "own_copy": "yes"},
        stages={"nope": "sent", CK_TASK: "sent", CK_RECORD: "lost", "imaging": "", "clinical_summary": None,
                "tissue_blocks": "confirmed"}))
    case("checklist.saved.clean_state.markup_keys_and_values", ck_clean, ck_with(
        new, done={"<b>": True, "javascript:x": True, CK_TASK: True},
        stages={"<i>": "sent", CK_RECORD: "<i>sent</i>", "imaging": "JavaScript:x"},
        appointment={"doctor": "<b>Dr</b>", "phone": "javascript:call()", "date": "", "time": "",
                     "companion": "ok"},
        goals="a\u0000b"))
    case("checklist.saved.clean_state.non_string_keys", ck_clean, ck_with(
        new, done={1: True, None: True, CK_TASK: True}, stages={2: "sent", CK_RECORD: "sent"}))
    case("checklist.saved.clean_state.entries_wrong_shape", ck_clean, ck_with(
        new, custom=[{"text": "no id"}, {"id": "c1", "text": "extra", "done": False, "more": 1},
                     {"id": "c2", "text": ["x"], "done": False}, {"id": "c3", "text": "done 1", "done": 1},
                     {"id": "c4", "text": "done null", "done": None}, "plain string"],
        questions=[{"text": "no id?"}, {"id": "q5", "text": "from known", "from": "benefits"},
                   {"id": "q6", "text": "from junk", "from": 5},
                   {"id": "q7", "text": "from markup", "from": "<b>"},
                   {"id": "q8", "text": "", "from": ""}], next_id=9))
    case("checklist.saved.clean_state.appointment_wrong_shape", ck_clean, ck_with(
        new, appointment={"doctor": "Dr. A", "email": "a@b.c", 3: "x"}))

    # v1 data (development-era) through storage.unwrap with model.MIGRATIONS.
    v1_cases = [
        ("full", CK_V1),
        ("removed_item", ck_with(CK_V1, ticked=[CK_TASK, "gone_item"])),
        ("junk_parts", {"ticked": "x", "custom": ["fine", 7], "questions": {"a": 1}, "goals": "Rest."}),
        ("ticked_non_strings", ck_with(CK_V1, ticked=[1, None, CK_TASK, ["x"], CK_RECORD])),
        ("custom_markup", ck_with(CK_V1, custom=["<b>x</b>", "ok", ""], questions=["javascript:x", "fine?"])),
        ("appointment_list", ck_with(CK_V1, appointment=["Dr. Lee"])),
        ("empty_dict", {}),
        ("unknown_fields", ck_with(CK_V1, extra=True)),
        ("none", None), ("list", []), ("string", "text"), ("number", 4),
    ]
    for name, old in v1_cases:
        case("checklist.saved.v1_from_storage." + name, ck_from_storage, ck_envelope(old, version=1))
    case("checklist.saved.v2_from_storage.rich", ck_from_storage, ck_envelope(ck_rich()))
    case("checklist.saved.v3_from_storage.newer", ck_from_storage, ck_envelope(ck_rich(), version=3))
    case("checklist.saved.v0_from_storage.old", ck_from_storage, ck_envelope(ck_rich(), version=0))
    case("checklist.saved.from_storage.corrupt", ck_from_storage, "{broken")
    case("checklist.saved.from_storage.none", ck_from_storage, None)
    case("checklist.saved.from_v1.direct", saved.from_v1, CK_V1)
    for name, old in [("none", None), ("list", []), ("string", "x")]:
        case_raises("checklist.saved.from_v1.not_dict_" + name, "ValueError", saved.from_v1, old)


# ---- export_text and import_text (strict) ----------------------------------------

def ck_import(text):
    """import_text's outcome: refused or not, the message, and the checklist (in brief if large)."""
    loaded, message = keep.import_text(text)
    state = None if loaded is None else loaded.get(saved.KIND)
    if state is not None and len(dumps(canon(state))) > 5000:
        state = ck_digest(state)
    return {"refused": state is None, "message": message, "state": state}


def ck_round_trip(state, exported_at_ms):
    """export_text, read back: the export compared parsed (MicroPython's
    json.dumps escapes and orders keys differently), then import_text."""
    text = keep.export_text(MemoryStorage(), exported_at_ms, {saved.KIND: state})
    envelope = canon(json.loads(text))
    loaded, message = keep.import_text(text)
    state_back = None if loaded is None else loaded.get(saved.KIND)
    same = state_back == state
    if len(dumps(envelope)) > 5000:
        envelope = ck_digest(envelope)
        state_back = ck_digest(state_back)
    return {"envelope": envelope, "imported": state_back, "message": message, "same": same}


def ck_file(change, version=2):
    """The file of the rich state, with one change made to its data."""
    data = ck_rich()
    change(data)
    return ck_envelope(data, version=version, saved_at=1764000000000)


CK_GOOD_FILE = ck_file(lambda data: None)


def ck_padded(text, size):
    """JSON text padded with spaces to exactly size characters."""
    return text[:-1] + " " * (size - len(text)) + "}"


def ck_raw_emoji(text):
    """Text with every escaped U+1F600 written as the character itself (as
    MicroPython's json.dumps writes it)."""
    return text.replace("\\ud83d\\ude00", "\U0001F600")




def add_import_cases():
    # Round trips through a file.
    non_ascii = ck_build([("custom", "caf\u00e9 \u4e2d\u6587 \U0001F600"),
                          ("question", "\u00bfQu\u00e9 tal?"),
                          ("goals", "\u202eright-to-left\u202c and \u2028 line"),
                          ("appointment", "doctor", "Dr. \u00d8stergaard")])
    control = ck_build([("custom", "a\tb\nc\x01d\x7fe"), ("question", 'quote " and back\\slash'),
                        ("goals", "line one\nline two")])
    biggest = ck_state.new_state()
    biggest["custom"] = ck_entries("c", ck_state.MAX_CUSTOM, "x" * ck_state.MAX_TEXT)
    biggest["questions"] = [{"id": "q" + str(number), "text": "y" * ck_state.MAX_TEXT, "from": ""}
                            for number in range(101, 101 + ck_state.MAX_QUESTIONS)]
    biggest["goals"] = "g" * ck_state.MAX_GOALS
    for field in ck_state.APPOINTMENT_FIELDS:
        biggest["appointment"][field] = "a" * ck_state.MAX_FIELD
    biggest["next_id"] = 201
    trips = [("new", ck_state.new_state(), 0), ("rich", ck_rich(), 1764000000000),
             ("filled", ck_filled(), 10 ** 15), ("non_ascii", non_ascii, 1), ("control", control, 2),
             ("biggest", biggest, 3),
             ("cleaned_junk", ck_clean_state(ck_with(
                 ck_rich(), custom=[7, {"id": "c1", "text": "dup", "done": 3}], next_id="x"))[0], 4),
             ("from_v1", ck_from_storage(ck_envelope(CK_V1, version=1))["clean"][0], 5)]
    for name, state, exported_at in trips:
        case("checklist.round_trip." + name, ck_round_trip, state, exported_at)
    # Non-ASCII text near the size limit: CPython's json.dumps escapes each
    # character as 6, so its export is too large to import; see KNOWN_DIFFERENCES.
    near_limit = ck_state.new_state()
    near_limit["custom"] = ck_entries("c", ck_state.MAX_CUSTOM, "\u00e9" * ck_state.MAX_TEXT)
    near_limit["next_id"] = 101
    case("checklist.round_trip.quirk_non_ascii_near_limit", ck_round_trip, near_limit, 6)

    # Files that import, and files refused whole.
    accepted = [
        ("good", CK_GOOD_FILE),
        ("v1", ck_envelope(CK_V1, version=1)),
        ("legal_angle_brackets_trimmed", ck_file(set_in(["goals"], "  Keep pain < 3 out of 10  "))),
        ("text_at_limits", ck_file(lambda data: [
            set_in(["custom", 0, "text"], "x" * ck_state.MAX_TEXT)(data),
            set_in(["questions", 0, "text"], "y" * ck_state.MAX_TEXT)(data),
            set_in(["goals"], "g" * ck_state.MAX_GOALS)(data),
            set_in(["appointment", "doctor"], "d" * ck_state.MAX_FIELD)(data)])),
        ("padded_to_max", ck_padded(CK_GOOD_FILE, storage.MAX_CHARS)),
        ("saved_at_string", ck_envelope(ck_rich(), saved_at="yesterday")),
        ("non_ascii_escaped", ck_file(set_in(["goals"], "caf\u00e9 \u4e2d\u6587"))),
        ("emoji_raw_goals", ck_raw_emoji(ck_file(set_in(["goals"], "\U0001F600 ok")))),
        ("emoji_raw_long_text", ck_raw_emoji(ck_file(set_in(["custom", 0, "text"], "\U0001F600" * 300)))),
        ("micropython_key_order", '{"data": {"next_id": 1, "goals": "", "questions": [], "show_all": false, '
                                  '"custom": [], "stages": {}, "done": {}, "appointment": {"time": "", '
                                  '"phone": "", "doctor": "", "date": "", "companion": ""}}, "kind": '
                                  '"checklist", "version": 2, "saved_at": 1, "app": "second-opinion-guide"}'),
        ("empty_stage_ignored", ck_file(set_in(["stages", "imaging"], ""))),
        ("ticked_false_ignored", ck_file(set_in(["done", "own_copy"], False))),
    ]
    for name, text in accepted:
        case("checklist.import_text." + name, ck_import, text)

    too_many_custom = [{"id": "c" + str(n), "text": "x", "done": False} for n in range(100, 201)]
    too_many_questions = [{"id": "q" + str(n), "text": "x", "from": ""} for n in range(100, 201)]
    refused = [
        ("not_text_none", None), ("not_text_bytes", b"{}"), ("not_text_int", 5), ("not_text_list", ["{}"]),
        ("empty", ""), ("whitespace", "  \n\t\r "), ("nbsp_only", "\u00a0"),
        ("huge_spaces", " " * (storage.MAX_CHARS + 1)), ("huge_text", "x" * (storage.MAX_CHARS + 1)),
        ("padded_over_max", ck_padded(CK_GOOD_FILE, storage.MAX_CHARS + 1)),
        ("damaged", CK_GOOD_FILE[:-3]), ("not_json", "{not json"), ("garbage", "not json at all"),
        ("bom_prefix", "\ufeff" + CK_GOOD_FILE), ("two_documents", CK_GOOD_FILE + " " + CK_GOOD_FILE),
        ("plain_json_list", "[1, 2, 3]"), ("json_null", "null"), ("json_string", '"checklist"'),
        ("json_number", "12"),
        ("deep_nesting_200", "[" * 200 + "]" * 200),
        ("deep_nesting_in_data_40", ck_envelope(None).replace("null", "[" * 40 + "]" * 40)),
        ("deep_nesting_in_field_40", ck_file(set_in(["goals"], None)).replace(
            '"goals":null', '"goals":' + "[" * 40 + "]" * 40)),
        ("unclosed_deep_3000", "[" * 3000),
        ("other_app", ck_envelope(ck_rich(), app="another-app")),
        ("app_missing", dumps({"kind": CK_KIND, "version": 2, "saved_at": 1, "data": ck_rich()})),
        ("screener_file", ck_envelope({"answers": {}, "show_result": False}, kind="screener", version=1)),
        ("newer_version", ck_envelope(ck_rich(), version=3)),
        ("huge_version", ck_envelope(ck_rich(), version=10 ** 30)),
        ("version_0", ck_envelope(ck_rich(), version=0)),
        ("version_string", ck_envelope(ck_rich(), version="2")),
        ("version_true", ck_envelope(ck_rich(), version=True)),
        ("version_float", ck_envelope(ck_rich(), version=Raw("2.0"))),
        ("null_data", ck_envelope(None)), ("list_data", ck_envelope([])), ("string_data", ck_envelope("x")),
        ("empty_data", ck_envelope({})),
        ("v1_null", ck_envelope(None, version=1)), ("v1_list", ck_envelope([], version=1)),
        ("v1_removed_item", ck_envelope(ck_with(CK_V1, ticked=[CK_TASK, "gone_item"]), version=1)),
        ("v1_markup", ck_envelope(ck_with(CK_V1, custom=["<b>x</b>"]), version=1)),
        ("unknown_field", ck_file(set_in(["extra"], 1))),
        ("done_wrong_type", ck_file(set_in(["done"], [CK_TASK]))),
        ("done_not_true", ck_file(set_in(["done", CK_TASK], "yes"))),
        ("done_one", ck_file(set_in(["done", CK_TASK], 1))),
        ("unknown_item_id", ck_file(set_in(["done", "not_an_item"], True))),
        ("record_in_done", ck_file(set_in(["done", CK_RECORD], True))),
        ("unknown_stage", ck_file(set_in(["stages", CK_RECORD], "lost"))),
        ("stage_on_a_task", ck_file(set_in(["stages", CK_TASK], "sent"))),
        ("stages_wrong_type", ck_file(set_in(["stages"], []))),
        ("custom_not_a_list", ck_file(set_in(["custom"], {}))),
        ("custom_entry_string", ck_file(set_in(["custom", 0], "plain"))),
        ("custom_done_not_bool", ck_file(set_in(["custom", 0, "done"], 1))),
        ("custom_empty_text", ck_file(set_in(["custom", 0, "text"], " "))),
        ("custom_text_not_string", ck_file(set_in(["custom", 0, "text"], 5))),
        ("custom_bad_id", ck_file(set_in(["custom", 0, "id"], "x1"))),
        ("custom_leading_zero_id", ck_file(set_in(["custom", 0, "id"], "c01"))),
        ("custom_duplicate_id", ck_file(set_in(["custom", 1, "id"], "c1"))),
        ("custom_missing_done", ck_file(remove_in(["custom", 0, "done"]))),
        ("question_unknown_origin", ck_file(set_in(["questions", 0, "from"], "gone"))),
        ("question_origin_not_string", ck_file(set_in(["questions", 0, "from"], 5))),
        ("question_extra_key", ck_file(set_in(["questions", 0, "extra"], ""))),
        ("question_missing_from", ck_file(remove_in(["questions", 0, "from"]))),
        ("show_all_not_bool", ck_file(set_in(["show_all"], "yes"))),
        ("next_id_too_low", ck_file(set_in(["next_id"], 1))),
        ("next_id_not_int", ck_file(set_in(["next_id"], "7"))),
        ("next_id_float", ck_file(set_in(["next_id"], Raw("9.0")))),
        ("next_id_huge", ck_file(set_in(["next_id"], 10 ** 30))),
        ("appointment_unknown_field", ck_file(set_in(["appointment", "email"], "a@b.c"))),
        ("appointment_not_text", ck_file(set_in(["appointment", "phone"], 5550100))),
        ("appointment_missing_field", ck_file(remove_in(["appointment", "time"]))),
        ("appointment_wrong_type", ck_file(set_in(["appointment"], "Dr. Lee"))),
        ("goals_not_text", ck_file(set_in(["goals"], ["a"]))),
        ("too_many_custom", ck_file(set_in(["custom"], too_many_custom))),
        ("too_many_questions", ck_file(set_in(["questions"], too_many_questions))),
        ("long_custom", ck_file(set_in(["custom", 0, "text"], "x" * (ck_state.MAX_TEXT + 1)))),
        ("long_question", ck_file(set_in(["questions", 0, "text"], "x" * (ck_state.MAX_TEXT + 1)))),
        ("long_goals", ck_file(set_in(["goals"], "x" * (ck_state.MAX_GOALS + 1)))),
        ("long_appointment", ck_file(set_in(["appointment", "doctor"],
                                               "x" * (ck_state.MAX_FIELD + 1)))),
        ("long_non_ascii_raw", ck_raw_emoji(ck_file(set_in(["custom", 0, "text"], "\U0001F600" * 501)))),
    ]
    for field in ck_state.FIELDS:
        refused.append(("missing_" + field, ck_file(remove_in([field]))))
    for name, text in refused:
        case("checklist.import_text." + name, ck_import, text)
    for place_name, place in MARKUP_PLACES:
        for value_name, value in MARKUP_TEXTS:
            case("checklist.import_text.markup." + place_name + "." + value_name, ck_import,
                 ck_file(place(value)))

    # The runtimes' json modules read these differently; see KNOWN_DIFFERENCES.
    case("checklist.import_text.quirk_trailing_comma", ck_import, CK_GOOD_FILE[:-1] + ",}")
    case("checklist.import_text.quirk_deep_nesting_3000", ck_import, "[" * 3000 + "]" * 3000)
    case("checklist.import_text.quirk_emoji_escape_goals", ck_import,
         ck_file(set_in(["goals"], "\U0001F600 ok")))
    case("checklist.import_text.quirk_emoji_escape_long_text", ck_import,
         ck_file(set_in(["custom", 0, "text"], "\U0001F600" * 300)))

    # The screener's saved answers, as the checklist reads them.
    answers_texts = [
        ("good", envelope_text(data={"answers": {"biopsy": "yes", "breast": "yes", "medicare": "no"},
                                     "show_result": True})),
        ("all_yes", envelope_text(data={"answers": all_answered("yes"), "show_result": False})),
        ("junk_answers", envelope_text(data={"answers": {"biopsy": "si", "gone": "yes",
                                                         "medicare": "yes", "older_adult": None}})),
        ("answers_list", envelope_text(data={"answers": ["biopsy", "yes"]})),
        ("data_list", envelope_text(data=[1])), ("data_null", envelope_text(data=None)),
        ("corrupt", "{broken"), ("truncated", GOOD[:-5]),
        ("newer", envelope_text(version=2, data={"answers": {"medicare": "yes"}})),
        ("old", envelope_text(version=0, data={"answers": {"medicare": "yes"}})),
        ("wrong_kind", envelope_text(kind="checklist", data={"answers": {"medicare": "yes"}})),
        ("too_large", "x" * (storage.MAX_CHARS + 1)), ("deep", "[" * 3000),
        ("none", None), ("empty", ""), ("non_string", 5),
    ]
    for name, text in answers_texts:
        case("screener.saved.answers_from_text." + name, screener_saved.answers_from_text, text)
        case("checklist.saved.tailor.from_saved." + name,
             lambda text: view.tailor(CHECKLIST, screener_saved.answers_from_text(text)), text)




def add_cases():
    add_clean_cases()
    add_import_cases()
