"""Lighthouse on pages of a served site, offline, in the tests' Chromium
(for `make bench`: benchmarks/lighthouse_table.py).

Lighthouse is the npm package pinned in package.json (a devDependency); it
runs under Node in headless Chromium (whichever tests/support/browser.py
finds) and needs no network besides the site's own address. Pages are
audited one after another in one browser.

    reports = run(urls, ["best-practices", "seo"], chromium_path(playwright))
    reports[url].scores["seo"]             # 0.0 to 1.0
    reports[url].failing["seo"]            # [(audit id, title, items), ...]
    reports[url].audits["first-contentful-paint"]["numericValue"]  # for figures

settings go to Lighthouse as they are (for example {"formFactor": "desktop",
"screenEmulation": {"disabled": True}, "throttlingMethod": "provided"}); the
default is Lighthouse's own: a mobile phone, simulated slow network.
"""

import json
import subprocess
from pathlib import Path

from tests.support.browser import LAUNCH_ARGS, executable_path

PROJECT = Path(__file__).resolve().parents[1]
RUNNER = Path(__file__).with_name("lighthouse_run.mjs")
LIGHTHOUSE = PROJECT / "node_modules" / "lighthouse"
SECONDS_PER_PAGE = 120


class LighthouseError(RuntimeError):
    """Lighthouse did not run, or could not audit a page."""


class Report:
    """What Lighthouse found on one page."""

    def __init__(self, url, summary):
        self.url = url
        self.scores = {name: found["score"] for name, found in summary["categories"].items()}
        self.audits = summary["audits"]
        self.failing = {
            name: [self._audit(audit) for audit in found["failing"]]
            for name, found in summary["categories"].items()
        }
        self.warnings = summary["runWarnings"]

    def _audit(self, audit):
        return audit, self.audits[audit]["title"], self.audits[audit]["items"]

    def describe(self, category):
        """The category's score and each failing audit, on lines of their own."""
        lines = [f"{self.url}: {category} {self.scores.get(category)}"]
        for audit, title, items in self.failing.get(category, []):
            lines.append(f"  {audit}: {title}")
            lines += [f"    {json.dumps(item)[:300]}" for item in items[:10]]
        return "\n".join(lines)


def version():
    """The Lighthouse version installed (from its package.json)."""
    return json.loads((LIGHTHOUSE / "package.json").read_text(encoding="utf-8"))["version"]


def chromium_path(playwright):
    """The Chromium the browser tests use (Lighthouse starts its own copy)."""
    return executable_path(playwright) or playwright.chromium.executable_path


def run(urls, categories, chrome_path, settings=None):
    """Audit each url in the given Lighthouse categories; {url: Report}."""
    if not (LIGHTHOUSE / "package.json").is_file():
        raise LighthouseError(f"Lighthouse is not installed ({LIGHTHOUSE}): run `npm ci`")
    request = {
        "urls": list(urls),
        "categories": list(categories),
        "chromePath": str(chrome_path),
        "chromeFlags": LAUNCH_ARGS,
        "settings": settings or {},
    }
    completed = subprocess.run(
        ["node", str(RUNNER), json.dumps(request)],
        cwd=PROJECT,
        capture_output=True,
        text=True,
        check=False,
        timeout=SECONDS_PER_PAGE * max(1, len(request["urls"])),
    )
    if completed.returncode != 0:
        raise LighthouseError(f"Lighthouse failed (exit {completed.returncode}):\n{completed.stderr[-3000:]}")
    reports = {}
    for url, summary in json.loads(completed.stdout).items():
        if summary["runtimeError"]:
            raise LighthouseError(f"{url}: {summary['runtimeError']}")
        reports[url] = Report(url, summary)
    return reports
