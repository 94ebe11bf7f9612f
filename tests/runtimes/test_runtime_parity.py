"""The widget logic gives the same results in CPython, MicroPython and Pyodide.

The site runs pyscript/ in the browser under MicroPython (the default) or
Pyodide, while the unit tests run it under CPython. These tests make sure
that what the unit tests prove also holds in the browser: parity/run.py runs
a table of cases against the pure widget modules in each runtime and prints
its results as one line of JSON; every case's result in real MicroPython and
real Pyodide (run under Node by run_in_node.mjs, offline) must equal CPython's.
The cases come from every parity/cases_*.py module, found by name: a new
widget adds its own cases_<widget>.py and nothing else changes.

Each runtime runs once for all cases (Pyodide takes a few seconds to start),
and one test per runtime compares every case with CPython's
(tests/support/parity_results.py): its failure names every case that
differs, the first few with where and how their results differ, the rest by
name. (One test per case was 4,800 items, and pytest-xdist's cost of
reporting each was more than the comparison.) Differences already known and
explained are listed in KNOWN_DIFFERENCES and expected; a strict entry that
starts matching fails the run, so the list is kept up to date when the code
is fixed, and an entry that names no case fails too.
"""

import functools
import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.support.parity_results import (
    RunFailed,
    known_differing,
    parse_output,
    problems,
    reference_from_run,
    same,
    short_json,
    unknown_entries,
)

pytestmark = pytest.mark.runtime

HERE = Path(__file__).resolve().parent
PROJECT = HERE.parents[1]
PYSCRIPT = PROJECT / "pyscript"
CASES = HERE / "parity" / "run.py"
RUNNER = HERE / "run_in_node.mjs"
NODE_MODULES = PROJECT / "node_modules"
# What run_in_node.mjs loads for each runtime.
RUNTIMES = {
    "micropython": NODE_MODULES / "@micropython" / "micropython-webassembly-pyscript" / "micropython.mjs",
    "pyodide": NODE_MODULES / "pyodide" / "pyodide.mjs",
}
TIMEOUT = 180  # seconds for one runtime to run every case

# Why each known difference happens. All come from the runtimes' json modules
# as used by storage.py and checklist/saved.py, not from the rules or the
# rendering:
# - MicroPython's json.loads accepts malformed text CPython rejects (trailing
#   commas, a key with no value or no colon, 01, 1., raw tabs and newlines or
#   unknown escapes in strings, a trailing NUL), so storage.unwrap returns OK
#   for text CPython and Pyodide call CORRUPT.
# - CPython's json.loads accepts NaN and Infinity; MicroPython's rejects them.
# - MicroPython's json.dumps writes non-ASCII characters as they are; CPython's
#   escapes each as \uXXXX (6 characters), so the MAX_CHARS check in
#   Store.save refuses in CPython and Pyodide data MicroPython saves. (Its
#   key order differs too, which is why parity/run.py compares saved text parsed.)
#   The same makes CPython's checklist export of much non-ASCII text too
#   large for import_text to read back.
# - MicroPython's json.loads reads a \uD83D\uDE00 escape pair (how CPython's
#   json.dumps writes any character beyond U+FFFF) as two lone surrogates;
#   CPython's joins it into one character. So the text differs, and counts
#   twice against the checklist's length limits.
# (Deep nesting used to differ too, and crash Pyodide; storage.too_deep now
# refuses it before any parser sees it, in storage.unwrap and import_text.)
_MICROPYTHON_LENIENT = "MicroPython's json.loads accepts this malformed JSON; CPython's rejects it (CORRUPT)"
_MICROPYTHON_NO_NAN = "CPython's json.loads accepts NaN/Infinity; MicroPython's rejects them (CORRUPT)"
_MICROPYTHON_NON_ASCII = "MicroPython's json.dumps leaves non-ASCII unescaped: Store.save's limit differs"
_MICROPYTHON_LENIENT_IMPORT = (
    "MicroPython's json.loads accepts this malformed JSON: import_text loads a file CPython calls damaged"
)
_MICROPYTHON_NON_ASCII_EXPORT = (
    "MicroPython's json.dumps leaves non-ASCII unescaped: "
    "CPython's export is over MAX_CHARS, so import_text refuses it"
)
_MICROPYTHON_SURROGATES = (
    "MicroPython's json.loads reads a \\uD83D\\uDE00 escape pair as two lone surrogates; "
    "CPython's as one character"
)

# case name -> {runtime: (why it differs, strict)}. strict=False only where the
# outcome also depends on the CPython version the tests run on.
KNOWN_DIFFERENCES = {
    "storage.unwrap.quirk_trailing_comma": {"micropython": (_MICROPYTHON_LENIENT, True)},
    "storage.unwrap.quirk_trailing_comma_in_data": {"micropython": (_MICROPYTHON_LENIENT, True)},
    "storage.unwrap.quirk_missing_value": {"micropython": (_MICROPYTHON_LENIENT, True)},
    "storage.unwrap.quirk_missing_colon": {"micropython": (_MICROPYTHON_LENIENT, True)},
    "storage.unwrap.quirk_leading_zero_version": {"micropython": (_MICROPYTHON_LENIENT, True)},
    "storage.unwrap.quirk_trailing_dot_number": {"micropython": (_MICROPYTHON_LENIENT, True)},
    "storage.unwrap.quirk_raw_tab_in_string": {"micropython": (_MICROPYTHON_LENIENT, True)},
    "storage.unwrap.quirk_raw_newline_in_string": {"micropython": (_MICROPYTHON_LENIENT, True)},
    "storage.unwrap.quirk_hex_escape": {"micropython": (_MICROPYTHON_LENIENT, True)},
    "storage.unwrap.quirk_unknown_escape": {"micropython": (_MICROPYTHON_LENIENT, True)},
    "storage.unwrap.quirk_trailing_nul": {"micropython": (_MICROPYTHON_LENIENT, True)},
    "storage.unwrap.quirk_nan_saved_at": {"micropython": (_MICROPYTHON_NO_NAN, True)},
    "storage.unwrap.quirk_infinity_saved_at": {"micropython": (_MICROPYTHON_NO_NAN, True)},
    "storage.unwrap.quirk_infinity_data": {"micropython": (_MICROPYTHON_NO_NAN, True)},
    "storage.Store.save_non_ascii_near_limit": {"micropython": (_MICROPYTHON_NON_ASCII, True)},
    "storage.unwrap.quirk_surrogate_pair_escape": {"micropython": (_MICROPYTHON_SURROGATES, True)},
    "checklist.import_text.quirk_trailing_comma": {"micropython": (_MICROPYTHON_LENIENT_IMPORT, True)},
    "checklist.import_text.quirk_emoji_escape_goals": {"micropython": (_MICROPYTHON_SURROGATES, True)},
    "checklist.import_text.quirk_emoji_escape_long_text": {"micropython": (_MICROPYTHON_SURROGATES, True)},
    "checklist.round_trip.quirk_non_ascii_near_limit": {"micropython": (_MICROPYTHON_NON_ASCII_EXPORT, True)},
}


@functools.cache
def cpython_output():
    """parity/run.py run by this CPython, with pyscript/ (the sog package) and
    the project (tests.support) on the path, as in the other runtimes."""
    path = os.pathsep.join([str(PYSCRIPT), str(PROJECT)])
    env = dict(os.environ, PYTHONPATH=path, PYTHONDONTWRITEBYTECODE="1", PYTHONIOENCODING="utf-8")
    completed = subprocess.run(
        [sys.executable, str(CASES)], cwd=PROJECT, env=env, capture_output=True, text=True, timeout=TIMEOUT
    )
    return reference_from_run(completed.returncode, completed.stdout, completed.stderr)


@pytest.fixture(scope="session")
def reference():
    """CPython's results: what every runtime must match."""
    try:
        return cpython_output()
    except RunFailed as error:
        pytest.fail(str(error), pytrace=False)


@pytest.fixture(scope="session")
def node():
    """The node executable; skip if there is none, or it is too old for the runtimes."""
    found = shutil.which("node")
    if found is None:
        pytest.skip("node is not installed: the MicroPython and Pyodide parity tests run under Node")
    version = subprocess.run([found, "--version"], capture_output=True, text=True).stdout.strip()
    match = re.match(r"v(\d+)", version)
    if not match or int(match.group(1)) < 18:
        shown = version or "(unknown version)"
        pytest.skip(f"node {shown} is too old: MicroPython and Pyodide need Node 18 or newer")
    return found


class Runtimes:
    """Runs parity/run.py once per runtime under Node, every runtime at once
    (they take about as long each), and keeps each result or failure."""

    def __init__(self, node):
        self.node = node
        self.outputs = {}
        self.seconds = {}
        self.started = time.monotonic()
        self.running = {
            runtime: subprocess.Popen(
                [node, str(RUNNER), runtime, str(PROJECT), str(CASES)],
                cwd=HERE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            )
            for runtime in RUNTIMES
            if RUNTIMES[runtime].is_file()
        }

    def output(self, runtime):
        if runtime not in self.running:
            pytest.skip(f"node_modules is not installed ({RUNTIMES[runtime]} is missing): run `npm ci`")
        if runtime not in self.outputs:
            self.outputs[runtime] = self._finish(runtime)
        result = self.outputs[runtime]
        if isinstance(result, RunFailed):
            pytest.fail(str(result), pytrace=False)
        return result

    def _finish(self, runtime):
        process = self.running[runtime]
        try:
            raw_out, raw_err = process.communicate(timeout=max(1, TIMEOUT - (time.monotonic() - self.started)))
        except subprocess.TimeoutExpired:
            process.kill()
            process.communicate()
            return RunFailed(f"{runtime}: parity/run.py did not finish within {TIMEOUT} s")
        finally:
            self.seconds[runtime] = time.monotonic() - self.started
        stdout = raw_out.decode("utf-8", "replace")
        stderr = raw_err.decode("utf-8", "replace")
        if process.returncode != 0:
            return RunFailed(f"{runtime}: run_in_node.mjs failed (exit {process.returncode}):\n{stderr}")
        try:
            output = parse_output(stdout, runtime)
        except RunFailed as error:
            return RunFailed(f"{error}\nstderr:\n{stderr}")
        output["stderr"] = stderr
        return output


@pytest.fixture(scope="session")
def runtimes(node):
    """Each runtime's results, started together on first use and shared by every test."""
    return Runtimes(node)


def test_reference_runs_cleanly(reference):
    """CPython runs every case as intended: no case raised unexpectedly, and the
    table reaches every result level and no verdict (None), so the comparison
    below means something."""
    assert reference["meta"]["implementation"] == "cpython"
    errors = reference["meta"]["errors"]
    assert not errors, "cases raised unexpectedly in CPython:\n" + "\n".join(
        f"  {name}: {message}" for name, message in sorted(errors.items())
    )
    results = reference["results"]
    assert results["harness.browser_modules_not_loaded"] == {"ok": []}
    levels = {
        result["ok"]["level"] for name, result in results.items() if name.startswith("rules.evaluate.")
    }
    data = json.loads((PYSCRIPT / "sog" / "screener" / "questions.json").read_text(encoding="utf-8"))
    assert levels == {level["id"] for level in data["levels"]} | {None}


def test_known_differences_name_real_cases(reference):
    """Every entry in KNOWN_DIFFERENCES names a case and a runtime that exist."""
    unknown = unknown_entries(KNOWN_DIFFERENCES, reference["results"], RUNTIMES)
    assert not unknown, "\n".join(unknown)


@pytest.mark.parametrize("runtime", sorted(RUNTIMES))
def test_runtime_matches_cpython(runtimes, reference, runtime):
    """The runtime really is the one asked for, ran exactly the cases CPython
    ran, and gives CPython's result in every case but the known differences."""
    output = runtimes.output(runtime)
    meta = output["meta"]
    if runtime == "micropython":
        assert meta["implementation"] == "micropython"
    else:
        assert (meta["implementation"], meta["platform"]) == ("cpython", "emscripten")
    found = problems(reference, output, runtime, KNOWN_DIFFERENCES)
    if found:
        pytest.fail("\n".join(found), pytrace=False)
    known = known_differing(reference, output, runtime, KNOWN_DIFFERENCES)
    print(f"{runtime}: {len(output['results'])} cases in {runtimes.seconds[runtime]:.1f} s, "
          f"all as CPython's but {len(known)} known differences (KNOWN_DIFFERENCES)")


def test_expected_cases_hold_in_cpython(reference):
    """Cases added with case_expecting (decision tables) give their expected
    result in CPython; the runtimes must then match CPython case by case."""
    expected = reference["expected"]
    assert expected, "no case_expecting cases"
    wrong = {name: (reference["results"].get(name), want) for name, want in expected.items()
             if not same(reference["results"].get(name), want)}
    assert not wrong, "cases not giving their expected result:\n" + "\n".join(
        f"  {name}: got {short_json(got, 3000)}, expected {short_json(want, 3000)}"
        for name, (got, want) in sorted(wrong.items())
    )


@pytest.mark.parametrize("runtime", sorted(RUNTIMES))
def test_expected_cases_hold_in_every_runtime(runtimes, reference, runtime):
    """The same in MicroPython and Pyodide, from their own output: each
    decision in the tables is made there as the table says."""
    output = runtimes.output(runtime)
    wrong = sorted(name for name, want in reference["expected"].items() if not same(output["results"].get(name), want))
    assert not wrong, f"{runtime}: cases not giving their expected result: {wrong}"
