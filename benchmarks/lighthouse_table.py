"""`make bench`, Lighthouse section: the performance of every page on a phone.

Serves the built site gzipped on localhost (as a host would) and runs
Lighthouse's performance category with its default mobile profile (a
mid-range phone, simulated slow 4G, 4x slower CPU) on every page found in
site/ (each index.html), in turns: every page once per round, RUNS rounds,
median per page. Lighthouse empties the cache, storage and service workers
before each page, so each figure is a first visit. Prints, never asserts.

Goals from issue 11: performance >= 0.95, total blocking time <= 200 ms and
largest contentful paint <= 2.5 s on every page.

    python benchmarks/lighthouse_table.py [page paths...]   (default: every page)
    BENCH_LIGHTHOUSE_RUNS=5 python benchmarks/lighthouse_table.py
"""

import os
import statistics
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

PROJECT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(PROJECT))

from tests.support import lighthouse  # noqa: E402
from tests.support.server import SiteServer  # noqa: E402

# BENCH_SITE measures another build (an older one, for before and after).
SITE = Path(os.environ.get("BENCH_SITE", PROJECT / "site"))
RUNS = int(os.environ.get("BENCH_LIGHTHOUSE_RUNS", "3"))
GOALS = {"performance": 0.95, "total-blocking-time": 200, "largest-contentful-paint": 2500}
# (audit id, column title, unit): what the table shows, score first.
COLUMNS = (
    ("performance", "perf", ""),
    ("first-contentful-paint", "FCP", "s"),
    ("largest-contentful-paint", "LCP", "s"),
    ("total-blocking-time", "TBT", "ms"),
    ("cumulative-layout-shift", "CLS", ""),
    ("speed-index", "SI", "s"),
    ("interactive", "TTI", "s"),
)


def site_pages(site):
    """Every page of the built site, by address: "/", "/about/", ..."""
    pages = []
    for index in sorted(site.rglob("index.html")):
        relative = index.parent.relative_to(site).as_posix()
        pages.append("/" if relative == "." else "/" + relative + "/")
    return pages


def figures(report):
    """One run's figures: {column id: value}."""
    found = {"performance": report.scores["performance"]}
    for audit, _, _ in COLUMNS[1:]:
        found[audit] = report.audits[audit]["numericValue"]
    return found


def measure(pages, runs=RUNS):
    """{page: {column id: median over runs}}."""
    seen = {page: [] for page in pages}
    with sync_playwright() as playwright, SiteServer(SITE, gzip=True) as server:
        chrome = lighthouse.chromium_path(playwright)
        for _ in range(runs):
            urls = [server.origin + page for page in pages]
            reports = lighthouse.run(urls, ["performance"], chrome)
            for page in pages:
                seen[page].append(figures(reports[server.origin + page]))
    return {
        page: {column: statistics.median(run[column] for run in runs_seen) for column, _, _ in COLUMNS}
        for page, runs_seen in seen.items()
    }


def cell(column, unit, value):
    if column == "performance":
        return f"{value:.2f}"
    if column == "cumulative-layout-shift":
        return f"{value:.3f}"
    if unit == "s":
        return f"{value / 1000:.1f} s"
    return f"{value:.0f} ms"


def meets(row):
    return (
        row["performance"] >= GOALS["performance"]
        and row["total-blocking-time"] <= GOALS["total-blocking-time"]
        and row["largest-contentful-paint"] <= GOALS["largest-contentful-paint"]
    )


def table(rows):
    """A Markdown table, one line per page, and a last column saying whether it meets the goals."""
    lines = [
        "| page | " + " | ".join(title for _, title, _ in COLUMNS) + " | goals |",
        "| --- " * (len(COLUMNS) + 2) + "|",
    ]
    for page, row in rows.items():
        cells = [cell(column, unit, row[column]) for column, _, unit in COLUMNS]
        lines.append(f"| {page} | " + " | ".join(cells) + f" | {'met' if meets(row) else 'MISSED'} |")
    return "\n".join(lines)


def main(pages):
    if not SITE.is_dir():
        sys.exit("No site/ folder: run `make build` first (`make bench` does).")
    pages = pages or site_pages(SITE)
    rows = measure(pages)
    print(f"\nLighthouse {lighthouse.version()}, mobile profile (simulated slow 4G, 4x CPU), site served "
          f"gzipped from localhost, first visit; median of {RUNS} runs per page")
    print("Goals: performance >= 0.95, TBT <= 200 ms, LCP <= 2.5 s\n")
    print(table(rows))
    missed = [page for page, row in rows.items() if not meets(row)]
    tail = f"; missed: {missed}" if missed else ""
    print(f"\n{len(rows) - len(missed)} of {len(rows)} pages meet every goal{tail}")


if __name__ == "__main__":
    main(sys.argv[1:])
