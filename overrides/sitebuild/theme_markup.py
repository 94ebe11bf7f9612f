"""Small build-time fixes to markup that Material for MkDocs writes on every
page, so each page is valid HTML (Nu Html Checker) and passes axe-core.

Material writes these parts outside any template block, so the alternative
to a fix here would be keeping copies of its templates. Each fix matches the
theme's exact markup; if an upgrade of Material changes it, the build stops
(ThemeMarkupChanged) so that someone checks whether the fix is still needed.
"""

import re

# The search panel has role="dialog" and no accessible name (axe:
# aria-dialog-name). Its name is the word its search box is labelled with.
SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
NAMED_SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog" aria-label="Search">'

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


class ThemeMarkupChanged(ValueError):
    """The theme no longer writes the markup a fix expects."""


def name_search_dialog(page_html):
    if page_html.count(SEARCH_DIALOG) != 1:
        raise ThemeMarkupChanged(f"expected Material's search dialog once: {SEARCH_DIALOG}")
    return page_html.replace(SEARCH_DIALOG, NAMED_SEARCH_DIALOG)


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


def fix_theme_markup(page_html):
    """Every fix above, for one built page."""
    return drop_empty_tabindex(keep_toggles_unrestored(name_search_dialog(page_html)))
