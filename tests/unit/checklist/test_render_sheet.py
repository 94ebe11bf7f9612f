"""Unit tests for sog/checklist/render_sheet.py: the checklist on paper.

Tested here, by parsing the output with BeautifulSoup:
- the blank sheet (built for everyone, JavaScript or not): every item in
  its group, in order, with empty boxes; lines to write the date, the
  appointment, questions and goals on by hand; the footer.
- the visitor's own sheet: the tailored items (one view, built once), done
  boxes, record stages ticked up to the one reached, their own items,
  appointment, questions (with room for more) and goals; the date and the
  site's address.
- box, blank_lines, and the visit's date and time in words (when_text).
- escaping: with EVIL in every piece of visitor text, data text and words,
  nothing is injected and the text shows as text; an item's class is
  escaped too.
"""

import pytest
from sog import dates, shell
from sog.checklist import items, render_sheet, state, view
from sog.markup import fill

from tests.support import examples
from tests.support.examples import EVIL
from tests.support.html import by_id, elements, parse_well_formed
from tests.unit.escaping import assert_builder_escapes, assert_escaped

ANSWERS = examples.ANSWER_SETS


def sheet(data, checklist, answers=None, tailored=True, printed_on="", address=""):
    return parse_well_formed(render_sheet.sheet_html(data, checklist, answers or {}, tailored, printed_on, address))


def item_rows(soup, data):
    """The item rows of the groups (not own items), as (text, row)."""
    titles = [group["title"] for group in data["groups"]]
    rows = []
    for section in elements(soup, "section"):
        if elements(section, "h2")[0].get_text() not in titles:
            continue
        for row in section.select("li.sog-sheet-item"):
            text = row.find("span", {"class": "sog-sheet-text"})
            rows.append((text.get_text() if text else str(row.contents[-1]), row))
    return rows


def boxes(row):
    """The tick boxes in a row: True for a done one."""
    return [box["class"] == "sog-box sog-box--done" for box in elements(row, "span", **{"aria-hidden": "true"})
            if box["class"].startswith("sog-box")]


def sections(soup):
    return {elements(section, "h2")[0].get_text(): section for section in elements(soup, "section")}


# ---- the blank sheet ---------------------------------------------------------------


def test_blank_sheet_lists_every_item_in_its_group(data):
    """Built without a visitor, the sheet lists every item, grouped in display order."""
    soup = sheet(data, state.new_state(), tailored=False)
    assert by_id(soup, "print-sheet").name == "div"
    titles = [elements(section, "h2")[0].get_text() for section in elements(soup, "section")]
    assert titles[:len(data["groups"])] == [group["title"] for group in data["groups"]]
    texts = [text for text, _ in item_rows(soup, data)]
    assert texts == [item["text"] for item in data["items"]]


def test_blank_sheet_has_nothing_ticked_and_lines_to_write_on(data):
    """Every box is empty; the date, each appointment detail, questions and
    goals have lines to write on."""
    soup = sheet(data, state.new_state(), tailored=False)
    for _, row in item_rows(soup, data):
        assert not any(boxes(row))
    meta = elements(soup, "p", **{"class": "sog-sheet-meta"})[0]
    assert meta.get_text().strip() == data["words"]["sheet"]["printed_on"]
    assert len(elements(meta, "span", **{"class": "sog-line"})) == 1
    named = sections(soup)
    words = data["words"]
    assert words["own_items"] not in named
    rows = elements(named[words["appointment"]], "tr")
    assert [row.th.get_text() for row in rows] == [words["appointment_labels"][f] for f in render_sheet.SHEET_FIELDS]
    assert all(len(elements(row.td, "span", **{"class": "sog-line"})) == 1 for row in rows)
    questions = elements(named[words["questions"]], "li")
    assert len(questions) == render_sheet.BLANK_QUESTION_LINES
    goals = named[words["goals"]]
    assert len(elements(goals, "span", **{"class": "sog-line"})) == render_sheet.BLANK_GOAL_LINES


def test_blank_sheet_ignores_the_state_and_answers_for_its_items(data):
    """The blank sheet's item list is every item, whatever the answers."""
    soup = sheet(data, state.new_state(), {"biopsy": "yes", "breast": "yes"}, tailored=False)
    assert len(item_rows(soup, data)) == len(data["items"])


def test_footer_names_the_guide_and_the_address(data):
    """The footer names the guide, adds the site's address when known, and
    says it is not medical advice."""
    words = data["words"]["sheet"]
    footer = elements(sheet(data, state.new_state(), tailored=False), "p", **{"class": "sog-sheet-footer"})[0]
    assert footer.get_text() == words["footer"] + ". " + words["footer_note"]
    footer = elements(sheet(data, state.new_state(), address="https://example.org/"), "p",
                      **{"class": "sog-sheet-footer"})[0]
    assert footer.get_text() == words["footer"] + ", https://example.org/. " + words["footer_note"]


# ---- the visitor's sheet -------------------------------------------------------------


@pytest.mark.parametrize("answers", [a for _, a in ANSWERS], ids=[name for name, _ in ANSWERS])
@pytest.mark.parametrize("make", [examples.rich_checklist, examples.filled_checklist], ids=["rich", "filled"])
def test_own_sheet_lists_the_view_with_its_ticks(data, make, answers):
    """The sheet lists exactly what the list shows, with done items ticked."""
    checklist = make(data)
    shown = view.build(data, checklist, answers)
    soup = sheet(data, checklist, answers)
    texts = {item["id"]: item["text"] for item in data["items"]}
    rows = item_rows(soup, data)
    assert [text for text, _ in rows] == [texts[item_id] for item_id in shown["shown"]]
    kinds = {item["id"]: item["kind"] for item in data["items"]}
    for item_id, (_, row) in zip(shown["shown"], rows, strict=True):
        if kinds[item_id] == "task":
            assert boxes(row) == [item_id in shown["done"]]


def test_own_sheet_builds_the_view_once(data, monkeypatch):
    """One sheet, one view; the blank sheet needs none."""
    calls = []
    real = view.build
    monkeypatch.setattr(view, "build", lambda *args: calls.append(args) or real(*args))
    render_sheet.sheet_html(data, examples.rich_checklist(data), {}, True, "", "")
    assert len(calls) == 1
    render_sheet.sheet_html(data, examples.rich_checklist(data), {}, False, "", "")
    assert len(calls) == 1


@pytest.mark.parametrize("reached", [None, 0, 1, -1], ids=["not-started", "first", "second", "last"])
def test_record_stages_are_ticked_up_to_the_one_reached(data, reached):
    """A record shows a box per stage, ticked up to and including the one reached."""
    record = examples.RECORD
    checklist = state.new_state()
    if reached is not None:
        checklist = state.set_stage(data, checklist, record, data["stages"][reached]["id"])
    soup = sheet(data, checklist)
    text = next(item["text"] for item in data["items"] if item["id"] == record)
    (row,) = [row for row_text, row in item_rows(soup, data) if row_text == text]
    position = -1 if reached is None else range(len(data["stages"]))[reached]
    assert boxes(row) == [index <= position for index in range(len(data["stages"]))]
    stages = elements(row, "span", **{"class": "sog-stage"})
    assert [stage.contents[-1] for stage in stages] == [stage["label"] for stage in data["stages"]]
    words = data["words"]
    for index, stage in enumerate(stages):
        said = stage.find("span", {"class": "sog-visually-hidden"}).get_text()
        word = words["done"] if index <= position else words["not_done"]
        assert said == data["stages"][index]["label"] + " " + word + ": "


def test_own_sheet_has_own_items_appointment_questions_and_goals(data):
    """What the visitor wrote is on paper, with room to write more questions."""
    checklist = examples.filled_checklist(data)
    soup = sheet(data, checklist, printed_on="November 21, 2026")
    words = data["words"]
    named = sections(soup)
    own = elements(named[words["own_items"]], "li")
    assert [str(row.contents[-1]) for row in own] == [entry["text"] for entry in checklist["custom"]]
    assert [any(boxes(row)) for row in own] == [entry["done"] for entry in checklist["custom"]]
    cells = [row.td.get_text() for row in elements(named[words["appointment"]], "tr")]
    assert cells == appointment_cells(checklist["appointment"])
    questions = elements(named[words["questions"]], "li")
    assert [row.get_text() for row in questions[:len(checklist["questions"])]] == [
        entry["text"] for entry in checklist["questions"]
    ]
    blanks = questions[len(checklist["questions"]):]
    assert len(blanks) == max(2, render_sheet.BLANK_QUESTION_LINES - len(checklist["questions"]))
    assert all(row.get_text() == "" for row in blanks)
    assert named[words["goals"]].p.get_text() == checklist["goals"]
    meta = elements(soup, "p", **{"class": "sog-sheet-meta"})[0]
    assert meta.get_text() == words["sheet"]["printed_on"] + " November 21, 2026"


def test_many_questions_still_leave_two_lines(data):
    """However many questions there are, two lines are left to write on."""
    checklist = state.new_state()
    for number in range(render_sheet.BLANK_QUESTION_LINES + 3):
        checklist = state.add_question(checklist, "Question " + str(number) + "?")
    questions = elements(sections(sheet(data, checklist))[data["words"]["questions"]], "li")
    assert len(questions) == len(checklist["questions"]) + 2


# ---- pieces ---------------------------------------------------------------------------


@pytest.mark.parametrize("done", [True, False])
@pytest.mark.parametrize("label", ["", "Sent"])
def test_box(data, done, label):
    """A box is drawn for the eye and said in words for screen readers."""
    soup = parse_well_formed(render_sheet.box(data, done, label))
    drawn, said = elements(soup, "span")
    assert drawn["aria-hidden"] == "true"
    assert drawn["class"] == ("sog-box sog-box--done" if done else "sog-box")
    word = data["words"]["done"] if done else data["words"]["not_done"]
    assert said.get_text() == (label + " " if label else "") + word + ": "


@pytest.mark.parametrize("count", [0, 1, 3])
def test_blank_lines(count):
    """count lines to write on, hidden from screen readers."""
    soup = parse_well_formed(render_sheet.blank_lines(count))
    lines = elements(soup, "span")
    assert len(lines) == count
    assert all(line["class"] == "sog-line" and line["aria-hidden"] == "true" for line in lines)


def appointment_cells(appointment):
    """What paper shows for each appointment row, the date and time as one."""
    return [render_sheet.when_text(appointment) if field == "when" else appointment[field]
            for field in render_sheet.SHEET_FIELDS]


@pytest.mark.parametrize(
    "date, time, expected",
    [("2027-01-14", "10:30", "Thursday, January 14, 2027, 10:30 AM"), ("2027-01-14", "", "Thursday, January 14, 2027"),
     ("2027-02-30", "10:30", "2027-02-30 10:30"), ("", "10:30", "10:30"), ("", "", "")],
)
def test_the_visit_prints_in_words(data, date, time, expected):
    """Paper shows the visit's date and time in words, never as a date field
    holds them; what cannot be read prints as typed, nothing as a line."""
    appointment = dict(state.new_state()["appointment"], date=date, time=time, address="12 Oak St")
    assert render_sheet.when_text(appointment) == expected
    soup = sheet(data, state.set_appointment(state.set_appointment(state.new_state(), "date", date), "time", time))
    row = elements(sections(soup)[data["words"]["appointment"]], "tr")[render_sheet.SHEET_FIELDS.index("when")]
    assert row.th.get_text() == data["words"]["appointment_labels"]["when"]
    assert row.td.get_text() == expected
    assert (len(elements(row.td, "span", **{"class": "sog-line"})) == 1) is (expected == "")


# ---- escaping -----------------------------------------------------------------------------


@pytest.mark.parametrize("answers", [{}, {"biopsy": "yes", "breast": "yes", "medicare": "yes"}], ids=["none", "some"])
def test_own_sheet_keeps_every_text_as_text(data, hostile_shared_words, answers):
    """Hostile own items, appointment, questions, goals, item and group text,
    stage labels, words, date and address inject nothing."""
    hostile_data = examples.hostile_words(examples.hostile_checklist_data(data))
    checklist = examples.hostile_checklist(data)
    plain = render_sheet.sheet_html(data, examples.filled_checklist(data), answers, True, "May 1", "x")
    html = render_sheet.sheet_html(hostile_data, checklist, answers, True, "May 1" + EVIL, "x" + EVIL)
    soup = assert_escaped(html, plain)
    words = hostile_data["words"]
    named = sections(soup)
    assert named[words["goals"]].p.get_text() == checklist["goals"]
    cells = [row.td.get_text() for row in elements(named[words["appointment"]], "tr")]
    assert cells == appointment_cells(checklist["appointment"])
    footer = elements(soup, "p", **{"class": "sog-sheet-footer"})[0].get_text()
    assert footer == words["sheet"]["footer"] + ", x" + EVIL + ". " + words["sheet"]["footer_note"]


def test_blank_sheet_keeps_every_text_as_text(data):
    """The sheet built for everyone injects nothing from hostile data or words."""
    hostile_data = examples.hostile_words(examples.hostile_checklist_data(data))
    new = state.new_state()
    soup = assert_escaped(render_sheet.sheet_html(hostile_data, new, {}, False, "", ""),
                          render_sheet.sheet_html(data, new, {}, False, "", ""))
    assert [text for text, _ in item_rows(soup, hostile_data)] == [item["text"] for item in hostile_data["items"]]


def test_box_keeps_its_label_as_text(data):
    """A hostile stage label and hostile words stay text in the spoken box."""
    hostile_data = examples.hostile_words(data)
    soup = assert_escaped(render_sheet.box(hostile_data, True, "Sent" + EVIL), render_sheet.box(data, True, "Sent"))
    assert soup.find_all("span")[1].get_text() == "Sent" + EVIL + " " + hostile_data["words"]["done"] + ": "


def test_printed_on_in_words_stays_text(hostile_shared_words, data):
    """Hostile month names (words.json) stay text once the sheet shows the date."""
    printed_on = dates.date_words((2026, 1, 2))
    assert EVIL in printed_on
    soup = assert_escaped(render_sheet.sheet_html(data, state.new_state(), {}, True, printed_on, ""),
                          render_sheet.sheet_html(data, state.new_state(), {}, True, "May", ""))
    assert fill("{a} {b}", {"a": data["words"]["sheet"]["printed_on"], "b": printed_on}) in soup.get_text()


# ---- the sheet's parts ---------------------------------------------------------------


def test_sheet_is_its_parts_in_order(data):
    """Each part sits in its own container, in PARTS order, holding part_html."""
    args = (examples.filled_checklist(data), {"biopsy": "yes", "breast": "yes"}, True, "May 1, 2027", "https://x.org/")
    soup = sheet(data, *args)
    containers = [child for child in by_id(soup, "print-sheet").children if child.name]
    assert [child["id"] for child in containers] == [render_sheet.PART + name for name in render_sheet.PARTS]
    for name, child in zip(render_sheet.PARTS, containers, strict=True):
        assert child.decode_contents() == parse_well_formed(render_sheet.part_html(name, data, *args)).decode()


def test_changed_parts(data):
    """Only the parts drawn differently: none for the same sheet; the date and
    address alone when nothing is saved; the visitor's parts when it is."""
    blank = (state.new_state(), {}, False, "", "")
    assert render_sheet.changed_parts(data, blank, blank) == []
    dated = (state.new_state(), {}, False, "May 1, 2027", "https://x.org/")
    assert render_sheet.changed_parts(data, blank, dated) == ["meta", "footer"]
    own = (examples.filled_checklist(data), {}, True, "May 1, 2027", "https://x.org/")
    changed = render_sheet.changed_parts(data, blank, own)
    assert {"meta", "items", "custom", "appointment", "questions", "goals", "footer"} == set(changed)


def test_blank_sheet_marks_what_the_first_view_leaves_out(data):
    """With live_ids, the blank sheet still lists every item, and the ones
    outside live_ids carry shell.STATIC_ONLY; a tailored sheet ignores live_ids."""
    live = [item["id"] for item in data["items"]][:3]
    soup = parse_well_formed(render_sheet.sheet_html(data, state.new_state(), {}, False, "", "", live))
    rows = soup.select("li.sog-sheet-item")
    assert len(rows) == len(data["items"])
    marked = [row for row in rows if shell.STATIC_ONLY in row["class"].split()]
    assert len(marked) == len(data["items"]) - 3
    tailored = render_sheet.sheet_html(data, state.new_state(), {}, True, "", "", live)
    assert shell.STATIC_ONLY not in tailored
    assert render_sheet.sheet_html(data, state.new_state(), {}, False, "", "") == \
        render_sheet.sheet_html(data, state.new_state(), {}, False, "", "", None)


@pytest.mark.parametrize("item_id", [examples.TASK, examples.RECORD], ids=["task", "record"])
def test_an_items_class_stays_text(data, item_id):
    """A sheet item's class, given by the code today, is escaped."""
    item = items.find_item(data, item_id)
    assert_builder_escapes(lambda css: render_sheet._item(data, state.new_state(), item, False, css),
                           ("sog-sheet-item " + shell.STATIC_ONLY,))
