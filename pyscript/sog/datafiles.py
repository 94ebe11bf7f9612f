"""Reads the widgets' data files, wherever the sog package lies.

In the browser PyScript puts the package in the current folder; at build
time and in tests it is under pyscript/. Paths are relative to this package
("screener/questions.json"), so the same call works in every runtime.

In a language other than English, load() lays the data file's overlay
("questions.es.json", beside it) over it: see sog/language.py.

In the browser a page's data comes ready (the build's sitebuild/bundle.py):
each data file already in the page's language, its yearly figures filled
in, and READY_FILE beside them says which files and which language. load()
then reads the one file and merges nothing, and figures.load_filled() fills
nothing (is_ready). A page whose code also reads data in English (the
letter, which prints in English on a Spanish page; the checklist's
original()) gets those files ready in English too, under READY_FOLDER
("ready/en/checklist/items.json"), and READY_FILE lists them as well.
Anywhere else (tests, the build, a page whose bundle has no such list) the
data files and their overlays are read and merged as they are.
"""

import json

from sog import language


def _package_folder():
    # __file__ is set for file modules in CPython, MicroPython and Pyodide.
    cut = max(__file__.rfind("/"), __file__.rfind("\\"))
    return __file__[:cut] if cut >= 0 else "."


FOLDER = _package_folder()
# Written by the build into a page's bundle: {"language": "es", "files":
# [package-relative names of the data files already in that language,
# figures filled], "other": {"en": [the same, ready in English, each under
# READY_FOLDER + "en/" + its name]}}; no such file in the package's sources.
READY_FILE = "ready.json"
READY_FOLDER = "ready/"
_cache = {}


def path(relative):
    """The path of a file in the package, from its package-relative name."""
    return FOLDER + "/" + relative


def _read(relative):
    # One read, then parse: MicroPython's json.load on an open file is up to
    # 5x slower (letter.json: 14 ms against 3 ms under Node).
    with open(path(relative)) as handle:
        return json.loads(handle.read())


def load(relative):
    """A JSON data file in the page's language (sog.language.current()),
    read once per page and language. Callers must not change it.

    Without its overlay (a page that did not fetch it) the English stands:
    a page in English beats a page that cannot start."""
    key = language.cache_key(relative)
    if key not in _cache:
        ready = _ready_name(relative, language.current())
        if ready is not None:
            _cache[key] = _read(ready)
        else:
            data = _read(relative)
            words = overlay(relative)
            _cache[key] = language.localise(data, words) if words is not None else data
    return _cache[key]


def original(relative):
    """A data file in English, without any overlay (read once per page;
    callers must not change it): the checklist knows a suggested question
    saved in English words on a page in another language. Where the build
    made it ready in English (sitebuild/bundle.py's OTHER_LANGUAGE_CALLS),
    that copy, its figures filled; else the file as written."""
    key = ("original", relative)
    if key not in _cache:
        ready = _ready_name(relative, language.DEFAULT)
        _cache[key] = _read(relative if ready is None else ready)
    return _cache[key]


def _ready_lists():
    """(the page's language, its ready files, {other language: ready files})
    from READY_FILE; (None, (), {}) where the page has none."""
    if READY_FILE not in _cache:
        try:
            ready = _read(READY_FILE)
            _cache[READY_FILE] = (ready["language"], ready["files"], ready.get("other", {}))
        except OSError:
            _cache[READY_FILE] = (None, (), {})
    return _cache[READY_FILE]


def _ready_name(relative, code):
    """Where this data file lies ready in language code (merged, figures
    filled), or None if the build did not make it so."""
    page_code, files, other = _ready_lists()
    if code == page_code and relative in files:
        return relative
    if relative in other.get(code, ()):
        return READY_FOLDER + code + "/" + relative
    return None


def is_ready(relative):
    """Whether this data file came ready from the build in the current
    language: merged with its overlay and its figures filled (READY_FILE)."""
    return _ready_name(relative, language.current()) is not None


def overlay(relative):
    """A data file's overlay in the page's language (the letter reads its
    Spanish body from it), or None: in English, or where the page did not
    fetch it. Read once per page; callers must not change it. Where the data
    came ready, it holds only the parts its data file lacks (the rest is
    merged already: sitebuild/bundle.py)."""
    name = language.overlay_name(relative, language.current())
    if name is None:
        return None
    if name not in _cache:
        try:
            _cache[name] = _read(name)
        except OSError:
            _cache[name] = None
    return _cache[name]


def forget(relative):
    """Read a data file again next time, in every language (the build wrote
    it anew)."""
    stale = [key for key in _cache if key in (relative, READY_FILE) or (isinstance(key, tuple) and key[1] == relative)]
    for key in stale:
        del _cache[key]
