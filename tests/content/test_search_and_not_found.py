"""Search and the "not found" page in every language (issue 18), in the built site.

- Search by language: one index per language (overrides/sitebuild/search_index.py).
  The root index holds the English pages only, with English search;
  es/search/search_index.json the Spanish pages only (addresses relative to
  /es/), with `lang: ["es"]`, so Material's worker uses lunr's Spanish stemmer
  and stop words. Every page's Material settings (`__config`) point its search
  at its own language's index.
- A 404 page per language: site/404.html (English, which most hosts send for
  every missing address) offers the Spanish guide in one Spanish line
  (lang="es"); site/es/404.html is in Spanish and leads back into /es/
  (Cloudflare Pages sends the nearest 404.html up the path; README, "Deploy
  anywhere").
"""

import json
import re
from urllib.parse import urljoin

import pytest

from .htmlpages import DEFAULT_LANGUAGE, OTHER_LANGUAGES, all_source_pages, html_path, language_of, parse_html

INDEX = "search/search_index.json"
CONFIG = re.compile(r'<script id="__config" type="application/json">(.*?)</script>', re.S)


def _index(site, folder):
    return json.loads((site.dir / folder / INDEX).read_text(encoding="utf-8"))


def _folder(language):
    return "" if language == DEFAULT_LANGUAGE else language + "/"


def _built_pages(language):
    """The site-relative address of each page of a language ("es/about/")."""
    return {html_path(src).removesuffix("index.html") for src in all_source_pages() if language_of(src) == language}


@pytest.mark.parametrize("language", [DEFAULT_LANGUAGE, *OTHER_LANGUAGES])
def test_each_language_searches_its_own_pages(site, language):
    folder = _folder(language)
    index = _index(site, folder)
    assert index["config"]["lang"] == [language], f"/{folder}{INDEX} should search in {language} alone"
    pages = {folder + doc["location"].split("#")[0] for doc in index["docs"]}
    assert pages == _built_pages(language), f"/{folder}{INDEX} should hold exactly the {language} pages"
    # Not one document of another language's folder (no "es/" address in the root index).
    for other in OTHER_LANGUAGES:
        assert not [doc for doc in index["docs"] if doc["location"].startswith(other + "/")]


def test_a_spanish_word_is_found_in_spanish_only(site):
    spanish = _index(site, "es/")
    english = _index(site, "")
    word = "expediente"  # the glossary's word for records
    assert any(word in doc["text"].lower() for doc in spanish["docs"])
    assert not any(word in doc["text"].lower() for doc in english["docs"])


@pytest.mark.parametrize("language", [DEFAULT_LANGUAGE, *OTHER_LANGUAGES])
def test_every_page_reads_its_own_language_index(site, language):
    """Material reads the index at `base` + search/search_index.json."""
    folder = _folder(language)
    for relative in sorted(_built_pages(language)) + [folder + "404.html"]:
        page = relative + "index.html" if relative.endswith("/") or not relative else relative
        config = CONFIG.search((site.dir / page).read_text(encoding="utf-8"))
        assert config, f"{page}: no Material settings (__config)"
        base = json.loads(config.group(1))["base"]
        address = "https://example.org/" + relative
        assert urljoin(urljoin(address, base), INDEX) == f"https://example.org/{folder}{INDEX}", page


def test_the_root_404_page_offers_the_spanish_guide(site):
    page = parse_html((site.dir / "404.html").read_text(encoding="utf-8"))
    assert page.find("html").get("lang") == DEFAULT_LANGUAGE
    for language in OTHER_LANGUAGES:
        offers = [p for p in page.find_all("p") if p.get("lang") == language]
        assert len(offers) == 1, f"the root 404 page should offer the {language} guide in one line"
        link = offers[0].find("a")
        assert link.get("href").rstrip("/").endswith("/" + language) and link.get("hreflang") == language


@pytest.mark.parametrize("language", OTHER_LANGUAGES)
def test_each_language_has_its_own_404_page(site, language):
    page = parse_html((site.dir / language / "404.html").read_text(encoding="utf-8"))
    assert page.find("html").get("lang") == language
    english = parse_html((site.dir / "404.html").read_text(encoding="utf-8"))
    assert page.find("h1").text() != english.find("h1").text()
    links = [a.get("href") for a in page.find("article").find_all("a") if a.get("href")]
    assert links and all(f"/{language}/" in href for href in links[:3]), links
    assert "911" in page.text()
    # A 404 page answers every address: no switch to some page's twin.
    for built in (page, english):
        assert not built.find_all(cls="sog-language__link")
