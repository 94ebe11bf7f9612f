"""Every change to the screener's saved answers, as pure functions of the
state saved.to_saved makes ({"answers", "show_result", "ask_again"?}). The
page applies one change at a time to the newest saved copy (sog/session.py),
so two open tabs never overwrite each other's answers.
"""

from sog.screener import saved


def new_state():
    """No answers, no result shown."""
    return saved.to_saved({}, False)


def answer(state, question_id, value):
    """The state with one question answered value; a question answered is no
    longer one to answer again after an update."""
    answers = dict(state["answers"])
    answers[question_id] = value
    waiting = [waiting_id for waiting_id in state.get("ask_again", []) if waiting_id != question_id]
    return saved.to_saved(answers, state["show_result"], waiting)


def show_result(state):
    """The state with its result shown."""
    return saved.to_saved(state["answers"], True, state.get("ask_again"))
