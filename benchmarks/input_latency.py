"""`make bench`, typing section: how quickly the checklist answers input.

A long checklist (every item shown in unfolded groups, 40 of the visitor's own
items, a dozen questions) is put in storage, the page is opened in headless Chromium with the
CPU slowed 4x (a mid-range phone), and a visitor's session is played: typing
goals and appointment details at a human pace, ticking items, moving records
along, moving questions and adding an item.

Figures come from the browser's Event Timing API: each interaction's duration
is the longest of its events (what INP uses). Entries shorter than 16 ms are
not reported by the browser; such interactions count as 16 ms here. Prints,
never asserts. Target from the issue: 98th percentile at most 100 ms.

Chromium runs with a window on a virtual screen (Xvfb) where there is one:
headless Chromium sometimes stops drawing frames for seconds while text is
typed (its compositor waits; the page itself is idle), which adds seconds to
every key's duration that no real screen shows. Without Xvfb it runs headless
and says so.
"""

import json
import os
import statistics
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

PROJECT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(PROJECT))

from benchmarks.screen import virtual_screen  # noqa: E402
from tests.support.browser import launch  # noqa: E402
from tests.support.server import SiteServer  # noqa: E402

# BENCH_SITE measures another build (an older one, for before and after).
SITE = Path(os.environ.get("BENCH_SITE", PROJECT / "site"))
PATH = "/checklist/"
THROTTLE = 4
TARGET_P98_MS = 100
# Milliseconds between keys: a quick but human typist.
KEY_DELAY_MS = 150
OWN_ITEMS = 40
QUESTIONS = 12

OBSERVER = """
window.__events = [];
new PerformanceObserver(function (list) {
  list.getEntries().forEach(function (entry) {
    window.__events.push({name: entry.name, duration: entry.duration, interactionId: entry.interactionId || 0,
                          target: entry.target ? entry.target.id : '', start: entry.startTime,
                          processingStart: entry.processingStart, processingEnd: entry.processingEnd});
  });
}).observe({type: 'event', buffered: true, durationThreshold: 16});
"""


def long_checklist():
    """A saved checklist with every item shown (every group unfolded), 40 own
    items and 12 questions."""
    custom = [{"id": "c" + str(n), "text": "My own thing to do, number " + str(n), "done": n % 3 == 0}
              for n in range(1, OWN_ITEMS + 1)]
    questions = [{"id": "q" + str(OWN_ITEMS + n), "text": "A question of mine, number " + str(n), "from": ""}
                 for n in range(1, QUESTIONS + 1)]
    state = {
        "done": {}, "stages": {}, "custom": custom, "show_all": True,
        "appointment": {"doctor": "", "phone": "", "date": "", "time": "", "companion": ""},
        "questions": questions, "goals": "", "next_id": OWN_ITEMS + QUESTIONS + 1,
        "open_groups": {group: True for group in ("before", "booking", "records", "visit", "after")},
    }
    return json.dumps({"app": "second-opinion-guide", "kind": "checklist", "version": 2,
                       "saved_at": 1, "data": state})


def session(page):
    """A visitor's session on the long checklist: (kind, action) pairs, played in order."""
    page.click("#goals")
    page.keyboard.type("Keep walking my dog every day.", delay=KEY_DELAY_MS)
    page.click("#appt-doctor")
    page.keyboard.type("Dr. Rivera", delay=KEY_DELAY_MS)
    page.click("#appt-companion")
    page.keyboard.type("My daughter", delay=KEY_DELAY_MS)
    for item_id in ["tell_doctor", "check_coverage", "get_referral", "c1", "c2", "c4", "c5"]:
        page.click("#ck-" + item_id)
        page.wait_for_timeout(KEY_DELAY_MS)
    for stage in ["asked", "sent", "confirmed"]:
        page.click("#st-clinical_summary-" + stage)
        page.wait_for_timeout(KEY_DELAY_MS)
    for _ in range(3):
        page.click("[id^=down-q]")
        page.wait_for_timeout(KEY_DELAY_MS)
    page.click("#new-item")
    page.keyboard.type("Ask about parking", delay=KEY_DELAY_MS)
    page.keyboard.press("Enter")
    page.wait_for_timeout(500)


def interactions(events):
    """Per interaction: (kind, longest duration). Key and click kinds by event name."""
    longest = {}
    kinds = {}
    for event in events:
        key = event["interactionId"]
        if not key:
            continue
        longest[key] = max(longest.get(key, 0), event["duration"])
        if event["name"].startswith("key"):
            kinds[key] = "key"
        elif key not in kinds:
            kinds[key] = "click"
    return [(kinds[key], longest[key]) for key in longest]


def percentile(values, share):
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, int(round(share * len(ordered) + 0.5)) - 1))
    return ordered[index]


def measure(browser, origin):
    context = browser.new_context(viewport={"width": 412, "height": 915})
    context.add_init_script(OBSERVER)
    page = context.new_page()
    page.goto(origin + "/404.html")
    page.evaluate("text => localStorage.setItem('second-opinion-guide:checklist', text)", long_checklist())
    page.goto(origin + PATH)
    page.locator('[data-widget="checklist"][data-state="ready"]').wait_for(timeout=60000)
    cdp = context.new_cdp_session(page)
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": THROTTLE})
    page.evaluate("window.__events = []")
    session(page)
    events = page.evaluate("window.__events")
    context.close()
    return events


def main():
    if not SITE.is_dir():
        sys.exit("No site/ folder: run `make build` first (`make bench` does).")
    with virtual_screen() as display, sync_playwright() as playwright, SiteServer(SITE) as server:
        if display:
            browser = launch(playwright, headless=False, env=dict(os.environ, DISPLAY=display))
        else:
            browser = launch(playwright)
        try:
            events = measure(browser, server.origin)
        finally:
            browser.close()
    found = interactions(events)
    # A key press is one interaction (keydown, keyup); count those too short to report.
    expected_keys = len("Keep walking my dog every day.") + len("Dr. Rivera") + len("My daughter") \
        + len("Ask about parking") + 1
    expected_clicks = 7 + 3 + 3 + 4
    keys = [duration for kind, duration in found if kind == "key"]
    clicks = [duration for kind, duration in found if kind == "click"]
    keys += [16.0] * max(0, expected_keys - len(keys))
    clicks += [16.0] * max(0, expected_clicks - len(clicks))
    every = keys + clicks
    p98 = percentile(every, 0.98)
    print(f"\nTyping in the checklist: every item shown, {OWN_ITEMS} own items, CPU {THROTTLE}x slower, "
          + ("in a window on a virtual screen" if display else "HEADLESS (no Xvfb: figures may include frame stalls)"))
    print(f"  interactions: {len(every)} ({len(keys)} key presses, {len(clicks)} clicks)")
    print(f"  98th percentile {p98:.0f} ms (target <= {TARGET_P98_MS} ms: "
          f"{'meets target' if p98 <= TARGET_P98_MS else 'MISSES target'})")
    print(f"  worst {max(every):.0f} ms; key presses median {statistics.median(keys):.0f} ms, "
          f"worst {max(keys):.0f} ms; clicks median {statistics.median(clicks):.0f} ms, worst {max(clicks):.0f} ms")


if __name__ == "__main__":
    main()
