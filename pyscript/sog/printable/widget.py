"""The printable page in the browser: DOM glue only.

The build drew the blank sheet as the checklist shows it for an empty
checklist (its other items show only without JavaScript). Only the parts of
the sheet that the visitor's saved checklist and screener answers change are
drawn again, and today's date and the site's address are added; the Print
button shows. When another tab changes the checklist or the screener's
answers, the sheet follows, so what prints is what was saved last. Without
Python the full blank sheet shows and prints as it is.
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


# The sheet as drawn: at first as the build drew it, for an empty checklist,
# undated; what its notice said, and (by element id, dom.put_html) the HTML
# put in its other notice: each is said again only when it changes.
shown = {"sheet": (new_state(), {}, True, "", ""), "said": None}


def draw(root):
    """Draw the parts of the sheet that what is saved now changes, and say
    what could not be read."""
    # peek, not load: this page only shows the checklist, and leaves any
    # unreadable data for the checklist page to report and set aside.
    loaded, _, notice = sources.store.peek()
    state, issues = saved.clean(loaded)
    wanted = (state, sources.answers(), True, dates.date_words(dom.today()), dom.site_address(root))
    for name in render_sheet.changed_parts(data, shown["sheet"], wanted):
        dom.by_id(render_sheet.PART + name).innerHTML = render_sheet.part_html(name, data, *wanted)
    shown["sheet"] = wanted
    messages = [storage.message_for(notice)] + saved.problems(issues)
    said = " ".join(message for message in messages if message)
    if said != shown["said"]:
        dom.say(dom.by_id("printable-notice"), said)
        shown["said"] = said
    # On screen only (print.css keeps notices off paper): the sheet may be
    # handed to the office, and a link cannot be followed on paper.
    dom.put_html(render.ASK_AGAIN_ID, ask_again.notice_for(sources, data["words"], root.getAttribute("data-root")),
                 shown)


def start(root):
    draw(root)
    dom.on(root, "click", {"print": on_print})

    def on_storage(event):
        """Another tab saved the checklist or the screener's answers (or
        storage was cleared): the sheet shows it."""
        if storage.concerns(event.key, sources.store.key, sources.screener_store.key):
            draw(root)

    dom.on_window("storage", on_storage)


dom.boot(render.ROOT_ID, start)
