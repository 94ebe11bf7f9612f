"""The guide offline: the service worker's file list, written when the build
ends. Plain functions.

Every file of the built site, in every language, goes into the list except
what no page loads (source maps, the host's _headers, the sitemap, search
for languages the site is not in)
and files too large to fetch ahead on a phone (Pyodide's interpreter and
standard library: the worker keeps them once a page has used them). Pages
are listed by the address a browser asks for ("about/", "./").

The worker (offline_worker.js, written out as site/sw.js) caches the files of
one build under a name made from their hashes, and checks each against its
SHA-256 as it fetches it, so no cache ever mixes two builds.

Languages: each page is marked with its language (file_language), the files
every page uses with none. The worker fetches ahead the shared files and the
pages in the visitor's language only, and a language's pages the first time
the visitor opens one of them: the first visit stays under 1 MB gzipped.
"""

import base64
import hashlib
import json
import re
from pathlib import Path

from sitebuild import caching

WORKER_TEMPLATE = Path(__file__).with_name("offline_worker.js")
# Larger than this is not fetched ahead (Pyodide's 2.4 MB library, 9 MB interpreter).
LARGE_BYTES = 2_000_000
NOT_LOADED_BY_PAGES = ("_headers", "sitemap.xml", "sitemap.xml.gz", caching.SERVICE_WORKER)
# Material's search for languages other than English; its search worker
# loads only those of the site's languages (search_files).
OTHER_LANGUAGES_SEARCH = "assets/javascripts/lunr/"
# Besides lunr.<language>.min.js, what Material's worker loads for a language.
SEARCH_EXTRAS = {"ja": ["tinyseg.js"], "hi": ["wordcut.js"], "th": ["wordcut.js"]}
SEARCH_INDEX = "search/search_index.json"


def address(relative):
    """The address a browser asks for: "about/index.html" -> "about/", "index.html" -> "./"."""
    if relative == "index.html":
        return "./"
    if relative.endswith("/index.html"):
        return relative.removesuffix("index.html")
    return relative


def integrity(path):
    """The Subresource Integrity value of a file: "sha256-<base64>"."""
    return "sha256-" + base64.b64encode(hashlib.sha256(Path(path).read_bytes()).digest()).decode("ascii")


def search_files(search_languages):
    """The files Material's search worker loads for these languages (the
    search plugin's `lang`), as it names them: none for English alone."""
    names = []
    for language in search_languages:
        names += SEARCH_EXTRAS.get(language, [])
        if language != "en":
            names.append(f"min/lunr.{language}.min.js")
    if len(search_languages) > 1:
        names.append("min/lunr.multi.min.js")
    if names:
        names.append("min/lunr.stemmer.support.min.js")
    return {OTHER_LANGUAGES_SEARCH + name for name in names}


def wanted(relative, search=frozenset()):
    """Whether a page may load this file; search: search_files() of the site."""
    return not (
        relative in NOT_LOADED_BY_PAGES
        or relative.endswith(".map")
        or (relative.startswith(OTHER_LANGUAGES_SEARCH) and relative not in search)
    )


WIDGET_BUNDLE = re.compile(r"^assets/versioned/widgets-[^/]+/.*/start(?:\.([a-z]{2,3}))?\.json$")


def page_languages(files, languages):
    """{address: language} for the pages in files ("es/about/" -> "es",
    "about/" and "./" -> the first, default, language) and the widgets'
    bundles. Every other file (the theme, the runtime, the search index, the
    404 page) is shared."""
    found = {}
    for entry in files:
        page = entry[0]
        if page == "./" or page.endswith("/"):
            top = page.split("/")[0]
            found[page] = top if top in languages[1:] else languages[0]
        else:
            # A widget's bundle is one language's (bundle.py: start.json,
            # start.es.json): saved with that language's pages.
            bundle = WIDGET_BUNDLE.search(page)
            if bundle:
                found[page] = bundle.group(1) if bundle.group(1) in languages[1:] else languages[0]
            elif page.split("/")[0] in languages[1:]:
                # A language's own files (es/search/search_index.json, es/404.html).
                found[page] = page.split("/")[0]
            elif page == SEARCH_INDEX:
                # The default language's search index (sitebuild/search_index.py).
                found[page] = languages[0]
    return found


def site_search_files(site, search_languages=("en",)):
    """search_files() for every search index the site has, each with its own
    `lang` (sitebuild/search_index.py: one index per language); an index
    that names none counts as search_languages."""
    names = set()
    for path in Path(site).rglob("search_index.json"):
        try:
            lang = json.loads(path.read_text(encoding="utf-8")).get("config", {}).get("lang")
        except (ValueError, AttributeError):
            lang = None
        names |= search_files(lang or search_languages)
    return names or search_files(search_languages)


def file_list(site, search_languages=("en",)):
    """([(address, integrity, immutable), ...] to fetch ahead, [too large, not fetched])."""
    site = Path(site)
    search = site_search_files(site, search_languages)
    files, large = [], []
    for path in sorted(site.rglob("*")):
        relative = path.relative_to(site).as_posix()
        if not path.is_file() or not wanted(relative, search):
            continue
        if path.stat().st_size > LARGE_BYTES:
            large.append(relative)
            continue
        files.append([address(relative), integrity(path), caching.is_immutable(relative)])
    return files, large


def build_id(files):
    """A short hash of the whole list: a new build, a new cache name."""
    return hashlib.sha256(json.dumps(files).encode("utf-8")).hexdigest()[:12]


def worker_source(files, languages=("en",)):
    """The service worker's source for this list; languages: the site's, the default first."""
    head = (
        "// Written by `make build` (overrides/sitebuild/offline.py); do not edit.\n"
        f"const BUILD = {json.dumps(build_id(files))};\n"
        f"const FILES = {json.dumps(files, separators=(',', ':'))};\n"
        f"const PAGE_LANGUAGES = {json.dumps(page_languages(files, languages), separators=(',', ':'))};\n"
    )
    return head + WORKER_TEMPLATE.read_text(encoding="utf-8")


def write_worker(site, search_languages=("en",), languages=("en",)):
    """Write site/sw.js for the site as built; returns (build id, files, large files skipped)."""
    files, large = file_list(site, search_languages)
    (Path(site) / caching.SERVICE_WORKER).write_text(worker_source(files, languages), encoding="utf-8")
    return build_id(files), files, large
