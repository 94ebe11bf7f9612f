"""The screener in the browser: DOM glue only.

Reads the answers, asks rules.evaluate, shows render.result_html and saves the
answers. Every decision lives in rules.py and the data file.
"""

from sog import dom, storage
from sog.screener import render, rules, saved

data = rules.load_data()
words = data["words"]
store = saved.open_store(dom.local_storage())
page = {}


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


def show_result(answers, move_focus):
    result = rules.evaluate(data, answers)
    page["result"].innerHTML = render.result_html(data, result, page["root"].getAttribute("data-root"))
    if move_focus:
        dom.focus("screener-result-title")


def save(show):
    store.save(saved.to_saved(read_answers(), show), dom.now_ms())


def show_urgent(answers):
    """An answer that leads to an urgent level shows that level's banner at
    once, right where it was given; every other banner stays hidden."""
    shown = rules.urgent_level(data, answers)
    for level in data["levels"]:
        banner = dom.by_id(render.urgent_id(level["id"]))
        if banner:
            banner.hidden = level["id"] != shown


def on_change(element, event):
    answers = read_answers()
    show_urgent(answers)
    showing = bool(page["result"].innerHTML)
    if showing:
        # Keep a visible result in step with the answers, without moving focus.
        show_result(answers, False)
    save(showing)


def on_show(element, event):
    show_result(read_answers(), True)
    save(True)


def on_reset(element, event):
    set_answers({})
    show_urgent({})
    page["result"].innerHTML = ""
    cleared = store.clear()
    dom.say(page["notice"], words["cleared"] if cleared or not store.available() else "")
    first = data["questions"][0]
    dom.focus(render.question_anchor(first["id"]) + "-" + rules.answer_values(data, first)[0])


def start(root):
    page["root"] = root
    page["form"] = dom.by_id("screener-form")
    page["result"] = dom.by_id("screener-result")
    page["notice"] = dom.by_id("screener-notice")
    # Answers given before Python started are the visitor's latest word.
    given = read_answers()
    loaded, _, notice = store.load()
    answers, show, dropped = saved.from_saved(data, loaded)
    message = storage.message_for(notice, store.kept_copy)
    if dropped and not message:
        message = words["dropped"]
    dom.say(page["notice"], message)
    for question_id in given:
        answers[question_id] = given[question_id]
    set_answers(answers)
    show_urgent(answers)
    if show:
        show_result(answers, False)
    if given:
        save(show)
    dom.on(page["form"], "change", {"answer": on_change})
    dom.on(root, "click", {"show": on_show, "reset": on_reset})
    dom.by_id("screener-actions").hidden = False


dom.boot(render.ROOT_ID, start)
