"""Unit tests for sog/session.py: one widget's saved work in one tab.

Tested here, over a small stand-in part (a saved format of {"n": number})
and the shared fake storages:
- start: the saved work cleaned, and what storage and clean found, in words;
- latest: another tab's save is read (and marks the session stale), this
  tab's own save is not cleaned again, a clear elsewhere starts fresh, and
  work this tab could not save, or cannot read back, is kept;
- apply and save: the change is saved; a failed save is said, once storage
  is there at all;
- clear, take_stale, typed (a problem is said, and taken back once fixed)
  and follows (which storage events concern the page).
"""

from sog import datafiles, storage
from sog import text as text_policy
from sog.session import Session

from tests.support.fake_storage import FullSafeStorage, MemoryStorage, SafeStorage

KIND = "screener"
KEY = "second-opinion-guide:" + KIND
STORAGE_WORDS = datafiles.load("words.json")["storage"]


class Part:
    """A saved format of {"n": number}: a non-number is left out, as one issue."""

    KIND = KIND
    VERSION = 1
    MIGRATIONS = {}
    cleaned = 0

    @staticmethod
    def open_store(backend):
        return storage.Store(backend, KIND, 1)

    @classmethod
    def clean(cls, raw):
        cls.cleaned += 1
        if isinstance(raw, dict) and isinstance(raw.get("n"), int):
            return {"n": raw["n"]}, []
        return {"n": 0}, ([] if raw is None else [["bad", 1]])

    @staticmethod
    def problems(issues):
        return ["Left out %d." % count for code, count in issues]


def session(backend):
    said = []
    made = Session(Part, backend, lambda: {"n": 0}, lambda: 1)
    made.speak = said.append
    return made, said


def test_start_reads_the_saved_work_and_says_what_was_left_out():
    backend = SafeStorage()
    Part.open_store(backend).save({"n": 3}, 1)
    made, _ = session(backend)
    assert made.start() == []
    assert made.state == {"n": 3}
    Part.open_store(backend).save({"n": "three"}, 1)
    made, _ = session(backend)
    assert made.start() == ["Left out 1."]
    assert made.state == {"n": 0}


def test_start_says_what_storage_found_first():
    made, _ = session(MemoryStorage({KEY: "{not json"}))
    messages = made.start()
    assert messages == [storage.message_for(storage.CORRUPT, True)]
    assert messages[0].startswith(STORAGE_WORDS[storage.CORRUPT])


def test_latest_reads_what_another_tab_saved_and_marks_the_session_stale():
    backend = SafeStorage()
    made, _ = session(backend)
    made.start()
    Part.open_store(backend).save({"n": 3}, 1)
    assert made.latest() == {"n": 3}
    assert made.take_stale() is True
    assert made.take_stale() is False


def test_latest_does_not_clean_again_what_this_tab_saved():
    made, _ = session(SafeStorage())
    made.start()
    made.apply(lambda state: {"n": state["n"] + 1})
    before = Part.cleaned
    assert made.latest() == {"n": 1}
    assert Part.cleaned == before
    assert made.take_stale() is False


def test_latest_starts_fresh_when_another_tab_cleared():
    backend = SafeStorage()
    made, _ = session(backend)
    made.start()
    made.apply(lambda state: {"n": 5})
    Part.open_store(backend).clear()
    assert made.latest() == {"n": 0}
    assert (made.raw, made.take_stale()) == (None, True)


def test_a_tab_that_could_not_save_keeps_its_work_and_says_so():
    made, said = session(FullSafeStorage())
    made.start()
    assert made.apply(lambda state: {"n": 2}) == {"n": 2}
    assert said == [STORAGE_WORDS["not_saved"]]
    assert made.latest() == {"n": 2}
    assert made.take_stale() is False


def test_blocked_or_unreadable_storage_keeps_this_tabs_work_quietly():
    made, said = session(None)
    made.start()
    assert made.apply(lambda state: {"n": 4}) == {"n": 4}
    assert made.latest() == {"n": 4} and said == []
    made, _ = session(MemoryStorage({KEY: "{not json"}))
    made.state = {"n": 4}
    assert made.latest() == {"n": 4}
    assert made.take_stale() is False


def test_apply_saves_the_change():
    backend = SafeStorage()
    made, _ = session(backend)
    made.start()
    made.apply(lambda state: {"n": 7})
    assert Part.open_store(backend).load()[0] == {"n": 7}


def test_clear_forgets_here_and_in_storage():
    backend = SafeStorage()
    made, _ = session(backend)
    made.start()
    made.apply(lambda state: {"n": 7})
    assert made.clear() is True
    assert made.state == {"n": 0} and made.raw is None
    assert Part.open_store(backend).load()[2] == storage.EMPTY
    # Nothing to clear where storage is blocked: nothing is kept either.
    assert session(None)[0].clear() is True


def test_typed_text_is_refused_with_its_reason_then_the_reason_is_taken_back():
    made, said = session(SafeStorage())
    assert made.typed("<script>") is None
    assert said == [text_policy.problem("<script>")]
    assert made.typed("Fine now") == "Fine now"
    assert said[-1] == ""
    assert made.typed("Still fine") == "Still fine"
    assert len(said) == 2
    # Blank text is fine to save (the visitor emptied a field).
    assert made.typed("") == ""


def test_follows_its_own_key_the_others_given_and_a_cleared_storage():
    made, _ = session(SafeStorage())
    assert made.follows(None)
    assert made.follows(KEY)
    assert made.follows("other", "other")
    assert not made.follows("second-opinion-guide:letter")
