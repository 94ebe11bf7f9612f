"""Unit tests for overrides/sitebuild/theme_markup.py: fixes to the markup
Material writes on every page.

Tested here, on Material's exact markup: the search dialog gets a name; the
drawer and search toggles lose autocomplete (invalid on a checkbox) and name a
form with autocomplete="off" instead; a section label loses tabindex=""; and
a page whose theme markup changed is refused rather than passed on unfixed.
"""

import pytest
from sitebuild import theme_markup

# As Material 9 writes them (base.html, partials/search.html, partials/nav-item.html).
PAGE = """<body dir="ltr">
    <input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">
    <input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" autocomplete="off">
    <label class="md-overlay" for="__drawer"></label>
    <div class="md-search" data-md-component="search" role="dialog">
      <input type="text" class="md-search__input" name="query" aria-label="Search" autocomplete="off">
    </div>
    <label class="md-nav__link" for="__nav_3" id="__nav_3_label" tabindex="">
    <label class="md-nav__link" for="__nav_3_2" id="__nav_3_2_label" tabindex="0">
</body>"""


def test_search_dialog_gets_a_name():
    fixed = theme_markup.name_search_dialog(PAGE)
    assert '<div class="md-search" data-md-component="search" role="dialog" aria-label="Search">' in fixed
    assert fixed.count("aria-label=") == 2


def test_toggles_name_a_form_that_turns_autocomplete_off():
    fixed = theme_markup.keep_toggles_unrestored(PAGE)
    assert (
        '<form id="__md_toggles" autocomplete="off" hidden></form>'
        '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" form="__md_toggles">'
    ) in fixed
    assert (
        '<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" form="__md_toggles">'
    ) in fixed
    assert fixed.count("<form") == 1
    # The search box's own autocomplete="off" is valid on a text input and stays.
    assert 'name="query" aria-label="Search" autocomplete="off">' in fixed


def test_toggles_stay_next_to_the_elements_the_theme_styles_through_them():
    """Material's CSS reaches the overlay and the rest of the page through
    `.md-toggle:checked ~ ...` and `+`: the toggles keep their order and neighbours."""
    fixed = theme_markup.keep_toggles_unrestored(PAGE)
    drawer = fixed.index('id="__drawer"')
    search = fixed.index('id="__search"')
    overlay = fixed.index('<label class="md-overlay"')
    assert drawer < search < overlay
    between = fixed[fixed.index(">", search) + 1 : overlay]
    assert between.strip() == ""


def test_empty_tabindex_goes_and_other_tabindex_stays():
    fixed = theme_markup.drop_empty_tabindex(PAGE)
    assert '<label class="md-nav__link" for="__nav_3" id="__nav_3_label">' in fixed
    assert 'id="__nav_3_2_label" tabindex="0">' in fixed
    assert 'tabindex=""' not in fixed


def test_fix_theme_markup_applies_every_fix():
    fixed = theme_markup.fix_theme_markup(PAGE)
    assert 'role="dialog" aria-label="Search"' in fixed
    assert 'type="checkbox" id="__drawer" autocomplete' not in fixed
    assert 'tabindex=""' not in fixed


@pytest.mark.parametrize(
    "changed",
    [
        pytest.param(
            PAGE.replace('role="dialog">', 'role="dialog" aria-label="Search">'), id="dialog-named-upstream"
        ),
        pytest.param(PAGE.replace('id="__search" autocomplete="off"', 'id="__search"'), id="toggle-changed"),
    ],
)
def test_changed_theme_markup_is_refused(changed):
    with pytest.raises(theme_markup.ThemeMarkupChanged):
        theme_markup.fix_theme_markup(changed)


def test_search_dialog_named_in_the_page_language():
    assert 'role="dialog" aria-label="Búsqueda"' in theme_markup.fix_theme_markup(PAGE, "Búsqueda")


def test_alternate_links_dropped_and_nothing_else():
    """Material's head links to other language versions go (its script would
    fetch a sitemap.xml beside each); the rest of the head stays."""
    head = (
        '<link rel="prev" href="../">\n'
        '          <link rel="alternate" href="../../screener/" hreflang="en">\n'
        '          <link rel="alternate" href="./" hreflang="es">\n'
        '<link rel="icon" href="../../assets/favicon.svg">'
    )
    assert theme_markup.drop_alternate_links(head) == (
        '<link rel="prev" href="../">\n<link rel="icon" href="../../assets/favicon.svg">'
    )
