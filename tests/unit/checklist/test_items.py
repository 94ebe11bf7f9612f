"""Unit tests for sog/checklist/items.py: the data file and look-ups in it.

Tested here: load gives the packaged items.json (the cached copy); find_item
and suggested find records by id or give None; ids_of_kind, stage_ids and
last_stage follow data order; groups_with_items groups ids in display order
and leaves out empty groups.
"""

import json

import pytest
from sog import datafiles
from sog.checklist import items


def test_load_is_the_packaged_data_file():
    """load gives items.json as it is, the one copy per page."""
    with open(datafiles.path(items.DATA_FILE), encoding="utf-8") as handle:
        assert items.load() == json.load(handle)
    assert items.load() is items.load()


def test_find_item(data):
    """Every item is found by its id; anything else gives None."""
    for item in data["items"]:
        assert items.find_item(data, item["id"]) is item
    for wrong in ("no_such_item", "", None, data["suggested_questions"][0]["id"]):
        assert items.find_item(data, wrong) is None


def test_suggested(data):
    """Every suggested question is found by its id; an item id is not one."""
    for question in data["suggested_questions"]:
        assert items.suggested(data, question["id"]) is question
    assert items.suggested(data, data["items"][0]["id"]) is None
    assert items.suggested(data, None) is None


@pytest.mark.parametrize("kind", ["task", "record"])
def test_ids_of_kind(data, kind):
    """The ids of one kind, in data order; together the kinds are every item."""
    assert items.ids_of_kind(data, kind) == [item["id"] for item in data["items"] if item["kind"] == kind]
    assert len(items.ids_of_kind(data, "task")) + len(items.ids_of_kind(data, "record")) == len(data["items"])


def test_stages(data):
    """Stage ids in order; the last one is what makes a record done."""
    assert items.stage_ids(data) == [stage["id"] for stage in data["stages"]]
    assert items.last_stage(data) == data["stages"][-1]["id"]


def test_groups_with_items(data):
    """Items come grouped in display order, and empty groups are left out."""
    first, last = data["items"][0], data["items"][-1]
    record = next(item for item in data["items"] if item["kind"] == "record")
    grouped = items.groups_with_items(data, [last["id"], first["id"], record["id"]])
    order = [group["id"] for group in data["groups"]]
    expected_groups = sorted({first["group"], record["group"], last["group"]}, key=order.index)
    assert [entry["group"]["id"] for entry in grouped] == expected_groups
    assert [item["id"] for entry in grouped for item in entry["items"]] == [
        item["id"] for item in data["items"] if item["id"] in (first["id"], record["id"], last["id"])
    ]


def test_groups_with_every_item_and_with_none(data):
    """Every id gives every group, each with its items in order; no ids give no groups."""
    grouped = items.groups_with_items(data, [item["id"] for item in data["items"]])
    assert [entry["group"] for entry in grouped] == data["groups"]
    assert [item for entry in grouped for item in entry["items"]] == data["items"]
    assert items.groups_with_items(data, []) == []
    assert items.groups_with_items(data, ["no_such_item"]) == []


def test_groups_with_items_example(data):
    """The worked example: three ids from three groups, given out of order."""
    grouped = items.groups_with_items(data, ["follow_up", "tell_doctor", "lab_results"])
    assert [entry["group"]["id"] for entry in grouped] == ["before", "records", "after"]
    assert [item["id"] for item in grouped[1]["items"]] == ["lab_results"]
