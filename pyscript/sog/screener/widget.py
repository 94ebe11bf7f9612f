"""The screener in the browser: DOM glue only.

Reads the answers, asks rules.evaluate, shows render.result_html and saves the
answers. Every decision lives in rules.py and the data file. As on the other
widgets, every change reads the newest saved answers, applies one change
(state.py) and saves the result (sog/session.py), and the storage event
keeps the page in step with another tab, so two open tabs never overwrite
each other's answers.
"""

from sog import dom
from sog.screener import render, rules, saved, state
from sog.session import Session

data = rules.load()
words = data["words"]
# The saved answers (sog/session.py), cleaned against the questions.
session = Session(saved, dom.local_storage(), state.new_state, dom.now_ms, lambda raw: saved.clean(raw, data))
# ask_again: questions to answer again after an update, until answered.
# opened: folds opened for printing, to fold again afterwards.
page = {"ask_again": [], "message": None, "opened": []}


def read_answers():
    answers = {}
    for question in data["questions"]:
        value = dom.checked_value(page["form"], question["id"])
        if value is not None:
            answers[question["id"]] = value
    return answers


def set_answers(answers):
    for question in data["questions"]:
        for value in rules.answer_values(data, question):
            box = dom.by_id(render.question_anchor(question["id"]) + "-" + value)
            box.checked = answers.get(question["id"]) == value


def show_notice():
    page["notice"].innerHTML = render.notice_html(data, page["message"], page["ask_again"])


def say(message):
    """The session's sentences (answers that could not be saved) in the notice,
    above the questions to answer again."""
    page["message"] = message or None
    show_notice()


def show_ask_again():
    """The questions still to answer again, as saved; the notice changes only
    when they do."""
    still = session.state.get("ask_again", [])
    if still != page["ask_again"]:
        page["ask_again"] = still
        show_notice()


def show_result(answers, move_focus):
    result = rules.evaluate(data, answers)
    page["result"].innerHTML = render.result_html(data, result, page["root"].getAttribute("data-root"))
    if move_focus:
        focus_result()


def focus_result():
    """Bring the result's top into view, not its last line (its
    scroll-margin keeps it clear of the site's header), then put focus on
    its heading without moving the page again."""
    page["result"].scrollIntoView(True)
    dom.focus(render.TITLE_ID)


def draw():
    """Show the saved answers, their banner and (if asked for) their result,
    as another tab left them."""
    answers = session.state["answers"]
    set_answers(answers)
    show_urgent(answers)
    if session.state["show_result"]:
        show_result(answers, False)
    else:
        page["result"].innerHTML = ""
    show_ask_again()


def apply(change):
    """Read the newest saved answers, apply one change and save; the whole
    form follows if another tab had changed them meanwhile. True if it was
    all drawn again."""
    session.apply(change)
    if session.take_stale():
        draw()
        return True
    show_ask_again()
    return False


def show_urgent(answers):
    """An answer that leads to an urgent level shows that level's banner at
    once, right where it was given; every other banner stays hidden."""
    shown = rules.urgent_level(data, answers)
    for level in data["levels"]:
        banner = dom.by_id(render.urgent_id(level["id"]))
        if banner:
            banner.hidden = level["id"] != shown


def on_change(element, event):
    if apply(lambda saved_state: state.answer(saved_state, str(element.name), str(element.value))):
        return
    answers = session.state["answers"]
    show_urgent(answers)
    if session.state["show_result"]:
        # Keep a visible result in step with the answers, without moving focus.
        show_result(answers, False)


def on_show(element, event):
    if apply(state.show_result):
        # Drawn again whole, as another tab had left the answers, the
        # result with them: only the focus is left to move.
        focus_result()
    else:
        show_result(session.state["answers"], True)


def draw_reset(confirming, focus_id):
    page["reset"].innerHTML = render.reset_html(data, confirming)
    dom.focus(focus_id)


def on_reset(element, event):
    """Start over asks first; the safe choice has the focus."""
    draw_reset(True, "screener-reset-no")


def on_reset_no(element, event):
    draw_reset(False, "screener-reset")


def on_reset_yes(element, event):
    page["message"] = words["cleared"] if session.clear() else words["not_cleared"]
    page["ask_again"] = []
    draw()
    show_notice()
    first = data["questions"][0]
    draw_reset(False, render.question_anchor(first["id"]) + "-" + rules.answer_values(data, first)[0])


def on_storage(event):
    """Another tab saved or cleared the answers."""
    if session.follows(event.key):
        session.latest()
        if session.take_stale():
            draw()


def on_before_print(event):
    """Paper shows every fold open (print.css does too, where the browser can)."""
    closed = dom.by_id(render.ROOT_ID).querySelectorAll("details:not([open])")
    page["opened"] = [closed.item(index) for index in range(int(closed.length))]
    guide = dom.by_id(render.GUIDE_ID)
    if guide and not guide.open:
        page["opened"].append(guide)
    for fold in page["opened"]:
        fold.setAttribute("open", "")


def on_after_print(event):
    for fold in page["opened"]:
        fold.removeAttribute("open")
    page["opened"] = []


def start(root):
    page["root"] = root
    page["form"] = dom.by_id("screener-form")
    page["result"] = dom.by_id("screener-result")
    page["notice"] = dom.by_id("screener-notice")
    page["reset"] = dom.by_id("screener-reset-area")
    session.speak = say
    # Answers given before Python started are the visitor's latest word.
    given = read_answers()
    page["message"] = " ".join(session.start()) or None
    for question_id in given:
        session.state = state.answer(session.state, question_id, given[question_id])
    page["ask_again"] = session.state.get("ask_again", [])
    show_notice()
    draw()
    if given:
        session.save()
    # The live result is what a visitor reads; the static guide below folds
    # away so that it is never taken for their own result.
    guide = dom.by_id(render.GUIDE_ID)
    if guide:
        guide.removeAttribute("open")
    dom.on(page["form"], "change", {"answer": on_change})
    dom.on(root, "click", {"show": on_show, "reset": on_reset, "reset-no": on_reset_no, "reset-yes": on_reset_yes})
    dom.on_window("storage", on_storage)
    dom.on_window("beforeprint", on_before_print)
    dom.on_window("afterprint", on_after_print)


dom.boot(render.ROOT_ID, start)
