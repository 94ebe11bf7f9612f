"""Every built page carries the site's Content-Security-Policy, and the
_headers file and the README's nginx snippet say the same.

- Each HTML file has the policy and the no-referrer policy as <meta> tags
  right after <meta charset>, before anything the policy must govern.
- Every inline script that runs is allowed by its hash, and nothing else
  inline is: no 'unsafe-inline', no 'unsafe-eval'.
- 'wasm-unsafe-eval' appears exactly on the pages whose front matter names
  a widget.
- site/_headers sends each page's policy, plus frame-ancestors 'none', for
  every path the page answers, and the site-wide headers for every file
  (how long each file may be kept: test_cache_headers.py).
- The README's nginx snippet sends those site-wide headers too.

The browser side (nothing on any page is blocked; the policy does block)
is in tests/e2e/test_content_security_policy.py.
"""

import re

import pytest
from sitebuild import security

from tests.support import headers_file

from .htmlpages import PROJECT, all_source_pages, front_matter, html_path

PAGES = all_source_pages()
ALL_HTML = [html_path(src) for src in PAGES] + ["404.html", "es/404.html"]
WIDGET_HTML = {html_path(src) for src in PAGES if front_matter(src).get("widget")}
README = PROJECT / "README.md"
META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">')


def parse_policy(text):
    """"a 'x' y; b z" -> {"a": ["'x'", "y"], "b": ["z"]}"""
    text = text.replace("&amp;", "&").replace("&quot;", '"')
    return {part.split()[0]: part.split()[1:] for part in text.split(";") if part.strip()}


def url_of(rel):
    return "" if rel == "index.html" else rel.removesuffix("index.html")


@pytest.fixture(scope="module")
def headers_rules(built_site):
    """site/_headers as {path: [(name, value), ...]}."""
    return dict(headers_file.read(built_site / "_headers"))


def test_widget_pages_are_known():
    """The test knows which pages hold a widget (else the checks below prove little)."""
    assert {"screener/index.html", "checklist/index.html", "print/index.html"} <= WIDGET_HTML


@pytest.mark.parametrize("rel", ALL_HTML)
def test_page_has_its_policy_first_in_head(built_site, rel):
    markup = (built_site / rel).read_text(encoding="utf-8")
    head = markup[markup.index("<head>") : markup.index("</head>")]
    found = META.findall(head)
    assert len(found) == 1, f"{rel}: expected one Content-Security-Policy <meta>, found {len(found)}"
    tags = re.findall(r"<(?:meta|link|script|style|base)\b[^>]*>", head)
    assert re.match(r'<meta charset="utf-8">', tags[0])
    assert tags[1].startswith('<meta http-equiv="Content-Security-Policy"'), f"{rel}: policy is not first"
    assert tags[2] == '<meta name="referrer" content="no-referrer">'


@pytest.mark.parametrize("rel", ALL_HTML)
def test_page_policy_allows_exactly_its_inline_scripts(built_site, rel):
    markup = (built_site / rel).read_text(encoding="utf-8")
    policy = parse_policy(META.search(markup).group(1))
    scripts = security.inline_scripts(markup)
    assert scripts, f"{rel}: the theme's inline scripts were not found"
    hashes = {security.hash_source(script) for script in scripts}
    allowed = [source for source in policy["script-src"] if source.startswith("'sha256-")]
    assert set(allowed) == hashes
    assert len(allowed) == len(hashes)
    everything = " ".join(" ".join(sources) for sources in policy.values())
    assert "'unsafe-inline'" not in everything
    assert "'unsafe-eval'" not in everything
    assert "*" not in everything, f"{rel}: a wildcard source"


@pytest.mark.parametrize("rel", ALL_HTML)
def test_page_policy_directives(built_site, rel):
    """The policy as shipped: see overrides/sitebuild/security.py for why each."""
    markup = (built_site / rel).read_text(encoding="utf-8")
    policy = parse_policy(META.search(markup).group(1))
    script_src = policy.pop("script-src")
    assert script_src[0] == "'self'"
    assert ("'wasm-unsafe-eval'" in script_src) == (rel in WIDGET_HTML)
    assert policy == {
        "default-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'none'"],
        "connect-src": ["'self'"],
        "worker-src": ["'self'"],
        "frame-src": ["'none'"],
        "media-src": ["'none'"],
        "manifest-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'none'"],
    }


@pytest.mark.parametrize("rel", ALL_HTML)
def test_headers_file_sends_the_page_policy(built_site, headers_rules, rel):
    """Every path the page answers gets the page's own policy plus frame-ancestors 'none'."""
    markup = (built_site / rel).read_text(encoding="utf-8")
    meta_policy = META.search(markup).group(1).replace("&amp;", "&").replace("&quot;", '"')
    expected = meta_policy + "; frame-ancestors 'none'"
    for path in security.page_paths(url_of(rel)):
        assert headers_rules.get(path) == [("Content-Security-Policy", expected), ("Cache-Control", "no-cache")], path


def test_headers_file_site_wide_headers(headers_rules):
    assert headers_rules["/*"] == list(security.COMMON_HEADERS)
    assert ("Content-Security-Policy", "frame-ancestors 'none'") in headers_rules["/*"]


def test_readme_nginx_snippet_sends_the_site_wide_headers():
    """The README's nginx snippet and the _headers file give hosts the same headers."""
    readme = README.read_text(encoding="utf-8")
    snippets = re.findall(r"```nginx\n(.*?)```", readme, re.DOTALL)
    assert len(snippets) == 1, "README.md should have one ```nginx block"
    sent = re.findall(r'add_header\s+(\S+)\s+"([^"]*)"\s+always;', snippets[0])
    assert sorted(sent) == sorted(security.COMMON_HEADERS)
