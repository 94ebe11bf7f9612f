"""`make bench`: how much a Python widget costs a page. Prints, never asserts.

For each widget page it serves the built site on localhost and measures, in
headless Chromium:
- time until the widget is ready (its root gets data-state="ready"), cold
  (empty cache) and warm (second visit; once the service worker has saved
  the guide, from the device), as a ratio to the load time of the same page
  with the widget's scripts removed;
- where that time goes, phase by phase, from the performance marks the page
  sets (widget-start.js: sog:start, sog:wasm-start/-end,
  sog:files-written, sog:interpreter-ready; sog/dom.py's boot: sog:imported, sog:redrawn,
  sog:ready) and its Resource Timing entries (runtime and widget files
  fetched), cold, warm and throttled: PHASES;
- bytes the page transfers, raw and gzipped (what a gzip-serving host sends);
- cold loads on a throttled "slow phone" (1.6 Mbps, 150 ms, 4x CPU): when
  the page's largest paint is on screen, when the widget is ready, and the
  main thread's blocking time from first paint to ready (each long task's
  time over 50 ms, as Lighthouse's total blocking time counts it).

The site is served gzipped, as hosts serve it.

Targets (issue 11, 17): cold ratio <= 2, warm ratio <= 1.5, a throttled cold
load usable in <= 3 s; each widget page <= 500 KB gzipped in all (issue 5).

    python benchmarks/widget_load.py [widget names...]   (default: every widget page,
                                                           in every language)
    BENCH_RUNS=5 BENCH_SLOW_RUNS=3 BENCH_SITE=/tmp/other-site python benchmarks/widget_load.py
    BENCH_BEFORE=/tmp/older-site python benchmarks/widget_load.py   (before and after, paired)

BENCH_BEFORE names an older build measured in the same turns, run by run
(before, after, plain page; throttled: before, after), so that on a shared,
noisy machine each change is judged on ratios taken side by side.
"""

import contextlib
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

from tests.e2e.site_pages import read_pages  # noqa: E402
from tests.support.browser import launch  # noqa: E402
from tests.support.server import SiteServer  # noqa: E402

# BENCH_SITE measures another build (an older one, for before and after).
SITE = Path(os.environ.get("BENCH_SITE", PROJECT / "site"))
# BENCH_BEFORE: an older build measured in the same turns (before and after).
BEFORE = Path(os.environ["BENCH_BEFORE"]) if os.environ.get("BENCH_BEFORE") else None
RUNS = int(os.environ.get("BENCH_RUNS", "9"))
SLOW_RUNS = int(os.environ.get("BENCH_SLOW_RUNS", "3"))
TARGETS = {"cold": 2.0, "warm": 1.5, "gzip_kb": 500, "slow_s": 3.0}

# Record when the widget marks itself ready, from inside the page, so polling
# by the test driver adds no delay to the figure.
READY_PROBE = """
new PerformanceObserver(function (list) {
  list.getEntries().forEach(function (entry) { window.__largestPaintAt = entry.startTime; });
}).observe({type: 'largest-contentful-paint', buffered: true});
window.__longTasks = [];
new PerformanceObserver(function (list) {
  list.getEntries().forEach(function (entry) { window.__longTasks.push([entry.startTime, entry.duration]); });
}).observe({type: 'longtask', buffered: true});
new MutationObserver(function (records, observer) {
  var root = document.querySelector('[data-widget]');
  if (root && root.getAttribute('data-state') === 'ready') {
    window.__widgetReadyAt = performance.now();
    // The frame that shows the widget's first redraw.
    requestAnimationFrame(function () { window.__paintedAt = performance.now(); });
    observer.disconnect();
  }
}).observe(document, {subtree: true, attributes: true, attributeFilter: ['data-state']});
"""
# Read back once the widget is ready: ms since the navigation started.
READ_PHASES = """() => {
  const nav = performance.getEntriesByType('navigation')[0];
  const found = {loaded: nav.loadEventEnd};
  performance.getEntriesByType('mark').forEach(mark => {
    const name = mark.name.startsWith('sog:') && mark.name.slice(4);
    if (name && !(name in found)) found[name] = mark.startTime;
  });
  const versioned = performance.getEntriesByType('resource').filter(e => e.name.includes('/assets/versioned/'));
  const last = entries => entries.length ? Math.max(...entries.map(e => e.responseEnd)) : null;
  found['runtime-fetched'] = last(versioned.filter(e => !e.name.includes('/widgets-')));
  found['widget-files-fetched'] = last(versioned.filter(e => e.name.includes('/widgets-')));
  found.requests = versioned.length;
  found.ready = window.__widgetReadyAt;
  found.painted = window.__paintedAt;
  const paint = performance.getEntriesByName('first-contentful-paint')[0];
  const from = paint ? paint.startTime : 0;
  found.blocking = window.__longTasks
    .filter(([start, duration]) => start + duration > from && start < found.ready)
    .reduce((sum, [start, duration]) => sum + Math.max(0, duration - 50), 0);
  found['largest-paint'] = window.__largestPaintAt;
  return found;
}"""
TWO_FRAMES = "new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"
# What the phase table prints, in order: (label, key in READ_PHASES).
PHASES = [
    ("page loaded (load event)", "loaded"),
    ("runtime start asked (widget-start.js)", "start"),
    ("runtime files fetched (PyScript, interpreter)", "runtime-fetched"),
    ("WebAssembly compile started", "wasm-start"),
    ("WebAssembly compiled and instantiated", "wasm-end"),
    ("widget files fetched", "widget-files-fetched"),
    ("widget files written (bundle, widget-start.js)", "files-written"),
    ("interpreter ready (files in place)", "interpreter-ready"),
    ("widget modules and data imported", "imported"),
    ("first redraw (widget's start done)", "redrawn"),
    ("ready (data-state)", "ready"),
    ("ready, painted (next frame)", "painted"),
]
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
        page.evaluate(TWO_FRAMES)
        value = page.evaluate(READ_PHASES)
    else:
        value = page.evaluate("performance.getEntriesByType('navigation')[0].loadEventEnd")
    if page.locator("#offline-status").count() and not page.evaluate("Boolean(navigator.serviceWorker.controller)"):
        # A first visit: stay until the guide is saved, so the next visit is
        # the one a returning visitor gets.
        page.wait_for_selector(SAVED, state="attached", timeout=120000)
    page.close()
    return value


def median_phases(visits):
    """{key: median ms} over visits (dicts from READ_PHASES); a phase some
    visits lack (a build without that mark) is left out."""
    keys = {key for visit in visits for key in visit}
    return {
        key: statistics.median(values)
        for key in keys
        if len(values := [visit[key] for visit in visits if visit.get(key) is not None]) == len(visits)
    }


def timings(browser, origins, path):
    """Median cold and warm phases for the widget page (until ready) and
    load times for the plain page, plus the URLs each fetched cold.
    origins: {"widget": origin, "plain": origin}, and "before" (an older
    build's widget page) if one is measured.

    They are measured in turns, run by run, so a slow moment on the
    machine falls on all of them rather than skewing the ratio.
    """
    runs = {name: ([], [], []) for name in origins}
    for run in range(RUNS):
        for name, origin in origins.items():
            ready = name != "plain"
            cold, warm, fetched = runs[name]
            context = browser.new_context()
            context.add_init_script(READY_PROBE)
            cold.append(measure(context, origin + path, ready, [] if run else fetched))
            warm.append(measure(context, origin + path, ready, []))
            context.close()
    found = {name: (median_phases(cold), median_phases(warm), fetched)
             for name, (cold, warm, fetched) in runs.items() if name != "plain"}
    plain_cold, plain_warm, plain_fetched = runs["plain"]
    found["plain"] = (statistics.median(plain_cold), statistics.median(plain_warm), plain_fetched)
    return found


def slow_phone(browser, origins, path):
    """{name: median phases} of SLOW_RUNS cold loads under network and CPU
    throttling, for each origin ({name: origin}), in turns."""
    visits = {name: [] for name in origins}
    for _ in range(SLOW_RUNS):
        for name, origin in origins.items():
            visits[name].append(slow_visit(browser, origin + path))
    return {name: median_phases(found) for name, found in visits.items()}


def slow_visit(browser, url):
    """The phases of one cold load under network and CPU throttling."""
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
    page.goto(url, wait_until="load", timeout=180000)
    page.wait_for_selector(READY, state="attached", timeout=180000)
    page.evaluate(TWO_FRAMES)
    found = page.evaluate(READ_PHASES)
    context.close()
    return found


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
    sites = {"widget": SITE, "plain": baseline_site}
    if BEFORE and (BEFORE / path.strip("/") / "index.html").exists():
        sites["before"] = BEFORE
    try:
        with contextlib.ExitStack() as stack:
            origins = {name: stack.enter_context(SiteServer(site, gzip=True)).origin for name, site in sites.items()}
            measured = timings(browser, origins, path)
            cold, warm, fetched = measured["widget"]
            plain_cold, plain_warm, plain_fetched = measured["plain"]
            slow_all = slow_phone(browser, {name: origin for name, origin in origins.items() if name != "plain"}, path)
            slow = slow_all["widget"]
            raw, gz = transfer_sizes(SITE, origins["widget"], fetched)
            plain_raw, plain_gz = transfer_sizes(baseline_site, origins["plain"], plain_fetched)
    finally:
        browser.close()
        shutil.rmtree(baseline_site, ignore_errors=True)
    cold_ratio, warm_ratio = cold["ready"] / plain_cold, warm["ready"] / plain_warm
    print(f"\n{name} page ({path}), median of {RUNS} runs ({SLOW_RUNS} throttled); "
          f"load average {os.getloadavg()[0]:.1f}")
    print(f"  page without widget, loaded:  cold {plain_cold:7.0f} ms   warm {plain_warm:7.0f} ms")
    print(f"  page with widget, ready:      cold {cold['ready']:7.0f} ms   warm {warm['ready']:7.0f} ms")
    print(f"  cold ratio {cold_ratio:.2f} (target <= {TARGETS['cold']}: {verdict(cold_ratio <= TARGETS['cold'])})")
    print(f"  warm ratio {warm_ratio:.2f} (target <= {TARGETS['warm']}: {verdict(warm_ratio <= TARGETS['warm'])})")
    print(
        f"  transferred: {raw / 1024:.0f} KB raw, {gz / 1024:.0f} KB gzipped "
        f"(target <= {TARGETS['gzip_kb']} KB: {verdict(gz / 1024 <= TARGETS['gzip_kb'])}); "
        f"without widget {plain_raw / 1024:.0f} KB raw, {plain_gz / 1024:.0f} KB gzipped"
    )
    print(f"  slow phone (1.6 Mbps, 150 ms, 4x CPU), cold: largest paint {slow.get('largest-paint', 0) / 1000:.1f} s, "
          f"ready {slow['ready'] / 1000:.2f} s "
          f"(target <= {TARGETS['slow_s']} s: {verdict(slow['ready'] / 1000 <= TARGETS['slow_s'])}), "
          f"blocking time from first paint to ready {slow.get('blocking', 0):.0f} ms")
    if "before" in measured:
        before_cold, before_warm, before_fetched = measured["before"]
        before_slow = slow_all["before"]
        _, before_gz = transfer_sizes(BEFORE, origins["before"], before_fetched)
        print(f"  BEFORE ({BEFORE}), in the same turns: ready cold {before_cold['ready']:.0f} ms "
              f"({before_cold['ready'] / plain_cold:.2f}x), warm {before_warm['ready']:.0f} ms "
              f"({before_warm['ready'] / plain_warm:.2f}x), throttled {before_slow['ready'] / 1000:.2f} s, "
              f"{before_gz / 1024:.0f} KB gzipped")
        print("  before:")
        print_phases(before_cold, before_warm, before_slow)
        print("  after:")
        SUMMARY.append((name + ", before", plain_cold, plain_warm, before_cold["ready"], before_warm["ready"],
                        before_slow["ready"], before_slow.get("blocking", 0)))
    print_phases(cold, warm, slow)
    SUMMARY.append((name, plain_cold, plain_warm, cold["ready"], warm["ready"], slow["ready"], slow.get("blocking", 0)))


# One row per page benched, for the closing Markdown table.
SUMMARY = []


def print_summary():
    """The figures of every page benched, as a Markdown table (for notes and the README)."""
    if not SUMMARY:
        return
    print(f"\n| median of {RUNS} ({SLOW_RUNS} throttled), load {os.getloadavg()[0]:.1f} "
          "| plain load cold / warm | ready cold (ratio) | ready warm (ratio) | throttled ready | throttled blocking |")
    print("| --- | --- | --- | --- | --- | --- |")
    for name, plain_cold, plain_warm, cold, warm, slow, blocking in SUMMARY:
        print(f"| {name} | {plain_cold:.0f} / {plain_warm:.0f} ms | {cold:.0f} ms ({cold / plain_cold:.2f}x) "
              f"| {warm:.0f} ms ({warm / plain_warm:.2f}x) | {slow / 1000:.2f} s | {blocking:.0f} ms |")


def print_phases(cold, warm, slow):
    """The phase table: ms since the navigation started, each run's median."""
    columns = (("cold", cold), ("warm", warm), ("throttled", slow))
    print(f"  {'phase (ms from navigation start)':<48}" + "".join(f"{title:>11}" for title, _ in columns))
    for label, key in PHASES:
        cells = "".join(f"{phases[key]:11.0f}" if key in phases else f"{'-':>11}" for _, phases in columns)
        print(f"  {label:<48}{cells}")
    cells = "".join(f"{phases.get('requests', 0):11.0f}" for _, phases in columns)
    print(f"  {'requests for runtime and widget files':<48}{cells}")
    cells = "".join(f"{phases['blocking']:11.0f}" if "blocking" in phases else f"{'-':>11}" for _, phases in columns)
    print(f"  {'blocking time, first paint to ready':<48}{cells}")


def offline_download(site, language):
    """(files, raw bytes, gzipped bytes) the service worker fetches after a
    first visit to a page in this language: the shared files and that
    language's pages and widget bundles (offline.page_languages)."""
    if not (site / "sw.js").exists():
        return None
    languages = sorted({page.lang for page in read_pages(site)}, key=lambda code: (code != "en", code))
    files = offline.file_list(site)[0]
    of_language = offline.page_languages(files, languages)
    paths = []
    for address, _, _ in files:
        if of_language.get(address, language) != language:
            continue
        page = address.endswith("/")
        paths.append(site / (address.removeprefix("./") + "index.html" if page else address))
    return len(paths), sum(path.stat().st_size for path in paths), sum(gzipped_size(path) for path in paths)


def main(names):
    if not SITE.is_dir():
        sys.exit("No site/ folder: run `make build` first (`make bench` does).")
    print("Widget load benchmark: headless Chromium, localhost (gzipped), this machine's CPU.")
    for site, title in ((BEFORE, "before"), (SITE, "")):
        for language in sorted({page.lang for page in read_pages(site)}) if site else ():
            saved = offline_download(site, language)
            if saved:
                print(f"Saved for offline use after a first visit to a page in {language!r}, {title or 'this build'} "
                      f"(in the background, once the page is ready): "
                      f"{saved[0]} files, {saved[1] / 1024:.0f} KB raw, {saved[2] / 1024:.0f} KB gzipped")
    pages = bench_pages(read_pages(SITE), names)
    with sync_playwright() as playwright:
        for label, path in pages:
            bench_page(playwright, label, path)
    print_summary()


def bench_pages(site_pages, names=()):
    """[(label, path)] of every widget page in every language (the Spanish
    twin labelled "checklist (es)"), or only those of the widgets named, in
    widget order, each widget's languages side by side."""
    found = [(page.widget, page.lang != "en", page.path, page.lang) for page in site_pages if page.widget]
    return [(widget + ("" if lang == "en" else f" ({lang})"), path)
            for widget, _, path, lang in sorted(found)
            if not names or widget in names]


if __name__ == "__main__":
    main(sys.argv[1:])
