"""Unit tests for sog/letter/render_form.py: the letter's form on screen.

Tested here, by parsing the output with BeautifulSoup:
- every field has its label (and hint where it has one), its value, its cap
  and the data-action the widget routes; the visitor's own details may be
  autofilled, other people's may not.
- the record choices: the offered ones, then "More kinds of records" folded
  away; picked ones ticked; slides and blocks say they go on a second page.
- destinations, the visitor's forms, what they agree to and the doctor's
  forms ticked as picked, each with its hint where it has one; the visitor's
  own-copy choices, the doctor's part and the slides' fields hidden until
  they are needed; the cost asks for a number.
- print and clear buttons; clear asks first; the letter's own region.
- ids are unique; every action drawn is one widget.py routes.
- escaping: with EVIL in every value and sentence, the other language's
  words included, nothing is injected; choice ids ending in an entity or
  markup inject nothing and come back exactly; the field, choice, fieldset
  and button builders escape every value they are given.
"""

import ast
from pathlib import Path

import pytest
from sog.checklist import state as checklist_state
from sog.letter import render_form, state, view
from sog.markup import fill

from tests.support import examples, letter_examples
from tests.support.examples import ENTITY, EVIL
from tests.support.html import by_id, elements, ids, parse_well_formed
from tests.unit.escaping import assert_builder_escapes, assert_escaped
from tests.unit.spanish_data import in_language

TODAY = "2027-03-05"


def draw(data, checklist_data, letter, offered=None, confirming=False, sheets="<p>sheets</p>"):
    values = view.values(letter, None, TODAY)
    if offered is None:
        offered = view.offered_records(checklist_data, checklist_state.new_state(), {}, letter["records"])
    return render_form.body_html(data, checklist_data, letter, values, offered, sheets, confirming)


def soup_of(*args, **kwargs):
    return parse_well_formed(draw(*args, **kwargs))


def test_every_field_is_labelled_with_its_value(data, checklist_data):
    letter = letter_examples.filled_letter(checklist_data)
    soup = soup_of(data, checklist_data, letter)
    for field in state.FIELDS:
        control = by_id(soup, render_form.field_id(field))
        label = soup.find("label", attrs={"for": render_form.field_id(field)})
        assert label.get_text() == data["words"]["labels"][field]
        value = control.get_text() if control.name == "textarea" else control["value"]
        assert value == letter["fields"][field]
        assert control["maxlength"] == str(state.limit(field))
        assert (control["data-action"], control["data-id"]) == ("field", field)
        hint = data["words"]["hints"].get(field)
        if hint:
            assert by_id(soup, control["aria-describedby"]).get_text() == hint


def test_autofill_only_for_the_visitors_own_details(data, checklist_data):
    soup = soup_of(data, checklist_data, state.new_state())
    mine = {"name": "name", "birth_date": "bday", "address": "street-address", "phone": "tel", "email": "email"}
    for field in state.FIELDS:
        assert by_id(soup, render_form.field_id(field))["autocomplete"] == mine.get(field, "off"), field
    assert by_id(soup, "lt-visit_date")["type"] == "date" and by_id(soup, "lt-date")["type"] == "date"
    assert by_id(soup, "lt-other_records").name == "textarea"
    assert by_id(soup, "lt-cost_limit")["inputmode"] == "decimal"
    assert [field for field in state.FIELDS if by_id(soup, render_form.field_id(field)).has_attr("inputmode")] == [
        "cost_limit"]


def test_record_choices_offered_then_folded_away(data, checklist_data):
    letter = letter_examples.letter_with(checklist_data, {}, ["lab_results", "tissue_blocks"])
    first = ["clinical_summary", "lab_results", "tissue_blocks"]
    more = ["imaging", "pathology_slides"]
    soup = soup_of(data, checklist_data, letter, offered=(first, more))
    part = by_id(soup, render_form.RECORDS_ID)
    details = part.find("details")
    assert details.summary.get_text() == fill(data["words"]["more_records"], {"n": 2})
    outside = [box["data-id"] for box in elements(part, "input") if not box.find_parent("details")]
    inside = [box["data-id"] for box in elements(details, "input")]
    assert (outside, inside) == (first, more)
    for box in elements(part, "input"):
        assert ("checked" in box.attrs) is (box["data-id"] in letter["records"])
        assert (box["data-action"], box["data-group"]) == ("choice", "records")
        label = soup.find("label", attrs={"for": box["id"]}).get_text()
        assert label == [item for item in checklist_data["items"] if item["id"] == box["data-id"]][0]["text"]
        if box["data-id"] in data["specimens"]:
            assert by_id(soup, box["aria-describedby"]).get_text() == data["words"]["specimen_hint"]
        else:
            assert "aria-describedby" not in box.attrs


def test_no_more_records_no_fold(data, checklist_data):
    soup = soup_of(data, checklist_data, state.new_state(), offered=(["lab_results"], []))
    assert elements(by_id(soup, render_form.RECORDS_ID), "details") == []


CHOICE_GROUPS = (("send_to", "destinations"), ("forms", "forms"), ("agree", "agree"),
                 ("doctor_forms", "doctor_forms"))


def test_choices_ticked_as_picked(data, checklist_data):
    letter = letter_examples.letter_with(checklist_data, {}, [], ["disc"], ["doctor"], ["summary"], ["electronic"])
    soup = soup_of(data, checklist_data, letter)
    for group, key in CHOICE_GROUPS:
        for option in data[key]:
            box = by_id(soup, render_form.choice_id(group, option["id"]))
            assert ("checked" in box.attrs) is (option["id"] in letter[group])
            assert (box["data-action"], box["data-group"], box["data-id"]) == ("choice", group, option["id"])
            assert soup.find("label", attrs={"for": box["id"]}).get_text() == option["label"]
            if option.get("hint"):
                assert by_id(soup, box["aria-describedby"]).get_text() == option["hint"]
            else:
                assert "aria-describedby" not in box.attrs


@pytest.mark.parametrize("suffix", [ENTITY, EVIL], ids=["entity", "markup"])
def test_choice_ids_come_back_exactly(data, checklist_data, suffix):
    """Each choice's box (records, forms, what the visitor agrees to, the
    doctor's forms) says which choice it is (data-id), and its id, label
    "for" and hint reference name it exactly, and inject nothing, even for
    ids ending in an entity (harmless unescaped, but read back as "&") or in
    markup: the schemas forbid both today, but escaping ids is the
    renderer's own duty whatever checks the data. (The destinations' ids,
    "me" and "doctor", are named by the code too; their boxes are drawn the
    same way.)"""
    letter = letter_examples.filled_letter(checklist_data)
    plain_html = draw(data, checklist_data, letter)
    suffixed = [(group, key) for group, key in CHOICE_GROUPS if group != "send_to"]
    data = examples.with_suffixed_ids(data, suffix, [key for _, key in suffixed])
    data["specimens"] = [item_id + suffix for item_id in data["specimens"]]
    checklist_data = examples.with_suffixed_ids(checklist_data, suffix, ("items",))
    letter = examples.copy_data(letter)
    for group in ("records",) + tuple(group for group, _ in suffixed):
        letter[group] = [choice + suffix for choice in letter[group]]
    offered = view.offered_records(checklist_data, checklist_state.new_state(), {}, letter["records"])
    html = draw(data, checklist_data, letter, offered)
    soup = assert_escaped(html, plain_html) if suffix == EVIL else parse_well_formed(html)
    boxes = soup.select("input[data-action=choice]")
    assert [box["data-id"] for box in boxes if box["data-group"] == "records"] == offered[0] + offered[1]
    for group, key in CHOICE_GROUPS:
        assert [box["data-id"] for box in boxes if box["data-group"] == group] == [
            option["id"] for option in data[key]]
    hinted = 0
    for box in boxes:
        assert box["id"] == render_form.choice_id(box["data-group"], box["data-id"])
        assert soup.find("label", attrs={"for": box["id"]}) is not None
        assert box.has_attr("checked") is (box["data-id"] in letter[box["data-group"]])
        if box.has_attr("aria-describedby"):
            hinted += 1
            assert box["aria-describedby"] == box["id"] + "-hint" and by_id(soup, box["aria-describedby"])
    assert hinted


def test_each_destination_and_the_risk_of_email_are_explained(data):
    """Every destination says which rule it goes by; unencrypted email says its risk in one line."""
    me, doctor = data["destinations"]
    assert "right of access" in me["hint"] and "30 days" in me["hint"]
    assert "without your signature" in doctor["hint"] and "signed form" in doctor["hint"]
    email = [entry for entry in data["agree"] if entry["id"] == "plain_email"][0]
    assert email["label"] == "I accept unencrypted email" and "someone else could read it" in email["hint"]
    assert "cheaper" not in data["words"]["send_to_hint"]
    assert "Ask what each way costs" in data["words"]["send_to_hint"]
    assert "right of access" in data["words"]["doctor_forms_hint"]


def test_the_legends_name_their_groups(data, checklist_data):
    soup = soup_of(data, checklist_data, state.new_state())
    words = data["words"]
    for group, legend in (("send_to", "send_to_legend"), ("forms", "forms_legend"), ("agree", "agree_legend"),
                          ("doctor_forms", "doctor_forms_legend")):
        box = by_id(soup, render_form.choice_id(group, data[dict(CHOICE_GROUPS)[group]][0]["id"]))
        assert box.find_parent("fieldset").legend.get_text() == words[legend]


@pytest.mark.parametrize("send_to, records, me_shown, doctor_shown, slides_shown", [
    ([], [], False, False, False), (["me"], ["lab_results"], True, False, False),
    (["doctor"], ["pathology_slides"], False, True, True), (["me", "doctor"], [], True, True, False),
])
def test_parts_show_when_needed(data, checklist_data, send_to, records, me_shown, doctor_shown, slides_shown):
    letter = letter_examples.letter_with(checklist_data, {}, records, [], send_to)
    soup = soup_of(data, checklist_data, letter)
    assert ("hidden" not in by_id(soup, render_form.ME_ID).attrs) is me_shown
    assert ("hidden" not in by_id(soup, render_form.DOCTOR_ID).attrs) is doctor_shown
    assert ("hidden" not in by_id(soup, render_form.SLIDES_ID).attrs) is slides_shown
    assert "hidden" not in by_id(soup, "lt-visit_date").find_parent("div", {"class": "sog-fields"}).attrs
    me = by_id(soup, render_form.ME_ID)
    assert by_id(me, render_form.choice_id("forms", "paper")) and by_id(me, render_form.choice_id("agree", "summary"))
    doctor = by_id(soup, render_form.DOCTOR_ID)
    assert by_id(doctor, "lt-doctor_name") and by_id(doctor, render_form.choice_id("doctor_forms", "paper"))


def test_buttons_and_the_letters_region(data, checklist_data):
    soup = soup_of(data, checklist_data, state.new_state(), sheets='<p id="s">sheets</p>')
    words = data["words"]
    assert by_id(soup, "letter-print").get_text() == words["print"]
    assert by_id(soup, "letter-clear").get_text() == words["clear"]
    region = by_id(soup, render_form.PREVIEW_ID)
    assert by_id(soup, region["aria-labelledby"]).get_text() == words["preview_heading"]
    assert by_id(region, render_form.PAPER_ID).find("p")["id"] == "s"
    assert "aria-live" not in region.attrs and region.get("role") is None
    assert soup.find("a", href="#" + render_form.PREVIEW_ID).get_text() == words["to_letter"]


def test_clear_asks_first(data, checklist_data):
    soup = soup_of(data, checklist_data, state.new_state(), confirming=True)
    words = data["words"]
    group = by_id(soup, "letter-clear-part").find("div", {"role": "group"})
    assert by_id(soup, group["aria-labelledby"]).get_text() == words["clear_question"] + " " + words["clear_warning"]
    assert by_id(soup, "letter-clear-yes").get_text() == words["clear_yes"]
    assert by_id(soup, "letter-clear-no").get_text() == words["clear_no"]
    assert "letter-clear" not in ids(soup)


def test_ids_are_unique_and_actions_are_routed(data, checklist_data):
    letter = letter_examples.filled_letter(checklist_data)
    soups = [soup_of(data, checklist_data, letter), soup_of(data, checklist_data, letter, confirming=True)]
    widget = Path(render_form.__file__).with_name("widget.py").read_text()
    routed = {node.value for node in ast.walk(ast.parse(widget)) if isinstance(node, ast.Constant)}
    for soup in soups:
        found = ids(soup)
        assert len(found) == len(set(found))
        for element in elements(soup):
            if element.has_attr("data-action"):
                assert element["data-action"] in routed


def test_visitor_text_is_escaped(data, checklist_data):
    hostile = letter_examples.hostile_letter(checklist_data)
    plain = letter_examples.hostile_letter(checklist_data)
    for field in state.FIELDS:
        plain["fields"][field] = "plain"
    assert_escaped(draw(data, checklist_data, hostile), draw(data, checklist_data, plain))


@pytest.mark.parametrize("confirming", [False, True])
def test_words_are_escaped(data, checklist_data, confirming):
    hostile = examples.hostile_words(data)
    for group in ("forms", "destinations", "agree", "doctor_forms"):
        for entry in hostile[group]:
            entry["label"] = EVIL + entry["label"]
            if "hint" in entry:
                entry["hint"] = EVIL + entry["hint"]
    letter = letter_examples.letter_with(checklist_data, {}, ["pathology_slides"])
    offered = (["lab_results", "pathology_slides"], ["imaging"])
    hostile_checklist = examples.hostile_checklist_data(checklist_data)
    assert_escaped(draw(hostile, hostile_checklist, letter, offered, confirming),
                   draw(data, checklist_data, letter, offered, confirming))


@pytest.mark.parametrize("print_other", [False, True], ids=["prints_english", "prints_other"])
def test_the_other_language_words_are_escaped(print_other):
    """On a page in another language than the letter's: the print-language
    choice, its hint and the folded letter's summary inject nothing."""
    with in_language("es"):
        words = view.alongside_words()
    hostile = examples.hostile_strings(words)

    def drawn(said):
        return render_form.print_choice_html(said, print_other) + render_form.alongside_html(said, print_other)
    assert_escaped(drawn(hostile), drawn(words))


def test_every_value_a_builder_is_given_stays_text():
    """The form's builders escape every value they are given: words, and the
    field names, groups, ids, actions and classes the code gives today."""
    soup = assert_builder_escapes(
        lambda field, label, hint, value: render_form.field_html(
            {"labels": {field: label}, "hints": {field: hint}}, field, value),
        ("name", "Your name", "As on your insurance card", "Ana"))
    field = "name" + EVIL
    control = by_id(soup, render_form.field_id(field))
    assert control["data-id"] == field and soup.find("label", attrs={"for": control["id"]}) is not None
    assert by_id(soup, control["aria-describedby"]).get_text() == "As on your insurance card" + EVIL
    soup = assert_builder_escapes(render_form._check, ("send_to", "me", "A copy for me", True, "Your right"))
    box = by_id(soup, render_form.choice_id("send_to" + EVIL, "me" + EVIL))
    assert box["data-group"] == "send_to" + EVIL and box["data-id"] == "me" + EVIL
    assert by_id(soup, box["aria-describedby"]).get_text() == "Your right" + EVIL
    soup = assert_builder_escapes(render_form._fieldset, ("Send to", "<p>boxes</p>", "Pick one", "letter-send-hint"),
                                  (1,))
    assert by_id(soup, elements(soup, "fieldset")[0]["aria-describedby"]).get_text() == "Pick one" + EVIL
    assert_builder_escapes(render_form._button, ("letter-clear", "clear", "Clear", "md-button"))
