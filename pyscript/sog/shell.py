"""The static shell every widget root shares, drawn at build time.

The root carries what the page needs before Python runs: its state
("static" until the load watchdog says "loading", then Python says "ready" or
something says "failed"), the site root for links, where the plain version
is, and the watchdog's words (from words.json, so they are data like every
other sentence). The status line below it is where the watchdog and dom.boot
speak; it stays hidden while Python starts, since the first view already works.

Parts of a widget that need Python carry NEEDS_PYTHON (buttons): widgets.css
keeps their place but shows them only once the widget is ready, and hides
them without JavaScript or when Python failed. Parts that only make sense
with Python carry LIVE, and the static version shown instead carries STATIC;
parts of a static version that its live first view leaves out (the printable
sheet's items for a tailored list) carry STATIC_ONLY.
"""

from sog import datafiles
from sog.markup import escape

NEEDS_PYTHON = "sog-needs-python"
LIVE = "sog-live"
STATIC = "sog-static"
STATIC_ONLY = "sog-static-only"


def open_root(name, root, fallback_href, fallback_text, extra_class=""):
    """The widget root's opening tag and its status line; close it with "</div>"."""
    words = datafiles.load("words.json")["start"]
    css = "sog-widget" + (" " + extra_class if extra_class else "")
    html_name = escape(name)
    return (
        '<div class="' + escape(css) + '" id="' + html_name + '" data-widget="' + html_name + '"'
        ' data-state="static"'
        ' data-root="' + escape(root) + '" data-fallback-href="' + escape(fallback_href) + '"'
        ' data-fallback-text="' + escape(fallback_text) + '"'
        ' data-failed-text="' + escape(words["failed"]) + '"'
        ' data-slow-text="' + escape(words["slow"]) + '">'
        '<p class="sog-status" id="' + html_name + '-status" role="status" hidden></p>'
    )
