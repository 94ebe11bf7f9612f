"""The widgets' words read as plainly as the pages, and are the guide's own.

Every sentence a widget can show lives in its data files (pyscript/sog/**.json:
questions, items, notes, labels, buttons, messages). Many appear only after a
visitor acts, so the page tests never see them: here each data file's visitor
text is graded (Flesch-Kincaid, the same limit as the pages) and compared with
the source articles (no run of RUN_LENGTH words copied), file by file. Files
are found by name, so a new widget's words are checked with no change here.
"""

import json
import re
from pathlib import Path

import pytest
import textstat

from .reading_grades import sentence_text
from .test_originality import copied_runs, words
from .test_reading_grade import MAX_GRADE

PACKAGE = Path(__file__).resolve().parents[2] / "pyscript" / "sog"
# Every JSON file of the package but the widgets' manifests (widget.json) and
# the tests' named examples (examples.json: what a visitor might type, never shipped).
DATA_FILES = sorted(
    path.relative_to(PACKAGE).as_posix() for path in PACKAGE.rglob("*.json")
    if path.name not in ("widget.json", "examples.json")
)
# Keys whose values are ids, addresses or codes, never read as sentences.
NOT_WORDS = frozenset({"id", "href", "value", "kind", "group", "when", "version", "anchor", "download_name"})
PLACEHOLDER = re.compile(r"\{[a-z_]+\}|\[\[[a-z_.]+\]\]")
ADDRESS = re.compile(r"^(https?://|[a-z0-9-]+(/[a-z0-9#-]*)*/?$)")


def visitor_text(value, key=""):
    """Every string in a data file that a visitor may read, in file order."""
    if isinstance(value, dict):
        return [text for name, item in value.items() if name not in NOT_WORDS for text in visitor_text(item, name)]
    if isinstance(value, list):
        return [text for item in value for text in visitor_text(item, key)]
    if isinstance(value, str) and value.strip() and not ADDRESS.match(value):
        # A placeholder is filled with a word or number when shown.
        return [PLACEHOLDER.sub("some", value)]
    return []


def texts(name):
    return visitor_text(json.loads((PACKAGE / name).read_text(encoding="utf-8")))


# Data files that hold figures or addresses, not sentences.
NO_SENTENCES = frozenset({"figures.json"})
# The English files: an overlay in another language ("questions.es.json") is
# scored by its own language's measure (tests/unit/test_spanish_data.py).
WORDED = [name for name in DATA_FILES if name not in NO_SENTENCES and name.count(".") == 1]


def test_the_files_hold_the_widgets_sentences():
    """Every data file but NO_SENTENCES has visitor text, so the checks below read real
    text; and NO_SENTENCES names only files that exist."""
    assert WORDED and all(texts(name) for name in WORDED)
    assert NO_SENTENCES <= set(DATA_FILES)


@pytest.mark.parametrize("name", WORDED)
def test_widget_words_are_plain(name):
    """The data file's visitor text reads at MAX_GRADE or easier."""
    grade = textstat.flesch_kincaid_grade(sentence_text(texts(name)))
    assert grade <= MAX_GRADE, f"{name}: reading grade {grade} is above {MAX_GRADE}"


@pytest.mark.parametrize("name", DATA_FILES)
def test_widget_words_are_our_own(source_runs, name):
    """No RUN_LENGTH consecutive words of any source article appear in the file's text."""
    copied = copied_runs(words(" ".join(texts(name))), source_runs)
    assert not copied, f"{name}: " + "; ".join(f'"{run}" (from {", ".join(files)})' for run, files in copied)
