"""Finding the widgets and everything a page needs to run one. Plain functions.

Each widget is a folder under pyscript/sog/ with a widget.json manifest:

    {"main": "widget.py",                      its module PyScript runs
     "data": ["words.json", "x/data.json"],    data files its page fetches,
                                               relative to pyscript/sog/
     "markers": {"x": "sog.x.render:static"},  <!-- widget:x --> in a page
                                               becomes what that function
                                               returns for the page's root
     "saved": {"module": "saved.py",           its saved work, if any: a
               "in_file": true},               part of the guide's saved
                                               work (sog/keep.py), cleared
                                               by "Clear everything" and, if
                                               in_file, in the download; its
                                               sentences in saved.json beside it
     "styles": ["x/widget.css"]}               its own stylesheets, relative
                                               to pyscript/sog/, linked (after
                                               the shared widgets.css and
                                               print.css) on its page and on
                                               any page showing its markers

Nothing here names a widget: a new folder with a manifest is found by itself.
"""

import ast
import importlib
import json
import sys
from pathlib import Path

from sitebuild import bundle, runtime_files

PROJECT = Path(__file__).resolve().parents[2]
CODE = PROJECT / "pyscript"
PACKAGE = CODE / "sog"
MARKER = "<!-- widget:{} -->"
MANIFEST = "widget.json"
KEYS = {"main", "data", "markers", "saved", "styles"}
# Where the widgets' own stylesheets go in the site (pyscript/sog-relative
# paths below it).
STYLES_FOLDER = "stylesheets/widgets"
# The module that finds every widget's saved work from the manifests, in
# the browser: a page that runs it gets every part (see parts_files).
KEEP = "sog/keep.py"

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
    for manifest_path in sorted(package.glob("*/" + MANIFEST)):
        folder = manifest_path.parent
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        unknown = set(manifest) - KEYS
        if unknown:
            raise WidgetError(f"{manifest_path}: unknown keys {sorted(unknown)}")
        main = folder / manifest["main"]
        data = [package / relative for relative in manifest.get("data", [])]
        styles = [package / relative for relative in manifest.get("styles", [])]
        saved = _saved(folder, manifest.get("saved"), manifest_path)
        needed = [main] + data + styles + ([saved["module"], saved["words"]] if saved else [])
        missing = [str(path) for path in needed if not path.is_file()]
        if missing:
            raise WidgetError(f"{manifest_path}: missing files {missing}")
        def relative(path):
            return path.relative_to(package.parent).as_posix()

        found[folder.name] = {
            "name": folder.name,
            "main": relative(main),
            "data": [relative(path) for path in data],
            "markers": dict(manifest.get("markers", {})),
            "styles": [path.relative_to(package).as_posix() for path in styles],
            "manifest": relative(manifest_path),
            "saved": {"module": relative(saved["module"]), "words": relative(saved["words"]),
                      "in_file": saved["in_file"]} if saved else None,
        }
    return found


def _saved(folder, saved, manifest_path):
    """A manifest's "saved": its module, the module's words (saved.json
    beside saved.py) and whether it is in the file; None if it has none."""
    if saved is None:
        return None
    fits = isinstance(saved, dict) and not set(saved) - {"module", "in_file"}
    if not fits or not str(saved.get("module")).endswith(".py"):
        raise WidgetError(f'{manifest_path}: "saved" must be {{"module": "name.py", "in_file": true or false}}')
    module = folder / saved["module"]
    return {"module": module, "words": module.with_suffix(".json"), "in_file": saved.get("in_file") is True}


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


def widgets_shown(html, registry):
    """The names of the widgets whose markers are in a page, in name order."""
    return [name for name in sorted(registry)
            if any(MARKER.format(marker) in html for marker in registry[name]["markers"])]


def styles_for(names, registry):
    """The stylesheets (pyscript/sog-relative) of these widgets, each once,
    in the order named, each widget's in its manifest's order."""
    found = []
    for name in names:
        for path in registry[name]["styles"]:
            if path not in found:
                found.append(path)
    return found


def style_hrefs(base, paths):
    """Each stylesheet's address in the site, from a page's base URL."""
    return [base.rstrip("/") + "/" + STYLES_FOLDER + "/" + path for path in paths]


def copy_styles(site, registry, package=PACKAGE):
    """Copy every widget's stylesheets into the site (STYLES_FOLDER)."""
    for path in styles_for(sorted(registry), registry):
        target = Path(site) / STYLES_FOLDER / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes((package / path).read_bytes())


def fill_markers(html, root, functions, language="en"):
    """Replace each widget marker in a page with its static HTML, in the
    page's language (its data files' overlays, see sog/language.py).

    root is the site root relative to the page ("..", "."); the widgets use
    it only for links to pages, so on a page in another language it is that
    language's root ("es/"'s), and the links stay in that language. An
    unknown marker is an error, never left in the page.
    """
    from sog import language as data_language  # importable once make_importable has run

    before = data_language.current()
    data_language.use(language)
    try:
        for marker, function in functions.items():
            if marker in html:
                html = html.replace(marker, function(root))
    finally:
        data_language.use(before)
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


# (file, its modification time and size) -> (module names it imports, the
# strings in it that end in ".json"): one build asks for the same modules
# hundreds of times (every page, language and runtime), and parsing them again
# each time was 6 to 9 s of a 10 s build (cProfile).
_scanned = {}


def _scan(relative):
    """What one module imports and the .json names it holds, parsed once per
    version of the file."""
    file = CODE / relative
    stat = file.stat()
    key = (str(file), stat.st_mtime_ns, stat.st_size)
    if key not in _scanned:
        imports, json_names = [], []
        for node in ast.walk(ast.parse(file.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                imports += [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                imports.append(node.module)
                imports += [node.module + "." + alias.name for alias in node.names]
            elif isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value.endswith(".json"):
                json_names.append(node.value)
        _scanned[key] = (tuple(imports), tuple(json_names))
    return _scanned[key]


def _imports(relative):
    """Module names one file imports (including `from package import module`)."""
    return _scan(relative)[0]


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
        for name in _scan(relative)[1]:
            if (PACKAGE / name).is_file():
                found.add(PACKAGE.name + "/" + name)
    return found


def parts_files(registry):
    """What a page that runs sog/keep.py needs to find and run every part of
    the guide's saved work in the browser: each part's manifest, saved module
    (with what it imports) and its words."""
    files = set()
    for widget in registry.values():
        if widget["saved"]:
            module = widget["saved"]["module"]
            files |= {widget["manifest"], module, widget["saved"]["words"]} | set(modules_for(module))
    return files


def files_for(widget, registry=None, language="en"):
    """What one widget's page fetches besides its main module: its modules,
    the data files its manifest lists and the data files its modules name,
    pyscript/-relative; every part of the saved work if it runs sog/keep.py
    (registry: discover()'s, found again if not given); in a language other
    than English, with those data files' overlays (overlay_files)."""
    modules = set(modules_for(widget["main"]))
    data = set()
    if KEEP in modules:
        parts = parts_files(registry or discover())
        modules |= {path for path in parts if path.endswith(".py")}
        data = parts - modules
    modules.discard(widget["main"])
    named = data_read_by(sorted(modules) + [widget["main"]])
    files = modules | set(widget["data"]) | data | named
    return sorted(files | set(overlay_files(files, language)))


def languages(package=PACKAGE):
    """Every language the widgets' data is in: English, and each language
    that has an overlay ("<stem>.<language>.json") somewhere in the package."""
    found = {"en"}
    for path in package.rglob("*.json"):
        parts = path.name.split(".")
        if len(parts) == 3 and parts[1].isalpha() and 2 <= len(parts[1]) <= 3:
            found.add(parts[1])
    return sorted(found)


def overlay_files(files, language):
    """The overlays (pyscript/-relative) a page in this language fetches
    besides these data files: each one's "<stem>.<language>.json" that exists."""
    from sog import language as data_language

    found = []
    for relative in files:
        overlay = data_language.overlay_name(relative, language)
        if overlay and (CODE / overlay).is_file():
            found.append(overlay)
    return sorted(found)


def page_settings(widget, base, runtime_name, folders, off, language="en"):
    """What the template needs for a widget page, with base (the site root
    relative to the page) in front of every address. folders and off are
    runtime_files.folders(runtime_name) and runtime_files.plugins_off(),
    worked out once per build. A page in another language (language) fetches
    that language's bundle, which holds its data files' overlays too.

    Nothing here loads while the page is drawn: widget-start.js reads "start"
    once the page has loaded and the browser is idle, adds the preloads, then
    imports the modules (the one that avoids eval, then PyScript's core).
    """
    settings = runtime_files.runtime(runtime_name)
    where = {name: base + "/" + folder + "/" for name, folder in folders.items()}
    pyscript = where["pyscript"]
    config = {
        "interpreter": where[runtime_name] + settings["entry"],
        # No plugin is used; the error plugin's red banner would only alarm a
        # patient (the widgets say themselves, in plain words, what failed).
        "plugins": off,
    }
    main = where["widgets"] + widget["main"]
    other = [spec["type"] for name, spec in runtime_files.RUNTIMES.items() if name != runtime_name]
    start = {
        "modules": [pyscript + runtime_files.WITHOUT_EVAL.name, pyscript + "core.js"],
        # The interpreter's module and PyScript's own, fetched in parallel
        # rather than one after another.
        "modulepreload": [config["interpreter"]] + [pyscript + name for name in runtime_files.core_chunks()],
        # The interpreter's WebAssembly and the widget's main module (the
        # browser keeps them for PyScript's own requests).
        "preload": [where[runtime_name] + wasm for wasm in settings["wasm"]] + [main],
        # Every other file the widget needs, in two requests made at once
        # (bundle.py): the core every widget page shares, then the page's own.
        "bundles": [where["widgets"] + bundle.CORE, where["widgets"] + bundle.address(widget, language)],
    }
    return {
        "type": settings["type"],
        "config": json.dumps(config, separators=(",", ":")),
        "src": main,
        # PyScript loads every plugin for a script type that has no config,
        # even with no script of that type on the page: the other type gets
        # one that turns them all off.
        "other_types": [{"type": kind, "config": json.dumps({"plugins": off}, separators=(",", ":"))}
                        for kind in other],
        "start": json.dumps(start, separators=(",", ":")),
    }
