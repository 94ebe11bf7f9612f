"""Each widget's named examples (pyscript/sog/<widget>/examples.json): every
widget that remembers has the parts the shared suite drives it by, and no
example ever reaches the browser (the build ships only what a manifest lists).
No browser is started here.
"""

import json

import pytest

from tests.e2e.site_pages import SITE_PAGES
from tests.e2e.widgets.driver import SOG, Widget

# What the shared suite needs of every widget that saves (has saved.py).
DRIVEN_BY = ["notice", "change", "other_change", "follows_other_tabs", "typed_markup", "wrong_shape_says", "old_format"]
WIDGET_FOLDERS = sorted(manifest.parent.name for manifest in SOG.glob("*/widget.json"))


@pytest.mark.parametrize("name", [name for name in WIDGET_FOLDERS if (SOG / name / "saved.py").is_file()])
def test_every_widget_that_remembers_has_examples_that_drive_it(name):
    examples = json.loads((SOG / name / "examples.json").read_text(encoding="utf-8"))
    missing = [part for part in DRIVEN_BY if part not in examples["page"]]
    assert not missing, f"{name}/examples.json has no {missing} in its page part (tests/e2e/widgets/driver.py)"
    for change in ("change", "other_change"):
        assert set(examples["page"][change]) == {"do", "shows", "saves"}, change


def test_every_widget_page_is_driven_or_read_only():
    """A widget page whose widget saves is driven by the shared suite; the
    rest (the printable page) only read what others saved."""
    for site_page in SITE_PAGES:
        if site_page.widget:
            widget = Widget(site_page)
            saves = (SOG / site_page.widget / "saved.py").is_file()
            assert bool(widget.page_part.get("change")) == saves, site_page


def test_examples_never_reach_the_browser(built_site):
    shipped = [path.relative_to(built_site).as_posix() for path in built_site.rglob("examples.json")]
    assert not shipped
