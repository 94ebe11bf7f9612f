"""The checklist in the browser: DOM glue only.

Every change reads the latest saved checklist, applies one change from
state.py and saves the result, so two open tabs never overwrite each other's
newer work; the storage event keeps the other tab's view in step. Reading is
cheap when nothing changed: the store hands back what this tab last wrote
without parsing it again. Decisions live in state.py and view.py, markup in
render_list.py, sentences in items.json.
"""

from sog import dom, storage
from sog import text as text_policy
from sog.checklist import backup, calendar, render_list, saved, state, view
from sog.checklist.sources import Sources
from sog.markup import fill

UNSAVED_INPUTS = ("new-item", "new-question")

sources = Sources(dom.local_storage())
data = sources.data
words = data["words"]
store = sources.store
# What this tab shows; the saved copy wins whenever it can be read. raw is
# the saved data that state was cleaned from, to skip cleaning it again.
page = {"state": state.new_state(), "raw": None, "confirming": False, "stale": False, "drawn": []}


def latest():
    """The newest checklist (storage.newest); a change from another tab makes
    the next draw a whole one."""
    return storage.newest(store, page, state.new_state, lambda loaded: saved.clean_state(data, loaded))


def draw(sections, *focus_ids):
    """Redraw these parts of the list (render_list.SECTIONS) and the progress
    line, keeping keyboard focus where it was.

    focus_ids: the first one still on the page gets focus (a question moved
    to the top has no Move up button any more); else focus stays put.
    Returns the view drawn.
    """
    if page["stale"]:
        # Another tab changed the checklist since this one last drew it.
        sections = render_list.SECTIONS
        page["stale"] = False
    active = dom.document.activeElement
    keep = focus_ids or ((active.id,) if sections and active and active.id else ())
    # Half-typed text in the add boxes is not saved yet; keep it across a
    # redraw (another tab's change redraws this one).
    typed = {}
    for box_id in UNSAVED_INPUTS:
        box = dom.by_id(box_id)
        typed[box_id] = str(box.value) if box else ""
    shown = view.build(data, page["state"], sources.answers())
    if "items" not in sections and shown["shown"] != page["drawn"]:
        # A tick or step changed which items show (an item shown only
        # because it was started, now unticked): redraw the list too.
        sections = tuple(sections) + ("items", "more")
    if "items" in sections:
        page["drawn"] = shown["shown"]
    root = page["root"].getAttribute("data-root")
    if sections == render_list.SECTIONS:
        page["body"].innerHTML = render_list.widget_html(data, page["state"], shown, root, page["confirming"])
    else:
        for name in sections:
            dom.by_id(render_list.PART + name).innerHTML = render_list.section_html(
                name, data, page["state"], shown, root, page["confirming"]
            )
    for box_id in UNSAVED_INPUTS:
        box = dom.by_id(box_id)
        if typed[box_id] and not str(box.value):
            box.value = typed[box_id]
    # The progress line lives outside the redrawn part, so screen readers
    # hear it change rather than meet a new region each time.
    progress = view.progress_text(data, shown["progress"])
    if str(page["progress"].textContent) != progress:
        dom.say(page["progress"], progress)
    dom.focus(*keep)
    return shown


def show(*focus_ids):
    """Draw the whole list."""
    return draw(render_list.SECTIONS, *focus_ids)


def apply(change, sections, *focus_ids):
    """Read the latest, change it, save it, and redraw the parts it touches
    (all of them if another tab had changed the checklist meanwhile)."""
    new = change(latest())
    page["state"] = new
    if store.save(new, dom.now_ms()):
        page["raw"] = new
    elif store.available():
        say(storage.message_for("not_saved"))
    return draw(sections, *focus_ids)


def say(message):
    dom.say(page["notice"], message)


def full(kind):
    """Whether own items or questions are at their cap (and say so)."""
    if not state.is_full(latest(), kind):
        return False
    cap = state.MAX_CUSTOM if kind == "custom" else state.MAX_QUESTIONS
    say(fill(words["own_full" if kind == "custom" else "questions_full"], {"n": cap}))
    return True


def item_of(element):
    return str(element.getAttribute("data-id"))


# ---- clicks ------------------------------------------------------------------


def on_show_all(element, event):
    apply(lambda s: state.set_show_all(s, item_of(element) == "on"), ("items", "more"), "show-all")


def on_remove_custom(element, event):
    apply(lambda s: state.remove_custom(s, item_of(element)), ("own",), "new-item")


def on_move(step):
    def handler(element, event):
        item = item_of(element)
        first, second = ("up-", "down-") if step < 0 else ("down-", "up-")
        apply(lambda s: state.move_question(s, item, step), ("questions",), first + item, second + item, "del-" + item)
    return handler


def on_remove_question(element, event):
    apply(lambda s: state.remove_question(s, item_of(element)), ("questions",), "new-question")


def on_add_suggested(element, event):
    if full("questions"):
        return
    apply(lambda s: state.add_suggested(data, s, item_of(element)), ("questions",), "new-question")
    say(words["added_question"])


def on_download(element, event):
    name = words["download_name"]
    text = backup.export_text(sources.backend, dom.now_ms(), {saved.KIND: latest()})
    dom.download(name, "application/json", text)
    say(fill(words["downloaded"], {"name": name}))


def on_calendar(element, event):
    """Offer the visit, and the reminder the day before, as a calendar file."""
    appointment = latest()["appointment"]
    text = calendar.ics_text(data, appointment, dom.utc_now())
    said = words["calendar"]
    if text is None:
        say(said["bad_date"] if appointment["date"] else said["no_date"])
        dom.focus("appt-date")
        return
    dom.download(said["file_name"], "text/calendar", text)
    say(fill(said["downloaded"], {"name": said["file_name"]}))


def on_clear(element, event):
    page["confirming"] = True
    draw(("clear",), "clear-yes")


def on_clear_no(element, event):
    page["confirming"] = False
    draw(("clear",), "clear")


def on_clear_yes(element, event):
    page["confirming"] = False
    # Everything this guide keeps: the checklist, the other widgets' work
    # (backup.PARTS) and the screener's answers; a computer may be shared.
    cleared = backup.clear_all(sources.backend)
    sources.screener_store.clear()
    page["state"] = state.new_state()
    page["raw"] = None
    show("clear")
    say(words["cleared"] if cleared or not store.available() else words["not_cleared"])


# ---- ticks, steps, typing and files ------------------------------------------


def on_toggle(element, event):
    # The box already shows the tick: only the progress line changes.
    apply(lambda s: state.toggle(data, s, item_of(element)), ())


def on_stage(element, event):
    stage = str(element.value)
    item = item_of(element)
    shown = apply(lambda s: state.set_stage(data, s, item, "" if stage == render_list.NO_STAGE else stage), ())
    row = element.closest("li")
    if row:
        row.classList.toggle(render_list.DONE_CLASS, item in shown["done"])


def on_text(element, event):
    """Save typed text as it is typed, without redrawing under the cursor."""
    value = str(element.value)
    problem = None if text_policy.is_blank(value) else text_policy.problem(value)
    if problem:
        say(problem)
        return
    if element.getAttribute("data-action") == "goals":
        apply(lambda s: state.set_goals(s, value), ())
    else:
        field = item_of(element)
        apply(lambda s: state.set_appointment(s, field, value), ())
        if field in ("date", "time"):
            when = calendar.when_words(page["state"]["appointment"])
            dom.say(dom.by_id("appt-when"), render_list.when_line(data, when))


def on_load(element, event):
    dom.read_file(element, storage.MAX_CHARS, loaded_file)


def loaded_file(text):
    if text is None:
        say(backup.refused(words["load"]["too_big_file"]))
        return
    loaded, message = backup.import_text(text)
    if loaded is not None:
        if saved.KIND in loaded:
            page["state"] = loaded[saved.KIND]
        backup.save_all(sources.backend, loaded, dom.now_ms())
        latest()
        show("load-file")
        message = words["loaded"]
    say(message)


def on_submit(element, event):
    event.preventDefault()
    field = element.querySelector("input")
    text = str(field.value)
    problem = text_policy.problem(text)
    if problem:
        say(problem)
        return
    kind, change, section, focus_id, message = {
        "add-custom": ("custom", state.add_custom, "own", "new-item", words["added_own"]),
        "add-question": ("questions", state.add_question, "questions", "new-question", words["added_question"]),
    }[str(element.getAttribute("data-action"))]
    if full(kind):
        return
    # Empty the box first, so the redraw does not keep the text as unsent.
    field.value = ""
    apply(lambda s: change(s, text), (section,), focus_id)
    say(message)


def on_storage(event):
    """Another tab saved: show its newer work here."""
    if event.key is None or str(event.key) in (store.key, sources.screener_store.key):
        page["state"] = latest()
        show()


def given_in_page(body):
    """What a visitor did in the list before Python started: (action, key,
    value) for each box, choice or field that no longer shows what the build
    drew it with (see state.apply_given)."""
    given = []
    controls = body.querySelectorAll("input[data-action], textarea[data-action]")
    for index in range(int(controls.length)):
        control = controls.item(index)
        action = str(control.getAttribute("data-action"))
        if action == "toggle" and bool(control.checked) != bool(control.defaultChecked):
            given.append(("toggle", item_of(control), bool(control.checked)))
        elif action == "stage" and bool(control.checked) and not bool(control.defaultChecked):
            stage = str(control.value)
            given.append(("stage", item_of(control), "" if stage == render_list.NO_STAGE else stage))
        elif action == "appointment" and str(control.value) != str(control.defaultValue):
            given.append(("appointment", item_of(control), str(control.value)))
        elif action == "goals" and str(control.value) != str(control.defaultValue):
            given.append(("goals", "", str(control.value)))
    return given


def show_given(given, shown):
    """What the page shows beside a control the visitor changed before Python
    started, as the handlers would have: a record's done look, the visit's
    date in words."""
    for action, key, _ in given:
        if action == "stage":
            choice = dom.by_id("st-" + key + "-" + render_list.NO_STAGE)
            row = choice.closest("li") if choice else None
            if row:
                row.classList.toggle(render_list.DONE_CLASS, key in shown["done"])
        elif action == "appointment" and key in ("date", "time"):
            when = calendar.when_words(page["state"]["appointment"])
            dom.say(dom.by_id("appt-when"), render_list.when_line(data, when))


def start(root):
    page["root"] = root
    page["body"] = dom.by_id("checklist-body")
    page["notice"] = dom.by_id("checklist-notice")
    page["progress"] = dom.by_id("checklist-progress")
    # The page already shows the list for an empty checklist (drawn at build
    # time), with whatever the visitor ticked or typed since: their latest
    # word, kept over what was saved.
    given = given_in_page(page["body"])
    showing = state.apply_given(data, state.new_state(), given)
    loaded, _, notice = store.load()
    saved_state, problems = saved.clean_state(data, loaded)
    page["raw"] = loaded
    page["state"] = state.apply_given(data, saved_state, given)
    page["drawn"] = view.build(data, showing, {})["shown"]
    messages = [storage.message_for(notice, store.kept_copy)] + problems
    if given and store.save(page["state"], dom.now_ms()):
        page["raw"] = page["state"]
    say(" ".join(message for message in messages if message))
    # Only the parts the saved checklist changes: nothing moves for a first visit.
    wanted = (page["state"], sources.answers(), False)
    shown = draw(render_list.changed_sections(data, (showing, {}, False), wanted, root.getAttribute("data-root")))
    show_given(given, shown)
    dom.on(root, "click", {
        "show-all": on_show_all,
        "remove-custom": on_remove_custom,
        "move-up": on_move(-1),
        "move-down": on_move(1),
        "remove-question": on_remove_question,
        "add-suggested": on_add_suggested,
        "download": on_download,
        "calendar": on_calendar,
        "clear": on_clear,
        "clear-no": on_clear_no,
        "clear-yes": on_clear_yes,
    })
    dom.on(root, "change", {"toggle": on_toggle, "stage": on_stage, "load": on_load})
    dom.on(root, "input", {"appointment": on_text, "goals": on_text})
    dom.on(root, "submit", {"add-custom": on_submit, "add-question": on_submit})
    dom.on_window("storage", on_storage)


dom.boot(render_list.ROOT_ID, start)
