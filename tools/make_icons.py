"""`make icons`: the PNG icons a phone needs to put the guide on its home
screen, drawn from docs/assets/favicon.svg in the tests' Chromium.

Browsers want bitmaps here: Android's install prompt asks for 192 and 512
pixel icons (and a "maskable" one it may cut to a circle or a squircle, so
its mark must sit in the middle 80% and the colour must reach every edge);
iPhones and iPads read only a 180 pixel apple-touch-icon, and draw their own
rounded corners on it. The PNGs are committed (docs/assets/icons/); run this
again only when the favicon changes. The manifest (docs/manifest.webmanifest)
lists them.
"""

import re
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

PROJECT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(PROJECT))

from tests.support.browser import launch  # noqa: E402

FAVICON = PROJECT / "docs" / "assets" / "favicon.svg"
OUT = PROJECT / "docs" / "assets" / "icons"
# name: (pixels, square corners and no transparency)
ICONS = {
    "icon-192.png": (192, False),
    "icon-512.png": (512, False),
    "icon-maskable-512.png": (512, True),
    "apple-touch-icon.png": (180, True),
}


def svg(full_bleed):
    """The favicon; full_bleed fills the square (no rounded corners) for
    icons the system shapes itself."""
    source = FAVICON.read_text(encoding="utf-8")
    return re.sub(r'\s+rx="[^"]*"', "", source) if full_bleed else source


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = launch(playwright)
        for name, (pixels, full_bleed) in ICONS.items():
            page = browser.new_page(viewport={"width": pixels, "height": pixels})
            page.set_content(
                '<style>html,body{margin:0;background:transparent}svg{display:block;'
                f'width:{pixels}px;height:{pixels}px}}</style>' + svg(full_bleed)
            )
            page.screenshot(path=str(OUT / name), omit_background=not full_bleed)
            page.close()
            print(f"wrote {(OUT / name).relative_to(PROJECT)} ({pixels} x {pixels})")
        browser.close()


if __name__ == "__main__":
    main()
