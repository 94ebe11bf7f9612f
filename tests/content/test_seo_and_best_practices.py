"""What Lighthouse's SEO and best-practices audits asked of every page, checked
in the built HTML (every HTML file of the strict build, in every language
the build makes), so the test run needs no Lighthouse: it now runs in
`make bench` only (benchmarks/lighthouse_table.py prints its scores).

Where each of Lighthouse's audits lives now:

- doctype, charset: here, test_doctype_and_charset_come_first.
- document-title: test_every_page_has_its_own_title.
- meta-description: test_every_page_has_a_description.
- viewport (and accessibility's meta-viewport): test_viewport_fits_the_device_and_allows_zoom.
- html-has-lang, html-lang-valid: test_html_lang_is_the_pages_language (and axe).
- link-text: test_link_text_says_where_it_goes.
- crawlable-anchors: test_links_have_real_addresses.
- hreflang: test_hreflang_links_are_valid (with a self-test, as no page has one yet).
- canonical: test_canonical_link_is_the_page_itself.
- is-crawlable: test_nothing_asks_search_engines_to_stay_away.
- robots-txt: test_robots_txt_is_valid_if_present.
- image-alt: test_images_have_alt_text (and axe).
- http-status-code: tests/e2e/test_page_visits.py, test_page_loads_whole.
- errors-in-console: test_page_visits.py, test_no_errors_in_the_console.
- deprecations, inspector-issues: test_page_visits.py, test_browser_reports_no_issue.
- geolocation-on-start, notification-on-start, third-party-cookies:
  test_page_visits.py, test_asks_for_no_permission_and_sets_no_cookie.
- paste-preventing-inputs: test_page_visits.py, test_every_field_accepts_pasting.
- image-aspect-ratio, image-size-responsive: test_page_visits.py,
  test_images_are_in_proportion_and_sharp.
- font-size: test_page_visits.py, test_text_is_legible.
- is-on-https, redirects-http: the host's part; nothing loads from another
  site (test_site_build.py) and the browser tests' origin guard fails any
  request that leaves the site.
- csp-xss, clickjacking-mitigation, has-hsts, origin-isolation,
  trusted-types-xss (informative, not scored): test_security_policy.py,
  tests/e2e/test_content_security_policy.py and test_security_headers.py.
- js-libraries, valid-source-maps, structured-data (not scored): not checked.
"""

import posixpath
import re
from urllib.parse import unquote, urlsplit

import pytest

from .htmlpages import load_config, parse_html

# Link text that says nothing about where a link goes: Lighthouse 12's lists
# (core/audits/seo/link-text.js) for the guide's languages, plus "click",
# "link" and "read more here", which say as little.
NON_DESCRIPTIVE = {
    "en": {
        "click here", "click this", "go", "here", "information", "learn more", "more", "more info",
        "more information", "right here", "read more", "see more", "start", "this",
        "click", "link", "read more here",
    },
    "es": {
        "click aquí", "click aqui", "clicka aquí", "clicka aqui", "pincha aquí", "pincha aqui", "aquí", "aqui",
        "más", "mas", "más información", "más informacion", "mas información", "mas informacion", "este",
        "enlace", "este enlace", "empezar",
    },
}
LANGUAGE_TAG = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")
ROBOTS_FIELDS = {"user-agent", "allow", "disallow", "sitemap", "crawl-delay"}


@pytest.fixture(scope="module")
def raw_pages(built_site):
    """{path in the site: the HTML as built} for every HTML file."""
    return {
        path.relative_to(built_site).as_posix(): path.read_text(encoding="utf-8")
        for path in sorted(built_site.rglob("*.html"))
    }


def head_elements(page, tag):
    head = page.root.find("head")
    return [node for node in head.iter() if node.tag == tag] if head else []


def page_language(rel):
    """The language a page should declare: the site's, or its language folder's (es/...)."""
    first = rel.split("/")[0]
    if "/" in rel and re.fullmatch(r"[a-z]{2}", first):
        return first
    return load_config()["theme"]["language"]


def test_doctype_and_charset_come_first(raw_pages):
    """Each file starts with <!doctype html> (no quirks mode) and declares
    UTF-8 in its first 1024 bytes, before any text the browser must decode."""
    problems = []
    for rel, markup in raw_pages.items():
        if not re.match(r"\s*<!doctype html>", markup, re.I):
            problems.append(f"{rel}: does not start with <!doctype html>")
        if not re.search(r'<meta charset="utf-8">', markup.encode("utf-8")[:1024].decode("utf-8", "ignore"), re.I):
            problems.append(f"{rel}: no <meta charset=\"utf-8\"> in the first 1024 bytes")
    assert not problems, "\n".join(problems)


def test_html_lang_is_the_pages_language(site):
    """<html lang> is a valid language tag and the page's own language."""
    problems = []
    for rel, page in site.pages.items():
        html = page.root.find("html")
        lang = html.get("lang", "") if html else ""
        if not LANGUAGE_TAG.match(lang):
            problems.append(f"{rel}: <html lang={lang!r}> is not a language tag")
        elif lang.split("-")[0] != page_language(rel):
            problems.append(f"{rel}: <html lang={lang!r}>, but the page is in {page_language(rel)!r}")
    assert not problems, "\n".join(problems)


def test_every_page_has_its_own_title(site):
    """One non-empty <title> per page, and no two pages share one."""
    problems, seen = [], {}
    for rel, page in site.pages.items():
        titles = head_elements(page, "title")
        text = titles[0].text() if len(titles) == 1 else ""
        if not text:
            problems.append(f"{rel}: {len(titles)} <title> elements, or an empty one")
        elif text in seen:
            problems.append(f"{rel}: the same title as {seen[text]}: {text!r}")
        seen.setdefault(text, rel)
    assert not problems, "\n".join(problems)


def test_every_page_has_a_description(site):
    """A non-empty <meta name="description"> (search results show it under the title)."""
    problems = []
    for rel, page in site.pages.items():
        descriptions = [meta for meta in head_elements(page, "meta") if meta.get("name") == "description"]
        if len(descriptions) != 1 or not descriptions[0].get("content", "").strip():
            problems.append(f"{rel}: {len(descriptions)} descriptions, or an empty one")
    assert not problems, "\n".join(problems)


def viewport_problem(content):
    """Why a viewport's content fails, or None: it must fit the device's width
    and let the visitor zoom (no user-scalable=no, no maximum-scale under 5)."""
    settings = {}
    for part in re.split(r"[,;]", content):
        key, _, value = part.partition("=")
        settings[key.strip().lower()] = value.strip().lower()
    if settings.get("width") != "device-width":
        return "no width=device-width"
    if settings.get("user-scalable") in ("no", "0"):
        return "zooming is turned off"
    if "maximum-scale" in settings and float(settings["maximum-scale"] or 0) < 5:
        return "maximum-scale under 5 stops zooming"
    return None


def test_viewport_fits_the_device_and_allows_zoom(site):
    problems = []
    for rel, page in site.pages.items():
        viewports = [meta for meta in head_elements(page, "meta") if meta.get("name") == "viewport"]
        if len(viewports) != 1:
            problems.append(f"{rel}: {len(viewports)} viewport <meta> elements")
            continue
        problem = viewport_problem(viewports[0].get("content", ""))
        if problem:
            problems.append(f"{rel}: {problem} ({viewports[0].get('content')!r})")
    assert not problems, "\n".join(problems)


def test_viewport_check_refuses_what_it_should():
    """The viewport check above fails the viewports that stop a visitor zooming."""
    assert viewport_problem("width=device-width,initial-scale=1") is None
    assert viewport_problem("width=device-width, user-scalable=no")
    assert viewport_problem("width=device-width, maximum-scale=1")
    assert viewport_problem("initial-scale=1")


def link_text(node):
    """A link's text as a reader meets it: its words, or its label if it has no words."""
    text = " ".join(node.text().split()) or node.get("aria-label", "") or node.get("title", "")
    return text.strip().strip(".:!?,;").strip().casefold()


def test_link_text_says_where_it_goes(site):
    """No link reads "click here", "read more" alone, "here" and the like
    (Lighthouse's lists, in the page's language): a screen reader's list of
    links, or a search engine, learns nothing from them."""
    problems = []
    for rel, page in site.pages.items():
        vague = NON_DESCRIPTIVE.get(page_language(rel), set())
        for node in page.root.find_all("a"):
            href = node.get("href", "")
            if not href or href.startswith(("#", "javascript:", "mailto:")):
                continue
            if link_text(node) in vague:
                problems.append(f"{rel}: <a href={href!r}> says only {node.text()!r}")
    assert not problems, "\n".join(problems)


def test_links_have_real_addresses(site):
    """Every link a visitor or a search engine follows has a real address:
    not empty, not javascript:, not a file: on someone's computer."""
    problems = []
    for rel, page in site.pages.items():
        for node in page.root.find_all("a"):
            if "href" not in node.attrs or node.get("role"):
                continue
            href = re.sub(r"\s", "", node.attrs["href"] or "")
            if href == "" or href.lower().startswith(("javascript:", "file:")):
                problems.append(f"{rel}: <a href={node.attrs['href']!r}> ({node.text()[:40]!r})")
    assert not problems, "\n".join(problems)


def hreflang_problems(pages, absolute_required):
    """Problems with the <link rel="alternate" hreflang> links of parsed pages
    ({path in the site: BuiltPage-like with .root}): each names a language
    (or x-default), leads to a built page in that language (an absolute
    address when the build has a site_url), and that page links back."""
    problems = []
    links = {}
    for rel, page in pages.items():
        for node in head_elements(page, "link"):
            if node.get("rel") != "alternate" or not node.get("hreflang"):
                continue
            lang, href = node.get("hreflang"), node.get("href", "")
            if lang.lower() != "x-default" and not LANGUAGE_TAG.match(lang):
                problems.append(f"{rel}: hreflang={lang!r} is not a language tag")
            parts = urlsplit(href)
            if absolute_required and parts.scheme not in ("http", "https"):
                problems.append(f"{rel}: hreflang {lang} address {href!r} is not absolute")
            target = resolve_page(rel, unquote(parts.path), pages, absolute=bool(parts.scheme))
            if target is None:
                problems.append(f"{rel}: hreflang {lang} address {href!r} is not a page of the build")
                continue
            html = pages[target].root.find("html")
            target_lang = html.get("lang", "") if html is not None else ""
            if lang.lower() != "x-default" and target_lang.split("-")[0] != lang.split("-")[0]:
                problems.append(f"{rel}: hreflang {lang} leads to {target}, whose language is {target_lang!r}")
            links.setdefault(rel, set()).add(target)
    for rel, targets in links.items():
        for target in targets - {rel}:
            if rel not in links.get(target, set()):
                problems.append(f"{rel}: {target} does not link back with hreflang")
    return problems


def resolve_page(rel, path, pages, absolute):
    """The site path of the built page an address leads to, or None."""
    if absolute:
        # The test build does not know the site's own path: try each ending.
        segments = [segment for segment in path.split("/") if segment]
        candidates = ["/".join(segments[start:]) for start in range(len(segments) + 1)]
    else:
        candidates = [posixpath.normpath(posixpath.join(posixpath.dirname(rel), path))]
    for candidate in candidates:
        candidate = "" if candidate == "." else candidate.strip("/")
        for option in (candidate, posixpath.join(candidate, "index.html")):
            if option in pages:
                return option
    return None


def test_hreflang_links_are_valid(site):
    """Where a page names its versions in other languages, each is valid and reciprocal."""
    absolute = bool(load_config().get("site_url"))
    problems = hreflang_problems(site.pages, absolute_required=absolute)
    assert not problems, "\n".join(problems)


class _Page:
    def __init__(self, markup):
        self.root = parse_html(markup)


def test_hreflang_check_catches_what_it_should():
    """The check above passes a correct pair of pages and names each fault in a broken one."""

    def page(lang, *alternates):
        links = "".join(f'<link rel="alternate" hreflang="{code}" href="{href}">' for code, href in alternates)
        return _Page(f'<!doctype html><html lang="{lang}"><head>{links}</head><body></body></html>')

    good = {
        "about/index.html": page("en", ("en", "../about/"), ("es", "../es/about/")),
        "es/about/index.html": page("es", ("en", "../../about/"), ("es", "./")),
    }
    assert hreflang_problems(good, absolute_required=False) == []
    broken = {
        "about/index.html": page("en", ("english", "../about/"), ("es", "../es/about/"), ("fr", "../fr/about/")),
        "es/about/index.html": page("en"),
    }
    found = "\n".join(hreflang_problems(broken, absolute_required=True))
    assert "'english' is not a language tag" in found
    assert "is not absolute" in found
    assert "../fr/about/' is not a page of the build" in found
    assert "whose language is 'en'" in found
    assert "does not link back" in found


def test_canonical_link_is_the_page_itself(site):
    """A canonical link, where the build writes one (with a site_url), is an
    absolute address that ends with the page's own path."""
    problems = []
    for rel, page in site.pages.items():
        canonical = [node for node in head_elements(page, "link") if node.get("rel") == "canonical"]
        if not canonical:
            continue
        href = canonical[0].get("href", "")
        own = "/" + rel.removesuffix("index.html")
        if len(canonical) > 1 or urlsplit(href).scheme not in ("http", "https") or not href.endswith(own):
            problems.append(f"{rel}: canonical {[node.get('href') for node in canonical]}")
    assert not problems, "\n".join(problems)


def test_nothing_asks_search_engines_to_stay_away(site, built_site):
    """No page says noindex or none to robots, in a <meta> or in the _headers file."""
    problems = []
    for rel, page in site.pages.items():
        for meta in head_elements(page, "meta"):
            if (meta.get("name") or "").lower() in ("robots", "googlebot"):
                if re.search(r"\b(noindex|none)\b", meta.get("content", ""), re.I):
                    problems.append(f"{rel}: <meta name=robots content={meta.get('content')!r}>")
    headers = (built_site / "_headers").read_text(encoding="utf-8")
    if re.search(r"X-Robots-Tag:.*\b(noindex|none)\b", headers, re.I):
        problems.append("_headers sends X-Robots-Tag noindex")
    assert not problems, "\n".join(problems)


def test_robots_txt_is_valid_if_present(built_site):
    """The build writes no robots.txt; if one is ever added, each line is a known directive."""
    robots = built_site / "robots.txt"
    if not robots.exists():
        return
    for line in robots.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            field = line.partition(":")[0].strip().lower()
            assert field in ROBOTS_FIELDS, f"robots.txt: unknown directive {line!r}"


def test_images_have_alt_text(site):
    """Every <img> (and image button) has an alt attribute: words for a picture
    that says something, alt="" for one that is only decoration."""
    problems = []
    for rel, page in site.pages.items():
        for node in page.root.iter():
            is_image = node.tag == "img" or (node.tag == "input" and node.get("type") == "image")
            if is_image and "alt" not in node.attrs and node.get("role") not in ("presentation", "none"):
                problems.append(f"{rel}: <{node.tag} src={node.get('src')!r}> has no alt")
    assert not problems, "\n".join(problems)
