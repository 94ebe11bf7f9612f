"""The visit in the visitor's calendar: an .ics file made in the browser. Pure.

From the checklist's appointment (date, time, doctor, phone) and what to
bring (items.json's words), ics_text writes an iCalendar file (RFC 5545) with two events: the
visit, and a reminder the day before to call the office and confirm the
records arrived. Times are "floating" (no time zone): a calendar shows them
at that clock time wherever the visitor is, which is what a patient typing
"9:30" means, and needs no time zone data in the browser. when_words says
the date and time in plain words for the page.

Dates are worked out here (the datetime module is missing in MicroPython):
days_from_civil and civil_from_days convert between a date and a day count.
"""

from sog import datafiles
from sog.markup import fill

WORDS = "words.json"
# Octets per line before folding (RFC 5545, 3.1).
LINE_OCTETS = 75
VISIT_MINUTES = 60
REMINDER_HOUR = 9
REMINDER_MINUTES = 15


def days_from_civil(year, month, day):
    """Days since 1970-01-01 of a Gregorian date (Howard Hinnant's method)."""
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


def _number(text, low, high):
    """An int from all-digit text within [low, high], or None."""
    if not text or len(text) > 4:
        return None
    for char in text:
        if not "0" <= char <= "9":
            return None
    value = int(text)
    return value if low <= value <= high else None


def parse_date(text):
    """(year, month, day) from "YYYY-MM-DD" (what a date field gives), or None."""
    parts = text.split("-") if isinstance(text, str) else []
    if len(parts) != 3 or len(parts[0]) != 4 or len(parts[1]) != 2 or len(parts[2]) != 2:
        return None
    year, month, day = _number(parts[0], 1, 9999), _number(parts[1], 1, 12), _number(parts[2], 1, 31)
    if year is None or month is None or day is None:
        return None
    # The day must exist: the day after it is in the next month, or the 1st.
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


def _words():
    return datafiles.load(WORDS)


def clock_words(hour, minute):
    """9:30 AM, 12:00 PM: the clock as US readers write it."""
    words = _words()["clock"]
    shown = hour % 12 or 12
    return str(shown) + ":" + ("0" if minute < 10 else "") + str(minute) + " " + (
        words["am"] if hour < 12 else words["pm"]
    )


def when_words(appointment):
    """The visit's date and time in plain words, or "" without a valid date.

    "Thursday, January 15, 2027, at 9:30 AM"; without a time, the date alone.
    """
    date = parse_date(appointment.get("date", ""))
    if date is None:
        return ""
    words = _words()
    weekday = words["weekdays"][(days_from_civil(date[0], date[1], date[2]) + 4) % 7]
    text = weekday + ", " + words["months"][date[1] - 1] + " " + str(date[2]) + ", " + str(date[0])
    time = parse_time(appointment.get("time", ""))
    if time is not None:
        text = fill(words["clock"]["at"], {"date": text, "time": clock_words(time[0], time[1])})
    return text


# ---- the iCalendar file ------------------------------------------------------------


def escape_text(text):
    """A TEXT value escaped as RFC 5545 (3.3.11) asks."""
    text = text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return text.replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n")


def fold(line):
    """One content line, folded so no line is longer than LINE_OCTETS octets of
    UTF-8, never inside a character; each fold is CRLF and a space."""
    pieces = []
    current = ""
    size = 0
    for char in line:
        width = len(char.encode("utf-8"))
        # Continuation lines start with a space, which counts.
        limit = LINE_OCTETS if not pieces else LINE_OCTETS - 1
        if size + width > limit:
            pieces.append(current)
            current = ""
            size = 0
        current += char
        size += width
    pieces.append(current)
    return "\r\n ".join(pieces)


def _stamp(date, hour, minute):
    return "%04d%02d%02dT%02d%02d00" % (date[0], date[1], date[2], hour, minute)


def _day(date):
    return "%04d%02d%02d" % date


def _later(date, hour, minute, minutes):
    """The date and clock minutes after (date, hour, minute)."""
    total = hour * 60 + minute + minutes
    days = days_from_civil(date[0], date[1], date[2]) + total // 1440
    total %= 1440
    return civil_from_days(days), total // 60, total % 60


def _uid_hash(text):
    """A short, stable hash (FNV-1a, 32-bit) for event UIDs."""
    value = 2166136261
    for byte in text.encode("utf-8"):
        value = ((value ^ byte) * 16777619) & 0xFFFFFFFF
    return "%08x" % value


def _event(uid, stamp, start, end, all_day, summary, description, alarm):
    lines = ["BEGIN:VEVENT", "UID:" + uid, "DTSTAMP:" + stamp]
    if all_day:
        lines += ["DTSTART;VALUE=DATE:" + start, "DTEND;VALUE=DATE:" + end]
    else:
        lines += ["DTSTART:" + start, "DTEND:" + end]
    lines += ["SUMMARY:" + escape_text(summary), "DESCRIPTION:" + escape_text(description)]
    if alarm:
        lines += ["BEGIN:VALARM", "ACTION:DISPLAY", "DESCRIPTION:" + escape_text(summary),
                  "TRIGGER:" + alarm, "END:VALARM"]
    return lines + ["END:VEVENT"]


def ics_text(data, appointment, now_utc):
    """The .ics file for an appointment, or None without a valid date.

    data: the checklist's data (its words say everything the file says);
    appointment: the checklist's {doctor, phone, date, time, companion};
    now_utc: (year, month, day, hour, minute, second) in UTC, when the file
    is made (DTSTAMP).
    """
    date = parse_date(appointment.get("date", ""))
    if date is None:
        return None
    words = data["words"]["calendar"]
    bring = words["bring_list"]
    time = parse_time(appointment.get("time", ""))
    doctor = appointment.get("doctor", "") or words["no_doctor"]
    phone = appointment.get("phone", "")
    values = {"doctor": doctor, "phone": phone}
    details = []
    if phone:
        details.append(fill(words["phone"], values))
    if appointment.get("companion"):
        details.append(fill(words["companion"], {"companion": appointment["companion"]}))
    if bring:
        details.append(words["bring"])
        details += ["- " + line for line in bring]
    details.append(words["not_advice"])
    stamp = "%04d%02d%02dT%02d%02d%02dZ" % tuple(now_utc)
    key = _uid_hash(appointment.get("date", "") + "|" + appointment.get("time", "") + "|" + doctor)
    if time is None:
        next_day = civil_from_days(days_from_civil(date[0], date[1], date[2]) + 1)
        visit = _event("visit-" + key + "@second-opinion-guide", stamp, _day(date), _day(next_day), True,
                       fill(words["visit"], values), "\n".join(details), "")
    else:
        end = _later(date, time[0], time[1], VISIT_MINUTES)
        visit = _event("visit-" + key + "@second-opinion-guide", stamp, _stamp(date, time[0], time[1]),
                       _stamp(end[0], end[1], end[2]), False, fill(words["visit"], values), "\n".join(details),
                       "-PT2H")
    day_before = civil_from_days(days_from_civil(date[0], date[1], date[2]) - 1)
    reminder_end = _later(day_before, REMINDER_HOUR, 0, REMINDER_MINUTES)
    reminder_details = [words["reminder_details"]] + ([fill(words["phone"], values)] if phone else [])
    reminder = _event("call-" + key + "@second-opinion-guide", stamp, _stamp(day_before, REMINDER_HOUR, 0),
                      _stamp(reminder_end[0], reminder_end[1], reminder_end[2]), False,
                      fill(words["reminder"], values), "\n".join(reminder_details), "PT0M")
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Second Opinion Guide//Checklist//EN",
             "CALSCALE:GREGORIAN", "METHOD:PUBLISH"] + visit + reminder + ["END:VCALENDAR"]
    return "".join(fold(line) + "\r\n" for line in lines)
