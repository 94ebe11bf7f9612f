"""The guide offline, through its service worker (overrides/sitebuild/offline.py).

- After one visit to one page, the guide is saved in the visitor's
  language; the other language's pages are not fetched ahead (a first visit
  stays under 1 MB gzipped) but kept once the visitor opens one of them, and
  then the worker holds every file of the build. With the network off, every
  page of every language, and every file a page names (its styles, scripts,
  icons, manifest, and a widget's runtime, code and data), comes from the
  worker, each the build's own (its SHA-256); each language's home page
  opens and its search works; a widget page starts, asking for nothing its
  page does not name beyond what a plain page asks for, so every widget
  page has what its start needs; an unknown address gets the guide's "page
  not found" page. Offline, the note near the top of each page says the
  whole guide still works, in the page's language (every page's HTML holds
  its language's words; the open page and each page opened offline show
  them); back online it goes. The page said, in the words of words.json,
  that the guide was saved. Nothing saved by a visitor is read or changed, and
  the worker only ever asked for the site's own files, each one through the
  origin guard (make_context), by its plain address.
- The worker starts fetching only after the page has loaded and its widget
  has started.
- A new build, deployed while a visitor has the guide open, is fetched whole
  and waits: that tab stays the old build (a widget page included, though
  the host only has the new build's files). Once no page of the old build is
  open, the next page is the new build, and the old cache is gone. Each
  cache holds exactly its build's files, each with its build's content.
- With the Pyodide setting, its two large files are not fetched ahead, but
  kept once a page has used them, so that page then starts offline too (a
  Spanish widget page: Pyodide reads that language's data, and its offline
  start brings back the changes made at the first).

Service workers fetch in the background and these tests wait for them, so
they are marked `timing` (run on one xdist worker, tests/conftest.py).
"""

import functools
import json
import os
import shutil
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from playwright.sync_api import expect

from tests.conftest import PROJECT, build_site
from tests.e2e.site_pages import (
    CONNECTION_NOTE,
    PHONE,
    SCRIPT_TAG,
    SITE_PAGES,
    WIDGET_PAGES,
    expect_near_the_top,
    expect_started_quietly,
    wait_ready,
)
from tests.e2e.widgets.driver import another_language_widget
from tests.support.html import start_tags
from tests.support.server import SiteServer

WORDS = json.loads((PROJECT / "pyscript" / "sog" / "words.json").read_text(encoding="utf-8"))["offline"]
SPANISH_WORDS = json.loads((PROJECT / "pyscript" / "sog" / "words.es.json").read_text(encoding="utf-8"))["offline"]
STATUS = "#offline-status"
WORDS_IN = {"en": WORDS, "es": SPANISH_WORDS}
LANGUAGE_OF = {site_page.path: site_page.lang for site_page in SITE_PAGES}
CACHE_PREFIX = "second-opinion-guide-"
SAVED = {"second-opinion-guide:checklist": "a visitor's checklist", "second-opinion-guide:screener": "answers"}
SECOND_BUILD_NOTE = "This sentence is only in the second build."
SAVING_TIMEOUT_MS = 60000
# What Material's search says once its index is loaded, on each language's home page.
SEARCH_READY = {"/": "Type to start searching", "/es/": "Teclee para comenzar búsqueda"}

pytestmark = pytest.mark.timing

CACHES = "caches.keys()"
# The paths this build's cache holds.
KEPT_PATHS = """
caches.keys().then((names) => caches.open(names[0])).then((cache) => cache.keys())
  .then((requests) => requests.map((request) => new URL(request.url).pathname))
"""
# Ask the worker to keep a language's pages; resolves when they are kept.
KEEP_LANGUAGE = """
(language) => navigator.serviceWorker.ready.then((registration) => new Promise((done) => {
  const channel = new MessageChannel();
  channel.port1.onmessage = (event) => done(event.data);
  registration.active.postMessage({ keepLanguage: language }, [channel.port2]);
}))
"""
# The active worker, once it has finished activating (old caches deleted).
ACTIVATED = """
navigator.serviceWorker.ready.then((registration) => new Promise((done) => {
  const worker = registration.active;
  if (worker.state === "activated") return done(worker.scriptURL);
  worker.addEventListener("statechange", () => worker.state === "activated" && done(worker.scriptURL));
}))
"""


@functools.cache
def _worker_head(sw_js):
    """{name: value} of the constants the build wrote at the top of one
    built sw.js (offline.worker_source), read once per file."""
    found = {}
    for line in Path(sw_js).read_text(encoding="utf-8").splitlines():
        if not line.startswith(("//", "const ")):
            break  # the worker's own code (offline_worker.js) starts here
        if line.startswith("const "):
            name, value = line.removeprefix("const ").split(" = ", 1)
            found[name] = json.loads(value.removesuffix(";"))
    return found


def worker_constant(site, name):
    """A constant the build wrote at the top of a built site's sw.js."""
    return _worker_head(str(Path(site).resolve() / "sw.js"))[name]


def worker_files(site, language=None):
    """{path: SHA-256 as the build writes it ("sha256-<base64>")} of the
    files in a built site's sw.js, by the path a browser asks for ("/",
    "/about/", "/assets/..."); with a language, only those the worker keeps
    for a visitor of that language (the files every page uses, and that
    language's pages)."""
    languages = worker_constant(site, "PAGE_LANGUAGES")
    return {"/" + address.removeprefix("./"): integrity for address, integrity, _ in worker_constant(site, "FILES")
            if language is None or languages.get(address, language) == language}


# <link rel> values that make a browser fetch the file as the page loads
# (prev, next and alternate are pages, fetched as pages).
FETCHED_RELS = {"stylesheet", "icon", "apple-touch-icon", "manifest", "preload", "modulepreload"}


def files_named(site, path, tags):
    """The paths of the site's own files a page names for the browser to
    fetch (tags: its start_tags): stylesheets, scripts, icons, images, the
    manifest and the icons it names, a widget's PyScript interpreter and the
    files widget-start.js fetches to start it (data-start: modules, preloads,
    bundles). Not its service worker (data-worker: the browser asks the
    network for it, never the worker)."""
    addresses = []
    for name, attributes in tags:
        if name == "link" and set(attributes.get("rel", "").split()) & FETCHED_RELS:
            addresses.append(attributes["href"])
        if "src" in attributes:
            addresses.append(attributes["src"])
        if name in SCRIPT_TAG.values() and "config" in attributes:
            addresses.append(json.loads(attributes["config"])["interpreter"])
        if "data-start" in attributes:
            addresses += [address for kind in json.loads(attributes["data-start"]).values() for address in kind]
    found = _own_paths(path, addresses)
    for manifest in [found_path for found_path in found if found_path.endswith(".webmanifest")]:
        found |= _manifest_icons(str(site), manifest)
    return found


def _own_paths(base, addresses):
    """The paths of the addresses that are the site's own (no scheme, no
    host), resolved against base."""
    resolved = [urlsplit(urljoin(base, address)) for address in addresses]
    return {parts.path for parts in resolved if not parts.scheme and not parts.netloc}


@functools.cache
def _manifest_icons(site, manifest):
    """The icons a built site's web manifest names (every page names the same one: read once)."""
    icons = json.loads((Path(site) / manifest.lstrip("/")).read_text(encoding="utf-8"))["icons"]
    return frozenset(_own_paths(manifest, [icon["src"] for icon in icons]))


def saved_words_of(tags):
    """The words a page's connection note shows offline once the guide is
    saved (None if the page has no note)."""
    note = next((attributes for _, attributes in tags if attributes.get("id") == CONNECTION_NOTE.removeprefix("#")), {})
    return note.get("data-offline-saved-text")


# Fetch each path through the page's worker: [path, status, SHA-256 of the
# body in the build's form] (status 0 and the error if the fetch failed).
SHA256_OF = """async (body) => "sha256-" + btoa(String.fromCharCode(
  ...new Uint8Array(await crypto.subtle.digest("SHA-256", body))))"""
FETCH_EACH = f"""
(paths) => {{
  const sha256 = {SHA256_OF};
  return Promise.all(paths.map((path) => fetch(path, {{ cache: "no-store" }})
    .then(async (response) => [path, response.status, await sha256(await response.arrayBuffer())])
    .catch((error) => [path, 0, String(error)])));
}}
"""


def worker_answers(page, paths):
    """{path: (status, SHA-256 of the body)} for each path fetched from the
    page that its service worker answered; a path it did not answer is left
    out, and a fetch that failed has status 0 and the error."""
    answered = set()

    def note(response):
        if response.from_service_worker:
            answered.add(urlsplit(response.url).path)

    page.on("response", note)
    try:
        fetched = page.evaluate(FETCH_EACH, sorted(paths))
    finally:
        page.remove_listener("response", note)
    return {path: (status, sha256) for path, status, sha256 in fetched if path in answered or not status}


def page_tags(site, path):
    """The start tags of a built site's page ("/about/")."""
    return start_tags((Path(site) / path.lstrip("/") / "index.html").read_text(encoding="utf-8"))


def page_and_files(site, path):
    """A page's path and the paths of every file it names (files_named), from a built site."""
    return {path} | files_named(site, path, page_tags(site, path))


def expect_status(page, words):
    """The page's offline status line says words: the worker fetches in the
    background, slow on a busy machine, so a longer wait (it returns as
    soon as it is said)."""
    expect(page.locator(STATUS)).to_have_text(words, timeout=SAVING_TIMEOUT_MS)


def visit_and_save(context, path):
    """Visit one page and wait until it says the guide is saved for offline use."""
    page = context.new_page()
    page.goto(path)
    if path in WIDGET_PAGES:
        wait_ready(page, WIDGET_PAGES[path])
    expect_status(page, WORDS["ready"])
    return page


def test_every_page_and_widget_opens_offline_after_one_visit(make_context, site, built_site):
    """After one visit and one page of the other language, offline: every
    page and every file a page names comes from the worker, each the build's
    own (its SHA-256); a plain page of each language opens and searches, and
    a widget page starts, from the worker alone.

    Pages are fetched, not each opened: what opening one proved is what its
    HTML (the build's, byte for byte) and the files it names (each from the
    worker, the build's) make of it, the same offline as online, where
    test_page_visits.py opens every page and widgets/test_starting.py starts
    every widget. The one widget start here proves that a start asks for
    nothing its page's HTML does not name, beyond what a plain page of its
    language asks for (search), so those fetches are all any widget page's
    start needs."""
    context = make_context(service_workers="allow")
    worker_requests = []
    context.on("request", lambda request: request.service_worker and worker_requests.append(request))
    page = context.new_page()
    page.goto("/404.html")
    page.evaluate("saved => Object.entries(saved).forEach(([k, v]) => localStorage.setItem(k, v))", SAVED)
    page.close()
    page = visit_and_save(context, "/about/")
    assert page.evaluate(CACHES) == [CACHE_PREFIX + worker_constant(built_site, "BUILD")]
    kept = page.evaluate(KEPT_PATHS)
    assert "/about/" in kept and not [path for path in kept if path.startswith("/es/")]
    # A page in the other language, online: the worker keeps its language;
    # now it has every file of the build.
    page.goto("/es/about/")
    assert page.evaluate(KEEP_LANGUAGE, "es") == "es"
    files = worker_files(built_site)
    assert set(page.evaluate(KEPT_PATHS)) == set(files)
    context.set_offline(True)
    # The note near the top (test_offline_note.py): the open page says, in
    # its language, that the whole guide still works; so does each page
    # opened offline, as it opens.
    expect(page.locator(CONNECTION_NOTE)).to_have_text(SPANISH_WORDS["offline_saved"])
    # Every page, and every file a page names, fetched through the worker.
    parsed = {site_page.path: page_tags(built_site, site_page.path) for site_page in SITE_PAGES}
    named = {path: files_named(built_site, path, tags) for path, tags in parsed.items()}
    wanted = set(parsed).union(*named.values())
    # A floor under files_named, so that it cannot quietly stop seeing a kind
    # of file: every page names its styles, offline.js and its icon; every
    # widget page, its interpreter and its widget's code.
    for site_page in SITE_PAGES:
        found = named[site_page.path]
        assert {"/stylesheets/site.css", "/javascripts/offline.js"} <= found, (site_page.path, sorted(found))
        assert any(path.endswith((".svg", ".png", ".ico")) for path in found), site_page.path
        if site_page.widget:
            assert any(path.endswith((".wasm", ".mjs")) for path in found), site_page.path
            assert any(f"/sog/{site_page.widget}/" in path for path in found), (site_page.path, sorted(found))
    assert worker_answers(page, wanted) == {path: (200, files.get(path)) for path in wanted}
    # Each page, fetched as the build's own, says offline in its language
    # that the guide still works (offline.js, fetched too, shows it).
    assert [site_page.path for site_page in SITE_PAGES
            if saved_words_of(parsed[site_page.path]) != WORDS_IN[site_page.lang]["offline_saved"]] == []
    # An address the guide does not have: its "page not found" page.
    missing = page.goto("/no-such-page/")
    assert missing.status == 404
    expect(page.locator("article h1")).to_contain_text("cannot find that page")
    # Each language's plain pages open, and search: its worker and index
    # come from the cache too. (Each request is put down to the page last
    # asked for: what a page asks for after the next is asked for is put
    # down to the next, so the widget page comes after /es/ has finished.)
    opened, asked = [None], {}
    page.on("request", lambda request: asked.setdefault(opened[0], set()).add(urlsplit(request.url).path))
    for path, typed, found in (("/", "referral", ".md-search-result__item"),
                               ("/es/", "remisión", ".md-search-result__item a[href*='/es/']")):
        opened[0] = path
        response = page.goto(path)
        assert response.ok and response.from_service_worker, path
        expect(page.locator("article h1")).to_be_visible()
        expect(page.locator(CONNECTION_NOTE)).to_have_text(WORDS_IN[LANGUAGE_OF[path]]["offline_saved"])
        # Material says so once its search index is loaded (else a query is lost).
        expect(page.locator(".md-search-result__meta")).to_have_text(SEARCH_READY[path])
        page.locator("input.md-search__input").press_sequentially(typed)
        # Searching runs in a worker: slow on a busy machine, so a longer wait.
        expect(page.locator(found).first).to_be_visible(timeout=20000)
    # A widget page starts from the worker alone, asking for nothing its
    # page does not name beyond what a plain page of its language asked for.
    # On a phone, its note (the Spanish words are the longer) is still on
    # the first screen, above the title; back online, it goes.
    widget_page = next(site_page for site_page in SITE_PAGES if site_page.widget and site_page.lang != "en")
    page.set_viewport_size(PHONE)
    opened[0] = widget_page.path
    response = page.goto(widget_page.path)
    assert response.ok and response.from_service_worker
    expect(page.locator(CONNECTION_NOTE)).to_have_text(WORDS_IN[widget_page.lang]["offline_saved"])
    wait_ready(page, widget_page.widget)
    expect_near_the_top(page)
    assert asked[widget_page.path] - named[widget_page.path] - {widget_page.path} <= asked["/es/"]
    context.set_offline(False)
    expect(page.locator(CONNECTION_NOTE)).to_be_empty()
    # What the visitor saved is as it was; the worker asked only for the
    # site's files, plainly, and each request went through the origin guard.
    assert page.evaluate("keys => keys.map(k => localStorage.getItem(k))", list(SAVED)) == list(SAVED.values())
    listed = {site.origin + path for path in files}
    # The worker passes on a request it has no copy of (here, the unknown
    # page), and the browser checks the worker's own script for a new build.
    listed |= {site.origin + "/no-such-page/", site.origin + "/sw.js"}
    assert worker_requests
    for request in worker_requests:
        parts = urlsplit(request.url)
        assert request.method == "GET" and not parts.query and request.post_data is None, request.url
        assert request.url in listed, request.url
    seen = set(make_context.guards[context].seen)
    assert {request.url for request in worker_requests} <= seen


# When to save is decided in the page (docs/javascripts/offline.js: after the
# load event, then once every widget that is starting is ready or failed, then
# when idle), the same code for every page and language: one page without a
# widget, in English, and one widget page, in Spanish (the status in each
# language's words). (An English widget page too before: the same code and
# words as these two.)
SAVING_WAITS_ON = ["/about/", "/es/screener/"]
# A slow device, where the page hears that its worker is registered only
# after the worker has saved the guide and taken charge: the page must
# still say so. (On /about/; /es/screener/ keeps the usual order.)
LATE_REGISTRATION = """
const register = navigator.serviceWorker.register.bind(navigator.serviceWorker);
navigator.serviceWorker.register = (...args) => register(...args).then((registration) => new Promise((done) => {
  const worker = registration.installing || registration.waiting || registration.active;
  const activated = () => worker.state === "activated" && done(registration);
  worker.addEventListener("statechange", activated);
  activated();
}));
"""


@pytest.mark.parametrize("path", SAVING_WAITS_ON)
def test_saving_for_offline_waits_for_the_page(make_context, path):
    """The worker is registered, and fetches, only once the page has loaded
    and its widget (if any) is ready: nothing competes with the page itself.
    Then the page says, in its own language, that the guide is saved; on
    /about/ even when the page hears of its worker only once it has taken
    charge (LATE_REGISTRATION)."""
    context = make_context(service_workers="allow")
    first_fetch = []
    context.on("request", lambda request: request.service_worker and not first_fetch
               and first_fetch.append(request))
    page = context.new_page()
    page.add_init_script("""
      new MutationObserver(() => {
        const root = document.querySelector('[data-widget]');
        if (root && root.dataset.state === 'ready' && !window.__readyAt) window.__readyAt = performance.now();
      }).observe(document, {subtree: true, attributes: true, attributeFilter: ['data-state']});
    """)
    if path == "/about/":
        page.add_init_script(LATE_REGISTRATION)
    page.goto(path)
    assert (path in WIDGET_PAGES) == (path != "/about/"), "the build's pages changed: choose others"
    expect_status(page, WORDS_IN[LANGUAGE_OF[path]]["ready"])
    registered_after = page.evaluate(
        "Math.max(performance.getEntriesByType('navigation')[0].loadEventEnd, window.__readyAt || 0)")
    worker_script = page.evaluate(
        "performance.getEntriesByType('resource').filter(e => e.name.endsWith('/sw.js')).map(e => e.startTime)")
    assert first_fetch, "the worker fetched nothing"
    assert not worker_script or min(worker_script) >= registered_after


# ---- a new build --------------------------------------------------------------------


@pytest.fixture(scope="module")
def second_site(tmp_path_factory):
    """The site built again, by the real build, from a copy of the project
    with different words on a page and in the widgets' shared data."""
    copy = tmp_path_factory.mktemp("second-project")
    for name in ("docs", "overrides", "pyscript"):
        shutil.copytree(PROJECT / name, copy / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy2(PROJECT / "mkdocs.yml", copy / "mkdocs.yml")
    os.symlink(PROJECT / "node_modules", copy / "node_modules")
    about = copy / "docs" / "about.md"
    about.write_text(about.read_text(encoding="utf-8") + "\n" + SECOND_BUILD_NOTE + "\n", encoding="utf-8")
    words = copy / "pyscript" / "sog" / "words.json"
    data = json.loads(words.read_text(encoding="utf-8"))
    data["start"]["slow"] += " (second build)"
    words.write_text(json.dumps(data, indent=2), encoding="utf-8")
    return build_site(tmp_path_factory.mktemp("second-site"), project=copy)


class SwitchingHost:
    """One origin whose files switch from one build to another, as a host's do on deploy."""

    def __init__(self, folder, first):
        self.link = Path(folder) / "current"
        os.symlink(first, self.link)
        self.server = SiteServer(self.link)

    def deploy(self, build):
        new = self.link.with_name("next")
        os.symlink(build, new)
        os.replace(new, self.link)


def folders_in(site):
    return {path.name for path in (Path(site) / "assets" / "versioned").iterdir()}


# Each cache's files, by address, with the SHA-256 of what it holds (in the
# form the build writes in FILES: "sha256-<base64>").
CACHED_FILES = f"""
async () => {{
  const sha256 = {SHA256_OF};
  const held = {{}};
  for (const name of await caches.keys()) {{
    const cache = await caches.open(name);
    held[name] = {{}};
    for (const request of await cache.keys()) {{
      held[name][new URL(request.url).pathname] = await sha256(await (await cache.match(request)).arrayBuffer());
    }}
  }}
  return held;
}}
"""


def test_a_new_build_replaces_the_old_one_whole(make_context, built_site, second_site, tmp_path):
    """A new build, deployed while a visitor has the guide open, is fetched
    whole and waits: that tab keeps getting the old build (a page and a
    widget, though the host only has the new build's files); once no page of
    the old build is open, the next pages are the new build, and only the new
    cache is left. Each cache holds exactly its build's files for the
    visitor's language, each with its build's content (SHA-256), so every
    page of the guide (test_every_page_and_widget_opens_offline_after_one_visit:
    every page and every file a page names comes from the cache alone, and a
    widget starts from it) comes whole from one build; on each side, a widget
    page and every file it names, fetched through the worker, are each that
    build's (its SHA-256; the widget code's folders differ between the
    builds): the worker answers from the right one."""
    first_folders, second_folders = folders_in(built_site), folders_in(second_site)
    assert first_folders != second_folders, "the second build should change the widget code"
    first_files, second_files = worker_files(built_site, "en"), worker_files(second_site, "en")
    assert first_files != second_files
    host = SwitchingHost(tmp_path, built_site)
    with host.server as server:
        context = make_context(server=server, service_workers="allow")
        page = visit_and_save(context, "/")
        (first_cache,) = page.evaluate(CACHES)
        host.deploy(second_site)
        # The next page makes the browser look for a new worker: it finds
        # one, fetches the new build whole, and waits.
        page.goto("/about/")
        expect_status(page, WORDS["updated"])
        expect(page.locator("article")).not_to_contain_text(SECOND_BUILD_NOTE)
        held = page.evaluate(CACHED_FILES)
        second_cache = CACHE_PREFIX + worker_constant(second_site, "BUILD")
        assert set(held) == {first_cache, second_cache}
        assert held[first_cache] == first_files
        assert held[second_cache] == second_files
        # A widget page of this tab: the old build's page and widget code.
        old_widget = page_and_files(built_site, "/screener/")
        assert worker_answers(page, old_widget) == {path: (200, first_files[path]) for path in old_widget}
        page.close()
        # No page of the old build is open: the next one is the new build.
        page = context.new_page()
        page.goto("/about/")
        page.evaluate(ACTIVATED)
        expect(page.locator("article")).to_contain_text(SECOND_BUILD_NOTE)
        assert page.evaluate(CACHED_FILES) == {second_cache: second_files}
        new_widget = page_and_files(second_site, "/checklist/")
        assert worker_answers(page, new_widget) == {path: (200, second_files[path]) for path in new_widget}


# ---- the Pyodide setting ------------------------------------------------------------


@pytest.mark.parametrize("runtime", ["pyodide"], indirect=True)
def test_pyodide_leaves_its_large_files_until_used(make_context, site):
    """Pyodide's interpreter and standard library are too large to fetch ahead
    on a phone: the worker's list leaves them out, but keeps them once a page
    of the guide has used them, so that page then starts offline too.

    The page is a Spanish widget page that remembers, so its two starts also
    prove what only Pyodide's glue could break: Pyodide reads the other
    language's data (the widget starts quietly in Spanish and takes two
    changes from its own examples, driver.py, both saved), and a start brings
    saved work back (the offline reload shows both changes). It is the one
    Pyodide run of that widget (widgets/test_starting.py leaves its English
    page out)."""
    listed = worker_files(site.directory)
    large = [name for name in listed if name.endswith(("pyodide.asm.wasm", "python_stdlib.zip"))]
    assert not large
    assert any(name.endswith("pyodide.mjs") for name in listed)
    widget = another_language_widget()
    context = make_context(service_workers="allow")
    page = context.new_page()
    page_errors = []
    page.on("pageerror", lambda error: page_errors.append(str(error)))
    # A page without a widget, in the widget page's language, saves the
    # guide; the widget page is then the worker's, which keeps what it uses.
    page.goto("/es/about/")
    expect_status(page, SPANISH_WORDS["ready"])
    assert widget.path.startswith("/es/"), "choose a page of the language saved"
    page.goto(widget.path)
    assert page.evaluate("Boolean(navigator.serviceWorker.controller)")
    wait_ready(page, widget.name)
    expect_started_quietly(page, widget.name, "pyodide", page_errors)
    widget.make(page, "change")
    widget.make(page, "other_change")
    widget.expect_saved(page, "change", "other_change")
    context.set_offline(True)
    page.reload()
    wait_ready(page, widget.name)
    widget.expect_shows(page, "change")
    widget.expect_shows(page, "other_change")
    expect_started_quietly(page, widget.name, "pyodide", page_errors)
