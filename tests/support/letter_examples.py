"""Example letters the letter's tests share, in the unit tests (CPython) and
the runtime parity cases (MicroPython and Pyodide) alike, so MicroPython-safe.
Examples are built through state.py's own changes, so they are always what a
visitor could make; the hostile one is set directly, past the text policy.
"""

from sog.letter import state

from tests.support.examples import EVIL

# A long, realistic letter: every field, as a visitor might type it.
FILLED = {
    "name": "Margaret Elizabeth Oyelaran-Fitzgerald",
    "other_names": "Margaret E. Fitzgerald; Peggy Fitzgerald",
    "birth_date": "September 14, 1953",
    "address": "1427 North Cedar Hollow Road, Apartment 12B, Springfield, MA 01109",
    "phone": "(413) 555-0142 (cell) or (413) 555-0199 (home)",
    "email": "margaret.fitzgerald1953@example.com",
    "office": "Baystate Regional Medical Center, Health Information Management",
    "office_address": "759 Chestnut Street, Springfield, MA 01199. Fax (413) 555-0100",
    "other_records": "Office visit notes from my oncologist, Dr. Alan Weiss\n\n"
                     "Discharge summary from my hospital stay in March\nMy medicine list from the pharmacy",
    "dates_from": "January 2025",
    "dates_to": "today",
    "doctor_name": "Dr. Priya Natarajan",
    "doctor_address": "Dana-Farber Cancer Institute, 450 Brookline Avenue, Boston, MA 02215",
    "doctor_fax": "(617) 555-0177",
    "doctor_phone": "(617) 555-0188",
    "visit_date": "2027-04-12",
    "cost_limit": "$ 25.50",
    "lab_name": "Baystate Pathology Department",
    "lab_address": "759 Chestnut Street, Springfield, MA 01199",
    "specimen": "Breast core biopsy, February 3, 2027, case number S27-01234",
    "review_lab": "Brigham and Women's Hospital Pathology",
    "review_address": "75 Francis Street, Boston, MA 02115",
    "date": "2027-03-05",
}
# Every record the checklist knows, but the slides and blocks.
PAPERS = ["clinical_summary", "primary_care_note", "pathology_report", "imaging", "surgeon_notes", "lab_results",
          "mammograms"]
SPECIMENS = ["pathology_slides", "tissue_blocks"]


def letter_with(checklist_data, fields=None, records=(), forms=(), send_to=(), agree=(), doctor_forms=()):
    """A letter made through state.py's changes."""
    letter = state.new_state()
    fields = fields or {}
    for field in state.FIELDS:
        if field in fields:
            letter = state.set_field(letter, field, fields[field])
    for group, chosen in (("records", records), ("forms", forms), ("send_to", send_to), ("agree", agree),
                          ("doctor_forms", doctor_forms)):
        for choice in chosen:
            letter = state.set_choice(checklist_data, letter, group, choice, True)
    return letter


def filled_letter(checklist_data, slides=True):
    """Every field typed, every paper record, two forms for the visitor's
    copy, both destinations, unencrypted email agreed, two ways to the doctor,
    and (slides=True) the slides and blocks."""
    return letter_with(checklist_data, FILLED, PAPERS + (SPECIMENS if slides else []), ["paper", "disc"],
                       ["me", "doctor"], ["plain_email"], ["electronic", "paper"])


def saved_letter(**parts):
    """A saved letter of the current format: an empty one with these parts."""
    letter = state.new_state()
    letter.update(parts)
    return letter


# A letter as format 1 saved it (before agree and doctor_forms): its forms
# were for every copy, the doctor's too.
FORMAT_1 = {
    "fields": {"name": "Ana Ruiz", "other_records": "Visit notes\nDischarge summary", "doctor_name": "Dr. Lee"},
    "records": ["imaging", "lab_results"],
    "forms": ["paper", "disc", "portal"],
    "send_to": ["doctor"],
}


def hostile_letter(checklist_data):
    """filled_letter with markup in every field, set directly."""
    letter = filled_letter(checklist_data)
    for field in state.FIELDS:
        letter["fields"][field] = EVIL + field + "\n" + EVIL
    return letter
