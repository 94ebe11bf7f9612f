"""The worksheet's words as data: plain, original and calm.

The page tests grade and compare the built page, which holds the blank
sheet; the sentences shown only in the browser (goals note, clear, problems
with saved data, refusals of a file) are checked here, from the data file,
with the same rules: Flesch-Kincaid grade at most the site's limit, and no
run of RUN_LENGTH words from the source articles.
"""

import textstat
from sog.worksheet import sheet

from tests.content.reading_grades import sentence_text
from tests.content.test_originality import RUN_LENGTH, copied_runs, runs, source_files, words
from tests.content.test_reading_grade import MAX_GRADE


def sentences(data):
    """Every sentence the worksheet can show: labels, hints, choices and words."""
    found = [record[key] for name in ("doctors", "parts", "rows", "comparisons")
             for record in data[name] for key in ("label", "title", "hint") if record.get(key)]

    def walk(value):
        if isinstance(value, str):
            found.append(value)
        elif isinstance(value, list):
            for entry in value:
                walk(entry)
        elif isinstance(value, dict):
            for key in value:
                if key != "third_href":
                    walk(value[key])

    walk(data["words"])
    return found


def test_reading_grade_of_every_word():
    text = sentence_text(sentences(sheet.load()))
    grade = textstat.flesch_kincaid_grade(text)
    print(f"worksheet.json: Flesch-Kincaid grade {grade}")
    assert grade <= MAX_GRADE


def test_no_words_copied_from_the_sources(shared_sources):
    index = {}
    for path in source_files(shared_sources):
        for run in runs(words(path.read_text(encoding="utf-8", errors="replace"))):
            index.setdefault(run, set()).add(path.name)
    copied = []
    for text in sentences(sheet.load()):
        copied += copied_runs(words(text), index)
    assert not copied, f"runs of {RUN_LENGTH}+ words copied from the sources: {copied}"
