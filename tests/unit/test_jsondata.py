"""sog.jsondata.copy: the deep copy every widget state change makes."""

import json

from sog import jsondata

from tests.support.examples import HOSTILE_TEXTS


def test_copy_is_equal_and_shares_no_dict_or_list():
    original = {"a": [1, {"b": [True, None, "x"]}], "c": {"d": {}}, "e": [], "f": 2.5}
    copied = jsondata.copy(original)
    assert copied == original
    copied["a"][1]["b"].append("more")
    copied["c"]["d"]["new"] = 1
    copied["e"].append(0)
    assert original == {"a": [1, {"b": [True, None, "x"]}], "c": {"d": {}}, "e": [], "f": 2.5}


def test_copy_gives_what_a_json_round_trip_gives():
    """As the json.dumps and json.loads round trip it replaced: a tuple comes
    back a list, and every text as it was."""
    value = {"t": (1, ("a", [2])), "texts": list(HOSTILE_TEXTS)}
    assert jsondata.copy(value) == json.loads(json.dumps(value))
    assert type(jsondata.copy(value)["t"][1]) is list
