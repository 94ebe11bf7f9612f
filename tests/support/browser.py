"""Which Chromium the browser tests and the benchmark launch.

Playwright's own Chromium when `playwright install chromium` has put it
there; otherwise a system Chromium (Debian's /usr/bin/chromium). Set
CHROMIUM_PATH to choose one yourself.
"""

import os
import shutil
from pathlib import Path

# Flags that keep a headless Chromium quiet and inside this machine: no
# background calls home, no sandbox (containers often run tests as root).
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]

SYSTEM_CANDIDATES = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"]


def executable_path(playwright):
    """The Chromium to launch, or None for Playwright's bundled one."""
    chosen = os.environ.get("CHROMIUM_PATH")
    if chosen:
        return chosen
    bundled = playwright.chromium.executable_path
    if bundled and Path(bundled).exists():
        return None
    for name in SYSTEM_CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    raise RuntimeError(
        "No Chromium found. Run `make test` (it installs one), "
        "or set CHROMIUM_PATH to a Chromium or Chrome binary."
    )


def launch(playwright, **options):
    """Launch headless Chromium with this project's flags."""
    return playwright.chromium.launch(
        executable_path=executable_path(playwright), args=LAUNCH_ARGS, **options
    )
