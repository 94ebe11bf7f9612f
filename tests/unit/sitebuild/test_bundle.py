"""Unit tests for overrides/sitebuild/bundle.py: one file per widget holding
every file its Python needs (fetched in one request by widget-start.js).

Tested here:
- a widget's bundle holds exactly the files its page needs (files_for), as
  shipped for the runtime: MicroPython bytecode as base64, source and data
  as text, each unchanged.
- the same files give the same bytes (the versioned folder's name only
  changes with its content), kept in build/bundles/ by content.
- the widgets folder holds each widget's main module and its bundle in each
  language (start.json, start.es.json), and nothing else.
"""

import base64
import json

import pytest
from sitebuild import bundle, runtime_files, widgets

REGISTRY = widgets.discover()
NAMES = sorted(REGISTRY)


def shipped(runtime_name):
    return runtime_files._widget_group(runtime_name)


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("runtime_name", sorted(runtime_files.RUNTIMES))
def test_bundle_holds_every_file_the_page_needs(name, runtime_name, language):
    files = shipped(runtime_name)
    members = bundle.members(REGISTRY[name], runtime_name, files, language)
    assert sorted(members) == sorted(runtime_files.shipped_name(path, runtime_name)
                                     for path in widgets.files_for(REGISTRY[name], language=language))
    assert ("sog/words.es.json" in members) == (language == "es")
    data = json.loads(bundle.bundle(members))
    assert sorted(list(data["text"]) + list(data["binary"])) == sorted(members)
    for path, text in data["text"].items():
        assert text.encode("utf-8") == members[path].read_bytes()
    for path, encoded in data["binary"].items():
        assert path.endswith(".mpy") and runtime_name == "micropython"
        assert base64.b64decode(encoded) == members[path].read_bytes()
    assert "sog/words.json" in data["text"] and REGISTRY[name]["main"] not in members


def test_bundles_are_reproducible_and_kept_by_content(tmp_path, monkeypatch):
    monkeypatch.setattr(bundle, "CACHE", tmp_path / "bundles")
    one, two = tmp_path / "one.py", tmp_path / "two.json"
    one.write_text("x = 1\n", encoding="utf-8")
    two.write_text('{"a": "é"}', encoding="utf-8")
    first = bundle.built({"sog/one.py": one, "sog/two.json": two})
    assert bundle.built({"sog/two.json": two, "sog/one.py": one}) == first
    assert json.loads(first.read_text(encoding="utf-8"))["text"]["sog/two.json"] == '{"a": "é"}'
    one.write_text("x = 2\n", encoding="utf-8")
    assert bundle.built({"sog/one.py": one, "sog/two.json": two}) != first


@pytest.mark.parametrize("runtime_name", sorted(runtime_files.RUNTIMES))
def test_widgets_folder_holds_each_main_module_and_its_bundles(runtime_name):
    group = runtime_files.groups(runtime_name)["widgets"]
    # A bundle per widget and language: start.json, and start.es.json with
    # the data files' Spanish overlays.
    assert sorted(group) == sorted([widget["main"] for widget in REGISTRY.values()]
                                   + ["sog/" + name + "/start.json" for name in NAMES]
                                   + ["sog/" + name + "/start.es.json" for name in NAMES])


def test_a_spanish_bundle_holds_the_english_files_and_their_overlays():
    widget = REGISTRY["screener"]
    english = set(widgets.files_for(widget))
    spanish = set(widgets.files_for(widget, language="es"))
    assert english < spanish
    assert "sog/screener/questions.es.json" in spanish - english
    assert all(".es." in name for name in spanish - english)
    assert bundle.address(widget, "es") == "sog/screener/start.es.json"
