"""Prints the reading grades the test run measured, in a table at the end.

test_reading_grade.py records each page's grade on its test report
(record_grade, in conftest.py), test_languages.py each Spanish page's
Fernández-Huerta reading ease (record_ease); this plugin, registered by tests/conftest.py,
reads the reports where the terminal is: in the one pytest process, or in
pytest-xdist's controller, which gets every worker's reports.
"""

PROPERTY = "reading_grade"
EASE_PROPERTY = "reading_ease_es"


class GradeSummary:
    """A pytest plugin: collects (page, grade) from reports and prints them once."""

    def __init__(self):
        self.grades = {}
        self.ease = {}

    def pytest_runtest_logreport(self, report):
        if report.when != "call":
            return
        for name, value in report.user_properties:
            if name == PROPERTY:
                page, grade = value
                self.grades[page] = grade
            elif name == EASE_PROPERTY:
                page, score = value
                self.ease[page] = score

    def pytest_terminal_summary(self, terminalreporter):
        if not self.ease and not self.grades:
            return
        # Imported here, when the run has a table to print; the limits come
        # from reading_grades, not the test modules, which would work out
        # their cases again (a quarter of a second of the controller's CPU).
        from .reading_grades import MAX_GRADE, MIN_FERNANDEZ_HUERTA, format_table

        if self.ease:
            terminalreporter.write_sep(
                "-", f"Fernández-Huerta reading ease per Spanish page (at least {MIN_FERNANDEZ_HUERTA}; a floor)"
            )
            for page, score in sorted(self.ease.items()):
                flag = "  < floor" if score < MIN_FERNANDEZ_HUERTA else ""
                terminalreporter.write_line(f"{page:<32}  {score:6.1f}{flag}")
        if not self.grades:
            return
        from .htmlpages import nav_pages

        order = {src: index for index, src in enumerate(nav_pages())}
        rows = sorted(self.grades.items(), key=lambda row: (order.get(row[0], len(order)), row[0]))
        terminalreporter.write_sep("-", f"Flesch-Kincaid reading grade per page (limit {MAX_GRADE})")
        terminalreporter.write_line(format_table(rows, MAX_GRADE))
