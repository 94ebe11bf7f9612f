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


@pytest.fixture(scope="module")
def reports(playwright, site):
    urls = [site.origin + path for path in PAGES]
    found = lighthouse.run(urls, CATEGORIES, lighthouse.chromium_path(playwright))
    return {path: found[site.origin + path] for path in PAGES}


@pytest.mark.parametrize("path", PAGES)
def test_best_practices_and_seo(reports, path):
    """The page scores best practices 1.0 and SEO at least 0.95; a failure lists the audits."""
    report = reports[path]
    assert report.scores["best-practices"] >= MINIMUM["best-practices"], report.describe("best-practices")
    assert report.scores["seo"] >= MINIMUM["seo"], report.describe("seo")
