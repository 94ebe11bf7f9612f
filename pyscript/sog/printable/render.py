"""The printable page's widget root, holding the blank sheet. Pure."""

from sog import shell
from sog.checklist import items, render_sheet, view
from sog.checklist.state import new_state
from sog.markup import escape

ROOT_ID = "printable"
# Where the page says some screener answers wait to be answered again.
ASK_AGAIN_ID = "printable-ask-again"


def first_view(data):
    """The items the sheet shows with JavaScript before anything is saved:
    the checklist's own list for an empty checklist and no screener answers."""
    return view.build(data, new_state(), {})["shown"]


def page_html(data, root):
    """The widget root: a print button that shows once Python is ready, and
    the blank sheet. Without JavaScript (or if Python cannot start) it lists
    every item and prints as it is; with it, the items outside the first view
    (the list for an empty checklist) stay out of sight, and Python changes
    only the parts that the visitor's saved checklist changes."""
    words = data["words"]["sheet"]
    return (
        shell.open_root(ROOT_ID, root, "#print-sheet", words["fallback_link"])
        + '<div class="sog-notice" id="printable-notice" role="status"></div>'
        '<div class="sog-notice" id="' + ASK_AGAIN_ID + '" role="status"></div>'
        # Its room is kept while Python starts (shell.NEEDS_PYTHON): nothing moves.
        '<div class="sog-actions ' + shell.NEEDS_PYTHON + '" id="printable-actions">'
        '<button type="button" class="md-button md-button--primary" id="print-button" data-action="print">'
        + escape(words["print_button"]) + "</button></div>"
        '<div id="printable-body">' + render_sheet.sheet_html(data, new_state(), {}, False, "", "", first_view(data))
        + "</div></div>"
    )


def static_page(root):
    """Marker widget:printable, at build time."""
    return page_html(items.load(), root)
