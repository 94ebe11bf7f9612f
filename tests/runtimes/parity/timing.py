"""Where the parity run's time goes, in any runtime: every case module's
import and add_cases(), then the slowest cases and areas. Not a test; run
it as run.py is run, e.g.

    node tests/runtimes/run_in_node.mjs micropython $PWD $PWD/tests/runtimes/parity/timing.py

(CPython: PYTHONPATH=pyscript:. python tests/runtimes/parity/timing.py).
Times are wall-clock milliseconds (MicroPython's clock under Node counts
whole milliseconds, so single cases read 0 or 1: compare sums), and the
machine's load moves them: compare runs made one after the other.
"""

import sys
import time

from tests.runtimes.parity import harness

SHOWN = 25


def _now():
    if hasattr(time, "ticks_us"):
        return time.ticks_us() / 1000.0
    return time.perf_counter() * 1000.0


def _show(title, times):
    print(title)
    for name in sorted(times, key=lambda key: -times[key])[:SHOWN]:
        print("  %8.1f ms  %s" % (times[name], name))


def main():
    started = _now()
    modules = {}
    for name in harness.case_modules():
        before = _now()
        harness.add_case_module(name)
        modules[name] = _now() - before
    ran = _now()
    cases = {}
    areas = {}
    for name, func, args, raises in harness.CASES:
        before = _now()
        harness.run_case(func, args, raises)
        cases[name] = _now() - before
        area = ".".join(name.split(".")[:2])
        areas[area] = areas.get(area, 0) + cases[name]
    finished = _now()
    print("%s: %d cases; setting up %.0f ms, running %.0f ms" % (
        sys.implementation.name, len(harness.CASES), ran - started, finished - ran))
    _show("import and add_cases(), by module:", modules)
    _show("running, by area (the name's first two parts):", areas)
    _show("running, the slowest cases:", cases)


main()
