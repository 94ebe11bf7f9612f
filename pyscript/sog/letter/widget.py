"""The letter in the browser: DOM glue only.

As on the checklist, every change reads the latest saved letter, applies one
change from state.py and saves the result, so two open tabs never overwrite
each other's newer work; the storage event keeps the other tab in step, and
follows the checklist and the screener, which fill in and tailor the form.
Typing never redraws the form under the cursor: only the letter below it is
drawn again. Decisions live in state.py and view.py, markup in render_*.py,
sentences in letter.json.
"""

from sog import dom, language
from sog import text as text_policy
from sog.letter import render, render_form, render_letter, saved, state, view
from sog.letter.sources import Sources
from sog.markup import fill
from sog.screener import ask_again
from sog.session import Session

sources = Sources(dom.local_storage())
data = sources.data
checklist_data = sources.checklist_data
words = data["words"]
# The saved letter (sog/session.py): every change reads the newest copy.
session = Session(saved, sources.backend, state.new_state, dom.now_ms)
page = {"confirming": False, "offered": None, "slides": False, "auth": False,
        "print_other": False}
# On a page in another language than the letter's: the words for showing the
# letter in both (None on an English page).
alongside = view.alongside_words()


def today():
    """Today's date in this browser, as a date field holds it."""
    return view.iso_date(*dom.today())


def announce(message):
    """A short, polite word for screen readers; the letter itself is not read out."""
    dom.say(page["status"], message)


def current_values():
    return view.values(session.state, sources.checklist(), today())


def offered():
    return view.offered_records(checklist_data, sources.checklist(), sources.answers(), session.state["records"])


def sheets_in(code, values):
    """(letter view, its sheets) with the letter in language code."""
    return view.in_language(code, lambda letter_data, checklist: _sheets(letter_data, checklist, values))


def _sheets(letter_data, checklist, values):
    shown = view.letter_view(letter_data, checklist, session.state, values)
    return shown, render_letter.sheets_html(letter_data, shown)


def draw_letter(values):
    """Draw the letter again (in the language it prints in, and on a page in
    another language, in the other too while it is unfolded), and show the
    form parts its choices need."""
    printed = language.current() if page["print_other"] else view.LETTER_LANGUAGE
    shown, sheets = sheets_in(printed, values)
    dom.by_id(render_form.PAPER_ID).innerHTML = sheets
    if alongside and other_paper().parentElement.open:
        draw_other(values)
    elif alongside:
        # A closed fold keeps no old copy (a print language switched since,
        # or find-in-page opening it without a click).
        other_paper().innerHTML = ""
    dom.by_id(render_form.ME_ID).hidden = "me" not in session.state["send_to"]
    dom.by_id(render_form.DOCTOR_ID).hidden = "doctor" not in session.state["send_to"]
    dom.by_id(render_form.SLIDES_ID).hidden = not shown["specimens"]
    page["slides"] = bool(shown["specimens"])
    page["auth"] = view.with_authorization(shown)
    return shown


def other_paper():
    """Where the letter in the other language goes, in its fold."""
    return dom.by_id(render_form.OTHER_PAPER_ID)


def draw_other(values):
    """Draw the letter in the language it does not print in, in its fold.
    Only while the fold is open (or opening): a start draws one letter, not
    two."""
    other = view.LETTER_LANGUAGE if page["print_other"] else language.current()
    other_paper().innerHTML = render_letter.renamed(sheets_in(other, values)[1], "other-")


def on_other_letter(element, event):
    """The fold with the letter in the other language is about to open: draw
    it (a click comes before the fold opens)."""
    if not element.parentElement.open:
        draw_other(current_values())


def draw_all(*focus_ids):
    """Draw the form, buttons and letter afresh (at start and after clearing)."""
    page["offered"] = offered()
    values = current_values()
    page["body"].innerHTML = render_form.body_html(
        data, checklist_data, session.state, values, page["offered"], "", page["confirming"], alongside,
        page["print_other"]
    )
    draw_letter(values)
    dom.focus(*focus_ids)


def draw_records(first_and_more):
    """Redraw the record choices (the checklist or screener changed in another
    tab), keeping "More kinds of records" open and focus where it was."""
    part = dom.by_id(render_form.RECORDS_ID)
    details = part.querySelector("details")
    was_open = bool(details and details.open)
    active = dom.document.activeElement
    keep = str(active.id) if active and active.id and part.contains(active) else ""
    part.innerHTML = render_form.records_html(
        data, checklist_data, first_and_more[0], first_and_more[1], session.state["records"]
    )
    details = part.querySelector("details")
    if was_open and details:
        details.open = True
    dom.focus(keep)


def sync():
    """Bring the form in step with the saved letter and the checklist, in
    place: only fields whose text differs change, so the one being typed in
    keeps its cursor."""
    values = current_values()
    for field in state.FIELDS:
        box = dom.by_id(render_form.field_id(field))
        if box and text_policy.tidy(str(box.value), state.limit(field)) != values[field]:
            box.value = values[field]
    now_offered = offered()
    if now_offered != page["offered"]:
        page["offered"] = now_offered
        draw_records(now_offered)
    boxes = page["body"].querySelectorAll("[data-action=choice]")
    for index in range(boxes.length):
        box = boxes.item(index)
        group = str(box.getAttribute("data-group"))
        box.checked = str(box.getAttribute("data-id")) in session.state[group]
    return draw_letter(values)


def apply(change):
    """Read the latest, change it, save it, and draw the letter again (and
    the form too, if another tab had changed the letter meanwhile)."""
    session.apply(change)
    if session.take_stale():
        return sync()
    return draw_letter(current_values())


# ---- typing and ticking --------------------------------------------------------


def on_field(element, event):
    """Save typed text as it is typed; the letter follows."""
    value = session.typed(str(element.value))
    if value is None:
        return
    field = str(element.getAttribute("data-id"))
    apply(lambda s: state.set_field(s, field, value))


def on_choice(element, event):
    group = str(element.getAttribute("data-group"))
    choice = str(element.getAttribute("data-id"))
    had_slides = page["slides"]
    had_auth = page["auth"]
    shown = apply(lambda s: state.set_choice(checklist_data, s, group, choice, bool(element.checked)))
    if page["auth"] != had_auth:
        announce(words["auth_added"] if page["auth"] else words["auth_removed"])
        return
    if group != "records":
        return
    if bool(shown["specimens"]) != had_slides:
        announce(words["slides_added"] if shown["specimens"] else words["slides_removed"])
        return
    count = len([item_id for item_id in session.state["records"] if item_id not in data["specimens"]])
    if count:
        announce(fill(words["records_count"][0 if count == 1 else 1], {"n": count}))
    else:
        announce(words["no_records"])


# ---- buttons -------------------------------------------------------------------


def on_print(element, event):
    dom.print_page()


def on_print_language(element, event):
    """Print the letter in the page's language, or in the letter's own."""
    page["print_other"] = bool(element.checked)
    dom.show_text(dom.by_id(render_form.OTHER_SUMMARY_ID),
                  alongside["summary_letter"] if page["print_other"] else alongside["summary"])
    draw_letter(current_values())
    announce(alongside["printing_other"] if page["print_other"] else alongside["printing_letter"])


def draw_clear(focus_id):
    dom.by_id(render_form.CLEAR_ID).innerHTML = render_form.clear_html(words, page["confirming"])
    dom.focus(focus_id)


def on_clear(element, event):
    page["confirming"] = True
    draw_clear("letter-clear-yes")


def on_clear_no(element, event):
    page["confirming"] = False
    draw_clear("letter-clear")


def on_clear_yes(element, event):
    page["confirming"] = False
    cleared = session.clear()
    draw_all("letter-clear")
    session.say(words["cleared"] if cleared else words["not_cleared"])


def show_ask_again():
    """Say whether screener answers wait to be answered again (the records
    offered may miss what they call for); on screen only: print.css keeps
    every notice off the letter the office reads. Drawn only when it changes,
    so screen readers hear it once, not at every change in another tab."""
    dom.put_html(render.ASK_AGAIN_ID, ask_again.notice_for(sources, words, page["root"]), page)


def on_storage(event):
    """Another tab saved the letter, the checklist or the screener's answers."""
    if session.follows(event.key, sources.checklist_store.key, sources.screener_store.key):
        session.latest()
        session.take_stale()
        sync()
        show_ask_again()


def start(root):
    page["root"] = root.getAttribute("data-root")
    page["body"] = dom.by_id("letter-body")
    page["status"] = dom.by_id("letter-announce")
    notice = dom.by_id("letter-notice")
    session.speak = lambda text: dom.say(notice, text)
    session.say(" ".join(session.start()))
    show_ask_again()
    draw_all()
    dom.on(root, "click", {"print": on_print, "clear": on_clear, "clear-no": on_clear_no,
                           "clear-yes": on_clear_yes, "other-letter": on_other_letter})
    dom.on(root, "input", {"field": on_field})
    dom.on(root, "change", {"choice": on_choice, "print-language": on_print_language})
    dom.on_window("storage", on_storage)


dom.boot(render.ROOT_ID, start)
