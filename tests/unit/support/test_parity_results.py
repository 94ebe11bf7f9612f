"""What the parity test reports (tests/support/parity_results.py), proved on
made-up results instead of by breaking a runtime."""

import json

import pytest

from tests.support import parity_results
from tests.support.parity_results import RunFailed, parse_output, problems, reference_from_run, unknown_entries

WHY = "MicroPython's json.loads accepts this malformed JSON"


def output(results, errors=None):
    return {"meta": {"errors": errors or {}}, "results": results}


REFERENCE = output({
    "a.same": {"ok": [1, 2]},
    "b.level": {"ok": {"level": "urgent", "notes": ["x"]}},
    "c.quirk": {"ok": "CORRUPT"},
})


def with_results(**changed):
    return output(dict(REFERENCE["results"], **{name.replace("__", "."): result
                                               for name, result in changed.items()}))


def test_equal_results_are_no_problem():
    assert problems(REFERENCE, with_results(), "micropython", {}) == []


def test_a_difference_names_the_case_and_shows_both_results():
    found = problems(REFERENCE, with_results(b__level={"ok": {"level": "soon", "notes": ["x"]}}),
                     "micropython", {})
    assert found == ["\n".join([
        "1 case differing from CPython in micropython:",
        "  b.level",
        "    at ok.level:",
        '      CPython: "urgent"',
        '      micropython: "soon"',
    ])]


def test_a_case_that_raised_shows_what_it_raised():
    actual = with_results(c__quirk={"error": "ValueError"})
    actual["meta"]["errors"]["c.quirk"] = "ValueError: syntax error in JSON"
    (found,) = problems(REFERENCE, actual, "pyodide", {})
    assert 'at the result:\n      CPython: {"ok": "CORRUPT"}\n      pyodide: {"error": "ValueError"}' in found
    assert found.endswith("    pyodide raised: ValueError: syntax error in JSON")


def test_true_is_not_1_nor_false_0():
    reference = output({"flags": {"ok": [1, 0, {"seen": True}]}})
    (found,) = problems(reference, output({"flags": {"ok": [True, False, {"seen": 1}]}}), "micropython", {})
    assert found.startswith("1 case differing from CPython in micropython:\n  flags\n")
    assert "at ok[0]:\n      CPython: 1\n      micropython: true" in found
    assert "at ok[1]:\n      CPython: 0\n      micropython: false" in found
    assert "at ok[2].seen:\n      CPython: true\n      micropython: 1" in found


def test_lists_of_other_lengths_show_the_lengths():
    (found,) = problems(REFERENCE, with_results(a__same={"ok": [1, 2, 3]}), "pyodide", {})
    assert "at ok (length):\n      CPython: 2\n      pyodide: 3" in found


def test_long_texts_show_where_they_first_differ():
    page = "<p>" + "calm words " * 100 + "</p>"
    reference = output({"page": {"ok": page}})
    (found,) = problems(reference, output({"page": {"ok": page.replace("</p>", "</P>")}}), "micropython", {})
    at = page.index("</p>")
    assert f"at ok (texts of {len(page)} and {len(page)} characters, first differing at {at + 2}):" in found
    assert 'calm words </p>"' in found and 'calm words </P>"' in found
    assert len(found) < 400


def test_hundreds_of_differences_show_a_few_in_full_and_name_the_rest():
    names = [f"case.{number:03}" for number in range(500)]
    reference = output({name: {"ok": 1} for name in names})
    (found,) = problems(reference, output({name: {"ok": 2} for name in names}), "micropython", {})
    assert found.startswith("500 cases differing from CPython in micropython:\n")
    shown = names[:parity_results.SHOWN_IN_FULL]
    assert found.count("at ok:") == len(shown)
    for name in shown:
        assert f"  {name}\n    at ok:" in found
    assert f"  and {500 - len(shown)} more: " + ", ".join(names[len(shown):]) in found
    assert len(found.splitlines()) < 40


def test_many_places_in_one_case_show_a_few():
    reference = output({"big": {"ok": list(range(10))}})
    (found,) = problems(reference, output({"big": {"ok": [-1] * 10}}), "pyodide", {})
    assert found.count("at ok[") == parity_results.PLACES_SHOWN
    assert f"and {10 - parity_results.PLACES_SHOWN} more places" in found


def test_missing_and_extra_cases_are_named():
    actual = output({"a.same": {"ok": [1, 2]}, "b.level": REFERENCE["results"]["b.level"], "d.new": {"ok": 0}})
    assert problems(REFERENCE, actual, "pyodide", {}) == [
        "pyodide has no result for 1 case CPython ran: c.quirk",
        "pyodide ran 1 case CPython did not: d.new",
    ]


def test_a_known_difference_is_expected_in_its_runtime_only():
    known = {"c.quirk": {"micropython": (WHY, True)}}
    actual = with_results(c__quirk={"ok": "OK"})
    assert problems(REFERENCE, actual, "micropython", known) == []
    assert parity_results.known_differing(REFERENCE, actual, "micropython", known) == ["c.quirk"]
    (found,) = problems(REFERENCE, actual, "pyodide", known)
    assert found.startswith("1 case differing from CPython in pyodide:\n  c.quirk\n")


def test_a_strict_known_difference_that_matches_fails_and_says_so():
    known = {"c.quirk": {"micropython": (WHY, True)}}
    assert problems(REFERENCE, with_results(), "micropython", known) == [
        "1 known difference now matching CPython in micropython; take each out of KNOWN_DIFFERENCES:\n"
        f"  c.quirk (listed as: {WHY})"
    ]


def test_a_known_difference_that_is_not_strict_may_go_either_way():
    known = {"c.quirk": {"micropython": (WHY, False)}}
    assert problems(REFERENCE, with_results(), "micropython", known) == []
    assert problems(REFERENCE, with_results(c__quirk={"ok": "OK"}), "micropython", known) == []


def test_known_differences_must_name_real_cases_and_runtimes():
    known = {"c.quirk": {"micropython": (WHY, True)}, "gone.case": {"micropython": (WHY, True)},
             "b.level": {"micropyton": (WHY, True)}}
    assert unknown_entries(known, REFERENCE["results"], ("micropython", "pyodide")) == [
        "KNOWN_DIFFERENCES names the runtime 'micropyton' for b.level: no such runtime",
        "KNOWN_DIFFERENCES names gone.case, which is no case (renamed or removed?)",
    ]


def test_a_failed_cpython_run_fails_with_its_traceback():
    with pytest.raises(RunFailed, match=r"(?s)failed in CPython \(exit 1\):\nTraceback.*NameError"):
        reference_from_run(1, "", "Traceback (most recent call last):\nNameError: name 'x' is not defined\n")
    assert reference_from_run(0, json.dumps(REFERENCE) + "\n", "") == REFERENCE


@pytest.mark.parametrize(("stdout", "says"), [
    ("", "expected one line of JSON, got 0 lines"),
    ("a print left in a case\n" + json.dumps(REFERENCE), "expected one line of JSON, got 2 lines"),
    ("{not json", "output is not JSON"),
    (json.dumps({"results": {}}), "output has no results"),
    (json.dumps([1]), "output has no results"),
])
def test_output_that_is_not_results_fails_clearly(stdout, says):
    with pytest.raises(RunFailed, match=f"^micropython: {says}"):
        parse_output(stdout, "micropython")
