"""What the browser tests need to know about the site: its pages and how to
drive its widgets."""

import re
from pathlib import Path

DOCS = Path(__file__).resolve().parents[2] / "docs"


def _url(markdown_file):
    return "/" if markdown_file.stem == "index" else f"/{markdown_file.stem}/"


# Every page of the site: one per Markdown file in docs/ (includes/ holds
# snippets, not pages).
PAGES = sorted(_url(path) for path in DOCS.glob("*.md"))


def wait_ready(page, widget):
    """Wait until a widget's Python has started and marked itself ready."""
    page.locator(f'[data-widget="{widget}"][data-state="ready"]').wait_for()


def open_widget(page, path, widget):
    page.goto(path)
    wait_ready(page, widget)


def storage_key(kind):
    return "second-opinion-guide:" + kind


TEXT_911 = re.compile(r"call 911", re.I)
