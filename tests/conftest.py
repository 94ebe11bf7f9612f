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
from sitebuild import page_titles

from tests.content.grade_summary import GradeSummary
from tests.support import site_builds, xdist_groups
from tests.support.site_builds import PROJECT, build_site  # noqa: F401 - other test modules import these

SHARED_SOURCES = PROJECT.parent / "shared" / "sources"
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
# - "builds-and-timing": the Pyodide build's tests (each start is seconds of
#   CPU), tests that build a second site, and tests marked `timing`;
# - each page of a module-scoped page fixture named in SHARED_PAGE_FIXTURES:
#   the read-only checks that share one started page (tests/e2e/visits.py).
SLOW_TOGETHER = "builds-and-timing"
SHARED_PAGE_FIXTURES = ("visit", "first_start", "any_page")
SECOND_BUILD_FIXTURES = {"pyodide_site", "second_site"}


def _uses_pyodide(item):
    params = item.callspec.params.values() if hasattr(item, "callspec") else ()
    return "pyodide_site" in item.fixturenames or any(
        value == "pyodide" or (isinstance(value, tuple) and "pyodide" in value) for value in params
    )


def xdist_group(item):
    """The group an item runs in under --dist loadgroup, or None (any worker)."""
    path = item.path.as_posix()
    if "/tests/runtimes/" in path:
        return "runtimes"
    if path.endswith("/tests/content/test_html_valid.py"):
        return "vnu"
    if _uses_pyodide(item) or SECOND_BUILD_FIXTURES & set(item.fixturenames) or item.get_closest_marker("timing"):
        return SLOW_TOGETHER
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
        return xdist_groups.GroupScheduling(config, log, site_builds.run_folder())
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
