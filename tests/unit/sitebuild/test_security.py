"""Unit tests for overrides/sitebuild/security.py: each page's
Content-Security-Policy and the _headers file.

Tested here: which inline scripts are hashed (runnable ones only, byte for
byte, each once); the policy's directives, with 'wasm-unsafe-eval' on widget
pages only and never 'unsafe-inline' or 'unsafe-eval' in a build; the meta
tags go right after <meta charset>; the header version adds frame-ancestors;
the _headers file covers every path a page answers.
"""

import base64
import hashlib

import pytest
from sitebuild import security

PAGE = """<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <script>__md_scope=new URL("..",location)</script>
    <link rel="stylesheet" href="../site.css">
  </head>
  <body>
    <script>var palette=__md_get("__palette");</script>
    <script id="__config" type="application/json">{"base": ".."}</script>
    <script src="../bundle.js"></script>
    <script type="module" src="../core.js"></script>
    <script type="module">import "./x.js";</script>
    <script>var palette=__md_get("__palette");</script>
  </body>
</html>
"""


def sha256(text):
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def directives(policy):
    return dict(policy)


def test_inline_scripts_are_the_runnable_inline_ones_in_order():
    assert security.inline_scripts(PAGE) == [
        '__md_scope=new URL("..",location)',
        'var palette=__md_get("__palette");',
        'import "./x.js";',
        'var palette=__md_get("__palette");',
    ]


def test_hash_source_is_the_base64_sha256_of_the_exact_text():
    assert security.hash_source("alert(1)") == "'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='"
    assert security.hash_source(" alert(1)") != security.hash_source("alert(1)")


def test_plain_page_policy():
    policy = directives(security.page_policy(PAGE, widget=False))
    assert policy["script-src"] == (
        "'self'",
        sha256('__md_scope=new URL("..",location)'),
        sha256('var palette=__md_get("__palette");'),
        sha256('import "./x.js";'),
    )
    assert policy["default-src"] == ("'self'",)
    assert policy["style-src"] == ("'self'",)
    assert policy["object-src"] == ("'none'",)
    assert policy["base-uri"] == ("'self'",)
    assert policy["form-action"] == ("'none'",)
    assert "frame-ancestors" not in policy, "a <meta> policy cannot carry frame-ancestors"


def test_widget_page_policy_adds_wasm_only():
    plain = directives(security.page_policy(PAGE, widget=False))
    widget = directives(security.page_policy(PAGE, widget=True))
    assert widget["script-src"] == plain["script-src"] + ("'wasm-unsafe-eval'",)
    assert {k: v for k, v in widget.items() if k != "script-src"} == {
        k: v for k, v in plain.items() if k != "script-src"
    }


@pytest.mark.parametrize("widget", [False, True])
def test_no_unsafe_keyword_but_wasm(widget):
    text = security.serialize(security.page_policy(PAGE, widget))
    assert "'unsafe-inline'" not in text
    assert "'unsafe-eval'" not in text
    assert "unsafe-hashes" not in text


def test_live_reload_allows_inline_scripts_instead_of_hashes():
    policy = directives(security.page_policy(PAGE, widget=True, live_reload=True))
    assert policy["script-src"] == ("'self'", "'unsafe-inline'", "'wasm-unsafe-eval'")


def test_serialize():
    policy = (("default-src", ("'self'",)), ("img-src", ("'self'", "data:")))
    assert security.serialize(policy) == "default-src 'self'; img-src 'self' data:"


def test_meta_tags_come_right_after_charset():
    secured, policy = security.secure_page(PAGE, widget=False)
    head = secured.split("<head>")[1]
    lines = [line.strip() for line in head.strip().splitlines()[:3]]
    assert lines[0] == '<meta charset="utf-8">'
    assert lines[1] == (
        f'<meta http-equiv="Content-Security-Policy" content="{security.serialize(policy)}">'
    )
    assert lines[2] == '<meta name="referrer" content="no-referrer">'


def test_meta_tag_escapes_for_its_attribute():
    policy = (("default-src", ("'self'", 'a"b&c')),)
    secured = security.add_policy_meta(PAGE, policy)
    assert "content=\"default-src 'self' a&quot;b&amp;c\"" in secured


def test_page_without_charset_is_refused():
    with pytest.raises(ValueError):
        security.add_policy_meta("<html><head></head></html>", security.PAGE_POLICY)


def test_header_policy_adds_frame_ancestors():
    policy = security.page_policy(PAGE, widget=False)
    assert security.header_policy(policy) == policy + (("frame-ancestors", ("'none'",)),)


@pytest.mark.parametrize(
    "url, paths",
    [
        ("", ["/", "/index.html"]),
        ("screener/", ["/screener/", "/screener/index.html"]),
        ("404.html", ["/404.html"]),
    ],
)
def test_page_paths(url, paths):
    assert security.page_paths(url) == paths


def test_headers_file():
    plain = security.page_policy(PAGE, widget=False)
    widget = security.page_policy(PAGE, widget=True)
    text = security.headers_file({"screener/": widget, "": plain})
    blocks = [block.splitlines() for block in text.split("\n\n")]
    assert blocks[0][1] == "/*"
    assert blocks[0][2:] == [f"  {name}: {value}" for name, value in security.COMMON_HEADERS]
    rules = {block[0]: block[1:] for block in blocks[1:]}
    assert list(rules) == ["/", "/index.html", "/screener/", "/screener/index.html"]
    for path, policy in [("/", plain), ("/index.html", plain), ("/screener/", widget)]:
        value = security.serialize(security.header_policy(policy))
        assert rules[path] == [f"  Content-Security-Policy: {value}"]
    assert text.endswith("\n")
