"""Make sure a Chromium is there for the browser tests (`make test` runs this).

In order: CHROMIUM_PATH if set; Playwright's own Chromium if installed; a
system Chromium; else `playwright install chromium`; else, on Debian or Ubuntu
as root, the distribution's chromium package, with its headless shell where
the distribution has one (the tests run faster in it: tests/support/browser.py).
Prints what it chose.
"""

import os
import shutil
import subprocess
import sys

from playwright.sync_api import sync_playwright

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", ".."))
from tests.support.browser import executable_path  # noqa: E402


def found():
    try:
        with sync_playwright() as playwright:
            return executable_path(playwright, headless_shell=True) or playwright.chromium.executable_path
    except RuntimeError:
        return None


def run(command):
    print("+", " ".join(command), flush=True)
    return subprocess.run(command).returncode == 0


def main():
    chosen = found()
    if chosen:
        print(f"Chromium for tests: {chosen}")
        return 0
    if run([sys.executable, "-m", "playwright", "install", "chromium"]) and found():
        print(f"Chromium for tests: {found()}")
        return 0
    if shutil.which("apt-get") and hasattr(os, "geteuid") and os.geteuid() == 0:
        print("Playwright could not download its Chromium; installing the system package.")
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        subprocess.run(["apt-get", "update", "-q"], env=env)
        for packages in (["chromium", "chromium-headless-shell"], ["chromium"], ["chromium-browser"]):
            if subprocess.run(["apt-get", "install", "-y", "-q", *packages], env=env).returncode == 0:
                break
    chosen = found()
    if chosen:
        print(f"Chromium for tests: {chosen}")
        return 0
    print(
        "No Chromium for the browser tests. Install one (for example "
        "`sudo apt-get install chromium`) or set CHROMIUM_PATH.",
        file=sys.stderr,
    )
    return 1


if __name__ == "__main__":
    sys.exit(main())
