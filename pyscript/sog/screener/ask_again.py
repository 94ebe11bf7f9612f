"""What a page tailored by the screener's saved answers says while some of
them could not be kept (the screener's questions changed; see saved.py's
migrations): a sentence of the page's own, and a link back to the
screener to answer those questions again. Pure.

Which questions wait is found once, by checklist/sources.py's
Sources.ask_again (the letter's sources ask the same object).
"""

from sog.markup import escape, link

# The screener's page, relative to the site's root.
SCREENER_PAGE = "screener/"


def notice_html(waiting, sentence, link_words, root):
    """The notice for these waiting question ids: "" when none wait. Plain
    text and a link, as the notice boxes hold their other sentences (no
    paragraph: its margins would pad the box)."""
    if not waiting:
        return ""
    return escape(sentence) + " " + link(root, SCREENER_PAGE, link_words)


def notice_for(sources, words, root):
    """The notice for the questions sources (a page's Sources: its
    ask_again()) leaves waiting, in a page's words ("screener_ask_again"
    and "screener_ask_again_link")."""
    return notice_html(sources.ask_again(), words["screener_ask_again"], words["screener_ask_again_link"], root)
