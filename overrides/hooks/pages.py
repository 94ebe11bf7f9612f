"""Build-time checks and furniture shared by every page (an MkDocs hook).

Each page's front matter must give a one-line `summary` and a `reviewed`
date. The summary is shown under the page title; the template shows the
review date in the notice at the end of each page.
"""

import datetime
import html

from mkdocs.exceptions import PluginError

REQUIRED = ("title", "summary", "reviewed")


def _as_date(value):
    if isinstance(value, datetime.date):
        return value
    return datetime.date.fromisoformat(str(value))


def format_review_date(value):
    """2026-11-21 -> November 21, 2026 (how US readers write dates)."""
    day = _as_date(value)
    return f"{day:%B} {day.day}, {day.year}"


def on_env(env, config, files):
    env.filters["format_review_date"] = format_review_date
    return env


def on_page_markdown(markdown, page, config, files):
    missing = [key for key in REQUIRED if not page.meta.get(key)]
    if missing:
        raise PluginError(f"{page.file.src_uri}: front matter needs {', '.join(missing)}")
    try:
        _as_date(page.meta["reviewed"])
    except ValueError as error:
        raise PluginError(f"{page.file.src_uri}: reviewed must be a date like 2026-11-21") from error
    return markdown


def on_page_content(content, page, config, files):
    """Put the one-line summary right under the page's title."""
    summary = f'<p class="sog-summary">{html.escape(str(page.meta["summary"]))}</p>'
    head, found, rest = content.partition("</h1>")
    if not found:
        raise PluginError(f"{page.file.src_uri}: page needs a # title")
    return head + found + summary + rest
