"""Reads the widgets' data files, wherever the sog package lies.

In the browser PyScript puts the package in the current folder; at build
time and in tests it is under pyscript/. Paths are relative to this package
("screener/questions.json"), so the same call works in every runtime.
"""

import json


def _package_folder():
    # __file__ is set for file modules in CPython, MicroPython and Pyodide.
    cut = max(__file__.rfind("/"), __file__.rfind("\\"))
    return __file__[:cut] if cut >= 0 else "."


FOLDER = _package_folder()
_cache = {}


def path(relative):
    """The path of a file in the package, from its package-relative name."""
    return FOLDER + "/" + relative


def load(relative):
    """A JSON data file, read once per page. Callers must not change it."""
    if relative not in _cache:
        with open(path(relative)) as handle:
            _cache[relative] = json.load(handle)
    return _cache[relative]


def forget(relative):
    """Read a data file again next time (the build wrote it anew)."""
    _cache.pop(relative, None)
