"""Build-time work for the Python widgets (an MkDocs hook).

- Renders each widget's static HTML into its page from the same data files
  the browser reads, so the page works and prints with JavaScript off.
- Gives pages that hold a widget the PyScript settings the template needs.
- Copies the self-hosted runtime (PyScript core and the chosen Python
  interpreter, from node_modules) and the widget code into the built site.
"""

import ast
import json
import shutil
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.utils import get_relative_url

PROJECT = Path(__file__).resolve().parents[2]
CODE = PROJECT / "pyscript"
NODE_MODULES = PROJECT / "node_modules"

if str(CODE) not in sys.path:
    sys.path.insert(0, str(CODE))

from screener import render as screener_render  # noqa: E402  (in pyscript/, via the path above)
from screener import rules as screener_rules  # noqa: E402
from checklist import model as checklist_model  # noqa: E402
from checklist import render as checklist_render  # noqa: E402

# Widget name -> the module PyScript runs for it, relative to pyscript/.
WIDGETS = {
    "screener": "screener/widget.py",
    "checklist": "checklist/widget.py",
    "print": "checklist/print_widget.py",
}


def _markers(root):
    """Marker comment -> the static HTML that replaces it."""
    screener_data = screener_rules.load_data(CODE / "screener" / "questions.json")
    checklist_data = checklist_model.load_items(CODE / "checklist" / "items.json")
    return {
        "<!-- widget:checklist -->": checklist_render.checklist_page_html(checklist_data, root),
        "<!-- widget:print -->": checklist_render.print_page_html(checklist_data, root),
        "<!-- widget:screener -->": screener_render.form_html(screener_data, root),
        "<!-- widget:screener-guide -->": screener_render.guide_html(screener_data, root),
    }

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
        "files": [
            "pyodide.mjs",
            "pyodide.asm.mjs",
            "pyodide.asm.wasm",
            "python_stdlib.zip",
            "pyodide-lock.json",
        ],
        "entry": "pyodide.mjs",
        "wasm": ["pyodide.asm.wasm"],
    },
}
PYSCRIPT_CORE = NODE_MODULES / "@pyscript" / "core" / "dist"


def _runtime(config):
    name = config["extra"].get("python_runtime", "micropython")
    if name not in RUNTIMES:
        raise PluginError(f"extra.python_runtime must be one of {sorted(RUNTIMES)}, not {name!r}")
    return name, RUNTIMES[name]


def _widget_files():
    """Every file the widgets need in the browser, relative to pyscript/."""
    return sorted(
        path.relative_to(CODE).as_posix()
        for path in CODE.rglob("*")
        if path.suffix in (".py", ".json") and "__pycache__" not in path.parts
    )


def _core_chunks():
    """PyScript's module files that core.js always loads (not the editor's
    or terminal's libraries, which load only when used)."""
    eager = ("core-", "deprecations-manager-", "donkey-", "error-", "py-editor-", "py-game-", "py-terminal-")
    return sorted(path.name for path in PYSCRIPT_CORE.glob("*.js") if path.name.startswith(eager))


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
    for node in ast.walk(ast.parse((CODE / relative).read_text())):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.append(node.module)
            names += [node.module + "." + alias.name for alias in node.names]
    return names


def files_for(main):
    """What one widget needs in the browser, besides its main module: every
    module it imports, directly or not, with the packages' __init__ files and
    data files. A page fetches only these, not every widget's code."""
    needed = set()
    queue = [main]
    while queue:
        current = queue.pop()
        for name in _imports(current):
            found = _module_file(name)
            if found and found not in needed and found != main:
                needed.add(found)
                queue.append(found)
    for folder in {Path(path).parent for path in needed | {main}}:
        if folder != Path("."):
            needed |= {p.relative_to(CODE).as_posix() for p in (CODE / folder).glob("*.json")}
            if (CODE / folder / "__init__.py").is_file():
                needed.add((folder / "__init__.py").as_posix())
    return sorted(needed)


def on_page_content(html, page, config, files):
    """Swap each widget marker for the widget's static HTML."""
    if "<!-- widget:" not in html:
        return html
    root = get_relative_url(".", page.url) or "."
    for marker, static_html in _markers(root).items():
        html = html.replace(marker, static_html)
    if "<!-- widget:" in html:
        raise PluginError(f"{page.file.src_uri}: unknown widget marker")
    return html


def on_page_context(context, page, config, nav):
    """Give widget pages the PyScript tag settings, with page-relative paths."""
    widget = page.meta.get("widget")
    if not widget:
        return context
    if widget not in WIDGETS:
        raise PluginError(f"{page.file.src_uri}: unknown widget {widget!r}")
    name, runtime = _runtime(config)
    base = context["base_url"]
    pyscript_config = {
        "interpreter": f"{base}/assets/runtime/{name}/{runtime['entry']}",
        "files": {f"{base}/assets/widgets/{path}": f"./{path}" for path in files_for(WIDGETS[widget])},
        # The widgets say themselves, in plain words, when something fails;
        # PyScript's own red error banner would only alarm a patient.
        "plugins": ["!error"],
    }
    page.meta["pyscript"] = {
        # The interpreter's module, fetched in parallel with PyScript itself
        # rather than after it.
        "modulepreload": [pyscript_config["interpreter"]]
        + [f"{base}/assets/pyscript/{name}" for name in _core_chunks()],
        # The interpreter's WebAssembly and the widget's own files, fetched
        # early too (the browser keeps them for PyScript's own requests).
        "preload": [f"{base}/assets/runtime/{name}/{wasm}" for wasm in runtime["wasm"]]
        + list(pyscript_config["files"])
        + [f"{base}/assets/widgets/{WIDGETS[widget]}"],
        "type": runtime["type"],
        "config": json.dumps(pyscript_config, separators=(",", ":")),
        "src": f"{base}/assets/widgets/{WIDGETS[widget]}",
    }
    return context


def on_post_build(config):
    """Copy the runtime and the widget code into the site."""
    site = Path(config["site_dir"])
    name, runtime = _runtime(config)
    missing = [p for p in [PYSCRIPT_CORE, runtime["package"]] if not p.exists()]
    if missing:
        raise PluginError(f"Runtime files missing: {missing}. Run `npm ci` (the Makefile does).")

    core_out = site / "assets" / "pyscript"
    shutil.rmtree(core_out, ignore_errors=True)
    # Source maps are for PyScript's developers, not for patients' phones.
    shutil.copytree(PYSCRIPT_CORE, core_out, ignore=shutil.ignore_patterns("*.map"))

    runtime_out = site / "assets" / "runtime"
    shutil.rmtree(runtime_out, ignore_errors=True)
    (runtime_out / name).mkdir(parents=True)
    for file_name in runtime["files"]:
        shutil.copy2(runtime["package"] / file_name, runtime_out / name / file_name)

    widgets_out = site / "assets" / "widgets"
    shutil.rmtree(widgets_out, ignore_errors=True)
    for relative in _widget_files():
        target = widgets_out / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(CODE / relative, target)
