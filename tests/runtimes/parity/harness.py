"""The parity harness: a table of cases, run in any Python runtime, printed as
one line of canonical JSON.

run.py imports this, lets every cases_*.py module in this folder add its
cases (add_cases()), runs them and prints the results. test_runtime_parity.py
runs that in CPython, MicroPython and Pyodide and requires equal results,
case by case. Everything here runs unchanged in all three, so it keeps to what
they share: no dataclasses, typing, f-string format specs or __future__
imports. It writes its own JSON, because MicroPython's json module neither
sorts keys nor escapes non-ASCII and MicroPython's dicts are unordered: the
output is pure ASCII with sorted keys, so equal results are equal text in
every runtime. Floats are written as tagged integers (see canon), and a lone
surrogate is written marked (see _escape) so it never looks like the
character a surrogate pair stands for.

A case's result is whatever its function returns, made canonical; an
exception is recorded by class. Use case_raises() when raising is the
intended behaviour; any other exception is recorded as an "error" (the
reference check in the test refuses those).
"""

import binascii
import hashlib
import json
import os
import sys

CASES = []
_NAMES = {}
# case name -> the canonical result the case must give in every runtime.
EXPECTED = {}


def case(name, func, *args):
    """Add a case: call func(*args) and record the (canonical) result."""
    _add(name, func, args, None)


def case_expecting(name, expected, func, *args):
    """Add a case whose result must also equal expected, in every runtime
    (CPython included): a decision table run where the widgets run."""
    _add(name, func, args, None)
    EXPECTED[name] = {"ok": canon(expected)}


def case_raises(name, exception_name, func, *args):
    """Add a case that is meant to raise; exception_name is its class, e.g. "KeyError"."""
    _add(name, func, args, exception_name)


def _add(name, func, args, raises):
    if name in _NAMES:
        raise ValueError("duplicate case name: " + name)
    _NAMES[name] = True
    CASES.append((name, func, args, raises))


# ---------------------------------------------------------------------------
# Canonical results and their JSON
# ---------------------------------------------------------------------------

# Exception classes a result may name, most specific first. RecursionError is
# missing in MicroPython, which raises RuntimeError("maximum recursion depth
# exceeded") instead; both are recorded as RecursionError.
_EXCEPTIONS = [
    ("KeyError", KeyError),
    ("IndexError", IndexError),
    ("UnicodeError", UnicodeError),
    ("ValueError", ValueError),
    ("TypeError", TypeError),
    ("AttributeError", AttributeError),
    ("ZeroDivisionError", ZeroDivisionError),
    ("OSError", OSError),
    ("MemoryError", MemoryError),
    ("NotImplementedError", NotImplementedError),
    ("RuntimeError", RuntimeError),
    ("Exception", Exception),
]


def exception_name(error):
    """A runtime-neutral name for an exception's class."""
    if type(error).__name__ == "RecursionError" or (
        isinstance(error, RuntimeError) and "recursion" in str(error)
    ):
        return "RecursionError"
    for name, cls in _EXCEPTIONS:
        if isinstance(error, cls):
            return name
    return "BaseException"


def canon_float(value):
    """A float as a tagged, runtime-neutral value: millionths, rounded, or nan/inf."""
    if value != value:
        return {"__float__": "nan"}
    if value in (float("inf"), float("-inf")):
        return {"__float__": "inf" if value > 0 else "-inf"}
    return {"__float__": int(round(value * 1000000))}


# Values canon() leaves as they are, by exact type: checked before a call,
# as most values in a result are these and MicroPython's calls are slow.
_PLAIN = (str, int, bool, type(None))


def canon(value):
    """JSON-ready data with no floats, tuples or non-string keys."""
    kind = type(value)
    if kind in _PLAIN:
        return value
    if kind is dict:
        result = {}
        for key in value:
            if type(key) is not str:
                break
            item = value[key]
            result[key] = item if type(item) in _PLAIN else canon(item)
        else:
            return result
    elif kind is list:
        return [item if type(item) in _PLAIN else canon(item) for item in value]
    return _canon_other(value)


def _canon_other(value):
    if isinstance(value, (str, int)):  # None and bool never get here (_PLAIN); a bool is an int
        return value
    if isinstance(value, float):
        return canon_float(value)
    if isinstance(value, (list, tuple)):
        return [canon(item) for item in value]
    if isinstance(value, dict):
        if all(isinstance(key, str) for key in value):
            result = {}
            for key in value:
                result[key] = canon(value[key])
            return result
        pairs = [[canon(key), canon(value[key])] for key in value]
        pairs.sort(key=lambda pair: dumps(pair[0]))
        return {"__pairs__": pairs}
    if isinstance(value, BaseException):
        return {"__exception__": exception_name(value)}
    return {"__object__": type(value).__name__}


def _escape(code):
    """The JSON escape for the character with this code point, which cannot
    be written as is."""
    if code == 0x22:
        return '\\"'
    if code == 0x5C:
        return "\\\\"
    if 0xD800 <= code <= 0xDFFF:
        # A lone surrogate, as MicroPython's json.loads leaves each half of a
        # \uD83D\uDE00 escape pair: marked (U+FFFE, a noncharacter, then its
        # hex) so it never reads the same as the character the pair stands for.
        return "\\ufffe%04x" % code
    if code > 0xFFFF:
        code -= 0x10000
        return "\\u%04x\\u%04x" % (0xD800 + (code >> 10), 0xDC00 + (code & 0x3FF))
    return "\\u%04x" % code


# The ASCII bytes written escaped (backslash first: the others add one), and
# the first byte of each UTF-8 sequence with its length.
_ASCII_ESCAPES = [(bytes([code]), _escape(code).encode())
                  for code in [0x5C, 0x22] + list(range(32)) + [127]]
_LEADS = [(bytes([lead]), 2 if lead < 0xE0 else 3 if lead < 0xF0 else 4) for lead in range(0xC2, 0xF5)]
_ESCAPED = {}


def _escaped(text):
    # Whole-text searches and replaces on the UTF-8 bytes, one for each kind
    # of character escaped: a loop over every character is slow in
    # MicroPython, and results hold whole pages of HTML. "surrogatepass"
    # lets CPython encode a lone surrogate as MicroPython holds one.
    data = text.encode("utf-8", "surrogatepass")
    ascii_only = len(data) == len(text)
    for raw, escape in _ASCII_ESCAPES:
        if raw in data:
            data = data.replace(raw, escape)
    if not ascii_only:
        for lead, size in _LEADS:
            at = data.find(lead)
            while at >= 0:
                sequence = data[at:at + size]
                code = sequence[0] & (0xFF >> (size + 1))
                for byte in sequence[1:]:
                    code = (code << 6) | (byte & 0x3F)
                data = data.replace(sequence, _escape(code).encode())
                at = data.find(lead)
    text = data.decode()
    if len(text) != len(data):
        raise ValueError("not escaped to ASCII: " + repr(text[:80]))
    return '"' + text + '"'


def _dump_str(text, out):
    # Each distinct string is escaped once per run: most are keys and short
    # values written thousands of times, and the long ones (pages of HTML, a
    # 300,000-character text) are written again wherever a case compares its
    # input before and after.
    escaped = _ESCAPED.get(text)
    if escaped is None:
        escaped = _ESCAPED[text] = _escaped(text)
    out.append(escaped)


def _dump(value, out):
    # The common types by exact type first: this runs for every value of
    # every result, and MicroPython is slow at a chain of isinstance calls.
    kind = type(value)
    if kind is str:
        _dump_str(value, out)
    elif kind is dict:
        comma = "{"
        for key in sorted(value):
            out.append(comma)
            _dump_str(key, out)
            out.append(":")
            _dump(value[key], out)
            comma = ","
        out.append("}" if comma == "," else "{}")
    elif kind is list:
        comma = "["
        for item in value:
            out.append(comma)
            _dump(item, out)
            comma = ","
        out.append("]" if comma == "," else "[]")
    elif kind is int:
        out.append(str(value))
    else:
        _dump_other(value, out)


def _dump_other(value, out):
    if isinstance(value, Raw):
        out.append(value.text)
    elif value is None:
        out.append("null")
    elif value is True:
        out.append("true")
    elif value is False:
        out.append("false")
    elif isinstance(value, str):
        _dump_str(value, out)
    elif isinstance(value, int):
        out.append(str(value))
    elif isinstance(value, (list, dict)):
        _dump(list(value) if isinstance(value, list) else dict(value), out)
    else:
        raise TypeError("not canonical: " + type(value).__name__)


def dumps(value):
    """Canonical JSON: ASCII only, keys sorted, no spaces. value must be canon()'d."""
    out = []
    _dump(value, out)
    return "".join(out)


def sha256(text):
    """The SHA-256 of the text's UTF-8 bytes, in hex: hashlib's C code in
    every runtime (a hash in Python walked every byte, slow in MicroPython)."""
    return binascii.hexlify(hashlib.sha256(text.encode("utf-8")).digest()).decode()


def summary(text):
    """A long text in brief: its length, ends and hash."""
    return {"len": len(text), "head": text[:40], "tail": text[-40:], "sha256": sha256(text)}


def run_case(func, args, raises):
    try:
        value = func(*args)
    except Exception as error:  # recorded, never fatal: one case must not hide the rest
        name = exception_name(error)
        if raises is not None and name == raises:
            return {"raised": name}, None
        return {"error": name}, name + ": " + str(error)
    if raises is not None:
        return {"error": "did not raise " + raises, "ok": canon(value)}, "did not raise " + raises
    return {"ok": canon(value)}, None



class Raw:
    """Text put into an envelope_text() as is, e.g. a number written a particular way."""

    def __init__(self, text):
        self.text = text



def describe_text(text):
    """A stored value: parsed JSON where it parses (key order and escaping vary
    between runtimes' json.dumps), else the text itself, in brief if long."""
    if not isinstance(text, str):
        return {"value": canon(text)}
    try:
        return {"json": brief(canon(json.loads(text)))}
    except ValueError:
        return {"text": brief(text)}


def snapshot(backend):
    if backend is None:
        return None
    return {
        "items": [[key, describe_text(backend.items[key])] for key in sorted(backend.items)],
        "calls": backend.calls,
    }


def brief(value):
    """value with every long string in it summarised."""
    if isinstance(value, str) and len(value) > 1000:
        return {"summary": summary(value)}
    if isinstance(value, list):
        return [brief(item) for item in value]
    if isinstance(value, dict):
        result = {}
        for key in value:
            result[key] = brief(value[key])
        return result
    return value


def case_modules():
    """The names of the cases_*.py modules beside this one, sorted."""
    folder = __file__[:max(__file__.rfind("/"), __file__.rfind("\\"))]
    names = [name[:-3] for name in os.listdir(folder) if name.startswith("cases_") and name.endswith(".py")]
    return sorted(names)


def add_case_module(name):
    """Let one case module (e.g. "cases_storage") add its cases."""
    full = "tests.runtimes.parity." + name
    __import__(full)
    sys.modules[full].add_cases()


def add_all_cases():
    """Let every case module add its cases."""
    for name in case_modules():
        add_case_module(name)


def main():
    add_all_cases()
    results = {}
    errors = {}
    for name, func, args, raises in CASES:
        result, message = run_case(func, args, raises)
        results[name] = result
        if message is not None:
            errors[name] = message
    implementation = sys.implementation.name
    output = {
        # meta is for people reading a failure; the tests compare results only.
        "meta": {"implementation": implementation, "platform": sys.platform, "cases": len(CASES),
                 "errors": errors},
        "results": results,
        "expected": EXPECTED,
    }
    # Every result is canonical already (run_case, case_expecting).
    print(dumps(output))
