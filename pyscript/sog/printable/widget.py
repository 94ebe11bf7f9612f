"""The printable page in the browser: DOM glue only.

Swaps the blank sheet rendered at build time for the visitor's own tailored
checklist, with today's date and the site's address, and offers a Print
button. Without Python the blank sheet stays and prints as it is.
"""

from pyscript import window
from sog import dom, storage
from sog.checklist import render_sheet, saved
from sog.checklist.sources import Sources
from sog.printable import render

sources = Sources(dom.local_storage())
data = sources.data


def on_print(element, event):
    window.print()


def site_address(root):
    """The site's home address, as the visitor reached it."""
    return str(window.URL.new(root.getAttribute("data-root") + "/", window.location.href).href)


def start(root):
    # peek, not load: this page only shows the checklist, and leaves any
    # unreadable data for the checklist page to report and set aside.
    loaded, _, notice = sources.store.peek()
    state, problems = saved.clean_state(data, loaded)
    today = window.Date.new()
    printed_on = render_sheet.format_date(int(today.getFullYear()), int(today.getMonth()), int(today.getDate()))
    dom.by_id("printable-body").innerHTML = render_sheet.sheet_html(
        data, state, sources.answers(), True, printed_on, site_address(root)
    )
    messages = [storage.message_for(notice)] + problems
    dom.say(dom.by_id("printable-notice"), " ".join(message for message in messages if message))
    dom.on(root, "click", {"print": on_print})
    dom.by_id("printable-actions").hidden = False


dom.boot(render.ROOT_ID, start)
