"""Build-time checks and furniture shared by every page (an MkDocs hook).

Each page's front matter must give a one-line `summary` and a `reviewed`
date. The summary is shown under the page title; the template shows the
review date in the notice at the end of each page.

Yearly figures: a page writes [[part_b_deductible]] and [[part_b_deductible.year]];
the figure's text and year come from pyscript/sog/figures.json, the one place
they are kept (pyscript/sog/figures.py fills them).

Glossary words: the first of each in a section links to its meaning in a
word list at the end of the same page (overrides/sitebuild/glossary_*.py).
"""

import datetime
import html
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.utils import get_relative_url

PROJECT = Path(__file__).resolve().parents[2]
# MkDocs puts only this hook's folder on sys.path while loading it.
for _folder in (PROJECT / "overrides", PROJECT / "pyscript"):
    if str(_folder) not in sys.path:
        sys.path.insert(0, str(_folder))

from sitebuild import glossary_links, glossary_list, glossary_terms, page_titles  # noqa: E402  (in overrides/, via the path above)
from sog import datafiles, figures  # noqa: E402  (in pyscript/)

REQUIRED = ("title", "summary", "reviewed")
FIGURES_JSON = PROJECT / "pyscript" / "sog" / "figures.json"
GLOSSARY_PAGE = "glossary.md"
GLOSSARY_ALIASES = "includes/glossary-aliases.json"
GLOSSARY_WORDS = "includes/glossary-words.json"

_build = {}


def _as_date(value):
    if isinstance(value, datetime.date):
        return value
    return datetime.date.fromisoformat(str(value))


def format_review_date(value):
    """2026-11-21 -> November 21, 2026 (how US readers write dates)."""
    day = _as_date(value)
    return f"{day:%B} {day.day}, {day.year}"


def on_config(config):
    """Read the yearly figures and the glossary's entries once per build."""
    docs = Path(config["docs_dir"])
    try:
        _build["figures"] = figures.parse_figures(FIGURES_JSON.read_text(encoding="utf-8"))
        _build["glossary"] = glossary_terms.load_index(docs / GLOSSARY_PAGE, docs / GLOSSARY_ALIASES)
        _build["glossary_words"] = glossary_list.load_words(docs / GLOSSARY_WORDS)
        # The titles "Read more" links name, from this build's nav, before
        # any widget is drawn or the package is shipped.
        if page_titles.write(page_titles.titles(config["nav"], docs)):
            datafiles.forget(page_titles.PAGES_JSON.name)
    except (OSError, ValueError) as error:
        raise PluginError(str(error)) from error
    return config


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
    try:
        return figures.fill(markdown, _build["figures"])
    except figures.FigureError as error:
        raise PluginError(f"{page.file.src_uri}: {error}") from error


def on_page_content(content, page, config, files):
    """Put the one-line summary right under the page's title; link glossary words to their
    meanings in a word list at the end of the page."""
    left = figures.placeholders(content)
    if left:
        raise PluginError(
            f"{page.file.src_uri}: unfilled figure placeholder {left[0]!r} (only page text is filled)"
        )
    summary = f'<p class="sog-summary">{html.escape(str(page.meta["summary"]))}</p>'
    head, found, rest = content.partition("</h1>")
    if not found:
        raise PluginError(f"{page.file.src_uri}: page needs a # title")
    glossary = files.get_file_from_path(GLOSSARY_PAGE)
    same_page = page.file.src_uri == GLOSSARY_PAGE
    linked, entries = glossary_links.link_terms(
        head + found + summary + rest,
        lambda word: glossary_terms.resolve(word, _build["glossary"]),
        same_page=same_page,
    )
    href = get_relative_url(glossary.url, page.url) if glossary and not same_page else ""
    return linked + glossary_list.list_html(entries, _build["glossary_words"], href)
