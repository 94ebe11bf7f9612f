"""pages.json, the page titles "Read more" links name, from the nav.

Every page in the build's nav gets its address (as the widgets link to it:
"pathology/") and its own title (the `title` of its front matter, else the
nav's label), so a page added to the nav is titled with no other edit, and
a build from another nav (the Spanish guide) titles its own pages. The
home page is no "Read more" target and is left out.

The build writes the file into the sog package (pyscript/sog/pages.json,
not kept in git) before it renders any widget or ships the package, and
only when its text changes, so `mkdocs serve`, which watches pyscript/,
does not build again for nothing. The tests write it the same way
(tests/conftest.py), so every runtime reads it as the browser does.
"""

import json
import os
import tempfile
from pathlib import Path

import yaml
from mkdocs.utils import meta

PROJECT = Path(__file__).resolve().parents[2]
PAGES_JSON = PROJECT / "pyscript" / "sog" / "pages.json"
VERSION = 1


def _pages(nav):
    """(label or None, Markdown path) for every page of a nav config, in order."""
    for entry in nav or []:
        if isinstance(entry, str):
            yield None, entry
        elif isinstance(entry, dict):
            for label, value in entry.items():
                if isinstance(value, str):
                    yield label, value
                else:
                    yield from _pages(value)


def address(path):
    """A Markdown path's address with directory URLs: "a.md" -> "a/",
    "part/index.md" -> "part/", "index.md" -> ""."""
    stem = path[:-3] if path.endswith(".md") else path
    if stem == "index" or stem.endswith("/index"):
        return stem[:-len("index")]
    return stem + "/"


def titles(nav, docs_dir):
    """{"version": 1, "titles": {address: title}} for every page of the nav
    but the home page. External links in the nav are skipped."""
    found = {}
    for label, path in _pages(nav):
        if "://" in path or not path.endswith(".md"):
            continue
        href = address(path)
        if not href:
            continue
        _, front = meta.get_data((Path(docs_dir) / path).read_text(encoding="utf-8"))
        title = str(front.get("title") or label or "").strip()
        if not title:
            raise ValueError(f"{path}: no title in its front matter or the nav")
        found[href] = title
    return {"version": VERSION, "titles": found}


def text_of(data):
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def write(data, target=PAGES_JSON):
    """Write pages.json if its text changed (atomically: test workers may
    write it at once). Returns whether it wrote."""
    text = text_of(data)
    target = Path(target)
    if target.is_file() and target.read_text(encoding="utf-8") == text:
        return False
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".pages-", suffix=".json")
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        out.write(text)
    os.replace(temporary, target)
    return True


def from_mkdocs_yml(config_file=PROJECT / "mkdocs.yml"):
    """The titles of the project's own nav, read without building (for the
    tests). The nav holds plain strings, so mkdocs.yml's !ENV tags elsewhere
    are read as nothing."""

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    config = yaml.load(Path(config_file).read_text(encoding="utf-8"), Loader=Loader)
    docs = Path(config_file).parent / config.get("docs_dir", "docs")
    return titles(config["nav"], docs)
