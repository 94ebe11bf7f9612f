"""Unit tests for sog/letter/render_letter.py: the letter on paper, and the phone scripts.

Tested here, by parsing the output with BeautifulSoup:
- the blank letter: every record the letter asks for with a box and lines
  for others; every form and destination to tick; lines for every detail;
  the HIPAA right of access with its 30 days and one extension; the fee for
  copies sent to the visitor; a signature line; no slides or blocks.
- a filled letter: the visitor's details, records (their own one per line),
  picked forms and destinations; whatever is empty stays a line or a box.
- fees: the cost-based fee is claimed only for copies sent to the visitor,
  never for copies sent straight to the doctor (Ciox Health v. Azar, 2020);
  the cost is always asked for first.
- slides and blocks: never in the records letter's list; a separate sheet
  to the pathology lab asking it to lend them, with no HIPAA claim.
- phone scripts: own copy vs. sending fees, the lab for slides, a helper
  who says the patient signed the office's permission form.
- escaping: with EVIL in every piece of visitor text and every sentence of
  letter.json, nothing is injected and the text shows as text.
"""

import pytest
from sog.letter import render_letter, state, view

from tests.support import examples, letter_examples
from tests.support.examples import EVIL
from tests.support.html import by_id, elements, ids, parse_well_formed, visible_text
from tests.unit.escaping import assert_escaped

TODAY = "2027-03-05"


def letter_view(data, checklist_data, letter):
    return view.letter_view(data, checklist_data, letter, view.values(letter, None, TODAY))


def sheets(data, checklist_data, letter):
    return parse_well_formed(render_letter.sheets_html(data, letter_view(data, checklist_data, letter)))


def blank(data, checklist_data):
    blank_view = view.blank_view(data, checklist_data)
    return parse_well_formed(render_letter.letter_html(data, blank_view) + render_letter.slides_html(data, blank_view))


def sheet_text(soup, sheet_id=render_letter.LETTER_ID):
    return visible_text(by_id(soup, sheet_id))


def boxed(soup, sheet_id=render_letter.LETTER_ID):
    """The text of every line with a box to tick."""
    sheet = by_id(soup, sheet_id)
    return [" ".join(box.parent.get_text().split()) for box in elements(sheet, "span", **{"class": "sog-box"})]


def rows(soup, sheet_id=render_letter.LETTER_ID):
    """{row label: value text} of the sheet's detail tables; a line to write on reads as ""."""
    sheet = by_id(soup, sheet_id)
    found = {}
    for row in elements(sheet, "tr"):
        line = row.find("span", {"class": "sog-fill"})
        found.setdefault(row.th.get_text(), []).append("" if line else row.td.get_text())
    return found


def paper_records(data, checklist_data):
    return [view.phrase(data, checklist_data, item_id) for item_id in letter_examples.PAPERS]


# ---- the blank letter ------------------------------------------------------------


def test_blank_letter_has_a_box_for_every_paper_record(data, checklist_data):
    soup = blank(data, checklist_data)
    # "Other:" and a line to write on, which screen readers hear as "blank".
    other = data["letter"]["other"] + " " + data["letter"]["blank"]
    records = paper_records(data, checklist_data) + [other, other]
    forms = [entry["letter"] for entry in data["forms"]]
    found = boxed(soup)
    assert found[:len(records)] == records
    assert found[len(records):len(records) + len(forms)] == forms
    destinations = found[len(records) + len(forms):]
    assert len(destinations) == len(data["destinations"])
    for text, entry in zip(destinations, data["destinations"], strict=True):
        assert text.startswith(entry["letter"])
    for item_id in data["specimens"]:
        assert view.phrase(data, checklist_data, item_id) not in sheet_text(soup)


def test_blank_letter_has_a_line_for_every_detail(data):
    soup = blank(data, examples.checklist_data())
    labels = data["letter"]["rows"]
    found = rows(soup)
    for field in ("office", "office_address", "name", "other_names", "birth_date", "address", "phone", "email",
                  "doctor_name", "doctor_address", "doctor_fax"):
        assert found[labels[field]][0] == "", field
    assert elements(by_id(soup, render_letter.LETTER_ID), "span", **{"class": "sog-fill sog-fill--sign"})


def test_blank_letter_states_the_right_of_access(data, checklist_data):
    text = sheet_text(blank(data, checklist_data))
    words = data["letter"]
    for sentence in ("ask", "time", "fee_me", "fee_ask", "denial", "questions"):
        assert words[sentence] in text, sentence
    assert "45 CFR 164.524" in words["ask"]
    assert "30 days" in words["time"] and "30 more days only once" in words["time"]
    assert "164.524(c)(4)" in words["fee_me"]


def test_the_title_is_a_heading_of_the_level_asked(data, checklist_data):
    html = render_letter.letter_html(data, view.blank_view(data, checklist_data), level=2)
    assert by_id(parse_well_formed(html), "letter-sheet-title").name == "h2"
    assert by_id(blank(data, checklist_data), "letter-sheet-title").name == "h3"


# ---- a filled letter ---------------------------------------------------------------


def test_filled_letter_shows_the_visitors_details(data, checklist_data):
    soup = sheets(data, checklist_data, letter_examples.filled_letter(checklist_data))
    filled = letter_examples.FILLED
    labels = data["letter"]["rows"]
    found = rows(soup)
    for field in ("office", "office_address", "name", "other_names", "birth_date", "address", "phone", "email",
                  "doctor_name", "doctor_address", "doctor_fax", "doctor_phone"):
        assert filled[field] in found[labels[field]], field
    text = sheet_text(soup)
    assert "Date: March 5, 2027" in text
    assert "from January 2025 to today." in text
    assert "on April 12, 2027," in text
    assert boxed(soup) == []
    items = [li.get_text() for li in elements(by_id(soup, render_letter.LETTER_ID), "li")]
    for record in paper_records(data, checklist_data) + view.lines(filled["other_records"]):
        assert record in items
    for form in ("paper", "disc"):
        assert [entry["letter"] for entry in data["forms"] if entry["id"] == form][0] in items
    assert not [entry for entry in data["forms"] if entry["id"] == "portal" and entry["letter"] in items]


def test_empty_parts_of_a_filled_letter_stay_lines_and_boxes(data, checklist_data):
    """Nothing picked or typed: the same boxes and lines as the blank letter (optional rows left out)."""
    letter = state.set_field(state.new_state(), "name", "Ana Ruiz")
    letter = state.set_field(letter, "date", "")
    soup = sheets(data, checklist_data, letter)
    assert boxed(soup) == boxed(blank(data, checklist_data))
    found = rows(soup)
    labels = data["letter"]["rows"]
    assert found[labels["name"]] == ["Ana Ruiz"]
    assert found[labels["birth_date"]] == [""]
    assert labels["other_names"] not in found and labels["email"] not in found


def test_a_letter_to_me_only_has_no_doctor_block(data, checklist_data):
    letter = letter_examples.letter_with(checklist_data, letter_examples.FILLED, ["lab_results"], ["paper"], ["me"])
    soup = sheets(data, checklist_data, letter)
    assert data["letter"]["rows"]["doctor_name"] not in rows(soup)
    assert data["destinations"][0]["letter"] in sheet_text(soup)
    assert data["destinations"][1]["letter"] not in sheet_text(soup)


# ---- fees: only for copies sent to the visitor ---------------------------------------


@pytest.mark.parametrize("send_to, claims_fee_limit", [(["me"], True), (["me", "doctor"], True), (["doctor"], False),
                                                       ([], True)])
def test_the_fee_limit_is_claimed_only_for_copies_sent_to_the_visitor(data, checklist_data, send_to,
                                                                     claims_fee_limit):
    letter = letter_examples.letter_with(checklist_data, letter_examples.FILLED, ["lab_results"], ["paper"], send_to)
    text = sheet_text(sheets(data, checklist_data, letter))
    assert (data["letter"]["fee_me"] in text) is claims_fee_limit
    assert ("reasonable" in text) is claims_fee_limit
    assert data["letter"]["fee_ask"] in text


def test_the_fee_sentence_is_about_copies_sent_to_the_visitor(data):
    """Its own words say whose copies it covers, and never mention the doctor."""
    fee = data["letter"]["fee_me"]
    assert fee.startswith("For copies sent to me,")
    assert "doctor" not in fee


# ---- slides and blocks: a loan, asked of the lab --------------------------------------


def test_slides_get_their_own_request_to_the_lab(data, checklist_data):
    soup = sheets(data, checklist_data, letter_examples.filled_letter(checklist_data))
    letter = sheet_text(soup)
    slides = sheet_text(soup, render_letter.SLIDES_ID)
    names = view.specimen_names(data, letter_examples.SPECIMENS)
    assert data["letter"]["specimens"].replace("{specimens}", names) in letter
    for item_id in letter_examples.SPECIMENS:
        assert view.phrase(data, checklist_data, item_id) not in letter
        assert view.phrase(data, checklist_data, item_id) in slides
    assert data["slides"]["title"].replace("{specimens}", names) in slides
    assert data["slides"]["to"] in slides
    assert "lend" in data["slides"]["ask"]
    assert "HIPAA" not in slides and "164.524" not in slides
    found = rows(soup, render_letter.SLIDES_ID)
    labels = data["slides"]["rows"]
    for field in ("lab_name", "lab_address", "specimen", "review_lab", "review_address", "name", "birth_date"):
        assert letter_examples.FILLED[field] in found[labels[field]], field


def test_no_slides_no_second_sheet(data, checklist_data):
    soup = sheets(data, checklist_data, letter_examples.filled_letter(checklist_data, slides=False))
    assert render_letter.SLIDES_ID not in ids(soup)
    assert data["letter"]["specimens"].split("}")[1] not in sheet_text(soup)


def test_only_blocks_picked(data, checklist_data):
    letter = letter_examples.letter_with(checklist_data, {}, ["tissue_blocks"])
    slides = sheet_text(sheets(data, checklist_data, letter), render_letter.SLIDES_ID)
    assert data["slides"]["title"].replace("{specimens}", "tissue blocks") in slides
    assert view.phrase(data, checklist_data, "pathology_slides") not in slides


def test_blank_slides_request_lists_both_to_tick(data, checklist_data):
    soup = blank(data, checklist_data)
    assert boxed(soup, render_letter.SLIDES_ID) == [view.phrase(data, checklist_data, item_id)
                                                    for item_id in data["specimens"]]
    assert data["slides"]["title_blank"] in sheet_text(soup, render_letter.SLIDES_ID)


# ---- phone scripts -----------------------------------------------------------------------


def scripts(data):
    soup = parse_well_formed(render_letter.phone_scripts_html(data))
    found = {}
    for heading in elements(soup, "h3"):
        parts = []
        for sibling in heading.find_next_siblings():
            if sibling.name == "h3":
                break
            parts.append(visible_text(sibling))
        found[heading["id"]] = (heading.get_text(), " ".join(parts))
    return soup, found


def test_phone_scripts_are_drawn_in_order(data):
    soup, found = scripts(data)
    assert list(found) == ["script-" + script["id"] for script in data["phone_scripts"]["scripts"]]
    for script in data["phone_scripts"]["scripts"]:
        title, text = found["script-" + script["id"]]
        assert title == script["title"]
        for line in script["lines"]:
            assert "\u201c" + line + "\u201d" in text
    assert data["phone_scripts"]["after"] in visible_text(soup)


def test_phone_scripts_say_the_right_things(data):
    _, found = scripts(data)
    records = found["script-ask-records"][1]
    assert "own copy" in records and "send the records to the doctor" in records
    assert "straight to a doctor may cost more" in records
    slides = found["script-ask-slides"][1]
    assert "lend my slides and tissue blocks" in slides and "lab" in slides and "come back" in slides
    assert "slides" not in records
    helper = found["script-helper-calls"][1]
    assert "I am calling for" in helper and "permission" in helper and "signed" in helper
    assert "signed permission" in helper


# ---- escaping ------------------------------------------------------------------------------


def hostile_data(data):
    """letter.json with EVIL in every sentence it shows (ids kept)."""
    hostile = examples.copy_data(data)
    for key in ("record_phrases", "specimen_names", "letter", "slides", "phone_scripts", "words"):
        hostile[key] = examples.hostile_strings(data[key])
    for script, original in zip(hostile["phone_scripts"]["scripts"], data["phone_scripts"]["scripts"], strict=True):
        script["id"] = original["id"]
        script["note"] = script["note"] if original["note"] else ""
    hostile["slides"]["and"] = " and "
    for group in ("forms", "destinations"):
        for entry in hostile[group]:
            entry["label"] = EVIL + entry["label"]
            entry["letter"] = entry["letter"] + EVIL
    return hostile


def plain_letter(checklist_data):
    letter = letter_examples.hostile_letter(checklist_data)
    for field in state.FIELDS:
        letter["fields"][field] = letter["fields"][field].replace(EVIL, "plain")
    return letter


@pytest.mark.parametrize("slides", [True, False])
def test_visitor_text_is_escaped(data, checklist_data, slides):
    hostile = letter_examples.hostile_letter(checklist_data)
    plain = plain_letter(checklist_data)
    if not slides:
        for letter in (hostile, plain):
            letter["records"] = [item_id for item_id in letter["records"] if item_id not in data["specimens"]]
    assert_escaped(
        render_letter.sheets_html(data, letter_view(data, checklist_data, hostile)),
        render_letter.sheets_html(data, letter_view(data, checklist_data, plain)),
    )


@pytest.mark.parametrize("make", ["blank", "filled"])
def test_letter_words_are_escaped(data, checklist_data, make):
    hostile = hostile_data(data)
    letter = letter_examples.filled_letter(checklist_data) if make == "filled" else None

    def draw(words_data):
        shown = (view.blank_view(words_data, checklist_data) if letter is None
                 else letter_view(words_data, checklist_data, letter))
        return render_letter.sheets_html(words_data, shown) + render_letter.slides_html(words_data, shown)

    assert_escaped(draw(hostile), draw(data))


def test_phone_script_words_are_escaped(data):
    assert_escaped(render_letter.phone_scripts_html(hostile_data(data)), render_letter.phone_scripts_html(data))


def test_months_in_shared_words_are_escaped(data, checklist_data, hostile_shared_words):
    html = render_letter.letter_html(data, letter_view(data, checklist_data,
                                                       letter_examples.filled_letter(checklist_data)))
    assert EVIL not in html
