"""The checklist's file: the visitor's work in this guide, in one download.

"Download my checklist" writes, and "Load a checklist" reads, one file that
holds every part in PARTS (the checklist, and the other widgets' saved work),
each in a small envelope of its own ({"version": n, "data": ...}) so each
part is brought up to date by its own migrations. Files of versions 1 and 2
held the checklist alone, in its storage format; they read as files holding
only the checklist, and the other parts are left as they are.

Loading is strict: a file that is not ours, damaged, too big, newer, or with
anything in any part that does not fit is refused whole, with one plain
sentence, and nothing changes. Pure: the storage object is passed in.
"""

import json

from sog import storage
from sog import text as text_policy
from sog.checklist import items
from sog.checklist import saved as checklist_saved
from sog.letter import saved as letter_saved
from sog.markup import fill
from sog.worksheet import saved as worksheet_saved

KIND = "checklist"
# The file's format. 3: every part in its own envelope. 2: the checklist's
# storage format. 1: the development-era checklist.
VERSION = 3
# Every part of a file. Each is a module with KIND, VERSION, MIGRATIONS,
# open_store(backend), clean(raw) -> (data, problems) for what is saved in
# this browser, and check(raw) -> (data, None) or (None, reason) for a file.
# A new widget whose work belongs in the file adds its saved module here.
PARTS = (checklist_saved, worksheet_saved, letter_saved)


def _checklist_only(data):
    """A version 2 file, read as a version 3 file holding only the checklist."""
    return {checklist_saved.KIND: {"version": checklist_saved.VERSION, "data": data}}


MIGRATIONS = {1: checklist_saved.from_v1, 2: _checklist_only}


def _words():
    return items.load()["words"]["load"]


def export_text(backend, exported_at_ms, current=None):
    """The file's text: every part as saved in this browser. current maps a
    part's KIND to data a page already holds (fresher than storage)."""
    current = current or {}
    parts = {}
    for part in PARTS:
        if part.KIND in current:
            data = current[part.KIND]
        else:
            loaded, _, _ = part.open_store(backend).peek()
            data = part.clean(loaded)[0]
        parts[part.KIND] = {"version": part.VERSION, "data": data}
    return json.dumps(storage.wrap(KIND, VERSION, parts, exported_at_ms))


def _parses(text):
    try:
        json.loads(text)
    except Exception:  # bad JSON, or nesting deep enough to exhaust the parser
        return False
    return True


def refused(reason):
    """The sentence for a file that was not loaded, with its reason."""
    return fill(_words()["failed"], {"reason": reason})


def _read_part(part, envelope):
    """One part of a file: (data, None) or (None, the reason it is refused)."""
    words = _words()
    if not isinstance(envelope, dict) or sorted(envelope, key=str) != ["data", "version"]:
        return None, words["part_bad"]
    data, notice = storage.upgrade(envelope["version"], part.VERSION, envelope["data"], part.MIGRATIONS)
    if notice == storage.NEWER:
        return None, words["part_newer"]
    if notice == storage.OLD:
        return None, words["part_old"]
    if notice == storage.CORRUPT:
        return None, words["part_bad"]
    return part.check(data)


def import_text(text):
    """Strict read of a file the visitor loads.

    Returns ({part KIND: data}, None) for the parts the file holds, or
    (None, message): one plain sentence saying why nothing was loaded.
    """
    words = _words()
    if not isinstance(text, str):
        return None, words["not_text"]
    if len(text) > storage.MAX_CHARS:
        return None, words["too_large"]
    if text_policy.is_blank(text):
        return None, words["empty"]
    # The depth check comes first: Pyodide's parser dies on deep nesting.
    if storage.too_deep(text) or not _parses(text):
        return None, words["damaged"]
    raw, _, notice = storage.unwrap(KIND, VERSION, text, MIGRATIONS)
    if notice not in (storage.OK, storage.MIGRATED):
        return None, words.get(notice, words["corrupt"])
    if not isinstance(raw, dict) or not raw:
        return None, refused(items.load()["words"]["refusals"]["unreadable"])
    known = {}
    for part in PARTS:
        known[part.KIND] = part
    unknown = [name for name in raw if name not in known]
    if unknown:
        return None, refused(words["unknown_part"])
    loaded = {}
    for name in sorted(raw):
        data, reason = _read_part(known[name], raw[name])
        if reason is not None:
            return None, refused(reason)
        loaded[name] = data
    return loaded, None


def save_all(backend, loaded, saved_at):
    """Save every part a file held. True if the browser kept them all."""
    kept = True
    for part in PARTS:
        if part.KIND in loaded:
            kept = part.open_store(backend).save(loaded[part.KIND], saved_at) and kept
    return kept


def clear_all(backend):
    """Forget every part in this browser. True if the browser let us."""
    cleared = True
    for part in PARTS:
        cleared = part.open_store(backend).clear() and cleared
    return cleared
