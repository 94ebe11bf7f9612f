"""Parity cases for sog.dates: counting days and writing dates in words."""

from sog import dates

from tests.runtimes.parity.harness import case

DATES = ["2027-01-15", "2028-02-29", "2027-02-29", "1900-02-29", "2000-02-29", "2027-04-31", "2027-13-01",
         "2027-1-15", "", "0001-01-01", "9999-12-31", "2027-01-15T09:00", "abcd-ef-gh",
         "\u0662\u0660\u0662\u0667-01-15", "2027-01-00", "0000-01-01"]
TIMES = ["09:30", "00:00", "23:59", "12:00", "14:05:30", "24:00", "9:30", "09:60", "", "09:30:61"]
# Mondays to Sundays across month, year and leap-day edges.
EDGES = [(2027, 3, 1), (2027, 3, 2), (2027, 1, 2), (2027, 1, 3), (2029, 1, 1), (2028, 3, 1), (2028, 2, 29),
         (2000, 3, 1), (1900, 3, 1), (2027, 12, 31), (1, 1, 1), (9999, 12, 31)]


def day_round_trips():
    """Day counts for one day in every 97 from 1600 to 2400, and back, with the weekday."""
    results = []
    for days in range(-135140, 157800, 97 * 37):
        date = dates.civil_from_days(days)
        results.append([days, list(date), dates.days_from_civil(date[0], date[1], date[2]), dates.weekday(date)])
    return results


def around(date):
    """Everything counted from one date."""
    return {
        "weekday": dates.weekday(date),
        "previous_weekday": dates.previous_weekday(date),
        "week_before": dates.week_before(date),
        "add": [dates.add_days(date, count) for count in (-366, -1, 1, 29, 365)],
        "later": [dates.later(date, 23, 30, 60), dates.later(date, 0, 0, 3000)],
        "iso": dates.iso_date(date[0], date[1], date[2]),
        "words": [dates.date_words(date), dates.day_words(date), dates.day_time_words(date, (10, 30)),
                  dates.day_time_words(date, None)],
    }


def add_cases():
    case("dates.day_round_trips", day_round_trips)
    for date in EDGES:
        case("dates.around.%04d_%02d_%02d" % date, around, date)
    for index, text in enumerate(DATES):
        case("dates.parse_date.%02d" % index, dates.parse_date, text)
        case("dates.when_words.%02d" % index, dates.when_words, text, "10:30")
    for text in TIMES:
        case("dates.parse_time." + (text or "empty"), dates.parse_time, text)
    for hour in range(24):
        case("dates.clock_words.%02d" % hour, dates.clock_words, hour, 7)
    for name, value in (("none", None), ("int", 20270115), ("list", ["2027"])):
        case("dates.parse_date.not_text_" + name, dates.parse_date, value)
        case("dates.parse_time.not_text_" + name, dates.parse_time, value)
