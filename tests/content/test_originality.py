"""Originality: no page reuses a sentence fragment from the source articles.

The source articles (../shared/sources, present only in the team's workspace
and CI) may lend the guide facts, never wording. No run of RUN_LENGTH
consecutive words from any source file may appear in a built page's visible
article text (page note and Sources sections included: the article titles
cited there have been shortened below RUN_LENGTH words).

Both sides are normalized the same way: lowercased, curly quotes and
apostrophes made straight, web addresses (http(s)://... and bare domains such as
medicare.gov) dropped, then split into words at every character that is not a
letter or digit, keeping apostrophes inside words (don't, patient's).
"""

import re

import pytest

from .htmlpages import source_pages

RUN_LENGTH = 8
PAGES = source_pages() + ["404.html"]
SKIPPED_SOURCES = frozenset({"README.md"})  # the folder's own description, not an article

QUOTES = str.maketrans(
    {
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "\u02bc": "'",
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
    }
)
WEB_ADDRESS = re.compile(r"https?://\S+")
BARE_DOMAIN = re.compile(
    r"(?<![\w@.-])(?:www\.)?(?:[^\W_](?:[\w-]*[^\W_])?\.)+"
    r"(?:com|org|net|gov|edu|mil|int|info|io|co|us|uk|ca|health|biz)\b(?:/\S*)?"
)
WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)*")


def words(text):
    """Text -> its normalized words (see the module docstring)."""
    text = text.lower().translate(QUOTES)
    text = WEB_ADDRESS.sub(" ", text)
    text = BARE_DOMAIN.sub(" ", text)
    return WORD.findall(text)


def runs(tokens, size=RUN_LENGTH):
    return (tuple(tokens[i : i + size]) for i in range(len(tokens) - size + 1))


def source_files(folder):
    """Every source file to compare with: *.txt and *.md, less SKIPPED_SOURCES."""
    return sorted(
        path
        for pattern in ("*.txt", "*.md")
        for path in folder.glob(pattern)
        if path.name not in SKIPPED_SOURCES
    )


def index_runs(files):
    """Every RUN_LENGTH-word run in the files -> the names of the files it occurs in."""
    index = {}
    for path in files:
        for run in runs(words(path.read_text(encoding="utf-8", errors="replace"))):
            index.setdefault(run, set()).add(path.name)
    return index


def copied_runs(tokens, index, size=RUN_LENGTH):
    """[(words, source files)] for each stretch of tokens made of shared runs, overlapping
    runs merged into one stretch."""
    found = []
    start = end = None
    files = set()
    for i, run in enumerate(runs(tokens, size)):
        hit = index.get(run)
        if hit and end is not None and i <= end - size + 1:
            end = i + size
            files |= hit
            continue
        if end is not None:
            found.append((" ".join(tokens[start:end]), sorted(files)))
            start = end = None
            files = set()
        if hit:
            start, end, files = i, i + size, set(hit)
    if end is not None:
        found.append((" ".join(tokens[start:end]), sorted(files)))
    return found


def test_normalization():
    """Quotes, addresses and punctuation are normalized as the module docstring says."""
    assert words("Don\u2019t call \u201cMedicare.gov\u201d or https://www.medicare.gov/x; it's 20%!") == [
        "don't", "call", "or", "it's", "20",
    ]
    index = {tuple("a b c d e f g h".split()): {"s.txt"}, tuple("b c d e f g h i".split()): {"t.txt"}}
    assert copied_runs("x a b c d e f g h i y".split(), index) == [("a b c d e f g h i", ["s.txt", "t.txt"])]


@pytest.mark.parametrize("name", PAGES)
def test_no_copied_runs(site, source_runs, name):
    """No RUN_LENGTH consecutive words of any source file appear in the page's visible
    article text; the failure names each shared run and its source file."""
    page = site.page(name)
    text = " ".join(page.article_blocks(include_note=True))
    copied = copied_runs(words(text), source_runs)
    report = [f'{name}: "{run}" (from {", ".join(files)})' for run, files in copied]
    heading = f"{len(copied)} run(s) of {RUN_LENGTH}+ words copied from the sources:\n"
    assert not copied, heading + "\n".join(report)
