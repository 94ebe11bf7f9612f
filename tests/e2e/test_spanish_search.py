"""Search in the page's language, in the browser (issue 18;
overrides/sitebuild/search_index.py; the indexes themselves are checked
statically in tests/content/test_search_and_not_found.py).

One started page: on /es/, a Spanish word typed into the search box lists
Spanish pages only, read from /es/'s own index. The context is guarded: no request fails or leaves
the site, and the policy blocks nothing (make_context).
"""

from playwright.sync_api import expect


def test_spanish_search_finds_spanish_pages(page):
    with page.expect_response(lambda response: response.url.endswith("/es/search/search_index.json")) as index:
        page.goto("/es/")
    assert index.value.ok
    box = page.locator("input[data-md-component='search-query']")
    box.click()
    # Typed key by key: Material reads the box on each keyup, and once its
    # search worker is ready (whichever comes last).
    box.press_sequentially("expedientes")
    results = page.locator(".md-search-result__item a")
    expect(results.first).to_be_visible()
    addresses = results.evaluate_all("links => links.map(link => new URL(link.href).pathname)")
    assert addresses and all(path.startswith("/es/") for path in addresses), addresses
