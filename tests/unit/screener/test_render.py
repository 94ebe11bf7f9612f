"""Unit tests for sog/screener/render.py: the screener's HTML.

Tested here, by parsing the output with BeautifulSoup (tests/support/html.py):
- form_html: well-formed; the shared widget root; one fieldset and legend
  per question; one labelled radio per answer with unique ids;
  aria-describedby points to the hint; the urgent box waits, hidden, right
  after the emergency question; the buttons sit in a container hidden until
  Python runs; there is no form to submit answers to a server.
- result_html: well-formed; the level, reasons, notes and next steps; the
  blank-question line; the not-medical-advice line with 911; links relative
  to the site root.
- guide_html: well-formed; every level and every note listed.
- static_form and static_guide (the build's markers) draw from the data file.
- element ids stay unique across everything that shares the page.
- escaping: with EVIL in every piece of text (data, words, words.json and
  the site root) nothing is injected and the text shows as text.
Every sentence is compared with the data's words, never copied here.
"""

import re

import pytest
from sog import datafiles, shell
from sog.markup import fill
from sog.screener import render, rules

from tests.support import examples
from tests.support.examples import EVIL
from tests.support.html import by_id, elements, ids, parse, parse_well_formed
from tests.unit.escaping import assert_escaped

RESULT_ANSWERS = [
    pytest.param({}, id="empty"),
    pytest.param({"emergency": "yes", "medicare": "yes"}, id="emergency"),
    pytest.param(
        {"emergency": "not_sure", "serious_illness": "yes", "side_effects": "yes", "medicare": "yes",
         "major_treatment": "yes", "biopsy_or_cancer": "yes", "older_adult": "yes",
         "doctor_suggested": "yes"},
        id="worth-seeking-with-every-note",
    ),
    pytest.param({"rushed_visit": "not_sure", "medicare": "yes"}, id="could-help-with-note"),
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
        radios = elements(by_id(soup, "q-" + question["id"]), "input")
        assert [r["type"] for r in radios] == ["radio"] * len(data["answers"])
        assert [r["name"] for r in radios] == [question["id"]] * len(data["answers"])
        assert [r["value"] for r in radios] == rules.answer_values(data)
        assert [r["data-action"] for r in radios] == ["answer"] * len(data["answers"])
        for radio, answer in zip(radios, data["answers"], strict=True):
            assert labels[radio["id"]].get_text().strip() == answer["label"]
    assert len(labels) == len(elements(soup, "input"))


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
            assert hint.get_text() == question["hint"]
        else:
            assert not fieldset.has_attr("aria-describedby")


def test_urgent_box_waits_hidden_after_the_emergency_question(data):
    """The 911 message is in the page from the start, hidden, as an alert,
    right after each question that can lead to an emergency."""
    soup = parse_well_formed(render.form_html(data, ".."))
    urgent = by_id(soup, render.URGENT_ID)
    assert urgent.has_attr("hidden") and urgent["role"] == "alert"
    level = rules.find_level(data, "emergency")
    assert urgent.get_text() == level["title"] + ". " + level["summary"]
    leading = [q for q in data["questions"] if "emergency" in q["leads_to"].values()]
    assert len(leading) == 1
    assert urgent.find_previous_sibling("fieldset")["id"] == "q-" + leading[0]["id"]


def test_nothing_is_clickable_without_python(data):
    """Every button sits in the actions container, which shows once the
    widget's Python is ready (shell.NEEDS_PYTHON, in room kept for it); the
    status line starts hidden too."""
    soup = parse_well_formed(render.form_html(data, ".."))
    actions = by_id(soup, "screener-actions")
    assert shell.NEEDS_PYTHON in actions["class"].split()
    buttons = elements(soup, "button")
    assert [b.get_text() for b in buttons] == [data["words"]["show"], data["words"]["reset"]]
    for button in buttons:
        assert inside(button, actions)
    assert [i for i in elements(soup, "input") if i.get("type") != "radio"] == []
    assert by_id(soup, "screener-status").has_attr("hidden")


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
    data = rules.load_data()
    assert render.static_form("..") == render.form_html(data, "..")
    assert render.static_guide(".") == render.guide_html(data, ".")


# result_html ----------------------------------------------------------------


@pytest.mark.parametrize("answers", RESULT_ANSWERS)
def test_result_is_well_formed(data, answers):
    """The result panel balances its tags for results of every kind."""
    result_for(data, answers)


@pytest.mark.parametrize("level_id", ["emergency", "worth_seeking", "could_help", "not_needed_now"])
def test_result_shows_level_and_safety_line(data, level_id):
    """Each result names its level in a focusable heading and ends with the
    not-medical-advice line, which sends emergencies to 911."""
    result = {"level": level_id, "reasons": [], "notes": [], "unanswered": []}
    soup = parse_well_formed(render.result_html(data, result, ".."))
    level = rules.find_level(data, level_id)
    title = by_id(soup, "screener-result-title")
    assert title.name == "h2" and title["tabindex"] == "-1"
    assert title.get_text() == fill(data["words"]["result_title"], {"title": level["title"]})
    box = children(soup)[0]
    assert "sog-level-" + level_id in box["class"].split()
    assert elements(box, "p")[0].get_text() == level["summary"]
    last = children(box)[-1]
    assert last.get_text() == datafiles.load("words.json")["not_advice"]
    assert "911" in last.get_text()


def test_result_lists_reasons_notes_and_steps(data):
    """The panel lists each reason in order, each note with its source and link,
    and the level's next steps, under the data's headings."""
    answers = {"side_effects": "yes", "no_diagnosis": "yes", "biopsy_or_cancer": "yes"}
    result = rules.evaluate(data, answers)
    soup = parse_well_formed(render.result_html(data, result, ".."))
    words = data["words"]
    assert [h.get_text() for h in elements(soup, "h3")] == [words["why"], words["good_to_know"], words["next"]]
    why, notes, steps = elements(children(soup)[0], "ul")
    assert [li.get_text() for li in elements(why, "li")] == [r["text"] for r in result["reasons"]]
    (note_item,) = elements(notes, "li")
    pathology = data["notes"][[n["id"] for n in data["notes"]].index("pathology")]
    assert note_item.get_text().startswith(pathology["text"])
    assert fill(words["source"], {"source": pathology["source"]}) in note_item.get_text()
    (anchor,) = elements(note_item, "a")
    assert anchor["href"] == "../pathology/" and anchor.get_text() == words["read_more"]
    level = rules.find_level(data, "worth_seeking")
    assert [li.get_text() for li in elements(steps, "li")] == [s["text"] for s in level["next_steps"]]


def test_result_without_reasons_or_notes_has_no_empty_lists(data):
    """With no reasons and no notes, neither heading nor empty list appears."""
    soup = result_for(data, {"emergency": "no"})
    assert [h.get_text() for h in elements(soup, "h3")] == [data["words"]["next"]]
    assert len(elements(soup, "ul")) == 1


def blank_sentence(data, count):
    words = data["words"]
    return words["blank_one"] if count == 1 else fill(words["blank_many"], {"n": count})


@pytest.mark.parametrize("answered", [0, 1, "all but one"], ids=["none", "one", "all-but-one"])
def test_result_mentions_blank_questions(data, answered):
    """Skipped questions are counted in the data's words (one, or many)."""
    questions = data["questions"]
    count = len(questions) - 1 if answered == "all but one" else answered
    answers = {question["id"]: "no" for question in questions[:count]}
    blank = len(questions) - count
    text = result_for(data, answers).get_text()
    assert blank_sentence(data, blank) in text
    for other in (1, len(questions)):
        if other != blank:
            assert blank_sentence(data, other) not in text


def test_emergency_result_says_nothing_about_blanks(data):
    """In an emergency, blank questions do not matter and are not mentioned."""
    text = result_for(data, {"emergency": "yes"}).get_text()
    blank = len(data["questions"]) - 1
    assert blank_sentence(data, blank) not in text and blank_sentence(data, 1) not in text
    assert len(elements(result_for(data, {"emergency": "yes"}), "p", **{"class": "sog-small"})) == 1


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
    assert elements(soup, "li")[0].get_text() == "<script>alert('x')</script> & more"


@pytest.mark.parametrize("root", ROOTS)
@pytest.mark.parametrize("answers", RESULT_ANSWERS)
def test_result_links_are_relative_to_the_site_root(data, answers, root):
    """Every link is the root plus a data href, e.g. root ".." gives
    href="../talking-to-your-doctor/"."""
    soup = result_for(data, answers, root)
    known = {step["href"] for level in data["levels"] for step in level["next_steps"]}
    known |= {note["href"] for note in data["notes"]}
    for anchor in elements(soup, "a"):
        href = anchor["href"]
        assert href.startswith(root + "/")
        assert href[len(root) + 1:] in known


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


def test_guide_lists_every_level_in_order(data):
    """The guide opens with how to read it, then has a section per level, in
    priority order, titled by the level and labelled by that title."""
    soup = parse_well_formed(render.guide_html(data, ".."))
    guide = by_id(soup, "screener-guide")
    assert children(guide)[0].get_text() == data["words"]["guide_intro"]
    sections = elements(soup, "section")
    assert [s["aria-labelledby"] for s in sections] == ["rule-" + lvl["id"] for lvl in data["levels"]]
    for section, level in zip(sections, data["levels"], strict=True):
        heading = by_id(soup, section["aria-labelledby"])
        assert inside(heading, section)
        assert heading.get_text() == level["title"]
        assert level["summary"] in section.get_text()


def test_guide_lists_the_answers_behind_each_level(data):
    """Under each level the guide lists every answer that leads to it; the
    mildest level says none does."""
    soup = parse_well_formed(render.guide_html(data, ".."))
    labels = {answer["value"]: answer["label"] for answer in data["answers"]}
    words = data["words"]
    for level in data["levels"]:
        (section,) = elements(soup, "section", **{"aria-labelledby": "rule-" + level["id"]})
        expected = [
            labels[answer] + ": " + question["text"]
            for question in data["questions"]
            for answer in rules.answer_values(data)
            if question["leads_to"].get(answer) == level["id"]
        ]
        paragraphs = [p.get_text() for p in elements(section, "p")]
        if expected:
            assert paragraphs[0] == words["guide_answered"]
            assert [li.get_text() for li in elements(elements(section, "ul")[0], "li")] == expected
        else:
            assert paragraphs[0] == words["guide_none"]
        assert level["next_steps"][0]["text"] in section.get_text()


def test_guide_lists_every_note(data):
    """The "Also worth knowing" list holds every note, in data order, with its
    source and a link where the note has one."""
    soup = parse_well_formed(render.guide_html(data, ".."))
    guide = by_id(soup, "screener-guide")
    heading, notes_list = children(guide)[-2:]
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
    for question in hostile["questions"]:
        question["text"] += EVIL
        question["hint"] += EVIL if question["hint"] else ""
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
    hinted = next(q for q in hostile["questions"] if q["hint"])
    assert by_id(soup, "q-" + hinted["id"] + "-hint").get_text() == hinted["hint"]
    assert by_id(soup, "screener")["data-root"] == ".." + EVIL
    assert elements(by_id(soup, "q-" + first["id"]), "span")[-1].get_text() == hostile["answers"][-1]["label"]


@pytest.mark.parametrize("answers", RESULT_ANSWERS)
def test_result_keeps_every_text_as_text(data, hostile_shared_words, answers):
    """Hostile level, reason, note, source, step and word texts inject nothing."""
    hostile = hostile_screener(data)
    result = rules.evaluate(hostile, answers)
    soup = assert_escaped(render.result_html(hostile, result, ".."), render.result_html(data, result, ".."))
    level = rules.find_level(hostile, result["level"])
    assert by_id(soup, "screener-result-title").get_text() == fill(
        hostile["words"]["result_title"], {"title": level["title"]}
    )
    assert children(children(soup)[0])[-1].get_text() == hostile_shared_words["words.json"]["not_advice"]


def test_result_blank_lines_keep_their_words_as_text(data, hostile_shared_words):
    """Both blank-question sentences inject nothing."""
    hostile = hostile_screener(data)
    for answered in (0, len(data["questions"]) - 1):
        answers = {question["id"]: "no" for question in data["questions"][:answered]}
        result = rules.evaluate(hostile, answers)
        html = render.result_html(hostile, result, "..")
        soup = assert_escaped(html, render.result_html(data, result, ".."))
        assert blank_sentence(hostile, len(data["questions"]) - answered) in soup.get_text()


def test_guide_keeps_every_text_as_text(data, hostile_shared_words):
    """Hostile levels, rules, notes, sources and words inject nothing."""
    hostile = hostile_screener(data)
    soup = assert_escaped(render.guide_html(hostile, ".."), render.guide_html(data, ".."))
    assert elements(soup, "h3")[0].get_text() == hostile["levels"][0]["title"]
