"""The checklist in the browser: DOM glue only.

Every change reads the latest saved checklist, applies one change from
state.py and saves the result, so two open tabs never overwrite each other's
newer work; the storage event keeps the other tab's view in step. Reading is
cheap when nothing changed: the store hands back what this tab last wrote
without parsing it again. Decisions live in state.py and view.py, markup in
render_list.py, sentences in items.json.
"""

from sog import dates, dom, storage
from sog import text as text_policy
from sog.checklist import calendar, items, render_list, render_sheet, saved, state, view
from sog.checklist.sources import Sources
from sog.markup import fill
from sog.screener import ask_again
from sog.session import Session

UNSAVED_INPUTS = ("new-item", "new-question")

sources = Sources(dom.local_storage())
data = sources.data
words = data["words"]
# The saved checklist (sog/session.py): every change reads the newest copy,
# and a change from another tab makes the next draw a whole one.
session = Session(saved, sources.backend, state.new_state, dom.now_ms)
latest = session.latest
# drawn: the item ids the list shows; next: "Your next things" as drawn;
# counts: each group's "1 of 4 done" as shown; parts: the HTML of parts
# drawn on their own since the last whole draw (to skip drawing the same).
page = {"confirming": False, "drawn": [], "next": [], "counts": {}, "parts": {}, "calendar_said": False}


def draw(sections, *focus_ids):
    """Redraw these parts of the list (render_list.SECTIONS) and the progress
    line, keeping keyboard focus where it was.

    focus_ids: the first one still on the page gets focus (a question moved
    to the top has no Move up button any more); else focus stays put.
    Returns the view drawn.
    """
    if session.take_stale():
        # Another tab changed the checklist since this one last drew it.
        sections = render_list.SECTIONS
    active = dom.document.activeElement
    keep = focus_ids or ((active.id,) if sections and active and active.id else ())
    # Half-typed text in the add boxes is not saved yet; keep it across a
    # redraw (another tab's change redraws this one).
    typed = {}
    for box_id in UNSAVED_INPUTS:
        box = dom.by_id(box_id)
        typed[box_id] = str(box.value) if box else ""
    shown = view.build(data, session.state, sources.answers())
    if "items" not in sections and shown["shown"] != page["drawn"]:
        # A tick or step changed which items show (an item shown only
        # because it was started, now unticked): redraw the list too.
        sections = tuple(sections) + ("items", "more")
    if "items" in sections and "next" not in sections:
        sections = tuple(sections) + ("next",)
    root = page["root"].getAttribute("data-root")
    if tuple(sections) == render_list.SECTIONS:
        page["body"].innerHTML = render_list.widget_html(data, session.state, shown, root, page["confirming"])
        page["parts"] = {}
    else:
        for name in sections:
            html = render_list.section_html(name, data, session.state, shown, root, page["confirming"])
            if page["parts"].get(name) != html:
                dom.by_id(render_list.PART + name).innerHTML = html
                page["parts"][name] = html
    if "items" in sections:
        page["drawn"] = shown["shown"]
        page["counts"] = counts_text(shown)
    elif "next" in sections:
        show_counts(shown)
    page["next"] = shown["next"]
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


def counts_text(shown):
    """{group id: "1 of 4 done"} for the groups a view shows."""
    counts = {}
    for group_id in shown["groups"]:
        counts[group_id] = render_list.group_count_text(data, shown["groups"][group_id])
    return counts


def show_counts(shown):
    """Each folded group's count, where a tick changed it."""
    for group_id, text in counts_text(shown).items():
        if page["counts"].get(group_id) != text:
            element = dom.by_id(render_list.GROUP_COUNT + group_id)
            if element:
                element.textContent = text
            page["counts"][group_id] = text


def show(*focus_ids):
    """Draw the whole list."""
    return draw(render_list.SECTIONS, *focus_ids)


def apply(change, sections, *focus_ids):
    """Read the latest, change it, save it, and redraw the parts it touches
    (all of them if another tab had changed the checklist meanwhile)."""
    session.apply(change)
    return draw(sections, *focus_ids)


say = session.say


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
    apply(lambda s: state.remove_custom(s, item_of(element)), ("own", "next"), "new-item")


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


def keeper():
    """The keep-my-work file module (download, load, clear everything),
    imported on the first click that needs it: a start never runs it, and it
    brings every other widget's saved format with it."""
    from sog import keep

    return keep


def on_download(element, event):
    name = words["download_name"]
    text = keeper().export_text(sources.backend, dom.now_ms(), {saved.KIND: latest()})
    dom.download(name, "application/json", text)
    say(fill(words["downloaded"], {"name": name}))


def on_calendar(element, event):
    """Offer the visit and its reminders as a calendar file, and say on the
    page (and to screen readers) what the file holds, with every date in
    words to write down if the file does not open."""
    current = latest()
    appointment = current["appointment"]
    found = calendar.events(data, appointment, current["plain_title"], dom.today())
    said = words["calendar"]
    if not found:
        say(said["bad_date"] if appointment["date"] else said["no_date"])
        dom.focus("appt-date")
        return
    dom.download(said["file_name"], "text/calendar",
                 calendar.ics_text(found, appointment, current["plain_title"], dom.utc_now()))
    dom.by_id(render_list.CALENDAR_SAVED).innerHTML = render_list.calendar_saved_html(data, found)
    page["calendar_said"] = True


def forget_calendar_said():
    """The list of what the file holds goes once the visit changes."""
    if page["calendar_said"]:
        dom.say(dom.by_id(render_list.CALENDAR_SAVED), "")
        page["calendar_said"] = False


def on_clear(element, event):
    page["confirming"] = True
    draw(("clear",), "clear-yes")


def on_clear_no(element, event):
    page["confirming"] = False
    draw(("clear",), "clear")


def on_clear_yes(element, event):
    page["confirming"] = False
    # Everything this guide keeps (every widget's saved work, keep.parts):
    # a computer may be shared.
    cleared = keeper().clear_all(sources.backend)
    session.clear()
    show("clear")
    say(words["cleared"] if cleared or not session.store.available() else words["not_cleared"])


# ---- ticks, steps, typing and files ------------------------------------------


def show_in_group(item, shown):
    """An item's own controls in its group as the state says: its tick box,
    or a record's step and done look (a tick in "Your next things", or
    given before Python started, changed only one place)."""
    found = items.find_item(data, item)
    if found is not None and found["kind"] == "record":
        reached = session.state["stages"].get(item, "") or render_list.NO_STAGE
        choice = dom.by_id("st-" + item + "-" + reached)
        if choice:
            choice.checked = True
            row = choice.closest("li")
            if row:
                row.classList.toggle(render_list.DONE_CLASS, item in shown["done"])
        return
    box = dom.by_id(render_list.BOX + item)
    if box:
        box.checked = state.is_done(data, session.state, item)


def tick(element, change):
    """Apply a tick from an item's box in its group or in "Your next things",
    keep the other place in step, and redraw the next things. A box ticked
    in the next things goes from there: focus moves to the one now in its
    place (else the heading), so the keyboard is never lost."""
    item = item_of(element)
    from_next = str(element.id).startswith(render_list.NEXT_BOX)
    position = page["next"].index(item) if item in page["next"] else 0
    shown = apply(change, ("next",))
    show_in_group(item, shown)
    if from_next:
        upcoming = shown["next"]
        targets = [render_list.NEXT_BOX + upcoming[min(position, len(upcoming) - 1)]] if upcoming else []
        dom.focus(*(targets + [render_list.NEXT_HEADING]))


def on_toggle(element, event):
    done = bool(element.checked)
    item = item_of(element)
    tick(element, lambda s: state.set_done(data, s, item, done))


def on_ask(element, event):
    asked = bool(element.checked)
    item = item_of(element)
    tick(element, lambda s: state.set_asked(data, s, item, asked))


def on_stage(element, event):
    stage = str(element.value)
    item = item_of(element)
    shown = apply(lambda s: state.set_stage(data, s, item, "" if stage == render_list.NO_STAGE else stage),
                  ("next",))
    row = element.closest("li")
    if row:
        row.classList.toggle(render_list.DONE_CLASS, item in shown["done"])


def on_fold(element, event):
    """Remember a group opened or closed. The click comes before the browser
    opens or closes it, so the group is about to be the opposite."""
    opening = not bool(element.closest("details").open)
    group = item_of(element)
    apply(lambda s: state.set_group_open(data, s, group, opening), ())


def on_plain_title(element, event):
    plain = bool(element.checked)
    apply(lambda s: state.set_plain_title(s, plain), ())
    forget_calendar_said()


def on_text(element, event):
    """Save typed text as it is typed, without redrawing under the cursor."""
    value = session.typed(str(element.value))
    if value is None:
        return
    if element.getAttribute("data-action") == "goals":
        apply(lambda s: state.set_goals(s, value), ())
    else:
        field = item_of(element)
        apply(lambda s: state.set_appointment(s, field, value), ())
        forget_calendar_said()
        if field in ("date", "time"):
            when = calendar.when_words(session.state["appointment"])
            dom.say(dom.by_id("appt-when"), render_list.when_line(data, when))


def on_load(element, event):
    dom.read_file(element, storage.MAX_CHARS, loaded_file)


def loaded_file(text):
    if text is None:
        say(keeper().too_big())
        return
    loaded, message = keeper().import_text(text)
    if loaded is not None:
        if saved.KIND in loaded:
            session.state = loaded[saved.KIND]
        keeper().save_all(sources.backend, loaded, dom.now_ms())
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
    kind, change, sections, focus_id, message = {
        "add-custom": ("custom", state.add_custom, ("own", "next"), "new-item", words["added_own"]),
        "add-question": ("questions", state.add_question, ("questions",), "new-question", words["added_question"]),
    }[str(element.getAttribute("data-action"))]
    if full(kind):
        return
    # Empty the box first, so the redraw does not keep the text as unsent.
    field.value = ""
    apply(lambda s: change(s, text), sections, focus_id)
    say(message)


def on_beforeprint(event):
    """Printing this page prints the visitor's own paper sheet, as the
    printable page does, not the form (print.css shows it in the form's place)."""
    page["paper"].innerHTML = render_sheet.sheet_html(
        data, latest(), sources.answers(), True, dates.date_words(dom.today()), dom.site_address(page["root"])
    )
    page["root"].setAttribute("data-paper", "own")


def show_ask_again():
    """Whether some screener answers wait to be answered again (the list may
    leave out what they call for), with a link to the screener; redrawn only
    when that changes."""
    notice_html = ask_again.notice_for(sources, words, page["root"].getAttribute("data-root"))
    dom.put_html(render_list.ASK_AGAIN_ID, notice_html, page)


def on_storage(event):
    """Another tab saved: show its newer work here (or the screener's
    answers, which tailor the list)."""
    if session.follows(event.key, sources.screener_store.key):
        latest()
        show()
        show_ask_again()


def given_in_page(body):
    """What a visitor did in the list before Python started: (action, key,
    value) for each box, choice or field that no longer shows what the build
    drew it with (see state.apply_given)."""
    given = []
    controls = body.querySelectorAll("input[data-action], textarea[data-action]")
    for index in range(int(controls.length)):
        control = controls.item(index)
        action = str(control.getAttribute("data-action"))
        # Only tick boxes and choices have "checked" (a text area has none).
        boxed = action in ("toggle", "ask", "plain-title")
        if boxed and bool(control.checked) != bool(control.defaultChecked):
            key = "" if action == "plain-title" else item_of(control)
            given.append((action.replace("-", "_"), key, bool(control.checked)))
        elif action == "stage" and bool(control.checked) and not bool(control.defaultChecked):
            stage = str(control.value)
            given.append(("stage", item_of(control), "" if stage == render_list.NO_STAGE else stage))
        elif action == "appointment" and str(control.value) != str(control.defaultValue):
            given.append(("appointment", item_of(control), str(control.value)))
        elif action == "goals" and str(control.value) != str(control.defaultValue):
            given.append(("goals", "", str(control.value)))
    # The build draws every group folded: an open one was opened meanwhile.
    groups = body.querySelectorAll("details[data-group]")
    for index in range(int(groups.length)):
        group = groups.item(index)
        if bool(group.open):
            given.append(("group", str(group.getAttribute("data-group")), True))
    return given


TICKS = ("toggle", "ask", "stage")


def show_given(given, shown):
    """What the page shows beside a control the visitor changed before Python
    started, as the handlers would have: the item's other tick box or step,
    a record's done look, the visit's date in words."""
    for action, key, _ in given:
        if action in TICKS:
            show_in_group(key, shown)
        elif action == "appointment" and key in ("date", "time"):
            when = calendar.when_words(session.state["appointment"])
            dom.say(dom.by_id("appt-when"), render_list.when_line(data, when))


def start(root):
    page["root"] = root
    page["body"] = dom.by_id("checklist-body")
    page["paper"] = dom.by_id(render_list.PAPER_ID)
    notice = dom.by_id("checklist-notice")
    session.speak = lambda text: dom.say(notice, text)
    page["progress"] = dom.by_id("checklist-progress")
    # The page already shows the list for an empty checklist (drawn at build
    # time), with whatever the visitor ticked or typed since: their latest
    # word, kept over what was saved.
    given = given_in_page(page["body"])
    showing = state.apply_given(data, state.new_state(), given)
    messages = session.start()
    session.state = state.apply_given(data, session.state, given)
    first_view = view.build(data, state.new_state(), {})
    page["drawn"] = view.build(data, showing, {})["shown"]
    page["next"] = first_view["next"]
    page["counts"] = counts_text(first_view)
    show_ask_again()
    if given:
        session.save()
    say(" ".join(messages))
    # Only the parts the saved checklist changes: nothing moves for a first visit.
    wanted = (session.state, sources.answers(), False)
    sections = render_list.changed_sections(data, (showing, {}, False), wanted, root.getAttribute("data-root"))
    if [action for action, _, _ in given if action in TICKS] and "next" not in sections:
        # A tick given in the first view: the next things, drawn before
        # it, move on.
        sections = ["next"] + sections
    shown = draw(sections)
    show_given(given, shown)
    dom.on(root, "click", {
        "fold": on_fold,
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
    dom.on(root, "change", {"toggle": on_toggle, "ask": on_ask, "stage": on_stage, "plain-title": on_plain_title,
                            "load": on_load})
    dom.on(root, "input", {"appointment": on_text, "goals": on_text})
    dom.on(root, "submit", {"add-custom": on_submit, "add-question": on_submit})
    dom.on_window("storage", on_storage)
    dom.on_window("beforeprint", on_beforeprint)


dom.boot(render_list.ROOT_ID, start)
