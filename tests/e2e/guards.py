"""Browser contexts that fail a test when a page asks for anything from
another origin or breaks the site's Content-Security-Policy.

GuardedContexts makes the contexts (the make_context fixture is one, for a
test; a module's shared pages use another) and check() asserts, for every
context it made, that nothing left the site and nothing was blocked.
"""

from urllib.parse import urlsplit

from tests.e2e.policy_violations import PolicyViolations

# Generous, because a cold start on a busy 2-core machine is slow; Playwright
# returns as soon as the condition holds, so passing tests stay fast. Pyodide's
# first start (9 MB of WebAssembly) takes several seconds even on a quiet one.
DEFAULT_TIMEOUT_MS = 20000
PYODIDE_TIMEOUT_MS = 90000
# How Playwright names the failure of a request the page's policy stopped.
POLICY_STOPPED = "csp"


class OriginGuard:
    """Records every request a context sends to another origin; notes every
    request it sees (the service worker's too), so a test can check that
    nothing went past it.

    It listens rather than intercepts: routing every request through Python
    cost about a third of a widget start's CPU and turns the browser's cache
    off. Nothing leaves the machine anyway: the browser resolves no host name
    and no address but 127.0.0.1 (browser.LAUNCH_ARGS), so such a request
    fails there, and is recorded here. A request the page's policy stopped
    before it was sent is not one: the policy's violation is recorded instead
    (policy_violations.py), as before, when no such request reached a route.
    """

    def __init__(self, context, origin):
        self.origin = origin
        self.seen = []
        self.outside = {}  # request -> URL, for each sent to another origin, until its end is known
        self.sent_outside = []
        context.on("request", self._sent)
        context.on("requestfinished", self._ended)
        context.on("requestfailed", self._ended)

    def _sent(self, request):
        url = request.url
        self.seen.append(url)
        parts = urlsplit(url)
        if f"{parts.scheme}://{parts.netloc}" != self.origin and parts.scheme not in ("data", "blob"):
            self.outside[request] = url

    def _ended(self, request):
        url = self.outside.pop(request, None)
        if url is not None and request.failure != POLICY_STOPPED:
            self.sent_outside.append(url)

    def left_the_origin(self):
        """Every request sent to another origin so far, the page's policy's
        own stops aside (one whose end is not yet known counts)."""
        return self.sent_outside + list(self.outside.values())


class GuardedContexts:
    """Makes browser contexts guarded against off-origin requests, each with a
    record of its policy violations.

    make(server=None, **options) opens a context on server (default: the one
    given here) with Playwright's context options. The site's service worker
    is blocked unless asked for (service_workers="allow"): a page served from
    its cache would bypass a test's own routes. The origin guard sees the
    worker's own requests too (Playwright routes a context's service workers).

    A test that expects violations takes them first with
    make.violations[context].take(); make.guards[context] is the context's
    OriginGuard.
    """

    def __init__(self, browser, server):
        self.browser = browser
        self.server = server
        self.violations = {}
        self.guards = {}
        self.made = []

    def __call__(self, server=None, **options):
        server = server or self.server
        options.setdefault("service_workers", "block")
        context = self.browser.new_context(base_url=server.origin, **options)
        pyodide = getattr(server, "runtime", None) == "pyodide"
        context.set_default_timeout(PYODIDE_TIMEOUT_MS if pyodide else DEFAULT_TIMEOUT_MS)
        guard = OriginGuard(context, server.origin)
        self.guards[context] = guard
        self.violations[context] = PolicyViolations(context)
        self.made.append(context)
        return context

    def problems(self):
        """(requests that left the origin, policy violations) in every context so far."""
        leaks, violations = [], []
        for context in self.made:
            # The policy's reports first: that waits for each page's events
            # to reach Python, a request's end among them.
            violations.extend(self.violations[context].take())
            leaks.extend(self.guards[context].left_the_origin())
        return leaks, violations

    def close_and_check(self):
        """Close every context; fail if any asked another origin or broke the policy."""
        leaks, violations = self.problems()
        for context in self.made:
            context.close()
        self.made = []
        assert not leaks, f"requests left the site's origin: {leaks}"
        assert not violations, f"the Content-Security-Policy blocked something: {violations}"
