"""The visitor's worksheet and every change they can make to it. Pure.

The state (a plain JSON-ready dict; every change returns a new one):
    answers     {doctor id: {row id: text}} for every doctor and row in
                worksheet.json
    goals       the visitor's goals as typed on this worksheet, or None
                while they have typed none here: then the page shows the
                goals from their checklist (see shown_goals), so a prefill
                never overwrites what they wrote
    comparison  how the two opinions compare: a comparison id, or ""
    thoughts    what the visitor thinks so far, free text

Nothing here weighs the answers: there is no score and no pick. Changes
never raise: what does not fit (an unknown id, markup) leaves the state as
it was; the widget checks text first to say why.
"""

from sog import text as text_policy
from sog.jsondata import copy
from sog.worksheet import sheet

# Caps keep one careless paste from filling the browser's storage. Goals
# match the checklist's cap, so its goals always fit here.
MAX_ANSWER = 1000
MAX_GOALS = 2000
MAX_THOUGHTS = 2000

FIELDS = ("answers", "goals", "comparison", "thoughts")


def new_state(data):
    """An empty worksheet; its goals follow the checklist's."""
    answers = {}
    for doctor in sheet.doctor_ids(data):
        answers[doctor] = {}
        for row in sheet.row_ids(data):
            answers[doctor][row] = ""
    return {"answers": answers, "goals": None, "comparison": "", "thoughts": ""}


def set_answer(data, state, doctor, row, value):
    """Set one doctor's answer to one row; "" clears it."""
    state = copy(state)
    if doctor in sheet.doctor_ids(data) and row in sheet.row_ids(data):
        text_policy.set_tidied(state["answers"][doctor], row, value, MAX_ANSWER)
    return state


def set_goals(state, value):
    """Set the goals as typed here; "" is kept as typed (it no longer follows
    the checklist)."""
    state = copy(state)
    text_policy.set_tidied(state, "goals", value, MAX_GOALS)
    return state


def follow_checklist_goals(state):
    """Drop the goals typed here, so the checklist's show again."""
    state = copy(state)
    state["goals"] = None
    return state


def set_comparison(data, state, comparison):
    """Say how the two opinions compare; "" clears it. Unknown: no change."""
    state = copy(state)
    if comparison == "" or comparison in sheet.comparison_ids(data):
        state["comparison"] = comparison
    return state


def set_thoughts(state, value):
    state = copy(state)
    text_policy.set_tidied(state, "thoughts", value, MAX_THOUGHTS)
    return state


def shown_goals(state, checklist_goals):
    """(the goals to show, whether they come from the checklist)."""
    if state["goals"] is None:
        return checklist_goals, checklist_goals != ""
    return state["goals"], False


def offers_checklist_goals(state, checklist_goals):
    """Whether to offer the checklist's goals in place of the ones typed here."""
    return state["goals"] is not None and checklist_goals != "" and state["goals"] != checklist_goals
