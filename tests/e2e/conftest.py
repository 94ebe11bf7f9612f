"""Browser fixtures: the built site on localhost, Chromium, and guards that
fail any test whose page asks for anything from another origin or breaks the
site's Content-Security-Policy."""

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import sync_playwright

from tests.conftest import build_site
from tests.e2e.policy_violations import PolicyViolations
from tests.support.browser import launch
from tests.support.server import SiteServer

# Generous, because a cold Pyodide start on a busy 2-core machine is slow;
# Playwright returns as soon as the condition holds, so passing tests stay fast.
DEFAULT_TIMEOUT_MS = 20000

def pytest_collection_modifyitems(items):
    for item in items:
        if "/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def site(built_site):
    """The MicroPython build, served on a free localhost port."""
    with SiteServer(built_site) as server:
        yield server


@pytest.fixture(scope="session")
def pyodide_site(tmp_path_factory):
    """The same site built with the Pyodide setting, served."""
    with SiteServer(build_site(tmp_path_factory.mktemp("pyodide-site"), runtime="pyodide")) as server:
        yield server


@pytest.fixture(scope="session")
def playwright():
    with sync_playwright() as playwright:
        yield playwright


@pytest.fixture(scope="session")
def browser(playwright):
    browser = launch(playwright)
    yield browser
    browser.close()


class OriginGuard:
    """Aborts and records every request that leaves the site's origin."""

    def __init__(self, origin):
        self.origin = origin
        self.blocked = []

    def __call__(self, route):
        url = route.request.url
        parts = urlsplit(url)
        if f"{parts.scheme}://{parts.netloc}" == self.origin or parts.scheme in ("data", "blob"):
            route.continue_()
        else:
            self.blocked.append(url)
            route.abort()


@pytest.fixture
def make_context(browser, site):
    """Factory for browser contexts guarded against off-origin requests.

    Every context made here is checked at teardown: any request to another
    origin, or any Content-Security-Policy violation, fails the test, whatever
    else the test asserts. A test that expects violations takes them first
    with make.violations[context].take().
    """
    made = []

    def make(server=None, **options):
        server = server or site
        context = browser.new_context(base_url=server.origin, **options)
        context.set_default_timeout(DEFAULT_TIMEOUT_MS)
        guard = OriginGuard(server.origin)
        context.route("**/*", guard)
        make.violations[context] = PolicyViolations(context)
        made.append((context, guard, make.violations[context]))
        return context

    make.violations = {}
    yield make
    leaks, violations = [], []
    for context, guard, seen in made:
        leaks.extend(guard.blocked)
        violations.extend(seen.take())
        context.close()
    assert not leaks, f"requests left the site's origin: {leaks}"
    assert not violations, f"the Content-Security-Policy blocked something: {violations}"


@pytest.fixture
def context(make_context):
    return make_context()


@pytest.fixture
def page(context):
    return context.new_page()
