"""The builds of the site that one test run shares.

`mkdocs build --strict` takes 10 to 20 s on a busy machine; with pytest-xdist
every worker would build the same site again. So each variant (the
MicroPython build, the Pyodide one) is built once per run, by whichever
process asks first, under a file lock in a folder every process of the run
shares (xdist's documented pattern for session fixtures); the others wait for
it and read the same folder. A build that failed is not tried again: the
others get its error.

    folder = shared_site("pyodide")    # the built site, a Path

tests/conftest.py says where the run's folder is (set_run_folder); outside
pytest a temporary folder is used.
"""

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from filelock import FileLock

PROJECT = Path(__file__).resolve().parents[2]
RUNTIMES = ("micropython", "pyodide")
DEFAULT_RUNTIME = RUNTIMES[0]

_run_folder = None
_built = {}


class BuildFailed(AssertionError):
    """`mkdocs build --strict` failed (here or in another process of the run)."""


def build_site(target, runtime=DEFAULT_RUNTIME, project=PROJECT):
    """Build the site with `mkdocs build --strict` into target (from a copy
    of the project, if given one)."""
    env = dict(os.environ, GUIDE_PYTHON_RUNTIME=runtime, NO_MKDOCS_2_WARNING="1")
    completed = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(target)],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
    )
    if completed.returncode != 0:
        raise BuildFailed("mkdocs build --strict failed:\n" + completed.stdout + completed.stderr)
    return Path(target)


def set_run_folder(folder):
    """Where this run's shared builds go (the same folder in every xdist worker)."""
    global _run_folder
    _run_folder = Path(folder)


def run_folder():
    global _run_folder
    if _run_folder is None:
        _run_folder = Path(tempfile.mkdtemp(prefix="sog-site-builds-"))
    return _run_folder


def shared_site(runtime=DEFAULT_RUNTIME):
    """The site built with this runtime: built once per test run, whichever
    process asks first; the others wait for it."""
    if runtime not in RUNTIMES:
        raise ValueError(f"unknown runtime {runtime!r}: one of {RUNTIMES}")
    if runtime not in _built:
        _built[runtime] = _build_once(run_folder() / f"site-{runtime}", runtime)
    found = _built[runtime]
    if isinstance(found, BuildFailed):
        raise found
    return found


def _build_once(folder, runtime):
    done, failed = folder.with_name(folder.name + ".done"), folder.with_name(folder.name + ".failed")
    with FileLock(str(folder) + ".lock"):
        if failed.exists():
            return BuildFailed(failed.read_text(encoding="utf-8"))
        if not done.exists():
            # A folder without its .done mark is a build that was cut short.
            shutil.rmtree(folder, ignore_errors=True)
            try:
                build_site(folder, runtime)
            except BuildFailed as error:
                failed.write_text(str(error), encoding="utf-8")
                return error
            done.touch()
    return folder
