"""The letter's static HTML, drawn at build time for its markers. Pure.

- widget:letter, on the letter page: the widget root holding the blank
  letter, which prints as it is without JavaScript (and, folded away, a blank
  HIPAA authorization and a blank request for slides and blocks); the widget
  replaces it with the form and the visitor's own letter.
- widget:letter-blank, on the gathering-records page: the same blank letter,
  authorization and slides request, so the guide and the letter page read
  the same words.
- widget:phone-scripts, on the gathering-records page: what to say on the phone.
"""

from sog import language, shell
from sog.checklist import items
from sog.letter import render_letter, view
from sog.markup import escape

ROOT_ID = "letter"
# Where the page says some screener answers wait to be answered again.
ASK_AGAIN_ID = "letter-ask-again"


def _blank():
    data = view.load()
    return data, view.blank_view(data, items.load())


def _folded(summary, sheet, css="sog-slides-blank"):
    """A blank sheet folded away under a line saying whom it is for; it
    prints only when opened."""
    return (
        '<details class="sog-fold ' + escape(css) + '"><summary>' + escape(summary) + "</summary>"
        '<div class="sog-letter-paper">' + sheet + "</div></details>"
    )


def _blank_sheets(data, blank):
    return (render_letter.letter_html(data, blank) + render_letter.authorization_html(data, blank)
            + render_letter.slides_html(data, blank))


def translated_blank():
    """On a page in another language than the letter's: the blank letter in
    the page's language, folded, never printed (the letter prints in
    English); "" on an English page."""
    words = view.alongside_words()
    if not words:
        return ""
    sheets = view.in_language(language.current(), lambda data, checklist: _blank_sheets(
        data, view.blank_view(data, checklist)))
    return _folded(words["summary"], render_letter.renamed(sheets, "other-"), "sog-slides-blank sog-no-print")


def page_html(data, blank, root):
    """The letter page's widget root, holding the blank letter."""
    words = data["words"]
    return (
        shell.open_root(ROOT_ID, root, "#" + render_letter.LETTER_ID, words["fallback_link"], "sog-prints-alone")
        + '<noscript><p class="sog-notice">' + escape(words["noscript"]) + "</p></noscript>"
        '<div class="sog-notice" id="letter-notice" role="status"></div>'
        '<div class="sog-notice" id="' + ASK_AGAIN_ID + '" role="status"></div>'
        '<p class="sog-visually-hidden" id="letter-announce" role="status"></p>'
        '<div id="letter-body"><section class="sog-letter-preview" aria-labelledby="letter-blank-heading">'
        '<h2 id="letter-blank-heading">' + escape(words["blank_heading"]) + "</h2>"
        '<div class="sog-letter-paper">' + render_letter.letter_html(data, blank) + "</div>"
        + _folded(words["auth_summary"], render_letter.authorization_html(data, blank))
        + _folded(words["slides_summary"], render_letter.slides_html(data, blank))
        + translated_blank()
        + "</section></div></div>"
    )


def static_page(root):
    """Marker widget:letter, at build time."""
    data, blank = _blank()
    return page_html(data, blank, root)


def blank_letters(root):
    """Marker widget:letter-blank: the blank letter and slides request (on a
    Spanish page, folded after them, in Spanish to read)."""
    data, blank = _blank()
    return (
        '<div class="sog-letter-paper sog-letter-blank">' + _blank_sheets(data, blank) + "</div>"
        + translated_blank()
    )


def phone_scripts(root):
    """Marker widget:phone-scripts."""
    return render_letter.phone_scripts_html(view.load())
