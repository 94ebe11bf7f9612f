"""Unit tests for sog/worksheet/render.py: the worksheet's HTML.

Tested here, by parsing the output with BeautifulSoup:
- the page root: the shared widget shell, whose plain version is the blank
  sheet inside it; a notice region; a note for JavaScript off.
- the blank sheet: every question and both doctors, lines to write on (as
  many as the data asks), tick boxes for how the opinions compare, the part
  on a third opinion with its Medicare fact and source, and no field or
  button that could not work.
- the live form: one question at a time, the first doctor's field before
  the second's (the order a screen reader and a phone follow); every field
  labelled, described by its hint, in a group named by its question, with a
  paper twin holding the same text; the goals from the checklist shown (and
  said) until the visitor types their own; the third-opinion part shown only
  while the opinions differ; the clear button and its confirmation.
- ids unique; escaping: hostile text in every visitor field, in the data,
  the words, the shared words and the site root injects nothing; hostile
  ids (the data's, and the field ids the renderer is given) inject nothing
  and come back exactly; a text field's action is escaped too.
"""

import pytest
from sog import datafiles
from sog.markup import fill
from sog.worksheet import render, sheet, state

from tests.support import examples, worksheet_examples
from tests.support.examples import EVIL
from tests.support.html import by_id, elements, ids, parse_well_formed, visible_text
from tests.unit.escaping import assert_builder_escapes, assert_escaped

ROOT = ".."
CHECKLIST_GOALS = "Walk with my grandchildren."


def page(data, root=ROOT):
    return parse_well_formed(render.page_html(data, root))


def form(data, worksheet, goals="", confirming=False, root=ROOT):
    return parse_well_formed(render.form_html(data, worksheet, goals, root, confirming))


def rows(soup):
    return elements(soup, "div", role="group", **{"class": "ws-row"})


def expected_field_order(data):
    """Every text field in page order: each question's doctors in turn, the
    goals before the rows about goals, the thoughts last."""
    order = []
    for part in data["parts"]:
        if part["id"] == "goals":
            order.append(render.GOALS_ID)
        for row in sheet.rows_in(data, part["id"]):
            order += [render.answer_id(doctor, row["id"]) for doctor in sheet.doctor_ids(data)]
    return order + [render.THOUGHTS_ID]


# ---- the page root and the blank sheet ----------------------------------------------


def test_root_is_the_shared_shell_with_the_blank_sheet_as_plain_version(data):
    soup = page(data)
    root = by_id(soup, render.ROOT_ID)
    assert (root["data-widget"], root["data-state"], root["data-root"]) == ("worksheet", "static", ROOT)
    assert root["data-fallback-href"] == "#" + render.BODY_ID
    assert root["data-fallback-text"] == data["words"]["fallback_link"]
    assert by_id(soup, "worksheet-notice")["role"] == "status"
    assert by_id(soup, "worksheet-status")["role"] == "status"
    body = by_id(soup, render.BODY_ID)
    assert body.decode_contents() == parse_well_formed(render.sheet_html(data, ROOT)).decode()
    (noscript,) = elements(soup, "noscript")
    assert noscript.get_text() == data["words"]["noscript"]


def test_blank_sheet_has_no_field_or_button(data):
    """Without JavaScript nothing could save: paper only."""
    soup = page(data)
    for name in ("textarea", "input", "button", "select", "form"):
        assert elements(soup, name) == [], name


def test_blank_sheet_asks_every_question_of_both_doctors_with_lines(data):
    soup = page(data)
    found = rows(soup)
    assert [row.find("h3").get_text() for row in found] == [row_data["label"] for row_data in data["rows"]]
    doctors = [doctor["label"] for doctor in data["doctors"]]
    for row, row_data in zip(found, data["rows"], strict=True):
        cells = elements(row, "div", **{"class": "ws-cell"})
        assert [elements(cell, "p", **{"class": "ws-who"})[0].get_text() for cell in cells] == doctors
        for cell in cells:
            assert len(elements(cell, "span", **{"class": "sog-line"})) == row_data["lines"]
        hint = row.find("p", {"class": "ws-hint"})
        assert (hint.get_text() if hint else "") == row_data["hint"]
    # The column heads, one set per grid, for the eye only.
    for heads in elements(soup, "div", **{"class": "ws-heads"}):
        assert heads["aria-hidden"] == "true"
        assert [span.get_text() for span in elements(heads, "span")][1:] == doctors


def test_blank_sheet_has_lines_for_goals_and_thoughts(data):
    soup = page(data)
    fields = elements(soup, "div", **{"class": "ws-field"})
    assert [field.find("p", {"class": "ws-label"}).get_text() for field in fields] == [
        data["words"]["goals_label"], data["words"]["thoughts_label"]
    ]
    assert [len(elements(field, "span", **{"class": "sog-line"})) for field in fields] == [
        render.GOALS_LINES, render.THOUGHTS_LINES
    ]
    total = sum(row["lines"] for row in data["rows"]) * len(data["doctors"]) + render.GOALS_LINES
    assert len(elements(soup, "span", **{"class": "sog-line"})) == total + render.THOUGHTS_LINES


def test_blank_sheet_offers_boxes_for_how_the_opinions_compare(data):
    soup = page(data)
    (boxes,) = elements(soup, "ul", **{"class": "ws-boxes"})
    assert [item.get_text() for item in elements(boxes, "li")] == [c["label"] for c in data["comparisons"]]
    assert len(elements(boxes, "span", **{"class": "sog-box"})) == len(data["comparisons"])


def third_part(soup):
    return by_id(soup, render.THIRD_ID)


@pytest.mark.parametrize("root", ["..", ".", "../.."])
def test_blank_sheet_shows_the_third_opinion_with_its_source_and_link(data, root):
    third = third_part(page(data, root))
    assert not third.has_attr("hidden")
    assert elements(third, "h3")[0].get_text() == data["words"]["third_title"]
    paragraphs = [p.get_text() for p in elements(third, "p")]
    assert paragraphs[:-1] == data["words"]["third_text"]
    (link,) = elements(third, "a")
    assert link["href"] == root + "/" + data["words"]["third_href"]
    title = datafiles.load("pages.json")["titles"]["when-opinions-differ/"]
    assert link.get_text() == fill(data["words"]["third_link"], {"title": title})


def test_blank_sheet_ends_with_the_footer(data):
    (footer,) = elements(page(data), "p", **{"class": "ws-footer"})
    assert footer.get_text() == data["words"]["footer"]
    assert "911" in footer.get_text()


def test_static_page_draws_from_the_data_file_with_figures_filled():
    assert render.static_page(".") == render.page_html(sheet.load(), ".")
    assert "[[" not in render.static_page(".")


# ---- the live form ------------------------------------------------------------------


def test_form_meets_one_question_at_a_time_first_doctor_first(data):
    """The markup order is the reading order: question by question, the first
    doctor's answer then the second's (a phone stacks them so)."""
    soup = form(data, state.new_state(data))
    assert [area["id"] for area in elements(soup, "textarea")] == expected_field_order(data)


def test_every_field_is_labelled_described_and_grouped(data):
    soup = form(data, worksheet_examples.filled_worksheet(data), CHECKLIST_GOALS)
    all_ids = ids(soup)
    labels = {label["for"]: label.get_text() for label in elements(soup, "label") if label.has_attr("for")}
    for area in elements(soup, "textarea"):
        assert area["id"] in labels, area["id"]
        assert int(area["maxlength"]) > 0 and int(area["rows"]) >= 1
        for described in area.get("aria-describedby", "").split():
            assert described in all_ids
    for row, row_data in zip(rows(soup), data["rows"], strict=True):
        question = by_id(soup, row["aria-labelledby"])
        assert question.name == "h3" and question.get_text() == row_data["label"]
        for doctor in data["doctors"]:
            field_id = render.answer_id(doctor["id"], row_data["id"])
            assert labels[field_id] == doctor["label"]
            area = by_id(row, field_id)
            assert (area["data-action"], area["data-doctor"], area["data-row"]) == (
                "answer", doctor["id"], row_data["id"])
            if row_data["hint"]:
                assert by_id(soup, area["aria-describedby"]).get_text() == row_data["hint"]
    assert labels[render.GOALS_ID] == data["words"]["goals_label"]
    assert labels[render.THOUGHTS_ID] == data["words"]["thoughts_label"]
    assert len(all_ids) == len(set(all_ids))


def test_fields_and_their_paper_twins_hold_the_visitors_text(data):
    worksheet = worksheet_examples.filled_worksheet(data)
    soup = form(data, worksheet, CHECKLIST_GOALS)
    values = render.field_values(data, worksheet, CHECKLIST_GOALS)
    assert sorted(field_id for field_id, _ in values) == sorted(expected_field_order(data))
    for field_id, value in values:
        assert by_id(soup, field_id).get_text() == value
        assert by_id(soup, field_id + render.PAPER_SUFFIX).get_text() == value
    assert dict(values)[render.answer_id("second", "risks")] == worksheet_examples.ANSWERS["second"]["risks"]
    assert dict(values)[render.GOALS_ID] == worksheet_examples.GOALS


def test_empty_fields_print_lines_to_write_on(data):
    soup = form(data, worksheet_examples.partly_filled_worksheet(data))
    for row in data["rows"]:
        twin = by_id(soup, render.answer_id("second", row["id"]) + render.PAPER_SUFFIX)
        assert twin.get_text() == ""
        assert len(elements(twin.parent, "span", **{"class": "sog-line"})) == row["lines"]


def goals_parts(soup):
    note = by_id(soup, render.GOALS_FROM_ID)
    offer = by_id(soup, "ws-goals-actions")
    return by_id(soup, render.GOALS_ID).get_text(), note.get_text(), note.has_attr("hidden"), offer.has_attr("hidden")


def test_goals_from_the_checklist_fill_the_box_and_say_so(data):
    soup = form(data, state.new_state(data), CHECKLIST_GOALS)
    assert goals_parts(soup) == (CHECKLIST_GOALS, data["words"]["goals_from_checklist"], False, True)
    assert render.GOALS_FROM_ID in by_id(soup, render.GOALS_ID)["aria-describedby"].split()


def test_goals_typed_here_win_and_the_checklist_goals_are_offered(data):
    worksheet = state.set_goals(state.new_state(data), "My own goals.")
    soup = form(data, worksheet, CHECKLIST_GOALS)
    assert goals_parts(soup) == ("My own goals.", "", True, False)
    button = by_id(soup, render.USE_GOALS_ID)
    assert (button["type"], button["data-action"]) == ("button", "use-checklist-goals")
    assert button.get_text() == data["words"]["use_checklist_goals"]


def test_no_goals_anywhere_leaves_an_empty_box(data):
    assert goals_parts(form(data, state.new_state(data), "")) == ("", "", True, True)


@pytest.mark.parametrize("comparison", ["", "agree", "treatment", "diagnosis", "unsure"])
def test_the_third_opinion_shows_only_while_the_opinions_differ(data, comparison):
    soup = form(data, state.set_comparison(data, state.new_state(data), comparison))
    assert third_part(soup).has_attr("hidden") is not sheet.shows_third(data, comparison)
    radios = elements(soup, "input", type="radio")
    assert [radio["value"] for radio in radios] == sheet.comparison_ids(data)
    assert [radio["value"] for radio in radios if radio.has_attr("checked")] == ([comparison] if comparison else [])
    for radio in radios:
        assert radio["name"] == render.COMPARE_NAME and radio["data-action"] == "compare"
    (fieldset,) = elements(soup, "fieldset")
    assert fieldset.find("legend").get_text() == data["words"]["compare_legend"]


def test_print_and_clear_buttons(data):
    soup = form(data, state.new_state(data))
    assert by_id(soup, "ws-print")["data-action"] == "print"
    assert by_id(soup, "ws-print").get_text() == data["words"]["print_button"]
    clear = by_id(soup, "ws-clear")
    assert (clear["type"], clear["data-action"], clear.get_text()) == ("button", "clear", data["words"]["clear"])
    assert by_id(soup, render.CLEAR_AREA_ID).find("button") is clear
    (keep,) = elements(soup, "p", **{"class": "ws-keep sog-no-print"})
    assert keep.find("a")["href"] == ROOT + "/checklist/"


def test_clear_asks_to_confirm(data):
    soup = parse_well_formed(render.clear_html(data, True))
    (group,) = elements(soup, "div", role="group")
    assert by_id(soup, group["aria-labelledby"]).get_text() == (
        data["words"]["clear_question"] + " " + data["words"]["clear_warning"])
    assert [(b["id"], b["data-action"], b.get_text()) for b in elements(soup, "button")] == [
        ("ws-clear-yes", "clear-yes", data["words"]["clear_yes"]),
        ("ws-clear-no", "clear-no", data["words"]["clear_no"]),
    ]
    whole = form(data, state.new_state(data), confirming=True)
    assert by_id(whole, "ws-clear-yes") and elements(whole, "button", id="ws-clear") == []


def test_form_text_reads_in_the_same_order_as_the_sheet(data):
    """Headings and questions come in the same order live and on paper."""
    live = form(data, state.new_state(data))
    blank = parse_well_formed(render.sheet_html(data, ROOT))
    def headings(soup):
        return [h.get_text() for h in elements(soup) if h.name in ("h2", "h3")]
    assert headings(live) == headings(blank)
    assert visible_text(live)


# ---- escaping ------------------------------------------------------------------------


def hostile_data(data):
    """The data with EVIL in every label, hint, title and word (the address
    the third-opinion link goes to stays a real page)."""
    hostile = examples.hostile_words(data)
    hostile["words"]["third_href"] = data["words"]["third_href"]
    for records in ("doctors", "parts", "rows", "comparisons"):
        for record in hostile[records]:
            for key in ("label", "title", "hint"):
                if record.get(key):
                    record[key] = EVIL + record[key] + EVIL
    return hostile


@pytest.mark.parametrize("confirming", [False, True], ids=["clear", "confirming"])
def test_form_keeps_every_text_as_text(data, hostile_shared_words, confirming):
    worksheet = worksheet_examples.hostile_worksheet(data)
    soup = assert_escaped(
        render.form_html(hostile_data(data), worksheet, EVIL, ROOT + EVIL, confirming),
        render.form_html(data, worksheet_examples.filled_worksheet(data), "Stay well.", ROOT, confirming),
    )
    for field_id, value in render.field_values(data, worksheet, EVIL):
        assert by_id(soup, field_id).get_text() == value
        assert by_id(soup, field_id + render.PAPER_SUFFIX).get_text() == value


def with_hostile_ids(data, worksheet):
    """Copies of the data and a worksheet whose every id (doctor, part, row,
    comparison; a row's part and the saved answers and comparison refer to
    them) holds EVIL: ids land in attributes, and escaping them is the
    renderer's own duty whatever checks the data."""
    data = examples.with_suffixed_ids(data, EVIL, ("doctors", "parts", "rows", "comparisons"), [("rows", "part")])
    worksheet = examples.copy_data(worksheet)
    worksheet["answers"] = {doctor + EVIL: {row + EVIL: text for row, text in answers.items()}
                            for doctor, answers in worksheet["answers"].items()}
    worksheet["comparison"] += EVIL
    return data, worksheet


@pytest.mark.parametrize("live", [True, False], ids=["form", "blank"])
def test_ids_stay_text_and_come_back_exactly(data, monkeypatch, live):
    """Every id, data-doctor, data-row, label "for", aria reference, class and radio
    value drawn from hostile ids (the field ids the renderer is given
    included) injects nothing and names its element exactly."""
    plain = worksheet_examples.filled_worksheet(data)
    hostile_data, hostile = with_hostile_ids(data, plain)

    def drawn(data, worksheet):
        if live:
            return render.form_html(data, worksheet, CHECKLIST_GOALS, ROOT)
        return render.page_html(data, ROOT)
    plain_html = drawn(data, plain)
    for name in ("GOALS_ID", "THOUGHTS_ID"):
        monkeypatch.setattr(render, name, getattr(render, name) + EVIL)
    soup = assert_escaped(drawn(hostile_data, hostile), plain_html)
    for part in hostile_data["parts"]:
        assert by_id(soup, "ws-part-" + part["id"]).parent["class"] == "ws-part ws-part--" + part["id"]
    if not live:
        return
    for field_id, value in render.field_values(hostile_data, hostile, CHECKLIST_GOALS):
        field = by_id(soup, field_id)
        assert field.get_text() == value and by_id(soup, field_id + render.PAPER_SUFFIX).get_text() == value
        assert soup.find("label", attrs={"for": field_id}) is not None
    for row in hostile_data["rows"]:
        question = by_id(soup, "ws-q-" + row["id"])
        assert question.find_parent(class_="ws-row")["aria-labelledby"] == question["id"]
        for doctor in hostile_data["doctors"]:
            field = by_id(soup, render.answer_id(doctor["id"], row["id"]))
            assert (field["data-doctor"], field["data-row"]) == (doctor["id"], row["id"])
    radios = soup.select("input[data-action=compare]")
    assert [radio["value"] for radio in radios] == sheet.comparison_ids(hostile_data)
    for radio in radios:
        assert radio["id"] == render.compare_id(radio["value"])
        assert soup.find("label", attrs={"for": radio["id"]}) is not None
    assert [radio["value"] for radio in radios if radio.has_attr("checked")] == [hostile["comparison"]]


def test_goals_from_the_checklist_stay_text(data, hostile_shared_words):
    hostile_goals = EVIL + "</textarea><script>alert(1)</script>"
    soup = assert_escaped(
        render.form_html(hostile_data(data), state.new_state(data), hostile_goals, ROOT),
        render.form_html(data, state.new_state(data), CHECKLIST_GOALS, ROOT),
    )
    assert by_id(soup, render.GOALS_ID).get_text() == hostile_goals


def test_page_keeps_every_word_as_text(data, hostile_shared_words):
    soup = assert_escaped(render.page_html(hostile_data(data), ROOT + EVIL), render.page_html(data, ROOT))
    assert by_id(soup, render.ROOT_ID)["data-root"] == ROOT + EVIL


def test_every_value_a_text_field_is_given_stays_text():
    """A text field's id, action (given by the code today), hint reference
    and text are escaped; extra is HTML the renderer built."""
    soup = assert_builder_escapes(render._textarea, ("ws-goals", "goals", "Stay well.", 4, 400, "ws-goals-hint",
                                                     ' data-row="goals"'), (6,))
    area = by_id(soup, "ws-goals" + EVIL)
    assert (area["data-action"], area["aria-describedby"]) == ("goals" + EVIL, "ws-goals-hint" + EVIL)
