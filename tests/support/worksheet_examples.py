"""Named example worksheets, shared by the unit tests (CPython) and the
runtime parity cases (MicroPython and Pyodide), so MicroPython-safe.

Built only through state.py's own changes, so they are always what a visitor
could make; the hostile one is set directly, past the text policy, so that
rendering alone must keep it text. What they are made of is the worksheet's
examples.json, which the browser suite reads too (named_examples.py): one copy.
"""

from sog.worksheet import sheet, state

from tests.support.examples import EVIL
from tests.support.named_examples import example

# One realistic answer for each row, for each doctor: a sentence or two, as
# a visitor writes them after a visit.
ANSWERS = example("worksheet", "answers")
# Rows added to worksheet.json after worksheets were first saved.
ADDED_ROWS = tuple(example("worksheet", "added_rows"))
GOALS = example("worksheet", "goals")
THOUGHTS = example("worksheet", "thoughts")


def filled_worksheet(data):
    """Every row answered for both doctors, own goals, a comparison that
    shows the part on a third opinion, and thoughts."""
    worksheet = state.new_state(data)
    for doctor in sheet.doctor_ids(data):
        for row in sheet.row_ids(data):
            worksheet = state.set_answer(data, worksheet, doctor, row, ANSWERS[doctor][row])
    worksheet = state.set_goals(worksheet, GOALS)
    worksheet = state.set_comparison(data, worksheet, "treatment")
    return state.set_thoughts(worksheet, THOUGHTS)


def partly_filled_worksheet(data):
    """The first doctor's column only, goals left to follow the checklist."""
    worksheet = state.new_state(data)
    for row in sheet.row_ids(data):
        worksheet = state.set_answer(data, worksheet, "first", row, ANSWERS["first"][row])
    return worksheet


def hostile_worksheet(data):
    """filled_worksheet with markup in every piece of visitor text."""
    worksheet = filled_worksheet(data)
    for doctor in worksheet["answers"]:
        for row in worksheet["answers"][doctor]:
            worksheet["answers"][doctor][row] = worksheet["answers"][doctor][row] + EVIL
    worksheet["goals"] = EVIL + "</textarea><script>alert(1)</script>"
    worksheet["thoughts"] = "</textarea>" + EVIL
    return worksheet
