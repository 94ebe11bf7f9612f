"""Unit tests for overrides/sitebuild/runtime_files.py: the files a widget
page loads to run Python, in folders named by their content.

Tested here, on a stand-in node_modules (no download needed) and on the
installed PyScript:
- plugin_names reads every plugin PyScript has; plugins_off turns each off.
- pyscript_modules is core.js, what it imports statically and the error
  module, and never a module PyScript only imports for a plugin (the editor,
  the terminal); core_chunks is the same without core.js.
- folders: each group's folder is named by a hash of its files, which
  changes with any file's content or name and only then.
- copy_into_site copies each group into its folder, with our module that
  lets PyScript run without eval beside core.js, each widget's main module
  and bundle, and leaves no old folder; given the build's groups, neither it
  nor folders works them out again.
- missing runtime files stop the build with a hint; an unknown runtime is refused.
- MicroPython bytecode: mpy-cross is the shipped MicroPython's version; every
  module but the main modules and __init__ files is shipped compiled for
  MicroPython, none for Pyodide; compiled files are kept by content.
"""

import json

import pytest
from sitebuild import bundle, bytecode, runtime_files, widgets

PLUGINS_JS = """// artifact
export default {
    codemirror: () =>
        import("./plugins/codemirror.js"),
    ["py-editor"]: () =>
        import("./plugins/py-editor.js"),
    error: () =>
        import("./plugins/error.js"),
};
"""
DIST = {
    "core.js": 'export{a as hooks}from"./core-1.js";',
    "core-1.js": 'import"./util-2.js";const p=()=>import("./codemirror-3.js");const e=()=>import("./error-4.js");',
    "util-2.js": "export const u=1;",
    "codemirror-3.js": 'import{x}from"./view-5.js";',
    "view-5.js": "export const x=1;",
    "error-4.js": 'import{b}from"./core-1.js";',
    "core-1.js.map": "{}",
    "core.css": "p{}",
}


@pytest.fixture(scope="module", autouse=True)
def widget_groups_built_once():
    """The widgets group (bundle.widget_group: every widget's bundles, from
    pyscript/, which no test here changes) built once per runtime for the
    module, not at every folders() call (three per copy): what goes in it is
    test_bundle.py's to check; here, where it goes."""
    built = {}
    widget_group = bundle.widget_group

    def once(runtime_name, shipped):
        if runtime_name not in built:
            built[runtime_name] = widget_group(runtime_name, shipped)
        return dict(built[runtime_name])

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(bundle, "widget_group", once)
        yield


@pytest.fixture
def node_modules(tmp_path, monkeypatch):
    """A stand-in node_modules with PyScript's files and both runtimes' files."""
    package = tmp_path / "node_modules" / "@pyscript" / "core"
    (package / "dist").mkdir(parents=True)
    (package / "src").mkdir()
    (package / "src" / "plugins.js").write_text(PLUGINS_JS, encoding="utf-8")
    for name, text in DIST.items():
        (package / "dist" / name).write_text(text, encoding="utf-8")
    runtimes = {}
    for name, settings in runtime_files.RUNTIMES.items():
        folder = tmp_path / "node_modules" / name
        folder.mkdir(parents=True)
        for file_name in settings["files"]:
            (folder / file_name).write_text(file_name, encoding="utf-8")
        runtimes[name] = dict(settings, package=folder)
    monkeypatch.setattr(runtime_files, "PYSCRIPT_PACKAGE", package)
    monkeypatch.setattr(runtime_files, "RUNTIMES", runtimes)
    return tmp_path


def test_plugin_names(node_modules):
    assert runtime_files.plugin_names() == ["codemirror", "error", "py-editor"]
    assert runtime_files.plugins_off() == ["!codemirror", "!error", "!py-editor"]


def test_pyscript_modules_are_core_its_imports_and_the_error_module(node_modules):
    assert runtime_files.pyscript_modules() == ["core-1.js", "core.js", "error-4.js", "util-2.js"]
    assert runtime_files.core_chunks() == ["core-1.js", "error-4.js", "util-2.js"]


def test_installed_pyscript():
    """The real package: every plugin found, and no plugin's library is shipped."""
    names = runtime_files.plugin_names()
    assert {"error", "py-editor", "py-terminal", "codemirror"} <= set(names)
    modules = runtime_files.pyscript_modules()
    assert "core.js" in modules and any(name.startswith("error-") for name in modules)
    assert not [name for name in modules if name.startswith(("codemirror", "xterm", "py-editor", "py-terminal"))]


@pytest.mark.parametrize("runtime_name", sorted(runtime_files.RUNTIMES))
def test_folders_are_named_by_their_content(node_modules, runtime_name):
    folders = runtime_files.folders(runtime_name)
    assert sorted(folders) == sorted(["pyscript", runtime_name, "widgets"])
    for group, folder in folders.items():
        prefix = runtime_files.VERSIONED + "/" + group + "-"
        assert folder.startswith(prefix) and len(folder) == len(prefix) + runtime_files.DIGEST_LENGTH
    entry = runtime_files.RUNTIMES[runtime_name]["package"] / runtime_files.RUNTIMES[runtime_name]["entry"]
    entry.write_text("a new version", encoding="utf-8")
    changed = runtime_files.folders(runtime_name)
    assert changed[runtime_name] != folders[runtime_name]
    assert changed["pyscript"] == folders["pyscript"] and changed["widgets"] == folders["widgets"]


def test_digest_sees_names_and_contents(tmp_path):
    one, two = tmp_path / "one", tmp_path / "two"
    one.write_text("a", encoding="utf-8")
    two.write_text("a", encoding="utf-8")
    base = runtime_files.digest({"x.js": one})
    assert runtime_files.digest({"x.js": two}) == base
    assert runtime_files.digest({"y.js": one}) != base
    two.write_text("b", encoding="utf-8")
    assert runtime_files.digest({"x.js": two}) != base


@pytest.mark.parametrize("runtime_name", sorted(runtime_files.RUNTIMES))
def test_copy_into_site(node_modules, tmp_path, runtime_name):
    """Each group in its own folder: PyScript's modules with ours beside
    core.js, the runtime's files, every widget file; no map, no stale folder."""
    site = tmp_path / "site"
    stale = site / runtime_files.VERSIONED / "pyscript-0000000000"
    stale.mkdir(parents=True)
    where = runtime_files.copy_into_site(site, runtime_name)
    assert where == runtime_files.folders(runtime_name)
    assert not stale.exists()
    assert sorted(path.name for path in (site / runtime_files.VERSIONED).iterdir()) == sorted(
        folder.rsplit("/", 1)[1] for folder in where.values()
    )
    pyscript = sorted(path.name for path in (site / where["pyscript"]).iterdir())
    assert pyscript == ["core-1.js", "core.js", "error-4.js", "pyscript-without-eval.js", "util-2.js"]
    runtime = sorted(path.name for path in (site / where[runtime_name]).iterdir())
    assert runtime == sorted(runtime_files.RUNTIMES[runtime_name]["files"])
    copied = sorted(path.relative_to(site / where["widgets"]).as_posix()
                    for path in (site / where["widgets"]).rglob("*") if path.is_file())
    # The shared core, each widget's main module and the bundle of its other
    # files in each language (bundle.py).
    registry = widgets.discover()
    expected = sorted([bundle.CORE] + [widget["main"] for widget in registry.values()]
                      + [bundle.address(widget, language) for widget in registry.values()
                         for language in widgets.languages()])
    assert copied == expected


def test_a_build_works_out_its_groups_once(node_modules, tmp_path, monkeypatch):
    """The hook gives folders() and copy_into_site() the groups it worked out
    in on_config: the folders the pages name are the folders copied, and
    nothing is worked out again."""
    built = runtime_files.groups("micropython")
    where = runtime_files.folders("micropython")

    def again(runtime_name):
        raise AssertionError("groups() worked out again")

    monkeypatch.setattr(runtime_files, "groups", again)
    assert runtime_files.folders("micropython", built) == where
    assert runtime_files.copy_into_site(tmp_path / "site", "micropython", built) == where
    assert sorted(path.name for path in (tmp_path / "site" / runtime_files.VERSIONED).iterdir()) == sorted(
        folder.rsplit("/", 1)[1] for folder in where.values()
    )


def test_the_module_without_eval_imports_core_beside_it():
    """It must import the core.js of its own folder (where the build puts it)."""
    assert 'from "./core.js"' in runtime_files.WITHOUT_EVAL.read_text(encoding="utf-8")


def test_missing_runtime_files_say_so(node_modules, tmp_path, monkeypatch):
    """Missing runtime files stop the build with a hint, not a half-built site."""
    monkeypatch.setattr(runtime_files, "PYSCRIPT_PACKAGE", tmp_path / "absent")
    with pytest.raises(runtime_files.RuntimeFilesError, match="npm ci"):
        runtime_files.copy_into_site(tmp_path / "site", "micropython")


def test_unknown_runtime_is_refused():
    with pytest.raises(runtime_files.RuntimeFilesError, match="python_runtime"):
        runtime_files.runtime("cpython")


# ---- MicroPython bytecode ------------------------------------------------------------


def test_mpy_cross_matches_the_micropython_in_package_json():
    """Bytecode must be made by the compiler of the MicroPython the site ships."""
    package = json.loads((runtime_files.PROJECT / "package.json").read_text(encoding="utf-8"))
    micropython = package["dependencies"]["@micropython/micropython-webassembly-pyscript"]
    assert bytecode.compiler_version().split(".post")[0] == micropython


@pytest.mark.parametrize("runtime_name", sorted(runtime_files.RUNTIMES))
def test_shipped_names(runtime_name):
    """MicroPython gets every module as bytecode, the main modules too, but
    the __init__ files; Pyodide gets source; data stays as it is."""
    mpy = runtime_name == "micropython"
    expected = "sog/storage.mpy" if mpy else "sog/storage.py"
    assert runtime_files.shipped_name("sog/storage.py", runtime_name) == expected
    assert runtime_files.shipped_name("sog/screener/rules.py", runtime_name).endswith(".mpy" if mpy else ".py")
    assert runtime_files.shipped_name("sog/screener/widget.py", runtime_name).endswith(".mpy" if mpy else ".py")
    for kept in ["sog/__init__.py", "sog/checklist/__init__.py", "sog/words.json"]:
        assert runtime_files.shipped_name(kept, runtime_name) == kept


def test_compiled_module_is_micropython_bytecode(tmp_path, monkeypatch):
    """mpy-cross makes a .mpy file (MicroPython's "M", version 6), kept by
    content: the same source is not compiled twice, a changed one is."""
    monkeypatch.setattr(bytecode, "CACHE", tmp_path / "cache")
    source = tmp_path / "mod.py"
    source.write_text("VALUE = 42\n", encoding="utf-8")
    first = bytecode.compiled(source, "sog/mod.py")
    assert first.read_bytes()[:2] == b"M\x06"
    assert bytecode.compiled(source, "sog/mod.py") == first
    source.write_text("VALUE = 43\n", encoding="utf-8")
    assert bytecode.compiled(source, "sog/mod.py") != first


def test_a_module_that_does_not_compile_stops_the_build(tmp_path, monkeypatch):
    monkeypatch.setattr(bytecode, "CACHE", tmp_path / "cache")
    source = tmp_path / "bad.py"
    source.write_text("def broken(:\n", encoding="utf-8")
    with pytest.raises(bytecode.BytecodeError, match="sog/bad.py"):
        bytecode.compiled(source, "sog/bad.py")
