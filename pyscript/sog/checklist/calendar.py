"""The visit in the visitor's calendar: an .ics file made in the browser. Pure.

From the checklist's appointment (doctor, phone, address, date, time) and
what to bring (items.json's words), events() lists what the file holds, in
date order: a reminder a week before to check that the records arrived,
another on the last weekday before the visit (a Monday visit's on the
Friday before: offices are closed at weekends), and the visit itself.
Reminders already past are left out. ics_text writes them as an iCalendar
file (RFC 5545); the page lists the same events in words (render_list).

Titles can show on a locked phone screen and in calendars other people
see, so the visitor can choose plain ones ("Doctor visit"); the details
inside each event stay full. Times are "floating" (no time zone): a
calendar shows them at that clock time wherever the visitor is, which is
what a patient typing "9:30" means, and needs no time zone data in the
browser. Dates are counted by sog.dates.
"""

from sog import dates
from sog.markup import fill

# Octets per line before folding (RFC 5545, 3.1).
LINE_OCTETS = 75
VISIT_MINUTES = 60
REMINDER_TIME = (9, 0)
REMINDER_MINUTES = 15
# Alarms: two hours before a timed visit; at the time of a reminder.
VISIT_ALARM = "-PT2H"
REMINDER_ALARM = "PT0M"
UID_DOMAIN = "@second-opinion-guide"
# The kinds of event, in the order they fall.
KINDS = ("week", "day", "visit")


def _event(kind, date, time, minutes, title, details, alarm):
    """One event: time None means all day."""
    return {"kind": kind, "date": date, "time": time, "minutes": minutes, "title": title,
            "details": details, "alarm": alarm}


def events(data, appointment, plain, today=None):
    """The events for an appointment, in date order, or [] without a valid date.

    data: the checklist's data (its words say everything the file says);
    appointment: the checklist's {doctor, phone, address, date, time,
    companion}; plain: whether titles are the plain ones; today: the
    visitor's (year, month, day), to leave out reminders already past.
    Each event: {kind ("week", "day", "visit"), date, time ((hour, minute)
    or None for all day), minutes, title, details (lines), alarm}.
    """
    date = dates.parse_date(appointment.get("date", ""))
    if date is None:
        return []
    words = data["words"]["calendar"]
    titles = words["plain"] if plain else words["titles"]
    time = dates.parse_time(appointment.get("time", ""))
    doctor = {"doctor": appointment.get("doctor", "") or words["no_doctor"]}
    when = {"when": dates.day_time_words(date, time)}
    # Each sentence is filled with the one value it names, so no typed
    # text is ever read as a place for another value.
    reach = [fill(words[name], {name: appointment[name]}) for name in ("phone", "address") if appointment.get(name)]
    visit = reach[:]
    if appointment.get("companion"):
        visit.append(fill(words["companion"], {"companion": appointment["companion"]}))
    visit += [words["bring"]] + ["- " + line for line in words["bring_list"]] + [words["not_advice"]]
    found = []
    for kind, day in (("week", dates.week_before(date)), ("day", dates.previous_weekday(date))):
        if today is None or dates.days_from_civil(day[0], day[1], day[2]) >= dates.days_from_civil(
                today[0], today[1], today[2]):
            found.append(_event(kind, day, REMINDER_TIME, REMINDER_MINUTES, fill(titles[kind], doctor),
                                [fill(words["details"][kind], when)] + reach, REMINDER_ALARM))
    found.append(_event("visit", date, time, VISIT_MINUTES, fill(titles["visit"], doctor), visit,
                        VISIT_ALARM if time is not None else ""))
    return found


def when_words(appointment):
    """The visit's date and time in plain words, or "" without a valid date."""
    return dates.when_words(appointment.get("date", ""), appointment.get("time", ""))


# ---- the iCalendar file ------------------------------------------------------------


def escape_text(text):
    """A TEXT value escaped as RFC 5545 (3.3.11) asks."""
    text = text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return text.replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n")


def fold(line):
    """One content line, folded so no line is longer than LINE_OCTETS octets of
    UTF-8, never inside a character; each fold is CRLF and a space."""
    if len(line.encode("utf-8")) == len(line):
        # ASCII, one octet a character: cut by length (a loop over every
        # character is slow in MicroPython).
        pieces = [line[:LINE_OCTETS]]
        for start in range(LINE_OCTETS, len(line), LINE_OCTETS - 1):
            pieces.append(line[start:start + LINE_OCTETS - 1])
        return "\r\n ".join(pieces)
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


def _uid_hash(text):
    """A short, stable hash (FNV-1a, 32-bit) for event UIDs."""
    value = 2166136261
    for byte in text.encode("utf-8"):
        value = ((value ^ byte) * 16777619) & 0xFFFFFFFF
    return "%08x" % value


def _lines(event, uid, stamp, location):
    """An event's content lines, unfolded."""
    date, time = event["date"], event["time"]
    lines = ["BEGIN:VEVENT", "UID:" + uid, "DTSTAMP:" + stamp]
    if time is None:
        lines += ["DTSTART;VALUE=DATE:" + _day(date), "DTEND;VALUE=DATE:" + _day(dates.add_days(date, 1))]
    else:
        end = dates.later(date, time[0], time[1], event["minutes"])
        lines += ["DTSTART:" + _stamp(date, time[0], time[1]), "DTEND:" + _stamp(end[0], end[1], end[2])]
    lines += ["SUMMARY:" + escape_text(event["title"]), "DESCRIPTION:" + escape_text("\n".join(event["details"]))]
    if location:
        lines.append("LOCATION:" + escape_text(location))
    if event["alarm"]:
        lines += ["BEGIN:VALARM", "ACTION:DISPLAY", "DESCRIPTION:" + escape_text(event["title"]),
                  "TRIGGER:" + event["alarm"], "END:VALARM"]
    return lines + ["END:VEVENT"]


def ics_text(found, appointment, plain, now_utc):
    """The .ics file holding these events (events()' list), or None if there
    are none (the visit's date cannot be read).

    now_utc: (year, month, day, hour, minute, second) in UTC, when the file
    is made (DTSTAMP). The visit's address is its location, except with
    plain titles: a location can show on a locked screen too, so it stays in
    the details.
    """
    if not found:
        return None
    stamp = "%04d%02d%02dT%02d%02d%02dZ" % tuple(now_utc)
    key = _uid_hash("|".join(appointment.get(name, "") for name in ("date", "time", "doctor")))
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Second Opinion Guide//Checklist//EN",
             "CALSCALE:GREGORIAN", "METHOD:PUBLISH"]
    for event in found:
        location = appointment.get("address", "") if event["kind"] == "visit" and not plain else ""
        lines += _lines(event, event["kind"] + "-" + key + UID_DOMAIN, stamp, location)
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)
