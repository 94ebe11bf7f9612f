"""Unit tests for sog/checklist/calendar.py: the visit as an iCalendar file.

Tested here: the date arithmetic agrees with CPython's datetime over
centuries; dates and times from the form's fields are read strictly; the
visit's date and time in words; RFC 5545 text escaping and line folding (no
line over 75 octets, never inside a character, unfolding gives the line
back); the file's two events (the visit in floating local time, or all day
without a time; the call to confirm records the day before, across month,
year and leap-day edges); every sentence from the words.
"""

import datetime

import pytest
from sog import datafiles
from sog.checklist import calendar

NOW = (2026, 11, 21, 12, 0, 5)


def unfold(text):
    """The content lines of an iCalendar text, folds undone."""
    assert text.endswith("\r\n")
    return text.replace("\r\n ", "").split("\r\n")[:-1]


def events(text):
    """{property name: value} for each VEVENT (alarms left out)."""
    found = []
    current = None
    in_alarm = False
    for line in unfold(text):
        if line == "BEGIN:VEVENT":
            current = {}
        elif line == "END:VEVENT":
            found.append(current)
            current = None
        elif line == "BEGIN:VALARM":
            in_alarm = True
            current["ALARM"] = True
        elif line == "END:VALARM":
            in_alarm = False
        elif current is not None and not in_alarm:
            name, _, value = line.partition(":")
            current[name] = value
    return found


def test_day_counts_agree_with_datetime():
    """days_from_civil and civil_from_days match datetime on every day from 1900 to 2100."""
    day = datetime.date(1900, 1, 1)
    epoch = datetime.date(1970, 1, 1)
    while day.year <= 2100:
        count = (day - epoch).days
        assert calendar.days_from_civil(day.year, day.month, day.day) == count
        assert calendar.civil_from_days(count) == (day.year, day.month, day.day)
        day += datetime.timedelta(days=7)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("2027-01-15", (2027, 1, 15)), ("2028-02-29", (2028, 2, 29)), ("2000-02-29", (2000, 2, 29)),
        ("2027-02-29", None), ("1900-02-29", None), ("2027-04-31", None), ("2027-13-01", None),
        ("2027-00-10", None), ("2027-1-15", None), ("27-01-15", None), ("2027/01/15", None), ("", None),
        ("2027-01-15T09:00", None), ("２０２７-01-15", None), (None, None), (20270115, None),
    ],
)
def test_parse_date(text, expected):
    """Only a real date written YYYY-MM-DD, as a date field gives it, is read."""
    assert calendar.parse_date(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("09:30", (9, 30)), ("00:00", (0, 0)), ("23:59", (23, 59)), ("14:05:30", (14, 5)),
        ("24:00", None), ("9:30", None), ("09:60", None), ("09:30:61", None), ("0930", None), ("", None),
        (None, None),
    ],
)
def test_parse_time(text, expected):
    """Only HH:MM or HH:MM:SS (24-hour), as a time field gives it, is read."""
    assert calendar.parse_time(text) == expected


@pytest.mark.parametrize(
    "hour, minute, expected",
    [(0, 5, "12:05 AM"), (9, 30, "9:30 AM"), (12, 0, "12:00 PM"), (13, 45, "1:45 PM"), (23, 59, "11:59 PM")],
)
def test_clock_words(hour, minute, expected):
    """The clock as US readers write it, from the words' AM and PM."""
    clock = datafiles.load("words.json")["clock"]
    assert calendar.clock_words(hour, minute) == expected.replace("AM", clock["am"]).replace("PM", clock["pm"])


def test_when_words():
    """The weekday, month and year in words, and the time when there is one."""
    words = datafiles.load("words.json")
    assert calendar.when_words({"date": "2027-01-15", "time": "09:30"}) == (
        words["weekdays"][5] + ", " + words["months"][0] + " 15, 2027, at 9:30 " + words["clock"]["am"]
    )
    assert calendar.when_words({"date": "2027-01-15", "time": ""}) == words["weekdays"][5] + ", January 15, 2027"
    assert calendar.when_words({"date": "", "time": "09:30"}) == ""
    assert calendar.when_words({"date": "2027-02-30"}) == ""


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


def test_no_file_without_a_real_date(data):
    """Without a date, or with one that does not exist, there is no file to offer."""
    assert calendar.ics_text(data, {"date": "", "time": "09:00"}, NOW) is None
    assert calendar.ics_text(data, {"date": "2027-02-30", "time": "09:00"}, NOW) is None


def test_the_visit_and_the_reminder(data):
    """Two events: the visit at the clock time given (floating, an hour long,
    with an alarm two hours before), and the call the day before at 9:00."""
    words = data["words"]["calendar"]
    appointment = {"doctor": "Dr. Lee", "phone": "555-0100", "date": "2027-03-01", "time": "09:30",
                   "companion": "Sam"}
    text = calendar.ics_text(data, appointment, NOW)
    lines = unfold(text)
    assert lines[:2] == ["BEGIN:VCALENDAR", "VERSION:2.0"] and lines[-1] == "END:VCALENDAR"
    assert "\n" not in text.replace("\r\n", "")
    visit, call = events(text)
    assert (visit["DTSTART"], visit["DTEND"]) == ("20270301T093000", "20270301T103000")
    assert visit["SUMMARY"] == calendar.escape_text(words["visit"].replace("{doctor}", "Dr. Lee"))
    assert "555-0100" in visit["DESCRIPTION"] and "Sam" in visit["DESCRIPTION"]
    for thing in words["bring_list"]:
        assert calendar.escape_text(thing) in visit["DESCRIPTION"]
    assert visit["DTSTAMP"] == "20261121T120005Z" and visit["ALARM"]
    assert (call["DTSTART"], call["DTEND"]) == ("20270228T090000", "20270228T091500")
    assert call["SUMMARY"] == calendar.escape_text(words["reminder"].replace("{doctor}", "Dr. Lee"))
    assert visit["UID"] != call["UID"] and visit["UID"].endswith("@second-opinion-guide")


@pytest.mark.parametrize(
    "date, before",
    [("2027-01-01", "20261231"), ("2028-03-01", "20280229"), ("2027-03-01", "20270228"), ("2027-07-15", "20270714")],
)
def test_the_reminder_is_the_day_before(data, date, before):
    """The call to confirm the records falls on the day before, across month, year and leap-day edges."""
    _, call = events(calendar.ics_text(data, {"date": date, "time": "10:00"}, NOW))
    assert call["DTSTART"].startswith(before + "T09")


def test_a_visit_without_a_time_is_all_day(data):
    """Without a time the visit is an all-day event on its date."""
    visit, call = events(calendar.ics_text(data, {"date": "2027-12-31", "time": ""}, NOW))
    assert (visit["DTSTART;VALUE=DATE"], visit["DTEND;VALUE=DATE"]) == ("20271231", "20280101")
    assert "ALARM" not in visit
    assert call["DTSTART"] == "20271230T090000"


def test_a_late_visit_ends_the_next_day(data):
    """An hour-long visit at 23:30 ends at half past midnight the next day."""
    visit, _ = events(calendar.ics_text(data, {"date": "2027-12-31", "time": "23:30"}, NOW))
    assert visit["DTEND"] == "20280101T003000"


def test_the_visitors_text_is_escaped_not_read_as_structure(data):
    """Commas, semicolons and line breaks in a name stay text, on their own content line."""
    text = calendar.ics_text(data, {"doctor": "Dr. A;B,C\nEND:VCALENDAR", "date": "2027-01-15"}, NOW)
    lines = unfold(text)
    assert lines.count("END:VCALENDAR") == 1 and lines[-1] == "END:VCALENDAR"
    assert "Dr. A\\;B\\,C\\nEND:VCALENDAR" in events(text)[0]["SUMMARY"]


def test_without_a_doctor_the_words_say_the_second_doctor(data):
    """No name typed: the events name "the second doctor" from the words."""
    words = data["words"]["calendar"]
    visit, call = events(calendar.ics_text(data, {"date": "2027-01-15"}, NOW))
    assert words["no_doctor"] in visit["SUMMARY"] and words["no_doctor"] in call["SUMMARY"]
