"""Small helpers for building HTML strings safely.

Used at build time (to render the static page) and in the browser (to render
results), so both show exactly the same markup. The html module is missing
from MicroPython, hence a local escape.
"""


def escape(text):
    """Escape text for use in HTML content or a quoted attribute."""
    text = str(text)
    text = text.replace("&", "&amp;")
    text = text.replace("<", "&lt;")
    text = text.replace(">", "&gt;")
    text = text.replace('"', "&quot;")
    return text.replace("'", "&#x27;")


def link(root, href, text):
    """An in-site link; href is relative to the site root ("" for none)."""
    if not href:
        return escape(text)
    return '<a href="' + escape(root + "/" + href) + '">' + escape(text) + "</a>"


def fill(template, values):
    """Put values into a sentence: "{n} items" with {"n": 3} gives "3 items".

    Values are inserted as they are; escape the result if it goes into HTML.
    """
    for key in values:
        template = template.replace("{" + key + "}", str(values[key]))
    return template


def sentence(text):
    """Text with its first letter in capitals, for a phrase that starts a
    sentence ("your checklist, ..." -> "Your checklist, ...")."""
    return text[:1].upper() + text[1:]
