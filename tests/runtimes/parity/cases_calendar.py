"""Parity cases for sog.checklist.calendar: the visit and its reminders as an iCalendar file."""

from sog.checklist import calendar, items

from tests.runtimes.parity.harness import case
from tests.support.examples import EVIL, HOSTILE_TEXTS

DATA = items.load()
NOW = (2026, 11, 21, 12, 0, 5)

APPOINTMENTS = [
    ("full", {"doctor": "Dr. Lee", "phone": "555-0100", "address": "12 Oak St, Suite 4; Springfield",
              "date": "2027-03-01", "time": "09:30", "companion": "Sam"}),
    ("all_day", {"doctor": "", "phone": "", "address": "", "date": "2027-12-31", "time": "", "companion": ""}),
    ("late", {"doctor": "Dr. Late", "phone": "", "date": "2027-12-31", "time": "23:30", "companion": ""}),
    ("new_year_monday", {"doctor": "Dr. A", "phone": "1", "date": "2029-01-01", "time": "08:00"}),
    ("leap", {"doctor": "Dr. B", "phone": "", "date": "2028-03-01", "time": "10:00", "companion": ""}),
    ("sunday", {"doctor": "Dr. S", "date": "2027-01-03", "time": "11:00"}),
    ("hostile", {"doctor": EVIL + ";,\\\nEND:VCALENDAR{when}", "phone": "é😀中{doctor}", "address": "x" * 300,
                 "date": "2027-05-05", "time": "07:05", "companion": "x" * 200}),
    ("no_date", {"doctor": "Dr. C", "date": "", "time": "09:00"}),
    ("bad_date", {"doctor": "Dr. C", "date": "2027-02-30", "time": "09:00"}),
]
# The visitor's today: long before, between the two reminders, the visit's day.
TODAYS = [("none", None), ("early", (2027, 1, 1)), ("between", (2027, 2, 24)), ("visit_day", (2027, 3, 1))]


def file_for(appointment, plain, today):
    return calendar.ics_text(calendar.events(DATA, appointment, plain, today), appointment, plain, NOW)


def add_cases():
    for index, text in enumerate(HOSTILE_TEXTS):
        case("checklist.calendar.escape_text.%02d" % index, calendar.escape_text, text)
        case("checklist.calendar.fold.%02d" % index, calendar.fold, "DESCRIPTION:" + text)
    for name, appointment in APPOINTMENTS:
        case("checklist.calendar.when_words." + name, calendar.when_words, appointment)
        for plain in (False, True):
            label = name + (".plain" if plain else "")
            case("checklist.calendar.events." + label, calendar.events, DATA, appointment, plain)
            case("checklist.calendar.ics_text." + label, file_for, appointment, plain, None)
    for name, today in TODAYS:
        case("checklist.calendar.events.today_" + name, calendar.events, DATA, APPOINTMENTS[0][1], False, today)
