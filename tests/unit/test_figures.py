"""Unit tests for pyscript/sog/figures.py: the yearly figures and their placeholders.

Tested here: parse_figures reads figures.json's text and refuses a wrong
version or a figure without its text or year; fill swaps [[name]] for a
figure's text and [[name.year]] (and .source, .href) for its other fields,
leaves other text alone and names the unknown or unclosed placeholder it
refuses; fill_all does the same inside nested lists and dicts; placeholders
lists what a text still asks for. The real figures.json parses. load reads
the package's figures once; load_filled gives a data file with its
placeholders filled, once, leaving the file's own data alone.
"""

import json
from pathlib import Path

import pytest
from sog import datafiles, figures

FIGURES_JSON = Path(__file__).resolve().parents[2] / "pyscript" / "sog" / "figures.json"

SAMPLE = {
    "deductible": {"text": "$100", "year": 2030, "source": "A plan", "href": "https://example.org/"},
    "limit": {"text": "30 days", "year": 2031, "source": "", "href": ""},
}


def as_json(figs, version=1):
    return json.dumps({"version": version, "figures": figs})


def test_the_real_file_parses_and_holds_the_part_b_deductible():
    parsed = figures.parse_figures(FIGURES_JSON.read_text(encoding="utf-8"))
    deductible = parsed["part_b_deductible"]
    assert deductible["text"].startswith("$")
    assert isinstance(deductible["year"], int) and deductible["year"] >= 2026
    assert deductible["source"] and deductible["href"].startswith("https://")


def test_parse_returns_the_figures():
    assert figures.parse_figures(as_json(SAMPLE)) == SAMPLE


@pytest.mark.parametrize(
    "text, message",
    [
        pytest.param(as_json(SAMPLE, version=2), "version", id="unknown-version"),
        pytest.param(json.dumps({"version": 1}), "figures", id="no-figures"),
        pytest.param(json.dumps({"version": 1, "figures": []}), "figures", id="figures-not-an-object"),
        pytest.param(as_json({"x": {"year": 2026}}), "x", id="no-text"),
        pytest.param(as_json({"x": {"text": "", "year": 2026}}), "x", id="empty-text"),
        pytest.param(as_json({"x": {"text": "$1"}}), "x", id="no-year"),
        pytest.param(as_json({"x": {"text": "$1", "year": "2026"}}), "x", id="year-as-text"),
        pytest.param(as_json({"x": {"text": "$1", "year": True}}), "x", id="year-as-bool"),
        pytest.param(as_json({"bad name": {"text": "$1", "year": 2026}}), "bad name", id="name-with-space"),
        pytest.param(as_json({"x.y": {"text": "$1", "year": 2026}}), "x.y", id="name-with-dot"),
        pytest.param("[1, 2]", "object", id="not-an-object"),
    ],
)
def test_parse_refuses_bad_data(text, message):
    with pytest.raises(figures.FigureError, match=message.replace(".", r"\.")):
        figures.parse_figures(text)


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param("The deductible is [[deductible]].", "The deductible is $100.", id="text"),
        pytest.param("[[deductible]] in [[deductible.year]]", "$100 in 2030", id="text-and-year"),
        pytest.param("[[deductible.text]]", "$100", id="text-by-field"),
        pytest.param(
            "[[deductible.source]] ([[deductible.href]])", "A plan (https://example.org/)", id="source-href"
        ),
        pytest.param("[[limit]], [[deductible]]", "30 days, $100", id="two-figures"),
        pytest.param("[[deductible]][[deductible]]", "$100$100", id="back-to-back"),
        pytest.param("No figures here.", "No figures here.", id="no-placeholder"),
        pytest.param(
            "A [single] bracket ]] and [ stay.", "A [single] bracket ]] and [ stay.", id="lone-brackets"
        ),
        pytest.param("", "", id="empty"),
        pytest.param("Caf\u00e9 [[deductible]] \u2713", "Caf\u00e9 $100 \u2713", id="non-ascii"),
    ],
)
def test_fill(text, expected):
    assert figures.fill(text, SAMPLE) == expected


@pytest.mark.parametrize(
    "text, names",
    [
        pytest.param("[[nope]]", ["nope"], id="unknown-name"),
        pytest.param("[[deductible.colour]]", ["deductible.colour"], id="unknown-field"),
        pytest.param("[[]]", ["[[]]"], id="empty-name"),
        pytest.param("[[ deductible ]]", ["deductible"], id="spaces-inside"),
        pytest.param("ok [[deductible", ["[[deductible"], id="unclosed"),
    ],
)
def test_fill_names_what_it_refuses(text, names):
    with pytest.raises(figures.FigureError) as raised:
        figures.fill(text, SAMPLE)
    for name in names:
        assert name in str(raised.value)


def test_unknown_name_error_lists_the_known_names():
    with pytest.raises(figures.FigureError) as raised:
        figures.fill("[[part_b]]", SAMPLE)
    assert "deductible" in str(raised.value) and "limit" in str(raised.value)


def test_fill_all_fills_every_string_in_nested_data_and_leaves_the_rest():
    data = {
        "notes": [{"text": "Pay [[deductible]] ([[deductible.year]]).", "n": 3, "ok": True, "none": None}],
        "title": "[[limit]]",
    }
    filled = figures.fill_all(data, SAMPLE)
    assert filled == {
        "notes": [{"text": "Pay $100 (2030).", "n": 3, "ok": True, "none": None}],
        "title": "30 days",
    }
    assert data["title"] == "[[limit]]", "the input is left unchanged"


def test_fill_all_refuses_an_unknown_name_deep_inside():
    with pytest.raises(figures.FigureError, match="nope"):
        figures.fill_all({"a": [{"b": "[[nope]]"}]}, SAMPLE)


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param("[[a]] and [[b.year]] and [[a]]", ["a", "b.year", "a"], id="in-order"),
        pytest.param("nothing", [], id="none"),
        pytest.param("[[open", ["[[open"], id="unclosed"),
    ],
)
def test_placeholders(text, expected):
    assert figures.placeholders(text) == expected


# ---- the package's own figures, and data files filled with them -------------


def test_load_reads_the_packages_figures_once():
    first = figures.load()
    assert first == figures.parse_figures(FIGURES_JSON.read_text(encoding="utf-8"))
    assert figures.load() is first


def test_load_filled_fills_a_data_file_once(monkeypatch):
    """A data file is read with every placeholder filled, and kept: the same
    object comes back, and the file is not filled again."""
    monkeypatch.setattr(figures, "_filled", {})
    text = "[[part_b_deductible]] in [[part_b_deductible.year]]"
    monkeypatch.setitem(datafiles._cache, "test/sample.json", {"a": [text], "n": 3})
    filled = figures.load_filled("test/sample.json")
    deductible = figures.load()["part_b_deductible"]
    assert filled == {"a": [deductible["text"] + " in " + str(deductible["year"])], "n": 3}
    assert figures.load_filled("test/sample.json") is filled
    # The file's own data is left as it was.
    assert datafiles.load("test/sample.json")["a"] == [text]


def test_load_filled_names_an_unknown_figure(monkeypatch):
    monkeypatch.setattr(figures, "_filled", {})
    monkeypatch.setitem(datafiles._cache, "test/bad.json", {"a": "[[no_such_figure]]"})
    with pytest.raises(figures.FigureError, match="no_such_figure"):
        figures.load_filled("test/bad.json")
