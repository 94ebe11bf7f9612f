"""Unit tests for overrides/sitebuild/caching.py: how long browsers may keep
each file.

- is_immutable: the versioned runtime folders and Material's hashed files,
  nothing else (pages, our own unversioned scripts and stylesheets).
- file_rules: the service worker and the manifest are asked for again each
  time; everything under assets/versioned/ and each hashed file found in
  the site is kept a year; one rule per path.
"""

import pytest
from sitebuild import caching, runtime_files


@pytest.mark.parametrize("relative, immutable", [
    (runtime_files.VERSIONED + "/pyscript-0123456789/core.js", True),
    (runtime_files.VERSIONED + "/widgets-0123456789/sog/words.json", True),
    ("assets/javascripts/bundle.a5f9d56c.min.js", True),
    ("assets/stylesheets/main.57a0d79d.min.css", True),
    ("assets/javascripts/workers/search.a7633da7.min.js", True),
    ("index.html", False),
    ("about/index.html", False),
    ("javascripts/offline.js", False),
    ("stylesheets/site.css", False),
    ("sw.js", False),
    ("assets/javascripts/lunr/min/lunr.de.min.js", False),
    ("search/search_index.json", False),
])
def test_is_immutable(relative, immutable):
    assert caching.is_immutable(relative) is immutable


def test_file_rules(tmp_path):
    for relative in ["assets/javascripts/bundle.a5f9d56c.min.js", "assets/javascripts/bundle.a5f9d56c.min.js.map",
                     "stylesheets/site.css", "index.html", "sw.js",
                     runtime_files.VERSIONED + "/pyscript-0123456789/core-C9KDLldu.js"]:
        path = tmp_path / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x", encoding="utf-8")
    rules = caching.file_rules(tmp_path)
    assert rules == [
        ("/sw.js", caching.NO_CACHE),
        ("/manifest.webmanifest", caching.NO_CACHE),
        ("/" + runtime_files.VERSIONED + "/*", caching.IMMUTABLE),
        ("/assets/javascripts/bundle.a5f9d56c.min.js", caching.IMMUTABLE),
    ]
    assert len({path for path, _ in rules}) == len(rules)
