"""Records every Content-Security-Policy violation in a browser context.

A page reports each violation to Python as it happens (a binding called from
a `securitypolicyviolation` listener that an init script adds to every page
and frame before the page's own scripts run), so reports survive navigation.
"""

from playwright.sync_api import Error as PlaywrightError

BINDING = "__sogPolicyViolation"
LISTENER = """
document.addEventListener("securitypolicyviolation", function (event) {
  window.BINDING({
    page: location.href,
    directive: event.effectiveDirective,
    blocked: event.blockedURI,
    source: event.sourceFile ? event.sourceFile + ":" + event.lineNumber : "",
    sample: event.sample,
  });
}, true);
""".replace("BINDING", BINDING)


class PolicyViolations:
    """The violations seen in one browser context, in order."""

    def __init__(self, context):
        self.context = context
        self.seen = []
        context.expose_binding(BINDING, lambda source, report: self.seen.append(report))
        context.add_init_script(LISTENER)

    def take(self):
        """Every violation so far, forgotten here: for a test that expects some."""
        self.flush()
        taken, self.seen = self.seen, []
        return taken

    def flush(self):
        """Wait until each open page's reports have reached Python (a round trip
        to the page comes back after the reports it sent before)."""
        for page in self.context.pages:
            try:
                page.evaluate("0")
            except PlaywrightError:
                continue  # a page that closed or crashed has nothing more to say
