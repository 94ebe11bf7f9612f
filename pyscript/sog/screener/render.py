"""HTML for the screener, drawn from its data file.

form_html runs at build time and puts the questions into the page itself, so
they read and print with JavaScript off. result_html runs in the browser. Both
are pure string builders with no browser imports.
"""

from sog import datafiles, shell
from sog.markup import escape, fill, link
from sog.screener import rules
from sog.screener.rules import find_level

ROOT_ID = "screener"


def _choice(question_id, answer):
    input_id = "q-" + question_id + "-" + answer["value"]
    return (
        '<label class="sog-choice" for="' + input_id + '">'
        '<input type="radio" id="' + input_id + '" name="' + question_id + '" value="'
        + escape(answer["value"]) + '" data-action="answer"> <span>' + escape(answer["label"]) + "</span></label>"
    )


def _question(data, question, number):
    qid = question["id"]
    hint = ""
    described = ""
    if question.get("hint"):
        hint_id = "q-" + qid + "-hint"
        hint = '<p class="sog-hint" id="' + hint_id + '">' + escape(question["hint"]) + "</p>"
        described = ' aria-describedby="' + hint_id + '"'
    choices = "".join(_choice(qid, answer) for answer in data["answers"])
    return (
        '<fieldset class="sog-question" id="q-' + qid + '"' + described + ">"
        '<legend><span class="sog-number">' + str(number) + ".</span> " + escape(question["text"]) + "</legend>"
        + hint + '<div class="sog-choices">' + choices + "</div></fieldset>"
    )


URGENT_ID = "screener-urgent"


def _urgent(data):
    """Shown the moment someone says it is an emergency, before anything else."""
    level = find_level(data, "emergency")
    return (
        '<div class="sog-urgent" id="' + URGENT_ID + '" role="alert" hidden><p><strong>'
        + escape(level["title"]) + ".</strong> " + escape(level["summary"]) + "</p></div>"
    )


def form_html(data, root):
    """The whole widget as it stands before (or without) Python."""
    words = data["words"]
    parts = []
    for index, question in enumerate(data["questions"]):
        parts.append(_question(data, question, index + 1))
        if "emergency" in question["leads_to"].values():
            parts.append(_urgent(data))
    questions = "".join(parts)
    return (
        shell.open_root(ROOT_ID, root, "#screener-guide", words["fallback_link"])
        + '<noscript><p class="sog-notice">' + escape(words["noscript"]) + "</p></noscript>"
        '<div class="sog-notice" id="screener-notice" role="status"></div>'
        # A div, not a form: with JavaScript off, Enter in a form would submit
        # the answers to the web server in the address. Nothing here can.
        '<div class="sog-form" id="screener-form">'
        + questions
        # Shown once Python is ready, in room kept for them (shell.NEEDS_PYTHON).
        + '<div class="sog-actions ' + shell.NEEDS_PYTHON + '" id="screener-actions">'
        '<button type="button" class="md-button md-button--primary" id="screener-show" data-action="show">'
        + escape(words["show"]) + "</button> "
        '<button type="button" class="md-button" id="screener-reset" data-action="reset">'
        + escape(words["reset"]) + "</button>"
        "</div></div>"
        '<div class="sog-result" id="screener-result" aria-live="polite"></div>'
        "</div>"
    )


def _level_rule(data, level, root):
    """One level of the static guide: the answers that lead to it."""
    items = []
    for question in data["questions"]:
        for answer in data["answers"]:
            if question["leads_to"].get(answer["value"]) == level["id"]:
                items.append(
                    "<li>" + escape(answer["label"]) + ": " + escape(question["text"]) + "</li>"
                )
    if items:
        rule = "<p>" + escape(data["words"]["guide_answered"]) + "</p><ul>" + "".join(items) + "</ul>"
    else:
        rule = "<p>" + escape(data["words"]["guide_none"]) + "</p>"
    return (
        '<section class="sog-rule" aria-labelledby="rule-' + level["id"] + '">'
        '<h3 id="rule-' + level["id"] + '">' + escape(level["title"]) + "</h3>"
        + rule + "<p>" + escape(level["summary"]) + "</p>" + _steps(level, root) + "</section>"
    )


def guide_html(data, root):
    """How answers become a result, in words: the no-JavaScript version."""
    levels = "".join(_level_rule(data, level, root) for level in data["levels"])
    notes = "".join(
        "<li>" + _note_text(data, note, root) + "</li>" for note in data["notes"]
    )
    words = data["words"]
    return (
        '<div class="sog-guide" id="screener-guide">'
        "<p>" + escape(words["guide_intro"]) + "</p>"
        + levels
        + "<h3>" + escape(words["guide_notes"]) + "</h3><ul>" + notes + "</ul></div>"
    )


def _steps(level, root):
    steps = "".join("<li>" + link(root, step["href"], step["text"]) + "</li>" for step in level["next_steps"])
    return '<ul class="sog-steps">' + steps + "</ul>"


def _note_text(data, note, root):
    words = data["words"]
    text = escape(note["text"])
    if note.get("source"):
        text += ' <span class="sog-source">' + escape(fill(words["source"], {"source": note["source"]})) + "</span>"
    if note.get("href"):
        text += " " + link(root, note["href"], words["read_more"])
    return text


def result_html(data, result, root):
    """The result panel for one evaluation, with reasons and next steps."""
    words = data["words"]
    level = find_level(data, result["level"])
    parts = [
        '<div class="sog-result-box sog-level-' + level["id"] + '">'
        '<h2 id="screener-result-title" tabindex="-1">'
        + escape(fill(words["result_title"], {"title": level["title"]})) + "</h2>"
        "<p>" + escape(level["summary"]) + "</p>"
    ]
    if result["reasons"]:
        parts.append("<h3>" + escape(words["why"]) + "</h3><ul>")
        for reason in result["reasons"]:
            parts.append("<li>" + escape(reason["text"]) + "</li>")
        parts.append("</ul>")
    notes = [note for note in data["notes"] if note["id"] in result["notes"]]
    if notes:
        parts.append("<h3>" + escape(words["good_to_know"]) + "</h3><ul>")
        for note in notes:
            parts.append("<li>" + _note_text(data, note, root) + "</li>")
        parts.append("</ul>")
    parts.append("<h3>" + escape(words["next"]) + "</h3>" + _steps(level, root))
    blank = len(result["unanswered"])
    if blank and level["id"] != "emergency":
        sentence = words["blank_one"] if blank == 1 else fill(words["blank_many"], {"n": blank})
        parts.append('<p class="sog-small">' + escape(sentence) + "</p>")
    parts.append('<p class="sog-small">' + escape(datafiles.load("words.json")["not_advice"]) + "</p></div>")
    return "".join(parts)


def static_form(root):
    """Marker widget:screener, at build time: the questions, ready to answer."""
    return form_html(rules.load_data(), root)


def static_guide(root):
    """Marker widget:screener-guide, at build time: how answers become a result."""
    return guide_html(rules.load_data(), root)
