"""The printable page's widget root, holding the blank sheet. Pure."""

from sog import shell
from sog.checklist import items, render_sheet
from sog.checklist.state import new_state
from sog.markup import escape

ROOT_ID = "printable"


def page_html(data, root):
    """The widget root: a print button that shows once Python is ready, and
    the blank sheet, which prints as it is without Python; Python changes
    only the parts of it that the visitor's saved checklist changes."""
    words = data["words"]["sheet"]
    return (
        shell.open_root(ROOT_ID, root, "#print-sheet", words["fallback_link"])
        + '<div class="sog-notice" id="printable-notice" role="status"></div>'
        # Its room is kept while Python starts (shell.NEEDS_PYTHON): nothing moves.
        '<div class="sog-actions ' + shell.NEEDS_PYTHON + '" id="printable-actions">'
        '<button type="button" class="md-button md-button--primary" id="print-button" data-action="print">'
        + escape(words["print_button"]) + "</button></div>"
        '<div id="printable-body">' + render_sheet.sheet_html(data, new_state(), {}, False, "", "") + "</div></div>"
    )


def static_page(root):
    """Marker widget:printable, at build time."""
    return page_html(items.load(), root)
