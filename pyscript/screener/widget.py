"""The screener in the browser: DOM glue only.

Reads the answers, asks rules.evaluate, shows render.result_html and saves the
answers. Every decision lives in rules.py and the data file.
"""

from pyscript import when

import dom
import storage
from screener import render, rules, saved

DATA_PATH = "screener/questions.json"

data = rules.load_data(DATA_PATH)
root = dom.by_id(render.ROOT_ID)
form = dom.by_id("screener-form")
result_box = dom.by_id("screener-result")
notice_box = dom.by_id("screener-notice")
store = saved.open_store(dom.local_storage())


def read_answers():
    answers = {}
    for question in data["questions"]:
        value = dom.checked_value(form, question["id"])
        if value is not None:
            answers[question["id"]] = value
    return answers


def set_answers(answers):
    for question in data["questions"]:
        for value in rules.answer_values(data):
            box = dom.by_id("q-" + question["id"] + "-" + value)
            box.checked = answers.get(question["id"]) == value


def show_result(answers, move_focus):
    result = rules.evaluate(data, answers)
    result_box.innerHTML = render.result_html(data, result, root.getAttribute("data-root"))
    if move_focus:
        dom.by_id("screener-result-title").focus()


def save(show):
    store.save(saved.to_saved(read_answers(), show), dom.now_ms())


def show_urgent(answers):
    """An emergency answer gets the 911 message at once, right where it was given."""
    emergency = any(
        question["leads_to"].get(answers.get(question["id"])) == "emergency" for question in data["questions"]
    )
    dom.by_id(render.URGENT_ID).hidden = not emergency


@when("change", "#screener-form")
def on_change(event):
    show_urgent(read_answers())
    showing = bool(result_box.innerHTML)
    if showing:
        # Keep a visible result in step with the answers, without moving focus.
        show_result(read_answers(), False)
    save(showing)


@when("click", "#screener-show")
def on_show(event):
    show_result(read_answers(), True)
    save(True)


@when("click", "#screener-reset")
def on_reset(event):
    set_answers({})
    show_urgent({})
    result_box.innerHTML = ""
    cleared = store.clear()
    message = "Your answers were cleared." if cleared or not store.available() else ""
    dom.say(notice_box, message)
    dom.by_id("q-" + data["questions"][0]["id"] + "-yes").focus()


def start():
    loaded, _, notice = store.load()
    answers, show, dropped = saved.from_saved(data, loaded)
    message = storage.message_for(notice, store.kept_copy)
    if dropped and not message:
        message = "Some saved answers no longer match these questions, so we left them out."
    dom.say(notice_box, message)
    set_answers(answers)
    show_urgent(answers)
    if show:
        show_result(answers, False)
    dom.by_id("screener-actions").hidden = False
    dom.mark_ready(root)


start()
