"""The guide in every language (issue 18), checked in the built HTML.

- Every English page has its twin in each other language (docs/<page>.es.md)
  and every twin its English page.
- Every built page says its language in <html lang> and links to its twin
  in the language switch (<a hreflang lang>); sitemap.xml names every page's
  versions with hreflang alternate links, both ways (the i18n plugin's
  sitemap; the head has none: sitebuild/theme_markup.py says why).
- The same facts on both twins: every number (figures, dates, phone numbers,
  CFR sections, dollar and percent amounts) and every link to another site.
- No English sentence left on a page in another language (a common-word
  check on the text outside code, links and quoted names).
- Spanish reading ease: textstat 0.7.3's Fernández-Huerta score, printed for
  every Spanish page, at least MIN_FERNANDEZ_HUERTA (textstat's Spanish
  syllable count runs low, so the score is a floor, not a target).
- Every page in another language says it is general information, not
  medical advice, and that an emergency means calling 911.
- Offline: what a first visit fetches ahead in the background (the shared
  files and the pages in the visitor's language, sw.js) is at most
  FIRST_VISIT_BYTES gzipped, in every language; the other language's pages
  are kept when the visitor first opens one (tests/e2e/test_offline.py).

The English content tests (facts, reading grade, sources, originality) keep
to the English pages; the page-visit, axe, Nu checker and policy tests take
every page of the build, in every language.
"""

import gzip
import json
import re
from urllib.parse import urljoin, urlsplit
from xml.etree import ElementTree

import pytest
import textstat
from sitebuild import widgets

from .htmlpages import (
    DEFAULT_LANGUAGE,
    DOCS,
    OTHER_LANGUAGES,
    BuiltPage,
    all_source_pages,
    blocks,
    front_matter,
    html_path,
    is_page_note,
    is_word_list,
    language_of,
    parse_html,
    source_pages,
    twin,
)
from .reading_grades import MIN_FERNANDEZ_HUERTA, sentence_text

ENGLISH = source_pages(DEFAULT_LANGUAGE)
TRANSLATED = [src for src in all_source_pages() if language_of(src) != DEFAULT_LANGUAGE]
PAIRS = [(src, twin(src, language)) for language in OTHER_LANGUAGES for src in ENGLISH]
SPANISH = source_pages("es")

# textstat's own name for the locale it starts in; set back after each use,
# since set_lang changes the whole process.
TEXTSTAT_DEFAULT = "en_US"

# What a first visit may fetch ahead in the background, gzipped (issue 18).
FIRST_VISIT_BYTES = 1_000_000
# How a host compresses (gzip's default level).
GZIP_LEVEL = 6

# The page note's words, in each language (overrides/words/template*.json).
NOT_ADVICE = {"es": "información general, no consejo médico"}

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"

# A number as the page writes it: "1-800-633-4227" is four, "$1,250" one,
# "164.524" one. Separators inside a number are dropped for the comparison
# (English 1,250 and Spanish 1.250 are the same number).
NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
# Common English words that Spanish never uses: a block with several of them
# is an English sentence.
ENGLISH_WORDS = frozenset(
    """the and of to you your is are with for this that what will can have it on be not or if
    from by an how do does we our they would should when which about after before their there
    these those was were been has had who get ask may must need want than then""".split()
)
# Distinct common English words that make a block English.
ENGLISH_WORDS_IN_A_SENTENCE = 3
WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
# Quoted names (titles of English sources, words on an English form) are left
# as they are on purpose.
QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"|‘[^’]*’")
# Elements whose text is a name or code, never a sentence to
# translate; [data-widget] is a widget's first view, whose words come from the
# widgets' data files (their Spanish overlays: branch es-widgets).
NOT_PROSE = frozenset({"code", "pre", "cite", "kbd"})


def _built(site, src):
    return site.page(src)


def _article_nodes_text(page, skip):
    article = page.article
    assert article is not None, f"{page.name}: no article"
    return blocks(article, skip=skip)


def _prose_skip(node):
    return (
        is_page_note(node)
        or is_word_list(node)
        or node.tag in NOT_PROSE
        or "data-widget" in node.attrs
        or "sog-language" in node.classes
        or "sog-language-offer" in node.classes
    )


def _facts_skip(node):
    return is_page_note(node) or is_word_list(node) or "sog-language" in node.classes


def numbers(page):
    """Every number in a page's article (page note and word list left out)."""
    text = " ".join(_article_nodes_text(page, _facts_skip))
    return sorted({re.sub(r"[.,]", "", found) for found in NUMBER.findall(text)}, key=lambda n: (len(n), n))


def outside_links(page):
    """Every link from the page's article to another site."""
    found = set()
    for node in page.article.iter():
        href = node.attrs.get("href", "") if node.tag == "a" else ""
        if urlsplit(href).scheme in ("http", "https", "tel", "mailto"):
            found.add(href)
    return found


def sitemap_alternates(site):
    """{site path of a page: {hreflang: site path}} from sitemap.xml's
    <xhtml:link rel="alternate"> (addresses relative to the site root, or
    absolute ones whose path ends the same way)."""

    root = ElementTree.parse(site.dir / "sitemap.xml").getroot()

    def as_rel(address):
        path = urlsplit(address).path.lstrip("/") if urlsplit(address).scheme else address
        path = "" if path in (".", "./") else path
        return path + "index.html" if path.endswith("/") or path == "" else path

    found = {}
    for url in root.iter(SITEMAP + "url"):
        found[as_rel(url.find(SITEMAP + "loc").text.strip())] = {
            link.get("hreflang"): as_rel(link.get("href")) for link in url.iter(XHTML + "link")
        }
    return found


def _points_at(page, href, target_rel):
    """Whether a relative or root-relative href from this page reaches target_rel."""
    base = "/" + page.rel
    path = urlsplit(urljoin(base, href)).path
    if path.endswith("/"):
        path += "index.html"
    return path.lstrip("/") == target_rel


def _widget_view_text():
    """Every block of text the widgets' first views show in English (the
    <!-- widget:x --> markers, rendered as the build renders them)."""
    found = set()
    for render in widgets.marker_functions(widgets.discover()).values():
        root = parse_html(f"<div>{render('.')}</div>")
        found.update(" ".join(block.split()) for block in blocks(root))
    return found


# The widgets' words are data (pyscript/sog/**.json) with their own test that
# every one has a Spanish value (branch es-widgets); until their Spanish is
# merged the widgets' first views stay English, which this check allows.
WIDGET_VIEW_TEXT = _widget_view_text()


def english_blocks(page):
    """The article's blocks that read as English sentences (widget views apart)."""
    found = []
    for block in _article_nodes_text(page, _prose_skip):
        if " ".join(block.split()) in WIDGET_VIEW_TEXT:
            continue
        words = {word.lower() for word in WORD.findall(QUOTED.sub(" ", block))}
        english = words & ENGLISH_WORDS
        if len(english) >= ENGLISH_WORDS_IN_A_SENTENCE:
            found.append(f"{block[:120]!r} (English words: {', '.join(sorted(english))})")
    return found


def fernandez_huerta(page):
    """textstat's Fernández-Huerta score of a page's prose (as graded in English)."""
    text = sentence_text(_article_nodes_text(page, lambda node: is_page_note(node) or is_word_list(node)))
    textstat.set_lang("es")
    try:
        return textstat.fernandez_huerta(text)
    finally:
        textstat.set_lang(TEXTSTAT_DEFAULT)


@pytest.mark.parametrize("src", ENGLISH)
def test_every_english_page_has_its_twins(src):
    """docs/<page>.md has docs/<page>.<language>.md for every other language."""
    missing = [twin(src, language) for language in OTHER_LANGUAGES if not (DOCS / twin(src, language)).is_file()]
    assert not missing, f"{src}: no translation {missing}"


@pytest.mark.parametrize("src", TRANSLATED)
def test_every_translation_has_its_english_page(src):
    """A translated page is the twin of an English page (no page only in Spanish)."""
    assert twin(src, DEFAULT_LANGUAGE) in ENGLISH, f"{src}: no English page {twin(src, DEFAULT_LANGUAGE)}"


@pytest.mark.parametrize("src", TRANSLATED)
def test_translation_keeps_the_front_matter(src):
    """The same front matter keys, the same review date and widget."""
    english, translated = front_matter(twin(src, DEFAULT_LANGUAGE)), front_matter(src)
    assert sorted(translated) == sorted(english), f"{src}: front matter keys differ from the English"
    for key in ("reviewed", "widget"):
        assert translated.get(key) == english.get(key), f"{src}: {key} {translated.get(key)!r} != {english.get(key)!r}"


@pytest.mark.parametrize("src", ENGLISH + TRANSLATED)
def test_page_language_switch_and_hreflang(site, src):
    """<html lang> is the page's language; the language switch links to the
    twin in each other language (named in that language, with lang and
    hreflang); the page's entry in sitemap.xml names it and its twins with
    hreflang."""
    page = _built(site, src)
    language = language_of(src)
    html = next(node for node in page.root.iter() if node.tag == "html")
    assert html.attrs.get("lang") == language, f"{src}: <html lang={html.attrs.get('lang')!r}>"
    twins = {other: twin(src, other) for other in (DEFAULT_LANGUAGE,) + OTHER_LANGUAGES}
    alternates = sitemap_alternates(site).get(html_path(src))
    assert alternates == {other: html_path(other_src) for other, other_src in twins.items()}, (
        f"{src}: sitemap.xml's hreflang alternates are {alternates}"
    )
    switches = [
        node for node in page.root.iter()
        if node.tag == "a" and "sog-language__link" in node.classes
    ]
    assert switches, f"{src}: no language switch"
    for node in switches:
        other = node.attrs.get("hreflang")
        assert other in twins and other != language, f"{src}: a switch to {other!r}"
        assert node.attrs.get("lang") == other, f"{src}: the switch to {other} is not marked lang={other}"
        assert _points_at(page, node.attrs["href"], html_path(twins[other])), (
            f"{src}: the switch to {other} goes to {node.attrs['href']}, not {html_path(twins[other])}"
        )


@pytest.mark.parametrize("english, translated", PAIRS, ids=[pair[1] for pair in PAIRS])
def test_same_facts_on_both_twins(site, english, translated):
    """Every number and every link to another site on the English page is on
    its translation, and the translation adds none."""
    if translated not in TRANSLATED:
        pytest.fail(f"{translated} is missing (test_every_english_page_has_its_twins)")
    ours, theirs = _built(site, english), _built(site, translated)
    only_english = sorted(set(numbers(ours)) - set(numbers(theirs)), key=lambda n: (len(n), n))
    only_translated = sorted(set(numbers(theirs)) - set(numbers(ours)), key=lambda n: (len(n), n))
    links_english = sorted(outside_links(ours) - outside_links(theirs))
    links_translated = sorted(outside_links(theirs) - outside_links(ours))
    problems = []
    if only_english:
        problems.append(f"numbers only in English: {only_english}")
    if only_translated:
        problems.append(f"numbers only in {translated}: {only_translated}")
    if links_english:
        problems.append(f"links only in English: {links_english}")
    if links_translated:
        problems.append(f"links only in {translated}: {links_translated}")
    assert not problems, f"{english} vs {translated}:\n  " + "\n  ".join(problems)


@pytest.mark.parametrize("src", TRANSLATED)
def test_no_english_sentence_left(site, src):
    """No block of a translated page reads as English (ENGLISH_WORDS_IN_A_SENTENCE
    common English words), outside links, code, quoted names and the widgets'
    first views."""
    found = english_blocks(_built(site, src))
    assert not found, f"{src}: English left:\n  " + "\n  ".join(found)


def test_fact_finders_find_the_facts(site):
    """numbers() and outside_links() find a CFR section, a phone number's parts
    and the cited sources, so the twin comparison cannot pass by finding nothing."""
    page = _built(site, "gathering-records.md")
    assert "164524" in numbers(page) and "45" in numbers(page)
    assert outside_links(page)
    assert {"1", "800", "633", "4227"} <= set(numbers(_built(site, "insurance-and-costs.md")))


def test_english_check_finds_english():
    """The common-word check flags an English sentence and passes a Spanish one."""
    def page(body):
        root = parse_html(f'<article class="md-content__inner"><p>{body}</p></article>')
        return BuiltPage(name="x.es.md", rel="x/index.html", path=None, root=root)

    assert english_blocks(page("Ask the office how long it will take to send your records."))
    assert not english_blocks(page("Pregunte en el consultorio cuánto tardan en enviar su expediente."))
    assert not english_blocks(page('El artículo “What to Expect When You Get a Second Opinion” dice eso.'))


@pytest.mark.parametrize("src", SPANISH)
def test_spanish_reading_ease(site, src, record_ease):
    """Fernández-Huerta (textstat 0.7.3, set_lang("es")) of at least MIN_FERNANDEZ_HUERTA;
    the run prints every page's score at the end (grade_summary.py)."""
    score = fernandez_huerta(_built(site, src))
    record_ease(src, score)
    print(f"{src}: Fernández-Huerta {score}")
    assert score >= MIN_FERNANDEZ_HUERTA, f"{src}: Fernández-Huerta {score} is below {MIN_FERNANDEZ_HUERTA}"


@pytest.mark.parametrize("src", TRANSLATED)
def test_says_not_medical_advice_and_911(site, src):
    """The page note says "general information, not medical advice" in the
    page's language, and the page says to call 911 in an emergency."""
    page = _built(site, src)
    notes = [node for node in page.root.iter() if is_page_note(node)]
    assert len(notes) == 1, f"{src}: {len(notes)} page notes"
    note = " ".join(notes[0].text().split()).casefold()
    assert NOT_ADVICE[language_of(src)] in note, f"{src}: the page note does not say it: {note!r}"
    assert re.search(r"\b911\b", page.article.text()), f"{src}: 911 is not mentioned"


def _worker_constant(site, name):
    source = (site.dir / "sw.js").read_text(encoding="utf-8")
    line = next(line for line in source.splitlines() if line.startswith(f"const {name} = "))
    return json.loads(line.removeprefix(f"const {name} = ").rstrip(";"))


def _built_file(site, address):
    if address == "./" or address.endswith("/"):
        address = address.removeprefix("./") + "index.html"
    return site.dir / address


@pytest.mark.parametrize("language", (DEFAULT_LANGUAGE,) + OTHER_LANGUAGES)
def test_first_visit_fetches_at_most_1_mb_gzipped(site, language):
    """The shared files and one language's pages, as sw.js fetches them ahead
    on a first visit in that language: at most FIRST_VISIT_BYTES gzipped."""
    page_languages = _worker_constant(site, "PAGE_LANGUAGES")
    assert set(page_languages.values()) == {DEFAULT_LANGUAGE, *OTHER_LANGUAGES}
    fetched = [
        address for address, _, _ in _worker_constant(site, "FILES")
        if page_languages.get(address, language) == language
    ]
    size = sum(len(gzip.compress(_built_file(site, address).read_bytes(), GZIP_LEVEL)) for address in fetched)
    print(f"first visit in {language}: {len(fetched)} files, {size} bytes gzipped")
    assert size <= FIRST_VISIT_BYTES, f"a first visit in {language} fetches {size} bytes gzipped"
