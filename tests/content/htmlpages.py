"""Shared helpers for the content tests: which pages exist, and a small HTML tree.

BeautifulSoup (the tests' one HTML parser) reads the built HTML. Each built
page is parsed once per test session (see conftest.py) into a light tree of
`Element`s that the tests walk.
"""

from __future__ import annotations

import copy
import functools
import re
from dataclasses import dataclass, field
from pathlib import Path

import pathspec
from bs4 import BeautifulSoup, NavigableString, Tag
from mkdocs.utils.yaml import yaml_load

PROJECT = Path(__file__).resolve().parents[2]
DOCS = PROJECT / "docs"
MKDOCS_YML = PROJECT / "mkdocs.yml"

# Elements whose content is never shown as text.
NOT_TEXT = frozenset({"script", "style", "template", "svg", "math"})
# Elements that start a new line of text (a block). Form parts are in the list
# because the widgets render one question, choice or button per line.
BLOCKS = frozenset(
    """
    address article aside blockquote body caption dd details dialog div dl dt fieldset
    figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr li legend main nav ol p pre
    section summary table tbody td tfoot th thead tr ul label button option select textarea
    """.split()
)
HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")


def load_config():
    """mkdocs.yml as a dict (its !ENV tags read the way MkDocs reads them):
    a copy of it as read once per process (collecting asks for it a dozen
    times, in every xdist worker)."""
    return copy.deepcopy(_read_config())


@functools.cache
def _read_config():
    with open(MKDOCS_YML, encoding="utf-8") as handle:
        return yaml_load(handle)


@functools.cache
def _excluded():
    config = _read_config()
    lines = [".*", "/templates/"]  # MkDocs' own default exclusions
    lines += (config.get("exclude_docs") or "").splitlines()
    return pathspec.gitignore.GitIgnoreSpec.from_lines(lines)


def site_languages():
    """The site's languages from mkdocs.yml's i18n plugin, the default first: ["en", "es"]."""
    for plugin in load_config().get("plugins") or []:
        if isinstance(plugin, dict) and "i18n" in plugin:
            languages = plugin["i18n"]["languages"]
            return [lang["locale"] for lang in sorted(languages, key=lambda lang: not lang.get("default"))]
    return ["en"]


DEFAULT_LANGUAGE = site_languages()[0]
OTHER_LANGUAGES = tuple(site_languages()[1:])


def language_of(src):
    """A page's language from its file name: "about.es.md" -> "es", "about.md" -> the default."""
    suffixes = src.rpartition("/")[2].split(".")[1:-1]
    return suffixes[-1] if suffixes and suffixes[-1] in OTHER_LANGUAGES else DEFAULT_LANGUAGE


def twin(src, language):
    """The same page in another language: ("about.md", "es") -> "about.es.md", and back."""
    parent, _, name = src.rpartition("/")
    stem = name[: -len(".md")]
    if language_of(src) != DEFAULT_LANGUAGE:
        stem = stem.rpartition(".")[0]
    name = f"{stem}.md" if language == DEFAULT_LANGUAGE else f"{stem}.{language}.md"
    return f"{parent}/{name}" if parent else name


def all_source_pages():
    """Every Markdown page the build turns into HTML, in every language, as paths
    relative to docs/ ("about.md", "about.es.md")."""
    excluded = _excluded()
    pages = []
    for path in DOCS.rglob("*.md"):
        rel = path.relative_to(DOCS).as_posix()
        if not excluded.match_file(rel):
            pages.append(rel)
    return sorted(pages)


def source_pages(language=DEFAULT_LANGUAGE):
    """The Markdown pages of one language (English unless told): the English
    content tests (facts, reading grade, sources) keep to these."""
    return [src for src in all_source_pages() if language_of(src) == language]


def html_path(src):
    """docs-relative Markdown path -> the built HTML file (use_directory_urls is on);
    a page in another language is under its folder: "about.es.md" -> "es/about/index.html"."""
    language = language_of(src)
    parent, _, name = twin(src, DEFAULT_LANGUAGE).rpartition("/")
    stem = name[: -len(".md")]
    prefix = f"{parent}/" if parent else ""
    if language != DEFAULT_LANGUAGE:
        prefix = f"{language}/{prefix}"
    if stem in ("index", "README"):
        return f"{prefix}index.html"
    return f"{prefix}{stem}/index.html"


def nav_pages(nav=None):
    """Every Markdown file the nav in mkdocs.yml lists, in nav order."""
    if nav is None:
        nav = load_config().get("nav") or []
    found = []
    for entry in nav:
        value = entry
        if isinstance(entry, dict):
            (value,) = entry.values()
        if isinstance(value, list):
            found += nav_pages(value)
        elif isinstance(value, str) and not re.match(r"^[a-z][a-z0-9+.-]*:|^/", value):
            found.append(value)
    return found


def front_matter(src):
    """The `key: value` lines of a page's YAML front matter, as plain strings."""
    text = (DOCS / src).read_text(encoding="utf-8")
    match = re.match(r"---\n(.*?)\n---\n", text, re.S)
    meta = {}
    if match:
        for line in match.group(1).splitlines():
            key, sep, value = line.partition(":")
            if sep and not key.startswith((" ", "\t")):
                meta[key.strip()] = value.strip().strip("\"'")
    return meta


class Element:
    """One HTML element: tag, attributes, and children (Elements and text strings)."""

    __slots__ = ("tag", "attrs", "children", "parent")

    def __init__(self, tag, attrs, parent=None):
        self.tag = tag
        self.attrs = attrs
        self.children = []
        self.parent = parent

    def __repr__(self):
        ident = f"#{self.attrs['id']}" if self.attrs.get("id") else ""
        return f"<{self.tag}{ident}>"

    def get(self, name, default=None):
        value = self.attrs.get(name, default)
        return default if value is None else value

    @property
    def classes(self):
        return (self.attrs.get("class") or "").split()

    def iter(self):
        """This element and every element inside it, in document order."""
        stack = [self]
        while stack:
            node = stack.pop()
            yield node
            stack.extend(child for child in reversed(node.children) if isinstance(child, Element))

    def find_all(self, tag=None, cls=None):
        return [
            node
            for node in self.iter()
            if (tag is None or node.tag == tag) and (cls is None or cls in node.classes)
        ]

    def find(self, tag=None, cls=None):
        found = self.find_all(tag, cls)
        return found[0] if found else None

    def element_children(self):
        return [child for child in self.children if isinstance(child, Element)]

    def next_element_sibling(self):
        if self.parent is None:
            return None
        siblings = self.parent.element_children()
        index = next(i for i, child in enumerate(siblings) if child is self)
        return siblings[index + 1] if index + 1 < len(siblings) else None

    def text(self):
        """All text inside, whitespace collapsed (scripts, styles and SVG left out)."""
        return " ".join(" ".join(blocks(self)).split())


def _from_soup(node, parent):
    """An Element tree from a BeautifulSoup tree (text kept as plain strings;
    comments, doctype and the like left out)."""
    element = Element(node.name, dict(node.attrs), parent)
    for child in node.children:
        if isinstance(child, Tag):
            element.children.append(_from_soup(child, element))
        elif type(child) is NavigableString:
            element.children.append(str(child))
    return element


def parse_html(markup):
    """The page as a tree of Elements, parsed by BeautifulSoup (the tests' one parser)."""
    soup = BeautifulSoup(markup, "html.parser", multi_valued_attributes=None)
    root = Element("#document", {})
    for child in soup.children:
        if isinstance(child, Tag):
            root.children.append(_from_soup(child, root))
    return root


def blocks(element, skip=lambda node: False, pre_lines=True):
    """The text of element as a list of blocks: one string per paragraph, list item,
    heading, table cell, form label and so on; nested blocks come out on their own.

    skip(node) -> True leaves that element (and all inside it) out. With pre_lines,
    each line of a <pre> block is its own block.
    """
    out = []
    current = []

    def flush():
        text = " ".join("".join(current).split())
        if text:
            out.append(text)
        current.clear()

    def walk(node, in_pre):
        for child in node.children:
            if isinstance(child, str):
                if in_pre and pre_lines:
                    lines = child.split("\n")
                    for i, line in enumerate(lines):
                        if i:
                            flush()
                        current.append(line)
                else:
                    current.append(child)
                continue
            if child.tag in NOT_TEXT or skip(child):
                continue
            if child.tag == "br":
                current.append(" ")
                continue
            is_block = child.tag in BLOCKS
            if is_block:
                flush()
            walk(child, in_pre or child.tag == "pre")
            if is_block:
                flush()

    walk(element, element.tag == "pre")
    flush()
    return out


def is_page_note(node):
    return node.tag == "aside" and "sog-page-note" in node.classes


def is_word_list(node):
    """The page's own list of the glossary words it links (overrides/sitebuild/glossary_list.py)."""
    return node.tag == "details" and "sog-words" in node.classes


@dataclass
class BuiltPage:
    """One built HTML file, parsed."""

    name: str  # "about.md" for pages from docs/, else the HTML path ("404.html")
    rel: str  # path inside the site ("about/index.html")
    path: Path
    root: Element
    ids: frozenset = field(default_factory=frozenset)

    @property
    def article(self):
        for node in self.root.iter():
            if node.tag == "article" and "md-content__inner" in node.classes:
                return node
        return None

    def article_blocks(self, include_note=False):
        """The article's visible text as blocks (see blocks()); the page note left out
        unless include_note."""
        article = self.article
        if article is None:
            return []
        skip = (lambda node: False) if include_note else is_page_note
        return blocks(article, skip=skip)


def parse_page(site_dir, rel, name=None):
    path = Path(site_dir) / rel
    root = parse_html(path.read_text(encoding="utf-8"))
    ids = frozenset(node.attrs["id"] for node in root.iter() if node.attrs.get("id"))
    return BuiltPage(name=name or rel, rel=rel, path=path, root=root, ids=ids)


def parse_site(site_dir):
    """Every HTML file of a built site, parsed, keyed by its path inside the site."""
    site_dir = Path(site_dir)
    by_html = {html_path(src): src for src in all_source_pages()}
    pages = {}
    for path in sorted(site_dir.rglob("*.html")):
        rel = path.relative_to(site_dir).as_posix()
        pages[rel] = parse_page(site_dir, rel, by_html.get(rel))
    return pages


class Site:
    """A built site with every HTML file parsed once."""

    def __init__(self, site_dir):
        self.dir = Path(site_dir)
        self.pages = parse_site(self.dir)

    def page(self, src):
        """The parsed page built from docs/src ("about.md"), or a built HTML path ("404.html")."""
        rel = html_path(src) if src.endswith(".md") else src
        if rel not in self.pages:
            raise AssertionError(f"{src}: the build has no {rel}")
        return self.pages[rel]
