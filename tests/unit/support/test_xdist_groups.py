"""The order pytest-xdist's workers get their work in (tests/support/xdist_groups.py)."""

from tests.support.xdist_groups import work_order


def test_long_groups_first_then_groups_then_browser_tests_then_the_rest():
    units = {
        "tests/unit/test_a.py::test_one": {"u1": False},
        "group:visit:/about/": {"v1": False, "v2": False},
        "tests/e2e/test_b.py::test_two": {"b1": False},
        "group:offline": {"o1": False},
        "group:visit:/": {"w1": False, "w2": False, "w3": False},
        "group:pyodide": {"p1": False},
        "tests/unit/test_a.py::test_three": {"u2": False},
    }
    order = [scope for scope, _ in work_order(units, first_groups=("pyodide", "offline"))]
    assert order == [
        "group:pyodide", "group:offline",
        "group:visit:/", "group:visit:/about/",
        "tests/e2e/test_b.py::test_two",
        "tests/unit/test_a.py::test_one", "tests/unit/test_a.py::test_three",
    ]


def test_a_unit_keeps_its_tests_in_collection_order():
    units = {"group:visit:/": {"first": False, "second": False, "third": False}}
    (_, nodeids), = work_order(units)
    assert list(nodeids) == ["first", "second", "third"]
