"""Unit tests for overrides/sitebuild/widgets.py: finding the widgets and what
each page needs to run one.

Tested here:
- discover finds every pyscript/sog/*/widget.json by itself, and refuses a
  manifest with unknown keys or missing files.
- marker_functions imports every marker's function, which returns
  well-formed HTML; a marker claimed twice is refused.
- fill_markers puts each marker's HTML in a page for its root, and refuses
  an unknown marker rather than leave it in the page.
- modules_for and files_for: every module a widget's main module imports
  (checked against the standard library's modulefinder), the packages'
  __init__ files and the manifest's data files, and nothing else: no other
  widget's main module or data it does not ask for; every data file the
  modules read is in the manifest.
- page_settings: the PyScript config (every plugin off, for both script
  types) and what widget-start.js loads, from the versioned folders, under
  the page's base (the folders themselves: test_runtime_files.py).
- neither the build code nor its hook names a widget.
"""

import ast
import json
from modulefinder import ModuleFinder
from pathlib import Path

import pytest
from sitebuild import runtime_files, widgets

from tests.support.html import elements, parse_well_formed

PROJECT = Path(__file__).resolve().parents[3]
CODE = PROJECT / "pyscript"
PACKAGE = CODE / "sog"
REGISTRY = widgets.discover()
NAMES = sorted(REGISTRY)


def by_widget(test):
    return pytest.mark.parametrize("name", NAMES)(test)


# ---- discover ---------------------------------------------------------------------


def test_discover_finds_every_manifest():
    """Every folder of the sog package with a widget.json is a widget, and nothing else is."""
    assert NAMES == sorted(path.parent.name for path in PACKAGE.glob("*/widget.json"))
    assert NAMES, "the site should have widgets"


@by_widget
def test_discovered_widget_matches_its_manifest(name):
    """Paths are relative to pyscript/ (where the browser's files land) and exist."""
    manifest = json.loads((PACKAGE / name / "widget.json").read_text(encoding="utf-8"))
    widget = REGISTRY[name]
    assert widget["name"] == name
    assert widget["main"] == "sog/" + name + "/" + manifest["main"]
    assert widget["data"] == ["sog/" + path for path in manifest.get("data", [])]
    assert widget["markers"] == manifest.get("markers", {})
    for path in [widget["main"]] + widget["data"]:
        assert (CODE / path).is_file(), path


def make_package(root, manifest, files=("widget.py",)):
    """A stand-in sog package with one widget, "demo"."""
    folder = root / "sog" / "demo"
    folder.mkdir(parents=True)
    (folder / "widget.json").write_text(json.dumps(manifest), encoding="utf-8")
    for name in files:
        (root / "sog" / name if name.endswith(".json") else folder / name).write_text("", encoding="utf-8")
    return root / "sog"


def test_discover_a_new_widget_by_itself(tmp_path):
    """A new folder with a manifest is found with no other change."""
    package = make_package(tmp_path, {"main": "widget.py", "data": ["words.json"], "markers": {"demo": "m:f"}},
                           ("widget.py", "words.json"))
    assert widgets.discover(package) == {
        "demo": {"name": "demo", "main": "sog/demo/widget.py", "data": ["sog/words.json"],
                 "markers": {"demo": "m:f"}, "styles": [], "manifest": "sog/demo/widget.json", "saved": None}
    }


def test_discover_a_widgets_saved_work(tmp_path):
    """A manifest's "saved" names its saved module; its words sit beside it."""
    package = make_package(tmp_path, {"main": "widget.py", "saved": {"module": "saved.py", "in_file": True}},
                           ("widget.py", "saved.py"))
    (package / "demo" / "saved.json").write_text("{}", encoding="utf-8")
    assert widgets.discover(package)["demo"]["saved"] == {
        "module": "sog/demo/saved.py", "words": "sog/demo/saved.json", "in_file": True}


@pytest.mark.parametrize(
    "manifest, files, complaint",
    [
        pytest.param({"main": "widget.py", "extra": 1}, ("widget.py",), "unknown keys", id="unknown-key"),
        pytest.param({"main": "widget.py"}, (), "missing files", id="no-main"),
        pytest.param({"main": "widget.py", "data": ["gone.json"]}, ("widget.py",), "missing files", id="no-data"),
        pytest.param({"main": "widget.py", "styles": ["demo/widget.css"]}, ("widget.py",), "missing files",
                     id="no-stylesheet"),
        pytest.param({"main": "widget.py", "saved": {"module": "saved.py"}}, ("widget.py", "saved.py"),
                     "missing files", id="no-saved-words"),
        pytest.param({"main": "widget.py", "saved": "saved.py"}, ("widget.py",), '"saved" must be',
                     id="saved-not-a-dict"),
        pytest.param({"main": "widget.py", "saved": {"module": "saved.py", "extra": 1}}, ("widget.py",),
                     '"saved" must be', id="saved-unknown-key"),
    ],
)
def test_discover_refuses_a_bad_manifest(tmp_path, manifest, files, complaint):
    """A manifest that does not fit stops the build, saying why."""
    with pytest.raises(widgets.WidgetError, match=complaint):
        widgets.discover(make_package(tmp_path, manifest, files))


# ---- styles -----------------------------------------------------------------------------


@by_widget
def test_a_widgets_styles_are_its_own_files(name):
    """Each widget with markup of its own has its stylesheets in the package
    (its folder's, or a folder whose markup it draws), and they exist."""
    for path in REGISTRY[name]["styles"]:
        assert path.endswith(".css") and (PACKAGE / path).is_file(), path


def test_styles_for_a_page_are_its_widgets_each_once():
    registry = {"a": {"styles": ["a/widget.css", "a/sheet.css"], "markers": {"a": "m:f"}},
                "b": {"styles": ["a/sheet.css"], "markers": {"b": "m:g", "b-guide": "m:h"}},
                "c": {"styles": [], "markers": {}}}
    assert widgets.styles_for(["b", "a"], registry) == ["a/sheet.css", "a/widget.css"]
    assert widgets.styles_for([], registry) == []
    assert widgets.widgets_shown("<p><!-- widget:b-guide --></p><!-- widget:a -->", registry) == ["a", "b"]
    assert widgets.widgets_shown("<p>plain</p>", registry) == []
    assert widgets.style_hrefs("../..", ["a/widget.css"]) == ["../../stylesheets/widgets/a/widget.css"]


def test_copy_styles_puts_every_widgets_stylesheets_in_the_site(tmp_path):
    widgets.copy_styles(tmp_path, REGISTRY)
    copied = sorted(path.relative_to(tmp_path / widgets.STYLES_FOLDER).as_posix()
                    for path in tmp_path.rglob("*.css"))
    assert copied == sorted({path for widget in REGISTRY.values() for path in widget["styles"]})


# ---- markers ----------------------------------------------------------------------------

MARKERS = widgets.marker_functions(REGISTRY)


def test_every_marker_has_a_function():
    """Each marker of each manifest becomes one function."""
    expected = {widgets.MARKER.format(marker) for widget in REGISTRY.values() for marker in widget["markers"]}
    assert set(MARKERS) == expected and expected


@pytest.mark.parametrize("marker", sorted(MARKERS))
def test_marker_functions_return_well_formed_html(marker):
    """Called with a page's root, each function returns well-formed HTML
    with links under that root."""
    for root in ("..", "."):
        soup = parse_well_formed(MARKERS[marker](root))
        assert elements(soup), marker
        for anchor in elements(soup, "a"):
            assert anchor["href"].startswith((root + "/", "#")), anchor


def test_a_marker_claimed_twice_is_refused():
    """Two widgets cannot both render one marker."""
    twice = {
        "one": {"markers": {"same": "sog.screener.render:static_form"}},
        "two": {"markers": {"same": "sog.screener.render:static_guide"}},
    }
    with pytest.raises(widgets.WidgetError, match="claimed twice"):
        widgets.marker_functions(twice)


def test_fill_markers_puts_each_widget_in_the_page():
    """Every marker is replaced (each time it appears) by its HTML for the page's root."""
    functions = {
        "<!-- widget:a -->": lambda root: "<p>A " + root + "</p>",
        "<!-- widget:b -->": lambda root: "<i>B</i>",
    }
    page = "<h1>t</h1><!-- widget:a --><!-- widget:b --><!-- widget:a --><!-- other comment -->"
    assert widgets.fill_markers(page, "../..", functions) == (
        "<h1>t</h1><p>A ../..</p><i>B</i><p>A ../..</p><!-- other comment -->"
    )
    assert widgets.fill_markers("<p>no widget</p>", ".", functions) == "<p>no widget</p>"


def test_fill_markers_refuses_an_unknown_marker():
    """A marker no widget renders is an error naming it, never left in the page."""
    with pytest.raises(widgets.WidgetError, match="<!-- widget:nope -->"):
        widgets.fill_markers("<p>x</p><!-- widget:nope -->", ".", MARKERS)


def test_fill_markers_with_the_real_markers():
    """The site's own markers fill in from the real functions."""
    for marker, function in MARKERS.items():
        filled = widgets.fill_markers("<main>" + marker + "</main>", "..", MARKERS)
        assert filled == "<main>" + function("..") + "</main>"


# ---- modules and files --------------------------------------------------------------------


def imported_modules(main):
    """The sog modules main imports, directly or not, found by the standard
    library's modulefinder: pyscript/-relative paths."""
    finder = ModuleFinder(path=[str(CODE)])
    finder.run_script(str(CODE / main))
    found = set()
    for module in finder.modules.values():
        if module.__file__ and module.__name__ != "__main__":
            found.add(Path(module.__file__).resolve().relative_to(CODE.resolve()).as_posix())
    return found


def data_files_read(module):
    """The data files a module reads with datafiles.load, by literal name or
    through a module constant, relative to pyscript/."""
    tree = ast.parse((CODE / module).read_text(encoding="utf-8"))
    constants = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    constants[target.id] = node.value.value
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "load":
            if not (isinstance(node.func.value, ast.Name) and node.func.value.id == "datafiles") or not node.args:
                continue
            argument = node.args[0]
            if isinstance(argument, ast.Constant):
                found.add("sog/" + argument.value)
            elif isinstance(argument, ast.Name) and argument.id in constants:
                found.add("sog/" + constants[argument.id])
    return found


@by_widget
def test_modules_for_is_every_imported_module(name):
    """What a page fetches is exactly the import closure of its main module
    (with the packages' __init__ files), and every file exists."""
    widget = REGISTRY[name]
    modules = widgets.modules_for(widget["main"])
    assert set(modules) == imported_modules(widget["main"])
    assert widget["main"] not in modules
    for module in modules:
        assert (CODE / module).is_file()
        folder = Path(module).parent
        while folder != Path("."):
            assert (folder / "__init__.py").as_posix() in modules, module
            folder = folder.parent


def run_by(widget):
    """The modules a widget's page runs besides its main one, and the data
    files its manifest does not list that it needs to find them: the import
    closure of its main module and, when that runs sog/keep.py (which finds
    the parts of the saved work from the manifests), every part's manifest,
    saved module (with its imports) and words."""
    modules = set(widgets.modules_for(widget["main"]))
    found = set()
    if widgets.KEEP in modules:
        for other in REGISTRY.values():
            if other["saved"]:
                module = other["saved"]["module"]
                modules |= {module} | set(widgets.modules_for(module))
                found |= {other["manifest"], other["saved"]["words"]}
    modules.discard(widget["main"])
    return modules, found


@by_widget
def test_files_for_is_the_modules_and_their_data(name):
    """files_for adds to the modules the manifest's data files and the data
    files the modules name, sorted, once each."""
    widget = REGISTRY[name]
    files = widgets.files_for(widget)
    modules, found = run_by(widget)
    named = widgets.data_read_by(sorted(modules) + [widget["main"]])
    assert files == sorted(modules | set(widget["data"]) | named | found)
    assert set(widget["data"]) <= set(files)


@by_widget
def test_only_a_page_that_keeps_the_work_gets_every_part(name):
    """A page that runs sog/keep.py gets every part's manifest, saved module
    and words, so keep.py finds them in the browser as at build time; a page
    that does not gets no manifest at all."""
    widget = REGISTRY[name]
    files = set(widgets.files_for(widget))
    manifests = {other["manifest"] for other in REGISTRY.values()}
    if widgets.KEEP in widgets.modules_for(widget["main"]):
        for other in REGISTRY.values():
            if other["saved"]:
                assert {other["manifest"], other["saved"]["module"], other["saved"]["words"]} <= files
    else:
        assert not files & manifests


@by_widget
def test_files_for_takes_nothing_of_another_widget_it_does_not_use(name):
    """No other widget's main module, and no data file that neither the
    manifest lists nor a module it runs names: a page fetches only what it runs."""
    widget = REGISTRY[name]
    files = widgets.files_for(widget)
    modules, found = run_by(widget)
    named = widgets.data_read_by(sorted(modules) + [widget["main"]])
    for other in REGISTRY.values():
        if other["name"] != name:
            assert other["main"] not in files
    for path in files:
        if not path.endswith(".py"):
            assert path in widget["data"] or path in named or path in found, path


@by_widget
def test_every_data_file_read_is_fetched(name):
    """Each data file a fetched module reads is fetched too, so the browser
    never asks for a file it was not given; each loads as JSON."""
    widget = REGISTRY[name]
    needed = set()
    for module in sorted(run_by(widget)[0]) + [widget["main"]]:
        needed |= data_files_read(module)
    files = widgets.files_for(widget)
    assert needed <= set(files)
    for path in files:
        if path.endswith(".json"):
            json.loads((CODE / path).read_text(encoding="utf-8"))


def test_a_page_gets_the_data_of_another_widgets_module_it_runs():
    """The checklist runs the worksheet's saved form (for its file), so it gets
    the worksheet's data file, which its manifest does not list."""
    checklist = REGISTRY["checklist"]
    assert "sog/worksheet/worksheet.json" not in checklist["data"]
    assert "sog/worksheet/worksheet.json" in widgets.files_for(checklist)


@pytest.mark.parametrize("name", ["checklist", "printable"])
def test_reading_the_screeners_answers_needs_neither_its_rules_nor_its_questions(name):
    """The checklist and printable pages read the screener's saved answers
    without downloading its rules or its questions file."""
    files = widgets.files_for(REGISTRY[name])
    assert "sog/screener/saved.py" in files
    assert "sog/screener/rules.py" not in files and "sog/screener/questions.json" not in files


# ---- page settings and copying --------------------------------------------------------------


FOLDERS = {"pyscript": "assets/versioned/pyscript-aaaa", "micropython": "assets/versioned/micropython-bbbb",
           "pyodide": "assets/versioned/pyodide-cccc", "widgets": "assets/versioned/widgets-dddd"}
OFF = ["!editor", "!error"]


@by_widget
@pytest.mark.parametrize("runtime_name", sorted(runtime_files.RUNTIMES))
def test_page_settings(name, runtime_name):
    """The config maps every file the widget needs to where PyScript puts it,
    from the versioned folders, under the page's base; every plugin is off."""
    widget = REGISTRY[name]
    settings = widgets.page_settings(widget, "../..", runtime_name, FOLDERS, OFF)
    runtime = runtime_files.RUNTIMES[runtime_name]
    config = json.loads(settings["config"])
    assert config["interpreter"] == "../../" + FOLDERS[runtime_name] + "/" + runtime["entry"]
    # The widget's files come in one bundle, which widget-start.js writes (bundle.py).
    assert "files" not in config
    assert config["plugins"] == OFF
    assert settings["src"] == "../../" + FOLDERS["widgets"] + "/" + widget["main"]
    assert settings["type"] == runtime["type"]
    start = json.loads(settings["start"])
    pyscript = "../../" + FOLDERS["pyscript"] + "/"
    assert start["modules"] == [pyscript + "pyscript-without-eval.js", pyscript + "core.js"]
    assert start["modulepreload"] == [config["interpreter"]] + [pyscript + chunk
                                                                for chunk in runtime_files.core_chunks()]
    assert start["preload"] == ["../../" + FOLDERS[runtime_name] + "/" + wasm for wasm in runtime["wasm"]] + [
        settings["src"]]
    # The shared core first, then the page's own bundle (bundle.py).
    assert start["bundles"] == ["../../" + FOLDERS["widgets"] + "/sog/core.json",
                                "../../" + FOLDERS["widgets"] + "/sog/" + name + "/start.json"]


@pytest.mark.parametrize("runtime_name", sorted(runtime_files.RUNTIMES))
def test_the_other_script_type_gets_every_plugin_off(runtime_name):
    """PyScript would load every plugin for a script type without a config:
    each other runtime's type gets a config that turns them all off."""
    settings = widgets.page_settings(REGISTRY[NAMES[0]], ".", runtime_name, FOLDERS, OFF)
    others = {spec["type"] for name, spec in runtime_files.RUNTIMES.items() if name != runtime_name}
    assert {other["type"] for other in settings["other_types"]} == others
    assert all(json.loads(other["config"]) == {"plugins": OFF} for other in settings["other_types"])


@pytest.mark.parametrize("path", ["overrides/sitebuild/widgets.py", "overrides/sitebuild/runtime_files.py",
                                  "overrides/sitebuild/bundle.py",
                                  "overrides/sitebuild/offline.py", "overrides/hooks/widgets.py"])
def test_build_code_names_no_widget(path):
    """The build finds widgets by their manifests: its code names none."""
    source = (PROJECT / path).read_text(encoding="utf-8")
    for name in NAMES:
        assert name not in source, name
