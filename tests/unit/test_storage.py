"""Unit tests for pyscript/storage.py: versioned saving in localStorage.

Tested here:
- unwrap, the pure reader: every notice it can give (EMPTY, CORRUPT,
  TOO_LARGE, NEWER, OK, MIGRATED, OLD) and saved_at handling.
- Store over an in-memory stand-in for localStorage (both the raw API and
  the never-throwing safe-storage.js style, whose setItem and removeItem
  return true or false), and over backends that fail by raising or by
  returning False: load never raises, unreadable text is set aside rather
  than lost, save reports failure, clear forgets both keys, and a missing
  backend (storage blocked) degrades to BLOCKED.
- message_for: a plain message for every notice the visitor must hear about.
"""

import json

import pytest

import storage

KIND = "screener"
KEY = "second-opinion-guide:" + KIND
ASIDE = KEY + ":unreadable"


def envelope(**changes):
    """The text of a version 1 envelope, with fields changed or (None) removed."""
    fields = {"app": storage.APP, "kind": KIND, "version": 1, "saved_at": 1700, "data": {"a": 1}}
    fields.update(changes)
    return json.dumps({k: v for k, v in fields.items() if v is not None})


class MemoryStorage:
    """A dict-backed stand-in for window.localStorage (None for a missing key)."""

    def __init__(self, items=None):
        self.items = dict(items or {})

    def getItem(self, key):
        return self.items.get(key)

    def setItem(self, key, value):
        self.items[key] = str(value)

    def removeItem(self, key):
        self.items.pop(key, None)


class SafeStorage(MemoryStorage):
    """Like javascripts/safe-storage.js: setItem and removeItem report True."""

    def setItem(self, key, value):
        super().setItem(key, value)
        return True

    def removeItem(self, key):
        super().removeItem(key)
        return True


class SetReturnsFalse(SafeStorage):
    """safe-storage.js when the quota is full: setItem stores nothing, gives False."""

    def setItem(self, key, value):
        return False


class RemoveReturnsFalse(SafeStorage):
    """safe-storage.js when storage is blocked mid-visit: removeItem gives False."""

    def removeItem(self, key):
        return False


WORKING = [
    pytest.param(MemoryStorage, id="localStorage"),
    pytest.param(SafeStorage, id="safe-storage"),
]


class QuotaExceededError(Exception):
    """What a full localStorage throws from setItem."""


class FailingGet(MemoryStorage):
    def getItem(self, key):
        raise RuntimeError("SecurityError: storage is disabled")


class FailingSet(MemoryStorage):
    def setItem(self, key, value):
        raise QuotaExceededError("quota exceeded")


class FailingRemove(MemoryStorage):
    def removeItem(self, key):
        raise RuntimeError("SecurityError: storage is disabled")


class NonStringGet(MemoryStorage):
    """A bridge that returns a stand-in (here 0) instead of null."""

    def getItem(self, key):
        return 0


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
        pytest.param(FailingGet({KEY: envelope()}), id="getItem-raises"),
        pytest.param(NonStringGet(), id="getItem-returns-non-string"),
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
    data, _, got = storage.Store(backend, KIND, 1).load()
    assert (data, got) == (None, notice)
    assert backend.items[ASIDE] == text
    assert backend.items[KEY] == text


FAILING_SET = [
    pytest.param(FailingSet, id="setItem-raises"),
    pytest.param(SetReturnsFalse, id="setItem-returns-false"),
]


@pytest.mark.parametrize("backend_class", FAILING_SET)
@pytest.mark.parametrize("text, notice", UNREADABLE)
def test_load_never_raises_when_setting_aside_fails(text, notice, backend_class):
    """A full or blocked storage while setting aside still gives a notice, and
    set_aside says it failed."""
    backend = backend_class({KEY: text})
    store = storage.Store(backend, KIND, 1)
    assert store.load()[2] == notice
    assert ASIDE not in backend.items
    assert store.set_aside(text) is False


def test_migrated_data_is_not_set_aside():
    """Data brought up to date loads as MIGRATED and nothing is set aside."""
    backend = MemoryStorage({KEY: envelope(version=1, data={"steps": []})})
    store = storage.Store(backend, KIND, 2, {1: step("1->2")})
    assert store.load() == ({"steps": ["1->2"]}, 1700, storage.MIGRATED)
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
        pytest.param(FailingRemove, id="removeItem-raises"),
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


# message_for ----------------------------------------------------------------

TO_TELL = [storage.BLOCKED, storage.CORRUPT, storage.TOO_LARGE, storage.NEWER, storage.MIGRATED, storage.OLD]


@pytest.mark.parametrize("notice", TO_TELL)
def test_message_for_notices_to_tell(notice):
    """Every notice the visitor must hear about has a plain-text message."""
    message = storage.message_for(notice)
    assert isinstance(message, str) and message.strip()
    assert "<" not in message and ">" not in message


@pytest.mark.parametrize("notice", [storage.OK, storage.EMPTY, "unknown", None])
def test_message_for_silent_notices(notice):
    """OK and EMPTY (and anything unknown) need no message."""
    assert storage.message_for(notice) is None


def test_every_notice_is_covered():
    """MESSAGES knows exactly the notice codes the module defines."""
    assert set(storage.MESSAGES) == set(TO_TELL) | {storage.OK, storage.EMPTY}


def test_peek_reads_without_setting_aside():
    """peek gives the same answer as load but never copies unreadable data aside,
    so a page that only shows data leaves the owner page to report it."""
    backend = MemoryStorage({KEY: "{not json"})
    store = storage.Store(backend, KIND, 1)
    assert store.peek() == (None, 0, storage.CORRUPT)
    assert ASIDE not in backend.items
    assert storage.Store(None, KIND, 1).peek() == (None, 0, storage.BLOCKED)
