"""Two tabs of the same widget page, for every widget that follows other
tabs (driver.py: each widget's own examples drive it; the screener does
not): a change in one shows in
the other without a reload and neither wipes the other's; and a tab that
missed the other's change (a stale tab) still keeps it when it saves,
because every change reads the newest saved copy first.
"""

import pytest

from tests.e2e.site_pages import DEAF_TO_OTHER_TABS, expect_swallowed_storage_event, in_tab
from tests.e2e.widgets.driver import widgets

STATEFUL = [pytest.param(widget, id=widget.path.strip("/")) for widget in widgets(needs="follows_other_tabs")]


def two_tabs(context, widget):
    tab_a = context.new_page()
    tab_b = context.new_page()
    widget.open(tab_a)
    widget.open(tab_b)
    return tab_a, tab_b


@pytest.mark.parametrize("widget", STATEFUL)
def test_two_tabs_stay_in_step(context, widget):
    """A's change shows in B; B's change shows in A and keeps A's; both are saved."""
    tab_a, tab_b = two_tabs(context, widget)
    widget.make(in_tab(tab_a), "change")
    widget.expect_shows(tab_b, "change")
    widget.make(in_tab(tab_b), "other_change")
    widget.expect_shows(tab_a, "other_change")
    widget.expect_shows(tab_a, "change")
    widget.expect_shows(tab_b, "change")
    widget.expect_saved(tab_a, "change", "other_change")


@pytest.mark.parametrize("widget", STATEFUL)
def test_stale_tab_reads_before_it_writes(context, widget):
    """B never hears of A's change; B's own change still keeps it, and B then shows it."""
    context.add_init_script(DEAF_TO_OTHER_TABS)
    tab_a, tab_b = two_tabs(context, widget)
    widget.make(in_tab(tab_a), "change")
    # B heard of the change too late to show it.
    expect_swallowed_storage_event(tab_b)
    widget.expect_shows(tab_b, "change", shown=False)
    widget.make(in_tab(tab_b), "other_change")
    # B's change kept A's, and B now shows it.
    widget.expect_shows(tab_b, "change")
    widget.expect_saved(tab_b, "change", "other_change")
