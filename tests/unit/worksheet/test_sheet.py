"""Unit tests for sog/worksheet/sheet.py and the data file it reads.

Tested here: worksheet.json is well formed (unique ids, every row in a known
part, lines to write on, a choice that shows the part on a third opinion and
one that does not); yearly figures are written as placeholders and filled
from figures.json; the look-ups; the page that loads the checklist's file
fetches this data file too (the file holds the worksheet); and the words
never weigh the opinions for the visitor.
"""

import json
import re
from pathlib import Path

import pytest
from sitebuild import widgets
from sog import datafiles, figures
from sog.worksheet import sheet

SOG = Path(datafiles.FOLDER)


def ids(records):
    return [record["id"] for record in records]


def strings(value):
    """Every string in JSON-like data."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [text for entry in value for text in strings(entry)]
    if isinstance(value, dict):
        return [text for key in value for text in strings(value[key])]
    return []


def test_ids_are_unique_and_every_row_is_in_a_known_part(written):
    for records in ("doctors", "parts", "rows", "comparisons"):
        found = ids(written[records])
        assert found and len(found) == len(set(found)), records
    assert len(written["doctors"]) == 2
    parts = ids(written["parts"])
    assert [row["part"] for row in written["rows"]] == sorted(
        (row["part"] for row in written["rows"]), key=parts.index
    ), "rows are grouped by part, in the parts' order"
    for part in parts:
        assert sheet.rows_in(written, part), part


def test_every_row_has_words_and_lines_to_write_on(written):
    for row in written["rows"]:
        assert sorted(row) == ["hint", "id", "label", "lines", "part"]
        assert row["label"].strip() and isinstance(row["hint"], str)
        assert isinstance(row["lines"], int) and 1 <= row["lines"] <= 4


def test_the_bran_questions_are_all_asked(written):
    """Benefits, risks, alternatives and nothing (waiting) each have a row, as
    do the diagnosis, the treatment, how sure, cost and time, goals and
    what to ask."""
    assert {"diagnosis", "treatment", "benefits", "risks", "alternatives", "nothing", "sure", "cost_time",
            "fit", "ask"} <= set(sheet.row_ids(written))


def test_comparisons_show_a_third_opinion_only_where_opinions_differ(written):
    third = [choice["id"] for choice in written["comparisons"] if choice["third"] is True]
    quiet = [choice["id"] for choice in written["comparisons"] if choice["third"] is False]
    assert third and quiet and len(third) + len(quiet) == len(written["comparisons"])
    assert third == ["treatment", "diagnosis"]
    for choice in third:
        assert sheet.shows_third(written, choice)
    for choice in quiet + ["", "nope", None]:
        assert not sheet.shows_third(written, choice)


def test_look_ups(written):
    assert sheet.doctor_ids(written) == ["first", "second"]
    assert sheet.row_ids(written) == ids(written["rows"])
    assert sheet.comparison_ids(written) == ids(written["comparisons"])
    assert [row["id"] for row in sheet.rows_in(written, "goals")] == ["fit", "ask"]
    assert sheet.rows_in(written, "nope") == []


def test_yearly_figures_are_placeholders_filled_from_figures_json(written, data):
    """The data file never writes a yearly figure out; the page shows it with its year and source."""
    known = figures.parse_figures((SOG / "figures.json").read_text(encoding="utf-8"))
    text = json.dumps(written)
    for figure in known.values():
        assert figure["text"] not in text
    assert "[[part_b_deductible]]" in text
    shown = " ".join(data["words"]["third_text"])
    assert "[[" not in json.dumps(data)
    figure = known["part_b_deductible"]
    assert figure["text"] + " in " + str(figure["year"]) in shown
    assert "Source: " + figure["source"] in shown
    assert data == figures.fill_all(written, known)


def test_load_fills_a_copy_and_leaves_the_written_data_alone():
    assert "[[" in json.dumps(datafiles.load(sheet.DATA_FILE))
    assert "[[" not in json.dumps(sheet.load())
    assert sheet.load() is sheet.load()


def test_the_medicare_facts_name_original_medicare_and_the_source(data):
    """20% is Original Medicare's rule, said with it; the rule names Medicare.gov."""
    medicare = [text for text in data["words"]["third_text"] if "Medicare" in text]
    assert medicare
    for text in medicare:
        if "20%" in text:
            assert "Original Medicare" in text
        assert "Medicare.gov" in text


def manifest(name):
    return json.loads((SOG / name / "widget.json").read_text(encoding="utf-8"))


def test_pages_that_read_the_worksheet_fetch_its_data():
    """The worksheet's page, and the checklist's (whose file and "Clear
    everything" hold the worksheet), fetch worksheet.json."""
    registry = widgets.discover()
    assert sheet.DATA_FILE in manifest("worksheet")["data"]
    assert "figures.json" in manifest("worksheet")["data"]
    assert "sog/" + sheet.DATA_FILE in widgets.files_for(registry["checklist"])


# Words that would weigh the two opinions for the visitor, or promise.
WEIGHING = [
    r"\brecommend", r"\bscore", r"\bpoints?\b", r"\bwinner\b", r"\bbetter (?:plan|choice|doctor)\b",
    r"\bbest (?:plan|choice|option|doctor)\b", r"\byou should (?:choose|pick|go with|take)\b",
    r"\bwill (?:cure|work|help)\b", r"\bguarantee", r"\bright choice\b",
]


@pytest.mark.parametrize("pattern", WEIGHING)
def test_words_never_weigh_the_opinions_or_promise(written, pattern):
    """The worksheet helps the visitor say what they think; it never picks or promises."""
    found = [text for text in strings(written) if re.search(pattern, text, re.IGNORECASE)]
    assert not found
