"""HTML for the screener, drawn from its data file.

form_html runs at build time and puts the questions into the page itself, so
they read and print with JavaScript off. result_html runs in the browser. Both
are pure string builders with no browser imports.
"""

from markup import escape, link
from screener.rules import find_level

ROOT_ID = "screener"


def _choice(question_id, answer):
    input_id = "q-" + question_id + "-" + answer["value"]
    return (
        '<label class="sog-choice" for="' + input_id + '">'
        '<input type="radio" id="' + input_id + '" name="' + question_id + '" value="'
        + escape(answer["value"]) + '"> <span>' + escape(answer["label"]) + "</span></label>"
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
    parts = []
    for index, question in enumerate(data["questions"]):
        parts.append(_question(data, question, index + 1))
        if "emergency" in question["leads_to"].values():
            parts.append(_urgent(data))
    questions = "".join(parts)
    return (
        '<div class="sog-widget" id="' + ROOT_ID + '" data-widget="screener" data-state="static"'
        ' data-root="' + escape(root) + '"'
        ' data-fallback-href="#screener-guide" data-fallback-text="Go to the plain version: how your answers are read.">'
        "<noscript><p class=\"sog-notice\">The instant result needs JavaScript, which is off. "
        "You can still answer the questions, on screen or on paper, and read how your answers "
        "are read further down this page.</p></noscript>"
        '<p class="sog-status" id="screener-status" role="status" hidden></p>'
        '<div class="sog-notice" id="screener-notice" role="status"></div>'
        # A div, not a form: with JavaScript off, Enter in a form would submit
        # the answers to the web server in the address. Nothing here can.
        '<div class="sog-form" id="screener-form">'
        + questions
        + '<div class="sog-actions" id="screener-actions" hidden>'
        '<button type="button" class="md-button md-button--primary" id="screener-show">Show my result</button> '
        '<button type="button" class="md-button" id="screener-reset">Start over</button>'
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
        rule = "<p>You answered:</p><ul>" + "".join(items) + "</ul>"
    else:
        rule = "<p>None of your answers above leads to another result.</p>"
    return (
        '<section class="sog-rule" aria-labelledby="rule-' + level["id"] + '">'
        '<h3 id="rule-' + level["id"] + '">' + escape(level["title"]) + "</h3>"
        + rule + "<p>" + escape(level["summary"]) + "</p>" + _steps(level, root) + "</section>"
    )


def guide_html(data, root):
    """How answers become a result, in words: the no-JavaScript version."""
    levels = "".join(_level_rule(data, level, root) for level in data["levels"])
    notes = "".join(
        "<li>" + _note_text(note, root) + "</li>" for note in data["notes"]
    )
    return (
        '<div class="sog-guide" id="screener-guide">'
        "<p>Read the results from the top. The first one that fits your answers is yours.</p>"
        + levels
        + "<h3>Also worth knowing</h3><ul>" + notes + "</ul></div>"
    )


def _steps(level, root):
    steps = "".join("<li>" + link(root, step["href"], step["text"]) + "</li>" for step in level["next_steps"])
    return '<ul class="sog-steps">' + steps + "</ul>"


def _note_text(note, root):
    text = escape(note["text"])
    if note.get("source"):
        text += ' <span class="sog-source">(Source: ' + escape(note["source"]) + ")</span>"
    if note.get("href"):
        text += " " + link(root, note["href"], "Read more")
    return text


def result_html(data, result, root):
    """The result panel for one evaluation, with reasons and next steps."""
    level = find_level(data, result["level"])
    parts = [
        '<div class="sog-result-box sog-level-' + level["id"] + '">'
        '<h2 id="screener-result-title" tabindex="-1">Your result: ' + escape(level["title"]) + "</h2>"
        "<p>" + escape(level["summary"]) + "</p>"
    ]
    if result["reasons"]:
        parts.append("<h3>Why</h3><ul>")
        for reason in result["reasons"]:
            parts.append("<li>" + escape(reason["text"]) + "</li>")
        parts.append("</ul>")
    notes = [note for note in data["notes"] if note["id"] in result["notes"]]
    if notes:
        parts.append("<h3>Good to know</h3><ul>")
        for note in notes:
            parts.append("<li>" + _note_text(note, root) + "</li>")
        parts.append("</ul>")
    parts.append("<h3>What to do next</h3>" + _steps(level, root))
    if result["unanswered"] and level["id"] != "emergency":
        parts.append(
            '<p class="sog-small">You left ' + str(len(result["unanswered"]))
            + " question(s) blank. That is fine. Answer them any time to update your result.</p>"
        )
    parts.append(
        '<p class="sog-small">This is general information, not medical advice. '
        "Talk with your doctor about your own situation. "
        "If this is an emergency, call 911 or go to the ER. A second opinion should never delay urgent care.</p></div>"
    )
    return "".join(parts)
