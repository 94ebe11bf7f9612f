"""The import graph of pyscript/sog: no cycle between widget packages.

A widget package (a folder of pyscript/sog) may use another's modules (the
letter reads the checklist's items), but never one that uses it back: a
cycle ties two widgets together, so neither can change, move or be left
out alone (issue 16: the checklist's file once imported the letter's and
worksheet's saved modules while they imported the checklist). The shared
modules at the top of the package import no widget package at all: what
they need of the widgets they find from the manifests (sog/keep.py).

Tested here, from every module's import statements (ast, as the build's
modules_for reads them): the graph of packages has no cycle, and a cycle
made on purpose is found and named.
"""

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "pyscript" / "sog"
SHARED = "sog"


def _names(tree):
    """Every sog module or package an import statement names (dotted)."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.module
            for alias in node.names:
                yield node.module + "." + alias.name


def package_of(name, package=PACKAGE):
    """The widget package a dotted sog name belongs to (its folder), SHARED
    for a module at the top of sog, None outside sog."""
    parts = name.split(".")
    if parts[0] != SHARED:
        return None
    if len(parts) > 1 and (package / parts[1]).is_dir():
        return parts[1]
    return SHARED


def import_graph(package=PACKAGE):
    """{package: set of the other packages its modules import}."""
    graph = {}
    for path in sorted(package.rglob("*.py")):
        relative = path.relative_to(package.parent).with_suffix("")
        here = package_of(".".join(relative.parts), package)
        targets = graph.setdefault(here, set())
        for name in _names(ast.parse(path.read_text(encoding="utf-8"))):
            there = package_of(name, package)
            if there is not None and there != here:
                targets.add(there)
    return graph


def find_cycle(graph):
    """One cycle of the graph as a list of nodes (first repeated last), or []."""
    done = set()

    def visit(node, path):
        if node in path:
            return path[path.index(node):] + [node]
        if node in done:
            return []
        for target in sorted(graph.get(node, ())):
            found = visit(target, path + [node])
            if found:
                return found
        done.add(node)
        return []

    for start in sorted(graph):
        found = visit(start, [])
        if found:
            return found
    return []


GRAPH = import_graph()


def test_the_graph_sees_the_widget_packages():
    """A sanity check on the reader: known edges are there."""
    assert {"checklist", "letter", "screener", "worksheet", "printable"} <= set(GRAPH)
    assert "checklist" in GRAPH["letter"]


def test_no_cycle_between_widget_packages():
    assert find_cycle(GRAPH) == [], " -> ".join(find_cycle(GRAPH))


def test_the_shared_modules_import_no_widget():
    assert GRAPH[SHARED] == set()


@pytest.mark.parametrize("graph, cycle", [
    ({"a": {"b"}, "b": {"a"}}, ["a", "b", "a"]),
    ({"a": {"b"}, "b": {"c"}, "c": {"b"}}, ["b", "c", "b"]),
    ({"a": {"b", "c"}, "b": {"c"}, "c": set()}, []),
])
def test_find_cycle_names_a_cycle_made_on_purpose(graph, cycle):
    assert find_cycle(graph) == cycle


def test_a_cycle_in_real_files_is_found(tmp_path):
    """Two widget folders that import each other, read from their files."""
    package = tmp_path / "sog"
    for name, other in (("one", "two"), ("two", "one")):
        (package / name).mkdir(parents=True)
        (package / name / "__init__.py").write_text("", encoding="utf-8")
        (package / name / "logic.py").write_text("from sog." + other + " import logic\n", encoding="utf-8")
    (package / "__init__.py").write_text("", encoding="utf-8")
    assert find_cycle(import_graph(package)) == ["one", "two", "one"]
