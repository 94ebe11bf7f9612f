"""Which glossary entry a glossary word belongs to.

The glossary words are the terms in docs/includes/abbreviations.md (shown as
<abbr> tooltips on every page); their entries are the "## " headings of
docs/glossary.md. A word matches an entry by the heading's name, by a part of
it in brackets ("geriatrician" in "Geriatric doctor (geriatrician)"), by its
plural, or through docs/includes/glossary-aliases.json for the few that match none of these.
Case, hyphens and spacing do not matter.
"""

import json
import re

from markdown.extensions.toc import slugify

HEADING = re.compile(r"^## +(.+?) *#* *$", re.MULTILINE)
# A heading that names its anchor (a translated glossary keeps the English
# one): "Biopsia { #biopsy }".
OWN_ANCHOR = re.compile(r"^(.*?)\s*\{\s*#([\w-]+)\s*\}$")
BRACKETS = re.compile(r"^(.*?)\s*\(([^()]+)\)\s*(.*)$")
NOT_ENTRIES = frozenset({"sources"})


def normalize(word):
    """Lower case, hyphens as spaces, single spaces: "Co-pay " -> "co pay"."""
    return " ".join(word.lower().replace("-", " ").split())


def glossary_entries(markdown_text):
    """[(heading, anchor)] for each "## " heading of the glossary, in order, Sources left out.
    The anchor is the heading's own ({ #anchor }), else the id the toc extension gives it."""
    entries = []
    for match in HEADING.finditer(markdown_text):
        heading = match.group(1).strip()
        own = OWN_ANCHOR.match(heading)
        heading, anchor = (own.group(1), own.group(2)) if own else (heading, slugify(heading, "-"))
        if normalize(heading) in NOT_ENTRIES or anchor in NOT_ENTRIES:
            continue
        entries.append((heading, anchor))
    return entries


def entry_names(heading):
    """Every normalized name a heading answers to.

    "Geriatric doctor (geriatrician)" -> the whole, "geriatric doctor", "geriatrician".
    "Third (tie-breaker) opinion" -> the whole, "third opinion", "tie breaker opinion", "tie breaker".
    """
    names = {normalize(heading)}
    match = BRACKETS.match(heading)
    if match:
        before, inside, after = match.groups()
        names.add(normalize(before + " " + after))
        names.add(normalize(inside))
        if after:
            names.add(normalize(inside + " " + after))
    names.discard("")
    return names


def build_index(entries, aliases):
    """{normalized name: anchor} from glossary entries and {alias: heading}; ValueError for an
    alias whose heading is not in the glossary."""
    index = {}
    by_heading = {}
    for heading, anchor in entries:
        by_heading[normalize(heading)] = anchor
        for name in entry_names(heading):
            index.setdefault(name, anchor)
    for alias, heading in aliases.items():
        anchor = by_heading.get(normalize(heading))
        if anchor is None:
            raise ValueError(
                f"glossary alias {alias!r} points to {heading!r}, which is not a glossary heading"
            )
        index[normalize(alias)] = anchor
    return index


def _singulars(name):
    """name, then the singular forms it could be the plural of."""
    forms = [name]
    if name.endswith("ies"):
        forms.append(name[:-3] + "y")
    if name.endswith("es"):
        forms.append(name[:-2])
    if name.endswith("s"):
        forms.append(name[:-1])
    return forms


def resolve(word, index):
    """The glossary anchor for a word, or None if no entry matches."""
    name = normalize(word)
    if not name:
        return None
    for form in _singulars(name):
        if form in index:
            return index[form]
    return None


def load_aliases(path):
    """docs/includes/glossary-aliases.json -> {alias: heading}."""
    data = json.loads(path.read_text(encoding="utf-8"))
    if data.get("version") != 1 or not isinstance(data.get("aliases"), dict):
        raise ValueError(f"{path}: expected version 1 and an 'aliases' object")
    return data["aliases"]


def load_index(glossary_path, aliases_path):
    """The index for the real glossary page and alias file."""
    entries = glossary_entries(glossary_path.read_text(encoding="utf-8"))
    return build_index(entries, load_aliases(aliases_path))
