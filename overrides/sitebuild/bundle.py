"""One file per widget holding every file its Python imports or reads,
fetched in one request. Plain functions.

Listed one by one in PyScript's `files` setting, a widget page's modules and
data files were 20 to 40 requests, each waited for before Python could start
(on a slow phone, several round trips). Now the build writes them into one
JSON file per widget, sog/x/start.json in the versioned widgets folder,
beside x's main module (which PyScript still fetches as the page's script):

    {"text": {"sog/words.json": "...", "sog/__init__.py": "..."},
     "binary": {"sog/dom.mpy": "<base64>"}}

widget-start.js fetches it as the runtime starts and writes each file into
the interpreter's file system in PyScript's onReady hook, before the main
module runs (the same Emscripten calls in both runtimes). JSON, because
every host compresses it in transit.

PyScript's own archive route (a .tar.gz in `files`, unpacked into "./*")
works under the Content-Security-Policy, but MicroPython unpacks it with its
tarfile module in Python: 0.5 to 1 s for one page's 40 files under Node,
where writing them takes milliseconds. (A .zip would go through PyScript's
zip.js, which starts web workers from blob: addresses: the policy refuses
those.)

The JSON is written with sorted keys, so the widgets folder's name only
changes when a file in it does; each is kept in build/bundles/ by content.
"""

import base64
import hashlib
import json
from pathlib import PurePosixPath

from sitebuild import runtime_files, widgets

CACHE = runtime_files.PROJECT / "build" / "bundles"
BUNDLE = "start.json"
TEXT_SUFFIXES = (".py", ".json")


def address(widget, language="en"):
    """Where a widget's bundle lives in the widgets folder: "sog/x/start.json"
    in English, "sog/x/start.es.json" for a page in Spanish (it holds the
    data files' Spanish overlays too)."""
    name = BUNDLE if language == "en" else BUNDLE.replace(".json", "." + language + ".json")
    return PurePosixPath(widget["main"]).parent.joinpath(name).as_posix()


def members(widget, runtime_name, shipped, language="en"):
    """{name in the bundle: source file} for one widget: every file its page
    needs in that language (widgets.files_for), as shipped for the runtime.
    shipped is the widget code group ({shipped name: source file})."""
    names = (runtime_files.shipped_name(relative, runtime_name)
             for relative in widgets.files_for(widget, language=language))
    return {name: shipped[name] for name in names}


def bundle(files):
    """The bundle's JSON text for {name: source file}: text files as text,
    anything else (MicroPython bytecode) as base64."""
    text, binary = {}, {}
    for name, source in files.items():
        data = source.read_bytes()
        if name.endswith(TEXT_SUFFIXES):
            text[name] = data.decode("utf-8")
        else:
            binary[name] = base64.b64encode(data).decode("ascii")
    return json.dumps({"text": text, "binary": binary}, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def built(files):
    """The bundle of these files, as a file in build/bundles/ named by its content."""
    data = bundle(files).encode("utf-8")
    target = CACHE / (hashlib.sha256(data).hexdigest()[:24] + ".json")
    if not target.exists():
        CACHE.mkdir(parents=True, exist_ok=True)
        partial = target.with_suffix(".part")
        partial.write_bytes(data)
        partial.replace(target)
    return target


def widget_group(runtime_name, shipped):
    """What the widgets folder holds: each widget's main module (the page's
    script) and its bundle in each language. shipped is every widget file as shipped."""
    group = {}
    for widget in widgets.discover().values():
        group[widget["main"]] = shipped[widget["main"]]
        for language in widgets.languages():
            group[address(widget, language)] = built(members(widget, runtime_name, shipped, language))
    return group
