"""The word tooltips (<abbr title="...">), read once per build. Plain functions.

docs/includes/abbreviations.md (abbreviations.es.md for Spanish) writes each
word's short meaning as Markdown's abbreviation lines, `*[word]: meaning`.
They used to be added to the end of every page as a snippet, so Markdown
parsed them again on every page: one block of 120 to 170 lines, which the
other block processors searched again, whole, each time the extension took
one line off its top (about 7,000 searches of up to 18 KB: two thirds of a
build's Markdown time). Now they are read
here once and handed to the abbreviations extension as its `glossary`, which
adds the same <abbr> elements.
"""

from markdown.extensions.abbr import AbbrBlockprocessor


def read(path):
    """{word: meaning} from an abbreviations file, as the abbreviations
    extension reads it on a page (its own pattern; a later line wins; a
    meaning of '' or "" takes the word away)."""
    found = {}
    for match in AbbrBlockprocessor.RE.finditer(path.read_text(encoding="utf-8")):
        word, meaning = match.group("abbr").strip(), match.group("title").strip()
        if not (word and meaning):
            continue
        if meaning in ("''", '""'):
            found.pop(word, None)
        else:
            found[word] = meaning
    return found
