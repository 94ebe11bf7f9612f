"""Unit tests for overrides/sitebuild/bundle.py: one file per widget holding
every file its Python needs (fetched in one request by widget-start.js).

Tested here:
- the shared core and a widget's bundle hold, together, exactly the files
  its page needs (files_for), each once, as shipped for the runtime:
  MicroPython bytecode as base64, source and data as text, each unchanged.
- the core holds what most widget pages need and is the same in every
  language: no data file with words in a language, no overlay; no page's
  own bundle repeats it.
- a page's data comes ready in its language (merged with the overlay,
  figures filled): read from the unpacked bundles, every data file is what
  the sources give, with nothing merged or filled at start; a Spanish page
  whose code reads English too (the letter, the checklist's original())
  gets every data file ready in English as well, and reads it so with
  nothing merged; the letter's page keeps the overlay it reads itself.
- the same files give the same bytes (the versioned folder's name only
  changes with its content), kept in build/bundles/ by content.
- the widgets folder holds each widget's main module and its bundle in each
  language (start.json, start.es.json), and nothing else; making it walks
  each page's imports once per language (Needs).
"""

import base64
import json

import pytest
from sitebuild import bundle, runtime_files, widgets
from sog import datafiles, figures
from sog import language as data_language

REGISTRY = widgets.discover()
NAMES = sorted(REGISTRY)
CORE = bundle.core_files(REGISTRY)


def shipped(runtime_name):
    return runtime_files._widget_group(runtime_name)


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("runtime_name", sorted(runtime_files.RUNTIMES))
def test_bundle_holds_every_file_the_page_needs(name, runtime_name, language):
    files = shipped(runtime_name)
    members = bundle.members(REGISTRY[name], runtime_name, files, CORE, language, REGISTRY)
    core = bundle.core_members(runtime_name, files, CORE)
    needed = {runtime_files.shipped_name(path, runtime_name)
              for path in widgets.files_for(REGISTRY[name], language=language)}
    if runtime_name == "micropython":
        # The main module, compiled: the page's script is a stub that imports it.
        needed.add(runtime_files.shipped_name(REGISTRY[name]["main"], runtime_name))
    # Data ready in the page's language: no overlay (but those the page's
    # code reads itself), and the list saying so; ready in English too where
    # a Spanish page's code reads English.
    kept = bundle.overlays_read(REGISTRY[name], REGISTRY)
    needed = {path for path in needed if ".es." not in path or path.replace(".es.", ".") in kept} | {
        "sog/ready.json"}
    if language == "es" and bundle.reads_other_languages(REGISTRY[name], REGISTRY):
        needed |= {"sog/ready/en/" + path[len("sog/"):] for path in needed
                   if path.endswith(".json") and ".es." not in path and path not in CORE
                   and path != "sog/ready.json"}
    assert not set(members) & set(core)
    assert set(members) | (set(core) & needed) == needed
    assert ("sog/letter/letter.es.json" in members) == (language == "es" and name == "letter")
    assert "sog/words.es.json" not in members
    data = json.loads(bundle.bundle(members))
    assert sorted(list(data["text"]) + list(data["binary"])) == sorted(members)
    for path, text in data["text"].items():
        assert text.encode("utf-8") == members[path].read_bytes()
        if path.endswith(".py"):
            assert text.encode("utf-8") == (runtime_files.CODE / path).read_bytes()
    for path, encoded in data["binary"].items():
        assert path.endswith(".mpy") and runtime_name == "micropython"
        assert base64.b64decode(encoded) == members[path].read_bytes()
    assert "sog/words.json" in data["text"] and REGISTRY[name]["main"] not in members
    assert (runtime_files.shipped_name(REGISTRY[name]["main"], runtime_name) in members) == (
        runtime_name == "micropython")


@pytest.fixture
def data_from(monkeypatch):
    """Reads the sog package's data from another folder, with fresh caches."""
    def use(folder, code):
        monkeypatch.setattr(datafiles, "FOLDER", str(folder))
        monkeypatch.setattr(datafiles, "_cache", {})
        monkeypatch.setattr(figures, "_filled", {})
        monkeypatch.setattr(figures, "_figures", [])
        data_language.use(code)
    yield use
    data_language.use("en")


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("name", NAMES)
def test_a_page_reads_the_same_data_from_its_bundles_merging_and_filling_nothing(
        name, language, tmp_path, data_from, monkeypatch):
    """Unpacked as widget-start.js writes them (the core, then the page's
    own), the bundles give every data file exactly as the sources read and
    merged and filled at start would; on a page whose data comes ready,
    with no overlay read and nothing filled."""
    files = shipped("micropython")
    unpacked = {**bundle.core_members("micropython", files, CORE),
                **bundle.members(REGISTRY[name], "micropython", files, CORE, language, REGISTRY)}
    for path, source in unpacked.items():
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_bytes(source.read_bytes())
    # The page's own data files (the core's, figures.json, are the same in every language).
    data_files = [path[len("sog/"):] for path in widgets.files_for(REGISTRY[name], language=language)
                  if path.endswith(".json") and ".es." not in path and path not in CORE]
    data_from(runtime_files.PACKAGE, language)
    expected = {relative: (datafiles.load(relative), figures.load_filled(relative)) for relative in data_files}
    english = language != "en" and bundle.reads_other_languages(REGISTRY[name], REGISTRY)
    if english:
        data_from(runtime_files.PACKAGE, "en")
        in_english = {relative: figures.load_filled(relative) for relative in data_files}
    data_from(tmp_path / "sog", language)
    monkeypatch.setattr(figures, "fill_all", None)  # nothing is filled at start
    monkeypatch.setattr(data_language, "localise", None)  # nothing is merged
    for relative in data_files:
        assert datafiles.is_ready(relative), relative
        loaded, filled = expected[relative]
        # Ready data is filled already, whichever call reads it (the files
        # with figures in them are read through figures.load_filled).
        assert (datafiles.load(relative), figures.load_filled(relative)) == (filled, filled)
    if english:
        # Read in English on this page (the letter's own text, original()):
        # ready too, in English.
        data_language.use("en")
        for relative in data_files:
            assert datafiles.is_ready(relative), relative
            assert datafiles.load(relative) == figures.load_filled(relative) == in_english[relative]
        assert datafiles.original("checklist/items.json") == in_english["checklist/items.json"]
        data_language.use(language)
    for relative in bundle.overlays_read(REGISTRY[name], REGISTRY) if language != "en" else ():
        # An overlay the page's code reads itself: only its parts that its
        # data file lacks (the rest is merged already).
        relative = relative[len("sog/"):]
        source = json.loads((runtime_files.PACKAGE / data_language.overlay_name(relative, language)).read_text(
            encoding="utf-8"))
        base = json.loads((runtime_files.PACKAGE / relative).read_text(encoding="utf-8"))
        assert datafiles.overlay(relative) == {key: value for key, value in source.items() if key not in base}
        assert datafiles.overlay(relative)


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
    # The shared core, and a bundle per widget and language: start.json, and
    # start.es.json with the data files' Spanish overlays.
    assert sorted(group) == sorted(["sog/core.json"] + [widget["main"] for widget in REGISTRY.values()]
                                   + ["sog/" + name + "/start.json" for name in NAMES]
                                   + ["sog/" + name + "/start.es.json" for name in NAMES])


def test_the_widgets_folder_walks_each_pages_imports_once(monkeypatch):
    """widget_group asks what a page needs (files_for) once per widget and
    language, not again for the shared core and each call a module makes;
    Needs gives the same answers as asking each time."""
    asked = []
    files_for = widgets.files_for

    def counted(widget, registry=None, language="en"):
        asked.append((widget["name"], language))
        return files_for(widget, registry, language=language)

    monkeypatch.setattr(widgets, "files_for", counted)
    bundle.widget_group("pyodide", shipped("pyodide"))
    assert sorted(asked) == sorted((name, language) for name in NAMES for language in widgets.languages())
    needs = bundle.Needs(REGISTRY)
    for name in NAMES:
        for language in widgets.languages():
            assert needs.files_for(REGISTRY[name], language) == files_for(REGISTRY[name], REGISTRY, language=language)
        assert needs.text(REGISTRY[name]["main"]) == (widgets.CODE / REGISTRY[name]["main"]).read_text(encoding="utf-8")


@pytest.mark.parametrize("name", [name for name in NAMES if "checklist/items.json" in
                                  [path[len("sog/"):] for path in widgets.files_for(REGISTRY[name])]])
def test_a_spanish_page_reading_the_checklist_gets_its_english_words_too(name, tmp_path, data_from):
    """The checklist knows a suggested question saved in English words on a
    Spanish page by reading items.json in English (datafiles.original): every
    Spanish page that reads the checklist's items gets that file in English
    too, ready (its figures filled; its suggested questions as written)."""
    files = shipped("micropython")
    unpacked = {**bundle.core_members("micropython", files, CORE),
                **bundle.members(REGISTRY[name], "micropython", files, CORE, "es", REGISTRY)}
    for path, source in unpacked.items():
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_bytes(source.read_bytes())
    data_from(tmp_path / "sog", "es")
    english = json.loads((runtime_files.PACKAGE / "checklist" / "items.json").read_text(encoding="utf-8"))
    table = figures.from_data(json.loads((runtime_files.PACKAGE / figures.FILE).read_text(encoding="utf-8")))
    original = datafiles.original("checklist/items.json")
    assert original == figures.fill_all(english, table)
    assert original["suggested_questions"] == english["suggested_questions"]
    assert datafiles.load("checklist/items.json") != original  # the Spanish, beside it


def test_a_spanish_bundle_holds_the_english_files_and_their_overlays():
    widget = REGISTRY["screener"]
    english = set(widgets.files_for(widget))
    spanish = set(widgets.files_for(widget, language="es"))
    assert english < spanish
    assert "sog/screener/questions.es.json" in spanish - english
    assert all(".es." in name for name in spanish - english)
    assert bundle.address(widget, "es") == "sog/screener/start.es.json"


def test_the_core_holds_what_most_widget_pages_share_in_any_language():
    core = CORE
    needs = {name: set(widgets.files_for(REGISTRY[name])) for name in NAMES}
    for relative in core:
        assert sum(relative in files for files in needs.values()) >= bundle.CORE_SHARE * len(NAMES), relative
    # The shared modules every page runs, and none of the words.
    assert {"sog/dom.py", "sog/storage.py", "sog/datafiles.py", "sog/language.py", "sog/session.py"} <= set(core)
    assert not [name for name in core if name.endswith(".json") and (
        ".es." in name or widgets.overlay_files([name], "es"))]
    # What only one page runs stays that page's.
    assert "sog/screener/render.py" not in core and "sog/keep.py" not in core


@pytest.mark.parametrize("runtime_name", sorted(runtime_files.RUNTIMES))
def test_a_page_script_is_its_main_module_or_a_stub_that_imports_it(runtime_name):
    """PyScript compiles the page's script from source at every start: for
    MicroPython it is one line that imports the main module, shipped as
    bytecode in the widget's bundle; Pyodide runs the main module itself."""
    shipped = runtime_files._widget_group(runtime_name)
    script = bundle.page_script("sog/screener/widget.py", runtime_name, shipped)
    if runtime_name == "micropython":
        assert script.read_text(encoding="utf-8") == "import sog.screener.widget\n"
        assert "sog/screener/widget.mpy" in shipped and "sog/screener/widget.py" not in shipped
    else:
        assert script == runtime_files.CODE / "sog/screener/widget.py"
