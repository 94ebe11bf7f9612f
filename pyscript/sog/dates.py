"""Every date the widgets read, count with or write in words. Pure.

A date is a tuple (year, month, day), month 1 to 12; a time is (hour,
minute), 24-hour. Dates come in as a date field gives them ("2027-01-14")
and go out in words ("Thursday, January 14, 2027, 10:30 AM"); the names of
months and weekdays and the order of the parts are words (words.json:
months, weekdays, clock, dates), so another language changes only data.

The datetime module is missing in MicroPython, so the counting is done
here: days_from_civil and civil_from_days turn a date into a day count and
back (Howard Hinnant's method), and everything else counts days with them.
The tests check it against CPython's datetime.
"""

from sog import datafiles
from sog.markup import fill

WORDS = "words.json"
# Weekday numbers, as words.json's weekdays list counts them (Sunday first).
SUNDAY = 0
SATURDAY = 6
# 1970-01-01, day 0, was a Thursday.
EPOCH_WEEKDAY = 4


def _words():
    return datafiles.load(WORDS)


# ---- counting ---------------------------------------------------------------------


def days_from_civil(year, month, day):
    """Days since 1970-01-01 of a Gregorian date."""
    year -= 1 if month <= 2 else 0
    era = (year if year >= 0 else year - 399) // 400
    year_of_era = year - era * 400
    day_of_year = (153 * (month + (-3 if month > 2 else 9)) + 2) // 5 + day - 1
    day_of_era = year_of_era * 365 + year_of_era // 4 - year_of_era // 100 + day_of_year
    return era * 146097 + day_of_era - 719468


def civil_from_days(days):
    """The (year, month, day) of a day count since 1970-01-01."""
    days += 719468
    era = (days if days >= 0 else days - 146096) // 146097
    day_of_era = days - era * 146097
    year_of_era = (day_of_era - day_of_era // 1460 + day_of_era // 36524 - day_of_era // 146096) // 365
    day_of_year = day_of_era - (365 * year_of_era + year_of_era // 4 - year_of_era // 100)
    shifted = (5 * day_of_year + 2) // 153
    day = day_of_year - (153 * shifted + 2) // 5 + 1
    month = shifted + (3 if shifted < 10 else -9)
    return year_of_era + era * 400 + (1 if month <= 2 else 0), month, day


def add_days(date, count):
    """The date count days after date (before it, if count is negative)."""
    return civil_from_days(days_from_civil(date[0], date[1], date[2]) + count)


def weekday(date):
    """The weekday of a date: 0 for Sunday to 6 for Saturday (words.json's order)."""
    return (days_from_civil(date[0], date[1], date[2]) + EPOCH_WEEKDAY) % 7


def previous_weekday(date):
    """The last Monday-to-Friday day before date: a Monday's is the Friday before."""
    before = add_days(date, -1)
    while weekday(before) in (SUNDAY, SATURDAY):
        before = add_days(before, -1)
    return before


def week_before(date):
    """The same weekday one week earlier."""
    return add_days(date, -7)


def later(date, hour, minute, minutes):
    """(date, hour, minute) that many minutes after a date and clock time."""
    total = hour * 60 + minute + minutes
    return add_days(date, total // 1440), total % 1440 // 60, total % 60


# ---- reading what a field gives ---------------------------------------------------


def _number(text, low, high):
    """An int from all-digit text (at most 4 digits) within [low, high], or None."""
    if not text or len(text) > 4:
        return None
    for char in text:
        if not "0" <= char <= "9":
            return None
    value = int(text)
    return value if low <= value <= high else None


def parse_date(text):
    """(year, month, day) from "YYYY-MM-DD" (what a date field gives) for a
    day that exists, or None."""
    parts = text.split("-") if isinstance(text, str) else []
    if len(parts) != 3 or len(parts[0]) != 4 or len(parts[1]) != 2 or len(parts[2]) != 2:
        return None
    year, month, day = _number(parts[0], 1, 9999), _number(parts[1], 1, 12), _number(parts[2], 1, 31)
    if year is None or month is None or day is None:
        return None
    # February 30 counts on to March 2: a day that exists comes back as itself.
    if civil_from_days(days_from_civil(year, month, day)) != (year, month, day):
        return None
    return year, month, day


def parse_time(text):
    """(hour, minute) from "HH:MM" or "HH:MM:SS" (what a time field gives), or None."""
    parts = text.split(":") if isinstance(text, str) else []
    if len(parts) not in (2, 3) or any(len(part) != 2 for part in parts):
        return None
    hour, minute = _number(parts[0], 0, 23), _number(parts[1], 0, 59)
    if hour is None or minute is None or (len(parts) == 3 and _number(parts[2], 0, 59) is None):
        return None
    return hour, minute


def iso_date(year, month, day):
    """(2027, 3, 5) -> "2027-03-05", as a date field holds it."""
    return "%04d-%02d-%02d" % (year, month, day)


# ---- in words -----------------------------------------------------------------------


def clock_words(hour, minute):
    """"9:30 AM", "12:00 PM": the clock as the words write it."""
    clock = _words()["clock"]
    return fill(clock["time"], {
        "hour": hour % 12 or 12,
        "minute": ("0" if minute < 10 else "") + str(minute),
        "period": clock["am"] if hour < 12 else clock["pm"],
    })


def date_words(date):
    """"January 14, 2027"."""
    words = _words()
    return fill(words["dates"]["date"], {"month": words["months"][date[1] - 1], "day": date[2], "year": date[0]})


def day_words(date):
    """"Thursday, January 14, 2027": the date with its weekday."""
    words = _words()
    return fill(words["dates"]["day"], {"weekday": words["weekdays"][weekday(date)], "date": date_words(date)})


def day_time_words(date, time):
    """"Thursday, January 14, 2027, 10:30 AM"; the day alone when time is None."""
    if time is None:
        return day_words(date)
    return fill(_words()["dates"]["day_time"], {"day": day_words(date), "time": clock_words(time[0], time[1])})


def when_words(date_text, time_text):
    """A date field's and a time field's values in words (the time only if
    it can be read), or "" when the date cannot be read."""
    date = parse_date(date_text)
    if date is None:
        return ""
    return day_time_words(date, parse_time(time_text))
