"""Figures that change every year (figures.json), and the one function that puts them into text.

A text asks for a figure with a placeholder: [[part_b_deductible]] is the
figure's text ("$283"), [[part_b_deductible.year]] the year it holds for.
.source and .href give where it comes from. The site's build fills the pages
with fill(); the widgets read their data files through load_filled(), which
fills every text in them, at build time and in the browser alike. Next
January is one edit to figures.json.

Pure, and in the Python that CPython, MicroPython and Pyodide share: no
regular expressions, typing, dataclasses or f-string format specs.
"""

import json

from sog import datafiles, language

# The figures file, relative to the sog package (see datafiles).
FILE = "figures.json"
VERSION = 1
OPEN = "[["
CLOSE = "]]"
# Placeholder suffix -> the figure's field. A bare name means its text.
FIELDS = ("text", "year", "source", "href")
NAME_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789_"


class FigureError(ValueError):
    """A bad figures file, or a placeholder that names no figure."""


def _valid_name(name):
    if not name:
        return False
    for char in name:
        if char not in NAME_CHARS:
            return False
    return True


def parse_figures(text):
    """figures.json's text -> {name: {"text", "year", "source", "href"}}; FigureError if malformed."""
    return from_data(json.loads(text))


def from_data(data):
    """figures.json's parsed JSON -> {name: {"text", "year", "source", "href"}}; FigureError if malformed."""
    if not isinstance(data, dict):
        raise FigureError("figures file: expected a JSON object")
    if data.get("version") != VERSION:
        raise FigureError(
            "figures file: version must be " + str(VERSION) + ", not " + repr(data.get("version"))
        )
    found = data.get("figures")
    if not isinstance(found, dict):
        raise FigureError("figures file: 'figures' must be an object of name -> figure")
    figures = {}
    for name in found:
        figure = found[name]
        if not _valid_name(name):
            raise FigureError("figure name " + repr(name) + ": use only a-z, 0-9 and _")
        if not isinstance(figure, dict):
            raise FigureError("figure " + repr(name) + ": expected an object")
        text_value = figure.get("text")
        if not isinstance(text_value, str) or not text_value:
            raise FigureError("figure " + repr(name) + ": 'text' must be non-empty text")
        year = figure.get("year")
        if isinstance(year, bool) or not isinstance(year, int):
            raise FigureError("figure " + repr(name) + ": 'year' must be a whole number such as 2026")
        figures[name] = {
            "text": text_value,
            "year": year,
            "source": str(figure.get("source") or ""),
            "href": str(figure.get("href") or ""),
        }
    return figures


def placeholders(text):
    """Every placeholder in text, in order: "name" or "name.field"; an unclosed one as "[[..."."""
    found = []
    start = text.find(OPEN)
    while start != -1:
        end = text.find(CLOSE, start + len(OPEN))
        if end == -1:
            found.append(text[start : start + 40])
            break
        found.append(text[start + len(OPEN) : end])
        start = text.find(OPEN, end + len(CLOSE))
    return found


def value(figures, placeholder):
    """The text one placeholder stands for ("name" or "name.field"); FigureError if unknown."""
    name = placeholder
    field = "text"
    dot = placeholder.find(".")
    if dot != -1:
        name = placeholder[:dot]
        field = placeholder[dot + 1 :]
    if not placeholder:
        raise FigureError("empty placeholder [[]]")
    if name not in figures:
        known = ", ".join(sorted(figures)) or "(none)"
        raise FigureError("unknown figure [[" + placeholder + "]]; known figures: " + known)
    if field not in FIELDS:
        raise FigureError(
            "unknown field in [[" + placeholder + "]]; use [[" + name + "]] or ." + ", .".join(FIELDS[1:])
        )
    return str(figures[name][field])


def fill(text, figures):
    """text with every [[name]] and [[name.field]] replaced; FigureError names any it cannot fill."""
    parts = []
    position = 0
    start = text.find(OPEN)
    while start != -1:
        end = text.find(CLOSE, start + len(OPEN))
        if end == -1:
            raise FigureError("unclosed placeholder: " + text[start : start + 40])
        parts.append(text[position:start])
        parts.append(value(figures, text[start + len(OPEN) : end]))
        position = end + len(CLOSE)
        start = text.find(OPEN, position)
    parts.append(text[position:])
    return "".join(parts)


def fill_all(data, figures):
    """A copy of data (nested dicts and lists) with fill() applied to every string in it."""
    if isinstance(data, str):
        return fill(data, figures)
    if isinstance(data, list):
        return [fill_all(item, figures) for item in data]
    if isinstance(data, dict):
        filled = {}
        for key in data:
            filled[key] = fill_all(data[key], figures)
        return filled
    return data


# Read once per page: the figures, and each data file filled with them.
_figures = []
_filled = {}


def load():
    """The package's own figures (figures.json), read once."""
    if not _figures:
        _figures.append(from_data(datafiles.load(FILE)))
    return _figures[0]


def load_filled(relative):
    """A data file of the sog package (see datafiles.load) with every figure
    placeholder in it filled from figures.json; read and filled once. Callers
    must not change it. FigureError names a placeholder no figure fills."""
    key = language.cache_key(relative)
    if key not in _filled:
        data = datafiles.load(relative)
        # Filled by the build already, in the page's bundle (datafiles.is_ready).
        _filled[key] = data if datafiles.is_ready(relative) else fill_all(data, load())
    return _filled[key]
