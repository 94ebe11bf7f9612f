"""Which Chromium the browser tests and the benchmark launch.

Playwright's own Chromium when `playwright install chromium` has put it
there (Playwright then runs headless pages in its lighter headless shell);
otherwise a system one. A headless launch prefers the system's headless
shell (Debian's `chromium-headless-shell`, the same build Playwright uses):
measured on the widget suite, it starts a context in a third of the time and
the whole file ran in 49 s instead of 82 s. A launch with a window, and
Lighthouse, need the full browser (`chromium`). Set CHROMIUM_PATH to choose
one yourself.
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
    # No host name resolves (127.0.0.1, where the tests serve the site, is
    # left alone): a request for another site fails here, never
    # leaving the machine (the tests' origin guard records it: tests/e2e/guards.py).
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
]

SYSTEM_CANDIDATES = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"]
SYSTEM_HEADLESS_SHELLS = ["chromium-headless-shell"]


def executable_path(playwright, headless_shell=False):
    """The Chromium to launch, or None for Playwright's bundled one; with
    headless_shell, a system headless shell if there is one."""
    chosen = os.environ.get("CHROMIUM_PATH")
    if chosen:
        return chosen
    bundled = playwright.chromium.executable_path
    if bundled and Path(bundled).exists():
        return None
    for name in (SYSTEM_HEADLESS_SHELLS if headless_shell else []) + SYSTEM_CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    raise RuntimeError(
        "No Chromium found. Run `make test` (it installs one), "
        "or set CHROMIUM_PATH to a Chromium or Chrome binary."
    )


def launch(playwright, extra_args=(), **options):
    """Launch Chromium (headless unless headless=False) with this project's
    flags, and extra_args after them."""
    headless = options.get("headless", True)
    return playwright.chromium.launch(
        executable_path=executable_path(playwright, headless_shell=headless),
        args=LAUNCH_ARGS + list(extra_args), **options,
    )
