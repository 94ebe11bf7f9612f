"""Fixtures and hooks shared by every test folder.

The run's builds of the site live in one folder that every pytest-xdist
worker shares (tests/support/site_builds.py): the controller makes it and
hands it to each worker; each build is made once, by the first worker that
needs it.
"""

import re
import shutil
import tempfile

import pytest
from _pytest.mark.expression import Expression
from sitebuild import page_titles

from tests.content.grade_summary import GradeSummary
from tests.support import site_builds, xdist_groups
from tests.support.site_builds import PROJECT, build_site  # noqa: F401 - other test modules import these

SHARED_SOURCES = PROJECT.parent / "shared" / "sources"
E2E = PROJECT / "tests" / "e2e"
RUN_FOLDER = "sog_run_folder"  # the key in xdist's workerinput
_OWN_RUN_FOLDER = pytest.StashKey[str]()


def pytest_configure(config):
    # pages.json is written per build from the nav (sitebuild/page_titles.py);
    # tests that read the package without building get the same file.
    page_titles.write(page_titles.from_mkdocs_yml())
    workerinput = getattr(config, "workerinput", None)
    if workerinput is not None:
        site_builds.set_run_folder(workerinput[RUN_FOLDER])
    else:
        # The one pytest process, or xdist's controller: it owns the folder.
        folder = tempfile.mkdtemp(prefix="sog-tests-")
        config.stash[_OWN_RUN_FOLDER] = folder
        site_builds.set_run_folder(folder)
        config.pluginmanager.register(GradeSummary(), "sog-grade-summary")


def _selects_no_browser_test(config):
    """True when -m leaves out every browser test (`make check`'s "not
    browser"): every test under tests/e2e/ is marked `browser`, and may be
    marked `timing` too."""
    markexpr = config.getoption("markexpr", "")
    if not markexpr:
        return False
    expression = Expression.compile(markexpr)
    return not any(expression.evaluate(lambda name, marks=marks, **_: name in marks)
                   for marks in ({"browser"}, {"browser", "timing"}))


def pytest_ignore_collect(collection_path, config):
    # Collecting the browser tests builds the site (tests/e2e/site_pages.py
    # reads the pages from the build): not worth 15 s when -m leaves them out.
    if collection_path.is_relative_to(E2E) and _selects_no_browser_test(config):
        return True
    return None


@pytest.hookimpl(optionalhook=True)
def pytest_configure_node(node):
    """xdist: tell each worker where the run's builds are."""
    node.workerinput[RUN_FOLDER] = str(site_builds.run_folder())


def pytest_unconfigure(config):
    folder = config.stash.get(_OWN_RUN_FOLDER, None)
    if folder:
        shutil.rmtree(folder, ignore_errors=True)


# ---- which tests pytest-xdist keeps together (--dist loadgroup) --------------------

# Tests that share an expensive start, or that must not run beside each other,
# go to one worker as one unit:
# - "runtimes": the parity tests, which start MicroPython and Pyodide under
#   Node once per process;
# - "vnu": the Nu Html Checker, one Java run over the whole site;
# - "pyodide": the browser tests of the Pyodide build (each start is seconds
#   of CPU; only that worker builds it);
# - "offline": the service worker's tests (marked `timing`: they wait on
#   background work) and the test that builds a second site;
# - each page of a module-scoped page fixture named in SHARED_PAGE_FIXTURES:
#   the read-only checks that share one started page (tests/e2e/visits.py).
# The first four are the longest, so they are handed out first (in this
# order) and the quick single tests last (xdist_groups.work_order): no worker
# is left alone with a long group at the end of the run.
PYODIDE, OFFLINE = "pyodide", "offline"
LONG_GROUPS = (PYODIDE, OFFLINE, "runtimes", "vnu")
SHARED_PAGE_FIXTURES = ("visit", "first_start", "any_page")
SECOND_BUILD_FIXTURES = {"second_site"}


def _uses_pyodide(item):
    """A test of the Pyodide build (the runtime fixture's parameter, or a shared page's)."""
    params = item.callspec.params.values() if hasattr(item, "callspec") else ()
    return any(value == "pyodide" or (isinstance(value, tuple) and "pyodide" in value) for value in params)


def xdist_group(item):
    """The group an item runs in under --dist loadgroup, or None (any worker)."""
    path = item.path.as_posix()
    if "/tests/runtimes/" in path:
        return "runtimes"
    if path.endswith("/tests/content/test_html_valid.py"):
        return "vnu"
    if "/tests/e2e/" in path and _uses_pyodide(item):
        return PYODIDE
    if SECOND_BUILD_FIXTURES & set(item.fixturenames) or item.get_closest_marker("timing"):
        return OFFLINE
    for name in SHARED_PAGE_FIXTURES:
        if hasattr(item, "callspec") and name in item.callspec.params:
            # xdist reads the group after the last "@" past the last "]".
            return name + ":" + re.sub(r"[^\w/.:-]+", "-", str(item.callspec.params[name]))
    return None


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items):
    for item in items:
        group = xdist_group(item)
        if group:
            item.add_marker(pytest.mark.xdist_group(group))


@pytest.hookimpl(tryfirst=True)
def pytest_collection_finish(session):
    # In an xdist worker, before it reports its collection to the controller:
    # the groups, for GroupScheduling (xdist_groups.py says why).
    workerinput = getattr(session.config, "workerinput", None)
    if workerinput is not None:
        xdist_groups.write_groups(session.items, site_builds.run_folder(), workerinput["workerid"])


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config, log):
    if config.getvalue("dist") == "loadgroup":
        return xdist_groups.GroupScheduling(config, log, site_builds.run_folder(), LONG_GROUPS)
    return None


@pytest.fixture(scope="session")
def built_site():
    """The site as `make build` makes it (MicroPython runtime), built once per run."""
    return site_builds.shared_site("micropython")


@pytest.fixture(scope="session")
def shared_sources():
    """The source articles beside the project; skip where they are absent."""
    if not SHARED_SOURCES.is_dir():
        pytest.skip(
            f"../shared/sources is not beside the project ({SHARED_SOURCES}); "
            "it exists only in the team's workspace and CI"
        )
    return SHARED_SOURCES
