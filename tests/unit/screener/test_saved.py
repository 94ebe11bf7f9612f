"""Unit tests for pyscript/screener/saved.py: the screener's saved form.

Tested here: to_saved and from_saved round trip (directly and through the
storage envelope as text); from_saved on damaged or outdated shapes gives
usable answers and counts what it drops; show_result is only ever True when
True was saved.
"""

import json

import pytest

import storage
from screener import saved

ANSWERS = {"emergency": "no", "serious_illness": "yes", "side_effects": "not_sure"}


@pytest.mark.parametrize("show", [True, False], ids=["showing", "not-showing"])
@pytest.mark.parametrize(
    "answers",
    [
        pytest.param({}, id="no-answers"),
        pytest.param(ANSWERS, id="some-answers"),
    ],
)
def test_round_trip(data, answers, show):
    """What to_saved stores, from_saved gives back unchanged, with nothing dropped."""
    assert saved.from_saved(data, saved.to_saved(answers, show)) == (answers, show, 0)


@pytest.mark.parametrize("show", [True, False], ids=["showing", "not-showing"])
def test_round_trip_through_storage_text(data, show):
    """The saved form survives JSON in the storage envelope, as in the browser."""
    store_data = saved.to_saved(ANSWERS, show)
    text = json.dumps(storage.wrap(saved.KIND, saved.VERSION, store_data, 123))
    loaded, saved_at, notice = storage.unwrap(saved.KIND, saved.VERSION, text)
    assert (saved_at, notice) == (123, storage.OK)
    assert saved.from_saved(data, loaded) == (ANSWERS, show, 0)


def test_to_saved_shape_and_copy():
    """to_saved stores a copy of the answers and a real bool, so later changes
    to the caller's dict do not leak into what is saved."""
    answers = dict(ANSWERS)
    result = saved.to_saved(answers, 1)
    answers["emergency"] = "yes"
    assert result == {"answers": ANSWERS, "show_result": True}
    assert saved.to_saved({}, None)["show_result"] is False


@pytest.mark.parametrize(
    "stored, expected",
    [
        pytest.param(None, ({}, False, 0), id="nothing-saved"),
        pytest.param([], ({}, False, 1), id="list"),
        pytest.param("answers", ({}, False, 1), id="string"),
        pytest.param(7, ({}, False, 1), id="number"),
        pytest.param({}, ({}, False, 0), id="empty-dict"),
        pytest.param({"show_result": True}, ({}, True, 0), id="answers-missing"),
        pytest.param({"answers": None, "show_result": True}, ({}, True, 0), id="answers-none"),
        pytest.param({"answers": ["emergency"], "show_result": False}, ({}, False, 1), id="answers-list"),
        pytest.param({"answers": "yes"}, ({}, False, 1), id="answers-string"),
        pytest.param(
            {
                "answers": {"emergency": "no", "gone_question": "yes", "side_effects": "often"},
                "show_result": True,
            },
            ({"emergency": "no"}, True, 2),
            id="stale-and-bad-values-dropped",
        ),
        pytest.param({"answers": ANSWERS, "show_result": "true"}, (ANSWERS, False, 0), id="show-string"),
        pytest.param({"answers": ANSWERS, "show_result": 1}, (ANSWERS, False, 0), id="show-one"),
        pytest.param({"answers": ANSWERS, "show_result": None}, (ANSWERS, False, 0), id="show-none"),
        pytest.param({"answers": ANSWERS}, (ANSWERS, False, 0), id="show-missing"),
    ],
)
def test_from_saved_bad_shapes(data, stored, expected):
    """from_saved never fails: it keeps what still fits, counts what it drops,
    and only a stored True shows the result."""
    assert saved.from_saved(data, stored) == expected


def test_kind_and_version():
    """The saved form's storage kind and format version, which name the key and
    the envelope (changing them orphans visitors' saved answers)."""
    assert saved.KIND == "screener"
    assert saved.VERSION == 1
    assert storage.storage_key(saved.KIND) == "second-opinion-guide:screener"
