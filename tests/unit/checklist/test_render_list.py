"""Unit tests for sog/checklist/render_list.py: the checklist on screen.

Tested here, by parsing the output with BeautifulSoup:
- widget_html draws what view.build says (and builds no view itself): the
  tailoring note, each shown item in its group (a checkbox for a task, a
  radio per stage for a record) with its reason and a "Read more" link
  named by the page's title; the show-all button; own items; appointment
  fields; questions with their move and remove buttons; suggestions not
  yet added; goals; download, print and load; clear, with its confirmation.
- ids are unique; every action drawn is one the widget's code routes.
- page_html: the shared widget root holding the blank sheet for readers
  without JavaScript; static_page draws from the data file.
- escaping: with EVIL in every piece of visitor text, data text and words
  (items.json, words.json, pages.json) nothing is injected and the text
  shows as text; ids and values that end in an entity or in markup (the
  data's, the visitor's items' and questions', the appointment fields')
  inject nothing and come back exactly; the box, button and text form
  builders escape every value they are given.
"""

import ast
from pathlib import Path

import pytest
from sog import datafiles, keep, shell
from sog.checklist import calendar, items, render_list, render_sheet, state, view
from sog.markup import fill, sentence

from tests.support import examples
from tests.support.examples import ENTITY, EVIL
from tests.support.html import by_id, elements, ids, parse_well_formed
from tests.unit.escaping import assert_builder_escapes, assert_escaped

ROOT = ".."


def draw(data, checklist, answers=None, confirming=False, root=ROOT):
    shown = view.build(data, checklist, answers or {})
    return render_list.widget_html(data, checklist, shown, root, confirming)


def soup_of(data, checklist, answers=None, confirming=False, root=ROOT):
    return parse_well_formed(draw(data, checklist, answers, confirming, root))


def titles():
    return datafiles.load("pages.json")["titles"]


def item_row(soup, item):
    """The list row of one item."""
    if item["kind"] == "task":
        return by_id(soup, "ck-" + item["id"]).find_parent("li")
    return by_id(soup, "st-" + item["id"] + "-" + render_list.NO_STAGE).find_parent("li")


# ---- items ----------------------------------------------------------------------------


@pytest.mark.parametrize("answers", [a for _, a in examples.ANSWER_SETS], ids=[n for n, _ in examples.ANSWER_SETS])
@pytest.mark.parametrize(
    "make", [lambda data: state.new_state(), examples.rich_checklist, examples.filled_checklist],
    ids=["new", "rich", "filled"],
)
def test_shown_items_in_their_groups(data, make, answers):
    """Exactly the view's items are drawn, in data order, under their group
    headings, with ids unique across the widget."""
    checklist = make(data)
    shown = view.build(data, checklist, answers)
    soup = soup_of(data, checklist, answers)
    drawn = []
    for element in by_id(soup, render_list.PART + "items").select("input[data-action]"):
        assert element["data-action"] in ("toggle", "stage")
        item_id = element["data-id"]
        if item_id not in drawn:
            drawn.append(item_id)
    assert drawn == shown["shown"]
    grouped = [entry["group"]["title"] for entry in items.groups_with_items(data, shown["shown"])]
    assert [title.get_text() for title in soup.select("details.sog-group > summary > .sog-group-title")] == grouped
    found = ids(soup)
    assert len(found) == len(set(found))


def test_a_task_row(data):
    """A task is a labelled checkbox, ticked when done, with why it matters
    and a link named by the guidance page's title."""
    checklist = state.set_show_all(examples.rich_checklist(data), True)
    soup = soup_of(data, checklist)
    boxes = {box["id"]: box for box in elements(soup, "input")}
    labels = {label["for"]: label for label in elements(soup, "label")}
    for item in data["items"]:
        if item["kind"] != "task":
            continue
        box = boxes["ck-" + item["id"]]
        assert (box["type"], box["data-action"], box["data-id"]) == ("checkbox", "toggle", item["id"])
        assert box.has_attr("checked") is state.is_done(data, checklist, item["id"])
        assert labels["ck-" + item["id"]].get_text() == item["text"]
        why = box.find_parent("li").select_one("p.sog-why")
        (anchor,) = elements(why, "a")
        assert anchor["href"] == ROOT + "/" + item["href"]
        assert anchor.get_text() == fill(data["words"]["read_more"], {"title": titles()[item["href"]]})
        assert why.get_text() == item["why"] + " " + anchor.get_text()


@pytest.mark.parametrize("position", [None, 0, -1], ids=["not-started", "first", "last"])
def test_a_record_row(data, position):
    """A record is a group of radios, "not yet" and one per stage, with the
    reached one checked; it is marked done at the last stage."""
    record = items.find_item(data, examples.RECORD)
    checklist = state.new_state()
    if position is not None:
        checklist = state.set_stage(data, checklist, record["id"], data["stages"][position]["id"])
    soup = soup_of(data, checklist)
    row = item_row(soup, record)
    assert row.legend.get_text() == record["text"]
    radios = elements(row, "input")
    options = [render_list.NO_STAGE] + items.stage_ids(data)
    assert [radio["value"] for radio in radios] == options
    assert {(radio["type"], radio["name"], radio["data-action"], radio["data-id"]) for radio in radios} == {
        ("radio", "st-" + record["id"], "stage", record["id"])
    }
    reached = checklist["stages"].get(record["id"], render_list.NO_STAGE)
    assert [radio.has_attr("checked") for radio in radios] == [option == reached for option in options]
    labels = [row.find("label", {"for": radio["id"]}).get_text().strip() for radio in radios]
    assert labels == [data["words"]["not_yet"]] + [stage["label"] for stage in data["stages"]]
    done = position is not None and options[position if position < 0 else position + 1] == options[-1]
    assert (render_list.DONE_CLASS in row["class"].split()) is done


def test_tailored_items_say_why(data):
    """An item shown because of an answer says so; core items do not."""
    answers = {"biopsy": "yes", "breast": "yes"}
    soup = soup_of(data, state.new_state(), answers)
    because = view.tailor(data, answers)["because"]
    assert because
    for item in data["items"]:
        if item["id"] not in view.build(data, state.new_state(), answers)["shown"]:
            continue
        said = [p.get_text() for p in item_row(soup, item).select("p.sog-because")]
        assert said == ([because[item["id"]]] if item["id"] in because else [])


@pytest.mark.parametrize("answers", [{}, {"medicare": "yes"}], ids=["untailored", "tailored"])
def test_tailoring_note_links_to_the_screener(data, answers):
    """The note says whether the list fits the screener answers, linking to it by its title."""
    soup = soup_of(data, state.new_state(), answers)
    note = soup.select_one("p.sog-tailored")
    (anchor,) = elements(note, "a")
    assert anchor["href"] == ROOT + "/screener/" and anchor.get_text() == titles()["screener/"]
    template = data["words"]["tailored" if answers else "untailored"]
    assert note.get_text() == template.replace("{link}", titles()["screener/"]) + " " + data["words"]["all_hint"]
    assert note.find_previous_sibling("h2").get_text() == data["words"]["all_title"]


def test_show_all_button(data):
    """Hidden items give a "show every item (n more)" button; with show_all
    on, a button to show fewer; with nothing hidden and show_all off, none."""
    words = data["words"]
    new = state.new_state()
    hidden = view.build(data, new, {})["hidden"]
    assert hidden > 0
    button = by_id(soup_of(data, new), "show-all")
    assert (button.get_text(), button["data-id"]) == (fill(words["show_all"], {"n": hidden}), "on")
    button = by_id(soup_of(data, state.set_show_all(new, True)), "show-all")
    assert (button.get_text(), button["data-id"]) == (words["show_fewer"], "off")
    everything = {item["id"]: True for item in data["items"] if item["kind"] == "task"}
    crowded = dict(new, done=everything, stages={i: "asked" for i in items.ids_of_kind(data, "record")})
    assert view.build(data, crowded, {})["hidden"] == 0
    assert elements(soup_of(data, crowded), id="show-all") == []


# ---- your next things, and the folded groups -------------------------------------------------


def next_boxes(soup):
    """(data-action, data-id, label) of each box in "Your next things"."""
    found = []
    for box in by_id(soup, render_list.PART + "next").select("input"):
        assert box["type"] == "checkbox" and box["id"] == render_list.NEXT_BOX + box["data-id"]
        assert not box.has_attr("checked")
        found.append((box["data-action"], box["data-id"], soup.find("label", {"for": box["id"]}).get_text()))
    return found


def test_next_things_come_first_with_a_box_each(data):
    """The list opens with the next three things to do (view.build's next),
    each with its own box: a task's text, a record's "Ask for: ...", an own
    item's text; the heading counts them; with nothing left, a line says so."""
    words = data["words"]
    soup = soup_of(data, state.new_state())
    first = by_id(soup, render_list.PART + "next")
    assert first is soup.find_all(True, recursive=False)[0]
    heading = by_id(soup, render_list.NEXT_HEADING)
    assert heading.get_text() == words["next_titles"][2] and heading["tabindex"] == "-1"
    tasks = [item for item in data["items"] if item["core"]][:3]
    assert next_boxes(soup) == [("toggle", item["id"], item["text"]) for item in tasks]

    checklist = state.new_state()
    for item in data["items"]:
        if item["kind"] == "task":
            checklist = state.set_done(data, checklist, item["id"], True)
    checklist = state.add_custom(checklist, "Charge my phone")
    shown = view.build(data, checklist, {})
    soup = soup_of(data, checklist)
    record = items.find_item(data, shown["next"][0])
    assert record["kind"] == "record"
    assert next_boxes(soup)[0] == ("ask", record["id"], fill(words["next_record"], {"record": record["text"]}))
    for item_id in items.ids_of_kind(data, "record"):
        checklist = state.set_stage(data, checklist, item_id, "asked")
    soup = soup_of(data, checklist)
    assert next_boxes(soup) == [("toggle", "c1", "Charge my phone")]
    assert by_id(soup, render_list.NEXT_HEADING).get_text() == words["next_titles"][0]
    checklist = state.toggle(data, checklist, "c1")
    soup = soup_of(data, checklist)
    assert next_boxes(soup) == []
    assert words["next_none"] in by_id(soup, render_list.PART + "next").get_text()


def test_groups_are_folded_with_their_counts_until_opened(data):
    """Each group is a <details> named by its title and "n of m done" (the
    view's count), folded unless the visitor opened it; its summary is the
    target the widget hears (fold, the group's id)."""
    checklist = state.set_done(data, state.new_state(), "tell_doctor", True)
    checklist = state.set_group_open(data, checklist, "records", True)
    shown = view.build(data, checklist, {})
    soup = soup_of(data, checklist)
    groups = soup.select("details.sog-group")
    assert [group["data-group"] for group in groups] == [entry["group"]["id"] for entry in
                                                          items.groups_with_items(data, shown["shown"])]
    for group in groups:
        group_id = group["data-group"]
        summary = group.summary
        assert summary is group.find(True) and (summary["data-action"], summary["data-id"]) == ("fold", group_id)
        assert summary["id"] == render_list.FOLD + group_id
        count = by_id(soup, render_list.GROUP_COUNT + group_id)
        assert count.parent is summary
        assert count.get_text() == render_list.group_count_text(data, shown["groups"][group_id])
        assert group.has_attr("open") is (group_id == "records")
    assert by_id(soup, render_list.GROUP_COUNT + "before").get_text() == fill(
        data["words"]["group_progress"], {"done": 1, "total": 4})


def test_plain_title_choice_says_why(data):
    """The plain title is a labelled box, described by why it matters, ticked as saved."""
    said = data["words"]["calendar"]
    for plain in (False, True):
        soup = soup_of(data, state.set_plain_title(state.new_state(), plain))
        box = by_id(soup, render_list.PLAIN_TITLE)
        assert (box["type"], box["data-action"]) == ("checkbox", "plain-title")
        assert box.has_attr("checked") is plain
        assert soup.find("label", {"for": render_list.PLAIN_TITLE}).get_text() == said["plain_label"]
        assert by_id(soup, box["aria-describedby"]).get_text() == said["plain_hint"]


def test_the_calendar_message_region_waits_empty(data):
    region = by_id(soup_of(data, examples.filled_checklist(data)), render_list.CALENDAR_SAVED)
    assert region["role"] == "status" and region.get_text() == ""
    assert region.find_previous_sibling().select_one("#add-calendar") is not None


def test_calendar_saved_says_the_file_every_event_and_to_write_them_down(data):
    """After the file is saved: its name, each event it holds with its date
    in words (bold), and the fallback of writing them down."""
    words = data["words"]["calendar"]
    appointment = {"doctor": "Dr. Lee", "date": "2027-01-14", "time": "10:30"}
    found = calendar.events(data, appointment, False)
    soup = parse_well_formed(render_list.calendar_saved_html(data, found))
    first, last = elements(soup, "p")
    assert first.get_text() == fill(words["saved"], {"name": words["file_name"]})
    assert last.get_text() == words["write_down"]
    rows = elements(soup, "li")
    assert [row.strong.get_text() for row in rows] == [
        "Thursday, January 7, 2027, 9:00 AM", "Wednesday, January 13, 2027, 9:00 AM",
        "Thursday, January 14, 2027, 10:30 AM"]
    assert [row.get_text() for row in rows] == [
        fill(words["event"], {"when": row.strong.get_text(), "title": event["title"]})
        for row, event in zip(rows, found, strict=True)]


def test_calendar_saved_keeps_every_text_as_text(data, hostile_shared_words):
    appointment = {"doctor": EVIL + "{when}", "date": "2027-01-14", "time": ""}
    hostile = examples.hostile_words(examples.copy_data(data))
    found = calendar.events(hostile, appointment, False)
    plain = calendar.events(data, dict(appointment, doctor="Dr. Lee"), False)
    soup = assert_escaped(render_list.calendar_saved_html(hostile, found), render_list.calendar_saved_html(data, plain))
    assert EVIL + "{when}" in elements(soup, "li")[-1].get_text()


# ---- the visitor's own parts ---------------------------------------------------------------


def test_own_items(data):
    """Own items have a checkbox, their text, and a remove button that says
    which item it removes; the add form takes text up to the cap."""
    checklist = examples.rich_checklist(data)
    soup = soup_of(data, checklist)
    words = data["words"]
    for entry in checklist["custom"]:
        box = by_id(soup, "ck-" + entry["id"])
        assert (box["data-action"], box["data-id"], box.has_attr("checked")) == ("toggle", entry["id"], entry["done"])
        assert soup.find("label", {"for": "ck-" + entry["id"]}).get_text() == entry["text"]
        remove = by_id(soup, "rm-" + entry["id"])
        assert (remove["data-action"], remove["data-id"]) == ("remove-custom", entry["id"])
        assert remove.get_text() == words["remove"] + " " + entry["text"]
        assert remove.span.get_text() == " " + entry["text"] and remove.span["class"] == "sog-visually-hidden"
    form = by_id(soup, "add-custom")
    assert (form.name, form["data-action"]) == ("form", "add-custom")
    assert form.label.get_text() == words["add_own_label"] and form.label["for"] == "new-item"
    assert by_id(soup, "new-item")["maxlength"] == str(state.MAX_TEXT)
    assert form.button["type"] == "submit" and form.button.get_text() == words["add_own_button"]


def test_no_own_items_no_empty_list(data):
    """Without own items there is the heading and the add form, no empty list."""
    soup = soup_of(data, state.new_state())
    heading = next(h for h in elements(soup, "h2") if h.get_text() == data["words"]["own_items"])
    assert heading.find_next_sibling().name == "form"


def test_appointment_fields(data):
    """Each appointment detail is a labelled input of the right type holding
    the saved value, capped at MAX_FIELD; the address takes the whole row."""
    checklist = examples.filled_checklist(data)
    soup = soup_of(data, checklist)
    for field in state.APPOINTMENT_FIELDS:
        box = by_id(soup, "appt-" + field)
        assert ("sog-field--wide" in box.parent["class"]) is (field in render_list.WIDE_FIELDS)
        assert box["type"] == render_list.APPOINTMENT_KINDS.get(field, "text")
        assert (box["data-action"], box["data-id"]) == ("appointment", field)
        assert box["value"] == checklist["appointment"][field]
        if box["type"] in ("text", "tel"):
            assert box["maxlength"] == str(state.MAX_FIELD)
        else:
            assert not box.has_attr("maxlength"), "maxlength is not valid HTML on a date or time field"
        assert soup.find("label", {"for": "appt-" + field}).get_text() == data["words"]["appointment_labels"][field]


def test_questions_in_order_with_their_buttons(data):
    """Questions are listed in order; the first cannot move up, the last not
    down; every button says which question it acts on."""
    checklist = examples.filled_checklist(data)
    soup = soup_of(data, checklist)
    words = data["words"]
    listed = soup.select("ol.sog-my-questions > li")
    assert [row.select_one(".sog-question-text").get_text() for row in listed] == [
        entry["text"] for entry in checklist["questions"]
    ]
    for index, entry in enumerate(checklist["questions"]):
        qid = entry["id"]
        buttons = {button["data-action"]: button for button in elements(listed[index], "button")}
        expected = {"remove-question"}
        expected |= set() if index == 0 else {"move-up"}
        expected |= set() if index == len(checklist["questions"]) - 1 else {"move-down"}
        assert set(buttons) == expected
        names = {
            "move-up": ("up-", "move_up"), "move-down": ("down-", "move_down"), "remove-question": ("del-", "remove"),
        }
        for action, button in buttons.items():
            prefix, word = names[action]
            assert (button["id"], button["data-id"]) == (prefix + qid, qid)
            assert button.get_text() == words[word] + " " + entry["text"]


def test_suggestions_not_yet_added(data):
    """Suggested questions already on the list are not offered again."""
    checklist = examples.rich_checklist(data)
    soup = soup_of(data, checklist)
    offered = [button["data-id"] for button in soup.select("ul.sog-suggested button")]
    suggested = data["suggested_questions"]
    assert offered == [s["id"] for s in suggested if not state.has_suggested(data, checklist, s["id"])]
    assert len(offered) == len(data["suggested_questions"]) - 1
    for suggestion in data["suggested_questions"]:
        if suggestion["id"] in offered:
            button = by_id(soup, "sg-" + suggestion["id"])
            assert button["data-action"] == "add-suggested"
            assert button.get_text() == data["words"]["add"] + " " + suggestion["text"]
            assert button.find_parent("li").span.get_text() == suggestion["text"]


def test_questions_empty_and_all_suggestions_taken(data):
    """No questions says so; with every suggestion added there is no suggestion list."""
    soup = soup_of(data, state.new_state())
    assert data["words"]["no_questions"] in [p.get_text() for p in elements(soup, "p")]
    assert soup.select_one("ol.sog-my-questions") is None
    everything = state.new_state()
    for suggestion in data["suggested_questions"]:
        everything = state.add_suggested(data, everything, suggestion["id"])
    soup = soup_of(data, everything)
    assert soup.select("ul.sog-suggested") == []
    assert data["words"]["suggested"] not in [h.get_text() for h in elements(soup, "h3")]
    by_id(soup, "add-question")


def test_goals_keep_and_load(data):
    """Goals are a labelled text area holding the saved text; download,
    print and load are offered with the data's words."""
    checklist = examples.filled_checklist(data)
    soup = soup_of(data, checklist)
    words = data["words"]
    goals = by_id(soup, "goals")
    assert (goals.name, goals.get_text(), goals["data-action"]) == ("textarea", checklist["goals"], "goals")
    assert goals["maxlength"] == str(state.MAX_GOALS)
    assert soup.find("label", {"for": "goals"}).get_text() == words["goals_label"]
    assert by_id(soup, "download").get_text() == words["download"]
    printing = [a for a in elements(soup, "a") if a["href"] == ROOT + "/print/"]
    assert [a.get_text() for a in printing] == [words["print_link"]]
    load = by_id(soup, "load-file")
    assert (load["type"], load["data-action"]) == ("file", "load")
    assert soup.find("label", {"for": "load-file"}).get_text() == words["load_label"]
    assert words["keep_heading"] in soup.get_text()
    # The parts the file holds, named by the parts themselves (sog/keep.py).
    assert fill(words["keep_text"], {"parts": sentence(keep.saved_names())}) in soup.get_text()


@pytest.mark.parametrize("confirming", [False, True])
def test_clear_asks_first(data, confirming):
    """Clear is one button; pressed, it becomes a question with yes and no."""
    soup = soup_of(data, examples.rich_checklist(data), confirming=confirming)
    words = data["words"]
    if not confirming:
        assert by_id(soup, "clear").get_text() == words["clear"]
        assert elements(soup, id="clear-yes") == []
        return
    assert elements(soup, id="clear") == []
    group = soup.select_one("div.sog-confirm")
    assert group["role"] == "group" and group["aria-labelledby"] == "confirm-text"
    warning = fill(words["clear_warning"], {"parts": keep.cleared_names()})
    assert by_id(soup, "confirm-text").get_text() == words["clear_question"] + " " + warning
    assert by_id(soup, "clear-yes").get_text() == words["clear_yes"]
    assert by_id(soup, "clear-no").get_text() == words["clear_no"]


def test_every_button_is_a_plain_button_but_the_add_forms(data):
    """Only the two add forms submit; every other button is type=button."""
    soup = soup_of(data, examples.filled_checklist(data), confirming=True)
    for button in elements(soup, "button"):
        in_form = button.find_parent("form") is not None
        assert button["type"] == ("submit" if in_form else "button"), button


def routed_actions():
    """The data-action names widget.py hands to dom.on, read from its source."""
    tree = ast.parse(Path(render_list.__file__).with_name("widget.py").read_text(encoding="utf-8"))
    actions = set()
    for node in ast.walk(tree):
        is_on = isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "on" and len(node.args) == 3
        if is_on and isinstance(node.args[2], ast.Dict):
            actions |= {key.value for key in node.args[2].keys if isinstance(key, ast.Constant)}
    return actions


def test_every_action_drawn_is_routed(data):
    """Each data-action the list draws has a handler in widget.py, so no
    button is dead."""
    drawn = set()
    for confirming in (False, True):
        soup = soup_of(data, examples.filled_checklist(data), {"medicare": "yes"}, confirming)
        drawn |= {element["data-action"] for element in elements(soup) if element.has_attr("data-action")}
    routed = routed_actions()
    assert routed, "widget.py should route actions through dom.on"
    assert drawn <= routed


@pytest.mark.parametrize("confirming", [False, True])
def test_widget_html_is_its_sections_in_order(data, confirming):
    """The list is each section in its own container (id PART + name), in
    SECTIONS order, so redrawing one section gives what a whole draw would."""
    checklist = examples.filled_checklist(data)
    shown = view.build(data, checklist, {"medicare": "yes"})
    whole = render_list.widget_html(data, checklist, shown, ROOT, confirming)
    soup = parse_well_formed(whole)
    containers = soup.find_all(True, recursive=False)
    assert [element.get("id") for element in containers] == [render_list.PART + name for name in render_list.SECTIONS]
    for name, container in zip(render_list.SECTIONS, containers, strict=True):
        part = render_list.section_html(name, data, checklist, shown, ROOT, confirming)
        assert container.decode_contents() == parse_well_formed(part).decode()
    parts = [render_list.section_html(name, data, checklist, shown, ROOT, confirming) for name in render_list.SECTIONS]
    assert len(set(parts)) == len(parts), "each section draws something of its own"


def test_ids_unique_with_every_item_shown(data):
    """With every item, own item, question and the clear question on screen,
    no id is used twice."""
    checklist = state.set_show_all(examples.filled_checklist(data), True)
    found = ids(soup_of(data, checklist, {"biopsy": "yes", "breast": "yes"}, confirming=True))
    assert sorted({i for i in found if found.count(i) > 1}) == []


def test_a_done_record_row_has_the_class_the_widget_toggles(data):
    """The widget marks a record done in place with DONE_CLASS: the same class the list draws."""
    record = items.find_item(data, examples.RECORD)
    checklist = state.set_stage(data, state.new_state(), record["id"], items.last_stage(data))
    row = item_row(soup_of(data, checklist), record)
    assert render_list.DONE_CLASS in row["class"].split()


def test_widget_html_builds_no_view(data, monkeypatch):
    """The list draws from the view it is given: tailoring is not done again."""
    checklist = examples.rich_checklist(data)
    shown = view.build(data, checklist, {"biopsy": "yes", "breast": "yes"})

    def refuse(*args):
        raise AssertionError("the view was built again")

    monkeypatch.setattr(view, "build", refuse)
    monkeypatch.setattr(view, "tailor", refuse)
    parse_well_formed(render_list.widget_html(data, checklist, shown, ROOT, False))


# ---- the page root ------------------------------------------------------------------------------


def test_page_holds_the_first_view_and_the_blank_sheet(data):
    """The page holds the live list for an empty checklist (its first view,
    drawn by widget_html, with its progress) and, for when Python cannot run,
    the blank sheet; the root knows the print page is the plain version."""
    soup = parse_well_formed(render_list.page_html(data, ROOT))
    root = by_id(soup, render_list.ROOT_ID)
    assert root["data-state"] == "static" and root["data-root"] == ROOT
    assert root["data-fallback-href"] == ROOT + "/print/"
    assert root["data-fallback-text"] == data["words"]["fallback_link"]
    assert root.noscript.get_text() == data["words"]["noscript"]
    assert by_id(soup, "checklist-notice")["role"] == "status"
    empty = state.new_state()
    shown = view.build(data, empty, {})
    progress = by_id(soup, "checklist-progress")
    assert progress["role"] == "status" and progress.get_text() == view.progress_text(data, shown["progress"])
    body = by_id(soup, "checklist-body")
    assert body["class"] == shell.LIVE and "sog-live" in progress["class"]
    live = render_list.widget_html(data, empty, shown, ROOT, False)
    assert body.decode_contents() == parse_well_formed(live).decode()
    sheet = by_id(soup, "print-sheet").parent
    assert sheet["class"] == shell.STATIC and sheet.parent is root
    blank = render_sheet.sheet_html(data, empty, {}, False, "", "")
    assert sheet.decode_contents() == parse_well_formed(blank).decode()
    found = ids(soup)
    assert len(found) == len(set(found))


def test_every_button_waits_for_python(data):
    """Buttons (and the file picker) show only once Python is ready: each
    carries shell.NEEDS_PYTHON, for any state."""
    checklist = examples.filled_checklist(data)
    for shown_state in (state.new_state(), checklist):
        soup = soup_of(data, shown_state)
        for button in elements(soup, "button"):
            assert shell.NEEDS_PYTHON in button["class"].split(), button
        picker = by_id(soup, "load-file")
        assert shell.NEEDS_PYTHON in picker.parent["class"].split()


def test_changed_sections_never_draws_the_parts_that_show_no_saved_work(data, monkeypatch):
    """A start compares the saved checklist with the first view without
    reading every part of the guide's saved work: "keep" never changes, and
    "clear" only with whether it is asking."""
    def refuse():
        raise AssertionError("the parts were read")

    monkeypatch.setattr(keep, "parts", refuse)
    empty = (state.new_state(), {}, False)
    filled = (examples.filled_checklist(data), {}, False)
    assert "keep" not in render_list.changed_sections(data, empty, filled, ROOT)
    assert render_list.changed_sections(data, empty, (state.new_state(), {}, True), ROOT) == ["clear"]


@pytest.mark.parametrize("answers", [{}, {"biopsy": "yes", "breast": "yes"}], ids=["untailored", "tailored"])
def test_changed_sections_are_the_parts_whose_html_differs(data, answers):
    """changed_sections names exactly the parts drawn differently, none for
    the same state, answers and confirming."""
    empty = (state.new_state(), {}, False)
    assert render_list.changed_sections(data, empty, empty, ROOT) == []
    wanted = (examples.filled_checklist(data), answers, False)
    found = render_list.changed_sections(data, empty, wanted, ROOT)
    before, after = view.build(data, *empty[:2]), view.build(data, *wanted[:2])
    expected = [name for name in render_list.SECTIONS
                if render_list.section_html(name, data, empty[0], before, ROOT, False)
                != render_list.section_html(name, data, wanted[0], after, ROOT, False)]
    assert found == expected and "keep" not in found
    task = next(item for item in data["items"] if item["kind"] == "task" and item["core"])
    ticked = state.toggle(data, state.new_state(), task["id"])
    assert render_list.changed_sections(data, empty, (ticked, {}, False), ROOT) == ["next", "items"]
    later = [item for item in data["items"] if item["kind"] == "task" and item["core"]][-1]
    ticked = state.toggle(data, state.new_state(), later["id"])
    assert render_list.changed_sections(data, empty, (ticked, {}, False), ROOT) == ["items"]
    assert render_list.changed_sections(data, empty, (state.new_state(), {}, True), ROOT) == ["clear"]


def test_static_page_draws_from_the_data_file():
    """The build's marker function renders the packaged data for a page's root."""
    assert render_list.static_page(".") == render_list.page_html(items.load(), ".")


# ---- escaping ---------------------------------------------------------------------------------


@pytest.mark.parametrize("answers", [{}, {"biopsy": "yes", "breast": "yes", "serious_illness": "yes"}],
                         ids=["untailored", "tailored"])
@pytest.mark.parametrize("show_all", [False, True], ids=["fewer", "all"])
@pytest.mark.parametrize("confirming", [False, True], ids=["clear", "confirming"])
def test_list_keeps_every_text_as_text(data, hostile_shared_words, answers, show_all, confirming):
    """Hostile own items, questions, appointment, goals, item text, reasons,
    stage labels, group titles, suggestions, words and page titles inject
    nothing, and show whole."""
    hostile_data = examples.hostile_words(examples.hostile_checklist_data(data))
    checklist = state.set_show_all(examples.hostile_checklist(data), show_all)
    plain_checklist = state.set_show_all(examples.filled_checklist(data), show_all)
    soup = assert_escaped(draw(hostile_data, checklist, answers, confirming),
                          draw(data, plain_checklist, answers, confirming))
    assert by_id(soup, "goals").get_text() == checklist["goals"]
    for field in state.APPOINTMENT_FIELDS:
        assert by_id(soup, "appt-" + field)["value"] == checklist["appointment"][field]
    for entry in checklist["custom"]:
        assert soup.find("label", {"for": "ck-" + entry["id"]}).get_text() == entry["text"]


def test_empty_list_keeps_every_word_as_text(data, hostile_shared_words):
    """A new checklist (no own items, no questions, every suggestion offered)
    and one with every item done (nothing next) inject nothing from hostile
    data or words either."""
    hostile_data = examples.hostile_words(examples.hostile_checklist_data(data))
    new = state.new_state()
    soup = assert_escaped(draw(hostile_data, new), draw(data, new))
    assert hostile_data["words"]["no_questions"] in [p.get_text() for p in elements(soup, "p")]
    finished = new
    for item in data["items"]:
        if item["kind"] == "task":
            finished = state.set_done(data, finished, item["id"], True)
        else:
            finished = state.set_stage(data, finished, item["id"], "asked")
    soup = assert_escaped(draw(hostile_data, finished), draw(data, finished))
    assert hostile_data["words"]["next_none"] in by_id(soup, render_list.PART + "next").get_text()


def test_page_keeps_every_word_as_text(data, hostile_shared_words):
    """The page root, its notices and its blank sheet inject nothing from hostile words or root."""
    hostile_data = examples.hostile_words(examples.hostile_checklist_data(data))
    soup = assert_escaped(render_list.page_html(hostile_data, ROOT + EVIL), render_list.page_html(data, ROOT))
    assert by_id(soup, render_list.ROOT_ID)["data-fallback-href"] == ROOT + EVIL + "/print/"


def with_suffixed_ids(data, checklist, suffix):
    """Copies of the data and a checklist whose every id and stage ends in
    suffix, references kept matching: ENTITY is harmless unescaped but comes
    back from the page exactly only if escaped; EVIL breaks the markup unless
    escaped (the schemas forbid both today, but escaping ids is the
    renderer's own duty whatever checks the data)."""
    data = examples.with_suffixed_ids(data, suffix, ("items", "stages", "suggested_questions", "groups"),
                                      [("items", "group")])
    checklist = examples.copy_data(checklist)
    checklist["open_groups"] = {key + suffix: value for key, value in checklist["open_groups"].items()}
    checklist["done"] = {key + suffix: value for key, value in checklist["done"].items()}
    checklist["stages"] = {key + suffix: value + suffix for key, value in checklist["stages"].items()}
    for entry in checklist["custom"] + checklist["questions"]:
        entry["id"] += suffix
    for entry in checklist["questions"]:
        entry["from"] += suffix if entry["from"] else ""
    return data, checklist


# Buttons whose id is a prefix and the id of what they act on (data-id).
BUTTON_PREFIXES = {"remove-custom": "rm-", "move-up": "up-", "move-down": "down-", "remove-question": "del-",
                   "add-suggested": "sg-"}


@pytest.mark.parametrize("suffix", [ENTITY, EVIL], ids=["entity", "markup"])
def test_ids_and_values_come_back_exactly(data, suffix):
    """Every id, data-id, label "for", stage value and radio group name drawn
    from an id (the data's, the visitor's own items' and questions') injects
    nothing and is the id itself."""
    plain = examples.filled_checklist(data)
    plain_html = draw(data, plain, confirming=True)
    data, checklist = with_suffixed_ids(data, plain, suffix)
    html = draw(data, checklist, confirming=True)
    soup = assert_escaped(html, plain_html) if suffix == EVIL else parse_well_formed(html)
    known = {record["id"] for record in data["items"] + data["suggested_questions"]}
    known |= {entry["id"] for entry in checklist["custom"] + checklist["questions"]}
    known |= set(state.APPOINTMENT_FIELDS) | set(items.group_ids(data)) | {"on", "off", ""}
    for element in elements(soup):
        if element.has_attr("data-id"):
            assert element["data-id"] in known, element
    stages = {render_list.NO_STAGE} | set(items.stage_ids(data))
    radios = [radio for radio in elements(soup, "input") if radio.get("data-action") == "stage"]
    assert radios
    for radio in radios:
        assert radio["value"] in stages and radio["name"] == "st-" + radio["data-id"]
        assert radio["id"] == "st-" + radio["data-id"] + "-" + radio["value"]
        assert soup.find("label", {"for": radio["id"]}) is not None
    checked = {radio["data-id"]: radio["value"] for radio in radios if radio.has_attr("checked")}
    assert {key: value for key, value in checked.items() if value != render_list.NO_STAGE} == checklist["stages"]
    removes = [button["data-id"] for button in soup.select("button[data-action=remove-custom]")]
    assert removes == [entry["id"] for entry in checklist["custom"]]
    for action, prefix in BUTTON_PREFIXES.items():
        buttons = soup.select("button[data-action=" + action + "]")
        assert buttons, action
        for button in buttons:
            assert button["id"] == prefix + button["data-id"]
    # Each tick box's id and its label's "for", and each group's fold, count and name.
    boxes = [box for box in elements(soup, "input") if box.get("type") == "checkbox" and box.has_attr("data-id")]
    assert boxes
    for box in boxes:
        assert box["id"] in (render_list.BOX + box["data-id"], render_list.NEXT_BOX + box["data-id"])
        assert soup.find("label", {"for": box["id"]}) is not None
    shown = view.build(data, checklist, {})
    group_ids = [entry["group"]["id"] for entry in items.groups_with_items(data, shown["shown"])]
    assert [group["data-group"] for group in soup.select("details.sog-group")] == group_ids
    for group_id in group_ids:
        summary = by_id(soup, render_list.FOLD + group_id)
        assert summary["data-id"] == group_id and summary.parent["data-group"] == group_id
        assert by_id(soup, render_list.GROUP_COUNT + group_id).parent is summary


@pytest.mark.parametrize("build, args", [
    (render_list._box, ("ck-x", "toggle", "x", "Call the office", True)),
    (render_list._button, ("rm-x", "remove-custom", "x", "Remove", "Call the office", "md-button")),
    (render_list._text_form, ("add-x", "new-x", "Your own item", "Add", 80)),
], ids=["box", "button", "text_form"])
def test_every_value_a_builder_is_given_stays_text(build, args):
    """The tick box, button and text form builders escape every value they
    are given: ids and actions (code gives most of them today) and words."""
    assert_builder_escapes(build, args)


def test_appointment_field_ids_stay_text_and_come_back_exactly(data, monkeypatch):
    """The appointment fields' ids, labels' "for" and data-id, named by the
    code today, are escaped: hostile field names inject nothing and name
    their field exactly."""
    checklist = state.new_state()
    plain_html = render_list.section_html("appointment", data, checklist, view.build(data, checklist, {}), ROOT, False)
    fields = tuple(field + EVIL for field in state.APPOINTMENT_FIELDS)
    monkeypatch.setattr(state, "APPOINTMENT_FIELDS", fields)
    monkeypatch.setattr(render_list, "APPOINTMENT_KINDS",
                        {field + EVIL: kind for field, kind in render_list.APPOINTMENT_KINDS.items()})
    monkeypatch.setattr(render_list, "WIDE_FIELDS", tuple(field + EVIL for field in render_list.WIDE_FIELDS))
    labels = data["words"]["appointment_labels"]
    data["words"]["appointment_labels"] = {field + EVIL: label for field, label in labels.items()}
    soup = assert_escaped(
        render_list.section_html("appointment", data, checklist, view.build(data, checklist, {}), ROOT, False),
        plain_html)
    for field in fields:
        box = by_id(soup, "appt-" + field)
        assert box["data-id"] == field and soup.find("label", {"for": box["id"]}) is not None
