"""Build-time checks and furniture shared by every page (an MkDocs hook).

Each page's front matter must give a one-line `summary` and a `reviewed`
date. The summary is shown under the page title; the template shows the
review date in the notice at the end of each page.

Yearly figures: a page writes [[part_b_deductible]] and [[part_b_deductible.year]];
the figure's text and year come from pyscript/sog/figures.json, the one place
they are kept (pyscript/sog/figures.py fills them).

Glossary words: the first of each in a section links to its meaning in a
word list at the end of the same page (overrides/sitebuild/glossary_*.py).

Word tooltips: the abbreviations extension's glossary is the page's
language's includes/abbreviations.md, read once per build
(overrides/sitebuild/word_tooltips.py).

Languages: a Spanish page (docs/<page>.es.md) gets the Spanish glossary, word
tooltips (includes/abbreviations.es.md) and review date; a language whose
glossary is not written yet gets no glossary links, never English ones.
"""

import datetime
import html
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.utils import get_relative_url

PROJECT = Path(__file__).resolve().parents[2]
# MkDocs puts only this hook's folder on sys.path while loading it.
for _folder in (PROJECT / "overrides", PROJECT / "pyscript"):
    if str(_folder) not in sys.path:
        sys.path.insert(0, str(_folder))

from sitebuild import (  # noqa: E402  (in overrides/, via the path above)
    glossary_links,
    glossary_list,
    glossary_terms,
    language_words,
    languages,
    page_titles,
    word_tooltips,
)
from sog import datafiles, figures  # noqa: E402  (in pyscript/)

REQUIRED = ("title", "summary", "reviewed")
FIGURES_JSON = PROJECT / "pyscript" / "sog" / "figures.json"
GLOSSARY_PAGE = "glossary.md"
GLOSSARY_ALIASES = "includes/glossary-aliases.json"
GLOSSARY_WORDS = "includes/glossary-words.json"
# Word tooltips (<abbr>), in every page's language.
ABBREVIATIONS = "includes/abbreviations.md"

_build = {}


def _as_date(value):
    if isinstance(value, datetime.date):
        return value
    return datetime.date.fromisoformat(str(value))


def format_review_date(value, words):
    """2026-11-21 -> November 21, 2026 (words: the page's template words,
    config.extra.words, which say how the page's language writes a date)."""
    return language_words.review_date(_as_date(value), words)


def in_language(docs_relative, language):
    """"glossary.md" -> "glossary.es.md" for Spanish (the suffix twins)."""
    path = Path(docs_relative)
    if language == language_words.DEFAULT:
        return docs_relative
    return path.with_name(f"{path.stem}.{language}{path.suffix}").as_posix()


def _glossary(docs, language):
    """(index, words) of a language's glossary, None if it has no glossary yet."""
    paths = [docs / in_language(name, language) for name in (GLOSSARY_PAGE, GLOSSARY_ALIASES, GLOSSARY_WORDS)]
    if not all(path.is_file() for path in paths):
        return None
    return glossary_terms.load_index(paths[0], paths[1]), glossary_list.load_words(paths[2])


# After the i18n plugin's on_config, which sets the build's language.
@event_priority(languages.AFTER_EVERY_LANGUAGE)
def on_config(config):
    """Read the yearly figures, the glossaries and the template's words once per build."""
    docs = Path(config["docs_dir"])
    try:
        _build["figures"] = figures.parse_figures(FIGURES_JSON.read_text(encoding="utf-8"))
        _build["glossaries"] = {language: _glossary(docs, language) for language in languages.site_languages(config)}
        _build["tooltips"] = {language: _tooltips(docs, language) for language in languages.site_languages(config)}
        if _build["glossaries"][languages.default_language(config)] is None:
            raise OSError(f"{docs / GLOSSARY_PAGE}, {GLOSSARY_ALIASES} and {GLOSSARY_WORDS} are needed")
        config["extra"]["words"] = language_words.read(language_words.TEMPLATE_WORDS, languages.build_language(config))
        # The titles "Read more" links name, from the nav, before any widget
        # is drawn or the package is shipped (English; the Spanish titles are
        # the overlay pyscript/sog/pages.es.json).
        english = languages.build_language(config) == languages.default_language(config)
        if english and page_titles.write(page_titles.titles(config["nav"], docs)):
            datafiles.forget(page_titles.PAGES_JSON.name)
    except (OSError, ValueError) as error:
        raise PluginError(str(error)) from error
    return config


def on_env(env, config, files):
    env.filters["format_review_date"] = format_review_date
    return env


def _tooltips(docs, language):
    """{word: meaning} of a language's word tooltips ({} if it has none yet)."""
    path = docs / in_language(ABBREVIATIONS, language)
    return word_tooltips.read(path) if path.is_file() else {}


def on_page_markdown(markdown, page, config, files):
    missing = [key for key in REQUIRED if not page.meta.get(key)]
    if missing:
        raise PluginError(f"{page.file.src_uri}: front matter needs {', '.join(missing)}")
    try:
        _as_date(page.meta["reviewed"])
    except ValueError as error:
        raise PluginError(f"{page.file.src_uri}: reviewed must be a date like 2026-11-21") from error
    try:
        filled = figures.fill(markdown, _build["figures"])
    except figures.FigureError as error:
        raise PluginError(f"{page.file.src_uri}: {error}") from error
    # MkDocs makes each page's Markdown from mdx_configs right after this event.
    config["mdx_configs"]["abbr"] = {"glossary": _build["tooltips"][languages.page_language(page, config)]}
    return filled


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
    language = languages.page_language(page, config)
    if _build["glossaries"].get(language) is None:
        return head + found + summary + rest
    index, words = _build["glossaries"][language]
    glossary = files.get_file_from_path(GLOSSARY_PAGE)
    same_page = glossary is not None and page.file.src_uri == glossary.src_uri
    linked, entries = glossary_links.link_terms(
        head + found + summary + rest,
        lambda word: glossary_terms.resolve(word, index),
        same_page=same_page,
    )
    href = get_relative_url(glossary.url, page.url) if glossary and not same_page else ""
    return linked + glossary_list.list_html(entries, words, href)
