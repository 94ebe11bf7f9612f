"""Unit tests for sog/dates.py: every date the widgets count or write.

Checked against CPython's datetime: day counts both ways over four
centuries (leap years, month ends, the year 2000 and 1900), weekdays,
adding days across month and year ends, the previous weekday (a Monday's is
the Friday before) and a week before. Fields are read strictly, as a date
or time field gives them; words come from words.json (months, weekdays,
clock, dates), never from code: changing the words changes the output.
"""

import datetime

import pytest
from sog import datafiles, dates

EPOCH = datetime.date(1970, 1, 1)


def as_tuple(day):
    return day.year, day.month, day.day


def sample_days():
    """Every day of 1999 to 2001 and 2027 to 2029 (the leap days of 2000 and
    2028 among them), and one day in 13 from 1600 to 2400."""
    found = []
    for first, last in ((1999, 2001), (2027, 2029)):
        day = datetime.date(first, 1, 1)
        while day.year <= last:
            found.append(day)
            day += datetime.timedelta(days=1)
    day = datetime.date(1600, 1, 1)
    while day.year < 2400:
        found.append(day)
        day += datetime.timedelta(days=13)
    return found


DAYS = sample_days()


def test_day_counts_agree_with_datetime():
    for day in DAYS:
        count = (day - EPOCH).days
        assert dates.days_from_civil(day.year, day.month, day.day) == count
        assert dates.civil_from_days(count) == as_tuple(day)


def test_weekdays_agree_with_datetime():
    """0 is Sunday, as words.json lists the weekdays."""
    for day in DAYS:
        assert dates.weekday(as_tuple(day)) == day.isoweekday() % 7


@pytest.mark.parametrize("count", [-400, -366, -31, -7, -1, 0, 1, 28, 29, 365, 366, 1000])
def test_add_days_agrees_with_datetime(count):
    for day in DAYS[::7]:
        assert dates.add_days(as_tuple(day), count) == as_tuple(day + datetime.timedelta(days=count))


def expected_previous_weekday(day):
    before = day - datetime.timedelta(days=1)
    while before.isoweekday() > 5:
        before -= datetime.timedelta(days=1)
    return before


def test_previous_weekday_agrees_with_datetime():
    for day in DAYS:
        assert dates.previous_weekday(as_tuple(day)) == as_tuple(expected_previous_weekday(day))


@pytest.mark.parametrize(
    "visit, before",
    [
        ((2027, 3, 1), (2027, 2, 26)),  # Monday: the Friday before, across a month end
        ((2027, 1, 12), (2027, 1, 11)),  # Tuesday: Monday
        ((2027, 1, 16), (2027, 1, 15)),  # Saturday: Friday
        ((2027, 1, 17), (2027, 1, 15)),  # Sunday: Friday
        ((2029, 1, 1), (2028, 12, 29)),  # Monday, New Year's Day: Friday of the year before
        ((2028, 3, 1), (2028, 2, 29)),  # Wednesday after a leap day
        ((2027, 3, 1), (2027, 2, 26)),
    ],
)
def test_previous_weekday_examples(visit, before):
    assert dates.previous_weekday(visit) == before


def test_week_before_agrees_with_datetime():
    for day in DAYS:
        assert dates.week_before(as_tuple(day)) == as_tuple(day - datetime.timedelta(days=7))
        assert dates.weekday(dates.week_before(as_tuple(day))) == dates.weekday(as_tuple(day))


@pytest.mark.parametrize(
    "date, hour, minute, minutes",
    [((2027, 12, 31), 23, 30, 60), ((2028, 2, 28), 23, 59, 1), ((2027, 1, 15), 9, 0, 15), ((2027, 1, 15), 0, 0, 0),
     ((2027, 3, 1), 22, 0, 3000)],
)
def test_later_agrees_with_datetime(date, hour, minute, minutes):
    start = datetime.datetime(date[0], date[1], date[2], hour, minute)
    end = start + datetime.timedelta(minutes=minutes)
    assert dates.later(date, hour, minute, minutes) == ((end.year, end.month, end.day), end.hour, end.minute)


def test_parse_date_accepts_every_real_day_and_no_other():
    """Every day datetime knows in the samples reads back; the 29th to 31st
    of each month read only where datetime says the day exists."""
    for day in DAYS:
        assert dates.parse_date(day.isoformat()) == as_tuple(day)
    for year in (1900, 2000, 2027, 2028):
        for month in range(1, 13):
            for day in (29, 30, 31):
                try:
                    real = as_tuple(datetime.date(year, month, day))
                except ValueError:
                    real = None
                assert dates.parse_date("%04d-%02d-%02d" % (year, month, day)) == real


@pytest.mark.parametrize(
    "text",
    ["2027-13-01", "2027-00-10", "2027-01-00", "2027-01-32", "2027-1-15", "27-01-15", "2027/01/15", "",
     "2027-01-15T09:00", "\uff12\uff10\uff12\uff17-01-15", "0000-01-01", "2027-0a-15", " 2027-01-15", None,
     20270115, ["2027", "01", "15"]],
)
def test_parse_date_refuses_what_a_date_field_never_gives(text):
    assert dates.parse_date(text) is None


@pytest.mark.parametrize(
    "text, expected",
    [("09:30", (9, 30)), ("00:00", (0, 0)), ("23:59", (23, 59)), ("14:05:30", (14, 5)), ("24:00", None),
     ("9:30", None), ("09:60", None), ("09:30:61", None), ("0930", None), ("", None), (None, None),
     ("09:30:00:00", None), ("\u0660\u0669:30", None)],
)
def test_parse_time(text, expected):
    assert dates.parse_time(text) == expected


def test_iso_date_is_what_a_date_field_holds():
    for day in DAYS[::11]:
        assert dates.iso_date(day.year, day.month, day.day) == day.isoformat()
        assert dates.parse_date(dates.iso_date(day.year, day.month, day.day)) == as_tuple(day)


@pytest.mark.parametrize(
    "hour, minute, expected",
    [(0, 5, "12:05 AM"), (9, 30, "9:30 AM"), (11, 59, "11:59 AM"), (12, 0, "12:00 PM"), (13, 45, "1:45 PM"),
     (23, 59, "11:59 PM")],
)
def test_clock_words(hour, minute, expected):
    assert dates.clock_words(hour, minute) == expected


def test_words_agree_with_datetime():
    """The weekday and month names are the ones datetime gives (in English)."""
    for day in DAYS[::5]:
        assert dates.date_words(as_tuple(day)) == day.strftime("%B ") + str(day.day) + day.strftime(", %Y")
        assert dates.day_words(as_tuple(day)) == day.strftime("%A, ") + dates.date_words(as_tuple(day))


def test_day_time_words():
    assert dates.day_time_words((2027, 1, 14), (10, 30)) == "Thursday, January 14, 2027, 10:30 AM"
    assert dates.day_time_words((2027, 1, 14), None) == "Thursday, January 14, 2027"
    assert dates.when_words("2027-01-14", "10:30") == "Thursday, January 14, 2027, 10:30 AM"
    assert dates.when_words("2027-01-14", "") == "Thursday, January 14, 2027"
    assert dates.when_words("2027-01-14", "25:00") == "Thursday, January 14, 2027"
    assert dates.when_words("", "10:30") == ""
    assert dates.when_words("2027-02-30", "10:30") == ""


@pytest.fixture
def other_words(monkeypatch):
    """words.json as another language might write it (names, order, clock)."""
    words = datafiles.load("words.json")
    changed = dict(words)
    changed["months"] = ["m" + str(number) for number in range(1, 13)]
    changed["weekdays"] = ["w" + str(number) for number in range(7)]
    changed["clock"] = {"am": "a", "pm": "p", "time": "{period}{hour}h{minute}"}
    changed["dates"] = {"date": "{day} {month} {year}", "day": "{weekday} {date}", "day_time": "{day} / {time}"}
    monkeypatch.setitem(datafiles._cache, "words.json", changed)
    return changed


def test_every_word_and_order_comes_from_the_words(other_words):
    assert dates.date_words((2027, 1, 14)) == "14 m1 2027"
    assert dates.day_words((2027, 1, 14)) == "w4 14 m1 2027"
    assert dates.clock_words(13, 5) == "p1h05"
    assert dates.day_time_words((2027, 12, 31), (0, 0)) == "w5 31 m12 2027 / a12h00"
