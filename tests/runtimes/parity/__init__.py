"""Runtime parity cases: the same table of cases in CPython, MicroPython and Pyodide."""
