"""One file per widget holding every file its Python imports or reads,
fetched in one request. Plain functions.

Listed one by one in PyScript's `files` setting, a widget page's modules and
data files were 20 to 40 requests, each waited for before Python could start
(on a slow phone, several round trips). Now the build writes them into one
JSON file per widget, sog/x/start.json in the versioned widgets folder,
beside the page's script (which PyScript fetches itself: x's main module,
or for MicroPython a stub that imports it, page_script):

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

A shared core. Most of what a widget runs is the sog package's shared
modules (dom, storage, session, text, the saved formats other widgets
read...), which every widget's bundle used to carry again. Those
now go in one bundle for every widget page, sog/core.json (core_members):
the modules and language-free data files that most widget pages need
(CORE_SHARE of them), so the browser and the offline copy keep them once,
whichever page came first. Each page's own bundle (start.json,
start.es.json) holds the rest: the widget's own modules and every data file
it reads in that language. A page fetches both at once, and writes the core
first.

Data ready for the page's language. A page's bundle holds each data file as
that page reads it: merged with its overlay for the page's language and its
yearly figures filled in (ready_files), under the data file's own name,
with datafiles.READY_FILE saying so; so a start reads one file per data
file and merges and fills nothing. The data files and overlays stay the
source of truth: this is the same sog.language.localise and
sog.figures.fill_all the page would run. A page in another language whose
code reads data in English too (a paper that prints in English on a Spanish
page; datafiles.original: OTHER_LANGUAGE_CALLS) also gets each data file
ready in English, under datafiles.READY_FOLDER ("sog/ready/en/words.json"),
so a start merges nothing in either language; a page whose code reads an
overlay itself (OVERLAY_CALLS, in a module that names the data file: a
paper's own text in the page's language) keeps that overlay's parts the
data file lacks.
"""

import base64
import hashlib
import json
from pathlib import PurePosixPath

from sitebuild import runtime_files, widgets

CACHE = runtime_files.PROJECT / "build" / "bundles"
BUNDLE = "start.json"
# The shared core's address in the widgets folder (not "start...": it is
# no language's, and no one widget's).
CORE = "sog/core.json"
# A module goes in the core when at least this share of widget pages needs it
# (with five widgets: four). Lower would make the first page a visitor opens
# fetch more it never runs; higher would repeat more in every page's bundle.
# Paired against no core at all (README, Figures): start-up the same within
# the noise, and a first visit saves 61 KB gzipped less for offline use.
CORE_SHARE = 0.75
TEXT_SUFFIXES = (".py", ".json")
# Calls that read a data file in English on a page in another language
# (besides sog/dom.py's, which sets the page's own): such a page gets its
# data ready in English too.
OTHER_LANGUAGE_CALLS = ("datafiles.original(", "language.use(")
# Calls that read an overlay as written: a page keeps the overlays of the
# data files that a module making one names.
OVERLAY_CALLS = ("datafiles.overlay(",)
SETS_PAGE_LANGUAGE = "sog/dom.py"


def address(widget, language="en"):
    """Where a widget's bundle lives in the widgets folder: "sog/x/start.json"
    in English, "sog/x/start.es.json" for a page in Spanish (it holds the
    data files' Spanish overlays too)."""
    name = BUNDLE if language == "en" else BUNDLE.replace(".json", "." + language + ".json")
    return PurePosixPath(widget["main"]).parent.joinpath(name).as_posix()


class Needs:
    """What each widget's page needs (widgets.files_for) in each language,
    and each module's text, worked out once for one registry: one build asks
    for each widget's several times (the shared core, each language's
    bundle, the calls its modules make), 30 import walks where 10 do."""

    def __init__(self, registry):
        self.registry = registry
        self._files, self._texts = {}, {}

    def files_for(self, widget, language="en"):
        key = (widget["name"], language)
        if key not in self._files:
            self._files[key] = widgets.files_for(widget, self.registry, language=language)
        return self._files[key]

    def text(self, relative):
        if relative not in self._texts:
            self._texts[relative] = (widgets.CODE / relative).read_text(encoding="utf-8")
        return self._texts[relative]


def _needs(registry, needs):
    return needs or Needs(registry or widgets.discover())


def core_files(registry, needs=None):
    """The pyscript/-relative files of the shared core: each file that at
    least CORE_SHARE of the widget pages need and that is the same in every
    language (a data file with an overlay in any language is a page's own,
    and so is the overlay). needs: the build's Needs, if made already."""
    needs = _needs(registry, needs)
    needed = {}
    for widget in registry.values():
        for relative in needs.files_for(widget):
            needed[relative] = needed.get(relative, 0) + 1
    least = CORE_SHARE * len(registry)
    return sorted(relative for relative, count in needed.items()
                  if count >= least and not _has_words_in_a_language(relative))


def _has_words_in_a_language(relative):
    return relative.endswith(".json") and any(
        widgets.overlay_files([relative], language) for language in widgets.languages() if language != "en")


def core_members(runtime_name, shipped, core):
    """{name in the core bundle: source file}, as shipped for the runtime;
    core is core_files()'s list."""
    return {name: shipped[name] for name in (runtime_files.shipped_name(relative, runtime_name) for relative in core)}


def members(widget, runtime_name, shipped, core, language="en", registry=None, needs=None):
    """{name in the bundle: source file} for one widget: every file its page
    needs in that language (widgets.files_for) but the shared core's (core:
    core_files()'s list), as shipped for the runtime. shipped is the widget
    code group ({shipped name: source file})."""
    needs = _needs(registry, needs)
    needed = [relative for relative in needs.files_for(widget, language) if relative not in core]
    if runtime_files.compiles(widget["main"], runtime_name):
        # The main module itself, compiled; the page's script imports it.
        needed.append(widget["main"])
    names = (runtime_files.shipped_name(relative, runtime_name) for relative in needed)
    found = {name: shipped[name] for name in names}
    english = language != "en" and reads_other_languages(widget, registry, needs)
    return ready_files(found, language, ("en",) if english else (), overlays_read(widget, registry, needs))


def reads_other_languages(widget, registry=None, needs=None):
    """Whether any module the widget's page runs reads data in English on a
    page in another language (OTHER_LANGUAGE_CALLS)."""
    return bool(_calling(widget, _needs(registry, needs), OTHER_LANGUAGE_CALLS))


def overlays_read(widget, registry=None, needs=None):
    """The data files (pyscript/-relative) whose overlays the widget's page
    reads as written: those named by a module that makes an OVERLAY_CALLS call."""
    return widgets.data_read_by(_calling(widget, _needs(registry, needs), OVERLAY_CALLS))


def _calling(widget, needs, calls):
    """The modules the widget's page runs that make one of these calls."""
    modules = [widget["main"]] + [relative for relative in needs.files_for(widget)
                                  if relative.endswith(".py") and relative != SETS_PAGE_LANGUAGE]
    return [relative for relative in modules if any(call in needs.text(relative) for call in calls)]


def ready_files(files, language, other_languages=(), overlays_kept=()):
    """files ({bundle name: source file}) with every data file made ready for
    a page in this language (merged with its overlay, figures filled), and
    in each of other_languages under datafiles.READY_FOLDER; the overlays
    gone but those of the data files in overlays_kept (pyscript/-relative),
    which keep only their own parts (_own_parts), and datafiles.READY_FILE
    naming them; each kept in build/bundles/ by content."""
    from sog import datafiles, figures

    package = widgets.PACKAGE.name + "/"
    overlays = {name for name in files if _overlay_of(name, files) is not None}
    # Read here, not through figures.load(), which keeps what it read first.
    table = figures.from_data(json.loads((widgets.PACKAGE / figures.FILE).read_text(encoding="utf-8")))
    ready, names = {}, []
    other = {code: [] for code in other_languages}
    for name, source in files.items():
        if name in overlays:
            base = _overlay_of(name, files)
            if base in overlays_kept:
                ready[name] = _own_parts(source, files[base])
            continue
        if not name.endswith(".json"):
            ready[name] = source
            continue
        relative = name[len(package):]
        ready[name] = _ready_file(files, name, language, table)
        names.append(relative)
        for code in other_languages:
            ready[package + datafiles.READY_FOLDER + code + "/" + relative] = _ready_file(files, name, code, table)
            other[code].append(relative)
    marker = {"language": language, "files": sorted(names)}
    if other:
        marker["other"] = {code: sorted(found) for code, found in other.items()}
    ready[package + datafiles.READY_FILE] = _kept(json.dumps(marker, separators=(",", ":")).encode("utf-8"))
    return ready


def _own_parts(overlay, base):
    """An overlay's top-level parts that its data file lacks (which merging
    leaves out, and only code reading the overlay itself uses: a paper's
    own text in the page's language), as a file kept in build/bundles/; the
    rest is in the ready data file already."""
    base_keys = json.loads(base.read_text(encoding="utf-8"))
    own = {key: value for key, value in json.loads(overlay.read_text(encoding="utf-8")).items()
           if key not in base_keys}
    return _kept(json.dumps(own, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8"))


def _overlay_of(name, files):
    """The data file (bundle name) this overlay lays its words over, or
    None when name is not an overlay of one of files."""
    from sog import language as data_language

    parts = name.split(".")
    if len(parts) != 3 or parts[2] != "json":
        return None
    base = parts[0] + ".json"
    return base if base in files and data_language.overlay_name(base, parts[1]) == name else None


def _ready_file(files, name, code, table):
    """A data file (bundle name) as a page in language code reads it:
    merged with that language's overlay (when files hold it), figures
    filled; kept in build/bundles/ by content."""
    from sog import figures
    from sog import language as data_language

    data = json.loads(files[name].read_text(encoding="utf-8"))
    overlay = data_language.overlay_name(name, code)
    if overlay in files:
        data = data_language.localise(data, json.loads(files[overlay].read_text(encoding="utf-8")))
    return _kept(json.dumps(figures.fill_all(data, table), ensure_ascii=False, sort_keys=True,
                            separators=(",", ":")).encode("utf-8"))


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
    return _kept(bundle(files).encode("utf-8"))


def _kept(data, suffix=".json"):
    """data as a file in build/bundles/ named by its content."""
    target = CACHE / (hashlib.sha256(data).hexdigest()[:24] + suffix)
    if not target.exists():
        CACHE.mkdir(parents=True, exist_ok=True)
        partial = target.with_suffix(".part")
        partial.write_bytes(data)
        partial.replace(target)
    return target


def stub_text(main):
    """The page's script for a main module shipped as bytecode: it imports
    the module, which then runs as it would as the script itself."""
    return "import " + main[: -len(".py")].replace("/", ".") + "\n"


def page_script(main, runtime_name, shipped):
    """The source file of the script a widget page names (its "src"): the
    main module itself, or for bytecode a stub (stub_text) kept in
    build/bundles/; the module itself is then in the page's bundle."""
    if not runtime_files.compiles(main, runtime_name):
        return shipped[main]
    return _kept(stub_text(main).encode("utf-8"), ".py")


def widget_group(runtime_name, shipped):
    """What the widgets folder holds: the shared core, each widget's main
    module (the page's script) and its bundle in each language. shipped is
    every widget file as shipped."""
    registry = widgets.discover()
    needs = Needs(registry)
    core = core_files(registry, needs)
    group = {CORE: built(core_members(runtime_name, shipped, core))}
    for widget in registry.values():
        group[widget["main"]] = page_script(widget["main"], runtime_name, shipped)
        for language in widgets.languages():
            group[address(widget, language)] = built(
                members(widget, runtime_name, shipped, core, language, registry, needs))
    return group
