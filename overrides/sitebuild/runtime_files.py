"""The files a widget page loads to run Python: PyScript, the interpreter and
the widget code. Plain functions.

Each group lands in its own folder under assets/versioned/, named by a hash of
its content (assets/versioned/pyscript-3f9c0a1b2d/core.js). A new PyScript,
interpreter or widget code gets a new folder name, so a host may let browsers
keep these files for a year (see caching.py), and a page never meets files of
another build. The hash is worked out from the source files when the build
starts (pages name the folders) and the same files are copied when it ends.

Only the PyScript files a page really loads are shipped: core.js, what it
imports, and the error module PyScript imports even when its banner is off.
Every PyScript plugin is turned off (plugins_off(), "!name" in the config):
the widgets use none of them (no editor, terminal or game).

For MicroPython the widget modules are shipped compiled (bytecode.py): the
page imports sog/storage.mpy, not sog/storage.py (shipped_name). A widget's
main module too: PyScript runs the page's script as source text, compiled at
every start, so for MicroPython that script is a one-line stub
(bundle.page_script: "import sog.x.widget") and the module itself comes compiled in the widget's
bundle. A page fetches its widget's files as two bundles (bundle.py); the
widgets folder holds only the bundles and the pages' scripts.
"""

import hashlib
import re
import shutil
from pathlib import Path

from sitebuild import bytecode

PROJECT = Path(__file__).resolve().parents[2]
CODE = PROJECT / "pyscript"
PACKAGE = CODE / "sog"
NODE_MODULES = PROJECT / "node_modules"
PYSCRIPT_PACKAGE = NODE_MODULES / "@pyscript" / "core"
# Ours: loaded just before PyScript's core.js, from the same folder (see the file).
WITHOUT_EVAL = CODE / "pyscript-without-eval.js"
VERSIONED = "assets/versioned"
DIGEST_LENGTH = 10

# Where each runtime's files come from, and the module PyScript loads first.
RUNTIMES = {
    "micropython": {
        "type": "mpy",
        # Imports MicroPython bytecode made at build time (bytecode.py).
        "bytecode": True,
        "package": NODE_MODULES / "@micropython" / "micropython-webassembly-pyscript",
        "files": ["micropython.mjs", "micropython.wasm"],
        "entry": "micropython.mjs",
        "wasm": ["micropython.wasm"],
    },
    "pyodide": {
        "type": "py",
        "bytecode": False,
        "package": NODE_MODULES / "pyodide",
        "files": ["pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json"],
        "entry": "pyodide.mjs",
        "wasm": ["pyodide.asm.wasm"],
    },
}

# A static import in PyScript's minified modules: from"./x.js" or import"./x.js"
# (not import("./x.js"), which loads only when a plugin asks).
STATIC_IMPORT = re.compile(r"""\b(?:from|import)\s*["']\./([\w.-]+\.js)["']""")
# A plugin in PyScript's src/plugins.js: `name: () =>` or `["a-name"]: () =>`.
PLUGIN = re.compile(r"""^\s*(?:\["([\w-]+)"\]|([\w-]+))\s*:\s*\(\)\s*=>""", re.MULTILINE)


class RuntimeFilesError(ValueError):
    """A runtime file that is missing or a setting that does not fit."""


def runtime(name):
    """The settings of a runtime by name ("micropython" or "pyodide")."""
    if name not in RUNTIMES:
        raise RuntimeFilesError(f"extra.python_runtime must be one of {sorted(RUNTIMES)}, not {name!r}")
    return RUNTIMES[name]


def pyscript_dist():
    return PYSCRIPT_PACKAGE / "dist"


def plugin_names():
    """Every plugin PyScript has, by the name its config turns off with "!name"."""
    source = (PYSCRIPT_PACKAGE / "src" / "plugins.js").read_text(encoding="utf-8")
    return sorted(quoted or bare for quoted, bare in PLUGIN.findall(source))


def plugins_off():
    """PyScript's "plugins" setting that turns every plugin off."""
    return ["!" + name for name in plugin_names()]


def _static_closure(dist, names):
    """names and every module they import statically, sorted."""
    found = set()
    queue = list(names)
    while queue:
        name = queue.pop()
        if name in found:
            continue
        found.add(name)
        queue += STATIC_IMPORT.findall((dist / name).read_text(encoding="utf-8"))
    return sorted(found)


def pyscript_modules():
    """PyScript's module files a page loads: core.js, what it imports, and the
    error plugin (imported even when off, to keep its banner off the page)."""
    dist = pyscript_dist()
    error = sorted(path.name for path in dist.glob("error-*.js"))
    return _static_closure(dist, ["core.js"] + error)


def core_chunks():
    """The modules core.js loads, without core.js itself (preloaded in parallel)."""
    return [name for name in pyscript_modules() if name != "core.js"]


def _widget_code_files():
    """Every file the widgets may need in the browser, relative to pyscript/."""
    return sorted(
        path.relative_to(CODE).as_posix()
        for path in PACKAGE.rglob("*")
        if path.suffix in (".py", ".json") and "__pycache__" not in path.parts
    )


def compiles(relative, runtime_name):
    """Whether a widget file is shipped as bytecode for this runtime: every
    module but packages' __init__ files, for MicroPython (a main module
    too, imported by its page's stub: bundle.page_script)."""
    return (
        runtime(runtime_name)["bytecode"]
        and relative.endswith(".py")
        and not relative.endswith("/__init__.py")
    )


def shipped_name(relative, runtime_name):
    """A widget file's name as the page fetches it: sog/x.py, or sog/x.mpy."""
    return relative[:-3] + ".mpy" if compiles(relative, runtime_name) else relative


def _widget_group(runtime_name):
    group = {}
    for relative in _widget_code_files():
        if compiles(relative, runtime_name):
            group[shipped_name(relative, runtime_name)] = bytecode.compiled(CODE / relative, relative)
        else:
            group[relative] = CODE / relative
    return group


def groups(runtime_name):
    """{group: {path in its folder: source file}} for the three groups."""
    settings = runtime(runtime_name)
    dist = pyscript_dist()
    missing = [str(path) for path in [dist, settings["package"]] if not path.exists()]
    if missing:
        raise RuntimeFilesError(f"Runtime files missing: {missing}. Run `npm ci` (the Makefile does).")
    pyscript = {name: dist / name for name in pyscript_modules()}
    pyscript[WITHOUT_EVAL.name] = WITHOUT_EVAL
    from sitebuild import bundle  # here: bundle reads the widgets, whose module imports this one

    return {
        "pyscript": pyscript,
        runtime_name: {name: settings["package"] / name for name in settings["files"]},
        # Each widget's main module and one archive of everything else it needs.
        "widgets": bundle.widget_group(runtime_name, _widget_group(runtime_name)),
    }


def digest(files):
    """A short hash of a group's file names and contents."""
    hashed = hashlib.sha256()
    for name in sorted(files):
        hashed.update(name.encode("utf-8") + b"\0")
        hashed.update(hashlib.sha256(Path(files[name]).read_bytes()).digest())
    return hashed.hexdigest()[:DIGEST_LENGTH]


def folders(runtime_name, built=None):
    """{"pyscript": "assets/versioned/pyscript-<hash>", <runtime name>: ...,
    "widgets": ...}: where each group lives in the site. built: the build's
    groups(runtime_name), if worked out already (they take a tenth of a second)."""
    built = built or groups(runtime_name)
    return {name: VERSIONED + "/" + name + "-" + digest(files) for name, files in built.items()}


def copy_into_site(site, runtime_name, built=None):
    """Copy each group into its versioned folder; nothing else stays there.
    built: as for folders()."""
    out = Path(site) / VERSIONED
    shutil.rmtree(out, ignore_errors=True)
    built = built or groups(runtime_name)
    where = folders(runtime_name, built)
    for name, files in built.items():
        for relative, source in files.items():
            target = Path(site) / where[name] / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)
    return where
