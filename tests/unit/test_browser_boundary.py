"""Only sog/dom.py touches the browser (PyScript's modules and `js`).

Everything else in pyscript/sog stays pure Python that CPython, MicroPython
and Pyodide all run, so it can be tested here, and so leaving PyScript one day
means rewriting one module.
"""

import ast
from pathlib import Path

import pytest

SOG = Path(__file__).resolve().parents[2] / "pyscript" / "sog"
BROWSER_MODULES = {"pyscript", "js"}
MODULES = sorted(path for path in SOG.rglob("*.py") if path.name != "dom.py")


def imported_roots(path):
    """The top-level names of every module a file imports."""
    roots = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            roots.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            roots.add(node.module.split(".")[0])
    return roots


@pytest.mark.parametrize("path", MODULES, ids=lambda path: path.relative_to(SOG).as_posix())
def test_only_dom_touches_the_browser(path):
    assert not imported_roots(path) & BROWSER_MODULES


def test_dom_is_where_the_browser_is():
    assert imported_roots(SOG / "dom.py") & BROWSER_MODULES
