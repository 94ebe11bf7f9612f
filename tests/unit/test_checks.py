"""sog.checks: the validators' shared helpers."""

from sog import checks


def test_note_counts_each_code_once_in_the_order_found():
    issues = []
    checks.note(issues, "b")
    checks.note(issues, "a", 2)
    checks.note(issues, "b", 3)
    assert issues == [["b", 4], ["a", 2]]


def test_sorted_keys_orders_mixed_keys_as_text():
    assert checks.sorted_keys({"b": 1, 2: 0, "a": 3}) == [2, "a", "b"]


def test_walkable_reads_only_a_dict_and_notes_its_unknown_keys():
    issues = []
    assert checks.walkable(None, ("a",), issues) is False and issues == []
    assert checks.walkable(["a"], ("a",), issues) is False and issues == [["unreadable", 1]]
    issues = []
    assert checks.walkable({"z": 1, "a": 2, 3: 4}, ("a",), issues) is True
    assert issues == [["unknown_field", 2]]
