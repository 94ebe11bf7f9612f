"""The guidance states its facts as precisely as the law and the studies allow (issue 7).

Checked in the built pages' own prose: the Markdown-written text of each
article, without the shared page note and without the widgets' static HTML
(that text comes from the widgets' data files, which have their own tests).
Each check names the page and the section that fails.

- No promises and no absolutes: nothing says a doctor "cannot say no" or "will
  not be upset".
- Is it safe to wait? on "When it is worth it" and "Talking to your doctor".
- HIPAA right of access: denials are rare and narrow, in writing with the
  reason and a way to ask for a review; it covers information, not slides and
  tissue blocks, which the pathology lab lends; where copy fees are discussed,
  the Ciox Health v. Azar point and "your own copy is often cheaper".
- Slide retention 10 / 5 / 2 years; the Medicare facts and a worked 20% example;
  "20%" always said of Original Medicare.
- Helpers: wherever a helper is asked to call or handle records, the page says
  offices usually need the patient's signed permission.
- The Mayo Clinic study keeps its caveat wherever it is mentioned.
- Coinsurance defined; the ABMS lookup's address; help lines with tap-to-call
  links; a free medical interpreter; each of these names its source.
- Long pages open with a "Do this first" box of three steps.
- Yearly figures: never written out in docs/ or in the widgets' data files
  (pyscript/**/*.json; only in pyscript/sog/figures.json), and shown with their
  year wherever they appear.
"""

import json
import re

import pytest
from sog import figures

from .htmlpages import DOCS, PROJECT, blocks, is_page_note, source_pages

PAGES = source_pages()
FIGURES = figures.parse_figures((PROJECT / "pyscript" / "sog" / "figures.json").read_text(encoding="utf-8"))

# Elements whose text comes from a widget's data file, not from the page's Markdown.
WIDGET_CLASSES = frozenset({"sog-widget", "sog-guide"})
SOURCES_IDS = frozenset({"sources", "where-our-facts-come-from"})


def is_widget(node):
    return bool(WIDGET_CLASSES.intersection(node.classes))


def _not_prose(node):
    return is_page_note(node) or is_widget(node)


def sections(page):
    """[(h2 id, h2 text, [blocks])] of the article's own prose in order; the text before
    the first h2 (title, summary, opening boxes) is the section with id ""."""
    found = [["", "", []]]
    for child in page.article.element_children():
        if _not_prose(child):
            continue
        if child.tag == "h2":
            found.append([child.get("id") or "", child.text(), []])
            continue
        found[-1][2].extend(blocks(child, skip=_not_prose))
    return [tuple(section) for section in found]


def main_sections(page):
    """sections() without the Sources section."""
    return [section for section in sections(page) if section[0] not in SOURCES_IDS]


def sources_text(page):
    """The Sources section's text and the addresses it links to, as one string."""
    for node in page.article.iter():
        if node.tag == "h2" and node.get("id") in SOURCES_IDS:
            parts = []
            sibling = node.next_element_sibling()
            while sibling is not None and sibling.tag != "h2" and not is_page_note(sibling):
                parts.append(sibling.text())
                parts += [link.get("href", "") for link in sibling.find_all("a")]
                sibling = sibling.next_element_sibling()
            return " ".join(parts)
    return ""


def main_text(page):
    return " ".join(block for _id, _title, section_blocks in main_sections(page) for block in section_blocks)


def section_by_title(page, title):
    for section_id, section_title, section_blocks in sections(page):
        if section_title.casefold() == title.casefold():
            return section_id, " ".join(section_blocks)
    raise AssertionError(f"{page.name}: no h2 {title!r} (h2s: {[t for _i, t, _b in sections(page)][1:]})")


def missing(text, patterns):
    return [pattern for pattern in patterns if not re.search(pattern, text, re.IGNORECASE)]


# --- No promises, no absolutes ----------------------------------------------------------

ABSOLUTE_CLAIMS = [
    r"\bcannot say no\b",
    r"\bcan(?:not|'t) (?:refuse|deny|turn you down)\b",
    r"\bnot refusing\b",
    r"\b(?:will not|won't|never) (?:be )?(?:upset|offended|mind)\b",
    r"\b(?:will not|won't) (?:offend|upset) (?:them|your doctor)\b",
    r"\bdoes not mean something is wrong\b",
]


@pytest.mark.parametrize("src", PAGES)
def test_no_promises_or_absolute_claims(site, src):
    """Nothing promises how a doctor will feel or says a request can never be refused."""
    text = " ".join(block for _i, _t, section_blocks in sections(site.page(src)) for block in section_blocks)
    found = [
        match.group(0) for pattern in ABSOLUTE_CLAIMS for match in re.finditer(pattern, text, re.IGNORECASE)
    ]
    assert not found, f"{src}: absolute claims or promises: {found}"


# --- Is it safe to wait? ------------------------------------------------------------------

SAFE_TO_WAIT = [
    r"how long[^.]*safely wait",
    r"(?:keep|stay)[^.]*current treatment[^.]*unless[^.]*doctor",
    r"worse[^.]*call your doctor's office today",
    r"\b911\b",
]


@pytest.mark.parametrize("src", ["when-to-get-one.md", "talking-to-your-doctor.md"])
def test_is_it_safe_to_wait(site, src):
    """The page has "Is it safe to wait?": ask how long you can safely wait, keep your current
    treatment unless a doctor says otherwise, call the office today if worse (911 in an emergency)."""
    _id, text = section_by_title(site.page(src), "Is it safe to wait?")
    gaps = missing(text, SAFE_TO_WAIT)
    assert not gaps, f"{src}: 'Is it safe to wait?' lacks {gaps}"


# --- Records: HIPAA right of access -----------------------------------------------------


def test_right_of_access_is_not_absolute(site):
    """Denials are rare and narrow, come in writing with the reason, and say how to ask for a review."""
    _id, text = section_by_title(site.page("gathering-records.md"), "Your right to your own records")
    gaps = missing(
        text, [r"\brare", r"in writing", r"\breason\b", r"\breview\b", r"psychotherapy notes|safety"]
    )
    assert not gaps, f"gathering-records.md: the right-of-access section lacks {gaps}"


def test_right_of_access_covers_information_not_specimens(site):
    """Slides and tissue blocks are not covered by the right of access: the lab lends them."""
    _id, text = section_by_title(site.page("gathering-records.md"), "Your right to your own records")
    gaps = missing(
        text, [r"\binformation\b", r"(?:does not|doesn't) cover[^.]*slides", r"\b(?:len[dt]s?|loans?)\b"]
    )
    assert not gaps, f"gathering-records.md: the right-of-access section lacks {gaps}"


@pytest.mark.parametrize("src", ["gathering-records.md", "pathology.md"])
def test_slides_are_lent_by_the_lab(site, src):
    text = main_text(site.page(src))
    gaps = missing(
        text,
        [r"(?:slides|blocks)[^.]*\b(?:len[dt]s?|loans?)\b|\b(?:len[dt]s?|loans?)\b[^.]*(?:slides|blocks)"],
    )
    assert not gaps, f"{src}: does not say the pathology lab lends slides and blocks"


RECORD_FEES = r"\bfees?\b[^.]*\b(?:cop(?:y|ies)|records?)\b|\b(?:cop(?:y|ies)|records?)\b[^.]*\bfees?\b"


@pytest.mark.parametrize("src", PAGES)
def test_record_fees_come_with_the_ciox_point(site, src):
    """Where fees for copies of records are discussed, the page says the cost-based limit covers
    copies sent to you, not records sent straight to another doctor (Ciox Health v. Azar, 2020),
    so your own copy is often cheaper, and names the source."""
    page = site.page(src)
    text = main_text(page)
    if not re.search(RECORD_FEES, text, re.IGNORECASE):
        return
    gaps = missing(
        text,
        [
            r"Ciox",
            r"own copy[^.]*cheaper|cheaper[^.]*own copy",
            r"(?:straight|directly) to (?:another|the second) doctor",
        ],
    )
    assert not gaps, f"{src}: discusses record fees but lacks {gaps}"
    assert re.search(r"Ciox", sources_text(page)), f"{src}: Sources do not name Ciox Health v. Azar"
    assert "hhs.gov" in sources_text(page), f"{src}: Sources do not link the HHS right-of-access page"


# --- Pathology: how long labs keep slides and blocks -------------------------------------

RETENTION = {
    "tissue slides, 10 years": r"tissue slides[^.]*\b10 years|\b10 years[^.]*tissue slides",
    "cytology slides, 5 years": r"cytology[^.]*\b5 years|\b5 years[^.]*cytology",
    "tissue blocks, 2 years": r"blocks[^.]*\b2 years|\b2 years[^.]*blocks",
}


def test_pathology_page_gives_all_three_retention_periods(site):
    page = site.page("pathology.md")
    text = main_text(page)
    gaps = [name for name, pattern in RETENTION.items() if not re.search(pattern, text, re.IGNORECASE)]
    assert not gaps, f"pathology.md: retention periods missing: {gaps}"
    assert "493.1105" in sources_text(page) and "ecfr.gov" in sources_text(page)


@pytest.mark.parametrize("src", PAGES)
def test_retention_is_stated_in_full_wherever_it_is_stated(site, src):
    """A page that says how long labs keep slides or blocks gives all three periods."""
    text = main_text(site.page(src))
    if not re.search(r"(?:slides|blocks)[^.]*\b\d+ years", text, re.IGNORECASE):
        return
    gaps = [name for name, pattern in RETENTION.items() if not re.search(pattern, text, re.IGNORECASE)]
    assert not gaps, f"{src}: states a retention period but not {gaps}"


# --- Medicare -----------------------------------------------------------------------------

MEDICARE_FACTS = {
    "medically necessary": r"medically necessary",
    "not an emergency": r"not an emergency",
    "not cosmetic surgery": r"cosmetic",
    "a third opinion if they differ": r"third opinion",
    "tests the second doctor orders": r"tests[^.]*second doctor orders|second doctor orders[^.]*tests",
    "Medigap may pay the 20%": r"Medigap[^.]*20%|20%[^.]*Medigap",
    "Original Medicare": r"Original Medicare",
    "Advantage plans set their own costs": r"Advantage[^.]*own costs",
    "Advantage plans may need a referral or network": r"Advantage[^.]*(?:referral|network)",
    "the deductible with its year": r"deductible[^.]*\$\d+[^.]*\b20\d\d\b",
}


def test_insurance_page_states_the_medicare_rules(site):
    page = site.page("insurance-and-costs.md")
    text = main_text(page)
    gaps = [name for name, pattern in MEDICARE_FACTS.items() if not re.search(pattern, text, re.IGNORECASE)]
    assert not gaps, f"insurance-and-costs.md: Medicare facts missing: {gaps}"
    assert "medicare.gov" in sources_text(page)


def test_insurance_page_works_out_the_20_percent_in_dollars(site):
    """A worked example: "20% of $X ... $Y" with Y really 20% of X."""
    text = main_text(site.page("insurance-and-costs.md"))
    examples = re.findall(r"20% of \$(\d[\d,]*)[^.]*?\$(\d[\d,]*)", text)
    assert examples, "insurance-and-costs.md: no worked example of the 20% in dollars"
    for whole, share in examples:
        assert int(share.replace(",", "")) * 5 == int(whole.replace(",", "")), (whole, share)


@pytest.mark.parametrize("src", PAGES)
def test_twenty_percent_is_said_of_original_medicare(site, src):
    """Every section that gives Medicare's 20% says it is Original Medicare's rule."""
    problems = []
    for section_id, title, section_blocks in main_sections(site.page(src)):
        text = " ".join(section_blocks)
        if (
            re.search(r"20%", text)
            and re.search(r"Medicare|Part B", text)
            and "Original Medicare" not in text
        ):
            problems.append(section_id or title or "(top)")
    assert not problems, f"{src}: 20% without 'Original Medicare' in sections {problems}"


# --- Helpers need the patient's permission -------------------------------------------------

HELPER = r"\b(?:family members?|friends?|helpers?|caregivers?|someone you trust|person you trust)\b"
HELPER_ACTS = r"\b(?:calls?|calling|phone|paperwork|records?)\b"


@pytest.mark.parametrize("src", PAGES)
def test_helpers_come_with_the_permission_note(site, src):
    """Where a paragraph or list item suggests a helper make calls or handle records, its section
    says offices usually need the patient's signed permission first."""
    problems = []
    for section_id, title, section_blocks in main_sections(site.page(src)):
        suggests = any(
            re.search(HELPER, block, re.IGNORECASE) and re.search(HELPER_ACTS, block, re.IGNORECASE)
            for block in section_blocks
        )
        if suggests and not re.search(r"signed permission", " ".join(section_blocks), re.IGNORECASE):
            problems.append(section_id or title or "(top)")
    assert not problems, f"{src}: helpers suggested without the signed-permission note in {problems}"


# --- The Mayo Clinic study keeps its caveat -------------------------------------------------

MAYO = r"\bMayo\b|Van Such|\b1 in 5\b|\b21%"
MAYO_CAVEAT = [r"\breferred\b", r"\bone\b[^.]*\b(?:clinic|center)\b"]


@pytest.mark.parametrize("src", PAGES)
def test_mayo_study_keeps_its_caveat(site, src):
    """Wherever the study is mentioned (outside Sources), the same section says it looked only at
    patients who were referred to one clinic."""
    problems = []
    for section_id, title, section_blocks in main_sections(site.page(src)):
        text = " ".join(section_blocks)
        if re.search(MAYO, text) and missing(text, MAYO_CAVEAT):
            problems.append(section_id or title)
    assert not problems, f"{src}: the Mayo Clinic study without its caveat in {problems}"


# --- Words, addresses, help lines, interpreters ---------------------------------------------


def test_coinsurance_is_defined(site):
    text = main_text(site.page("insurance-and-costs.md"))
    assert re.search(r"coinsurance[^.]*(?:share|percent|%)", text, re.IGNORECASE), (
        "insurance-and-costs.md: no coinsurance"
    )
    glossary = site.page("glossary.md")
    assert "coinsurance" in glossary.ids, "glossary.md: no Coinsurance entry"
    abbreviations = (DOCS / "includes" / "abbreviations.md").read_text(encoding="utf-8")
    assert "*[coinsurance]:" in abbreviations, "abbreviations.md: no coinsurance tooltip"


@pytest.mark.parametrize("src", PAGES)
def test_abms_lookup_address_where_abms_is_named(site, src):
    page = site.page(src)
    for section_id, _title, section_blocks in main_sections(page):
        text = " ".join(section_blocks)
        if "American Board of Medical Specialties" in text:
            assert "certificationmatters.org" in text, f"{src}#{section_id}: ABMS named without its address"
            assert "certificationmatters.org" in sources_text(page), (
                f"{src}: Sources lack certificationmatters.org"
            )


HELP_LINES = {
    "1-800-MEDICARE": ("1-800-633-4227", "tel:+18006334227"),
    "1-800-4-CANCER": ("1-800-422-6237", "tel:+18004226237"),
}


@pytest.mark.parametrize(
    "src, line", [("insurance-and-costs.md", "1-800-MEDICARE"), ("pathology.md", "1-800-4-CANCER")]
)
def test_help_lines_where_they_help(site, src, line):
    assert line in main_text(site.page(src)), f"{src}: no {line}"


@pytest.mark.parametrize("src", PAGES)
def test_help_lines_have_digits_a_tap_to_call_link_and_a_source(site, src):
    page = site.page(src)
    text = main_text(page)
    links = {link.get("href") for link in page.article.find_all("a")}
    for line, (digits, tel) in HELP_LINES.items():
        if line in text:
            assert digits in text, f"{src}: {line} without its digits {digits}"
            assert tel in links, f"{src}: {line} without a {tel} link"
            assert "medicare.gov" in sources_text(page), f"{src}: {line} without its source"


@pytest.mark.parametrize("src", ["making-the-appointment.md", "at-the-visit.md"])
def test_free_interpreter(site, src):
    page = site.page(src)
    text = main_text(page)
    assert re.search(
        r"interpreter[^.]*(?:free|no cost)|(?:free|no cost)[^.]*interpreter", text, re.IGNORECASE
    ), f"{src}: no free medical interpreter"


@pytest.mark.parametrize("src", PAGES)
def test_interpreter_right_names_section_1557(site, src):
    page = site.page(src)
    if re.search(r"\binterpreter\b", main_text(page), re.IGNORECASE):
        assert "1557" in sources_text(page), f"{src}: mentions an interpreter but Sources lack Section 1557"


# --- Do this first --------------------------------------------------------------------------

# Pages that are not a step to act on: a word list, the About page, the home page,
# and the widget pages (their length is the widget).
NOT_STEPS = frozenset({"glossary.md", "about.md", "index.md", "screener.md", "checklist.md", "print.md"})
LONG_PAGE_WORDS = 900  # "about 1,000 words": a page near it gets the box too
NAMED_IN_THE_ISSUE = ("gathering-records.md", "insurance-and-costs.md")


def word_count(page):
    return len(main_text(page).split())


def do_this_first_box(page):
    """The "Do this first" admonition, if it opens the page (only an emergency box may precede it)."""
    for child in page.article.element_children():
        if child.tag == "h2":
            return None
        if "admonition" in child.classes:
            title = child.find("p", cls="admonition-title")
            if title is not None and title.text() == "Do this first":
                return child
            if "danger" not in child.classes:
                return None
    return None


@pytest.mark.parametrize("src", [src for src in PAGES if src not in NOT_STEPS])
def test_long_pages_open_with_do_this_first(site, src):
    page = site.page(src)
    if src not in NAMED_IN_THE_ISSUE and word_count(page) <= LONG_PAGE_WORDS:
        return
    box = do_this_first_box(page)
    assert box is not None, f"{src}: {word_count(page)} words and no 'Do this first' box before the first h2"
    steps = box.find_all("li")
    assert box.find("ol") is not None and len(steps) == 3, (
        f"{src}: the box should number 3 steps, has {len(steps)}"
    )


# --- Yearly figures: one place, shown with their year ---------------------------------------


PYSCRIPT = PROJECT / "pyscript"
FIGURES_FILE = PYSCRIPT / "sog" / "figures.json"


def figure_files():
    """Every file a yearly figure could be written out in: docs/ (pictures and
    fonts aside) and the widgets' data files, pyscript/**/*.json, except
    figures.json itself."""
    found = [
        path for path in DOCS.rglob("*")
        if path.is_file() and path.suffix not in (".png", ".jpg", ".ico", ".woff2")
    ]
    found += [path for path in PYSCRIPT.rglob("*.json") if path != FIGURES_FILE]
    return sorted(found)


def test_figures_are_never_written_out():
    """No page or widget data file writes a yearly figure's text; they use
    [[name]], filled from figures.json."""
    problems = []
    for path in figure_files():
        text = path.read_text(encoding="utf-8", errors="replace")
        for name, figure in FIGURES.items():
            if figure["text"] in text:
                problems.append(f"{path.relative_to(PROJECT)}: {figure['text']!r} (use [[{name}]])")
    assert not problems, "yearly figures written out instead of from figures.json:\n" + "\n".join(problems)


def test_widget_data_files_are_checked_too():
    """The widget data files are among the files checked, the screener's included."""
    names = {path.relative_to(PROJECT).as_posix() for path in figure_files()}
    assert "pyscript/sog/screener/questions.json" in names and "pyscript/sog/checklist/items.json" in names
    assert "pyscript/sog/figures.json" not in names


def texts_of(path):
    """The texts of a page (the file) or of a data file (each string in its JSON)."""
    if path.suffix == ".md":
        return [path.read_text(encoding="utf-8")]
    found = []
    pending = [json.loads(path.read_text(encoding="utf-8"))]
    while pending:
        value = pending.pop()
        if isinstance(value, str):
            found.append(value)
        elif isinstance(value, list):
            pending.extend(value)
        elif isinstance(value, dict):
            pending.extend(value.values())
    return found


def test_pages_and_data_name_only_known_figures():
    problems = []
    for path in figure_files():
        if path.suffix not in (".md", ".json"):
            continue
        for placeholder in [found for text in texts_of(path) for found in figures.placeholders(text)]:
            try:
                figures.value(FIGURES, placeholder)
            except figures.FigureError as error:
                problems.append(f"{path.relative_to(PROJECT)}: {error}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("src", PAGES)
def test_figures_are_shown_with_their_year(site, src):
    """Every block of text that shows a yearly figure (widgets' text included) shows its year."""
    page = site.page(src)
    problems = []
    for block in page.article_blocks(include_note=True):
        for name, figure in FIGURES.items():
            if figure["text"] in block and str(figure["year"]) not in block:
                problems.append(f"{name} without {figure['year']}: {block[:120]!r}")
    assert not problems, f"{src}:\n" + "\n".join(problems)


def test_the_deductible_comes_from_figures_json(site):
    """The pages that give the Part B deductible show figures.json's text for it."""
    deductible = FIGURES["part_b_deductible"]
    for src in ("insurance-and-costs.md", "when-opinions-differ.md"):
        text = main_text(site.page(src))
        assert f"{deductible['text']} in {deductible['year']}" in text or (
            deductible["text"] in text and str(deductible["year"]) in text
        ), f"{src}: the Part B deductible is not shown from figures.json"
