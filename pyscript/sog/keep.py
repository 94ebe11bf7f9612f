"""Keep my work: the visitor's saved work in this guide, in one file, or
cleared in one go. Pure: the storage object is passed in.

Every widget whose manifest (widget.json) names a "saved" module is a part:
"Clear everything" clears each one, and "Download my checklist" writes (and
"Load a checklist" reads) one file holding every part marked "in_file". The
parts are found from the manifests, in the browser too (the build ships the
manifest, saved module and data of every part to a page that runs this
module), so a new widget with saved work needs no change here. Each part's
saved module gives KIND, VERSION, MIGRATIONS, open_store, clean(raw) ->
(state, issues), and for the file check(raw) -> (state, None) or (None,
reason); its saved.json beside it says its name ("your records letter"), so
the sentences that list the parts come from the parts themselves.

The file: the guide's envelope (storage.wrap) of kind "checklist" (it held
the checklist alone before version 3), version 3, whose data holds each part
in a small envelope of its own ({"version": n, "data": ...}), so each part
is brought up to date by its own migrations. Files of versions 1 and 2 held
one part alone, in that part's own format of the same number: the part
whose saved module sets ALONE_IN_OLD_FILES (the checklist).

Loading is strict: a file that is not ours, damaged, too big, newer, or with
anything in any part that does not fit is refused whole, with one plain
sentence, and nothing changes.
"""

import json
import os

from sog import datafiles, storage
from sog import text as text_policy
from sog.markup import fill

KIND = "checklist"
# The file's format. 3: every part in its own envelope. 2: the checklist's
# storage format. 1: the development-era checklist.
VERSION = 3
WORDS = "words.json"
MANIFEST = "widget.json"
# Found once per page: [{"name", "module", "words_file", "in_file"}], by
# widget name, from the manifests alone: naming the parts imports no saved
# module. The words are read when needed (_part_words), in the language of
# the moment: the build renders pages in several languages in one process.
_found = []


def _manifest(name):
    """A folder's widget manifest, or None if it has none (or is no folder)."""
    try:
        return datafiles.load(name + "/" + MANIFEST)
    except OSError:
        return None


def _listed_parts():
    """Every part as its manifest names it, without importing its code."""
    if not _found:
        for name in sorted(os.listdir(datafiles.FOLDER)):
            manifest = _manifest(name) if "." not in name else None
            saved = manifest.get("saved") if manifest else None
            if not saved:
                continue
            stem = saved["module"][:-3]
            _found.append({
                "name": name,
                "module": "sog." + name + "." + stem,
                "words_file": name + "/" + stem + ".json",
                "in_file": saved.get("in_file") is True,
            })
    return _found


def parts():
    """Every part, in widget-name order: {"name": widget name, "saved": its
    saved module, "words": its saved.json words, "in_file": bool}. Imports
    every part's saved module: only a click (download, load, clear) needs
    them, so a page start stays small."""
    found = []
    for part in _listed_parts():
        found.append({
            "name": part["name"],
            "saved": __import__(part["module"], None, None, ["KIND"]),
            "words": _part_words(part),
            "in_file": part["in_file"],
        })
    return found


def _part_words(part):
    """A part's saved.json words, in the current language."""
    return datafiles.load(part["words_file"])["words"]


def file_parts():
    """The parts the file holds."""
    return [part for part in parts() if part["in_file"]]


def _words():
    return datafiles.load(WORDS)["keep"]


def listed(names):
    """Names as one phrase: "a", "a and b", "a, b and c" (words.json's list words)."""
    words = datafiles.load(WORDS)["list"]
    if len(names) < 2:
        return "".join(names)
    return words["between"].join(names[:-1]) + words["last"] + names[-1]


def saved_names():
    """What the file holds, as a phrase ("your checklist, your records letter and ...")."""
    return listed([_part_words(part)["name"] for part in _listed_parts() if part["in_file"]])


def cleared_names():
    """What "Clear everything" clears, as a phrase; a part may say it in its
    own way there ("cleared": "every tick, item, question and note")."""
    found = [_part_words(part) for part in _listed_parts()]
    return listed([words.get("cleared", words["name"]) for words in found])


# ---- the file ----------------------------------------------------------------


def _migrations():
    """Files of versions 1 and 2 held the lone part (ALONE_IN_OLD_FILES) in
    its own format of the same number: version 1 steps to 2 as that part's
    own data does, and version 2 becomes a file holding that part alone."""
    for part in file_parts():
        lone = part["saved"]
        if getattr(lone, "ALONE_IN_OLD_FILES", False):
            return {1: lone.MIGRATIONS[1], 2: lambda data, kind=lone.KIND: {kind: {"version": 2, "data": data}}}
    return {}


def export_text(backend, exported_at_ms, current=None):
    """The file's text: every part as saved in this browser. current maps a
    part's KIND to data a page already holds (fresher than storage)."""
    current = current or {}
    held = {}
    for part in file_parts():
        saved = part["saved"]
        if saved.KIND in current:
            data = current[saved.KIND]
        else:
            loaded, _, _ = saved.open_store(backend).peek()
            data = saved.clean(loaded)[0]
        held[saved.KIND] = {"version": saved.VERSION, "data": data}
    return json.dumps(storage.wrap(KIND, VERSION, held, exported_at_ms))


def _parses(text):
    try:
        json.loads(text)
    except Exception:  # bad JSON, or nesting deep enough to exhaust the parser
        return False
    return True


def refused(reason):
    """The sentence for a file that was not loaded, with its reason."""
    return fill(_words()["failed"], {"reason": reason})


def too_big():
    """The sentence for a file too large to read at all."""
    return refused(_words()["too_big_file"])


def _read_part(saved, envelope):
    """One part of a file: (data, None) or (None, the reason it is refused)."""
    words = _words()
    if not isinstance(envelope, dict) or sorted(envelope, key=str) != ["data", "version"]:
        return None, words["part_bad"]
    data, notice = storage.upgrade(envelope["version"], saved.VERSION, envelope["data"], saved.MIGRATIONS)
    if notice == storage.NEWER:
        return None, words["part_newer"]
    if notice == storage.OLD:
        return None, words["part_old"]
    if notice == storage.CORRUPT:
        return None, words["part_bad"]
    return saved.check(data)


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
    raw, _, notice = storage.unwrap(KIND, VERSION, text, _migrations())
    if notice not in (storage.OK, storage.MIGRATED):
        return None, words.get(notice, words["corrupt"])
    if not isinstance(raw, dict) or not raw:
        return None, refused(words["part_bad"])
    known = {}
    for part in file_parts():
        known[part["saved"].KIND] = part["saved"]
    if [name for name in raw if name not in known]:
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
    for part in file_parts():
        saved = part["saved"]
        if saved.KIND in loaded:
            kept = saved.open_store(backend).save(loaded[saved.KIND], saved_at) and kept
    return kept


def clear_all(backend):
    """Forget every part in this browser. True if the browser let us."""
    cleared = True
    for part in parts():
        cleared = part["saved"].open_store(backend).clear() and cleared
    return cleared
