"""Parity cases for sog.storage."""

import json

from sog import storage
from sog.screener import saved

from tests.runtimes.parity.cases_screener import all_answered
from tests.runtimes.parity.harness import (
    Raw,
    brief,
    canon,
    case,
    describe_text,
    dumps,
    exception_name,
    snapshot,
)
from tests.support.fake_storage import BrokenStorage, MemoryStorage, OddValueStorage, RemoveFails, SetFails

KIND = "screener"
KEY = storage.storage_key(KIND)



_DROP = object()


def envelope_text(**fields):
    """An envelope as JSON text; fields override the good defaults (_DROP removes one).

    Written by dumps() rather than json.dumps, so every runtime builds the
    same text: MicroPython's json.dumps orders keys differently.
    """
    envelope = {"app": storage.APP, "kind": KIND, "version": 1, "saved_at": 1700000000, "data": {"a": 1}}
    for key in fields:
        if fields[key] is _DROP:
            envelope.pop(key)
        else:
            envelope[key] = fields[key]
    return dumps(envelope)


GOOD = envelope_text()
HEAD = '{"app": "second-opinion-guide", "kind": "screener", "version": 1, "saved_at": 5, "data": '


def padded_to(text, size):
    """The JSON text padded with spaces (still valid JSON) to exactly size characters."""
    return text[:-1] + " " * (size - len(text)) + "}"


def upgrade_1_to_2(data):
    return {"answers": data, "v": 2}


def upgrade_2_to_3(data):
    data["v"] = 3
    return data


def broken_upgrade(data):
    raise KeyError("no such field")


MIGRATIONS = {1: upgrade_1_to_2, 2: upgrade_2_to_3}

UNWRAP_CASES = [
    ("none", None),
    ("empty", ""),
    ("good", GOOD),
    ("good_compact",
     '{"app":"second-opinion-guide","kind":"screener","version":1,"saved_at":1,"data":[1,2]}'),
    ("good_null_data", envelope_text(data=None)),
    ("good_unicode_raw", HEAD + '"caf\u00e9 \U0001F600"}'),
    ("good_unicode_escaped", HEAD + '"caf\\u00e9"}'),
    ("good_nested", envelope_text(data={"answers": {"emergency": "no"}, "show_result": True,
                                        "deep": [[[{"x": [None, True, False, 0, -1, "s"]}]]]})),
    ("good_big_int_saved_at", envelope_text(saved_at=10 ** 30)),
    ("good_float_saved_at", envelope_text(saved_at=Raw("1700000000.5"))),
    ("good_negative_saved_at", envelope_text(saved_at=-3)),
    ("good_float_data", HEAD + '[0.5, 1e5, -2.25, 1E2]}'),
    ("saved_at_missing", envelope_text(saved_at=_DROP)),
    ("saved_at_string", envelope_text(saved_at="yesterday")),
    ("saved_at_true", envelope_text(saved_at=True)),
    ("saved_at_null", envelope_text(saved_at=None)),
    ("saved_at_list", envelope_text(saved_at=[1])),
    ("saved_at_huge_float", HEAD.replace('"saved_at": 5', '"saved_at": 1e400') + "1}"),
    ("data_missing", envelope_text(data=_DROP)),
    ("version_missing", envelope_text(version=_DROP)),
    ("version_string", envelope_text(version="1")),
    ("version_true", envelope_text(version=True)),
    ("version_false", envelope_text(version=False)),
    ("version_float", envelope_text(version=Raw("1.0"))),
    ("version_negative", envelope_text(version=-1)),
    ("version_null", envelope_text(version=None)),
    ("version_newer", envelope_text(version=2)),
    ("version_newer_saved_at_string", envelope_text(version=2, saved_at="x")),
    ("version_huge", envelope_text(version=10 ** 30)),
    ("version_old_no_migration", envelope_text(version=0)),
    ("wrong_app", envelope_text(app="other-site")),
    ("app_missing", envelope_text(app=_DROP)),
    ("wrong_kind", envelope_text(kind="checklist")),
    ("kind_missing", envelope_text(kind=_DROP)),
    ("duplicate_key_last_wins", GOOD[:-1] + ', "kind": "checklist"}'),
    ("list_envelope", "[1, 2, 3]"),
    ("string_envelope", '"second-opinion-guide"'),
    ("number_envelope", "12"),
    ("null_envelope", "null"),
    ("true_envelope", "true"),
    ("truncated", GOOD[:-10]),
    ("garbage", "not json at all"),
    ("whitespace_only", "   "),
    ("single_quotes", "{'app': 'second-opinion-guide'}"),
    ("unclosed_brace", "{"),
    ("unclosed_string", '{"app": "second'),
    ("extra_closing", GOOD + "}"),
    ("extra_text", GOOD + " trailing"),
    ("two_documents", GOOD + " " + GOOD),
    ("comment", GOOD + " // note"),
    ("bom_prefix", "\ufeff" + GOOD),
    ("nul_char", "\x00"),
    ("leading_dot_number", HEAD + ".5}"),
    ("too_large", "x" * (storage.MAX_CHARS + 1)),
    ("too_large_valid_json", padded_to(GOOD, storage.MAX_CHARS + 1)),
    ("exactly_max_valid_json", padded_to(GOOD, storage.MAX_CHARS)),
    ("deep_but_fine", HEAD + "[" * 50 + "]" * 50 + "}"),
    ("non_string_int", 42),
    ("non_string_float", 4.5),
    ("non_string_bytes", b'{"app": "second-opinion-guide"}'),
    ("non_string_list", ["not", "text"]),
    ("non_string_dict", {"app": storage.APP, "kind": KIND, "version": 1, "data": {}}),
    ("non_string_true", True),
    ("non_string_false", False),
]

# Texts that the runtimes' json modules read differently. Kept as cases so the
# differences stay visible; test_runtime_parity.KNOWN_DIFFERENCES lists them.
UNWRAP_JSON_QUIRKS = [
    ("quirk_trailing_comma", GOOD[:-1] + ",}"),
    ("quirk_trailing_comma_in_data", HEAD + "[1, 2,]}"),
    ("quirk_missing_value", GOOD[:-1] + ', "extra": }'),
    ("quirk_missing_colon", GOOD[:-1] + ', "extra" 1}'),
    ("quirk_leading_zero_version", GOOD.replace('"version":1', '"version":01')),
    ("quirk_trailing_dot_number", HEAD + "1.}"),
    ("quirk_raw_tab_in_string", HEAD + '"a\tb"}'),
    ("quirk_raw_newline_in_string", HEAD + '"a\nb"}'),
    ("quirk_hex_escape", HEAD + '"\\x41"}'),
    ("quirk_unknown_escape", HEAD + '"\\q"}'),
    ("quirk_infinity_data", HEAD + "Infinity}"),
    ("quirk_trailing_nul", GOOD + "\x00"),
    ("quirk_nan_saved_at", GOOD.replace('"saved_at":1700000000', '"saved_at":NaN')),
    ("quirk_infinity_saved_at", GOOD.replace('"saved_at":1700000000', '"saved_at":-Infinity')),
    ("quirk_surrogate_pair_escape", HEAD + '"\\ud83d\\ude00"}'),
]

# Deeply nested JSON: recorded by shape (canon() recurses, and MicroPython's
# Python stack is small). Depth 3000 parses in MicroPython and Pyodide but
# exhausts CPython 3.11's recursion limit. Far deeper texts (about 8000 levels)
# crash Pyodide outright under Node, so they cannot be a case here.
DEEP_CASES = [
    ("deep_nesting_200", HEAD + "[" * 200 + "]" * 200 + "}"),
    ("quirk_deep_nesting_3000", HEAD + "[" * 3000 + "]" * 3000 + "}"),
    ("unclosed_deep_nesting_3000", "[" * 3000),
]


def unwrap(text, migrations=None, version=1):
    return storage.unwrap(KIND, version, text, migrations)


def nesting_depth(value):
    """How deeply lists and dicts nest in value, found without recursion."""
    deepest = 0
    stack = [(value, 0)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict):
            item = list(item.values())
        if isinstance(item, list):
            depth += 1
            if depth > deepest:
                deepest = depth
            for child in item:
                stack.append((child, depth))
    return deepest


def unwrap_shape(text):
    """unwrap's result with the data given only as its type and nesting depth."""
    data, saved_at, notice = unwrap(text)
    return [type(data).__name__, nesting_depth(data), saved_at, notice]



def store_script(backend, steps, version=1, migrations=None):
    """Run steps (tuples: method name, args...) on a Store; log every return value."""
    store = storage.Store(backend, KIND, version, migrations)
    log = [["key", store.key], ["available", store.available()]]
    for step in steps:
        name = step[0]
        if name == "another_tab_writes":
            backend.items[store.key] = step[1]
            log.append([name])
            continue
        try:
            value = getattr(store, name)(*step[1:])
            if name == "read_text":
                value = describe_text(value)
            log.append([name, brief(canon(value))])
        except Exception as error:  # Store promises never to raise: record it if it does
            log.append([name, {"error": exception_name(error)}])
    log.append(["backend", snapshot(backend)])
    return log


SAVE_LOAD_CLEAR = [("load",), ("save", {"answers": {"emergency": "no"}, "show_result": True}, 1700000001),
                   ("load",), ("read_text",), ("clear",), ("load",)]


def add_cases():
    case("storage.keys", lambda: [storage.storage_key("screener"), storage.unreadable_key("checklist")])
    case("storage.wrap", storage.wrap, "screener", 1, {"answers": {}}, 99)
    for notice in [storage.OK, storage.EMPTY, storage.BLOCKED, storage.CORRUPT, storage.TOO_LARGE,
                   storage.NEWER, storage.MIGRATED, storage.OLD, "unknown", None]:
        case("storage.message_for." + str(notice), storage.message_for, notice)

    for name, text in UNWRAP_CASES + UNWRAP_JSON_QUIRKS:
        case("storage.unwrap." + name, unwrap, text)
    for name, text in DEEP_CASES:
        case("storage.unwrap." + name, unwrap_shape, text)
    case("storage.unwrap.wrap_round_trip",
         lambda: unwrap(json.dumps(storage.wrap(KIND, 1, saved.to_saved({"medicare": "yes"}, True), 12))))
    case("storage.unwrap.migrate_1_to_3", unwrap, envelope_text(version=1), MIGRATIONS, 3)
    case("storage.unwrap.migrate_2_to_3", unwrap, envelope_text(version=2), MIGRATIONS, 3)
    case("storage.unwrap.migrate_0_missing_step", unwrap, envelope_text(version=0), MIGRATIONS, 3)
    case("storage.unwrap.migrate_broken_step", unwrap, envelope_text(version=1), {1: broken_upgrade}, 2)
    case("storage.unwrap.migrate_not_callable", unwrap, envelope_text(version=1), {1: "nope"}, 2)
    case("storage.unwrap.migrate_newer_than_target", unwrap, envelope_text(version=4), MIGRATIONS, 3)
    case("storage.unwrap.migrations_empty_dict", unwrap, envelope_text(version=0), {}, 1)

    case("storage.Store.blocked", store_script, None,
         [("load",), ("read_text",), ("save", {"a": 1}, 1), ("clear",), ("set_aside", "text")])
    case("storage.Store.fresh_save_load_clear", store_script, MemoryStorage(), SAVE_LOAD_CLEAR)
    case("storage.Store.screener_round_trip", store_script, MemoryStorage(),
         [("save", saved.to_saved(all_answered("not_sure"), False), 3), ("load",)])
    case("storage.Store.keeps_other_keys", store_script,
         MemoryStorage({"other": "x", storage.storage_key("checklist"): "y"}), SAVE_LOAD_CLEAR)
    for name, text in [("corrupt", "{broken"), ("wrong_kind", envelope_text(kind="checklist")),
                       ("newer", envelope_text(version=5, saved_at=77)),
                       ("old", envelope_text(version=0)),
                       ("too_large", "y" * (storage.MAX_CHARS + 5)),
                       ("good", GOOD), ("empty_string", "")]:
        case("storage.Store.existing_" + name, store_script, MemoryStorage({KEY: text}),
             [("load",), ("save", {"fresh": True}, 2), ("load",), ("clear",)])
    case("storage.Store.migrating", store_script, MemoryStorage({KEY: envelope_text(version=1)}),
         [("load",), ("save", {"v": 3}, 5), ("load",)], 3, MIGRATIONS)
    case("storage.Store.save_too_large", store_script, MemoryStorage(),
         [("save", {"big": "z" * storage.MAX_CHARS}, 1), ("load",)])
    case("storage.Store.save_just_fits", store_script, MemoryStorage(),
         [("save", {"big": "z" * (storage.MAX_CHARS - 200)}, 1), ("read_text",)])
    case("storage.Store.set_aside_non_string", store_script, MemoryStorage(),
         [("set_aside", None), ("set_aside", 42), ("set_aside", "kept")])
    case("storage.Store.broken_backend", store_script, BrokenStorage({KEY: GOOD}),
         [("read_text",), ("load",), ("save", {"a": 1}, 1), ("clear",), ("set_aside", "x")])
    case("storage.Store.full_backend", store_script, SetFails({KEY: "{corrupt"}),
         [("load",), ("save", {"a": 1}, 1), ("clear",)])
    case("storage.Store.remove_fails", store_script, RemoveFails({KEY: GOOD}),
         [("clear",), ("load",)])
    for name, value in [("none", None), ("int", 0), ("false", False), ("list", []), ("object", object())]:
        case("storage.Store.odd_missing_value_" + name, store_script, OddValueStorage(value), [("load",)])
    # What this tab read or wrote is not parsed again; another tab's change is.
    case("storage.Store.memo_load_twice", store_script, MemoryStorage({KEY: GOOD}), [("load",), ("load",)])
    case("storage.Store.memo_corrupt_set_aside_once", store_script, MemoryStorage({KEY: "{broken"}),
         [("load",), ("load",)])
    case("storage.Store.memo_another_tab", store_script, MemoryStorage(),
         [("save", {"a": 1}, 1), ("load",), ("another_tab_writes", envelope_text(data={"b": 2})), ("load",),
          ("another_tab_writes", "{broken"), ("load",), ("clear",), ("load",)])
    # Saved text with non-ASCII data: CPython's json.dumps escapes it (6
    # characters for each), MicroPython's writes it as is; see KNOWN_DIFFERENCES.
    case("storage.Store.save_non_ascii_near_limit", store_script, MemoryStorage(),
         [("save", {"note": "\u00e9" * 40000}, 1), ("load",)])


