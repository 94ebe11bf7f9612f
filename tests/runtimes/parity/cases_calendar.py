"""Parity cases for sog.checklist.calendar: the visit as an iCalendar file."""

from sog.checklist import calendar, items

from tests.runtimes.parity.harness import case
from tests.support.examples import EVIL, HOSTILE_TEXTS

DATA = items.load()
NOW = (2026, 11, 21, 12, 0, 5)

DATES = ["2027-01-15", "2028-02-29", "2027-02-29", "1900-02-29", "2000-02-29", "2027-04-31", "2027-13-01",
         "2027-1-15", "", "0001-01-01", "9999-12-31", "2027-01-15T09:00", "abcd-ef-gh"]
TIMES = ["09:30", "00:00", "23:59", "12:00", "14:05:30", "24:00", "9:30", "09:60", ""]
APPOINTMENTS = [
    ("full", {"doctor": "Dr. Lee", "phone": "555-0100", "date": "2027-03-01", "time": "09:30", "companion": "Sam"}),
    ("all_day", {"doctor": "", "phone": "", "date": "2027-12-31", "time": "", "companion": ""}),
    ("late", {"doctor": "Dr. Late", "phone": "", "date": "2027-12-31", "time": "23:30", "companion": ""}),
    ("new_year", {"doctor": "Dr. A", "phone": "1", "date": "2027-01-01", "time": "08:00", "companion": ""}),
    ("leap", {"doctor": "Dr. B", "phone": "", "date": "2028-03-01", "time": "10:00", "companion": ""}),
    ("hostile", {"doctor": EVIL + ";,\\\nEND:VCALENDAR", "phone": "é😀中", "date": "2027-05-05", "time": "07:05",
                 "companion": "x" * 200}),
    ("no_date", {"doctor": "Dr. C", "date": "", "time": "09:00"}),
    ("bad_date", {"doctor": "Dr. C", "date": "2027-02-30", "time": "09:00"}),
]


def day_round_trips():
    """Day counts for one day in every 97 from 1600 to 2400, and back."""
    results = []
    for days in range(-135140, 157800, 97 * 37):
        date = calendar.civil_from_days(days)
        results.append([days, list(date), calendar.days_from_civil(date[0], date[1], date[2])])
    return results


def add_cases():
    case("calendar.day_round_trips", day_round_trips)
    for text in DATES:
        case("calendar.parse_date." + (text or "empty"), calendar.parse_date, text)
    for text in TIMES:
        case("calendar.parse_time." + (text or "empty"), calendar.parse_time, text)
    for hour in range(24):
        case("calendar.clock_words.%02d" % hour, calendar.clock_words, hour, 7)
    for index, text in enumerate(HOSTILE_TEXTS):
        case("calendar.escape_text.%02d" % index, calendar.escape_text, text)
        case("calendar.fold.%02d" % index, calendar.fold, "DESCRIPTION:" + text)
    for name, appointment in APPOINTMENTS:
        case("calendar.when_words." + name, calendar.when_words, appointment)
        case("calendar.ics_text." + name, calendar.ics_text, DATA, appointment, NOW)
