"""Two tabs of the same widget page, for every widget that follows other
tabs (driver.py: each widget's own examples drive it; every widget that
saves does, the screener too): a change in one shows in the other without a
reload and neither wipes the other's; and a tab that missed the other's
change (a stale tab) still keeps it when it saves, because every change reads
the newest saved copy first. One context, three tabs.

Each widget on one page, English and Spanish in turn (driver.one_page_each):
following other tabs is the widget's code and sog/storage.py's, the same on
every page of a widget in any language, and shows no words of its own; a
change on a page of each language is made and redrawn in every other file
of this suite. (It ran on every page of every language before.)
"""

import pytest

from tests.e2e.site_pages import DEAF_TO_OTHER_TABS, expect_swallowed_storage_event, in_tab
from tests.e2e.widgets.driver import one_page_each, widgets

STATEFUL = [pytest.param(widget, id=widget.path.strip("/"))
            for widget in one_page_each(widgets(needs="follows_other_tabs"))]


@pytest.mark.parametrize("widget", STATEFUL)
def test_two_tabs_stay_in_step_and_a_stale_tab_keeps_the_others_change(context, widget):
    """Three tabs of one page: A's change shows in B without a reload; C,
    which never hears of it (a stale tab), does not show it, yet C's own
    change keeps it, C then shows it, and A and B show C's change keeping
    their own; both changes are saved. (Two tests of two tabs each before:
    four starts per page, now three.)"""
    tab_a = context.new_page()
    tab_b = context.new_page()
    tab_c = context.new_page()
    tab_c.add_init_script(DEAF_TO_OTHER_TABS)
    for tab in (tab_a, tab_b, tab_c):
        widget.open(tab)
    widget.make(in_tab(tab_a), "change")
    widget.expect_shows(tab_b, "change")
    # C heard of the change too late to show it.
    expect_swallowed_storage_event(tab_c)
    widget.expect_shows(tab_c, "change", shown=False)
    widget.make(in_tab(tab_c), "other_change")
    # C's change kept A's, and C now shows it.
    widget.expect_shows(tab_c, "change")
    widget.expect_shows(tab_a, "other_change")
    widget.expect_shows(tab_a, "change")
    widget.expect_shows(tab_b, "other_change")
    widget.expect_shows(tab_b, "change")
    widget.expect_saved(tab_a, "change", "other_change")
