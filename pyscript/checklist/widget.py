"""The checklist in the browser: DOM glue only.

Every change reads the latest saved checklist, applies one model operation
and saves the result, so two open tabs never overwrite each other's newer
work; the storage event keeps the other tab's view in step. All decisions
live in model.py, all markup in render.py.
"""

from pyscript import document, when, window

import dom
import storage
from checklist import model, render
from checklist.sources import Sources

DOWNLOAD_NAME = "my-second-opinion-checklist.json"
UNSAVED_INPUTS = ("new-item", "new-question")

sources = Sources(dom.local_storage())
data = sources.data
store = sources.store
screener_store = sources.screener_store
answers = sources.answers
root = dom.by_id("checklist")
body = dom.by_id("checklist-body")
notice_box = dom.by_id("checklist-notice")
progress_box = dom.by_id("checklist-progress")
# What this tab shows; the saved copy wins whenever it can be read.
view = {"state": model.new_state(), "confirming": False}


def latest():
    """The newest checklist: from storage when readable, else this tab's."""
    if not store.available():
        return view["state"]
    loaded, _, notice = store.load()
    if notice == storage.EMPTY:
        return model.new_state()
    if notice in (storage.OK, storage.MIGRATED):
        return model.clean_state(data, loaded)[0]
    return view["state"]


def show(focus_id=None):
    """Draw the checklist, keeping keyboard focus where it was.

    focus_id may be a tuple of ids: the first one still on the page gets
    focus (a question moved to the top has no Move up button any more).
    """
    active = document.activeElement
    keep = focus_id or (active.id if active and active.id else "")
    # Half-typed text in the add boxes is not saved yet; keep it across a
    # redraw (another tab's change redraws this one).
    typed = {}
    for box_id in UNSAVED_INPUTS:
        box = dom.by_id(box_id)
        typed[box_id] = str(box.value) if box else ""
    current_answers = answers()
    body.innerHTML = render.widget_html(
        data, view["state"], current_answers, root.getAttribute("data-root"), view["confirming"]
    )
    for box_id in UNSAVED_INPUTS:
        box = dom.by_id(box_id)
        if box and typed[box_id]:
            box.value = typed[box_id]
    # The progress line lives outside the redrawn part, so screen readers
    # hear it change rather than meet a new region each time.
    done, total = model.progress(data, view["state"], current_answers)
    dom.say(progress_box, model.progress_text(done, total))
    for candidate in (keep if isinstance(keep, tuple) else (keep,)):
        target = dom.by_id(candidate) if candidate else None
        if target:
            target.focus()
            return


def apply(operation, focus_id=None, redraw=True):
    """Read the latest, change it, save it, show it."""
    state = operation(latest())
    view["state"] = state
    if not store.save(state, dom.now_ms()) and store.available():
        dom.say(notice_box, "Sorry, this change could not be saved in your browser. It may be full.")
    if redraw:
        show(focus_id)


def target_of(event):
    element = event.target
    return element.closest("[data-action]") if element else None


@when("click", "#checklist")
def on_click(event):
    element = target_of(event)
    if not element or element.tagName != "BUTTON":
        return
    action = element.getAttribute("data-action")
    item = element.getAttribute("data-id")
    if action == "show-all":
        apply(lambda s: model.set_show_all(s, item == "on"), "show-all")
    elif action == "remove-custom":
        apply(lambda s: model.remove_custom(s, item), "new-item")
    elif action == "move-up":
        apply(lambda s: model.move_question(s, item, -1), ("up-" + item, "down-" + item, "del-" + item))
    elif action == "move-down":
        apply(lambda s: model.move_question(s, item, 1), ("down-" + item, "up-" + item, "del-" + item))
    elif action == "remove-question":
        apply(lambda s: model.remove_question(s, item), "new-question")
    elif action == "add-suggested":
        if is_full("questions"):
            return
        apply(lambda s: model.add_suggested(data, s, item), "new-question")
        dom.say(notice_box, "Question added to your list.")
    elif action == "download":
        download()
    elif action == "clear":
        view["confirming"] = True
        show("clear-yes")
    elif action == "clear-no":
        view["confirming"] = False
        show("clear")
    elif action == "clear-yes":
        clear_everything()


@when("change", "#checklist")
async def on_change(event):
    element = target_of(event)
    if not element:
        return
    action = element.getAttribute("data-action")
    item = element.getAttribute("data-id")
    if action == "toggle":
        apply(lambda s: model.toggle(data, s, item))
    elif action == "stage":
        stage = str(element.value)
        apply(lambda s: model.set_stage(data, s, item, "" if stage == render.NO_STAGE else stage))
    elif action in ("appointment", "goals"):
        on_text(element, action, item)
    elif action == "load":
        await load_file(element)


@when("input", "#checklist")
def on_input(event):
    element = target_of(event)
    if element and element.getAttribute("data-action") in ("appointment", "goals"):
        on_text(element, element.getAttribute("data-action"), element.getAttribute("data-id"))


def on_text(element, action, field):
    """Save typed text as it is typed, without redrawing under the cursor."""
    value = str(element.value)
    problem = model.text_problem(value) if value.strip() else None
    if problem:
        dom.say(notice_box, problem)
        return
    if action == "goals":
        apply(lambda s: model.set_goals(s, value), redraw=False)
    else:
        apply(lambda s: model.set_appointment(s, field, value), redraw=False)


@when("submit", "#checklist")
def on_submit(event):
    event.preventDefault()
    form = event.target
    action = form.getAttribute("data-action")
    field = form.querySelector("input")
    text = str(field.value)
    problem = model.text_problem(text)
    if problem:
        dom.say(notice_box, problem)
        return
    # Empty the box first, so the redraw does not keep the text as unsent.
    if action == "add-custom":
        if is_full("custom"):
            return
        field.value = ""
        apply(lambda s: model.add_custom(s, text), "new-item")
        dom.say(notice_box, "Added to your own items.")
    elif action == "add-question":
        if is_full("questions"):
            return
        field.value = ""
        apply(lambda s: model.add_question(s, text), "new-question")
        dom.say(notice_box, "Question added to your list.")


# The model quietly adds nothing past its caps; say so rather than "Added".
FULL = {
    "custom": (model.MAX_CUSTOM, " of your own items"),
    "questions": (model.MAX_QUESTIONS, " questions"),
}


def is_full(kind):
    """Whether the list of own items or questions is at its cap (and say so)."""
    cap, words = FULL[kind]
    if len(latest()[kind]) < cap:
        return False
    dom.say(notice_box, "You already have " + str(cap) + words
            + ", the most this list can hold. Remove one to add another.")
    return True


def download():
    text = model.export_text(latest(), dom.now_ms())
    link = document.createElement("a")
    link.href = "data:application/json;charset=utf-8," + window.encodeURIComponent(text)
    link.download = DOWNLOAD_NAME
    document.body.appendChild(link)
    link.click()
    link.remove()
    dom.say(notice_box, "Your checklist was saved as a file named " + DOWNLOAD_NAME + ".")


async def load_file(element):
    files = element.files
    chosen = files.item(0) if files and files.length else None
    if not chosen:
        return
    if chosen.size > storage.MAX_CHARS:
        message = model.LOAD_FAILED + "the file is too large to be a checklist."
    else:
        text = await chosen.text()
        state, message = model.import_text(data, str(text))
        if state is not None:
            apply(lambda s: state, "load-file")
            message = "Your checklist was loaded from the file."
    element.value = ""
    dom.say(notice_box, message)


def clear_everything():
    view["confirming"] = False
    cleared = store.clear()
    screener_store.clear()
    view["state"] = model.new_state()
    show("clear")
    if cleared or not store.available():
        dom.say(notice_box, "Everything was cleared from this browser.")
    else:
        dom.say(notice_box, "Sorry, your browser would not let us clear the saved checklist.")


def on_storage(event):
    """Another tab saved: show its newer work here."""
    if event.key is None or str(event.key) in (store.key, screener_store.key):
        view["state"] = latest()
        show()


def start():
    loaded, _, notice = store.load()
    state, problems = model.clean_state(data, loaded)
    view["state"] = state
    messages = [storage.message_for(notice, store.kept_copy)] + problems
    dom.say(notice_box, " ".join(message for message in messages if message))
    show()
    dom.on_window("storage", on_storage)
    dom.mark_ready(root)


start()
