"""Unit tests for sog/storage.py: versioned saving in localStorage.

Tested here:
- unwrap, the pure reader: every notice it can give (EMPTY, CORRUPT,
  TOO_LARGE, NEWER, OK, MIGRATED, OLD) and saved_at handling.
- too_deep: exactly the old character-by-character scan on any JSON text,
  however its strings mix quotes, backslashes and brackets; where it differs
  on text that is not JSON, the parser would stop before it went too deep.
- Store over the shared fake storages (the raw localStorage API and the
  never-throwing safe-storage.js style) and over backends that fail by
  raising or by returning False: load never raises, unreadable text is set
  aside rather than lost, save reports failure, clear forgets both keys, and
  a missing backend (storage blocked) degrades to BLOCKED.
- Store's memory of the text it last read or wrote: unchanged text is not
  parsed (or depth-scanned) again, another tab's text always is, and clear
  forgets.
- message_for: the words.json sentence for every notice the visitor must hear about.
"""

import json
import random

import pytest
from sog import datafiles, storage

from tests.support.fake_storage import (
    FullSafeStorage,
    GetFails,
    MemoryStorage,
    OddValueStorage,
    RemoveFails,
    RemoveReturnsFalse,
    SafeStorage,
    SetFails,
)

KIND = "screener"
KEY = "second-opinion-guide:" + KIND
ASIDE = KEY + ":unreadable"
WORDS = datafiles.load("words.json")["storage"]


def envelope(**changes):
    """The text of a version 1 envelope, with fields changed or (None) removed."""
    fields = {"app": storage.APP, "kind": KIND, "version": 1, "saved_at": 1700, "data": {"a": 1}}
    fields.update(changes)
    return json.dumps({k: v for k, v in fields.items() if v is not None})


WORKING = [
    pytest.param(MemoryStorage, id="localStorage"),
    pytest.param(SafeStorage, id="safe-storage"),
]


# unwrap ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, notice",
    [
        pytest.param(None, storage.EMPTY, id="none-empty"),
        pytest.param("", storage.EMPTY, id="empty-string-empty"),
        pytest.param(42, storage.CORRUPT, id="int-corrupt"),
        pytest.param(b"{}", storage.CORRUPT, id="bytes-corrupt"),
        pytest.param({"app": storage.APP}, storage.CORRUPT, id="dict-not-text-corrupt"),
        pytest.param("x" * (storage.MAX_CHARS + 1), storage.TOO_LARGE, id="over-max-too-large"),
        pytest.param("{", storage.CORRUPT, id="truncated-json"),
        pytest.param("not json", storage.CORRUPT, id="not-json"),
        pytest.param("{'app': 1}", storage.CORRUPT, id="single-quoted-json"),
        pytest.param("[]", storage.CORRUPT, id="json-list"),
        pytest.param("null", storage.CORRUPT, id="json-null"),
        pytest.param("42", storage.CORRUPT, id="json-number"),
        pytest.param('"text"', storage.CORRUPT, id="json-string"),
        pytest.param(envelope(app="another-app"), storage.CORRUPT, id="wrong-app"),
        pytest.param(envelope(app=None), storage.CORRUPT, id="missing-app"),
        pytest.param(envelope(kind="checklist"), storage.CORRUPT, id="wrong-kind"),
        pytest.param(envelope(kind=None), storage.CORRUPT, id="missing-kind"),
        pytest.param(envelope(version=True), storage.CORRUPT, id="bool-version"),
        pytest.param(envelope(version="1"), storage.CORRUPT, id="str-version"),
        pytest.param(envelope(version=1.0), storage.CORRUPT, id="float-version"),
        pytest.param(envelope(version=None), storage.CORRUPT, id="missing-version"),
        pytest.param(envelope(version=-1), storage.CORRUPT, id="negative-version"),
    ],
)
def test_unwrap_unusable_text(text, notice):
    """Anything that is not our own readable envelope gives no data, saved_at 0
    and a notice saying why."""
    assert storage.unwrap(KIND, 1, text) == (None, 0, notice)


def test_unwrap_same_version_is_ok():
    """An envelope of the current version gives its data and saved_at."""
    assert storage.unwrap(KIND, 1, envelope()) == ({"a": 1}, 1700, storage.OK)


def test_unwrap_exactly_max_chars_is_read():
    """The size limit is inclusive: text of exactly MAX_CHARS is still read."""
    padding = storage.MAX_CHARS - len(envelope(data=""))
    text = envelope(data="x" * padding)
    assert len(text) == storage.MAX_CHARS
    assert storage.unwrap(KIND, 1, text)[2] == storage.OK


def test_unwrap_newer_version():
    """Data from a newer page is not guessed at: no data, NEWER, saved_at kept."""
    assert storage.unwrap(KIND, 1, envelope(version=2)) == (None, 1700, storage.NEWER)


def step(label):
    def migrate(data):
        return {"steps": data["steps"] + [label]}
    return migrate


CHAIN = {1: step("1->2"), 2: step("2->3")}


@pytest.mark.parametrize(
    "found, steps",
    [
        pytest.param(1, ["1->2", "2->3"], id="from-1-two-steps"),
        pytest.param(2, ["2->3"], id="from-2-one-step"),
    ],
)
def test_unwrap_older_version_migrates_in_order(found, steps):
    """Older data runs through each migration in turn up to the current version."""
    text = envelope(version=found, data={"steps": []})
    assert storage.unwrap(KIND, 3, text, CHAIN) == ({"steps": steps}, 1700, storage.MIGRATED)


def explode(data):
    raise ValueError("cannot migrate")


@pytest.mark.parametrize(
    "migrations",
    [
        pytest.param(None, id="no-migrations"),
        pytest.param({}, id="empty-migrations"),
        pytest.param({1: step("1->2")}, id="missing-step-2"),
        pytest.param({2: step("2->3")}, id="missing-step-1"),
        pytest.param({1: step("1->2"), 2: explode}, id="migration-raises"),
        pytest.param({1: lambda data: data["missing"], 2: step("2->3")}, id="migration-key-error"),
    ],
)
def test_unwrap_older_version_without_a_way_forward_is_old(migrations):
    """When a migration is missing or fails, the result is OLD, never an error."""
    text = envelope(version=1, data={"steps": []})
    assert storage.unwrap(KIND, 3, text, migrations) == (None, 1700, storage.OLD)


@pytest.mark.parametrize(
    "saved_at, expected",
    [
        pytest.param(1700, 1700, id="int"),
        pytest.param(1700.5, 1700.5, id="float"),
        pytest.param("yesterday", 0, id="str"),
        pytest.param(True, 0, id="bool"),
        pytest.param([1], 0, id="list"),
        pytest.param({}, 0, id="dict"),
        pytest.param(None, 0, id="missing"),
    ],
)
def test_unwrap_saved_at_must_be_a_number(saved_at, expected):
    """A saved_at that is not a number (bools included) reads as 0."""
    assert storage.unwrap(KIND, 1, envelope(saved_at=saved_at))[1] == expected
    assert storage.unwrap(KIND, 0, envelope(saved_at=saved_at))[1:] == (expected, storage.NEWER)


def test_unwrap_nan_saved_at_reads_as_zero():
    """NaN, which Python's parser accepts, is not a time: it reads as 0."""
    text = envelope().replace("1700", "NaN")
    assert storage.unwrap(KIND, 1, text) == ({"a": 1}, 0, storage.OK)


def test_wrap_is_what_unwrap_reads():
    """wrap builds the envelope unwrap expects, labelled with app and kind."""
    wrapped = storage.wrap(KIND, 4, [1, 2], 99)
    assert wrapped == {"app": storage.APP, "kind": KIND, "version": 4, "saved_at": 99, "data": [1, 2]}
    assert storage.unwrap(KIND, 4, json.dumps(wrapped)) == ([1, 2], 99, storage.OK)


def test_keys():
    """Each widget has its own key, and a second key for set-aside data."""
    assert storage.storage_key(KIND) == KEY
    assert storage.unreadable_key(KIND) == ASIDE
    assert storage.storage_key("checklist") != KEY


# too_deep -------------------------------------------------------------------


def reference_scan(text):
    """The old character-by-character scan (without its shortcut), kept as the
    definition too_deep must match. Returns (too deep, where the depth first
    passed MAX_DEPTH, where the first backslash outside a string is)."""
    depth = 0
    in_string = False
    escaped = False
    backslash = None
    for index, char in enumerate(text):
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            if depth > storage.MAX_DEPTH:
                return True, index, backslash
        elif char in "]}":
            depth -= 1
        elif char == "\\" and backslash is None:
            backslash = index
    return False, None, backslash


# Characters that matter to the scan, weighted towards the awkward ones.
STRING_CHARS = '"\\[]{}' * 3 + "ab /\u00e9\U0001F600\n"


def random_string(rng):
    return "".join(rng.choice(STRING_CHARS) for _ in range(rng.randint(0, 8)))


def random_json(rng, depth):
    """A JSON value nested about depth levels, with awkward strings as keys and values."""
    if depth <= 0:
        return rng.choice([random_string(rng), 1, None, True, [], {}])
    inner = [random_json(rng, depth - 1)] + [random_string(rng) for _ in range(rng.randint(0, 2))]
    rng.shuffle(inner)
    if rng.random() < 0.5:
        return inner
    return {random_string(rng) + str(index): value for index, value in enumerate(inner)}


def generated_json_texts(count=1500, seed=20261121):
    rng = random.Random(seed)
    texts = []
    for _ in range(count):
        depth = rng.choice([rng.randint(0, 10), rng.randint(storage.MAX_DEPTH - 3, storage.MAX_DEPTH + 3)])
        texts.append(json.dumps(random_json(rng, depth), ensure_ascii=rng.random() < 0.5))
    return texts


HAND_WRITTEN = [
    "[" * storage.MAX_DEPTH + "]" * storage.MAX_DEPTH,
    "[" * (storage.MAX_DEPTH + 1) + "]" * (storage.MAX_DEPTH + 1),
    json.dumps(["[" * 100]),
    json.dumps(["\\" + "[" * 100]),
    json.dumps(["\\\\\"" + "{" * 100, "\\"]),
    json.dumps({"\\": "[" * 50, "\"": "]" * 50}),
    json.dumps(["\\"] * 40) + "[" * 40,
    "[" * 20 + json.dumps('"\\"[') + "[" * 20,
    "[" * 33 + json.dumps("\\\\\\") + "]" * 33,
    '"' + "[" * 40,
]


@pytest.mark.parametrize("text", HAND_WRITTEN, ids=[str(index) for index in range(len(HAND_WRITTEN))])
def test_too_deep_hand_written_cases(text):
    """Edge cases: exactly at the limit, one over, brackets behind escaped
    quotes and backslash runs, and an unclosed string."""
    assert storage.too_deep(text) is reference_scan(text)[0]


def test_too_deep_matches_the_character_scan_on_generated_json():
    """On JSON of every depth around the limit, with quotes, backslashes and
    brackets inside strings (and keys), too_deep says what the old scan said."""
    texts = generated_json_texts()
    wrong = [text for text in texts if storage.too_deep(text) is not reference_scan(text)[0]]
    assert wrong == []
    deep = sum(1 for text in texts if reference_scan(text)[0])
    assert 0 < deep < len(texts), "the generator should give both kinds"


def test_too_deep_on_text_that_is_not_json_is_safe():
    """On random bracket-and-quote soup it may differ from the old scan only
    where a backslash stands outside a string (not JSON: the parser stops
    there), and then never by letting deeper nesting through before it."""
    rng = random.Random(8)
    alphabet = '[[[[{]}"\\\\ a'
    for _ in range(5000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 120)))
        deep, overflow, backslash = reference_scan(text)
        if storage.too_deep(text) is deep:
            continue
        assert backslash is not None, text
        if deep:
            assert backslash < overflow, text


@pytest.mark.parametrize(
    "text", ["[" * 100000, "[" * 100000 + "]" * 100000, '{"a":' * 5000 + "1" + "}" * 5000]
)
def test_too_deep_refuses_what_would_exhaust_the_parser(text):
    """Nesting far past the limit is caught before parsing."""
    assert storage.too_deep(text) is True


# Store ----------------------------------------------------------------------


@pytest.mark.parametrize("backend_class", WORKING)
def test_save_then_load_round_trip(backend_class):
    """Saved data loads back unchanged, stored as an envelope under the key."""
    backend = backend_class()
    store = storage.Store(backend, KIND, 1)
    assert store.save({"answers": {"emergency": "no"}}, 1234) is True
    assert json.loads(backend.items[KEY]) == storage.wrap(KIND, 1, {"answers": {"emergency": "no"}}, 1234)
    assert store.load() == ({"answers": {"emergency": "no"}}, 1234, storage.OK)


def test_load_nothing_saved_is_empty():
    """A first visit loads as EMPTY and writes nothing."""
    backend = MemoryStorage()
    assert storage.Store(backend, KIND, 1).load() == (None, 0, storage.EMPTY)
    assert backend.items == {}


@pytest.mark.parametrize(
    "backend",
    [
        pytest.param(GetFails({KEY: envelope()}), id="getItem-raises"),
        pytest.param(OddValueStorage(0), id="getItem-returns-non-string"),
    ],
)
def test_load_never_raises_when_reading_fails(backend):
    """If the browser will not give the text, load reads it as nothing saved."""
    store = storage.Store(backend, KIND, 1)
    assert store.read_text() is None
    assert store.load() == (None, 0, storage.EMPTY)


UNREADABLE = [
    pytest.param("{broken", storage.CORRUPT, id="corrupt"),
    pytest.param(envelope(version=2), storage.NEWER, id="newer"),
    pytest.param(envelope(version=0), storage.OLD, id="old"),
    pytest.param("x" * (storage.MAX_CHARS + 10), storage.TOO_LARGE, id="too-large"),
]


@pytest.mark.parametrize("backend_class", WORKING)
@pytest.mark.parametrize("text, notice", UNREADABLE)
def test_unreadable_text_is_set_aside_not_lost(text, notice, backend_class):
    """Text that cannot be used is copied, whole, under the unreadable key
    and left in place under the main key until the next save."""
    backend = backend_class({KEY: text})
    store = storage.Store(backend, KIND, 1)
    data, _, got = store.load()
    assert (data, got) == (None, notice)
    assert store.kept_copy is True
    assert backend.items[ASIDE] == text
    assert backend.items[KEY] == text


FAILING_SET = [
    pytest.param(SetFails, id="setItem-raises"),
    pytest.param(FullSafeStorage, id="setItem-returns-false"),
]


@pytest.mark.parametrize("backend_class", FAILING_SET)
@pytest.mark.parametrize("text, notice", UNREADABLE)
def test_load_never_raises_when_setting_aside_fails(text, notice, backend_class):
    """A full or blocked storage while setting aside still gives a notice, and
    set_aside says it failed."""
    backend = backend_class({KEY: text})
    store = storage.Store(backend, KIND, 1)
    assert store.load()[2] == notice
    assert store.kept_copy is False
    assert ASIDE not in backend.items
    assert store.set_aside(text) is False


def test_migrated_data_is_not_set_aside():
    """Data brought up to date loads as MIGRATED and nothing is set aside."""
    backend = MemoryStorage({KEY: envelope(version=1, data={"steps": []})})
    store = storage.Store(backend, KIND, 2, {1: step("1->2")})
    assert store.load() == ({"steps": ["1->2"]}, 1700, storage.MIGRATED)
    assert store.kept_copy is False
    assert ASIDE not in backend.items


def test_save_after_set_aside_replaces_only_the_main_key():
    """After an unreadable load, a new save works and the old copy stays aside."""
    backend = MemoryStorage({KEY: "{broken"})
    store = storage.Store(backend, KIND, 1)
    store.load()
    assert store.save({"fresh": True}, 5) is True
    assert store.load() == ({"fresh": True}, 5, storage.OK)
    assert backend.items[ASIDE] == "{broken"


def test_save_too_large_returns_false_and_keeps_old_data():
    """Data whose envelope exceeds MAX_CHARS is not saved; the old save stays."""
    backend = MemoryStorage()
    store = storage.Store(backend, KIND, 1)
    store.save("small", 1)
    assert store.save("x" * storage.MAX_CHARS, 2) is False
    assert store.load() == ("small", 1, storage.OK)


@pytest.mark.parametrize("backend_class", FAILING_SET)
def test_save_returns_false_when_set_item_fails(backend_class):
    """A full storage (QuotaExceeded raised, or False from safe-storage.js)
    makes save return False, not raise."""
    store = storage.Store(backend_class(), KIND, 1)
    assert store.save({"a": 1}, 1) is False


@pytest.mark.parametrize("backend_class", WORKING)
def test_clear_removes_both_keys_only(backend_class):
    """clear forgets the saved data and the set-aside copy, nothing else."""
    backend = backend_class({KEY: envelope(), ASIDE: "{old", "other-site:key": "keep"})
    assert storage.Store(backend, KIND, 1).clear() is True
    assert backend.items == {"other-site:key": "keep"}


@pytest.mark.parametrize(
    "backend_class",
    [
        pytest.param(RemoveFails, id="removeItem-raises"),
        pytest.param(RemoveReturnsFalse, id="removeItem-returns-false"),
    ],
)
def test_clear_returns_false_when_remove_fails(backend_class):
    """A storage error while clearing is reported as False, not raised."""
    assert storage.Store(backend_class({KEY: envelope()}), KIND, 1).clear() is False


def test_blocked_storage():
    """With no backend (storage blocked) load says BLOCKED and nothing else
    can work, but nothing raises either."""
    store = storage.Store(None, KIND, 1)
    assert store.available() is False
    assert store.load() == (None, 0, storage.BLOCKED)
    assert store.read_text() is None
    assert store.save({"a": 1}, 1) is False
    assert store.set_aside("text") is False
    assert store.clear() is False


def test_available_with_a_backend():
    """Any backend object means saving can work."""
    assert storage.Store(MemoryStorage(), KIND, 1).available() is True


def test_load_never_raises_on_deeply_nested_text():
    """Even text that makes the JSON parser recurse too deep loads as CORRUPT."""
    backend = MemoryStorage({KEY: "[" * 100000})
    assert storage.Store(backend, KIND, 1).load() == (None, 0, storage.CORRUPT)


def test_peek_reads_without_setting_aside():
    """peek gives the same answer as load but never copies unreadable data aside,
    so a page that only shows data leaves the owner page to report it."""
    backend = MemoryStorage({KEY: "{not json"})
    store = storage.Store(backend, KIND, 1)
    assert store.peek() == (None, 0, storage.CORRUPT)
    assert ASIDE not in backend.items
    assert storage.Store(None, KIND, 1).peek() == (None, 0, storage.BLOCKED)


# Store's memory of the text it last read or wrote ----------------------------


class Counting:
    """Counts calls to one function and passes them on."""

    def __init__(self, function):
        self.function = function
        self.calls = 0

    def __call__(self, *args):
        self.calls += 1
        return self.function(*args)


@pytest.fixture
def counts(monkeypatch):
    """Counters on the JSON parser and the depth scan as storage calls them."""

    class Json:
        loads = Counting(json.loads)
        dumps = staticmethod(json.dumps)

    deep = Counting(storage.too_deep)
    monkeypatch.setattr(storage, "json", Json)
    monkeypatch.setattr(storage, "too_deep", deep)
    return {"parse": Json.loads, "scan": deep}


def deep_envelope():
    """An envelope nested enough that the depth scan really runs on it."""
    return envelope(data=[[[{"a": [1]}]]] * 10)


def test_unchanged_text_is_not_parsed_again(counts):
    """A second load of the same text gives the same result, the very same
    data object, without parsing or scanning it again."""
    store = storage.Store(MemoryStorage({KEY: deep_envelope()}), KIND, 1)
    first = store.load()
    assert counts["parse"].calls == 1
    second = store.load()
    assert second == first and second[0] is first[0]
    assert counts["parse"].calls == 1 and counts["scan"].calls == 1


def test_text_from_another_tab_is_read(counts):
    """When another tab (anything else) writes different text, the next load
    parses it and gives its data."""
    backend = MemoryStorage({KEY: envelope()})
    store = storage.Store(backend, KIND, 1)
    store.load()
    backend.items[KEY] = envelope(data={"a": 2}, saved_at=1800)
    assert store.load() == ({"a": 2}, 1800, storage.OK)
    assert counts["parse"].calls == 2


def test_two_stores_on_one_backend_see_each_others_saves():
    """Two tabs, each with its own Store: each load gives the newest save."""
    backend = SafeStorage()
    one = storage.Store(backend, KIND, 1)
    two = storage.Store(backend, KIND, 1)
    one.save({"n": 1}, 1)
    assert two.load() == ({"n": 1}, 1, storage.OK)
    two.save({"n": 2}, 2)
    assert one.load() == ({"n": 2}, 2, storage.OK)
    one.save({"n": 3}, 3)
    assert two.load() == ({"n": 3}, 3, storage.OK)


def test_load_after_save_is_what_was_saved_without_parsing(counts):
    """After a save, load hands back the saved data object itself: the text
    this tab wrote is neither parsed nor depth-scanned."""
    store = storage.Store(MemoryStorage(), KIND, 1)
    data = 1
    for _ in range(storage.MAX_DEPTH + 5):
        data = [data]
    assert store.save(data, 77) is True
    loaded = store.load()
    assert loaded == (data, 77, storage.OK) and loaded[0] is data
    assert counts["parse"].calls == 0 and counts["scan"].calls == 0


@pytest.mark.parametrize("backend_class", FAILING_SET)
def test_a_failed_save_is_not_remembered(backend_class):
    """If the browser did not keep a save, load still gives what is stored."""
    backend = backend_class({KEY: envelope()})
    store = storage.Store(backend, KIND, 1)
    store.load()
    assert store.save({"a": 99}, 5) is False
    assert store.load() == ({"a": 1}, 1700, storage.OK)


def test_a_save_too_large_is_not_remembered():
    """A save refused for its size leaves load giving the stored data."""
    store = storage.Store(MemoryStorage({KEY: envelope()}), KIND, 1)
    assert store.save("x" * storage.MAX_CHARS, 5) is False
    assert store.load() == ({"a": 1}, 1700, storage.OK)


def test_clear_forgets_the_remembered_text(counts):
    """After clear, load finds nothing; the same text written again (by
    another tab) is parsed anew."""
    backend = MemoryStorage()
    store = storage.Store(backend, KIND, 1)
    store.save({"a": 1}, 1700)
    text = backend.items[KEY]
    assert store.clear() is True
    assert store.load() == (None, 0, storage.EMPTY)
    backend.items[KEY] = text
    assert store.load() == ({"a": 1}, 1700, storage.OK)
    assert counts["parse"].calls == 1


def test_unreadable_text_is_set_aside_once():
    """Loading the same unreadable text again neither parses it nor copies it
    aside a second time, and still says a copy was kept."""
    backend = MemoryStorage({KEY: "{broken"})
    store = storage.Store(backend, KIND, 1)
    assert store.load() == (None, 0, storage.CORRUPT)
    backend.calls.clear()
    assert store.load() == (None, 0, storage.CORRUPT)
    assert backend.calls == ["get " + KEY]
    assert store.kept_copy is True


# message_for ----------------------------------------------------------------

TO_TELL = [storage.BLOCKED, storage.CORRUPT, storage.TOO_LARGE, storage.NEWER, storage.MIGRATED, storage.OLD]


@pytest.mark.parametrize("notice", TO_TELL + ["not_saved"])
def test_message_for_notices_to_tell(notice):
    """Every notice the visitor must hear about has its plain sentence from words.json."""
    message = storage.message_for(notice)
    assert message == WORDS[notice]
    assert message.strip() and "<" not in message and ">" not in message


@pytest.mark.parametrize("notice", TO_TELL)
def test_message_for_says_when_a_copy_was_kept(notice):
    """When unreadable data was set aside, the message says a copy is kept."""
    assert storage.message_for(notice, True) == WORDS[notice] + " " + WORDS["kept_copy"]


@pytest.mark.parametrize("notice", [storage.OK, storage.EMPTY, "unknown", None])
@pytest.mark.parametrize("kept_copy", [False, True])
def test_message_for_silent_notices(notice, kept_copy):
    """OK and EMPTY (and anything unknown) need no message."""
    assert storage.message_for(notice, kept_copy) is None


def test_every_notice_is_covered():
    """words.json has a sentence for exactly the notices to tell, plus the
    kept-copy addition and the failed-save sentence."""
    assert set(WORDS) == set(TO_TELL) | {"kept_copy", "not_saved"}
