"""Named example worksheets, shared by the unit tests (CPython) and the
runtime parity cases (MicroPython and Pyodide), so MicroPython-safe.

Built only through state.py's own changes, so they are always what a visitor
could make; the hostile one is set directly, past the text policy, so that
rendering alone must keep it text.
"""

from sog.worksheet import sheet, state

from tests.support.examples import EVIL

# One realistic answer for each row, for each doctor: a sentence or two, as
# a visitor writes them after a visit.
ANSWERS = {
    "first": {
        "name": "Dr. Ana Rivera, March 3",
        "diagnosis": "Early prostate cancer, low risk. It is small and slow growing.",
        "treatment": "Surgery to take out the prostate, in the next two months.",
        "benefits": "Removes the cancer. Most men do well after it.",
        "risks": "Leaking urine and trouble with sex for a while, maybe for good. Some pain after.",
        "alternatives": "Radiation, or watching it closely.",
        "nothing": "She said it would likely grow slowly, but it could spread over years.",
        "decide": "Within two months. A few weeks to think is fine.",
        "sure": "Very sure of the diagnosis. Less sure surgery is needed now.",
        "experience": "About 150 of these surgeries a year.",
        "cost_time": "Two days in hospital, 4 to 6 weeks off work. I pay 20% after my deductible.",
        "fit": "Gets it over with. But I might not be able to garden this summer.",
        "ask": "What are my chances of leaking urine long term?",
    },
    "second": {
        "name": "Dr. Sam Okafor, March 20",
        "diagnosis": "The same: early prostate cancer, low risk. He read my slides again and agrees.",
        "treatment": "Active surveillance: a blood test every 6 months and a biopsy in a year.",
        "benefits": "No surgery now, so no side effects for now. I keep my normal life.",
        "risks": "The cancer could grow between tests. I may worry more.",
        "alternatives": "Surgery or radiation later if it grows.",
        "nothing": "He said most low-risk cancers like mine stay small for years.",
        "decide": "No rush. Decide in the next few months.",
        "sure": "Sure. He sees many cases like mine.",
        "experience": "He follows hundreds of men on active surveillance.",
        "cost_time": "Tests twice a year. Little time off. Costs less for now.",
        "fit": "Lets me keep working and gardening. I would need to live with the worry.",
        "ask": "How often does low-risk cancer grow in 5 years?",
    },
}
# Rows added to worksheet.json after worksheets were first saved.
ADDED_ROWS = ("decide", "experience")
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
