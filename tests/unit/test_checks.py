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
