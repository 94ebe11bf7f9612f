"""The site's page titles (pages.json), for links that say where they go.

Screen readers list a page's links out of context, so a link reads as the
page it leads to ("Read more: Insurance and costs"), never a bare "Read
more". Pure, and the same in every runtime.
"""

from sog import datafiles
from sog.markup import fill, link

PAGES_FILE = "pages.json"


def title(href):
    """The title of the page an in-site href leads to ("pathology/", or with
    a "#part" of the page); KeyError if pages.json has no such page."""
    page = href.split("#")[0]
    return datafiles.load(PAGES_FILE)["titles"][page]


def titled_link(root, href, template):
    """A link to a page whose text is template with {title} filled in, such
    as "Read more: {title}"."""
    return link(root, href, fill(template, {"title": title(href)}))
