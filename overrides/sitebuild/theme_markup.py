"""Small build-time fixes to markup that Material for MkDocs writes on every
page, so each page is valid HTML (Nu Html Checker) and passes axe-core.

Material writes these parts outside any template block, so the alternative
to a fix here would be keeping copies of its templates. Each fix matches the
theme's exact markup; if an upgrade of Material changes it, the build stops
(ThemeMarkupChanged) so that someone checks whether the fix is still needed.
"""

import html
import re

# The search panel has role="dialog" and no accessible name (axe:
# aria-dialog-name). Its name is the word its search box is labelled with.
SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
NAMED_SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog" aria-label="{}">'
SEARCH_NAME = "Search"

# The drawer and search toggles are hidden checkboxes with autocomplete="off",
# which HTML allows on text-like inputs only. Material puts it there so that a
# browser does not restore a toggle as checked (an open menu or search panel)
# when the visitor comes back to the page. A form's autocomplete="off" does the
# same for the controls that name it in their form attribute, and is valid.
TOGGLE = re.compile(
    r'<input class="md-toggle" data-md-toggle="(?P<name>drawer|search)" type="checkbox" '
    r'id="__(?P=name)" autocomplete="off">'
)
TOGGLES_FORM_ID = "__md_toggles"
TOGGLES_FORM = f'<form id="{TOGGLES_FORM_ID}" autocomplete="off" hidden></form>'

# A nav section's label gets tabindex="" (not a number, so browsers ignore it
# and the label is not focusable). Without the attribute nothing changes.
SECTION_LABEL_TABINDEX = re.compile(
    r'(<label class="md-nav__link" for="__nav_[\d_]+" id="__nav_[\d_]+_label") tabindex="">'
)


# The page's versions in other languages, as <link rel="alternate" hreflang>
# in the head. Material's script fetches "sitemap.xml" beside each one's
# address ("es/screener/sitemap.xml"), which exists only at the site's root:
# a failed request on every page (mkdocs-material issue 6582). The same
# hreflang pairs are in sitemap.xml (the i18n plugin writes them) and on the
# page's language switch link.
ALTERNATE_LINK = re.compile(r'\n?[ \t]*<link rel="alternate" href="[^"]*" hreflang="[^"]*">')


class ThemeMarkupChanged(ValueError):
    """The theme no longer writes the markup a fix expects."""


def name_search_dialog(page_html, name=SEARCH_NAME):
    """The search dialog named name (the page's word for "Search")."""
    if page_html.count(SEARCH_DIALOG) != 1:
        raise ThemeMarkupChanged(f"expected Material's search dialog once: {SEARCH_DIALOG}")
    return page_html.replace(SEARCH_DIALOG, NAMED_SEARCH_DIALOG.format(html.escape(name)))


def keep_toggles_unrestored(page_html):
    """Drawer and search toggles: autocomplete="off" moved to a form they name."""
    found = TOGGLE.findall(page_html)
    if sorted(found) != ["drawer", "search"]:
        raise ThemeMarkupChanged("expected Material's drawer and search toggles with autocomplete=\"off\"")
    first = TOGGLE.search(page_html).start()
    page_html = page_html[:first] + TOGGLES_FORM + page_html[first:]
    return TOGGLE.sub(
        lambda match: (
            f'<input class="md-toggle" data-md-toggle="{match["name"]}" type="checkbox" '
            f'id="__{match["name"]}" form="{TOGGLES_FORM_ID}">'
        ),
        page_html,
    )


def drop_empty_tabindex(page_html):
    return SECTION_LABEL_TABINDEX.sub(r"\1>", page_html)


def drop_alternate_links(page_html):
    return ALTERNATE_LINK.sub("", page_html)


def fix_theme_markup(page_html, search_name=SEARCH_NAME):
    """Every fix above, for one built page; search_name: the page's word for "Search"."""
    page_html = name_search_dialog(page_html, search_name)
    return drop_alternate_links(drop_empty_tabindex(keep_toggles_unrestored(page_html)))
