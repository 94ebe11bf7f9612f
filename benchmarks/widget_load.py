"""`make bench`: how much a Python widget costs a page. Prints, never asserts.

For each widget page it serves the built site on localhost and measures, in
headless Chromium:
- time until the widget is ready (its root gets data-state="ready"), cold
  (empty cache) and warm (second visit; once the service worker has saved
  the guide, from the device), as a ratio to the load time of the same page
  with the widget's scripts removed;
- bytes the page transfers, raw and gzipped (what a gzip-serving host sends);
- one cold load on a throttled "slow phone" (1.6 Mbps, 150 ms, 4x CPU): when
  the page's largest paint is on screen, and when the widget is ready.

The site is served gzipped, as hosts serve it.

Targets (issue 11): cold ratio <= 2, warm ratio <= 1.5, a throttled cold
load usable in <= 3 s; each widget page <= 500 KB gzipped in all (issue 5).
"""

import gzip
import os
import re
import shutil
import statistics
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import sync_playwright

PROJECT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(PROJECT))
sys.path.insert(0, str(PROJECT / "overrides"))

from sitebuild import offline  # noqa: E402

from tests.e2e.site_pages import read_pages, widget_pages  # noqa: E402
from tests.support.browser import launch  # noqa: E402
from tests.support.server import SiteServer  # noqa: E402

# BENCH_SITE measures another build (an older one, for before and after).
SITE = Path(os.environ.get("BENCH_SITE", PROJECT / "site"))
RUNS = 9
TARGETS = {"cold": 2.0, "warm": 1.5, "gzip_kb": 500, "slow_s": 3.0}

# Record when the widget marks itself ready, from inside the page, so polling
# by the test driver adds no delay to the figure.
READY_PROBE = """
new PerformanceObserver(function (list) {
  list.getEntries().forEach(function (entry) { window.__largestPaintAt = entry.startTime; });
}).observe({type: 'largest-contentful-paint', buffered: true});
new MutationObserver(function (records, observer) {
  var root = document.querySelector('[data-widget]');
  if (root && root.getAttribute('data-state') === 'ready') {
    window.__widgetReadyAt = performance.now();
    observer.disconnect();
  }
}).observe(document, {subtree: true, attributes: true, attributeFilter: ['data-state']});
"""
READY = '[data-widget][data-state="ready"]'
WIDGET_SCRIPTS = re.compile(
    r'<script[^>]*(widget-watchdog|safe-storage|widget-start|pyscript-without-eval|pyscript/core\.js)[^>]*>\s*</script>'
    r'|<(mpy|py)-(script|config)[^>]*>[^<]*</(mpy|py)-(script|config)>'
    r'|<link rel="(module)?preload"[^>]*>'
)
# Once the guide is saved for offline use, the page says so.
SAVED = "#offline-status:not(:empty)"


def make_baseline(site, path):
    """Copy of the site where the widget page has no widget scripts (and,
    for a build with a service worker, that worker's list made for the copy)."""
    copy = Path(tempfile.mkdtemp(prefix="bench-site-"))
    shutil.copytree(site, copy, dirs_exist_ok=True)
    page = copy / path.strip("/") / "index.html"
    page.write_text(WIDGET_SCRIPTS.sub("", page.read_text()))
    if (copy / "sw.js").exists():
        offline.write_worker(copy)
    return copy


def gzipped_size(path):  # what the gzip-serving host sends
    return len(gzip.compress(path.read_bytes(), compresslevel=6))


def measure(context, url, ready, fetched):
    page = context.new_page()
    page.on("response", lambda response: fetched.append(response.url))
    page.goto(url, wait_until="load")
    if ready:
        # A selector wait, not wait_for_function: the page's policy forbids
        # the eval that one needs. The time itself comes from READY_PROBE.
        page.wait_for_selector(READY, state="attached", timeout=120000)
        value = page.evaluate("window.__widgetReadyAt")
    else:
        value = page.evaluate("performance.getEntriesByType('navigation')[0].loadEventEnd")
    if page.locator("#offline-status").count() and not page.evaluate("Boolean(navigator.serviceWorker.controller)"):
        # A first visit: stay until the guide is saved, so the next visit is
        # the one a returning visitor gets.
        page.wait_for_selector(SAVED, state="attached", timeout=120000)
    page.close()
    return value


def timings(browser, widget_origin, plain_origin, path):
    """Median cold and warm milliseconds for the widget page (until ready) and
    the plain page (until loaded), plus the URLs each fetched cold.

    The two are measured in turns, run by run, so a slow moment on the
    machine falls on both rather than skewing the ratio.
    """
    runs = {"widget": ([], [], []), "plain": ([], [], [])}
    for run in range(RUNS):
        for name, origin, ready in (("widget", widget_origin, True), ("plain", plain_origin, False)):
            cold, warm, fetched = runs[name]
            context = browser.new_context()
            context.add_init_script(READY_PROBE)
            cold.append(measure(context, origin + path, ready, [] if run else fetched))
            warm.append(measure(context, origin + path, ready, []))
            context.close()
    return {
        name: (statistics.median(cold), statistics.median(warm), fetched)
        for name, (cold, warm, fetched) in runs.items()
    }


def slow_phone(browser, origin, path):
    """One cold load under network and CPU throttling."""
    context = browser.new_context()
    context.add_init_script(READY_PROBE)
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send(
        "Network.emulateNetworkConditions",
        {"offline": False, "latency": 150, "downloadThroughput": 200000, "uploadThroughput": 94000},
    )
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": 4})
    page.goto(origin + path, wait_until="load", timeout=180000)
    page.wait_for_selector(READY, state="attached", timeout=180000)
    value = page.evaluate("[window.__largestPaintAt, window.__widgetReadyAt]")
    context.close()
    return value


def transfer_sizes(site, origin, urls):
    raw = gz = 0
    for url in set(urls):
        if not url.startswith(origin):
            continue
        local = site / urlsplit(url).path.lstrip("/")
        if local.is_dir():
            local = local / "index.html"
        if local.is_file():
            raw += local.stat().st_size
            gz += gzipped_size(local)
    return raw, gz


def verdict(ok):
    return "meets target" if ok else "MISSES target"


def bench_page(playwright, name, path):
    if not (SITE / path.strip("/") / "index.html").exists():
        print(f"\n{name}: {path} is not in the built site; skipped")
        return
    baseline_site = make_baseline(SITE, path)
    browser = launch(playwright)
    try:
        with SiteServer(SITE, gzip=True) as widget_server, SiteServer(baseline_site, gzip=True) as plain_server:
            measured = timings(browser, widget_server.origin, plain_server.origin, path)
            cold, warm, fetched = measured["widget"]
            plain_cold, plain_warm, plain_fetched = measured["plain"]
            slow = slow_phone(browser, widget_server.origin, path)
            raw, gz = transfer_sizes(SITE, widget_server.origin, fetched)
            plain_raw, plain_gz = transfer_sizes(baseline_site, plain_server.origin, plain_fetched)
    finally:
        browser.close()
        shutil.rmtree(baseline_site, ignore_errors=True)
    cold_ratio, warm_ratio = cold / plain_cold, warm / plain_warm
    print(f"\n{name} page ({path}), median of {RUNS} runs")
    print(f"  page without widget, loaded:  cold {plain_cold:7.0f} ms   warm {plain_warm:7.0f} ms")
    print(f"  page with widget, ready:      cold {cold:7.0f} ms   warm {warm:7.0f} ms")
    print(f"  cold ratio {cold_ratio:.2f} (target <= {TARGETS['cold']}: {verdict(cold_ratio <= TARGETS['cold'])})")
    print(f"  warm ratio {warm_ratio:.2f} (target <= {TARGETS['warm']}: {verdict(warm_ratio <= TARGETS['warm'])})")
    print(
        f"  transferred: {raw / 1024:.0f} KB raw, {gz / 1024:.0f} KB gzipped "
        f"(target <= {TARGETS['gzip_kb']} KB: {verdict(gz / 1024 <= TARGETS['gzip_kb'])}); "
        f"without widget {plain_raw / 1024:.0f} KB raw, {plain_gz / 1024:.0f} KB gzipped"
    )
    print(f"  slow phone (1.6 Mbps, 150 ms, 4x CPU), cold: largest paint {slow[0] / 1000:.1f} s, "
          f"ready {slow[1] / 1000:.1f} s")


def offline_download(site):
    """(files, raw bytes, gzipped bytes) the service worker fetches after a first visit."""
    if not (site / "sw.js").exists():
        return None
    paths = []
    for address, _, _ in offline.file_list(site)[0]:
        page = address.endswith("/")
        paths.append(site / (address.removeprefix("./") + "index.html" if page else address))
    return len(paths), sum(path.stat().st_size for path in paths), sum(gzipped_size(path) for path in paths)


def main(names):
    if not SITE.is_dir():
        sys.exit("No site/ folder: run `make build` first (`make bench` does).")
    print("Widget load benchmark: headless Chromium, localhost (gzipped), this machine's CPU.")
    saved = offline_download(SITE)
    if saved:
        print(f"Saved for offline use after a first visit (in the background, once the page is ready): "
              f"{saved[0]} files, {saved[1] / 1024:.0f} KB raw, {saved[2] / 1024:.0f} KB gzipped")
    # Every page whose front matter names a widget, or the widgets named.
    pages = {name: path for path, name in sorted(widget_pages(read_pages(SITE)).items())}
    with sync_playwright() as playwright:
        for name in names or pages:
            bench_page(playwright, name, pages[name])


if __name__ == "__main__":
    main(sys.argv[1:])
