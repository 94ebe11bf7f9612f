"""The widgets' named examples, pyscript/sog/<widget>/examples.json, read the
same way in every runtime: by the unit tests (CPython), the runtime parity
cases (MicroPython and Pyodide under Node: run_in_node.mjs copies every .json
under pyscript/ into the interpreter's file system, beside the sog package)
and the browser suite's driver (tests/e2e/widgets/driver.py). One copy of
each example, as data; builders that make data through a widget's own
changes, and hostile text, stay in Python (examples.py and its siblings).

Each file is read once per run, and whole: MicroPython's json.load on an
open file reads it a byte at a time through the virtual file system (the
four files: 27 ms against 1 ms for json.loads of the text, measured under
Node on a quiet machine; far more under load, and more again once per case).
MicroPython-safe: no typing, dataclasses or copy module.
"""

import json

from sog import datafiles

# widget name -> its examples.json, parsed (shared: callers take copies).
_files = {}


def read(widget):
    """A widget's whole examples.json ({"about", "examples", "page"}), parsed
    once per run. Shared: do not change it (example() gives a copy)."""
    if widget not in _files:
        with open(datafiles.path(widget + "/examples.json")) as handle:
            _files[widget] = json.loads(handle.read())
    return _files[widget]


def example(widget, name):
    """A copy of one named example of a widget, safe to change."""
    return json.loads(json.dumps(read(widget)["examples"][name]))
