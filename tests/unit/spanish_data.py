"""The widgets' data files and their Spanish overlays, for the Spanish tests.

Every data file in pyscript/sog holds words a visitor reads, except those
NO_WORDS names (with the reason); each of the others has "<stem>.es.json"
beside it (see sog/language.py). The letter's overlay also holds the
letter's own Spanish text under "body" (LETTER_BODY): the letter goes to a
US office, so the merged data keeps its English text, and the Spanish is
there to show and print beside it.
"""

import json
import re
from pathlib import Path

import sog
from sog import language

PACKAGE = Path(sog.__file__).parent
# Data files with no words to translate, and why.
NO_WORDS = {
    "figures.json": "a dollar figure, its year, and the name and address of the page it comes from "
                    "(names of sources stay as they are)",
}
LETTER = "letter/letter.json"
# In the letter's overlay: the letter's own Spanish text, an overlay of
# letter.json itself; and the words only a Spanish page shows (the choice to
# print in Spanish), which the English file has no need of.
LETTER_BODY = "body"
LETTER_ALONGSIDE = "alongside"
PLACEHOLDER = re.compile(r"\{[a-z_]+\}|\[\[[a-z_.]+\]\]")
NUMBER = re.compile(r"\d+")


# Not data a page reads: the manifests, and each widget's named examples for
# the tests (never shipped).
NOT_DATA = ("widget.json", "examples.json")


def english_files():
    """Package-relative names of the English data files (not the manifests
    or the examples)."""
    found = []
    for path in sorted(PACKAGE.rglob("*.json")):
        name = path.relative_to(PACKAGE).as_posix()
        if path.name not in NOT_DATA and len(path.name.split(".")) == 2:
            found.append(name)
    return found


def overlaid_files():
    return [name for name in english_files() if name not in NO_WORDS]


def read(relative):
    return json.loads((PACKAGE / relative).read_text(encoding="utf-8"))


def overlay_of(relative):
    return read(language.overlay_name(relative, "es"))


def spanish_words(relative):
    """{path: Spanish text} of a file's overlay, the letter's body included
    (not the words only a Spanish page shows: spanish_only_words)."""
    overlay = overlay_of(relative)
    found = {}
    body = overlay.pop(LETTER_BODY, None) if relative == LETTER else None
    overlay.pop(LETTER_ALONGSIDE, None)
    found.update(language.words(overlay))
    if body is not None:
        found.update(language.words(body))
    return found


def spanish_only_words(relative):
    """{path: text} of the words an overlay adds that no English page needs."""
    if relative != LETTER:
        return {}
    return dict(language.words({LETTER_ALONGSIDE: overlay_of(relative)[LETTER_ALONGSIDE]}))


def english_words(relative):
    return dict(language.words(read(relative)))


def show(path):
    """A path as a reader finds it in the file: levels[id=emergency].title."""
    shown = ""
    for step in path:
        if isinstance(step, int) or "=" in step:
            shown += "[" + str(step) + "]"
        else:
            shown += ("." if shown else "") + step
    return shown


class in_language:
    """with in_language("es"): the widgets read their data in Spanish; the
    language before is set again after (the language is per page: global)."""

    def __init__(self, code):
        self.code = code
        self.before = None

    def __enter__(self):
        self.before = language.current()
        language.use(self.code)
        return self

    def __exit__(self, *_):
        language.use(self.before)
        return False


def without_words(data, path=()):
    """data with every string a visitor reads emptied: what is left is the
    rules, ids, numbers and links, which must be the same in every language."""
    if isinstance(data, str):
        return ""
    if isinstance(data, dict):
        return {key: value if language.is_structure(key, value) else without_words(value, path + (key,))
                for key, value in data.items()}
    if isinstance(data, list):
        return [without_words(item, path) for item in data]
    return data
