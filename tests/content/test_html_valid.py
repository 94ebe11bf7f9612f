"""Valid HTML: every built page passes the Nu Html Checker (vnu), the W3C validator.

A page that renders can still be invalid HTML, and invalid markup is where
browsers, screen readers and printers start to disagree. The checker is the
vnu.jar that npm's `vnu-jar` package ships (pinned in package.json, installed
by `npm ci`); it runs ONCE per test session over every *.html file of the strict
build, and each page then gets its own test, so a failure names the page and
lists each error as file:line.column, the checker's message and the markup.

Only "error" messages (and the checker's own failures) count; "info" messages
and warnings do not. Nothing is allowed: errors in Material's own markup are
fixed at build time too (overrides/sitebuild/theme_markup.py).

vnu.jar needs Java 11 or newer. Without it (or without node_modules) the tests
skip and say why; they never fail for a missing tool.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import time
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from .htmlpages import PROJECT, all_source_pages, html_path

VNU_JAR = PROJECT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
# vnu.jar is Java 11 bytecode (class file version 55).
MIN_JAVA = 11
VNU_TIMEOUT = 600  # seconds; the whole site takes well under a minute
# One short run: Java's quick compiler only (C1), never its optimising one,
# whose compiling costs more than it saves here (measured on the whole site:
# 5.6 s of CPU to 2.3 s, the same errors). C1's frames are larger, and vnu's
# schema check then overflows Java's default stack: 4 MB (vnu asks for at
# least 512 kB).
JAVA_OPTIONS = ["-XX:TieredStopAtLevel=1", "-Xss4m"]

PAGES = all_source_pages()
# Built HTML that does not come from docs/: Material's "page not found" page.
THEME_PAGES = ["404.html", "es/404.html"]  # one per language (hooks/theme.py)
# A catch-all case for any other HTML file the build may make later.
OTHER_HTML = "other-html-files"
ALL_HTML = PAGES + THEME_PAGES + [OTHER_HTML]

# Message types that fail a page. vnu's other type, "info", covers its
# warnings (subType "warning") and plain notes: those are not failures.
FAILING_TYPES = frozenset({"error", "non-document-error"})


def highlighted(found):
    """The markup a vnu message points at (its extract, cut to the highlighted part)."""
    extract = found.get("extract") or ""
    start, length = found.get("hiliteStart"), found.get("hiliteLength")
    if start is None or length is None:
        return extract
    return extract[start : start + length]


def describe(rel, found):
    """One error as `page:line.column: message` and the markup, shortened."""
    line = found.get("firstLine", found.get("lastLine", "?"))
    column = found.get("firstColumn", "?")
    markup = " ".join(highlighted(found).split())
    if len(markup) > 200:
        markup = markup[:200] + "..."
    text = f"{rel}:{line}.{column}: {found.get('message', '(no message)')}"
    return text + (f"\n      {markup}" if markup else "")


def java_command():
    """The java executable, or skip: vnu.jar needs Java MIN_JAVA or newer."""
    found = shutil.which("java")
    if found is None:
        pytest.skip(f"java is not installed: the Nu Html Checker (vnu.jar) needs Java {MIN_JAVA} or newer")
    try:
        completed = subprocess.run([found, "-version"], capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired) as error:
        pytest.skip(f"`java -version` did not run ({error}): the Nu Html Checker needs Java {MIN_JAVA}+")
    output = completed.stderr + completed.stdout
    # 'openjdk version "17.0.15" ...', 'java version "1.8.0_402" ...'
    match = re.search(r'version "(\d+)(?:\.(\d+))?', output)
    if completed.returncode != 0 or not match:
        first = output.strip().splitlines()[0] if output.strip() else "(no output)"
        pytest.skip(f"java at {found} is not a working Java ({first}): vnu.jar needs Java {MIN_JAVA}+")
    major = int(match.group(1))
    if major == 1 and match.group(2):
        major = int(match.group(2))
    if major < MIN_JAVA:
        pytest.skip(f"java {major} at {found} is too old: vnu.jar needs Java {MIN_JAVA}+")
    return found


def run_vnu(java, site_dir):
    """Check every *.html file of site_dir in one vnu run; return (messages, seconds)."""
    files = sorted(path.resolve() for path in Path(site_dir).rglob("*.html"))
    assert files, f"the build at {site_dir} has no HTML files"
    command = [java, *JAVA_OPTIONS, "-jar", str(VNU_JAR), "--format", "json", "--skip-non-html", *map(str, files)]
    started = time.monotonic()
    completed = subprocess.run(command, capture_output=True, text=True, timeout=VNU_TIMEOUT)
    seconds = time.monotonic() - started
    # vnu writes its JSON report to stderr; Java may print a line of its own
    # first ("Picked up JAVA_TOOL_OPTIONS: ..."), so read from the report's start.
    start = re.search(r'^\{"', completed.stderr, re.M)
    try:
        report, _ = json.JSONDecoder().raw_decode(completed.stderr[start.start() :])
        messages = report["messages"]
    except (AttributeError, ValueError, KeyError, TypeError):
        pytest.fail(
            f"vnu (exit {completed.returncode}) gave no JSON report:\n"
            f"{completed.stderr[-3000:]}{completed.stdout[-2000:]}",
            pytrace=False,
        )
    return messages, seconds


class VnuReport:
    """vnu's failing messages for the whole site, by page, from one run."""

    def __init__(self, site_dir, messages, seconds):
        self.site_dir = Path(site_dir).resolve()
        self.seconds = seconds
        self.pages = sorted(
            page.relative_to(self.site_dir).as_posix() for page in self.site_dir.rglob("*.html")
        )
        self.errors = {}  # page -> failing messages
        for found in messages:
            if found.get("type") not in FAILING_TYPES:
                continue
            self.errors.setdefault(self._page_of(found), []).append(found)

    def _page_of(self, found):
        url = found.get("url")
        if not url:
            return OTHER_HTML
        path = Path(unquote(urlsplit(url).path)).resolve()
        try:
            return path.relative_to(self.site_dir).as_posix()
        except ValueError:
            return OTHER_HTML


@pytest.fixture(scope="session")
def vnu_report(built_site):
    """One vnu run over the whole strict build (skips without Java or vnu.jar)."""
    if not VNU_JAR.is_file():
        pytest.skip(f"vnu.jar is not installed ({VNU_JAR} is missing): run `npm ci`")
    java = java_command()
    messages, seconds = run_vnu(java, built_site)
    print(f"vnu checked {built_site} in {seconds:.1f} s")
    return VnuReport(built_site, messages, seconds)


def pages_for(src, report):
    """The built HTML pages that one test case covers."""
    if src == OTHER_HTML:
        known = {html_path(page) for page in PAGES} | set(THEME_PAGES)
        return [rel for rel in report.pages if rel not in known] + [OTHER_HTML]
    return [html_path(src) if src.endswith(".md") else src]


@pytest.mark.parametrize("src", ALL_HTML)
def test_page_is_valid_html(vnu_report, src):
    """The page has no HTML errors by the Nu Html Checker."""
    rels = pages_for(src, vnu_report)
    if src != OTHER_HTML:
        assert rels[0] in vnu_report.pages, f"{src}: the build has no {rels[0]}"
    problems = [describe(rel, found) for rel in rels for found in vnu_report.errors.get(rel, [])]
    if problems:
        listed = "\n  ".join(problems)
        pytest.fail(f"{src}: {len(problems)} HTML error(s) by vnu:\n  {listed}", pytrace=False)

