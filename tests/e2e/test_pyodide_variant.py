"""One setting (extra.python_runtime: pyodide) switches the site to Pyodide,
and the same widget code works there: each widget boots and does its job,
and offline once its large files have been used."""

from playwright.sync_api import expect

from tests.e2e.test_offline import worker_files

# Pyodide's first start is several seconds on a busy 2-core machine.
BOOT_MS = 90000


def boot(make_context, pyodide_site, path, widget):
    page = make_context(server=pyodide_site).new_page()
    page.goto(path)
    page.locator(f'[data-widget="{widget}"][data-state="ready"]').wait_for(timeout=BOOT_MS)
    assert page.locator("py-script").count() == 1
    assert page.locator("mpy-script").count() == 0
    return page


def test_screener(make_context, pyodide_site):
    """The screener answers, explains and remembers under Pyodide."""
    page = boot(make_context, pyodide_site, "/screener/", "screener")
    page.check("#q-major_treatment-yes")
    page.check("#q-medicare-yes")
    page.get_by_role("button", name="Show my result").click()
    result = page.locator("#screener-result")
    expect(result.locator("h2")).to_contain_text("worth seeking")
    expect(result).to_contain_text("Medicare Part B")
    page.reload()
    page.locator('[data-widget="screener"][data-state="ready"]').wait_for(timeout=BOOT_MS)
    expect(page.locator("#q-major_treatment-yes")).to_be_checked()


def test_checklist_and_print(make_context, pyodide_site):
    """The checklist ticks and saves, and the printable page shows the tick, under Pyodide."""
    page = boot(make_context, pyodide_site, "/checklist/", "checklist")
    # The first of "Your next things"; its box in the folded group follows.
    page.click("#nx-tell_doctor")
    expect(page.locator("#checklist-progress")).to_contain_text("1 of")
    expect(page.locator("#ck-tell_doctor")).to_be_checked()
    page.fill("#new-item", "Bring my glasses")
    page.press("#new-item", "Enter")
    expect(page.locator("label", has_text="Bring my glasses")).to_be_visible()
    page.goto("/print/")
    page.locator('[data-widget="printable"][data-state="ready"]').wait_for(timeout=BOOT_MS)
    sheet = page.locator("#print-sheet")
    expect(sheet).to_contain_text("Bring my glasses")
    expect(sheet.locator(".sog-box--done")).to_have_count(1)


def test_offline_leaves_the_large_files_until_used(make_context, pyodide_site):
    """Pyodide's interpreter and standard library are too large to fetch ahead
    on a phone: the worker's list leaves them out, but keeps them once a page
    of the guide has used them, so that page then starts offline too."""
    listed = worker_files(pyodide_site.directory)
    large = [name for name in listed if name.endswith(("pyodide.asm.wasm", "python_stdlib.zip"))]
    assert not large
    assert any(name.endswith("pyodide.mjs") for name in listed)
    context = make_context(server=pyodide_site, service_workers="allow")
    page = context.new_page()
    page.goto("/screener/")
    page.locator('[data-widget="screener"][data-state="ready"]').wait_for(timeout=BOOT_MS)
    expect(page.locator("#offline-status")).not_to_be_empty(timeout=BOOT_MS)
    # Once more, now through the worker, which keeps what the page uses.
    page.reload()
    page.locator('[data-widget="screener"][data-state="ready"]').wait_for(timeout=BOOT_MS)
    context.set_offline(True)
    page.reload()
    page.locator('[data-widget="screener"][data-state="ready"]').wait_for(timeout=BOOT_MS)
