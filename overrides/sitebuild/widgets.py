"""Finding the widgets and everything a page needs to run one. Plain functions.

Each widget is a folder under pyscript/sog/ with a widget.json manifest:

    {"main": "widget.py",                      its module PyScript runs
     "data": ["words.json", "x/data.json"],    data files its page fetches,
                                               relative to pyscript/sog/
     "markers": {"x": "sog.x.render:static"}}  <!-- widget:x --> in a page
                                               becomes what that function
                                               returns for the page's root

Nothing here names a widget: a new folder with a manifest is found by itself.
"""

import ast
import importlib
import json
import shutil
import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[2]
CODE = PROJECT / "pyscript"
PACKAGE = CODE / "sog"
NODE_MODULES = PROJECT / "node_modules"
PYSCRIPT_CORE = NODE_MODULES / "@pyscript" / "core" / "dist"
MARKER = "<!-- widget:{} -->"

# Where each runtime's files come from, and the module PyScript loads first.
RUNTIMES = {
    "micropython": {
        "type": "mpy",
        "package": NODE_MODULES / "@micropython" / "micropython-webassembly-pyscript",
        "files": ["micropython.mjs", "micropython.wasm"],
        "entry": "micropython.mjs",
        "wasm": ["micropython.wasm"],
    },
    "pyodide": {
        "type": "py",
        "package": NODE_MODULES / "pyodide",
        "files": ["pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json"],
        "entry": "pyodide.mjs",
        "wasm": ["pyodide.asm.wasm"],
    },
}


def make_importable():
    """Put pyscript/ on sys.path, so the build imports the sog package the
    browser runs (one name, so nothing installed is shadowed)."""
    if str(CODE) not in sys.path:
        sys.path.insert(0, str(CODE))


class WidgetError(ValueError):
    """A manifest, marker or page setting that does not fit."""


def discover(package=PACKAGE):
    """Every widget: {name: {"name", "main", "data", "markers"}}, paths
    relative to pyscript/ (the folder PyScript's files land in)."""
    found = {}
    for manifest_path in sorted(package.glob("*/widget.json")):
        folder = manifest_path.parent
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        unknown = set(manifest) - {"main", "data", "markers"}
        if unknown:
            raise WidgetError(f"{manifest_path}: unknown keys {sorted(unknown)}")
        main = folder / manifest["main"]
        data = [package / relative for relative in manifest.get("data", [])]
        missing = [str(path) for path in [main] + data if not path.is_file()]
        if missing:
            raise WidgetError(f"{manifest_path}: missing files {missing}")
        found[folder.name] = {
            "name": folder.name,
            "main": main.relative_to(package.parent).as_posix(),
            "data": [path.relative_to(package.parent).as_posix() for path in data],
            "markers": dict(manifest.get("markers", {})),
        }
    return found


def marker_functions(registry):
    """{marker text: function(root) -> HTML} for every widget's markers."""
    functions = {}
    for widget in registry.values():
        for name, target in widget["markers"].items():
            marker = MARKER.format(name)
            if marker in functions:
                raise WidgetError(f"marker {marker} is claimed twice")
            module_name, _, function_name = target.partition(":")
            functions[marker] = getattr(importlib.import_module(module_name), function_name)
    return functions


def fill_markers(html, root, functions):
    """Replace each widget marker in a page with its static HTML.

    root is the site root relative to the page ("..", "."); an unknown
    marker is an error, never left in the page.
    """
    for marker, function in functions.items():
        if marker in html:
            html = html.replace(marker, function(root))
    if "<!-- widget:" in html:
        start = html.index("<!-- widget:")
        raise WidgetError(f"unknown widget marker {html[start:html.index('-->', start) + 3]}")
    return html


def _module_file(name):
    """pyscript/-relative path of an importable module name, or None."""
    parts = name.split(".")
    for candidate in ("/".join(parts) + ".py", "/".join(parts) + "/__init__.py"):
        if (CODE / candidate).is_file():
            return candidate
    return None


def _imports(relative):
    """Module names one file imports (including `from package import module`)."""
    names = []
    for node in ast.walk(ast.parse((CODE / relative).read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.append(node.module)
            names += [node.module + "." + alias.name for alias in node.names]
    return names


def modules_for(main):
    """Every module a main module imports, directly or not, with the
    packages' __init__ files: what a page fetches besides the main module."""
    needed = set()
    queue = [main]
    while queue:
        current = queue.pop()
        for name in _imports(current):
            found = _module_file(name)
            if found and found not in needed and found != main:
                needed.add(found)
                queue.append(found)
    for path in list(needed | {main}):
        folder = Path(path).parent
        while folder != Path("."):
            init = (folder / "__init__.py").as_posix()
            if (CODE / init).is_file():
                needed.add(init)
            folder = folder.parent
    return sorted(needed - {main})


def data_read_by(modules):
    """The package's data files that these modules name (a string constant
    naming a .json file in the package), pyscript/-relative: a page that runs
    another widget's module (to save that widget's work in a file, say) gets
    that module's data with no manifest listing it."""
    found = set()
    for relative in modules:
        for node in ast.walk(ast.parse((CODE / relative).read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value.endswith(".json"):
                if (PACKAGE / node.value).is_file():
                    found.add(PACKAGE.name + "/" + node.value)
    return found


def files_for(widget):
    """What one widget's page fetches besides its main module: its modules,
    the data files its manifest lists and the data files its modules name,
    pyscript/-relative."""
    modules = modules_for(widget["main"])
    return sorted(set(modules) | set(widget["data"]) | data_read_by(modules + [widget["main"]]))


def runtime(name):
    """The settings of a runtime by name ("micropython" or "pyodide")."""
    if name not in RUNTIMES:
        raise WidgetError(f"extra.python_runtime must be one of {sorted(RUNTIMES)}, not {name!r}")
    return RUNTIMES[name]


def core_chunks():
    """PyScript's module files that core.js always loads (not the editor's
    or terminal's libraries, which load only when used)."""
    eager = ("core-", "deprecations-manager-", "donkey-", "error-", "py-editor-", "py-game-", "py-terminal-")
    return sorted(path.name for path in PYSCRIPT_CORE.glob("*.js") if path.name.startswith(eager))


def page_settings(widget, base, runtime_name):
    """What the template needs for a widget page, with base (the site root
    relative to the page) in front of every address."""
    settings = runtime(runtime_name)
    assets = base + "/assets/"
    config = {
        "interpreter": assets + "runtime/" + runtime_name + "/" + settings["entry"],
        "files": {assets + "widgets/" + path: "./" + path for path in files_for(widget)},
        # The widgets say themselves, in plain words, when something fails;
        # PyScript's own red error banner would only alarm a patient.
        "plugins": ["!error"],
    }
    main = assets + "widgets/" + widget["main"]
    return {
        # The interpreter's module, fetched in parallel with PyScript itself
        # rather than after it.
        "modulepreload": [config["interpreter"]] + [assets + "pyscript/" + name for name in core_chunks()],
        # The interpreter's WebAssembly and the widget's own files, fetched
        # early too (the browser keeps them for PyScript's own requests).
        "preload": [assets + "runtime/" + runtime_name + "/" + wasm for wasm in settings["wasm"]]
        + list(config["files"]) + [main],
        "type": settings["type"],
        "config": json.dumps(config, separators=(",", ":")),
        "src": main,
    }


def _widget_code_files():
    """Every file the widgets may need in the browser, relative to pyscript/."""
    return sorted(
        path.relative_to(CODE).as_posix()
        for path in PACKAGE.rglob("*")
        if path.suffix in (".py", ".json") and "__pycache__" not in path.parts
    )


def copy_into_site(site, runtime_name):
    """Copy PyScript, the chosen interpreter and the widget code into the site."""
    settings = runtime(runtime_name)
    missing = [str(path) for path in [PYSCRIPT_CORE, settings["package"]] if not path.exists()]
    if missing:
        raise WidgetError(f"Runtime files missing: {missing}. Run `npm ci` (the Makefile does).")
    core_out = site / "assets" / "pyscript"
    shutil.rmtree(core_out, ignore_errors=True)
    # Source maps are for PyScript's developers, not for patients' phones.
    shutil.copytree(PYSCRIPT_CORE, core_out, ignore=shutil.ignore_patterns("*.map"))
    runtime_out = site / "assets" / "runtime"
    shutil.rmtree(runtime_out, ignore_errors=True)
    (runtime_out / runtime_name).mkdir(parents=True)
    for file_name in settings["files"]:
        shutil.copy2(settings["package"] / file_name, runtime_out / runtime_name / file_name)
    widgets_out = site / "assets" / "widgets"
    shutil.rmtree(widgets_out, ignore_errors=True)
    for relative in _widget_code_files():
        target = widgets_out / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(CODE / relative, target)
