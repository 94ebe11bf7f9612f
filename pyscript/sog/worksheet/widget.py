"""The worksheet in the browser: DOM glue only.

Every change reads the latest saved worksheet, applies one change from
state.py and saves the result, so two open tabs never overwrite each other's
newer work; the storage event keeps the other tab in step. Typing never
redraws: a field gets new text only when the saved text differs from what it
holds (another tab changed it), so the cursor stays where it is. Decisions
live in state.py, markup in render.py, sentences in worksheet.json.
"""

from sog import dom
from sog import text as text_policy
from sog.session import Session
from sog.worksheet import render, saved, sheet, state
from sog.worksheet.goals import ChecklistGoals

backend = dom.local_storage()
data = sheet.load()
words = data["words"]
# The saved worksheet (sog/session.py): every change reads the newest copy.
session = Session(saved, backend, lambda: state.new_state(data), dom.now_ms)
checklist_goals = ChecklistGoals(backend)


def sync(changed=None):
    """Show session.state. changed: the ids of the only fields that can
    differ (this tab's own change); None, or another tab's change, checks
    every field."""
    every = session.take_stale() or changed is None
    current = session.state
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
    session.apply(change)
    sync(changed)


# ---- typing and choosing -------------------------------------------------------


def on_answer(element, event):
    value = session.typed(str(element.value))
    if value is not None:
        doctor = str(element.getAttribute("data-doctor"))
        row = str(element.getAttribute("data-row"))
        apply(lambda s: state.set_answer(data, s, doctor, row, value), str(element.id))


def on_goals(element, event):
    value = session.typed(str(element.value))
    if value is not None:
        apply(lambda s: state.set_goals(s, value), render.GOALS_ID)


def on_thoughts(element, event):
    value = session.typed(str(element.value))
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
    cleared = session.clear()
    sync()
    show_clear(False, "ws-clear")
    session.say(words["cleared"] if cleared else words["not_cleared"])


def on_storage(event):
    """Another tab saved the worksheet, or the checklist's goals: show it here."""
    if session.follows(event.key, checklist_goals.key):
        session.latest()
        sync()


def start(root):
    notice = dom.by_id("worksheet-notice")
    session.speak = lambda text: dom.say(notice, text)
    session.say(" ".join(session.start()))
    dom.by_id(render.BODY_ID).innerHTML = render.form_html(
        data, session.state, checklist_goals.read(), root.getAttribute("data-root")
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
