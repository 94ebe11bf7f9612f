"""Fixtures shared by every test folder."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[1]
SHARED_SOURCES = PROJECT.parent / "shared" / "sources"


def build_site(target, runtime="micropython", project=PROJECT):
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
        raise AssertionError("mkdocs build --strict failed:\n" + completed.stdout + completed.stderr)
    return Path(target)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory):
    """The site as `make build` makes it (MicroPython runtime), built once per run."""
    return build_site(tmp_path_factory.mktemp("site"))


@pytest.fixture(scope="session")
def shared_sources():
    """The source articles beside the project; skip where they are absent."""
    if not SHARED_SOURCES.is_dir():
        pytest.skip(
            f"../shared/sources is not beside the project ({SHARED_SOURCES}); "
            "it exists only in the team's workspace and CI"
        )
    return SHARED_SOURCES
