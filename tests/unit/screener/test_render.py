"""Unit tests for pyscript/screener/render.py: the screener's HTML.

Tested here, by parsing the output with the standard library's html.parser:
- form_html: well-formed; one fieldset and legend per question; one labelled
  radio per answer with unique ids; aria-describedby points to the hint; the
  buttons sit in a container hidden until Python runs; the form has no action
  or method, so answers can never be sent to a server; text is escaped.
- result_html: well-formed; escapes every text; the reasons, notes and next
  steps; the not-medical-advice line with 911; links relative to the site root.
- guide_html: well-formed; every level and every note listed.
- element ids stay unique across everything that shares the page.
"""

import copy
from html.parser import HTMLParser

import pytest

from screener import render, rules

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class Element:
    def __init__(self, tag, attrs, parent):
        self.tag = tag
        self.attrs = dict(attrs)
        self.parent = parent
        self.children = []
        self.text = ""

    def ancestors(self):
        node = self.parent
        while node is not None:
            yield node
            node = node.parent

    def find_all(self, tag=None, **attrs):
        found = []
        for child in self.children:
            if (tag is None or child.tag == tag) and all(child.attrs.get(k) == v for k, v in attrs.items()):
                found.append(child)
            found.extend(child.find_all(tag, **attrs))
        return found


class Tree(HTMLParser):
    """A minimal DOM that records any unbalanced or stray tag as an error."""

    def __init__(self, html):
        super().__init__(convert_charrefs=True)
        self.root = Element("#root", [], None)
        self.open = [self.root]
        self.errors = []
        self.feed(html)
        self.close()
        if len(self.open) > 1:
            self.errors.append("unclosed: " + ", ".join(e.tag for e in self.open[1:]))

    def handle_starttag(self, tag, attrs):
        element = Element(tag, attrs, self.open[-1])
        self.open[-1].children.append(element)
        if tag not in VOID:
            self.open.append(element)

    def handle_startendtag(self, tag, attrs):
        self.open[-1].children.append(Element(tag, attrs, self.open[-1]))

    def handle_endtag(self, tag):
        if tag in VOID:
            self.errors.append("end tag for void element </" + tag + ">")
        elif len(self.open) > 1 and self.open[-1].tag == tag:
            self.open.pop()
        else:
            self.errors.append("</" + tag + "> closes <" + self.open[-1].tag + ">")

    def handle_data(self, text):
        for element in self.open:
            element.text += text

    def all(self, tag=None, **attrs):
        return self.root.find_all(tag, **attrs)

    def by_id(self, element_id):
        found = self.all(id=element_id)
        assert len(found) == 1, f"{len(found)} elements with id {element_id!r}"
        return found[0]


def parse(html):
    tree = Tree(html)
    assert tree.errors == []
    return tree


def ids_in(tree):
    return [element.attrs["id"] for element in tree.all() if "id" in element.attrs]


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


# form_html ------------------------------------------------------------------


def test_form_is_well_formed(data):
    """Every tag the static form opens is closed, in order."""
    parse(render.form_html(data, ".."))


def test_form_has_one_fieldset_and_legend_per_question(data):
    """Each question is a fieldset, in data order, whose legend (its first
    child) holds the question's number and text."""
    tree = parse(render.form_html(data, ".."))
    fieldsets = tree.all("fieldset")
    assert [f.attrs["id"] for f in fieldsets] == ["q-" + q["id"] for q in data["questions"]]
    for number, (fieldset, question) in enumerate(zip(fieldsets, data["questions"]), start=1):
        legends = fieldset.find_all("legend")
        assert len(legends) == 1
        assert fieldset.children[0] is legends[0]
        assert legends[0].text == f"{number}. {question['text']}"


def test_form_has_a_labelled_radio_per_answer(data):
    """Each question offers one radio per answer, named after the question, each
    with a unique id and a label whose for= points to it."""
    tree = parse(render.form_html(data, ".."))
    labels = {label.attrs.get("for"): label for label in tree.all("label")}
    all_ids = ids_in(tree)
    assert len(all_ids) == len(set(all_ids)), "duplicate ids in the form"
    for question in data["questions"]:
        radios = tree.by_id("q-" + question["id"]).find_all("input")
        assert [r.attrs["type"] for r in radios] == ["radio"] * len(data["answers"])
        assert [r.attrs["name"] for r in radios] == [question["id"]] * len(data["answers"])
        assert [r.attrs["value"] for r in radios] == rules.answer_values(data)
        for radio, answer in zip(radios, data["answers"]):
            label = labels[radio.attrs["id"]]
            assert label.text.strip() == answer["label"]
    assert len(labels) == len(tree.all("input"))


def test_aria_describedby_points_to_the_hint(data):
    """A question with a hint is described by it, inside its own fieldset; a
    question without one has no aria-describedby."""
    tree = parse(render.form_html(data, ".."))
    for question in data["questions"]:
        fieldset = tree.by_id("q-" + question["id"])
        if question.get("hint"):
            hint = tree.by_id(fieldset.attrs["aria-describedby"])
            assert fieldset in hint.ancestors()
            assert hint.text == question["hint"]
        else:
            assert "aria-describedby" not in fieldset.attrs


def test_nothing_is_clickable_without_python(data):
    """Every button sits in the actions container, which is hidden until the
    widget's Python shows it; the status line starts hidden too."""
    tree = parse(render.form_html(data, ".."))
    actions = tree.by_id("screener-actions")
    assert "hidden" in actions.attrs
    buttons = tree.all("button")
    assert buttons, "the form should have its buttons, hidden"
    for button in buttons:
        assert actions in button.ancestors()
    assert [i for i in tree.all("input") if i.attrs.get("type") != "radio"] == []
    assert "hidden" in tree.by_id("screener-status").attrs


def test_form_never_submits_to_a_server(data):
    """There is no <form> and no submit button: with JavaScript off, pressing
    Enter cannot send the answers to the web server in the address."""
    html = render.form_html(data, "..")
    tree = parse(html)
    assert tree.all("form") == []
    assert [b for b in tree.all("button") if b.attrs.get("type") != "button"] == []
    for element in tree.all():
        assert not {"formaction", "formmethod", "action", "method"} & set(element.attrs), element.tag
    assert "action=" not in html.lower() and "method=" not in html.lower()


def test_form_escapes_text(data):
    """Question text, hints, answer labels and the root are escaped, so no text
    can turn into markup."""
    data = copy.deepcopy(data)
    data["questions"][0]["text"] = 'Is "this" <b>bold</b> & odd?'
    data["questions"][0]["hint"] = "<script>alert(1)</script>"
    data["answers"][0]["label"] = "<i>Yes</i>"
    tree = parse(render.form_html(data, '"><script>x</script>'))
    assert tree.all("script") == [] and tree.all("b") == [] and tree.all("i") == []
    assert tree.all("legend")[0].text == '1. Is "this" <b>bold</b> & odd?'
    assert tree.by_id("q-emergency-hint").text == "<script>alert(1)</script>"
    assert tree.by_id("screener").attrs["data-root"] == '"><script>x</script>'


# result_html ----------------------------------------------------------------


@pytest.mark.parametrize("answers", RESULT_ANSWERS)
def test_result_is_well_formed(data, answers):
    """The result panel balances its tags for results of every kind."""
    parse(render.result_html(data, rules.evaluate(data, answers), ".."))


@pytest.mark.parametrize("level_id", ["emergency", "worth_seeking", "could_help", "not_needed_now"])
def test_result_shows_level_and_safety_line(data, level_id):
    """Each result names its level in a focusable heading and ends with the
    not-medical-advice line, which sends emergencies to 911."""
    result = {"level": level_id, "reasons": [], "notes": [], "unanswered": []}
    tree = parse(render.result_html(data, result, ".."))
    level = rules.find_level(data, level_id)
    title = tree.by_id("screener-result-title")
    assert title.tag == "h2" and title.attrs["tabindex"] == "-1"
    assert title.text == "Your result: " + level["title"]
    box = tree.root.children[0]
    assert "sog-level-" + level_id in box.attrs["class"].split()
    last = box.children[-1]
    assert "not medical advice" in last.text
    assert "911" in last.text


def test_result_lists_reasons_notes_and_steps(data):
    """The panel lists each reason in order, each note with its source and link,
    and the level's next steps."""
    answers = {"side_effects": "yes", "no_diagnosis": "yes", "biopsy_or_cancer": "yes"}
    result = rules.evaluate(data, answers)
    tree = parse(render.result_html(data, result, ".."))
    lists = tree.root.children[0].find_all("ul")
    why, notes, steps = lists
    assert [li.text for li in why.find_all("li")] == [r["text"] for r in result["reasons"]]
    (note_item,) = notes.find_all("li")
    pathology = data["notes"][[n["id"] for n in data["notes"]].index("pathology")]
    assert note_item.text.startswith(pathology["text"])
    assert "(Source: " + pathology["source"] + ")" in note_item.text
    assert note_item.find_all("a")[0].attrs["href"] == "../pathology/"
    level = rules.find_level(data, "worth_seeking")
    assert [li.text for li in steps.find_all("li")] == [s["text"] for s in level["next_steps"]]


def test_result_without_reasons_or_notes_has_no_empty_lists(data):
    """With no reasons and no notes, neither heading nor empty list appears."""
    tree = parse(render.result_html(data, rules.evaluate(data, {"emergency": "no"}), ".."))
    headings = [h.text for h in tree.all("h3")]
    assert headings == ["What to do next"]
    assert len(tree.all("ul")) == 1


@pytest.mark.parametrize(
    "answers, blank_line",
    [
        pytest.param({}, "You left 14 question(s) blank.", id="all-blank"),
        pytest.param({"emergency": "no"}, "You left 13 question(s) blank.", id="one-answered"),
        pytest.param({"emergency": "yes"}, None, id="emergency-says-nothing-about-blanks"),
    ],
)
def test_result_mentions_blank_questions(data, answers, blank_line):
    """Skipped questions are counted, except on the emergency result."""
    html = render.result_html(data, rules.evaluate(data, answers), "..")
    if blank_line is None:
        assert "blank" not in html
    else:
        assert blank_line in html


def test_result_escapes_reason_text(data):
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
    tree = parse(html)
    assert tree.all("script") == []
    assert tree.all("li")[0].text == "<script>alert('x')</script> & more"


def test_result_escapes_every_data_text(data):
    """Level title, summary, steps and note text and source are escaped too."""
    data = copy.deepcopy(data)
    level = rules.find_level(data, "worth_seeking")
    level["title"] = "<script>title</script>"
    level["summary"] = "<img src=x onerror=alert(1)>"
    level["next_steps"][0]["text"] = "<b>step</b>"
    note = data["notes"][[n["id"] for n in data["notes"]].index("ask_why")]
    note["text"] = "<u>note</u>"
    note["source"] = '"><script>source</script>'
    result = rules.evaluate(data, {"doctor_suggested": "yes"})
    tree = parse(render.result_html(data, result, ".."))
    assert [e.tag for e in tree.all() if e.tag in ("script", "img", "b", "u")] == []
    assert tree.by_id("screener-result-title").text == "Your result: <script>title</script>"


@pytest.mark.parametrize("root", ROOTS)
@pytest.mark.parametrize("answers", RESULT_ANSWERS)
def test_result_links_are_relative_to_the_site_root(data, answers, root):
    """Every link is the root plus a data href, e.g. root ".." gives
    href="../talking-to-your-doctor/"."""
    result = rules.evaluate(data, answers)
    tree = parse(render.result_html(data, result, root))
    known = {step["href"] for level in data["levels"] for step in level["next_steps"]}
    known |= {note["href"] for note in data["notes"]}
    for anchor in tree.all("a"):
        href = anchor.attrs["href"]
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
    parse(render.guide_html(data, ".."))


def test_guide_lists_every_level_in_order(data):
    """The guide has a section per level, in priority order, titled by the level
    and labelled by that title."""
    tree = parse(render.guide_html(data, ".."))
    sections = tree.all("section")
    assert [s.attrs["aria-labelledby"] for s in sections] == ["rule-" + lvl["id"] for lvl in data["levels"]]
    for section, level in zip(sections, data["levels"]):
        heading = tree.by_id(section.attrs["aria-labelledby"])
        assert section in heading.ancestors()
        assert heading.text == level["title"]
        assert level["summary"] in section.text


def test_guide_lists_the_answers_behind_each_level(data):
    """Under each level the guide lists every answer that leads to it; the
    mildest level says none does."""
    tree = parse(render.guide_html(data, ".."))
    labels = {answer["value"]: answer["label"] for answer in data["answers"]}
    for level in data["levels"]:
        section = tree.all("section", **{"aria-labelledby": "rule-" + level["id"]})[0]
        expected = [
            labels[answer] + ": " + question["text"]
            for question in data["questions"]
            for answer in rules.answer_values(data)
            if question["leads_to"].get(answer) == level["id"]
        ]
        if expected:
            rule_list = section.find_all("ul")[0]
            assert [li.text for li in rule_list.find_all("li")] == expected
        else:
            assert "None of your answers above leads to another result." in section.text


def test_guide_lists_every_note(data):
    """The "Also worth knowing" list holds every note, in data order."""
    tree = parse(render.guide_html(data, ".."))
    notes_list = tree.by_id("screener-guide").children[-1]
    assert notes_list.tag == "ul"
    items = notes_list.find_all("li")
    assert len(items) == len(data["notes"])
    for item, note in zip(items, data["notes"]):
        assert item.text.startswith(note["text"])


@pytest.mark.parametrize("root", ROOTS)
def test_guide_links_are_relative_to_the_site_root(data, root):
    """Every link in the guide starts with the page's root."""
    tree = parse(render.guide_html(data, root))
    anchors = tree.all("a")
    assert anchors
    for anchor in anchors:
        assert anchor.attrs["href"].startswith(root + "/")


# the whole page ---------------------------------------------------------------


@pytest.mark.parametrize("answers", RESULT_ANSWERS)
def test_ids_unique_across_the_page(data, answers):
    """Form, guide and a result share one page, so their ids never clash."""
    html = (
        render.form_html(data, "..")
        + render.guide_html(data, "..")
        + render.result_html(data, rules.evaluate(data, answers), "..")
    )
    ids = ids_in(parse(html))
    assert sorted({i for i in ids if ids.count(i) > 1}) == []
