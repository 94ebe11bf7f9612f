"""The worksheet's data file (worksheet.json) and look-ups in it. Pure.

The data file:
    version      the data's own version (not the saved format's)
    doctors      [{id, label}] the two columns, in order
    parts        [{id, title}] the parts that hold rows, in order
    rows         [{id, part, lines, label, hint}] one question each doctor
                 answers, in order; lines is how many lines to write on
                 the blank sheet
    comparisons  [{id, label, third}] how the two opinions compare; third
                 says the answer shows the part on a third opinion
    words        every other sentence the page shows; yearly figures are
                 written [[name]] and filled from figures.json (with_figures)
"""

from sog import datafiles, figures, language

DATA_FILE = "worksheet/worksheet.json"
_filled = {}


def load():
    """The worksheet data as written (shared per page: do not change it).

    Enough for the saved format, which the checklist page reads too (its
    file holds the worksheet): that page fetches this file, not figures.json.
    """
    return datafiles.load(DATA_FILE)


def with_figures():
    """The worksheet data with its yearly figures filled in, for showing."""
    key = language.cache_key("data")
    if key not in _filled:
        with open(datafiles.path("figures.json")) as handle:
            known = figures.parse_figures(handle.read())
        _filled[key] = figures.fill_all(load(), known)
    return _filled[key]


def doctor_ids(data):
    return [doctor["id"] for doctor in data["doctors"]]


def row_ids(data):
    return [row["id"] for row in data["rows"]]


def rows_in(data, part_id):
    """The rows of one part, in order."""
    return [row for row in data["rows"] if row["part"] == part_id]


def comparison_ids(data):
    return [choice["id"] for choice in data["comparisons"]]


def shows_third(data, comparison):
    """Whether this answer to "do they differ?" shows the part on a third opinion."""
    for choice in data["comparisons"]:
        if choice["id"] == comparison:
            return choice["third"] is True
    return False
