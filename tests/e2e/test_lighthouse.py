"""Lighthouse: best practices 1.0 and SEO at least 0.95 on every page.

Lighthouse (npm, pinned) audits each page of the built site in headless
Chromium, offline (tests/support/lighthouse.py), once per test run; each page
then gets its own test, which lists every failing audit. Only these two
categories run, to keep it quick.
"""

import pytest

from tests.e2e.site_pages import PAGES
from tests.support import lighthouse

CATEGORIES = ["best-practices", "seo"]
MINIMUM = {"best-practices": 1.0, "seo": 0.95}
# Issue 7 is rewording the checklist's and the screener's "Read more" links
# (widget render code); until then, that one audit may fail there.
READ_MORE_PAGES = {"/screener/", "/checklist/"}


@pytest.fixture(scope="module")
def reports(playwright, site):
    urls = [site.origin + path for path in PAGES]
    found = lighthouse.run(urls, CATEGORIES, lighthouse.chromium_path(playwright))
    return {path: found[site.origin + path] for path in PAGES}


def only_read_more_links(report):
    """True if the page's one SEO problem is link text, and every such link says "Read more"."""
    failing = report.failing["seo"]
    return (
        [audit for audit, _, _ in failing] == ["link-text"]
        and all(item.get("text") == "Read more" for item in failing[0][2])
    )


@pytest.mark.parametrize("path", PAGES)
def test_best_practices_and_seo(reports, path):
    report = reports[path]
    assert report.scores["best-practices"] >= MINIMUM["best-practices"], report.describe("best-practices")
    if report.scores["seo"] < MINIMUM["seo"] and path in READ_MORE_PAGES and only_read_more_links(report):
        pytest.xfail('issue 7: the widget\'s "Read more" links are not descriptive link text')
    assert report.scores["seo"] >= MINIMUM["seo"], report.describe("seo")
