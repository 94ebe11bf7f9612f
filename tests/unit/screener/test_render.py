"""Unit tests for sog/screener/render.py: the screener's HTML.

Tested here, by parsing the output with BeautifulSoup (tests/support/html.py):
- form_html: well-formed; the shared widget root; one fieldset and legend
  per question; one labelled radio per answer the question offers (its own
  or the shared ones) with unique ids; aria-describedby points to the hint;
  each urgent level's banner waits, hidden, right after the first question
  that can lead to it; the buttons sit in a container hidden until Python
  runs; there is no form to submit answers to a server.
- result_html: well-formed; first things first: the headline (focusable),
  one sentence, at most three numbered steps and one large "Open my
  checklist" button, then "Why" and "Good to know" folded (closed
  details/summary); urgent results marked as such, with no blank-question
  line, no button and no links; getting worse: a call to the doctor today
  before anything about second opinions; a blank emergency question asked
  first, above the result; no verdict: a plea for the missing questions,
  each a link to it; the blank-question line; every kind ending with the
  not-medical-advice line and the safety step; links relative to the site
  root, each named by the page it leads to.
- reset_html: "Start over" asks first, in the page.
- notice_html: the storage message and the questions to answer again.
- guide_html: well-formed; a details element built open (the live widget
  folds it); every level ("If you answered ...") and every note listed, what
  blank questions mean, and the safety step.
- yearly figures filled in from figures.json.
- static_form and static_guide (the build's markers) draw from the data file.
- element ids stay unique across everything that shares the page.
- escaping: with EVIL in every piece of text (data, words, words.json and
  the site root) nothing is injected and the text shows as text; with EVIL
  after every id and answer value (questions, levels, notes) nothing is
  injected and every id, group name, reference and link comes back exactly;
  a button's action and id are escaped too.
Every sentence is compared with the data's words, never copied here.
"""

import re

import pytest
from sog import datafiles, figures, pages, shell
from sog.markup import fill
from sog.screener import render, rules

from tests.support import examples, screener_cases
from tests.support.examples import EVIL
from tests.support.html import by_id, elements, ids, parse, parse_well_formed
from tests.unit.escaping import assert_builder_escapes, assert_escaped

RESULT_ANSWERS = [
    pytest.param({}, id="empty-no-verdict"),
    pytest.param({"emergency": "no", "medicare": "original"}, id="too-few-no-verdict"),
    pytest.param({"emergency": "yes", "medicare": "yes"}, id="emergency"),
    pytest.param({"emergency": "not_sure", "no_diagnosis": "yes"}, id="urgent-not-sure"),
    pytest.param(
        {"emergency": "no", "serious_illness": "yes", "side_effects": "yes", "medicare": "yes",
         "major_treatment": "yes", "biopsy": "yes", "older_adult": "yes",
         "doctor_suggested": "yes"},
        id="worth-seeking-with-many-notes",
    ),
    pytest.param({"getting_worse": "yes", "cancer": "yes"}, id="getting-worse-emergency-blank"),
    pytest.param({"trust_doctor": "not_sure", "medicare": "original"}, id="could-help-with-note"),
    pytest.param(screener_cases.calm(medicare="not_sure", older_adult="yes"), id="not-needed-with-notes"),
]
ROOTS = [
    pytest.param("..", id="root-up-one"),
    pytest.param(".", id="root-here"),
    pytest.param("../..", id="root-up-two"),
]


def inside(element, ancestor):
    """Whether element lies inside ancestor (the very element, not an equal one)."""
    return any(parent is ancestor for parent in element.parents)


def children(element):
    """The element's child elements, in order."""
    return element.find_all(True, recursive=False)


def result_for(data, answers, root=".."):
    return parse_well_formed(render.result_html(data, rules.evaluate(data, answers), root))


# form_html ------------------------------------------------------------------


def test_form_is_well_formed(data):
    """Every tag the static form opens is closed, in order."""
    parse_well_formed(render.form_html(data, ".."))


def test_form_sits_in_the_shared_widget_root(data):
    """The form is inside the widget root, whose plain version is the guide
    below it, and says with JavaScript off what still works."""
    soup = parse_well_formed(render.form_html(data, ".."))
    root = by_id(soup, render.ROOT_ID)
    assert children(soup) == [root]
    assert root["data-state"] == "static" and root["data-root"] == ".."
    assert root["data-fallback-href"] == "#screener-guide"
    assert root["data-fallback-text"] == data["words"]["fallback_link"]
    (noscript,) = elements(root, "noscript")
    assert noscript.get_text() == data["words"]["noscript"]


def test_form_has_one_fieldset_and_legend_per_question(data):
    """Each question is a fieldset, in data order, whose legend (its first
    child) holds the question's number and text."""
    soup = parse_well_formed(render.form_html(data, ".."))
    fieldsets = elements(soup, "fieldset")
    assert [f["id"] for f in fieldsets] == ["q-" + q["id"] for q in data["questions"]]
    for number, (fieldset, question) in enumerate(zip(fieldsets, data["questions"], strict=True), start=1):
        legends = elements(fieldset, "legend")
        assert len(legends) == 1
        assert children(fieldset)[0] is legends[0]
        assert legends[0].get_text() == f"{number}. {question['text']}"


def test_form_has_a_labelled_radio_per_answer(data):
    """Each question offers one radio per answer, named after the question, each
    with a unique id and a label whose for= points to it."""
    soup = parse_well_formed(render.form_html(data, ".."))
    labels = {label.get("for"): label for label in elements(soup, "label")}
    all_ids = ids(soup)
    assert len(all_ids) == len(set(all_ids)), "duplicate ids in the form"
    for question in data["questions"]:
        offered = rules.answers_for(data, question)
        radios = elements(by_id(soup, "q-" + question["id"]), "input")
        assert [r["type"] for r in radios] == ["radio"] * len(offered)
        assert [r["name"] for r in radios] == [question["id"]] * len(offered)
        assert [r["value"] for r in radios] == rules.answer_values(data, question)
        assert [r["data-action"] for r in radios] == ["answer"] * len(offered)
        for radio, answer in zip(radios, offered, strict=True):
            assert labels[radio["id"]].get_text().strip() == answer["label"]
    assert len(labels) == len(elements(soup, "input"))


def test_a_question_with_its_own_choices_shows_them(data):
    """Medicare offers its own choices, Original Medicare and Advantage among them."""
    soup = parse_well_formed(render.form_html(data, ".."))
    medicare = [q for q in data["questions"] if q["id"] == "medicare"][0]
    labels = [label.get_text().strip() for label in elements(by_id(soup, "q-medicare"), "label")]
    assert labels == [answer["label"] for answer in medicare["answers"]]
    assert len(labels) > len(data["answers"])


def test_answer_values_reach_the_page_exactly(data):
    """A radio's value is the answer value itself, even one an HTML parser
    would read differently unescaped (the widget reads it back)."""
    for answer in data["answers"]:
        answer["value"] += "&amp;"
    soup = parse_well_formed(render.form_html(data, ".."))
    radios = elements(by_id(soup, "q-" + data["questions"][0]["id"]), "input")
    assert [r["value"] for r in radios] == rules.answer_values(data)


def test_aria_describedby_points_to_the_hint(data):
    """A question with a hint is described by it, inside its own fieldset; a
    question without one has no aria-describedby."""
    soup = parse_well_formed(render.form_html(data, ".."))
    for question in data["questions"]:
        fieldset = by_id(soup, "q-" + question["id"])
        if question.get("hint"):
            hint = by_id(soup, fieldset["aria-describedby"])
            assert inside(hint, fieldset)
            source = question.get("source")
            sources = " " + fill(data["words"]["hint_source"], {"source": source}) if source else ""
            assert hint.get_text() == question["hint"] + sources
        else:
            assert not fieldset.has_attr("aria-describedby")


def urgent_levels(data):
    return [level for level in data["levels"] if level.get("urgent")]


def test_urgent_banners_wait_hidden_after_their_question(data):
    """Each urgent level's message (911 first) is in the page from the start,
    hidden, as an alert, right after the first question that can lead to it."""
    soup = parse_well_formed(render.form_html(data, ".."))
    banners = elements(soup, "div", **{"class": "sog-urgent"})
    assert [b["id"] for b in banners] == [render.urgent_id(level["id"]) for level in urgent_levels(data)]
    for level in urgent_levels(data):
        urgent = by_id(soup, render.urgent_id(level["id"]))
        assert urgent.has_attr("hidden") and urgent["role"] == "alert"
        assert urgent.get_text() == level["title"] + ". " + level["summary"]
        assert "911" in urgent.get_text()
        leading = [q for q in data["questions"] if level["id"] in q["leads_to"].values()]
        assert urgent.find_previous_sibling("fieldset")["id"] == "q-" + leading[0]["id"]


def test_urgent_banners_follow_the_data_not_an_id(data):
    """Any level marked urgent gets a banner after its first question; an
    unmarked one gets none, whatever its id."""
    for level in data["levels"]:
        level["urgent"] = level["id"] == "could_help"
    soup = parse_well_formed(render.form_html(data, ".."))
    banners = elements(soup, "div", **{"class": "sog-urgent"})
    assert [b["id"] for b in banners] == [render.urgent_id("could_help")]
    first = [q for q in data["questions"] if "could_help" in q["leads_to"].values()][0]
    assert banners[0].find_previous_sibling("fieldset")["id"] == "q-" + first["id"]


def test_nothing_is_clickable_without_python(data):
    """Every button sits in a container that shows once the widget's Python
    is ready (shell.NEEDS_PYTHON, in room kept for it); the status line
    starts hidden too."""
    soup = parse_well_formed(render.form_html(data, ".."))
    buttons = elements(soup, "button")
    assert [b.get_text() for b in buttons] == [data["words"]["show"], data["words"]["reset"]]
    for button, holder in zip(buttons, ["screener-actions", "screener-reset-area"], strict=True):
        assert inside(button, by_id(soup, holder))
        assert shell.NEEDS_PYTHON in by_id(soup, holder)["class"].split()
    assert [i for i in elements(soup, "input") if i.get("type") != "radio"] == []
    assert by_id(soup, "screener-status").has_attr("hidden")


def test_start_over_sits_apart_from_show_my_result(data):
    """"Start over" is not next to "Show my result": the result comes in
    between, and it has a container of its own."""
    root = by_id(parse_well_formed(render.form_html(data, "..")), render.ROOT_ID)
    order = [child.get("id") for child in children(root)]
    assert order.index("screener-form") < order.index("screener-result") < order.index("screener-reset-area")
    assert "sog-start-over" in by_id(root, "screener-reset-area")["class"].split()


def test_form_says_how_many_questions_there_are(data):
    """The promise matches the length: the form opens by counting its questions."""
    soup = parse_well_formed(render.form_html(data, ".."))
    (count,) = elements(soup, "p", **{"class": "sog-count"})
    assert count.get_text() == fill(data["words"]["count"], {"n": len(data["questions"])})
    assert str(len(elements(soup, "fieldset"))) in count.get_text()
    assert children(by_id(soup, "screener-form"))[0] is count


def test_start_over_asks_first(data):
    """Issue 15, 10: pressed once, "Start over" only asks, in the page (no
    browser dialog): a labelled group saying what would be cleared and what
    stays, with Yes and No buttons; nothing is cleared in one tap."""
    words = data["words"]
    (button,) = elements(parse_well_formed(render.reset_html(data, False)), "button")
    assert (button["id"], button["data-action"], button.get_text()) == ("screener-reset", "reset", words["reset"])
    soup = parse_well_formed(render.reset_html(data, True))
    (group,) = elements(soup, "div", role="group")
    label = by_id(soup, group["aria-labelledby"])
    assert label.get_text() == words["reset_question"] + " " + words["reset_warning"]
    assert [(b["id"], b["data-action"], b.get_text()) for b in elements(group, "button")] == [
        ("screener-reset-yes", "reset-yes", words["reset_yes"]),
        ("screener-reset-no", "reset-no", words["reset_no"]),
    ]


def test_form_never_submits_to_a_server(data):
    """There is no <form> and no submit button: with JavaScript off, pressing
    Enter cannot send the answers to the web server in the address."""
    html = render.form_html(data, "..")
    soup = parse_well_formed(html)
    assert elements(soup, "form") == []
    assert [b for b in elements(soup, "button") if b.get("type") != "button"] == []
    for element in elements(soup):
        assert not {"formaction", "formmethod", "action", "method"} & set(element.attrs), element.name
    # data-action (the widget's own click routing) is not a form action.
    assert re.search(r"\s(form)?(action|method)=", html, re.IGNORECASE) is None


def test_static_markers_draw_from_the_data_file():
    """The build's marker functions render the packaged data for a page's root."""
    data = rules.load()
    assert render.static_form("..") == render.form_html(data, "..")
    assert render.static_guide(".") == render.guide_html(data, ".")


# result_html ----------------------------------------------------------------


@pytest.mark.parametrize("answers", RESULT_ANSWERS)
def test_result_is_well_formed(data, answers):
    """The result panel balances its tags for results of every kind."""
    result_for(data, answers)


LEVEL_IDS = ["emergency", "urgent_unsure", "call_doctor_today", "worth_seeking", "could_help", "not_needed_now"]


def with_class(node, name, css):
    """The elements of this tag name among whose classes is css."""
    return [element for element in elements(node, name) if css in element.get("class", "").split()]


def box_of(soup):
    """The result's box (a result may have a prompt above it)."""
    (box,) = with_class(soup, "div", "sog-result-box")
    return box


def assert_ends_with_the_safety_step(data, box):
    """Issue 14, 3: the box's last word is what to do if things get worse,
    after the not-medical-advice line (which sends emergencies to 911)."""
    *_, advice, safety = children(box)
    assert advice.get_text() == datafiles.load("words.json")["not_advice"] and "911" in advice.get_text()
    assert safety["class"] == "sog-safety"
    assert [h.get_text() for h in elements(safety, "h3")] == [data["words"]["safety_title"]]
    assert elements(safety, "p")[0].get_text() == data["words"]["safety"]


@pytest.mark.parametrize("level_id", LEVEL_IDS)
def test_result_shows_level_first_and_ends_with_the_safety_step(data, level_id):
    """Each result names its level in a focusable heading, then says it in
    one sentence, then the numbered steps (at most three); a plain result
    has one large "Open my checklist" button, an urgent one none, and no
    link at all. Each ends with the safety step."""
    assert level_id in [level["id"] for level in data["levels"]]
    result = {"level": level_id, "reasons": [], "notes": [], "unanswered": [], "missing": []}
    soup = parse_well_formed(render.result_html(data, result, ".."))
    level = rules.find_level(data, level_id)
    title = by_id(soup, "screener-result-title")
    assert title.name == "h2" and title["tabindex"] == "-1" and not title.has_attr("aria-describedby")
    assert title.get_text() == fill(data["words"]["result_title"], {"title": level["title"]})
    box = children(soup)[0]
    assert "sog-level-" + level_id in box["class"].split()
    heading, summary, next_heading, steps = children(box)[:4]
    assert heading is title and summary.get_text() == level["summary"]
    assert next_heading.get_text() == data["words"]["next"]
    assert steps.name == "ol" and 1 <= len(elements(steps, "li")) <= 3
    buttons = with_class(box, "a", "md-button")
    if level.get("urgent"):
        assert buttons == [] and elements(box, "a") == []
    else:
        (button,) = buttons
        assert button["href"] == "../checklist/" and button.get_text() == data["words"]["open_checklist"]
        assert "md-button--primary" in button["class"].split()
        assert children(box)[4].find("a") is button
    assert_ends_with_the_safety_step(data, box)


def folds(soup):
    """{summary text: details element} for the folded parts of a result."""
    return {fold.find("summary").get_text(): fold for fold in elements(soup, "details")}


def test_result_lists_reasons_notes_and_steps(data):
    """The panel gives the level's next steps, then, folded and closed, each
    reason in order under "Why", and each note with its source and link
    under "Good to know"."""
    answers = {"side_effects": "yes", "no_diagnosis": "yes", "biopsy": "yes"}
    result = rules.evaluate(data, answers)
    soup = parse_well_formed(render.result_html(data, result, ".."))
    words = data["words"]
    assert [h.get_text() for h in elements(soup, "h3")] == [words["next"], words["safety_title"]]
    found = folds(soup)
    assert list(found) == [words["why"], words["good_to_know"]]
    for fold in found.values():
        assert not fold.has_attr("open") and fold["class"] == "sog-fold"
        assert children(fold)[0].name == "summary"
    (steps,) = elements(box_of(soup), "ol")
    (why,) = elements(found[words["why"]], "ul")
    (notes,) = elements(found[words["good_to_know"]], "ul")
    assert [li.get_text() for li in elements(why, "li")] == [r["text"] for r in result["reasons"]]
    (note_item,) = elements(notes, "li")
    pathology = data["notes"][[n["id"] for n in data["notes"]].index("pathology")]
    assert note_item.get_text().startswith(pathology["text"])
    assert fill(words["source"], {"source": pathology["source"]}) in note_item.get_text()
    (anchor,) = elements(note_item, "a")
    assert anchor["href"] == "../pathology/"
    assert anchor.get_text() == fill(words["read_more"], {"title": pages.title("pathology/")})
    level = rules.find_level(data, "worth_seeking")
    shown = elements(steps, "li")
    assert len(shown) == len(level["next_steps"])
    for item, step in zip(shown, level["next_steps"], strict=True):
        lead = step["title"] + " " if step.get("title") else ""
        more = " " + fill(words["read_more"], {"title": pages.title(step["href"])}) if step["href"] else ""
        assert item.get_text() == lead + step["text"] + more
        assert [strong.get_text() for strong in elements(item, "strong")] == ([step["title"]] if lead else [])


def test_result_without_reasons_or_notes_has_no_empty_folds(data):
    """With no reasons, notes or blank questions, no fold and no empty list appears."""
    soup = result_for(data, screener_cases.calm(medicare="no", older_adult="no", breast="no"))
    assert [h.get_text() for h in elements(soup, "h3")] == [data["words"]["next"], data["words"]["safety_title"]]
    assert elements(soup, "details") == [] and elements(soup, "ul") == []


def blank_sentence(data, count):
    words = data["words"]
    return words["blank_one"] if count == 1 else fill(words["blank_many"], {"n": count})


@pytest.mark.parametrize("answered", [0, 1, "all but one"], ids=["none", "one", "all-but-one"])
def test_result_mentions_blank_questions(data, answered):
    """Skipped questions are counted in the data's words (one, or many): they
    may add to a result (here "could help", from a Yes to the last question
    that can give it, with some other questions answered No)."""
    questions = data["questions"]
    reason = [q for q in questions if q["leads_to"].get("yes") == "could_help"][-1]["id"]
    others = [q["id"] for q in questions if q["id"] != reason]
    count = len(others) - 1 if answered == "all but one" else answered
    answers = {question_id: "no" for question_id in others[:count]}
    answers[reason] = "yes"
    blank = len(questions) - count - 1
    text = result_for(data, answers).get_text()
    assert blank_sentence(data, blank) in text
    for other in (1, len(questions)):
        if other != blank:
            assert blank_sentence(data, other) not in text


@pytest.mark.parametrize("value", ["yes", "not_sure"])
def test_urgent_result_says_nothing_about_blanks_or_second_opinions(data, value):
    """When care comes first, blank questions do not matter and are not
    mentioned; the result is marked urgent, says to call 911, gives only the
    urgent reason and no notes, and links nowhere."""
    soup = result_for(data, {"emergency": value, "no_diagnosis": "yes", "biopsy": "yes"})
    text = soup.get_text()
    blank = len(data["questions"]) - 3
    assert blank_sentence(data, blank) not in text and blank_sentence(data, 1) not in text
    assert len(elements(soup, "p", **{"class": "sog-small"})) == 1
    box = children(soup)[0]
    assert "sog-result-urgent" in box["class"].split()
    assert "911" in elements(box, "p")[0].get_text()
    assert elements(soup, "a") == []
    why = [q for q in data["questions"] if q["id"] == "emergency"][0]["reasons"][value]
    assert list(folds(soup)) == [data["words"]["why"]]
    assert [li.get_text() for li in elements(folds(soup)[data["words"]["why"]], "li")] == [why]
    assert_ends_with_the_safety_step(data, box)


def test_getting_worse_says_call_your_doctor_today_first(data):
    """Issue 15, 2: someone getting worse reads first, in the headline and
    its one sentence, to call the doctor treating them today and keep to
    their treatment; the second opinion comes after, in the steps."""
    box = box_of(result_for(data, {"getting_worse": "yes", "cancer": "yes", "emergency": "no"}))
    heading, summary = children(box)[:2]
    first_words = heading.get_text() + " " + summary.get_text()
    assert "Call your doctor today" in heading.get_text()
    assert "call the doctor who is treating you today" in summary.get_text()
    assert "keep to your treatment unless" in summary.get_text()
    assert "second opinion" not in first_words.casefold()
    steps = elements(elements(box, "ol")[0], "li")
    assert "second opinion" not in steps[0].get_text() and "worth seeking" in steps[1].get_text()


def test_a_blank_emergency_question_is_asked_first_above_the_result(data):
    """Issue 14, 5: with question 1 blank, the result shows, but above it the
    page asks question 1 first, with a link to it; the heading is described
    by that prompt, so a screen reader landing on it hears it too."""
    soup = result_for(data, {"major_treatment": "yes"})
    prompt, box = children(soup)
    assert prompt["id"] == render.ASK_FIRST_ID and "sog-result-box" in box["class"].split()
    first = data["questions"][0]
    (anchor,) = elements(prompt, "a")
    assert (anchor["href"], anchor.get_text()) == ("#q-" + first["id"], first["text"])
    assert prompt.get_text() == fill(data["words"]["ask_first"], {"n": 1}) + " " + first["text"]
    assert by_id(soup, render.TITLE_ID)["aria-describedby"] == render.ASK_FIRST_ID
    for answers in ({"major_treatment": "yes", "emergency": "no"}, {}, {"emergency": "not_sure"}):
        soup = result_for(data, answers)
        assert len(children(soup)) == 1 and elements(soup, id=render.ASK_FIRST_ID) == []


TABLE_RESULTS = [
    pytest.param(answers, id=name) for name, answers, _level, _notes in screener_cases.CASES
]


@pytest.mark.parametrize("answers", TABLE_RESULTS)
def test_every_result_of_the_table_is_short_and_ends_with_the_safety_step(data, answers):
    """For every case of the decision table: the safety step ends the box, at
    most three steps, at most one button, no "not a must"."""
    soup = result_for(data, answers)
    box = box_of(soup)
    assert_ends_with_the_safety_step(data, box)
    assert all(len(elements(steps, "li")) <= 3 for steps in elements(box, "ol"))
    assert len(with_class(box, "a", "md-button")) <= 1
    assert "not a must" not in soup.get_text().casefold()


def test_a_treatment_not_started_is_never_read_as_not_working(data):
    """Issue 15, 3: reasons come only from what was answered: a treatment not
    yet started says nothing about whether it works."""
    helping = [q for q in data["questions"] if q["id"] == "treatment_helping"][0]
    answers = screener_cases.calm(treatment_helping="not_started", getting_worse="yes")
    text = result_for(data, answers).get_text()
    for reason in helping["reasons"].values():
        assert reason not in text


def test_notice_says_the_message_and_asks_again(data):
    """The notice holds the storage message, then the questions to answer
    again after an update, each a link to it, numbered as on the page."""
    words = data["words"]
    assert render.notice_html(data, None, []) == ""
    soup = parse_well_formed(render.notice_html(data, "Saved answers updated.", ["cancer", "getting_worse"]))
    message, ask, links = children(soup)
    assert message.get_text() == "Saved answers updated." and ask.get_text() == words["ask_again"]
    numbers = {q["id"]: index + 1 for index, q in enumerate(data["questions"])}
    texts = {q["id"]: q["text"] for q in data["questions"]}
    assert [(a["href"], a.get_text()) for a in elements(links, "a")] == [
        ("#q-" + q, fill(words["missing_question"], {"n": numbers[q], "text": texts[q]}))
        for q in ("getting_worse", "cancer")
    ]
    assert [p.get_text() for p in children(parse_well_formed(render.notice_html(data, "Hi", [])))] == ["Hi"]


def test_notice_and_start_over_keep_every_text_as_text(data, hostile_shared_words):
    hostile = hostile_screener(data)
    assert_escaped(render.notice_html(hostile, EVIL, ["cancer"]), render.notice_html(data, "x", ["cancer"]))
    for confirming in (False, True):
        assert_escaped(render.reset_html(hostile, confirming), render.reset_html(data, confirming))


def test_plain_results_are_not_marked_urgent(data):
    for answers in ({"no_diagnosis": "yes"}, {"side_effects": "yes"}, screener_cases.calm()):
        assert "sog-result-urgent" not in children(result_for(data, answers))[0]["class"].split()


# no verdict -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "answers",
    [{}, {"emergency": "no"}, screener_cases.without(screener_cases.calm(), "unsure_plan")],
    ids=["nothing", "emergency-no-only", "one-blank"],
)
def test_too_few_answers_ask_for_the_missing_ones(data, answers):
    """No verdict: a heading that asks for more answers, why, and each blank
    question that could change the result as a link to it, numbered as on the
    page; then the not-medical-advice line. No level, no reasons, no steps."""
    result = rules.evaluate(data, answers)
    assert result["level"] is None
    soup = parse_well_formed(render.result_html(data, result, ".."))
    words = data["words"]
    title = by_id(soup, "screener-result-title")
    assert title.name == "h2" and title["tabindex"] == "-1"
    assert title.get_text() == words["no_verdict_title"]
    (box,) = children(soup)
    assert box["class"].split() == ["sog-result-box", "sog-result-none"]
    assert elements(box, "p")[0].get_text() == words["no_verdict"]
    anchors = elements(box, "a")
    numbers = {q["id"]: index + 1 for index, q in enumerate(data["questions"])}
    texts = {q["id"]: q["text"] for q in data["questions"]}
    assert [a["href"] for a in anchors] == ["#q-" + question_id for question_id in result["missing"]]
    assert [a.get_text() for a in anchors] == [
        fill(words["missing_question"], {"n": numbers[q], "text": texts[q]}) for q in result["missing"]
    ]
    form_ids = ids(parse(render.form_html(data, "..")))
    assert all(a["href"][1:] in form_ids for a in anchors)
    assert_ends_with_the_safety_step(data, box)
    assert [h.get_text() for h in elements(box, "h3")] == [words["safety_title"]]
    for level in data["levels"]:
        assert level["title"] not in box.get_text()


def test_result_shows_reason_text_as_text(data):
    """A reason text with markup shows as text, never as a script."""
    result = {
        "level": "could_help",
        "reasons": [{"question": "x", "answer": "yes", "level": "could_help",
                     "text": "<script>alert('x')</script> & more"}],
        "notes": [],
        "unanswered": [],
    }
    html = render.result_html(data, result, "..")
    assert "<script>" not in html
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; more" in html
    soup = parse_well_formed(html)
    assert elements(soup, "script") == []
    assert elements(folds(soup)[data["words"]["why"]], "li")[0].get_text() == "<script>alert('x')</script> & more"


@pytest.mark.parametrize("root", ROOTS)
@pytest.mark.parametrize("answers", RESULT_ANSWERS)
def test_result_links_are_relative_to_the_site_root(data, answers, root):
    """Every link is the root plus a data href, e.g. root ".." gives
    href="../talking-to-your-doctor/"."""
    soup = result_for(data, answers, root)
    known = {step["href"] for level in data["levels"] for step in level["next_steps"]}
    known |= {note["href"] for note in data["notes"]} | {render.CHECKLIST_HREF}
    for anchor in elements(soup, "a"):
        href = anchor["href"]
        if href.startswith("#q-"):
            continue  # a blank question, on this page
        assert href.startswith(root + "/")
        assert href[len(root) + 1:] in known


def every_result_and_guide(data):
    """The guide and the result for each example answer set, as parsed HTML."""
    found = [parse_well_formed(render.guide_html(data, ".."))]
    for param in RESULT_ANSWERS:
        found.append(result_for(data, param.values[0]))
    for _name, answers, _level, _notes in screener_cases.CASES:
        found.append(result_for(data, answers))
    return found


def test_every_link_says_where_it_goes(data):
    """Screen readers list links out of context: each link to another page is
    named by that page's title (pages.json), never a bare "Read more"; each
    link within the page is named by the question it leads to."""
    words = data["words"]
    questions = [q["text"] for q in data["questions"]]
    checked = 0
    for soup in every_result_and_guide(data):
        for anchor in elements(soup, "a"):
            href = anchor["href"]
            if href.startswith("#q-"):
                assert any(anchor.get_text().endswith(text) for text in questions)
            elif href == "../" + render.CHECKLIST_HREF:
                assert anchor.get_text() == words["open_checklist"]
                assert pages.title(render.CHECKLIST_HREF).casefold() in anchor.get_text().casefold()
            else:
                page = href[len("../"):]
                assert anchor.get_text() == fill(words["read_more"], {"title": pages.title(page)})
            checked += 1
    assert checked


def test_result_link_example(data):
    """The worth-seeking result links to the talking-to-your-doctor page one
    level up, exactly as the browser needs it."""
    html = render.result_html(data, rules.evaluate(data, {"no_diagnosis": "yes"}), "..")
    assert 'href="../talking-to-your-doctor/"' in html


def test_result_for_unknown_level_raises(data):
    """A result naming a level the data lacks is a KeyError, not a blank panel."""
    with pytest.raises(KeyError):
        render.result_html(data, {"level": "nope", "reasons": [], "notes": [], "unanswered": []}, "..")


# guide_html -----------------------------------------------------------------


def test_guide_is_well_formed(data):
    """The static guide balances its tags."""
    parse_well_formed(render.guide_html(data, ".."))


def test_guide_is_built_open_as_a_fold(data):
    """Issue 15, 1: the guide is a details element, open as built (without
    JavaScript, and when Python cannot start, it is the page's plain
    version); the live widget folds it away. Its summary says what it holds;
    it keeps the class the content tests know widget text by."""
    soup = parse_well_formed(render.guide_html(data, ".."))
    (guide,) = children(soup)
    assert (guide.name, guide["id"], guide.has_attr("open")) == ("details", "screener-guide", True)
    assert guide["class"] == "sog-fold sog-guide"
    assert children(guide)[0].name == "summary"
    assert children(guide)[0].get_text() == data["words"]["guide_summary"]


def test_guide_lists_every_level_in_order(data):
    """The guide opens with how to read it, then has a section per level, in
    priority order, titled by the level and labelled by that title."""
    soup = parse_well_formed(render.guide_html(data, ".."))
    guide = by_id(soup, "screener-guide")
    assert children(guide)[1].get_text() == data["words"]["guide_intro"]
    sections = elements(soup, "section")
    labels = [s["aria-labelledby"] for s in sections]
    assert labels == ["rule-" + lvl["id"] for lvl in data["levels"]] + ["rule-blank"]
    for section, level in zip(sections, data["levels"], strict=False):
        assert ("sog-rule--urgent" in section["class"].split()) is bool(level.get("urgent"))
        heading = by_id(soup, section["aria-labelledby"])
        assert inside(heading, section)
        assert heading.get_text() == level["title"]
        assert level["summary"] in section.get_text()


def test_guide_lists_the_answers_behind_each_level(data):
    """Under each level the guide lists every answer that leads to it; the
    mildest level says none does."""
    soup = parse_well_formed(render.guide_html(data, ".."))
    words = data["words"]
    for level in data["levels"]:
        (section,) = elements(soup, "section", **{"aria-labelledby": "rule-" + level["id"]})
        expected = [
            answer["label"] + ": " + question["text"]
            for question in data["questions"]
            for answer in rules.answers_for(data, question)
            if question["leads_to"].get(answer["value"]) == level["id"]
        ]
        paragraphs = [p.get_text() for p in elements(section, "p")]
        if expected:
            assert paragraphs[0] == words["guide_answered"] and paragraphs[0].startswith("If you answered")
            assert [li.get_text() for li in elements(elements(section, "ul")[0], "li")] == expected
        else:
            assert paragraphs[0] == words["guide_none"]
        assert level["next_steps"][0]["text"] in section.get_text()


def test_guide_lists_every_note(data):
    """The "Also worth knowing" list holds every note, in data order, with its
    source and a link where the note has one."""
    soup = parse_well_formed(render.guide_html(data, ".."))
    guide = by_id(soup, "screener-guide")
    heading, notes_list, safety = children(guide)[-3:]
    assert safety.get_text() == data["words"]["safety_title"] + data["words"]["safety"]
    assert heading.get_text() == data["words"]["guide_notes"]
    assert notes_list.name == "ul"
    items = elements(notes_list, "li")
    assert len(items) == len(data["notes"])
    for item, note in zip(items, data["notes"], strict=True):
        assert item.get_text().startswith(note["text"])
        sources = elements(item, "span", **{"class": "sog-source"})
        if note["source"]:
            assert [s.get_text() for s in sources] == [fill(data["words"]["source"], {"source": note["source"]})]
        else:
            assert sources == []
        assert len(elements(item, "a")) == (1 if note["href"] else 0)


@pytest.mark.parametrize("root", ROOTS)
def test_guide_links_are_relative_to_the_site_root(data, root):
    """Every link in the guide starts with the page's root."""
    anchors = elements(parse_well_formed(render.guide_html(data, root)), "a")
    assert anchors
    for anchor in anchors:
        assert anchor["href"].startswith(root + "/")


# the whole page ---------------------------------------------------------------


@pytest.mark.parametrize("answers", RESULT_ANSWERS)
def test_ids_unique_across_the_page(data, answers):
    """Form, guide and a result share one page, so their ids never clash."""
    html = (
        render.form_html(data, "..")
        + render.guide_html(data, "..")
        + render.result_html(data, rules.evaluate(data, answers), "..")
    )
    found = ids(parse(html))
    assert sorted({i for i in found if found.count(i) > 1}) == []


# escaping -----------------------------------------------------------------------


def hostile_screener(data):
    """The screener data with EVIL in every piece of text it shows (ids and
    links stay as they are; empty hints and sources stay empty)."""
    hostile = examples.hostile_words(data)
    for answer in hostile["answers"]:
        answer["label"] += EVIL
    for level in hostile["levels"]:
        level["title"] += EVIL
        level["summary"] += EVIL
        for step in level["next_steps"]:
            step["text"] += EVIL
            if "title" in step:
                step["title"] += EVIL
    for question in hostile["questions"]:
        question["text"] += EVIL
        for answer in question.get("answers", []):
            answer["label"] += EVIL
        question["hint"] += EVIL if question["hint"] else ""
        if question.get("source"):
            question["source"] += EVIL
        for answer in question["reasons"]:
            question["reasons"][answer] += EVIL
    for note in hostile["notes"]:
        note["text"] += EVIL
        note["source"] += EVIL if note["source"] else ""
    return hostile


def test_form_keeps_every_text_as_text(data, hostile_shared_words):
    """Hostile questions, hints, labels, words and site root inject nothing."""
    hostile = hostile_screener(data)
    soup = assert_escaped(render.form_html(hostile, ".." + EVIL), render.form_html(data, ".."))
    assert elements(soup, "legend")[0].get_text() == "1. " + hostile["questions"][0]["text"]
    first = hostile["questions"][0]
    hinted = next(q for q in hostile["questions"] if q["hint"] and not q.get("source"))
    assert by_id(soup, "q-" + hinted["id"] + "-hint").get_text() == hinted["hint"]
    sourced = next(q for q in hostile["questions"] if q.get("source"))
    assert hostile["questions"][0]["source"] in by_id(soup, "q-" + sourced["id"] + "-hint").get_text()
    assert by_id(soup, "screener")["data-root"] == ".." + EVIL
    assert elements(by_id(soup, "q-" + first["id"]), "span")[-1].get_text() == hostile["answers"][-1]["label"]


@pytest.mark.parametrize("answers", RESULT_ANSWERS)
def test_result_keeps_every_text_as_text(data, hostile_shared_words, answers):
    """Hostile level, reason, note, source, step and word texts and site
    root inject nothing."""
    hostile = hostile_screener(data)
    result = rules.evaluate(hostile, answers)
    soup = assert_escaped(render.result_html(hostile, result, ".." + EVIL), render.result_html(data, result, ".."))
    for anchor in elements(soup, "a"):
        assert anchor["href"].startswith("#q-") or anchor["href"].startswith(".." + EVIL + "/")
    if result["level"] is None:
        title = hostile["words"]["no_verdict_title"]
    else:
        title = fill(hostile["words"]["result_title"], {"title": rules.find_level(hostile, result["level"])["title"]})
    assert by_id(soup, "screener-result-title").get_text() == title
    assert children(box_of(soup))[-2].get_text() == hostile_shared_words["words.json"]["not_advice"]
    assert hostile["words"]["safety"] in children(box_of(soup))[-1].get_text()


def test_result_blank_lines_keep_their_words_as_text(data, hostile_shared_words):
    """Both blank-question sentences inject nothing."""
    hostile = hostile_screener(data)
    total = len(data["questions"])
    for answers in ({"side_effects": "yes"}, screener_cases.without(screener_cases.every("no"), "older_adult")):
        result = rules.evaluate(hostile, answers)
        html = render.result_html(hostile, result, "..")
        soup = assert_escaped(html, render.result_html(data, result, ".."))
        assert blank_sentence(hostile, total - len(answers)) in soup.get_text()


def test_guide_keeps_every_text_as_text(data, hostile_shared_words):
    """Hostile levels, rules, notes, sources and words inject nothing."""
    hostile = hostile_screener(data)
    soup = assert_escaped(render.guide_html(hostile, ".."), render.guide_html(data, ".."))
    assert elements(soup, "h3")[0].get_text() == hostile["levels"][0]["title"]


def suffixed(value):
    """A note's expected answer ("yes", "!yes" or a list of them) with EVIL
    after each answer value."""
    if isinstance(value, list):
        return [suffixed(entry) for entry in value]
    return value + EVIL


def with_hostile_ids(data, answers):
    """Copies of the data and a set of answers whose every id (question,
    level, note) and answer value ends in EVIL, every reference (leads_to,
    reasons, notes' conditions, the answers) kept matching: the schema
    forbids such ids today, but escaping them is the renderer's own duty
    whatever checks the data."""
    data = examples.with_suffixed_ids(data, EVIL, ("questions", "levels", "notes"))
    for answer in data["answers"]:
        answer["value"] += EVIL
    for question in data["questions"]:
        for answer in question.get("answers", []):
            answer["value"] += EVIL
        question["leads_to"] = {value + EVIL: level + EVIL for value, level in question["leads_to"].items()}
        question["reasons"] = {value + EVIL: text for value, text in question["reasons"].items()}
    for note in data["notes"]:
        note["when"] = [[question_id + EVIL, suffixed(expected)] for question_id, expected in note["when"]]
    return data, {question_id + EVIL: value + EVIL for question_id, value in answers.items()}


def test_form_and_guide_ids_stay_text_and_come_back_exactly(data):
    """Every fieldset id, radio id, group name and value, label "for", hint
    id and aria reference, urgent banner id and guide heading reference
    drawn from hostile ids injects nothing and names its element exactly."""
    hostile, _ = with_hostile_ids(data, {})
    soup = assert_escaped(render.form_html(hostile, ".."), render.form_html(data, ".."))
    for question in hostile["questions"]:
        fieldset = by_id(soup, render.question_anchor(question["id"]))
        if question["hint"]:
            assert by_id(soup, fieldset["aria-describedby"]).get_text().startswith(question["hint"])
            assert fieldset["aria-describedby"] == render.question_anchor(question["id"]) + "-hint"
        radios = elements(fieldset, "input")
        assert [radio["value"] for radio in radios] == rules.answer_values(hostile, question)
        for radio in radios:
            assert radio["name"] == question["id"]
            assert radio["id"] == render.question_anchor(question["id"]) + "-" + radio["value"]
            assert soup.find("label", attrs={"for": radio["id"]}) is not None
    banners = soup.select(".sog-urgent")
    assert [banner["id"] for banner in banners] == [render.urgent_id(level["id"]) for level in urgent_levels(hostile)]
    guide = assert_escaped(render.guide_html(hostile, ".."), render.guide_html(data, ".."))
    sections = guide.select("section.sog-rule")
    assert [section["aria-labelledby"] for section in sections[:-1]] == [
        "rule-" + level["id"] for level in hostile["levels"]]
    for section in sections:
        assert section.h3["id"] == section["aria-labelledby"]


@pytest.mark.parametrize("answers", RESULT_ANSWERS)
def test_result_ids_stay_text_and_come_back_exactly(data, answers):
    """A result drawn from hostile ids injects nothing: its links lead to
    their questions exactly, and its box names its level."""
    hostile, hostile_answers = with_hostile_ids(data, answers)
    result = rules.evaluate(hostile, hostile_answers)
    plain = rules.evaluate(data, answers)
    assert (result["level"] is None) is (plain["level"] is None)
    soup = assert_escaped(render.result_html(hostile, result, ".."), render.result_html(data, plain, ".."))
    linked = result["missing"] if result["level"] is None else result["ask_first"]
    in_page = [anchor["href"] for anchor in elements(soup, "a") if anchor["href"].startswith("#")]
    assert in_page == ["#" + render.question_anchor(question_id) for question_id in linked]
    if result["level"] is not None:
        assert "sog-level-" + result["level"] in box_of(soup)["class"]


@pytest.mark.parametrize("primary", [False, True], ids=["plain", "primary"])
def test_a_buttons_values_stay_text(primary):
    """A button's action and id, given by the code today, and its words are escaped."""
    assert_builder_escapes(lambda action, element_id, text: render._button(action, element_id, text, primary),
                           ("reset", "screener-reset", "Start over"))


def test_guide_says_what_blank_questions_mean(data):
    """After the levels, the guide says that with questions blank and none
    leading anywhere there is no result yet (the rule rules.evaluate follows)."""
    soup = parse_well_formed(render.guide_html(data, ".."))
    (section,) = elements(soup, "section", **{"aria-labelledby": "rule-blank"})
    assert by_id(soup, "rule-blank").get_text() == data["words"]["guide_blank_title"]
    assert elements(section, "p")[0].get_text() == data["words"]["guide_blank"]
    assert elements(soup, "section")[-1] is section


def test_yearly_figures_are_filled_in(data):
    """The Medicare note shows the deductible and its year from figures.json,
    in the guide and in a result; no placeholder is left."""
    deductible = figures.load()["part_b_deductible"]
    shown = deductible["text"] + " in " + str(deductible["year"])
    guide = render.guide_html(data, "..")
    result = render.result_html(data, rules.evaluate(data, {"medicare": "original", "major_treatment": "yes"}), "..")
    for html in (guide, result, render.form_html(data, "..")):
        assert figures.placeholders(html) == []
    assert shown in guide and shown in result
