"""Unit tests for sog/screener/state.py: the changes each tab applies to the
newest saved answers (sog/session.py), so two tabs never overwrite each
other's answers.

Tested here: an answer keeps every other answer, the result's showing and
the questions still to answer again (less the one answered); showing the
result keeps the answers; no change alters the state it is given; and two
tabs' changes, each applied to the newest copy, keep both.
"""

import copy

from sog import storage
from sog.screener import rules, saved, state
from sog.session import Session

from tests.support.fake_storage import MemoryStorage

# The questions the saved answers are cleaned against.
DATA = rules.load()
WAITING = saved.to_saved({"medicare": "yes"}, True, ["cancer", "biopsy"])


def test_a_new_state_has_no_answers_and_no_result():
    assert state.new_state() == {"answers": {}, "show_result": False}


def test_an_answer_keeps_the_rest_and_is_no_longer_waiting():
    before = copy.deepcopy(WAITING)
    after = state.answer(WAITING, "biopsy", "yes")
    assert after == {"answers": {"medicare": "yes", "biopsy": "yes"}, "show_result": True, "ask_again": ["cancer"]}
    assert WAITING == before
    assert state.answer(after, "cancer", "no") == {"answers": {"medicare": "yes", "biopsy": "yes", "cancer": "no"},
                                                   "show_result": True}


def test_changing_an_answer_replaces_it():
    assert state.answer(WAITING, "medicare", "no")["answers"] == {"medicare": "no"}


def test_showing_the_result_keeps_the_answers_and_what_waits():
    hidden = saved.to_saved({"medicare": "yes"}, False, ["cancer"])
    assert state.show_result(hidden) == saved.to_saved({"medicare": "yes"}, True, ["cancer"])


def test_two_tabs_each_applying_to_the_newest_copy_keep_both_answers():
    """Tab B never redrew after tab A's answer; its own answer still keeps A's."""
    backend = MemoryStorage()

    def tab():
        session = Session(saved, backend, state.new_state, lambda: 1, lambda raw: saved.clean(raw, DATA))
        session.start()
        return session

    tab_a, tab_b = tab(), tab()
    tab_a.apply(lambda s: state.answer(s, "no_diagnosis", "yes"))
    tab_b.apply(lambda s: state.answer(s, "medicare", "yes"))
    assert tab_b.take_stale()
    loaded, _, notice = saved.open_store(backend).load()
    assert notice == storage.OK
    assert loaded["answers"] == {"no_diagnosis": "yes", "medicare": "yes"}
