"""The strict build, its nav, its links and what its pages load.

- `mkdocs build --strict` succeeds and every page in the nav is built.
- Every internal link, asset reference and #anchor in every built HTML file
  points at a file that exists and, for an anchor, an id on that page.
- Nothing a page loads (scripts, styles, icons, images, frames, fonts, the
  PyScript interpreter...) comes from another site: the guide promises no
  tracking, and it must work offline once loaded.
- Hyperlinks to other sites appear only where sources are cited: in a page's
  "Sources" section and on the About page.
"""

import json
import posixpath
import re
from urllib.parse import unquote, urlsplit

import pytest
from sitebuild import widgets

from tests.e2e.site_pages import pages_from_docs, read_pages

from .htmlpages import DOCS, all_source_pages, html_path, nav_pages

PAGES = all_source_pages()
# Built HTML that does not come from docs/: Material's "page not found" page.
THEME_PAGES = ["404.html", "es/404.html"]  # one per language (hooks/theme.py)
# A catch-all case for any other HTML file the build may make later.
OTHER_HTML = "other-html-files"
ALL_HTML = PAGES + THEME_PAGES + [OTHER_HTML]

# External hyperlinks that Material's own templates put on every page. With no
# repo_url, no social links and `extra.generator: false` ("Made with Material")
# this build has none; list any here if the theme config ever adds them.
THEME_EXTERNAL_LINKS = frozenset()
# Pages whose article may link out anywhere: About lists the source articles.
SOURCE_LIST_PAGES = frozenset({"about.md", "about.es.md"})
SOURCES_ID = "sources"

# <link rel=...> values that make the browser fetch something.
ASSET_RELS = frozenset(
    """stylesheet icon shortcut apple-touch-icon apple-touch-icon-precomposed mask-icon
    manifest preload modulepreload prefetch preconnect dns-prefetch prerender""".split()
)
# Attributes (besides href) whose value is fetched by the browser.
ASSET_ATTRS = frozenset({"src", "poster", "background", "action", "formaction", "xlink:href", "manifest"})
OFFSITE_CSS = re.compile(
    r"""(?:url\(\s*['"]?|@import\s+(?:url\(\s*)?['"]?)\s*((?:https?:)?//[^'")\s]+)""", re.I
)


def is_offsite(url):
    """True for absolute http(s):// and protocol-relative // addresses."""
    parts = urlsplit(url.strip())
    return parts.scheme in ("http", "https") or (not parts.scheme and url.strip().startswith("//"))


def has_scheme(url):
    return bool(urlsplit(url.strip()).scheme)


def references(page):
    """(element, attribute, url, kind) for every address in a parsed page.

    kind is "asset" (fetched when the page loads: scripts, styles, icons, images,
    frames, form targets, PyScript files, the files a widget's start fetches), "link" (an <a>/<area> hyperlink) or
    "other" (rel=prev/next/canonical links and data-*-href fallbacks).
    """
    found = []
    for node in page.root.iter():
        for name, value in node.attrs.items():
            if value is None:
                continue
            if name == "href" or name.endswith("-href"):
                if node.tag in ("a", "area") and name == "href":
                    kind = "link"
                elif node.tag == "link" and ASSET_RELS & set((node.get("rel") or "").lower().split()):
                    kind = "asset"
                else:
                    kind = "other"
                found.append((node, name, value, kind))
            elif name in ASSET_ATTRS or name.endswith("-src") or (node.tag == "object" and name == "data"):
                found.append((node, name, value, "asset"))
            elif name in ("srcset", "imagesrcset"):
                for candidate in value.split(","):
                    if candidate.split():
                        found.append((node, name, candidate.split()[0], "asset"))
            elif node.tag in ("script", "mpy-script", "py-script") and name == "config":
                found += [(node, name, url, "asset") for url in _pyscript_config_urls(value)]
            elif name == "data-start":
                found += [(node, name, url, "asset") for url in _start_urls(value)]
    return found


def _start_urls(value):
    """The addresses in a widget's data-start attribute ({kind: [addresses]}:
    what docs/javascripts/widget-start.js fetches to start the widget)."""
    return [url for urls in json.loads(value).values() for url in urls]


def _pyscript_config_urls(value):
    """The addresses in a PyScript `config` attribute: a file's address, or inline JSON
    whose interpreter, files (keys) and any http(s) strings are all fetched."""
    try:
        config = json.loads(value)
    except ValueError:
        return [value] if value.strip() and not value.lstrip().startswith(("{", "[")) else []
    urls = []
    if isinstance(config, dict):
        if isinstance(config.get("interpreter"), str):
            urls.append(config["interpreter"])
        if isinstance(config.get("files"), dict):
            urls += list(config["files"])

    def walk(item):
        if isinstance(item, dict):
            for key, inner in item.items():
                walk(key)
                walk(inner)
        elif isinstance(item, list):
            for inner in item:
                walk(inner)
        elif isinstance(item, str) and is_offsite(item) and item not in urls:
            urls.append(item)

    walk(config)
    return urls


def resolve(site, page, url):
    """An internal address -> (site-relative HTML/file path, fragment) or an error string."""
    parts = urlsplit(url)
    path = unquote(parts.path)
    if not path:
        target = page.rel
    elif path.startswith("/"):
        target = posixpath.normpath(path.lstrip("/") or ".")
    else:
        target = posixpath.normpath(posixpath.join(posixpath.dirname(page.rel), path))
    if target == ".." or target.startswith("../"):
        return f"leaves the site ({target})"
    file = site.dir / target
    if file.is_dir():
        target = posixpath.normpath(posixpath.join(target, "index.html"))
        file = site.dir / target
    if not file.is_file():
        return f"no such file in the build: {target}"
    return target, unquote(parts.fragment)


def pages_for(site, name):
    if name == OTHER_HTML:
        known = {html_path(src) for src in PAGES} | set(THEME_PAGES)
        return [page for rel, page in site.pages.items() if rel not in known]
    return [site.page(name)]


def describe(node, name, url):
    return f"<{node.tag} {name}={url!r}>"


def test_strict_build_succeeds(built_site):
    """`mkdocs build --strict` finishes without a warning (the built_site fixture fails
    with MkDocs' own output otherwise) and writes a home page and a 404 page."""
    assert (built_site / "index.html").is_file()
    assert (built_site / "404.html").is_file()


@pytest.mark.parametrize("src", nav_pages())
def test_nav_page_is_built(site, src):
    """Every page listed in mkdocs.yml's nav comes out as an HTML page with an article."""
    page = site.page(src)
    assert page.article is not None, f"{src}: {page.rel} has no <article class='md-content__inner'>"


@pytest.mark.parametrize("name", ALL_HTML)
def test_internal_links_and_anchors_resolve(site, name):
    """Every internal address in the page (links, assets, #anchors, the PyScript
    files) points at a file in the build, and every #anchor at an id on that page."""
    problems = []
    for page in pages_for(site, name):
        for node, attr, url, _kind in references(page):
            if has_scheme(url) or is_offsite(url):
                continue  # http(s), mailto:, tel:, data: ... are not files in the build
            resolved = resolve(site, page, url)
            if isinstance(resolved, str):
                problems.append(f"{page.rel}: {describe(node, attr, url)} {resolved}")
                continue
            target, fragment = resolved
            if fragment and target.endswith(".html"):
                ids = site.pages[target].ids if target in site.pages else frozenset()
                if fragment not in ids:
                    link = describe(node, attr, url)
                    problems.append(f"{page.rel}: {link} - {target} has no id {fragment!r}")
    assert not problems, "broken internal links or anchors:\n" + "\n".join(problems)


@pytest.mark.parametrize("name", ALL_HTML)
def test_no_asset_is_loaded_from_another_site(site, name):
    """Nothing the page loads (script, stylesheet, icon, preload, image, frame, media
    source, form target, PyScript interpreter or files, CSS url()/@import in <style>
    or style="") uses an absolute http(s):// or protocol-relative // address."""
    problems = []
    for page in pages_for(site, name):
        for node, attr, url, kind in references(page):
            if kind == "asset" and is_offsite(url):
                problems.append(f"{page.rel}: {describe(node, attr, url)}")
        for node in page.root.iter():
            css = node.get("style", "")
            if node.tag == "style":
                css += " ".join(child for child in node.children if isinstance(child, str))
            for match in OFFSITE_CSS.finditer(css):
                problems.append(f"{page.rel}: <{node.tag}> CSS loads {match.group(1)}")
    assert not problems, "assets loaded from another site:\n" + "\n".join(problems)


def test_stylesheets_load_nothing_from_another_site(built_site):
    """No built stylesheet (the theme's or ours) pulls a font, image or @import from
    another site (Material's Google Fonts are off: theme.font is false)."""
    problems = []
    for path in sorted(built_site.rglob("*.css")):
        for match in OFFSITE_CSS.finditer(path.read_text(encoding="utf-8", errors="replace")):
            problems.append(f"{path.relative_to(built_site)}: {match.group(1)}")
    assert not problems, "stylesheets loading from another site:\n" + "\n".join(problems)


def external_links(page):
    """(url, where) for every <a>/<area> to another site; where is "sources" (in the
    article's Sources section), "article" (elsewhere in the article) or "theme"."""
    article = page.article
    in_article = set(map(id, article.iter())) if article is not None else set()
    in_sources = set()
    if article is not None:
        inside = False
        for node in article.iter():
            if node.tag in ("h1", "h2"):
                inside = node.get("id") == SOURCES_ID
            elif node.tag == "aside" and "sog-page-note" in node.classes:
                inside = False
            if inside:
                in_sources.add(id(node))
    found = []
    for node, _attr, url, kind in references(page):
        if kind == "link" and is_offsite(url):
            where = "sources" if id(node) in in_sources else "article" if id(node) in in_article else "theme"
            found.append((url, where))
    return found


@pytest.mark.parametrize("name", ALL_HTML)
def test_external_links_only_where_sources_are_cited(site, name):
    """Links to other sites sit only in a page's Sources section (h2#sources up to the
    next h2) or in the About page's article, apart from THEME_EXTERNAL_LINKS."""
    problems = []
    for page in pages_for(site, name):
        for url, where in external_links(page):
            if where == "sources":
                continue
            if where == "article" and page.name in SOURCE_LIST_PAGES:
                continue
            if where == "theme" and url in THEME_EXTERNAL_LINKS:
                continue
            place = "outside the Sources section" if where == "article" else "in the theme's page frame"
            problems.append(f"{page.rel}: link to {url} {place}")
    assert not problems, "external links outside Sources:\n" + "\n".join(problems)


@pytest.mark.parametrize("name", ALL_HTML)
def test_external_links_use_https(site, name):
    """Cited addresses use https://, so a reader following a source is not sent over
    plain http or to a protocol-relative address."""
    problems = [
        f"{page.rel}: {url}"
        for page in pages_for(site, name)
        for url, _where in external_links(page)
        if not url.lower().startswith("https://")
    ]
    assert not problems, "external links not on https://:\n" + "\n".join(problems)


def test_widget_styles_reach_only_the_pages_that_show_the_widget(built_site):
    """A widget's own stylesheets (its manifest's "styles") are linked on its
    page and on pages that show its markers, after the shared widgets.css
    and print.css, and on no other page; the service worker keeps them."""
    registry = widgets.discover()
    worker = (built_site / "sw.js").read_text(encoding="utf-8")
    linked = set()
    for path in sorted(built_site.rglob("index.html")):
        text = path.read_text(encoding="utf-8")
        hrefs = re.findall(r'<link rel="stylesheet" href="([^"]+)"', text)
        mine = [href for href in hrefs if "/" + widgets.STYLES_FOLDER + "/" in href]
        rel = path.relative_to(built_site).as_posix()
        # A page in another language ("es/checklist/") comes from its twin
        # ("checklist.es.md"), which shows the same widgets.
        stem = rel[:-len("index.html")].rstrip("/")
        top, _, rest = stem.partition("/")
        language = top if len(top) == 2 and (DOCS / ((rest or "index") + "." + top + ".md")).is_file() else ""
        if language:
            stem = rest
        source = DOCS / ((stem or "index") + ("." + language if language else "") + ".md")
        markdown = source.read_text(encoding="utf-8") if source.is_file() else ""
        name = re.search(r"^widget: *([\w-]+)", markdown, re.M)
        expected = widgets.styles_for(([name.group(1)] if name else []) + widgets.widgets_shown(markdown, registry),
                                      registry)
        assert sorted(href.split("/" + widgets.STYLES_FOLDER + "/")[1] for href in mine) == sorted(expected), rel
        if mine:
            shared = [index for index, href in enumerate(hrefs) if href.endswith(("/widgets.css", "/print.css"))]
            assert max(shared) < hrefs.index(mine[0]), rel
        for href in mine:
            target = (path.parent / href).resolve()
            assert target.is_file(), (rel, href)
            linked.add(target.relative_to(built_site.resolve()).as_posix())
    assert linked
    for relative in linked:
        assert '"' + relative in worker or "/" + relative in worker, relative


def test_the_browser_tests_page_list_is_every_page_the_build_made(built_site):
    """The browser tests are collected from pages_from_docs (docs/ read as the
    build reads it), so that collecting them builds nothing: it must be exactly
    the built site's pages, each with its language and widget."""
    assert pages_from_docs() == read_pages(built_site)
