"""The parity run's results: read from a runtime's output, and compared with
CPython's.

Pure (text or results in, results or problems out), so that
tests/runtimes/test_runtime_parity.py checks every case in one test per
runtime, and tests/unit/support/test_parity_results.py proves what a failure
reports without breaking a runtime. A runtime's output is parity/run.py's one
line of JSON: {"meta": {..., "errors": {case: what it raised}},
"results": {case: result}, "expected": {...}}.

KNOWN_DIFFERENCES-style tables map a case name to {runtime: (why, strict)}:
a strict known difference that starts matching is a problem (the table must
be kept up to date when the code is fixed); a non-strict one may go either
way.
"""

import json
import os

# A failure shows this many differing cases in full, then the rest by name,
# so a run with hundreds of differences stays readable.
SHOWN_IN_FULL = 5
# The places shown for one case, and the characters shown around the first
# difference in a long text.
PLACES_SHOWN = 3
AROUND = 60
LONGEST_VALUE = 300

_ABSENT = object()


class RunFailed(Exception):
    """A runtime did not produce results."""


def parse_output(stdout, label):
    """The results from parity/run.py's one line of JSON; RunFailed if there
    are none. label names the runtime in the message."""
    lines = [line for line in stdout.splitlines() if line.strip()]
    if len(lines) != 1:
        raise RunFailed(f"{label}: expected one line of JSON, got {len(lines)} lines:\n{stdout[:2000]}")
    try:
        output = json.loads(lines[0])
    except ValueError as error:
        raise RunFailed(f"{label}: output is not JSON ({error}):\n{lines[0][:2000]}") from error
    if not isinstance(output, dict) or not isinstance(output.get("results"), dict) or not output["results"]:
        raise RunFailed(f"{label}: output has no results")
    return output


def reference_from_run(returncode, stdout, stderr):
    """CPython's output from its run of parity/run.py; RunFailed, saying
    why with CPython's own traceback, if the run failed."""
    if returncode != 0:
        raise RunFailed(f"parity/run.py failed in CPython (exit {returncode}):\n{stderr}")
    return parse_output(stdout, "CPython")


def problems(reference, output, runtime, known):
    """Every way the runtime's output differs from CPython's (reference)
    that `known` does not expect: a list of messages, empty if none.

    Cases missing or extra; cases whose results differ (all named, the first
    SHOWN_IN_FULL with where and how they differ); strict known differences
    that now match."""
    expected, actual = reference["results"], output["results"]
    errors = output.get("meta", {}).get("errors", {})
    found = []
    missing = sorted(set(expected) - set(actual))
    extra = sorted(set(actual) - set(expected))
    if missing:
        found.append(f"{runtime} has no result for {_cases(missing)} CPython ran: {', '.join(missing)}")
    if extra:
        found.append(f"{runtime} ran {_cases(extra)} CPython did not: {', '.join(extra)}")
    differing, now_matching = [], []
    for name in sorted(set(expected) & set(actual)):
        why, strict = known.get(name, {}).get(runtime, (None, False))
        if not same(expected[name], actual[name]):
            if why is None:
                differing.append(name)
        elif why is not None and strict:
            now_matching.append(f"  {name} (listed as: {why})")
    if differing:
        found.append(_differing(differing, expected, actual, errors, runtime))
    if now_matching:
        found.append(f"{_cases(now_matching, 'known difference')} now matching CPython in {runtime}; "
                     "take each out of KNOWN_DIFFERENCES:\n" + "\n".join(now_matching))
    return found


def known_differing(reference, output, runtime, known):
    """The known differences that still differ in this runtime, by name: for
    the test's report (they are expected, not problems)."""
    expected, actual = reference["results"], output["results"]
    return sorted(name for name in known if runtime in known[name]
                  and name in expected and name in actual and not same(expected[name], actual[name]))


def same(expected, actual):
    """Whether two results are the same JSON: compared as text, since Python
    counts true equal to 1 and false to 0 (floats never occur: the harness
    writes them as tagged integers)."""
    return expected == actual and json.dumps(expected, sort_keys=True) == json.dumps(actual, sort_keys=True)


def unknown_entries(known, case_names, runtimes):
    """Entries in a known-differences table that name no case, or no runtime:
    a list of messages, empty if none."""
    found = []
    for name in sorted(known):
        if name not in case_names:
            found.append(f"KNOWN_DIFFERENCES names {name}, which is no case (renamed or removed?)")
        for runtime in sorted(set(known[name]) - set(runtimes)):
            found.append(f"KNOWN_DIFFERENCES names the runtime {runtime!r} for {name}: no such runtime")
    return found


def _differing(names, expected, actual, errors, runtime):
    lines = [f"{_cases(names)} differing from CPython in {runtime}:"]
    for name in names[:SHOWN_IN_FULL]:
        lines.append(f"  {name}")
        lines.extend("    " + line for line in describe(expected[name], actual[name], runtime))
        if name in errors:
            lines.append(f"    {runtime} raised: {errors[name]}")
    rest = names[SHOWN_IN_FULL:]
    if rest:
        lines.append(f"  and {len(rest)} more: {', '.join(rest)}")
    return "\n".join(lines)


def describe(expected, actual, runtime):
    """Where and how one case's results differ, CPython's first: lines of
    text, PLACES_SHOWN places at most."""
    places = []
    if isinstance(expected, dict) and isinstance(actual, dict) and set(expected) != set(actual):
        # A result of another kind ("ok", "raised", "error"): both whole.
        places.append(("", expected, actual))
    else:
        _places(expected, actual, "", places)
    lines = []
    for where, want, got in places[:PLACES_SHOWN]:
        want_text, got_text, note = _shown(want, got)
        lines.append(f"at {where or 'the result'}{note}:")
        lines.append(f"  CPython: {want_text}")
        lines.append(f"  {runtime}: {got_text}")
    if len(places) > PLACES_SHOWN:
        lines.append(f"and {len(places) - PLACES_SHOWN} more places")
    return lines


def _cases(names, noun="case"):
    return f"1 {noun}" if len(names) == 1 else f"{len(names)} {noun}s"


def _places(expected, actual, where, found):
    """Every innermost place where two JSON values differ, as (where,
    CPython's value, the runtime's value); _ABSENT where one has no value."""
    if isinstance(expected, dict) and isinstance(actual, dict):
        for key in sorted(set(expected) | set(actual)):
            want, got = expected.get(key, _ABSENT), actual.get(key, _ABSENT)
            if want is _ABSENT or got is _ABSENT or not same(want, got):
                _places(want, got, f"{where}.{key}" if where else key, found)
    elif isinstance(expected, list) and isinstance(actual, list):
        for index, (want, got) in enumerate(zip(expected, actual, strict=False)):
            if not same(want, got):
                _places(want, got, f"{where}[{index}]", found)
        if len(expected) != len(actual):
            found.append((f"{where} (length)", len(expected), len(actual)))
    else:
        found.append((where, expected, actual))


def _shown(want, got):
    """Two differing values as short text, and a note on where two texts differ."""
    if isinstance(want, str) and isinstance(got, str):
        at = len(os.path.commonprefix([want, got]))
        if max(len(want), len(got)) > LONGEST_VALUE:
            note = f" (texts of {len(want)} and {len(got)} characters, first differing at {at})"
            return _around(want, at), _around(got, at), note
    return _value(want), _value(got), ""


def _around(text, at):
    start = max(0, at - AROUND)
    end = at + AROUND
    return ("..." if start else "") + json.dumps(text[start:end], ensure_ascii=False) + (
        "..." if end < len(text) else "")


def _value(value):
    return "(nothing)" if value is _ABSENT else short_json(value)


def short_json(value, limit=LONGEST_VALUE):
    """value as JSON text, cut after limit characters (saying how long it was)."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    return text if len(text) <= limit else text[:limit] + f"... ({len(text)} characters)"
