"""Example letters the letter's tests share, in the unit tests (CPython) and
the runtime parity cases (MicroPython and Pyodide) alike, so MicroPython-safe.
Examples are built through state.py's own changes, so they are always what a
visitor could make; the hostile one is set directly, past the text policy.
What they are made of is the letter's examples.json, which the browser suite
reads too (named_examples.py): one copy.
"""

from sog.letter import state

from tests.support.examples import EVIL
from tests.support.named_examples import example

# A long, realistic letter: every field, as a visitor might type it.
FILLED = example("letter", "filled")
# Every record the checklist knows, but the slides and blocks.
PAPERS = example("letter", "papers")
SPECIMENS = example("letter", "specimens")


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
FORMAT_1 = example("letter", "old_format")["data"]


def hostile_letter(checklist_data):
    """filled_letter with markup in every field, set directly."""
    letter = filled_letter(checklist_data)
    for field in state.FIELDS:
        letter["fields"][field] = EVIL + field + "\n" + EVIL
    return letter
