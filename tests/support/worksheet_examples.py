"""Named example worksheets, shared by the unit tests (CPython) and the
runtime parity cases (MicroPython and Pyodide), so MicroPython-safe.

Built only through state.py's own changes, so they are always what a visitor
could make; the hostile one is set directly, past the text policy, so that
rendering alone must keep it text.
"""

from sog.worksheet import sheet, state

from tests.support.examples import EVIL

# One realistic answer for each row, for each doctor.
ANSWERS = {
    "first": {
        "name": "Dr. Ana Rivera, March 3",
        "diagnosis": "Early prostate cancer, low risk.",
        "treatment": "Surgery in the next two months.",
        "benefits": "Removes the cancer.",
        "risks": "Leaking urine; trouble with sex.",
        "alternatives": "Radiation, or watching it closely.",
        "nothing": "It would likely grow slowly.",
        "sure": "Very sure of the diagnosis.",
        "cost_time": "Two days in hospital, 4 to 6 weeks off work.",
        "fit": "Gets it over with, but no garden this summer.",
        "ask": "What are my chances of leaking long term?",
    },
    "second": {
        "name": "Dr. Sam Okafor, March 20",
        "diagnosis": "The same: early prostate cancer, low risk.",
        "treatment": "Active surveillance: tests every 6 months.",
        "benefits": "No side effects for now.",
        "risks": "It could grow between tests.",
        "alternatives": "Surgery or radiation later.",
        "nothing": "Most like mine stay small for years.",
        "sure": "Sure; he sees many cases like mine.",
        "cost_time": "Tests twice a year; little time off.",
        "fit": "Lets me keep working and gardening.",
        "ask": "How often does it grow in 5 years?",
    },
}
GOALS = "Keep working until I retire. Garden with my grandkids."
THOUGHTS = "I lean toward watching it for now. I want to talk with my wife first."


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
