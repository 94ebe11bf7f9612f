"""The worksheet in the browser: DOM glue only.

Every change reads the latest saved worksheet, applies one change from
state.py and saves the result, so two open tabs never overwrite each other's
newer work; the storage event keeps the other tab in step. Typing never
redraws: a field gets new text only when the saved text differs from what it
holds (another tab changed it), so the cursor stays where it is. Decisions
live in state.py, markup in render.py, sentences in worksheet.json.
"""

from sog import dom, storage
from sog import text as text_policy
from sog.worksheet import render, saved, sheet, state
from sog.worksheet.goals import ChecklistGoals

backend = dom.local_storage()
data = sheet.with_figures()
words = data["words"]
store = saved.open_store(backend)
checklist_goals = ChecklistGoals(backend)
# What this tab shows; the saved copy wins whenever it can be read. raw is
# the saved data that state was cleaned from, to skip cleaning it again.
page = {"state": state.new_state(data), "raw": None, "stale": False, "problem": False}


def latest():
    """The newest worksheet (storage.newest)."""
    return storage.newest(store, page, lambda: state.new_state(data), saved.clean)


def say(message, problem=False):
    dom.say(page["notice"], message)
    page["problem"] = problem


def sync(changed=None):
    """Show page["state"]. changed: the ids of the only fields that can
    differ (this tab's own change); None, or another tab's change, checks
    every field."""
    every = changed is None or page["stale"]
    page["stale"] = False
    current = page["state"]
    goals = checklist_goals.read()
    active = dom.document.activeElement
    active_id = str(active.id) if active else ""
    for field_id, value in render.field_values(data, current, goals):
        if not every and field_id not in changed:
            continue
        field = dom.by_id(field_id)
        typed = str(field.value)
        held = text_policy.tidy(typed, len(typed) + 1)
        # Text refused as markup stays in the field being typed in, to fix.
        if held != value and not (held is None and field_id == active_id):
            field.value = value
        paper = dom.by_id(field_id + render.PAPER_SUFFIX)
        if str(paper.textContent) != value:
            paper.textContent = value
    if every:
        for choice in sheet.comparison_ids(data):
            dom.by_id(render.compare_id(choice)).checked = current["comparison"] == choice
    dom.by_id(render.THIRD_ID).hidden = not sheet.shows_third(data, current["comparison"])
    dom.show_text(dom.by_id(render.GOALS_FROM_ID), render.goals_note_text(data, current, goals))
    dom.by_id("ws-goals-actions").hidden = not state.offers_checklist_goals(current, goals)


def apply(change, *changed):
    """Read the latest, change it, save it, and show it."""
    page["state"] = change(latest())
    if store.save(page["state"], dom.now_ms()):
        page["raw"] = page["state"]
    elif store.available():
        say(storage.message_for("not_saved"))
    sync(changed)


def typed_text(element):
    """The text in a field, or None after saying why it cannot be saved."""
    value = str(element.value)
    problem = None if text_policy.is_blank(value) else text_policy.problem(value)
    if problem:
        say(problem, True)
        return None
    if page["problem"]:
        say("")
    return value


# ---- typing and choosing -------------------------------------------------------


def on_answer(element, event):
    value = typed_text(element)
    if value is not None:
        doctor = str(element.getAttribute("data-doctor"))
        row = str(element.getAttribute("data-row"))
        apply(lambda s: state.set_answer(data, s, doctor, row, value), str(element.id))


def on_goals(element, event):
    value = typed_text(element)
    if value is not None:
        apply(lambda s: state.set_goals(s, value), render.GOALS_ID)


def on_thoughts(element, event):
    value = typed_text(element)
    if value is not None:
        apply(lambda s: state.set_thoughts(s, value), render.THOUGHTS_ID)


def on_compare(element, event):
    choice = str(element.value)
    apply(lambda s: state.set_comparison(data, s, choice))


def on_use_goals(element, event):
    apply(state.follow_checklist_goals, render.GOALS_ID)
    # The button hides itself: keep focus on what it changed.
    dom.focus(render.GOALS_ID)


# ---- buttons ---------------------------------------------------------------------


def on_print(element, event):
    dom.print_page()


def show_clear(confirming, focus_id):
    dom.by_id(render.CLEAR_AREA_ID).innerHTML = render.clear_html(data, confirming)
    dom.focus(focus_id)


def on_clear(element, event):
    show_clear(True, "ws-clear-yes")


def on_clear_no(element, event):
    show_clear(False, "ws-clear")


def on_clear_yes(element, event):
    cleared = store.clear()
    page["state"] = state.new_state(data)
    page["raw"] = None
    sync()
    show_clear(False, "ws-clear")
    say(words["cleared"] if cleared or not store.available() else words["not_cleared"])


def on_storage(event):
    """Another tab saved the worksheet, or the checklist's goals: show it here."""
    if event.key is None or str(event.key) in (store.key, checklist_goals.key):
        page["state"] = latest()
        sync()


def start(root):
    page["notice"] = dom.by_id("worksheet-notice")
    loaded, _, notice = store.load()
    page["state"], problems = saved.clean(loaded)
    page["raw"] = loaded
    messages = [storage.message_for(notice, store.kept_copy)] + problems
    say(" ".join(message for message in messages if message))
    dom.by_id(render.BODY_ID).innerHTML = render.form_html(
        data, page["state"], checklist_goals.read(), root.getAttribute("data-root")
    )
    dom.on(root, "input", {"answer": on_answer, "goals": on_goals, "thoughts": on_thoughts})
    dom.on(root, "change", {"compare": on_compare})
    dom.on(root, "click", {
        "use-checklist-goals": on_use_goals,
        "print": on_print,
        "clear": on_clear,
        "clear-no": on_clear_no,
        "clear-yes": on_clear_yes,
    })
    dom.on_window("storage", on_storage)


dom.boot(render.ROOT_ID, start)
