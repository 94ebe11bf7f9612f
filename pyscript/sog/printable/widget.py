"""The printable page in the browser: DOM glue only.

The build drew the blank sheet as the checklist shows it for an empty
checklist (its other items show only without JavaScript). Only the parts of
the sheet that the visitor's saved checklist and screener answers change are
drawn again, and today's date and the site's address are added; the Print
button shows. Without Python the full blank sheet shows and prints as it is.
"""

from sog import dates, dom, storage
from sog.checklist import render_sheet, saved
from sog.checklist.sources import Sources
from sog.checklist.state import new_state
from sog.printable import render
from sog.screener import ask_again

sources = Sources(dom.local_storage())
data = sources.data


def on_print(element, event):
    dom.print_page()


def start(root):
    # peek, not load: this page only shows the checklist, and leaves any
    # unreadable data for the checklist page to report and set aside.
    loaded, _, notice = sources.store.peek()
    state, issues = saved.clean(loaded)
    answers = sources.answers()
    # What the page shows: the sheet for an empty checklist (the build hid
    # the other items of the blank sheet), undated.
    drawn = (new_state(), {}, True, "", "")
    wanted = (state, answers, True, dates.date_words(dom.today()), dom.site_address(root))
    for name in render_sheet.changed_parts(data, drawn, wanted):
        dom.by_id(render_sheet.PART + name).innerHTML = render_sheet.part_html(name, data, *wanted)
    messages = [storage.message_for(notice)] + saved.problems(issues)
    dom.say(dom.by_id("printable-notice"), " ".join(message for message in messages if message))
    # On screen only (print.css keeps notices off paper): the sheet may be
    # handed to the office, and a link cannot be followed on paper.
    words = data["words"]
    dom.by_id(render.ASK_AGAIN_ID).innerHTML = ask_again.notice_html(
        sources.ask_again(), words["screener_ask_again"], words["screener_ask_again_link"],
        root.getAttribute("data-root"))
    dom.on(root, "click", {"print": on_print})


dom.boot(render.ROOT_ID, start)
