"""Unit tests for overrides/sitebuild/glossary_terms.py: which glossary entry a word belongs to.

Tested here: entries come from the glossary's "## " headings (not Sources)
with the anchors the toc extension gives them; a heading's names include the
parts in brackets; words match whatever their case, hyphens or plural; the
alias file maps the few other words; and every glossary word in
docs/includes/abbreviations.md belongs to an entry in docs/glossary.md.
"""

import json

import pytest
from sitebuild import glossary_terms

from tests.content.htmlpages import DOCS

GLOSSARY_MD = """---
title: Glossary
---

# Glossary

Intro text.

## Biopsy

A test.

## Geriatric doctor (geriatrician)

A doctor.

## Third (tie-breaker) opinion

An opinion.

## Co-pay

A set amount.

## Medicare approved amount

A price.

## Sources

- Somewhere.
"""


@pytest.fixture
def index():
    return glossary_terms.build_index(glossary_terms.glossary_entries(GLOSSARY_MD), {"chemo": "Biopsy"})


def test_entries_are_the_h2_headings_with_toc_anchors_and_not_sources():
    assert glossary_terms.glossary_entries(GLOSSARY_MD) == [
        ("Biopsy", "biopsy"),
        ("Geriatric doctor (geriatrician)", "geriatric-doctor-geriatrician"),
        ("Third (tie-breaker) opinion", "third-tie-breaker-opinion"),
        ("Co-pay", "co-pay"),
        ("Medicare approved amount", "medicare-approved-amount"),
    ]


@pytest.mark.parametrize(
    "heading, names",
    [
        pytest.param("Biopsy", {"biopsy"}, id="plain"),
        pytest.param(
            "Geriatric doctor (geriatrician)",
            {"geriatric doctor (geriatrician)", "geriatric doctor", "geriatrician"},
            id="brackets-at-end",
        ),
        pytest.param(
            "Third (tie-breaker) opinion",
            {"third (tie breaker) opinion", "third opinion", "tie breaker opinion", "tie breaker"},
            id="brackets-inside",
        ),
    ],
)
def test_entry_names(heading, names):
    assert glossary_terms.entry_names(heading) == names


@pytest.mark.parametrize(
    "word, anchor",
    [
        pytest.param("biopsy", "biopsy", id="same"),
        pytest.param("Biopsy", "biopsy", id="capital"),
        pytest.param("biopsies", "biopsy", id="plural-ies"),
        pytest.param("geriatrician", "geriatric-doctor-geriatrician", id="bracketed-name"),
        pytest.param("Geriatric doctors", "geriatric-doctor-geriatrician", id="plural-s"),
        pytest.param("tie-breaker", "third-tie-breaker-opinion", id="bracketed-inside"),
        pytest.param("third opinion", "third-tie-breaker-opinion", id="without-brackets"),
        pytest.param("co-pays", "co-pay", id="hyphen-plural"),
        pytest.param("Medicare-approved amount", "medicare-approved-amount", id="hyphen-or-space"),
        pytest.param("chemo", "biopsy", id="alias"),
        pytest.param("  biopsy\n", "biopsy", id="whitespace"),
        pytest.param("surgery", None, id="not-in-glossary"),
        pytest.param("", None, id="empty"),
    ],
)
def test_resolve(index, word, anchor):
    assert glossary_terms.resolve(word, index) == anchor


def test_an_alias_to_a_missing_heading_is_refused():
    with pytest.raises(ValueError, match="No such heading"):
        glossary_terms.build_index(glossary_terms.glossary_entries(GLOSSARY_MD), {"x": "No such heading"})


def test_the_alias_file_is_read():
    aliases = glossary_terms.load_aliases(DOCS / "includes" / "glossary-aliases.json")
    assert aliases["chemo"] == "Chemotherapy"


def test_the_alias_file_has_a_version():
    data = json.loads((DOCS / "includes" / "glossary-aliases.json").read_text())
    assert data["version"] == 1


def abbreviation_terms():
    text = (DOCS / "includes" / "abbreviations.md").read_text(encoding="utf-8")
    return [line[2 : line.index("]:")] for line in text.splitlines() if line.startswith("*[")]


def test_every_glossary_word_belongs_to_a_glossary_entry():
    """Each *[term] in abbreviations.md resolves to a heading in glossary.md (so it can link there)."""
    real = glossary_terms.load_index(DOCS / "glossary.md", DOCS / "includes" / "glossary-aliases.json")
    missing = [term for term in abbreviation_terms() if glossary_terms.resolve(term, real) is None]
    assert abbreviation_terms(), "no *[term] lines found in abbreviations.md"
    assert not missing, f"glossary words with no entry in docs/glossary.md (add one, or an alias): {missing}"
