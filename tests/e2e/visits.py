"""A page opened once and watched while it loads and its widget starts, for
the read-only checks a test module runs on it (Visit).

Several checks need the same fresh start of a page (no page error, nothing
moved, nothing asked for too early, axe in light and dark...). Starting a
widget page costs about two seconds of CPU; a Visit starts it once and keeps
everything the checks need: the response, page errors, console errors,
failed responses, the layout shifts seen, the browser's own issue reports
(deprecations, mixed content, cookies...), and requests for permissions.
A module shares one Visit per page through a module-scoped fixture
parametrized by page, and pytest-xdist keeps that page's tests on one worker
(tests/conftest.py groups them by the fixture's parameter):

    @pytest.fixture(scope="module", params=PAGES)
    def visit(request, browser, site):
        with visiting(browser, site, request.param) as visit:
            yield visit
"""

from contextlib import contextmanager

from tests.e2e.guards import GuardedContexts
from tests.e2e.site_pages import wait_ready

# Layout shifts while the page loads and its widget starts, as the browser
# reports them (Layout Instability API); every message a widget's status line
# showed (the load watchdog's "taking longer than usual" after 10 s, say);
# and every request for a permission (a page should ask only when the
# visitor does something that needs one).
WATCH = """
window.__shifts = [];
new PerformanceObserver(function (list) {
  list.getEntries().forEach(function (entry) {
    if (!entry.hadRecentInput) {
      window.__shifts.push({value: entry.value, sources: entry.sources.map(function (source) {
        return source.node ? (source.node.id || source.node.className || source.node.nodeName) : "";
      })});
    }
  });
}).observe({type: "layout-shift", buffered: true});
window.__statusShown = [];
document.addEventListener("DOMContentLoaded", function () {
  new MutationObserver(function (records) {
    records.forEach(function (record) {
      var line = record.target;
      if (line.classList.contains("sog-status") && !line.hidden) window.__statusShown.push(line.textContent);
    });
  }).observe(document.body, {subtree: true, attributes: true, attributeFilter: ["hidden"]});
});
window.__permissionRequests = [];
(function () {
  function watch(owner, name, label) {
    if (!owner || typeof owner[name] !== "function") return;
    var original = owner[name];
    owner[name] = function () {
      window.__permissionRequests.push(label);
      return original.apply(this, arguments);
    };
  }
  if (navigator.geolocation) {
    watch(navigator.geolocation, "getCurrentPosition", "geolocation");
    watch(navigator.geolocation, "watchPosition", "geolocation");
  }
  if (window.Notification) watch(window.Notification, "requestPermission", "notifications");
})();
"""

# Let two frames pass: the browser reports a shift after the frame that shows it.
TWO_FRAMES = "new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"


@contextmanager
def visiting(browser, server, path, widget=None, **options):
    """A Visit, closed at the end; fails if the page asked another origin or broke the policy."""
    visit = Visit(browser, server, path, widget, **options)
    try:
        yield visit
    finally:
        visit.contexts.close_and_check()


class Visit:
    """One page, opened in a guarded context of its own (guards.py) and
    watched from the start. widget, if given, is waited for until ready;
    options go to the browser context (viewport, color_scheme...).
    """

    def __init__(self, browser, server, path, widget=None, **options):
        self.path = path
        self.widget = widget
        self.contexts = GuardedContexts(browser, server)
        self.context = self.contexts(**options)
        self.context.add_init_script(WATCH)
        self.page = self.context.new_page()
        self.page_errors = []
        self.console_errors = []
        self.failed_responses = []
        self.issues = []
        self.page.on("pageerror", lambda error: self.page_errors.append(str(error)))
        self.page.on("console", self._console)
        self.page.on("response", lambda response: response.status >= 400 and self.failed_responses.append(
            f"{response.status} {response.url}"))
        # The browser's own reports (DevTools "Issues"): deprecated features,
        # mixed content, cookie problems, blocked resources...
        cdp = self.context.new_cdp_session(self.page)
        cdp.on("Audits.issueAdded", lambda event: self.issues.append(event["issue"]))
        cdp.send("Audits.enable")
        self.response = self.page.goto(path)
        if widget:
            wait_ready(self.page, widget)

    def _console(self, message):
        if message.type == "error":
            self.console_errors.append(f"{message.text} ({message.location.get('url', '')})")

    def layout_shifts(self):
        """Every layout shift since the page started (none from the visitor's own input)."""
        self.page.evaluate(TWO_FRAMES)
        return self.page.evaluate("window.__shifts")

    def status_messages(self):
        """What the widgets' status lines showed while the page started."""
        return self.page.evaluate("window.__statusShown")

    def permission_requests(self):
        return self.page.evaluate("window.__permissionRequests")

    def problems(self):
        """(requests that left the origin, policy violations) so far."""
        return self.contexts.problems()
