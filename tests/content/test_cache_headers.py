"""How long browsers may keep each built file: site/_headers and the README's
nginx snippet say the same (overrides/sitebuild/caching.py).

- Every file gets at most one Cache-Control from _headers (hosts send every
  matching rule's headers; two would contradict each other).
- Pages (by every address they answer), the service worker and the manifest:
  no-cache. Files named after their content (assets/versioned/, Material's
  hashed files): a year, immutable. Anything else: the host's default.
- The README's nginx map gives every path the same value as _headers.
"""

import re

import pytest
from sitebuild import caching

from tests.support import headers_file

from .htmlpages import PROJECT


@pytest.fixture(scope="module")
def rules(built_site):
    return headers_file.read(built_site / "_headers")


def request_paths(built_site):
    """(request path, file relative to the site) for every file, pages by every address."""
    found = []
    for path in sorted(built_site.rglob("*")):
        if not path.is_file():
            continue
        relative = path.relative_to(built_site).as_posix()
        found.append(("/" + relative, relative))
        if relative.endswith("index.html"):
            found.append(("/" + relative.removesuffix("index.html"), relative))
    return found


def expected(relative):
    if relative.endswith(".html") or relative in (caching.SERVICE_WORKER, caching.MANIFEST):
        return caching.NO_CACHE
    if caching.is_immutable(relative):
        return caching.IMMUTABLE
    return None


def cache_control(rules, request_path):
    values = [value for name, value in headers_file.headers_for(rules, request_path) if name == "Cache-Control"]
    assert len(values) <= 1, f"{request_path}: {values}"
    return values[0] if values else None


def test_every_file_gets_its_cache_rule(built_site, rules):
    paths = request_paths(built_site)
    assert any(relative.startswith("assets/versioned/") for _, relative in paths)
    for request_path, relative in paths:
        if relative == "_headers":
            continue
        assert cache_control(rules, request_path) == expected(relative), request_path


def nginx_map():
    """The README's nginx map as [(compiled regex, value)] and its default."""
    readme = (PROJECT / "README.md").read_text(encoding="utf-8")
    (snippet,) = re.findall(r"```nginx\n(.*?)```", readme, re.DOTALL)
    body = re.search(r"map \$uri \$guide_cache_control \{\n(.*?)\n\s*\}\n", snippet, re.DOTALL).group(1)
    entries, default = [], None
    for line in body.strip().splitlines():
        key, value = re.match(r'\s*(\S+)\s+"([^"]*)";', line).groups()
        if key == "default":
            default = value
        else:
            entries.append((re.compile(key.removeprefix("~")), value))
    assert "add_header Cache-Control $guide_cache_control always;" in snippet
    return entries, default


def test_readme_nginx_map_agrees_with_the_headers_file(built_site, rules):
    entries, default = nginx_map()
    for request_path, relative in request_paths(built_site):
        if relative == "_headers":
            continue
        # nginx takes the first regular expression that matches, in order.
        value = next((value for pattern, value in entries if pattern.search(request_path)), default)
        assert (value or None) == cache_control(rules, request_path), request_path
