"""The guidance states its facts as precisely as the law and the studies allow (issues 7 and 14).

Checked in the built pages' own prose: the Markdown-written text of each
article, without the shared page note, the page's word list and the widgets'
static HTML (that text comes from the widgets' data files, which have their
own tests). Each check names the page and the section that fails.

- No promises and no absolutes: nothing says a doctor "cannot say no" or "will
  not be upset".
- Corrected claims cannot come back, in pages or in data files: "your own copy
  is often cheaper", a helper needing "your signed permission" before an office
  talks with them, a visit that always "counts toward" the deductible.
- Is it safe to wait? made concrete on "When it is worth it" (a few weeks,
  "How soon must I decide?", warning signs, 911, 988, nights and weekends) and
  asked on "Talking to your doctor".
- HIPAA right of access: denials are rare and narrow, in writing with the
  reason and a way to ask for a review; it covers information, not slides and
  tissue blocks, which the pathology lab lends; where copy fees are discussed,
  the Ciox Health v. Azar point and "ask what each way costs".
- Records: office to office is the easy default (45 CFR 164.506(c)); your own
  copy is an option, not a duty; the patient portal first (21st Century Cures
  Act), proxy access, a health care power of attorney.
- Helpers: wherever a helper is asked to call or handle records, the section
  says an office may talk with them unless you say no, and the page cites
  45 CFR 164.510(b).
- Slide retention 10 / 5 / 2 years (2 years a minimum, many labs 10); the lab
  named on your pathology report.
- Medicare, Medicare Advantage (42 CFR 422.101), assignment and the 15%
  limiting charge, Medicaid managed care (42 CFR 438.206(b)(3)), a worked 20%
  example, "20%" always said of Original Medicare; paying yourself (Good Faith
  Estimate, financial help) and appeals.
- Finding experts: NCI-designated cancer centers, GARD and NORD, tumor boards,
  ABMS and AOA boards. Free help on the home page.
- The Mayo Clinic study keeps its caveat wherever it is mentioned.
- Coinsurance defined; the ABMS lookup's address; help lines with tap-to-call
  links; a free interpreter near the top of the guide; each names its source.
- Every step page opens with one "In short" box of at most five short lines.
- Yearly figures: never written out in docs/ or in the widgets' data files
  (pyscript/**/*.json; only in pyscript/sog/figures.json), and shown with their
  year wherever they appear.
"""

import json
import re

import pytest
from sog import figures

from .htmlpages import DOCS, PROJECT, blocks, is_page_note, is_word_list, load_config, source_pages

PAGES = source_pages()
FIGURES = figures.parse_figures((PROJECT / "pyscript" / "sog" / "figures.json").read_text(encoding="utf-8"))

# Elements whose text comes from a widget's data file, not from the page's Markdown.
# (The letter widget draws its blank letter and phone scripts on the gathering-records page.)
WIDGET_CLASSES = frozenset({"sog-widget", "sog-guide", "sog-letter-paper", "sog-scripts"})
SOURCES_IDS = frozenset({"sources", "where-our-facts-come-from"})


def is_widget(node):
    return bool(WIDGET_CLASSES.intersection(node.classes))


def _not_prose(node):
    return is_page_note(node) or is_widget(node) or is_word_list(node)


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
            while sibling is not None and sibling.tag != "h2" and not _not_prose(sibling):
                parts.append(sibling.text())
                parts += [link.get("href", "") for link in sibling.find_all("a")]
                sibling = sibling.next_element_sibling()
            return " ".join(parts)
    return ""


def assert_states(site, src, facts, sources=()):
    """The page's prose matches every pattern of {name: pattern}, and its Sources name each of
    sources; returns the page."""
    page = site.page(src)
    gaps = missing_named(main_text(page), facts)
    assert not gaps, f"{src} lacks: {gaps}"
    unnamed = [source for source in sources if source not in sources_text(page)]
    assert not unnamed, f"{src}: Sources lack {unnamed}"
    return page


def main_text(page):
    return " ".join(block for _id, _title, section_blocks in main_sections(page) for block in section_blocks)


def section_by_title(page, title):
    for section_id, section_title, section_blocks in sections(page):
        if section_title.casefold() == title.casefold():
            return section_id, " ".join(section_blocks)
    raise AssertionError(f"{page.name}: no h2 {title!r} (h2s: {[t for _i, t, _b in sections(page)][1:]})")


def missing(text, patterns):
    return [pattern for pattern in patterns if not re.search(pattern, text, re.IGNORECASE)]


def missing_named(text, named):
    """The names in {name: pattern} whose pattern the text does not match (any case)."""
    return [name for name, pattern in named.items() if not re.search(pattern, text, re.IGNORECASE)]


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


# --- Corrected claims cannot come back ------------------------------------------------------

# Wrong, and corrected in the second clinician review (issue 14).
WRONG_CLAIMS = {
    "your own copy is often cheaper (ask what each way costs)": r"\boften (?:the )?cheaper",
    # A signed form is for sending a helper copies; talking with them needs none.
    "a helper needs your signed permission (45 CFR 164.510(b))": (
        r"\bneeds?\b[^.]*\bsigned permission\b(?![^.]*\bcop(?:y|ies)\b)"
    ),
    "an office must have a signature before it talks with a helper": (
        r"\bsign\w*\b[^.]*\bbefore\b[^.]*\b(?:talks?|speaks?)\b"
        r"|\b(?:talks?|speaks?)\b[^.]*\bonly (?:after|if|once)\b[^.]*\bsign"
    ),
    "a visit always counts toward the deductible (it may count)": r"(?<!may )\bcounts? toward",
}
# Data files whose words are shown on the pages: the widgets' (every sentence a visitor reads is data).
DATA_FILES = sorted((PROJECT / "pyscript").rglob("*.json"))
def wrong_claims(text):
    return [
        f"{name}: {match.group(0)!r}"
        for name, pattern in WRONG_CLAIMS.items()
        for match in re.finditer(pattern, text, re.IGNORECASE)
    ]


@pytest.mark.parametrize("src", PAGES)
def test_corrected_claims_do_not_come_back_in_pages(site, src):
    text = " ".join(block for _i, _t, section_blocks in sections(site.page(src)) for block in section_blocks)
    found = wrong_claims(text)
    assert not found, f"{src}: corrected claims are back: {found}"


@pytest.mark.parametrize("rel", [path.relative_to(PROJECT).as_posix() for path in DATA_FILES])
def test_corrected_claims_do_not_come_back_in_data(rel):
    found = [claim for text in texts_of(PROJECT / rel) for claim in wrong_claims(text)]
    assert not found, f"{rel}: corrected claims are back: {found}"


def test_the_wrong_claims_are_recognised():
    """The patterns still catch the sentences the review corrected, so the tests above cannot
    pass because a pattern stopped matching."""
    for sentence in [
        "So your own copy is often the cheaper way.",
        "Offices usually need your signed permission before they talk with a helper.",
        "Sign each office's form before it talks with your helper.",
        "A second opinion visit counts toward it.",
    ]:
        assert wrong_claims(sentence), sentence
    for sentence in [
        "Ask what each way costs.",
        "An office may talk with a helper unless you say no. To send them copies, you sign a form.",
        "The covered costs may count toward it.",
    ]:
        assert not wrong_claims(sentence), sentence


# --- Is it safe to wait? ------------------------------------------------------------------

SAFE_TO_WAIT = {
    "when-to-get-one.md": [
        r"many[^.]*can[^.]*wait[^.]*few weeks",
        r"some cannot",
        r"how soon must I decide",
        r"(?:keep|stay)[^.]*current treatment[^.]*unless[^.]*doctor",
        r"call your doctor's office today if you get worse",
        r"100\.4",
        r"\b911\b",
        r"\b988\b",
        r"\b(?:night|weekend|after hours)\b",
    ],
    "talking-to-your-doctor.md": [
        r"how soon must I decide",
        r"few weeks",
        r"(?:keep|stay)[^.]*current treatment[^.]*unless[^.]*doctor",
        r"worse[^.]*call your doctor's office today",
        r"\b911\b",
    ],
}


@pytest.mark.parametrize("src", sorted(SAFE_TO_WAIT))
def test_is_it_safe_to_wait(site, src):
    """"Is it safe to wait?": many problems can wait a few weeks and some cannot; ask "How soon
    must I decide?"; keep your treatment; the signs that mean call today, 911 or 988; nights and
    weekends (the full list on "When it is worth it", which "Talking to your doctor" links to)."""
    page = site.page(src)
    section_id, text = section_by_title(page, "Is it safe to wait?")
    gaps = missing(text, SAFE_TO_WAIT[src])
    assert not gaps, f"{src}: 'Is it safe to wait?' lacks {gaps}"
    if src == "talking-to-your-doctor.md":
        links = [link.get("href", "") for link in page.article.find_all("a")]
        assert any(href.endswith("when-to-get-one/#is-it-safe-to-wait") for href in links), links
    else:
        assert re.search(r"\bCDC\b", sources_text(page)) and "988" in sources_text(page), (
            f"{src}: Sources lack the CDC (fever) or 988"
        )


# --- Records: HIPAA right of access -----------------------------------------------------


def test_right_of_access_is_not_absolute(site):
    """Denials are rare and narrow, come in writing with the reason, and say how to ask for a review
    and how to complain (to the office and to HHS's Office for Civil Rights)."""
    _id, text = section_by_title(site.page("gathering-records.md"), "Your right to your own records")
    gaps = missing(
        text,
        [
            r"\brare",
            r"in writing|write to you",
            r"\breason\b",
            r"\breview\b",
            r"psychotherapy notes|safety",
            r"complain[^.]*Office for Civil Rights",
        ],
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
    tells you to ask what each way costs, and names its sources."""
    page = site.page(src)
    text = main_text(page)
    if not re.search(RECORD_FEES, text, re.IGNORECASE):
        return
    gaps = missing(
        text,
        [
            r"Ciox",
            r"ask what each way costs",
            r"(?:straight|directly) to (?:another|the second) doctor",
        ],
    )
    assert not gaps, f"{src}: discusses record fees but lacks {gaps}"
    assert re.search(r"Ciox", sources_text(page)), f"{src}: Sources do not name Ciox Health v. Azar"
    assert "hhs.gov" in sources_text(page), f"{src}: Sources do not link the HHS right-of-access page"


# --- Records: office to office first, your own copy an option ---------------------------

RECORDS_FACTS = {
    "office to office is the easy way": r"easiest way|easy way",
    "no signature needed between doctors (164.506(c))": r"without your signature|without a form from you",
    "many offices still ask for their form": r"many offices[^.]*(?:ask|sign)",
    "doctor to doctor is often free; ask": r"often free",
    "your own copy is not a must": r"not a must",
    "the patient portal first": r"patient portal",
    "the 21st Century Cures Act": r"21st Century Cures Act",
    "proxy access for a helper": r"proxy access",
    "a health care power of attorney": r"health care power of attorney",
    "helpers: unless you say no": r"unless you (?:say no|object)",
    "a signed form to send a helper copies": r"copies[^.]*sign[^.]*form|sign[^.]*form[^.]*copies",
}


def test_gathering_records_puts_office_to_office_first(site):
    assert_states(site, "gathering-records.md", RECORDS_FACTS, ("164.506", "164.510", "164.524"))


@pytest.mark.parametrize("src", [src for src in PAGES if src != "glossary.md"])
def test_bringing_your_own_copy_is_never_a_duty(site, src):
    """No "In short" box asks for your own copy, and wherever a page suggests bringing a copy of
    your records, the same section says it is not a must."""
    page = site.page(src)
    box = in_short_box(page)
    if box is not None:
        assert not re.search(r"own copy|copy of your records", box.text(), re.IGNORECASE), (
            f"{src}: the 'In short' box asks for your own copy"
        )
    problems = []
    for section_id, title, section_blocks in main_sections(page):
        text = " ".join(section_blocks)
        if re.search(r"\bbring\b[^.]*(?:own copy|copy of your records)", text, re.IGNORECASE) and not re.search(
            r"not a must", text, re.IGNORECASE
        ):
            problems.append(section_id or title or "(top)")
    assert not problems, f"{src}: bringing your own copy reads as a duty in {problems}"


# --- Pathology: how long labs keep slides and blocks -------------------------------------

RETENTION = {
    "tissue slides, 10 years": r"tissue slides[^.]*\b10 years|\b10 years[^.]*tissue slides",
    "cytology slides, 5 years": r"cytology[^.]*\b5 years|\b5 years[^.]*cytology",
    "tissue blocks, 2 years": r"blocks[^.]*\b2 years|\b2 years[^.]*blocks",
}


def test_pathology_page_gives_all_three_retention_periods(site):
    assert_states(site, "pathology.md", RETENTION, ("493.1105", "ecfr.gov"))


def test_pathology_page_names_the_lab_and_the_block_floor(site):
    """Slides are held by the lab named on your pathology report (often an outside lab); 2 years
    is only the minimum for blocks, and many labs (CAP) keep them 10 years."""
    page = site.page("pathology.md")
    text = main_text(page)
    gaps = missing(
        text,
        [
            r"lab named on your pathology report",
            r"outside lab",
            r"2 years[^.]*(?:legal )?minimum",
            r"blocks 10 years",
            r"College of American Pathologists",
        ],
    )
    assert not gaps, f"pathology.md lacks {gaps}"
    assert "College of American Pathologists" in sources_text(page)


@pytest.mark.parametrize("src", PAGES)
def test_retention_is_stated_in_full_wherever_it_is_stated(site, src):
    """A page that says how long labs keep slides or blocks gives all three periods."""
    text = main_text(site.page(src))
    if not re.search(r"(?:slides|blocks)[^.]*\b\d+ years", text, re.IGNORECASE):
        return
    gaps = missing_named(text, RETENTION)
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
    "Advantage covers all Original Medicare covers": r"Advantage[^.]*must cover everything Original Medicare",
    "Original Medicare: no referral": r"no referral",
    "ask about assignment": r"Do you accept Medicare assignment\?",
    "the 15% limiting charge": r"15%[^.]*(?:more|above)|limiting charge",
    "the visit may count toward the deductible": r"may count toward",
    "Medicaid managed care: no cost": r"Medicaid[^.]*managed care[^.]*second opinion at\s+no cost",
    "SHIP": r"State Health Insurance Assistance Program",
    "a Good Faith Estimate": r"Good Faith Estimate",
    "hospital financial help": r"hospital[^.]*billing office|financial help",
    "how to appeal": r"\bappeal\b",
}
# The rules each fact above rests on, named in the page's Sources.
MEDICARE_SOURCES = ["medicare.gov", "422.101", "438.206", "full payment", "No Surprises Act", "shiphelp.org"]


def test_insurance_page_states_the_medicare_rules(site):
    assert_states(site, "insurance-and-costs.md", MEDICARE_FACTS, MEDICARE_SOURCES)


@pytest.mark.parametrize("src", PAGES)
def test_medicare_advantage_coverage_names_its_rule(site, src):
    """Wherever a page says Medicare Advantage covers what Original Medicare covers, its Sources
    name 42 CFR 422.101; likewise Medicaid managed care and 42 CFR 438.206."""
    page = site.page(src)
    text = main_text(page)
    if re.search(r"Advantage[^.]*cover[^.]*(?:all|everything)[^.]*Original Medicare", text):
        assert "422.101" in sources_text(page), f"{src}: Medicare Advantage coverage without 42 CFR 422.101"
    if re.search(r"Medicaid[^.]*managed care", text):
        assert "438.206" in sources_text(page), f"{src}: Medicaid managed care without 42 CFR 438.206"


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


# --- Helpers: an office may talk with them unless you say no (45 CFR 164.510(b)) -----------

HELPER = r"\b(?:family members?|friends?|helpers?|caregivers?|someone you trust|person you trust)\b"
HELPER_ACTS = r"\b(?:calls?|calling|phone|paperwork|records?)\b"
HELPER_RULE = r"unless you (?:say no|object)"
# The glossary defines words; it suggests nothing.
NOT_ADVICE = frozenset({"glossary.md"})


@pytest.mark.parametrize("src", [src for src in PAGES if src not in NOT_ADVICE])
def test_helpers_come_with_the_family_and_friends_rule(site, src):
    """Where a paragraph or list item suggests a helper make calls or handle records, its section
    says an office may talk with them unless you say no, and the page's Sources name
    45 CFR 164.510(b) and the HHS page on family and friends."""
    page = site.page(src)
    problems = []
    for section_id, title, section_blocks in main_sections(page):
        suggests = any(
            re.search(HELPER, block, re.IGNORECASE) and re.search(HELPER_ACTS, block, re.IGNORECASE)
            for block in section_blocks
        )
        if suggests and not re.search(HELPER_RULE, " ".join(section_blocks), re.IGNORECASE):
            problems.append(section_id or title or "(top)")
    assert not problems, f"{src}: helpers suggested without 'unless you say no' in {problems}"
    if re.search(HELPER_RULE, main_text(page), re.IGNORECASE):
        sources = sources_text(page)
        assert "164.510" in sources and "family-members-friends" in sources, (
            f"{src}: the helper rule without 45 CFR 164.510(b) and the HHS family-and-friends page in Sources"
        )


@pytest.mark.parametrize(
    "src",
    [
        "index.md",
        "gathering-records.md",
        "choosing-a-doctor.md",
        "making-the-appointment.md",
        "at-the-visit.md",
        "questions-and-goals.md",
    ],
)
def test_pages_named_in_the_review_state_the_helper_rule(site, src):
    """The pages issue 14 names say it, so the test above cannot pass by dropping helpers."""
    assert re.search(HELPER_RULE, main_text(site.page(src)), re.IGNORECASE), f"{src}: no helper rule"


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


@pytest.mark.parametrize("src", ["index.md", "making-the-appointment.md", "at-the-visit.md"])
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


def test_the_right_to_an_interpreter_is_near_the_top_of_the_guide(site):
    """The home page says it before its first section: a free interpreter, sign language too."""
    page = site.page("index.md")
    _id, top = section_by_title(page, "")
    gaps = missing(top, [r"interpreter[^.]*free|free[^.]*interpreter", r"sign language"])
    assert not gaps, f"index.md: the opening lacks {gaps}"


# --- Finding experts and free help --------------------------------------------------------

EXPERTS = {
    "NCI-designated cancer centers": r"NCI-designated cancer center",
    "GARD": r"\bGARD\b",
    "NORD": r"\bNORD\b",
    "a tumor board": r"tumor board",
    "ABMS (Certification Matters)": r"Certification Matters",
    "osteopathic (AOA) boards": r"\bAOA\b[^.]*board|board[^.]*\bAOA\b|American Osteopathic Association",
}


def test_choosing_a_doctor_finds_experts(site):
    sources = ("cancer.gov", "rarediseases.info.nih.gov", "rarediseases.org", "Osteopathic")
    assert_states(site, "choosing-a-doctor.md", EXPERTS, sources)


FREE_HELP = {
    "SHIP": r"\bSHIP\b",
    "the NCI Cancer Information Service": r"Cancer Information Service",
    "nurse navigators": r"nurse navigator",
    "social workers": r"social worker",
    "interpreters at no cost": r"interpreter",
    "sign language": r"sign language",
    "disability help": r"disabilit",
}


def test_the_home_page_lists_free_help(site):
    page = site.page("index.md")
    _id, text = section_by_title(page, "Free help")
    gaps = missing_named(text, FREE_HELP)
    assert not gaps, f"index.md: 'Free help' lacks {gaps}"
    assert "shiphelp.org" in sources_text(page) and "1557" in sources_text(page)


# --- "In short": every step page opens with one short box --------------------------------

IN_SHORT = "In short"
MAX_IN_SHORT_ITEMS = 5
# One short line each: about 40 characters fit one line of the box on a 360 px phone.
MAX_IN_SHORT_ITEM_CHARS = 40


def step_pages():
    """The pages in the nav's "The steps" section (mkdocs.yml), in order."""
    for entry in load_config().get("nav") or []:
        if isinstance(entry, dict) and "The steps" in entry:
            return [next(iter(step.values())) for step in entry["The steps"]]
    raise AssertionError("mkdocs.yml: no 'The steps' section in nav")


def opening_boxes(page):
    """The boxes (admonitions, details) before the page's first h2."""
    found = []
    for child in page.article.element_children():
        if child.tag == "h2":
            break
        if "admonition" in child.classes or child.tag == "details":
            found.append(child)
    return found


def box_title(box):
    title = box.find("p", cls="admonition-title") or box.find("summary")
    return title.text() if title is not None else ""


def in_short_box(page):
    for box in opening_boxes(page):
        if box_title(box) == IN_SHORT:
            return box
    return None


def test_every_step_page_is_checked():
    assert len(step_pages()) >= 10 and set(step_pages()) <= set(PAGES)


@pytest.mark.parametrize("src", step_pages())
def test_step_pages_open_with_one_short_in_short_box(site, src):
    """The page opens with its "In short" box (only an emergency box may come before it, and no
    other box: one box, not two): a numbered list of at most five short lines, each linking into
    the page or onward."""
    page = site.page(src)
    boxes = opening_boxes(page)
    others = [box_title(box) for box in boxes if box_title(box) != IN_SHORT and "danger" not in box.classes]
    assert not others, f"{src}: other boxes open the page too: {others}"
    box = in_short_box(page)
    assert box is not None, f"{src}: no 'In short' box before the first h2"
    assert boxes.index(box) == len(boxes) - 1 and all("danger" in b.classes for b in boxes[:-1])
    items = box.find_all("li")
    assert box.find("ol") is not None and 1 <= len(items) <= MAX_IN_SHORT_ITEMS, (
        f"{src}: 'In short' should number 1 to {MAX_IN_SHORT_ITEMS} lines, has {len(items)}"
    )
    long = [item.text() for item in items if len(item.text()) > MAX_IN_SHORT_ITEM_CHARS]
    assert not long, f"{src}: 'In short' lines over {MAX_IN_SHORT_ITEM_CHARS} characters: {long}"
    assert all(item.find("a") is not None for item in items), f"{src}: an 'In short' line links nowhere"


@pytest.mark.parametrize("src", PAGES)
def test_no_do_this_first_box_is_left(site, src):
    """"In short" took the place of "Do this first": a page never opens with both."""
    titles = [box_title(node) for node in site.page(src).article.iter() if "admonition" in node.classes]
    assert "Do this first" not in titles, f"{src}: a 'Do this first' box is left"


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
