"""The printable page in the browser: DOM glue only.

Swaps the blank sheet rendered at build time for the visitor's own tailored
checklist, with today's date and the site's address, and offers a Print
button. Without Python the blank sheet stays and prints as it is.
"""

from pyscript import when, window

import dom
import storage
from checklist import model, render
from checklist.sources import Sources

sources = Sources(dom.local_storage())
data = sources.data
store = sources.store
root = dom.by_id("print")


@when("click", "#print-button")
def on_print(event):
    window.print()


def site_address():
    """The site's home address, as the visitor reached it."""
    return str(window.URL.new(root.getAttribute("data-root") + "/", window.location.href).href)


def start():
    # peek, not load: this page only shows the checklist, and leaves any
    # unreadable data for the checklist page to report and set aside.
    loaded, _, notice = store.peek()
    state, problems = model.clean_state(data, loaded)
    answers = sources.answers()
    today = window.Date.new()
    printed_on = render.format_date(int(today.getFullYear()), int(today.getMonth()), int(today.getDate()))
    dom.by_id("print-body").innerHTML = render.print_sheet_html(data, state, answers, True, printed_on, site_address())
    messages = [storage.message_for(notice)] + problems
    dom.say(dom.by_id("print-notice"), " ".join(message for message in messages if message))
    dom.by_id("print-actions").hidden = False
    dom.mark_ready(root)


start()
