"""A virtual screen (Xvfb) for benchmarks that need Chromium to draw frames
as a real screen would. Yields the DISPLAY to use, or None where Xvfb is
not installed (`apt-get install xvfb`)."""

import contextlib
import shutil
import subprocess
import time
from pathlib import Path


@contextlib.contextmanager
def virtual_screen():
    xvfb = shutil.which("Xvfb")
    if xvfb is None:
        yield None
        return
    number = next(n for n in range(99, 200) if not Path(f"/tmp/.X11-unix/X{n}").exists())
    process = subprocess.Popen([xvfb, f":{number}", "-screen", "0", "1280x1024x24", "-nolisten", "tcp"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        # Xvfb makes its socket when it is ready to take windows.
        deadline = time.monotonic() + 10
        while not Path(f"/tmp/.X11-unix/X{number}").exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        yield f":{number}"
    finally:
        process.terminate()
        process.wait()
