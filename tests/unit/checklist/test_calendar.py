"""Unit tests for sog/checklist/calendar.py: the visit as an iCalendar file.

The file is read back with the icalendar package, as a calendar app would
read it. Tested here: the events it holds (a reminder a week before to
check that the records arrived, another on the weekday before the visit, a
Monday visit's on the Friday before, and the visit, in floating local time
or all day), reminders already past left out; plain titles that name
neither the doctor nor a second opinion, with the address kept out of the
location; the visitor's text read back exactly, never as structure; RFC
5545 escaping and folding (no line over 75 octets, never inside a
character); every sentence from the words.
"""

import datetime

import pytest
from icalendar import Calendar
from sog.checklist import calendar

NOW = (2026, 11, 21, 12, 0, 5)
# A Monday visit.
FULL = {"doctor": "Dr. Lee", "phone": "555-0100", "address": "12 Oak St, Suite 4; Springfield",
        "date": "2027-03-01", "time": "09:30", "companion": "Sam"}


def read(text):
    """The file as icalendar reads it: {"visit"|"week"|"day": event}."""
    assert text.endswith("\r\n")
    for line in text.split("\r\n"):
        assert len(line.encode("utf-8")) <= calendar.LINE_OCTETS
    parsed = Calendar.from_ical(text)
    assert str(parsed["VERSION"]) == "2.0"
    found = {}
    for event in parsed.walk("VEVENT"):
        kind = str(event["UID"]).split("-")[0]
        assert kind not in found
        found[kind] = event
    return found


def ics(data, appointment, plain=False, today=None):
    return calendar.ics_text(calendar.events(data, appointment, plain, today), appointment, plain, NOW)


def test_no_events_and_no_file_without_a_real_date(data):
    for appointment in ({"date": "", "time": "09:00"}, {"date": "2027-02-30", "time": "09:00"}, {}):
        assert calendar.events(data, appointment, False) == []
    assert calendar.ics_text([], {"date": ""}, False, NOW) is None


def test_the_visit_and_its_two_reminders(data):
    """The visit at the clock time given (floating, an hour long, an alarm two
    hours before); a reminder a week before and one on the Friday before a
    Monday visit, each at 9:00 for 15 minutes with an alarm at its time."""
    words = data["words"]["calendar"]
    found = read(ics(data, FULL))
    assert sorted(found) == ["day", "visit", "week"]
    visit, week, day = found["visit"], found["week"], found["day"]
    assert visit.decoded("DTSTART") == datetime.datetime(2027, 3, 1, 9, 30)
    assert visit.decoded("DTSTART").tzinfo is None
    assert visit.decoded("DTEND") == datetime.datetime(2027, 3, 1, 10, 30)
    assert str(visit["SUMMARY"]) == words["titles"]["visit"].replace("{doctor}", "Dr. Lee")
    assert str(visit["LOCATION"]) == FULL["address"]
    description = str(visit["DESCRIPTION"])
    for thing in ["555-0100", "Sam", FULL["address"], words["bring"], words["not_advice"]] + words["bring_list"]:
        assert thing in description
    [alarm] = visit.walk("VALARM")
    assert alarm.decoded("TRIGGER") == -datetime.timedelta(hours=2)
    assert week.decoded("DTSTART") == datetime.datetime(2027, 2, 22, 9, 0)
    assert week.decoded("DTEND") == datetime.datetime(2027, 2, 22, 9, 15)
    assert day.decoded("DTSTART") == datetime.datetime(2027, 2, 26, 9, 0)
    assert str(day["SUMMARY"]) == words["titles"]["day"].replace("{doctor}", "Dr. Lee")
    assert str(week["SUMMARY"]) == words["titles"]["week"].replace("{doctor}", "Dr. Lee")
    for reminder in (week, day):
        assert "Monday, March 1, 2027, 9:30 AM" in str(reminder["DESCRIPTION"])
        assert "555-0100" in str(reminder["DESCRIPTION"])
        assert "LOCATION" not in reminder
        [alarm] = reminder.walk("VALARM")
        assert alarm.decoded("TRIGGER") == datetime.timedelta(0)
    assert visit.decoded("DTSTAMP") == datetime.datetime(2026, 11, 21, 12, 0, 5, tzinfo=datetime.UTC)
    assert len({str(event["UID"]) for event in found.values()}) == 3
    assert all(str(event["UID"]).endswith(calendar.UID_DOMAIN) for event in found.values())


@pytest.mark.parametrize(
    "date, week, day",
    [
        ("2027-03-01", (2027, 2, 22), (2027, 2, 26)),  # Monday: the Friday before
        ("2027-03-02", (2027, 2, 23), (2027, 3, 1)),  # Tuesday: Monday, across a month end
        ("2029-01-01", (2028, 12, 25), (2028, 12, 29)),  # Monday: Friday, across a year end
        ("2027-01-03", (2026, 12, 27), (2027, 1, 1)),  # Sunday: Friday
        ("2027-01-02", (2026, 12, 26), (2027, 1, 1)),  # Saturday: Friday
        ("2028-03-01", (2028, 2, 23), (2028, 2, 29)),  # Wednesday after a leap day
        ("2027-03-04", (2027, 2, 25), (2027, 3, 3)),  # Thursday
    ],
)
def test_reminders_fall_on_the_previous_weekday_and_a_week_before(data, date, week, day):
    found = read(ics(data, {"date": date, "time": "10:00"}))
    assert found["week"].decoded("DTSTART") == datetime.datetime(*week, 9, 0)
    assert found["day"].decoded("DTSTART") == datetime.datetime(*day, 9, 0)
    assert found["day"].decoded("DTSTART").isoweekday() <= 5


def test_reminders_already_past_are_left_out(data):
    """Made on the Wednesday before a Monday visit: the week's reminder is
    past; made on the visit's day, both are; the visit always stays."""
    appointment = {"date": "2027-03-01", "time": "10:00"}
    kinds = [event["kind"] for event in calendar.events(data, appointment, False, (2027, 2, 22))]
    assert kinds == ["week", "day", "visit"]
    assert [event["kind"] for event in calendar.events(data, appointment, False, (2027, 2, 24))] == ["day", "visit"]
    assert [event["kind"] for event in calendar.events(data, appointment, False, (2027, 3, 1))] == ["visit"]
    assert sorted(read(ics(data, appointment, today=(2027, 2, 24)))) == ["day", "visit"]


def test_events_say_when_in_order(data):
    found = calendar.events(data, FULL, False)
    assert [event["kind"] for event in found] == list(calendar.KINDS)
    assert [(event["date"], event["time"]) for event in found] == [
        ((2027, 2, 22), (9, 0)), ((2027, 2, 26), (9, 0)), ((2027, 3, 1), (9, 30))]


def test_plain_titles_name_neither_the_doctor_nor_a_second_opinion(data):
    """Titles can show on a locked screen: plain ones say only "Doctor visit"
    and "Call the doctor's office"; the address stays out of the location
    (it can show there too) but in the details, with everything else."""
    words = data["words"]["calendar"]
    found = read(ics(data, FULL, plain=True))
    assert {kind: str(event["SUMMARY"]) for kind, event in found.items()} == words["plain"]
    for event in found.values():
        assert "LOCATION" not in event
        assert "Lee" not in str(event["SUMMARY"]) and "second" not in str(event["SUMMARY"]).lower()
    assert FULL["address"] in str(found["visit"]["DESCRIPTION"])
    assert "Dr. Lee" not in "".join(str(event["SUMMARY"]) for event in found.values())


def test_a_visit_without_a_time_is_all_day(data):
    found = read(ics(data, {"date": "2027-12-31", "time": ""}))
    visit = found["visit"]
    assert visit.decoded("DTSTART") == datetime.date(2027, 12, 31)
    assert visit.decoded("DTEND") == datetime.date(2028, 1, 1)
    assert not visit.walk("VALARM")
    assert found["day"].decoded("DTSTART") == datetime.datetime(2027, 12, 30, 9, 0)
    assert "Friday, December 31, 2027." in str(found["day"]["DESCRIPTION"])


def test_a_late_visit_ends_the_next_day(data):
    found = read(ics(data, {"date": "2027-12-31", "time": "23:30"}))
    assert found["visit"].decoded("DTEND") == datetime.datetime(2028, 1, 1, 0, 30)


@pytest.mark.parametrize("field", ["doctor", "phone", "address", "companion"])
def test_the_visitors_text_is_read_back_exactly_never_as_structure(data, field):
    """Commas, semicolons, backslashes, line breaks and calendar lines in
    what the visitor typed come back exactly, and the file has one calendar."""
    typed = 'Dr. A;B,C\\D\nEND:VCALENDAR\r\nBEGIN:VEVENT é😀中 "{when}"'
    text = ics(data, dict(FULL, **{field: typed}))
    assert text.count("\r\nEND:VCALENDAR\r\n") == 1 and text.endswith("END:VCALENDAR\r\n")
    found = read(text)
    visit = found["visit"]
    shown = str(visit["SUMMARY"]) if field == "doctor" else str(visit["DESCRIPTION"])
    assert typed.replace("\r\n", "\n") in shown


def test_without_a_doctor_the_words_say_the_second_doctor(data):
    words = data["words"]["calendar"]
    found = read(ics(data, {"date": "2027-01-15"}))
    for event in found.values():
        assert words["no_doctor"] in str(event["SUMMARY"])


def test_when_words(data):
    assert calendar.when_words({"date": "2027-01-14", "time": "10:30"}) == "Thursday, January 14, 2027, 10:30 AM"
    assert calendar.when_words({"date": "2027-01-14"}) == "Thursday, January 14, 2027"
    assert calendar.when_words({"date": "", "time": "09:30"}) == ""


def test_escape_text():
    """Backslash, semicolon, comma and line breaks are escaped as RFC 5545 says."""
    assert calendar.escape_text('a\\b;c,d\ne\r\nf"g') == 'a\\\\b\\;c\\,d\\ne\\nf"g'


@pytest.mark.parametrize("line", ["x" * 200, "é" * 100, "😀" * 60, "a" + "中" * 80, "ab" * 37 + "é"])
def test_fold_keeps_lines_short_and_characters_whole(line):
    """No folded line is over 75 octets; unfolding gives the line back exactly."""
    folded = calendar.fold(line)
    for part in folded.split("\r\n"):
        assert len(part.encode("utf-8")) <= calendar.LINE_OCTETS
    assert folded.replace("\r\n ", "") == line


@pytest.mark.parametrize("line", ["", "x", "x" * 74, "x" * 75, "x" * 76, "x" * 149, "x" * 150, "ab" * 250,
                                  "é" * 100, "a" + "中" * 80])
def test_fold_fills_every_line_but_the_last(line):
    """A fold comes only where the next character would not fit: every line
    but the last is full, within a character's octets of 75 (a continuation
    line's leading space counts)."""
    parts = calendar.fold(line).split("\r\n")
    for part, after in zip(parts, parts[1:], strict=False):
        next_octets = len(after[1:2].encode("utf-8"))
        assert calendar.LINE_OCTETS - next_octets < len(part.encode("utf-8")) <= calendar.LINE_OCTETS


def test_every_sentence_comes_from_the_words(data):
    """Change the words and the file says the new ones."""
    words = data["words"]["calendar"]
    words["titles"] = {"week": "W {doctor}", "day": "D {doctor}", "visit": "V {doctor}"}
    words["details"] = {"week": "wk {when}", "day": "dy {when}"}
    words["bring_list"] = ["one thing"]
    found = read(ics(data, {"doctor": "X", "date": "2027-03-01", "time": "09:30"}))
    assert [str(found[kind]["SUMMARY"]) for kind in calendar.KINDS] == ["W X", "D X", "V X"]
    assert str(found["week"]["DESCRIPTION"]).startswith("wk Monday, March 1, 2027, 9:30 AM")
    assert "- one thing" in str(found["visit"]["DESCRIPTION"])
