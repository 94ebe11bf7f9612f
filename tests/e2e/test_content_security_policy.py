"""The Content-Security-Policy bites: what an attacker (or a changed
dependency) would add to a page is blocked, on guidance and widget pages.

Every other browser test already fails on any violation (conftest.py); here
each test provokes one on purpose, checks the browser blocked it, and takes
the expected violation out of the record. The last test proves that PyScript
needs pyscript/pyscript-without-eval.js to start under the policy:
when a PyScript update makes it fail, that file can go.
"""

import pytest
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import expect

from tests.e2e.site_pages import open_widget

OTHER_ORIGIN = "https://cdn.example.net"
WASM_HEADER = [0, 97, 115, 109, 1, 0, 0, 0]  # the smallest valid WebAssembly module
PLAIN, WIDGET = "/about/", "/screener/"

# Runs an action in the page; resolves with the first violation it causes,
# or with nulls if none comes within 5 s (so a test fails rather than hangs).
PROVOKE = """
([action, arg]) => new Promise((resolve) => {
  document.addEventListener("securitypolicyviolation", (event) => resolve({
    directive: event.effectiveDirective, blocked: event.blockedURI,
  }), {once: true});
  setTimeout(() => resolve({directive: null, blocked: null}), 5000);
  const actions = {
    script(url) {
      const script = document.createElement("script");
      script.src = url;
      document.head.append(script);
    },
    inline(code) {
      const script = document.createElement("script");
      script.textContent = code;
      document.head.append(script);
    },
    text(code) {
      // Code from text, the way page scripts run it (eval inside a Playwright
      // evaluate is not checked, so a timer with a string stands in for it).
      setTimeout(code, 0);
    },
    fetch(url) {
      fetch(url).catch(() => {});
    },
    form(url) {
      const form = document.createElement("form");
      form.action = url;
      form.method = "post";
      document.body.append(form);
      form.submit();
    },
    wasm(bytes) {
      WebAssembly.compile(new Uint8Array(bytes)).catch(() => {});
    },
  };
  actions[action](arg);
})
"""


@pytest.fixture(scope="module", params=[PLAIN, WIDGET], ids=["guidance-page", "widget-page"])
def any_page(request, start_once):
    """One guidance page and one widget page, each started once for the tests
    below: each provokes one violation that the policy blocks, which leaves
    the page as it was, and takes that violation out of the record."""
    visit = start_once(request.param, "screener" if request.param == WIDGET else None)
    page = visit.page
    page.violations = visit.contexts.violations[visit.context]
    return page


def provoke(page, action, arg):
    """The violation an action causes, taken from the test's record (which must hold just that one)."""
    seen = page.evaluate(PROVOKE, [action, arg])
    taken = page.violations.take()
    assert [(v["directive"], v["blocked"]) for v in taken] == [(seen["directive"], seen["blocked"])]
    return seen


def test_script_from_another_origin_is_blocked(any_page):
    seen = provoke(any_page, "script", f"{OTHER_ORIGIN}/track.js")
    assert seen["directive"] == "script-src-elem"
    assert seen["blocked"] == f"{OTHER_ORIGIN}/track.js"


def test_injected_inline_script_is_blocked(any_page):
    seen = provoke(any_page, "inline", "window.__injected = true;")
    assert (seen["directive"], seen["blocked"]) == ("script-src-elem", "inline")
    assert any_page.evaluate("window.__injected") is None


def test_code_from_text_is_blocked(any_page):
    """No 'unsafe-eval': eval, new Function and string timers are refused."""
    seen = provoke(any_page, "text", "window.__ran = true;")
    assert (seen["directive"], seen["blocked"]) == ("script-src", "eval")
    # Timers run in order: once a later one has run, the string would have run too.
    assert any_page.evaluate("new Promise((resolve) => setTimeout(() => resolve(window.__ran), 0))") is None


def test_fetch_to_another_origin_is_blocked(any_page):
    seen = provoke(any_page, "fetch", f"{OTHER_ORIGIN}/collect")
    assert (seen["directive"], seen["blocked"]) == ("connect-src", f"{OTHER_ORIGIN}/collect")


def test_form_submission_is_blocked(any_page):
    """form-action 'none': no form sends anything anywhere, even to this site."""
    url = any_page.url
    seen = provoke(any_page, "form", "/")
    assert seen["directive"] == "form-action"
    assert any_page.url == url


def test_webassembly_only_on_widget_pages(make_context):
    """A guidance page may not compile WebAssembly; a widget page may (its interpreter is WebAssembly)."""
    context = make_context()
    page = context.new_page()
    page.goto(PLAIN)
    seen = page.evaluate(PROVOKE, ["wasm", WASM_HEADER])
    assert (seen["directive"], seen["blocked"]) == ("script-src", "wasm-eval")
    assert [v["blocked"] for v in make_context.violations[context].take()] == ["wasm-eval"]
    open_widget(page, WIDGET, "screener")
    compile_wasm = "bytes => WebAssembly.compile(new Uint8Array(bytes)).then(() => 'compiled')"
    assert page.evaluate(compile_wasm, WASM_HEADER) == "compiled"


def test_pyscript_needs_the_module_that_avoids_eval(make_context):
    """Without pyscript-without-eval.js, PyScript builds code from text, the policy
    blocks it and the widget cannot start (the page then offers its plain version)."""
    context = make_context()
    page = context.new_page()
    page.route("**/pyscript-without-eval.js",
               lambda route: route.fulfill(content_type="text/javascript", body="export {};"))
    page.goto(WIDGET)
    expect(page.locator('[data-widget="screener"]')).to_have_attribute("data-state", "failed")
    taken = make_context.violations[context].take()
    assert taken and {(v["directive"], v["blocked"]) for v in taken} == {("script-src", "eval")}


def test_a_request_for_another_site_is_recorded_and_never_leaves(make_context):
    """The origin guard every browser test relies on (guards.py): a request
    for another site fails in the browser, which resolves no other host, and
    is recorded, so the test that made it would fail; one the page's policy
    stopped is the policy's violation, not a request sent."""
    context = make_context()
    page = context.new_page()
    page.goto(PLAIN)
    page.violations = make_context.violations[context]
    assert provoke(page, "script", OTHER_ORIGIN + "/track.js")["directive"] == "script-src-elem"
    with pytest.raises(PlaywrightError, match="ERR_NAME_NOT_RESOLVED"):
        page.goto(OTHER_ORIGIN + "/")
    guard = make_context.guards[context]
    assert guard.left_the_origin() == [OTHER_ORIGIN + "/"]
    guard.sent_outside.clear()  # recorded as it should be: not this test's failure
