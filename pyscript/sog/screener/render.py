"""HTML for the screener, drawn from its data file.

form_html and guide_html run at build time and put the questions, and how
answers are read, into the page itself, so they read and print with
JavaScript off. result_html runs in the browser. All are pure string builders
with no browser imports. Every sentence comes from the data; every link says
where it goes (pages.json titles).
"""

from sog import datafiles, pages, shell
from sog.markup import escape, fill
from sog.screener import rules
from sog.screener.rules import find_level, is_urgent

ROOT_ID = "screener"
URGENT_PREFIX = "screener-urgent-"


def question_anchor(question_id):
    """The element id of a question's fieldset."""
    return "q-" + question_id


def urgent_id(level_id):
    """The element id of an urgent level's banner."""
    return URGENT_PREFIX + level_id


def _choice(question_id, answer):
    input_id = question_anchor(question_id) + "-" + answer["value"]
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
        hint_id = question_anchor(qid) + "-hint"
        hint = '<p class="sog-hint" id="' + hint_id + '">' + escape(question["hint"]) + "</p>"
        described = ' aria-describedby="' + hint_id + '"'
    choices = "".join(_choice(qid, answer) for answer in rules.answers_for(data, question))
    return (
        '<fieldset class="sog-question" id="' + question_anchor(qid) + '"' + described + ">"
        '<legend><span class="sog-number">' + str(number) + ".</span> " + escape(question["text"]) + "</legend>"
        + hint + '<div class="sog-choices">' + choices + "</div></fieldset>"
    )


def _urgent(level):
    """An urgent level's banner, hidden until an answer leads to it; then
    shown at once, right where the answer was given, before anything else."""
    return (
        '<div class="sog-urgent" id="' + urgent_id(level["id"]) + '" role="alert" hidden><p><strong>'
        + escape(level["title"]) + ".</strong> " + escape(level["summary"]) + "</p></div>"
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
        shell.open_root(ROOT_ID, root, "#screener-guide", words["fallback_link"])
        + '<noscript><p class="sog-notice">' + escape(words["noscript"]) + "</p></noscript>"
        '<div class="sog-notice" id="screener-notice" role="status"></div>'
        # A div, not a form: with JavaScript off, Enter in a form would submit
        # the answers to the web server in the address. Nothing here can.
        '<div class="sog-form" id="screener-form">'
        + questions
        + '<div class="sog-actions" id="screener-actions" hidden>'
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
    return (
        '<section class="' + css + '" aria-labelledby="rule-' + level["id"] + '">'
        '<h3 id="rule-' + level["id"] + '">' + escape(level["title"]) + "</h3>"
        + rule + "<p>" + escape(level["summary"]) + "</p>" + _steps(data, level, root) + "</section>"
    )


def guide_html(data, root):
    """How answers become a result, in words: the no-JavaScript version."""
    words = data["words"]
    levels = "".join(_level_rule(data, level, root) for level in data["levels"])
    blank = (
        '<section class="sog-rule" aria-labelledby="rule-blank"><h3 id="rule-blank">'
        + escape(words["guide_blank_title"]) + "</h3><p>" + escape(words["guide_blank"]) + "</p></section>"
    )
    notes = "".join("<li>" + _note_text(data, note, root) + "</li>" for note in data["notes"])
    return (
        '<div class="sog-guide" id="screener-guide">'
        "<p>" + escape(words["guide_intro"]) + "</p>"
        + levels + blank
        + "<h3>" + escape(words["guide_notes"]) + "</h3><ul>" + notes + "</ul></div>"
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
    return '<ul class="sog-steps">' + "".join(steps) + "</ul>"


def _note_text(data, note, root):
    words = data["words"]
    text = escape(note["text"])
    if note.get("source"):
        text += ' <span class="sog-source">' + escape(fill(words["source"], {"source": note["source"]})) + "</span>"
    return text + _read_more(data, note.get("href"), root)


def _not_advice():
    return '<p class="sog-small">' + escape(datafiles.load("words.json")["not_advice"]) + "</p>"


def _no_verdict(data, result):
    """Too few answers for any result: which questions to answer, as links to them."""
    words = data["words"]
    numbers = {}
    for index, question in enumerate(data["questions"]):
        numbers[question["id"]] = (index + 1, question)
    links = []
    for question_id in result["missing"]:
        number, question = numbers[question_id]
        text = fill(words["missing_question"], {"n": number, "text": question["text"]})
        links.append('<li><a href="#' + question_anchor(question_id) + '">' + escape(text) + "</a></li>")
    return (
        '<div class="sog-result-box sog-result-none">'
        '<h2 id="screener-result-title" tabindex="-1">' + escape(words["no_verdict_title"]) + "</h2>"
        "<p>" + escape(words["no_verdict"]) + '</p><ul class="sog-missing">' + "".join(links) + "</ul>"
        + _not_advice() + "</div>"
    )


def result_html(data, result, root):
    """The result panel for one evaluation: the level, its reasons, notes and
    next steps; or, with too few answers, which questions to answer."""
    if result["level"] is None:
        return _no_verdict(data, result)
    words = data["words"]
    level = find_level(data, result["level"])
    urgent = is_urgent(data, level["id"])
    css = "sog-result-box sog-level-" + level["id"] + (" sog-result-urgent" if urgent else "")
    parts = [
        '<div class="' + css + '">'
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
    parts.append("<h3>" + escape(words["next"]) + "</h3>" + _steps(data, level, root))
    blank = len(result["unanswered"])
    # Blank questions do not matter when care comes first.
    if blank and not urgent:
        sentence = words["blank_one"] if blank == 1 else fill(words["blank_many"], {"n": blank})
        parts.append('<p class="sog-small">' + escape(sentence) + "</p>")
    parts.append(_not_advice() + "</div>")
    return "".join(parts)


def static_form(root):
    """Marker widget:screener, at build time: the questions, ready to answer."""
    return form_html(rules.load_data(), root)


def static_guide(root):
    """Marker widget:screener-guide, at build time: how answers become a result."""
    return guide_html(rules.load_data(), root)
