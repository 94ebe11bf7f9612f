"""Valid HTML: every built page passes the Nu Html Checker (vnu), the W3C validator.

A page that renders can still be invalid HTML, and invalid markup is where
browsers, screen readers and printers start to disagree. The checker is the
vnu.jar that npm's `vnu-jar` package ships (pinned in package.json, installed
by `npm ci`); it runs ONCE per test session over every *.html file of the strict
build, and each page then gets its own test, so a failure names the page and
lists each error as file:line.column, the checker's message and the markup.

Only "error" messages (and the checker's own failures) count; "info" messages
and warnings do not. A few errors come from Material for MkDocs' own templates,
which this project cannot change: THEME_ERRORS lists each one, matched by its
exact message and the exact markup the theme writes, and a test checks that
every entry is still needed. Errors in our own markup (overrides/, the hooks,
the widgets' render.py, docs/) are never listed there: they are fixed.

vnu.jar needs Java 11 or newer. Without it (or without node_modules) the tests
skip and say why; they never fail for a missing tool.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from .htmlpages import PROJECT, html_path, source_pages

VNU_JAR = PROJECT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
# vnu.jar is Java 11 bytecode (class file version 55).
MIN_JAVA = 11
VNU_TIMEOUT = 600  # seconds; the whole site takes well under a minute

PAGES = source_pages()
# Built HTML that does not come from docs/: Material's "page not found" page.
THEME_PAGES = ["404.html"]
# A catch-all case for any other HTML file the build may make later.
OTHER_HTML = "other-html-files"
ALL_HTML = PAGES + THEME_PAGES + [OTHER_HTML]

# Message types that fail a page. vnu's other type, "info", covers its
# warnings (subType "warning") and plain notes: those are not failures.
FAILING_TYPES = frozenset({"error", "non-document-error"})


@dataclass(frozen=True)
class ThemeError:
    """One error that Material's own templates make, allowed on every page.

    message: vnu's message, exactly. markup: a regular expression that the
    whole highlighted markup must match. where: the Material template that
    writes it. why: why we accept it rather than fix it.
    """

    message: str
    markup: str
    where: str
    why: str

    def matches(self, found):
        return found["message"] == self.message and re.fullmatch(self.markup, highlighted(found)) is not None


THEME_ERRORS = (
    ThemeError(
        message=(
            "Attribute “autocomplete” is only allowed when the input type is “color”, “date”, "
            "“datetime-local”, “email”, “hidden”, “month”, “number”, “password”, “range”, "
            "“search”, “tel”, “text”, “time”, “url”, or “week”."
        ),
        markup=(
            r'<input class="md-toggle" data-md-toggle="(?P<name>drawer|search)" '
            r'type="checkbox" id="__(?P=name)" autocomplete="off">'
        ),
        where="material/templates/base.html (the drawer and search toggles)",
        why=(
            "Material puts autocomplete=\"off\" on its two hidden checkbox toggles (so a browser "
            "does not restore them checked after a reload). base.html writes them outside any "
            "block, so an override cannot change them without copying the whole template."
        ),
    ),
    ThemeError(
        message=(
            "Bad value “” for attribute “tabindex” on element “label”: "
            "The empty string is not a valid integer."
        ),
        markup=(
            r'<label class="md-nav__link" for="__nav_(?P<id>\d+(?:_\d+)*)" '
            r'id="__nav_(?P=id)_label" tabindex="">'
        ),
        where="material/templates/partials/nav-item.html (a section's label)",
        why=(
            "With the navigation.sections feature, nav-item.html sets tabindex to \"0\" if not "
            "is_section, so a section's label gets tabindex=\"\". The fix belongs in Material; "
            "overriding the partial would mean keeping a copy of the theme's nav template."
        ),
    ),
)


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
    command = [java, "-jar", str(VNU_JAR), "--format", "json", "--skip-non-html", *map(str, files)]
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
        self.errors = {}  # page -> failing messages not in THEME_ERRORS
        self.theme_hits = {entry: 0 for entry in THEME_ERRORS}
        for found in messages:
            if found.get("type") not in FAILING_TYPES:
                continue
            entry = next((entry for entry in THEME_ERRORS if entry.matches(found)), None)
            if entry is not None:
                self.theme_hits[entry] += 1
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
    """The page has no HTML errors by the Nu Html Checker, besides THEME_ERRORS."""
    rels = pages_for(src, vnu_report)
    if src != OTHER_HTML:
        assert rels[0] in vnu_report.pages, f"{src}: the build has no {rels[0]}"
    problems = [describe(rel, found) for rel in rels for found in vnu_report.errors.get(rel, [])]
    if problems:
        listed = "\n  ".join(problems)
        pytest.fail(f"{src}: {len(problems)} HTML error(s) by vnu:\n  {listed}", pytrace=False)


def test_theme_allow_list_is_still_needed(vnu_report):
    """Every THEME_ERRORS entry still matches an error somewhere: the list stays minimal."""
    unused = [f"{entry.where}: {entry.message}" for entry, hits in vnu_report.theme_hits.items() if not hits]
    if unused:
        listed = "\n  ".join(unused)
        pytest.fail(f"THEME_ERRORS entries no page needs any more (remove them):\n  {listed}", pytrace=False)
