"""Near the top of every page, a note while the network is gone
(partials/connection-note.html, javascripts/offline.js).

Online, the note is empty and takes no room. Offline, it says so, above the
page's title, in the words of words.json: that this page still works. Back
online, it goes.

Once the guide is saved on this device, the note says the whole guide
still works, on the open page and on every page opened offline, as it
opens, in the page's language, near the top on a phone, and back online
it goes:
test_offline.py::test_every_page_and_widget_opens_offline_after_one_visit
(the guide saved once there, not again here).
"""

import json

from playwright.sync_api import expect

from tests.conftest import PROJECT
from tests.e2e.site_pages import CONNECTION_NOTE, PHONE, expect_near_the_top

WORDS = json.loads((PROJECT / "pyscript" / "sog" / "words.json").read_text(encoding="utf-8"))["offline"]
NOTE = CONNECTION_NOTE


def test_offline_says_so_at_the_top(make_context):
    context = make_context(viewport=PHONE)
    page = context.new_page()
    page.goto("/about/")
    note = page.locator(NOTE)
    expect(note).to_be_empty()
    assert note.bounding_box()["height"] == 0
    context.set_offline(True)
    expect(note).to_have_text(WORDS["offline"])
    expect(note).to_have_attribute("role", "status")
    expect_near_the_top(page)
    context.set_offline(False)
    expect(note).to_be_empty()
