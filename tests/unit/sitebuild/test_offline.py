"""Unit tests for overrides/sitebuild/offline.py: the service worker's file list.

- address: pages by the address a browser asks for.
- integrity: the Subresource Integrity value of a file's bytes.
- file_list: every file a page may load, but no source map, _headers,
  sitemap, the worker itself or search in other languages; files over
  LARGE_BYTES are listed apart, not fetched ahead; hashed names are marked
  immutable (caching.is_immutable).
- build_id changes with any file's content; worker_source puts BUILD and
  FILES in front of the template, as valid JSON.
"""

import base64
import hashlib
import json
import re

import pytest
from sitebuild import caching, offline, runtime_files

SITE = {
    "index.html": "home",
    "about/index.html": "about",
    "404.html": "missing",
    "search/search_index.json": "{}",
    "assets/javascripts/bundle.a5f9d56c.min.js": "bundle",
    "assets/javascripts/bundle.a5f9d56c.min.js.map": "{}",
    "assets/javascripts/lunr/min/lunr.de.min.js": "de",
    runtime_files.VERSIONED + "/pyodide-0123456789/pyodide.asm.wasm": "big",
    runtime_files.VERSIONED + "/widgets-0123456789/sog/words.json": "{}",
    "_headers": "/*",
    "sitemap.xml": "<urlset/>",
    "sitemap.xml.gz": "gz",
    "sw.js": "old worker",
    "manifest.webmanifest": "{}",
}


@pytest.fixture
def site(tmp_path, monkeypatch):
    for relative, text in SITE.items():
        path = tmp_path / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    (tmp_path / runtime_files.VERSIONED / "pyodide-0123456789" / "pyodide.asm.wasm").write_bytes(b"x" * 100)
    monkeypatch.setattr(offline, "LARGE_BYTES", 50)
    return tmp_path


@pytest.mark.parametrize("relative, expected", [
    ("index.html", "./"), ("about/index.html", "about/"), ("404.html", "404.html"),
    ("assets/favicon.svg", "assets/favicon.svg"),
])
def test_address(relative, expected):
    assert offline.address(relative) == expected


def test_integrity(tmp_path):
    path = tmp_path / "f"
    path.write_bytes(b"alert(1)")
    assert offline.integrity(path) == "sha256-" + base64.b64encode(hashlib.sha256(b"alert(1)").digest()).decode()


def test_file_list(site):
    files, large = offline.file_list(site)
    assert sorted(address for address, _, _ in files) == [
        "./", "404.html", "about/", "assets/javascripts/bundle.a5f9d56c.min.js",
        runtime_files.VERSIONED + "/widgets-0123456789/sog/words.json", "manifest.webmanifest",
        "search/search_index.json",
    ]
    assert large == [runtime_files.VERSIONED + "/pyodide-0123456789/pyodide.asm.wasm"]
    by_address = {address: (value, immutable) for address, value, immutable in files}
    assert by_address["about/"] == (offline.integrity(site / "about" / "index.html"), False)
    assert by_address["assets/javascripts/bundle.a5f9d56c.min.js"][1] is True
    assert by_address[runtime_files.VERSIONED + "/widgets-0123456789/sog/words.json"][1] is True


def test_build_id_follows_the_content(site):
    files, _ = offline.file_list(site)
    first = offline.build_id(files)
    assert re.fullmatch(r"[0-9a-f]{12}", first)
    assert offline.build_id(offline.file_list(site)[0]) == first
    (site / "about" / "index.html").write_text("about, reworded", encoding="utf-8")
    assert offline.build_id(offline.file_list(site)[0]) != first


def test_write_worker(site):
    build, files, large = offline.write_worker(site)
    source = (site / caching.SERVICE_WORKER).read_text(encoding="utf-8")
    assert json.loads(re.search(r"^const BUILD = (.*);$", source, re.M).group(1)) == build
    assert json.loads(re.search(r"^const FILES = (.*);$", source, re.M).group(1)) == files
    assert source.endswith(offline.WORKER_TEMPLATE.read_text(encoding="utf-8"))
    # Written again over the built site, it still does not list itself.
    assert offline.write_worker(site)[0] == build


def test_worker_template_uses_what_the_build_writes():
    """The template reads BUILD, FILES and PAGE_LANGUAGES and defines none itself."""
    template = offline.WORKER_TEMPLATE.read_text(encoding="utf-8")
    code = re.sub(r"/\*.*?\*/|//[^\n]*", "", template, flags=re.S)
    assert "BUILD" in code and "FILES" in template
    assert "PAGE_LANGUAGES" in code
    assert not re.search(r"\b(const|let|var)\s+(BUILD|FILES|PAGE_LANGUAGES)\b", template)
    assert "skipWaiting" not in code, "a new build must wait until no page of the old one is open"
    assert "localStorage" not in code and "clients.claim" not in code


def test_page_languages():
    """Each page's language by its address (the default language's pages at the
    root, another's under its folder), and each language's own files (its
    search index, its 404 page); files every page shares are left out."""
    files = [["./", "x", False], ["about/", "x", False], ["es/", "x", False], ["es/about/", "x", False],
             ["404.html", "x", False], ["search/search_index.json", "x", False],
             ["es/404.html", "x", False], ["es/search/search_index.json", "x", False], ["sw.js", "x", False]]
    assert offline.page_languages(files, ["en", "es"]) == {
        "./": "en", "about/": "en", "es/": "es", "es/about/": "es",
        "search/search_index.json": "en", "es/404.html": "es", "es/search/search_index.json": "es",
    }


def test_worker_source_names_each_page_language(site):
    files, _ = offline.file_list(site)
    source = offline.worker_source(files, ["en", "es"])
    languages = json.loads(re.search(r"^const PAGE_LANGUAGES = (.*);$", source, re.M).group(1))
    assert languages == {"./": "en", "about/": "en", "search/search_index.json": "en"}
