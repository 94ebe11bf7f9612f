"""Browser fixtures: the built site on localhost, Chromium, and guards that
fail any test whose page asks for anything from another origin or breaks the
site's Content-Security-Policy.

The site under test is a parameter: `site` serves the MicroPython build
unless a test asks for another runtime, the way FastAPI's tutorial tests run
one test over every variant:

    @pytest.mark.parametrize("runtime", RUNTIMES, indirect=True)
    def test_something(page): ...       # runs once per runtime

Each build is made once per test run (tests/support/site_builds.py), and
the pages to test are read from it (site_pages.py).
"""

import pytest
from playwright.sync_api import expect, sync_playwright

from tests.e2e.guards import DEFAULT_TIMEOUT_MS, GuardedContexts  # noqa: F401 - tests import the timeout
from tests.e2e.visits import Visit
from tests.support import headers_file, site_builds
from tests.support.browser import launch
from tests.support.server import SiteServer

RUNTIMES = site_builds.RUNTIMES

# expect() waits up to 5 s by default, whatever the context's timeout: too
# short on a 2-core machine shared with other test runs (a service worker
# saving the guide, a second build's worker taking over). A passing check
# returns as soon as it holds, so only a failure waits longer.
expect.set_options(timeout=DEFAULT_TIMEOUT_MS)


def pytest_collection_modifyitems(items):
    for item in items:
        if "/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


class SiteServers:
    """Each build of the site, served on first use and kept until the run ends."""

    def __init__(self):
        self.servers = {}

    def serve(self, runtime=site_builds.DEFAULT_RUNTIME, with_headers=False):
        key = (runtime, with_headers)
        if key not in self.servers:
            folder = site_builds.shared_site(runtime)
            headers = None
            if with_headers:
                rules = headers_file.read(folder / "_headers")
                headers = lambda path: headers_file.headers_for(rules, path)  # noqa: E731
            server = SiteServer(folder, headers=headers).__enter__()
            server.runtime = runtime
            self.servers[key] = server
        return self.servers[key]

    def close(self):
        for server in self.servers.values():
            server.__exit__(None, None, None)


@pytest.fixture(scope="session")
def sites():
    servers = SiteServers()
    yield servers
    servers.close()


@pytest.fixture(scope="session")
def runtime(request):
    """The Python runtime of the site under test: MicroPython, or the one a
    test asks for with parametrize("runtime", [...], indirect=True)."""
    return getattr(request, "param", site_builds.DEFAULT_RUNTIME)


@pytest.fixture(scope="session")
def site(sites, runtime):
    """The build for this test's runtime, served on a free localhost port."""
    return sites.serve(runtime)


@pytest.fixture(scope="session")
def headers_site(sites):
    """The MicroPython build served as Netlify or Cloudflare Pages serve it,
    with the headers in its site/_headers (each page's policy sent twice)."""
    return sites.serve(with_headers=True)


@pytest.fixture(scope="session")
def playwright():
    with sync_playwright() as playwright:
        yield playwright


# The tests' own flag: WebAssembly compiled once, by V8's baseline compiler
# (Liftoff), never again in the background by its optimising one. What runs
# is the same; only its speed differs, and the tests time nothing that
# depends on it. Measured: a Pyodide start took 1.0 s less CPU (4.8 s against
# 3.7 s, three pairs); a MicroPython start, no difference. The benchmarks
# (benchmarks/) keep the browser's defaults, as a visitor's browser has them.
TEST_ONLY_ARGS = ["--js-flags=--liftoff-only"]


@pytest.fixture(scope="session")
def browser(playwright):
    browser = launch(playwright, TEST_ONLY_ARGS)
    yield browser
    browser.close()


@pytest.fixture
def make_context(browser, site):
    """Factory for browser contexts guarded against off-origin requests
    (guards.GuardedContexts): make_context(server=None, **options).

    Every context made here is checked at teardown: any request to another
    origin, or any Content-Security-Policy violation, fails the test, whatever
    else the test asserts. A test that expects violations takes them first
    with make_context.violations[context].take().
    """
    make = GuardedContexts(browser, site)
    yield make
    make.close_and_check()


@pytest.fixture
def context(make_context):
    return make_context()


@pytest.fixture
def page(context):
    return context.new_page()


@pytest.fixture(scope="module")
def start_once(browser, site):
    """Factory for pages started once per test module, for read-only tests:
    start_once(path, widget=None, **context options) returns a visits.Visit
    (its .page, and what the page reported while it started), the same one
    for the same arguments. A widget's read-only tests (a live region, target
    sizes, what the first view shows) can share one start this way instead of
    starting Python for each; a test that changes the page or its storage
    needs its own (the page fixture). Every page is checked for off-origin
    requests and policy violations when the module ends."""
    started = {}

    def start(path, widget=None, **options):
        key = (path, widget, repr(sorted(options.items())))
        if key not in started:
            started[key] = Visit(browser, site, path, widget, **options)
        return started[key]

    yield start
    for visit in started.values():
        visit.contexts.close_and_check()
