"""HTML for the screener, drawn from its data file.

form_html and guide_html run at build time and put the questions, and how
answers are read, into the page itself, so they read and print with
JavaScript off. result_html, reset_html and notice_html run in the browser.
All are pure string builders with no browser imports. Every sentence comes
from the data; every link says where it goes (pages.json titles).

A result puts first things first: its headline, one sentence and at most
three numbered steps (with the checklist's button), then "Why" and "Good to
know" folded away, then what to do if things get worse.
"""

from sog import datafiles, pages, shell
from sog.markup import escape, fill
from sog.screener import rules
from sog.screener.rules import find_level, is_urgent

ROOT_ID = "screener"
URGENT_PREFIX = "screener-urgent-"
TITLE_ID = "screener-result-title"
ASK_FIRST_ID = "screener-ask-first"
GUIDE_ID = "screener-guide"
CHECKLIST_HREF = "checklist/"


def question_anchor(question_id):
    """The element id of a question's fieldset."""
    return "q-" + question_id


def urgent_id(level_id):
    """The element id of an urgent level's banner."""
    return URGENT_PREFIX + level_id


def _choice(anchor, name, answer):
    """One answer's radio; anchor and name: its question's fieldset id and
    radio group name, escaped."""
    value = escape(answer["value"])
    input_id = anchor + "-" + value
    return (
        '<label class="sog-choice" for="' + input_id + '"><input type="radio" id="' + input_id + '" name="' + name
        + '" value="' + value + '" data-action="answer"> <span>' + escape(answer["label"]) + "</span></label>"
    )


def _hint(data, question, anchor):
    """A question's hint, with the sources of what it states, or ""; anchor:
    its question's fieldset id, escaped."""
    text = escape(question["hint"])
    if question.get("source"):
        text += ' <span class="sog-source">' + escape(
            fill(data["words"]["hint_source"], {"source": question["source"]})) + "</span>"
    return '<p class="sog-hint" id="' + anchor + '-hint">' + text + "</p>"


def _question(data, question, number):
    # The ids escaped once (a call costs in MicroPython); every attribute is built from them.
    anchor = escape(question_anchor(question["id"]))
    name = escape(question["id"])
    hint = ""
    described = ""
    if question.get("hint"):
        hint = _hint(data, question, anchor)
        described = ' aria-describedby="' + anchor + '-hint"'
    choices = "".join(_choice(anchor, name, answer) for answer in rules.answers_for(data, question))
    return (
        '<fieldset class="sog-question" id="' + anchor + '"' + described + ">"
        '<legend><span class="sog-number">' + str(number) + ".</span> " + escape(question["text"]) + "</legend>"
        + hint + '<div class="sog-choices">' + choices + "</div></fieldset>"
    )


def _urgent(level):
    """An urgent level's banner, hidden until an answer leads to it; then
    shown at once, right where the answer was given, before anything else."""
    return (
        '<div class="sog-urgent" id="' + escape(urgent_id(level["id"])) + '" role="alert" hidden><p><strong>'
        + escape(level["title"]) + ".</strong> " + escape(level["summary"]) + "</p></div>"
    )


def _button(action, element_id, text, primary=False):
    css = "md-button md-button--primary" if primary else "md-button"
    return (
        '<button type="button" class="' + css + '" id="' + escape(element_id) + '" data-action="' + escape(action)
        + '">' + escape(text) + "</button>"
    )


def reset_html(data, confirming):
    """"Start over", or, once pressed, the question whether to clear every
    answer, with Yes and No: nothing is lost in one tap."""
    words = data["words"]
    if not confirming:
        return _button("reset", "screener-reset", words["reset"])
    return (
        '<div class="sog-confirm" role="group" aria-labelledby="screener-reset-text">'
        '<p id="screener-reset-text"><strong>' + escape(words["reset_question"]) + "</strong> "
        + escape(words["reset_warning"]) + "</p>"
        + _button("reset-yes", "screener-reset-yes", words["reset_yes"], primary=True) + " "
        + _button("reset-no", "screener-reset-no", words["reset_no"]) + "</div>"
    )


def form_html(data, root):
    """The whole widget as it stands before (or without) Python."""
    words = data["words"]
    parts = []
    placed = []
    for index, question in enumerate(data["questions"]):
        parts.append(_question(data, question, index + 1))
        # Each urgent level's banner goes after the first question that can lead to it.
        for level_id in question["leads_to"].values():
            if level_id not in placed and is_urgent(data, level_id):
                placed.append(level_id)
                parts.append(_urgent(find_level(data, level_id)))
    questions = "".join(parts)
    return (
        shell.open_root(ROOT_ID, root, "#" + GUIDE_ID, words["fallback_link"])
        + '<noscript><p class="sog-notice">' + escape(words["noscript"]) + "</p></noscript>"
        '<div class="sog-notice" id="screener-notice" role="status"></div>'
        # A div, not a form: with JavaScript off, Enter in a form would submit
        # the answers to the web server in the address. Nothing here can.
        '<div class="sog-form" id="screener-form">'
        '<p class="sog-count">' + escape(fill(words["count"], {"n": len(data["questions"])})) + "</p>"
        + questions
        # Shown once Python is ready, in room kept for them (shell.NEEDS_PYTHON).
        + '<div class="sog-actions ' + shell.NEEDS_PYTHON + '" id="screener-actions">'
        + _button("show", "screener-show", words["show"], primary=True)
        + "</div></div>"
        '<div class="sog-result" id="screener-result" aria-live="polite"></div>'
        # Apart from "Show my result", after the result: clearing is never
        # the next thing to press by mistake.
        '<div class="sog-actions sog-start-over ' + shell.NEEDS_PYTHON + '" id="screener-reset-area">'
        + reset_html(data, False) + "</div>"
        "</div>"
    )


def _level_rule(data, level, root):
    """One level of the static guide: the answers that lead to it."""
    items = []
    for question in data["questions"]:
        for answer in rules.answers_for(data, question):
            if question["leads_to"].get(answer["value"]) == level["id"]:
                items.append(
                    "<li>" + escape(answer["label"]) + ": " + escape(question["text"]) + "</li>"
                )
    if items:
        rule = "<p>" + escape(data["words"]["guide_answered"]) + "</p><ul>" + "".join(items) + "</ul>"
    else:
        rule = "<p>" + escape(data["words"]["guide_none"]) + "</p>"
    css = "sog-rule sog-rule--urgent" if is_urgent(data, level["id"]) else "sog-rule"
    heading_id = "rule-" + escape(level["id"])
    return (
        '<section class="' + css + '" aria-labelledby="' + heading_id + '">'
        '<h3 id="' + heading_id + '">' + escape(level["title"]) + "</h3>"
        + rule + "<p>" + escape(level["summary"]) + "</p>" + _steps(data, level, root) + "</section>"
    )


def _safety(data, heading):
    """What to do if things get worse: the last word of every result and of the guide."""
    words = data["words"]
    return (
        '<div class="sog-safety"><' + heading + ">" + escape(words["safety_title"]) + "</" + heading + ">"
        "<p>" + escape(words["safety"]) + "</p></div>"
    )


def guide_html(data, root):
    """How answers become a result, in words: the no-JavaScript version, and
    the paper one. Built open; the live widget folds it away, since its own
    result is what a visitor reads (print.css shows it whole on paper)."""
    words = data["words"]
    levels = "".join(_level_rule(data, level, root) for level in data["levels"])
    blank = (
        '<section class="sog-rule" aria-labelledby="rule-blank"><h3 id="rule-blank">'
        + escape(words["guide_blank_title"]) + "</h3><p>" + escape(words["guide_blank"]) + "</p></section>"
    )
    notes = "".join("<li>" + _note_text(data, note, root) + "</li>" for note in data["notes"])
    return (
        '<details class="sog-fold sog-guide" id="' + GUIDE_ID + '" open>'
        "<summary>" + escape(words["guide_summary"]) + "</summary>"
        "<p>" + escape(words["guide_intro"]) + "</p>"
        + levels + blank
        + "<h3>" + escape(words["guide_notes"]) + "</h3><ul>" + notes + "</ul>"
        + _safety(data, "h3") + "</details>"
    )


def _read_more(data, href, root):
    """A link named by the page it leads to, or nothing for no href."""
    if not href:
        return ""
    return " " + pages.titled_link(root, href, data["words"]["read_more"])


def _steps(data, level, root):
    steps = []
    for step in level["next_steps"]:
        lead = "<strong>" + escape(step["title"]) + "</strong> " if step.get("title") else ""
        steps.append("<li>" + lead + escape(step["text"]) + _read_more(data, step["href"], root) + "</li>")
    return '<ol class="sog-steps">' + "".join(steps) + "</ol>"


def _note_text(data, note, root):
    words = data["words"]
    text = escape(note["text"])
    if note.get("source"):
        text += ' <span class="sog-source">' + escape(fill(words["source"], {"source": note["source"]})) + "</span>"
    return text + _read_more(data, note.get("href"), root)


def _not_advice():
    return '<p class="sog-small">' + escape(datafiles.load("words.json")["not_advice"]) + "</p>"


def _question_links(data, question_ids):
    """Questions as links to them, numbered as on the page."""
    words = data["words"]
    links = []
    for index, question in enumerate(data["questions"]):
        if question["id"] in question_ids:
            text = fill(words["missing_question"], {"n": index + 1, "text": question["text"]})
            links.append('<li><a href="#' + escape(question_anchor(question["id"])) + '">' + escape(text) + "</a></li>")
    return '<ul class="sog-missing">' + "".join(links) + "</ul>"


def _no_verdict(data, result):
    """Too few answers for any result: which questions to answer, as links to them."""
    words = data["words"]
    return (
        '<div class="sog-result-box sog-result-none">'
        '<h2 id="' + TITLE_ID + '" tabindex="-1">' + escape(words["no_verdict_title"]) + "</h2>"
        "<p>" + escape(words["no_verdict"]) + "</p>" + _question_links(data, result["missing"])
        + _not_advice() + _safety(data, "h3") + "</div>"
    )


def _ask_first(data, question_ids):
    """Above a result given with a "get care now" question blank: answer it
    first. A link takes the visitor to it."""
    parts = []
    for index, question in enumerate(data["questions"]):
        if question["id"] in question_ids:
            parts.append(
                "<p><strong>" + escape(fill(data["words"]["ask_first"], {"n": index + 1})) + "</strong> "
                '<a href="#' + escape(question_anchor(question["id"])) + '">' + escape(question["text"]) + "</a></p>"
            )
    return '<div class="sog-ask-first" id="' + ASK_FIRST_ID + '">' + "".join(parts) + "</div>"


def _fold(title, body):
    """A part of the result folded away under its title (details/summary:
    a button for the keyboard and screen readers alike)."""
    return '<details class="sog-fold"><summary>' + escape(title) + "</summary>" + body + "</details>"


def _why(data, result, urgent):
    """The reasons for a result, and, but for urgent results, how many
    questions are blank; "" when there is neither."""
    words = data["words"]
    body = ""
    if result["reasons"]:
        body = "<ul>" + "".join("<li>" + escape(reason["text"]) + "</li>" for reason in result["reasons"]) + "</ul>"
    blank = len(result["unanswered"])
    # Blank questions do not matter when care comes first.
    if blank and not urgent:
        sentence = words["blank_one"] if blank == 1 else fill(words["blank_many"], {"n": blank})
        body += '<p class="sog-small">' + escape(sentence) + "</p>"
    return _fold(words["why"], body) if body else ""


def result_html(data, result, root):
    """The result panel for one evaluation: the level, its next steps, its
    reasons and notes folded; or, with too few answers, which questions to
    answer. Every kind ends with what to do if things get worse."""
    if result["level"] is None:
        return _no_verdict(data, result)
    words = data["words"]
    level = find_level(data, result["level"])
    urgent = is_urgent(data, level["id"])
    ask_first = result.get("ask_first") or []
    described = ' aria-describedby="' + ASK_FIRST_ID + '"' if ask_first else ""
    css = "sog-result-box sog-level-" + level["id"] + (" sog-result-urgent" if urgent else "")
    parts = [
        _ask_first(data, ask_first) if ask_first else "",
        '<div class="' + escape(css) + '">'
        '<h2 id="' + TITLE_ID + '" tabindex="-1"' + described + ">"
        + escape(fill(words["result_title"], {"title": level["title"]})) + "</h2>"
        '<p class="sog-result-summary">' + escape(level["summary"]) + "</p>"
        "<h3>" + escape(words["next"]) + "</h3>" + _steps(data, level, root),
    ]
    # Urgent results leave out everything about second opinions.
    if not urgent:
        parts.append(
            '<p class="sog-result-checklist"><a class="md-button md-button--primary" href="'
            + escape(root + "/" + CHECKLIST_HREF) + '">' + escape(words["open_checklist"]) + "</a></p>"
        )
    parts.append(_why(data, result, urgent))
    notes = [note for note in data["notes"] if note["id"] in result["notes"]]
    if notes:
        items = "".join("<li>" + _note_text(data, note, root) + "</li>" for note in notes)
        parts.append(_fold(words["good_to_know"], "<ul>" + items + "</ul>"))
    parts.append(_not_advice() + _safety(data, "h3") + "</div>")
    return "".join(parts)


def notice_html(data, message, ask_again):
    """The notice above the questions: a storage message (plain text, or
    None) and the questions to answer again after an update, as links."""
    html = "<p>" + escape(message) + "</p>" if message else ""
    if ask_again:
        html += "<p>" + escape(data["words"]["ask_again"]) + "</p>" + _question_links(data, ask_again)
    return html


def static_form(root):
    """Marker widget:screener, at build time: the questions, ready to answer."""
    return form_html(rules.load(), root)


def static_guide(root):
    """Marker widget:screener-guide, at build time: how answers become a result."""
    return guide_html(rules.load(), root)
