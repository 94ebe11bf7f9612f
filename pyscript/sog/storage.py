"""The one place that reads and writes saved answers.

Saved data lives only in the browser's localStorage, one versioned key per
widget. The browser's storage object is passed in (anything with getItem,
setItem and removeItem), so this module runs and is tested in plain CPython.

Loading never raises. Whatever is found, the caller gets data it can use and
a plain notice code saying what happened, so the page can tell the visitor.
Nothing unreadable is silently thrown away: it is set aside under a second key
before a new save could replace it.
"""

import json

from sog import datafiles

APP = "second-opinion-guide"
# Far above what a real checklist needs, far below the browser's quota.
MAX_CHARS = 200000
WORDS = "words.json"

# Notice codes a caller can show. OK and EMPTY need no message.
OK = "ok"
EMPTY = "empty"
BLOCKED = "blocked"
CORRUPT = "corrupt"
TOO_LARGE = "too_large"
NEWER = "newer"
MIGRATED = "migrated"
OLD = "old"


def storage_key(kind):
    """The localStorage key for one widget's data."""
    return APP + ":" + kind


def unreadable_key(kind):
    """Where unreadable data is set aside so it is never silently lost."""
    return storage_key(kind) + ":unreadable"


# Real saved data nests a few levels deep. Far deeper text is damage, and
# Pyodide's parser dies (uncatchably) on it, so it is refused before parsing.
MAX_DEPTH = 32


def too_deep(text):
    """Whether JSON text nests brackets deeper than MAX_DEPTH (outside strings)."""
    if text.count("[") + text.count("{") <= MAX_DEPTH:
        return False  # cannot be deeper; skips the scan for most text
    # Drop escaped backslashes and quotes, then split on quotes: the even
    # parts lie outside strings. Only those few characters are walked, which
    # keeps this quick in MicroPython, where a loop over every character is slow.
    outside = text.replace("\\\\", "").replace('\\"', "").split('"')[::2]
    depth = 0
    for part in outside:
        if "[" not in part and "{" not in part and "]" not in part and "}" not in part:
            continue
        for char in part:
            if char == "[" or char == "{":
                depth += 1
                if depth > MAX_DEPTH:
                    return True
            elif char == "]" or char == "}":
                depth -= 1
    return False


def wrap(kind, version, data, saved_at):
    """The saved form: the data inside a labelled, versioned envelope."""
    return {"app": APP, "kind": kind, "version": version, "saved_at": saved_at, "data": data}


def unwrap(kind, version, text, migrations=None):
    """Read an envelope from text. Pure: no storage involved.

    migrations maps an old version number to a function that turns data of
    that version into data of the next one.
    Returns (data, saved_at, notice). data is None unless the notice is OK or
    MIGRATED.
    """
    if text is None or text == "":
        return None, 0, EMPTY
    if not isinstance(text, str):
        return None, 0, CORRUPT
    if len(text) > MAX_CHARS:
        return None, 0, TOO_LARGE
    if too_deep(text):
        return None, 0, CORRUPT
    try:
        envelope = json.loads(text)
    except Exception:  # bad JSON, or nesting deep enough to exhaust the parser
        return None, 0, CORRUPT
    if not isinstance(envelope, dict) or envelope.get("app") != APP or envelope.get("kind") != kind:
        return None, 0, CORRUPT
    saved_at = envelope.get("saved_at")
    # NaN is the one number unequal to itself; some parsers accept it.
    if not isinstance(saved_at, (int, float)) or isinstance(saved_at, bool) or saved_at != saved_at:
        saved_at = 0
    data, notice = upgrade(envelope.get("version"), version, envelope.get("data"), migrations)
    return data, (0 if notice == CORRUPT else saved_at), notice


def upgrade(found, version, data, migrations=None):
    """Bring data of version found up to version, one migration at a time.

    Returns (data, notice): OK (already current), MIGRATED, NEWER, OLD (no
    way forward) or CORRUPT (found is not a version number); data is None
    unless the notice is OK or MIGRATED.
    """
    if not isinstance(found, int) or isinstance(found, bool) or found < 0:
        return None, CORRUPT
    if found > version:
        return None, NEWER
    if found == version:
        return data, OK
    migrations = migrations or {}
    try:
        while found < version:
            data = migrations[found](data)
            found += 1
    except Exception:  # no way forward from that version: never break the page
        return None, OLD
    return data, MIGRATED


class Store:
    """Versioned load and save of one widget's data in a storage object.

    backend has getItem, setItem and removeItem, like window.localStorage. In
    the browser it is the never-throwing wrapper from safe-storage.js, whose
    setItem and removeItem return False on failure. None means the browser
    blocks storage: nothing is remembered and load says BLOCKED.
    """

    def __init__(self, backend, kind, version, migrations=None):
        self.backend = backend
        self.kind = kind
        self.key = storage_key(kind)
        self.version = version
        self.migrations = migrations or {}
        # Whether the last load set unreadable data aside, so it can say so.
        self.kept_copy = False
        # The text this tab last read or wrote, and what it read as: typing
        # saves on every key, and the text only needs parsing again when
        # another tab has changed it.
        self._seen = None

    def _remember(self, text, result):
        self._seen = (text, result)

    def available(self):
        """Whether saving can work at all."""
        return self.backend is not None

    def read_text(self):
        """The raw saved text, or None. Any storage error reads as None."""
        if self.backend is None:
            return None
        try:
            text = self.backend.getItem(self.key)
        except Exception:
            return None
        # Browsers return null for a missing key; some bridges give other
        # stand-ins for it, so anything but a string counts as missing.
        return text if isinstance(text, str) else None

    def peek(self):
        """Read without setting anything aside, for pages that only show the
        data. Returns (data, saved_at, notice); BLOCKED where storage is."""
        if self.backend is None:
            return None, 0, BLOCKED
        return unwrap(self.kind, self.version, self.read_text(), self.migrations)

    def load(self):
        """Returns (data, saved_at, notice). Never raises.

        Text this tab read or wrote last is not parsed again: the same result
        (the same data object) comes back, so callers must not change it.
        """
        if self.backend is None:
            return None, 0, BLOCKED
        text = self.read_text()
        if self._seen is not None and self._seen[0] == text:
            return self._seen[1]
        result = unwrap(self.kind, self.version, text, self.migrations)
        notice = result[2]
        self.kept_copy = notice not in (OK, EMPTY, MIGRATED) and self.set_aside(text)
        self._remember(text, result)
        return result

    def set_aside(self, text):
        """Keep unreadable text, whole, under a second key if the browser has
        room for it. True if it was kept."""
        if self.backend is None or not isinstance(text, str):
            return False
        try:
            return self.backend.setItem(unreadable_key(self.kind), text) is not False
        except Exception:
            return False

    def save(self, data, saved_at):
        """Save data; returns True if the browser kept it."""
        if self.backend is None:
            return False
        text = json.dumps(wrap(self.kind, self.version, data, saved_at))
        if len(text) > MAX_CHARS:
            return False
        try:
            kept = self.backend.setItem(self.key, text) is not False
        except Exception:  # quota full or storage blocked mid-visit
            kept = False
        if kept:
            self._remember(text, (data, saved_at, OK))
        return kept

    def clear(self):
        """Forget the saved data and anything set aside. True on success."""
        if self.backend is None:
            return False
        self._seen = None
        try:
            first = self.backend.removeItem(self.key)
            second = self.backend.removeItem(unreadable_key(self.kind))
            return first is not False and second is not False
        except Exception:
            return False


def concerns(key, *keys):
    """Whether a storage event's key (None: storage cleared) is one of keys."""
    return key is None or str(key) in keys


def message_for(notice, kept_copy=False):
    """The plain-language message for a notice code, or None (words.json)."""
    words = datafiles.load(WORDS)["storage"]
    message = words.get(notice) if notice not in (OK, EMPTY) else None
    if message and kept_copy:
        message += " " + words["kept_copy"]
    return message
