"""Unit tests for sog/letter/render_letter.py: the letter on paper, the HIPAA
authorization, and the phone scripts.

Tested here, by parsing the output with BeautifulSoup:
- the blank letter: every record the letter asks for with a box and lines
  for others; both ways the copies can go, each with its forms to tick; lines
  for every detail; a signature line; no slides or blocks.
- a filled letter: the visitor's details, records (their own one per line),
  picked forms and destinations; whatever is empty stays a line or a box.
- each delivery choice's wording (a table of cases): which of letter.json's
  sentences appear for which choices; the HIPAA right of access is claimed
  only for the visitor's own copy and for electronic copies sent to the
  doctor, never for a paper or disc copy sent to a doctor; the cost-based fee
  limit only for the visitor's own copy (Ciox Health v. Azar, 2020); the cost
  always asked first, or an amount under which the office may go ahead.
- the authorization: its own sheet, only with copies to the doctor, holding
  every element 45 CFR 164.508(c) asks for, and no right-of-access claim.
- slides and blocks: never in the records letter's list; a separate sheet
  to the pathology lab asking it to lend them, with no HIPAA claim.
- phone scripts: ask what each way costs; a helper may talk with the office
  (45 CFR 164.510(b)); the signed form is for sending the helper copies.
- escaping: with EVIL in every piece of visitor text and every sentence of
  letter.json (and in the phone scripts' ids), nothing is injected and the
  text shows as text; the small builders escape every value they are given
  (classes, heading ids, the renamed sheets' prefix).
"""

import pytest
from sog.letter import render_letter, state, view

from tests.support import examples, letter_examples
from tests.support.examples import EVIL
from tests.support.html import by_id, elements, ids, parse_well_formed, visible_text
from tests.unit.escaping import assert_builder_escapes, assert_escaped

TODAY = "2027-03-05"


def letter_view(data, checklist_data, letter):
    return view.letter_view(data, checklist_data, letter, view.values(letter, None, TODAY))


def sheets(data, checklist_data, letter):
    return parse_well_formed(render_letter.sheets_html(data, letter_view(data, checklist_data, letter)))


def blank(data, checklist_data):
    blank_view = view.blank_view(data, checklist_data)
    return parse_well_formed(render_letter.letter_html(data, blank_view)
                             + render_letter.authorization_html(data, blank_view)
                             + render_letter.slides_html(data, blank_view))


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
    found = boxed(soup)
    assert found[:len(records)] == records
    me, doctor = [entry["letter"] for entry in data["destinations"]]
    assert found[len(records):] == (
        [me] + [entry["letter"] for entry in data["forms"]] + [data["letter"]["plain_email"]]
        + [doctor] + [entry["letter"] for entry in data["doctor_forms"]]
    )
    for item_id in data["specimens"]:
        assert view.phrase(data, checklist_data, item_id) not in sheet_text(soup)


def test_blank_letter_has_a_line_for_every_detail(data):
    soup = blank(data, examples.checklist_data())
    labels = data["letter"]["rows"]
    found = rows(soup)
    for field in ("office", "office_address", "name", "birth_date", "address", "phone", "email",
                  "doctor_name", "doctor_address", "doctor_fax"):
        assert found[labels[field]][0] == "", field
    # Other names fit beside the name; the blank letter keeps to one sheet (the authorization has the line).
    assert labels["other_names"] not in found
    assert labels["other_names"] in rows(soup, render_letter.AUTH_ID)
    assert elements(by_id(soup, render_letter.LETTER_ID), "span", **{"class": "sog-fill sog-fill--sign"})
    short = elements(by_id(soup, render_letter.LETTER_ID), "span", **{"class": "sog-fill sog-fill--short"})
    assert len(short) == 1 and short[0].find_parent("p").get_text().startswith(data["letter"]["cost"].split("$")[0])


def test_blank_letter_states_both_routes(data, checklist_data):
    text = sheet_text(blank(data, checklist_data))
    assert set(said(data, text)) == ME | DOCTOR | {"plain_email", "summary_no", "doctor_electronic_blank"} | ALWAYS
    assert "45 CFR 164.524" in data["letter"]["me_ask"]
    assert "30 days" in data["letter"]["time"] and "30 more days only once" in data["letter"]["time"]
    assert "state law" in data["letter"]["time"]
    assert "164.524(c)(4)" in data["letter"]["fee_me"]
    assert "164.506(c)" in data["letter"]["doctor_care"]
    assert "164.524(c)(3)(ii)" in data["letter"]["doctor_electronic"]


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
    for form in ("electronic", "paper"):
        assert [entry["letter"] for entry in data["doctor_forms"] if entry["id"] == form][0] in items
    unpicked = [entry["letter"] for entry in data["forms"] if entry["id"] in ("portal", "electronic")]
    assert not set(unpicked) & set(items)
    assert "unless it is under $25.50." in text


def test_empty_parts_of_a_filled_letter_stay_lines_and_boxes(data, checklist_data):
    """Nothing picked or typed: the same boxes and lines as the blank letter (optional rows left out)."""
    letter = state.set_field(state.new_state(), "name", "Ana Ruiz")
    letter = state.set_field(letter, "date", "")
    soup = sheets(data, checklist_data, letter)
    assert boxed(soup) == boxed(blank(data, checklist_data))
    assert render_letter.AUTH_ID not in ids(soup), "no copies to the doctor picked: no authorization yet"
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


# ---- each delivery choice's wording ---------------------------------------------------

# Sentences of letter.json's "letter" that belong to one way the copies go, or to both.
ME = {"me_ask", "me_format", "time", "fee_me", "not_required", "denial"}
DOCTOR = {"doctor_ask", "doctor_care", "doctor_auth"}
ALWAYS = {"ask", "images", "cost", "visit", "questions"}
CHOSEN = {"plain_email", "summary_no", "summary_ok", "doctor_electronic", "doctor_electronic_blank"}
# (send_to, forms, agree, doctor_forms) -> the choice-dependent sentences the letter says.
WORDING = [
    ((["me"], ["paper"], [], []), ME | {"summary_no"}),
    ((["me"], ["electronic"], ["plain_email"], []), ME | {"plain_email", "summary_no"}),
    ((["me"], ["disc"], ["summary"], []), ME | {"summary_ok"}),
    ((["me"], [], ["plain_email", "summary"], []), ME | {"plain_email", "summary_ok"}),
    ((["doctor"], [], [], ["paper"]), DOCTOR),
    ((["doctor"], [], [], ["disc"]), DOCTOR),
    ((["doctor"], ["electronic"], ["plain_email"], ["paper", "disc"]), DOCTOR),
    ((["doctor"], [], [], ["electronic"]), DOCTOR | {"doctor_electronic"}),
    ((["doctor"], [], [], ["electronic", "disc"]), DOCTOR | {"doctor_electronic"}),
    ((["doctor"], [], [], []), DOCTOR | {"doctor_electronic_blank"}),
    ((["me", "doctor"], ["paper"], [], ["paper"]), ME | DOCTOR | {"summary_no"}),
    ((["me", "doctor"], ["portal"], ["summary"], ["electronic"]), ME | DOCTOR | {"summary_ok", "doctor_electronic"}),
    # Nothing picked for where the copies go: both parts to tick by hand, email as a box, no summary.
    (([], ["paper"], ["summary"], ["paper"]), ME | DOCTOR | {"plain_email", "summary_no"}),
    (([], [], [], []), ME | DOCTOR | {"plain_email", "summary_no", "doctor_electronic_blank"}),
]
WORDING_IDS = ["me-paper", "me-email", "me-summary", "me-boxes", "doctor-paper", "doctor-disc", "doctor-paper-only",
               "doctor-electronic", "doctor-electronic-disc", "doctor-boxes", "both-paper", "both-electronic",
               "none-picked", "nothing"]


def said(data, text):
    """The keys of letter.json's "letter" sentences the text says (a sentence with
    a {slot} counts by its words before the slot)."""
    words = data["letter"]
    return [key for key in sorted(ME | DOCTOR | ALWAYS | CHOSEN) if words[key].split("{")[0] in text]


def choice_letter(checklist_data, send_to, forms, agree, doctor_forms):
    return letter_examples.letter_with(checklist_data, letter_examples.FILLED, ["lab_results"], forms, send_to,
                                       agree, doctor_forms)


@pytest.mark.parametrize("choices, expected", WORDING, ids=WORDING_IDS)
def test_each_choice_says_its_own_sentences(data, checklist_data, choices, expected):
    text = sheet_text(sheets(data, checklist_data, choice_letter(checklist_data, *choices)))
    assert set(said(data, text)) - ALWAYS == expected
    assert {"ask", "cost", "visit", "questions"} <= set(said(data, text))


def unclaimed_access(sheet, allowed):
    """Text of the sheet's paragraphs that claims the HIPAA right of access outside the allowed sentences."""
    found = []
    for paragraph in elements(sheet, "p"):
        text = visible_text(paragraph)
        for sentence in allowed:
            text = text.replace(sentence, "")
        if "right of access" in text or "164.524" in text:
            found.append(text)
    return found


@pytest.mark.parametrize("choices, expected", WORDING, ids=WORDING_IDS)
def test_no_choice_claims_the_right_of_access_where_it_does_not_apply(data, checklist_data, choices, expected):
    """The right of access is claimed for the visitor's own copy, and for an electronic copy sent to
    the doctor of what the office keeps electronically; never for a paper or disc copy sent to a doctor."""
    letter = choice_letter(checklist_data, *choices)
    soup = sheets(data, checklist_data, letter)
    sheet = by_id(soup, render_letter.LETTER_ID)
    words = data["letter"]
    allowed = []
    if "me" in letter["send_to"] or not letter["send_to"]:
        allowed += [words["me_ask"], words["fee_me"], words["denial"]]
    if "electronic" in letter["doctor_forms"] and "doctor" in letter["send_to"]:
        allowed.append(words["doctor_electronic"])
    if not letter["doctor_forms"] or not letter["send_to"]:
        allowed.append(words["doctor_electronic_blank"])
    assert unclaimed_access(sheet, allowed) == []
    text = sheet_text(soup)
    if letter["send_to"] == ["doctor"] and letter["doctor_forms"] and "electronic" not in letter["doctor_forms"]:
        # A paper or disc copy sent to a doctor: no word of the right of access anywhere.
        assert "right of access" not in text and "164.524" not in text
    for sentence in (words["doctor_electronic"], words["doctor_electronic_blank"]):
        assert "electronic copy" in sentence and "keep electronically" in sentence
    assert "right of access" not in words["doctor_care"] + words["doctor_auth"]
    if render_letter.AUTH_ID in ids(soup):
        assert unclaimed_access(by_id(soup, render_letter.AUTH_ID), []) == []


@pytest.mark.parametrize("send_to, claims_fee_limit", [(["me"], True), (["me", "doctor"], True), (["doctor"], False),
                                                       ([], True)])
def test_the_fee_limit_is_claimed_only_for_copies_sent_to_the_visitor(data, checklist_data, send_to,
                                                                     claims_fee_limit):
    letter = letter_examples.letter_with(checklist_data, letter_examples.FILLED, ["lab_results"], ["paper"], send_to,
                                         doctor_forms=["paper"])
    text = sheet_text(sheets(data, checklist_data, letter))
    assert (data["letter"]["fee_me"] in text) is claims_fee_limit
    assert ("reasonable" in text) is claims_fee_limit
    assert data["letter"]["cost"].replace("{limit}", "25.50") in text


def test_the_fee_sentence_is_about_the_visitors_own_copy(data):
    """Its own words say whose copies it covers, and never mention the doctor."""
    fee = data["letter"]["fee_me"]
    assert fee.startswith("For my copy,")
    assert "doctor" not in fee


def test_without_an_amount_the_cost_is_a_line_to_fill_or_leave(data, checklist_data):
    letter = letter_examples.letter_with(checklist_data, {"name": "Ana"}, ["lab_results"], ["paper"], ["me"])
    sentence = by_id(sheets(data, checklist_data, letter), render_letter.LETTER_ID).find(
        "span", {"class": "sog-fill sog-fill--short"}).find_parent("p")
    assert visible_text(sentence) == data["letter"]["cost"].replace("{limit}", data["letter"]["blank"])


def test_what_an_office_may_not_demand_for_the_visitors_copy(data):
    """A reason, a visit in person, its own authorization form instead of the letter, old bills first."""
    sentence = data["letter"]["not_required"]
    for demand in ("a reason", "a visit in person", "your own authorization form instead of this request",
                   "past bills"):
        assert demand in sentence
    denial = data["letter"]["denial"]
    assert "in writing" in denial and "review" in denial and "Office for Civil Rights" in denial
    assert "to you" in denial and "164.524(d)" in denial


def test_images_unencrypted_email_and_a_summary(data, checklist_data):
    words = data["letter"]
    assert "DICOM" in words["images"] and "disc" in words["images"] and "image-sharing link" in words["images"]
    assert "not printouts" in words["images"]
    assert "unencrypted email" in words["plain_email"] and "someone else could read it" in words["plain_email"]
    for key in ("summary_no", "summary_ok"):
        assert "summary" in words[key] and "fee" in words[key] and "agree" in words[key]
    labs = letter_examples.letter_with(checklist_data, {"name": "Ana"}, ["lab_results"], ["paper"], ["me"])
    assert words["images"] not in sheet_text(sheets(data, checklist_data, labs))
    scans = letter_examples.letter_with(checklist_data, {"name": "Ana"}, ["imaging"], ["paper"], ["me"])
    assert words["images"] in sheet_text(sheets(data, checklist_data, scans))


def test_the_blank_electronic_sentence_names_the_box_it_depends_on(data):
    electronic = [entry["letter"] for entry in data["doctor_forms"] if entry["id"] == "electronic"][0]
    assert "\u201c" + electronic + "\u201d" in data["letter"]["doctor_electronic_blank"]


# ---- the HIPAA authorization: its own sheet -------------------------------------------------


@pytest.mark.parametrize("send_to, has_it", [(["me"], False), (["doctor"], True), (["me", "doctor"], True),
                                             ([], False)])
def test_the_authorization_comes_with_copies_to_the_doctor(data, checklist_data, send_to, has_it):
    letter = letter_examples.letter_with(checklist_data, letter_examples.FILLED, ["lab_results"], send_to=send_to,
                                         doctor_forms=["paper"])
    soup = sheets(data, checklist_data, letter)
    assert (render_letter.AUTH_ID in ids(soup)) is has_it
    found = [section["id"] for section in elements(soup, "section")]
    assert found == [render_letter.LETTER_ID] + ([render_letter.AUTH_ID] if has_it else [])


def test_the_authorization_has_every_element_the_rule_asks_for(data, checklist_data):
    """45 CFR 164.508(c): what, by whom, to whom, why, an end, the right to revoke in writing and how,
    the statements on conditioning and redisclosure, signature and date, a representative's authority."""
    letter = letter_examples.filled_letter(checklist_data)
    soup = sheets(data, checklist_data, letter)
    sheet = by_id(soup, render_letter.AUTH_ID)
    text = visible_text(sheet)
    words = data["auth"]
    assert "sog-auth-sheet" in sheet["class"] and "sog-letter-sheet" in sheet["class"]
    assert by_id(soup, render_letter.AUTH_ID + "-title").get_text() == words["title"]
    found = rows(soup, render_letter.AUTH_ID)
    labels = words["rows"]
    filled = letter_examples.FILLED
    for field in ("name", "other_names", "birth_date", "phone", "office", "office_address", "doctor_name",
                  "doctor_address", "doctor_fax", "doctor_phone"):
        assert filled[field] in found[labels[field]], field
    # What: the records, and the dates of care.
    items = [li.get_text() for li in elements(sheet, "li")]
    assert items == paper_records(data, checklist_data) + view.lines(filled["other_records"])
    assert words["what"].replace("{from}", "January 2025").replace("{to}", "today") in text
    for key in ("from", "to", "why", "ends", "revoke", "condition", "redisclose", "representative"):
        assert words[key].split("{")[0] in text, key
    assert "at my request" in words["why"] and "second opinion" in words["why"]
    assert "one year after the date I sign it" in words["ends"]
    assert "cancel" in words["revoke"] and "signed letter to the office" in words["revoke"]
    assert "does not undo" in words["revoke"]
    assert "treatment, payment, health plan enrollment or benefits" in words["condition"]
    assert "share them again" in words["redisclose"] and "no longer protect" in words["redisclose"]
    assert "authority" in words["representative"]
    assert elements(sheet, "span", **{"class": "sog-fill sog-fill--sign"})
    assert data["letter"]["signature"] in text and data["letter"]["signed_on"] in text
    assert "right of access" not in text and "164.524" not in text


def test_the_blank_authorization_leaves_records_to_tick(data, checklist_data):
    soup = blank(data, checklist_data)
    other = data["letter"]["other"] + " " + data["letter"]["blank"]
    assert boxed(soup, render_letter.AUTH_ID) == paper_records(data, checklist_data) + [other, other]
    for label in data["auth"]["rows"].values():
        assert rows(soup, render_letter.AUTH_ID)[label] == [""] * len(rows(soup, render_letter.AUTH_ID)[label])


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
    assert "Ask what each way costs." in records and "often free" in records and "no signed form" in records
    assert "cheaper" not in records
    slides = found["script-ask-slides"][1]
    assert "lend my slides and tissue blocks" in slides and "lab" in slides and "come back" in slides
    assert "slides" not in records
    helper = found["script-helper-calls"][1]
    assert "I am calling for" in helper and "I help with their care" in helper
    # 45 CFR 164.510(b): an office may talk with a helper unless the patient objects; the form is for copies.
    assert "164.510(b)" in helper and "unless you tell it not to" in helper
    assert "signed permission to send your helper copies" in helper
    assert "They signed your form" not in helper and "usually needs your signed permission" not in helper


# ---- escaping ------------------------------------------------------------------------------


def hostile_data(data):
    """letter.json with EVIL in every sentence it shows (ids kept)."""
    hostile = examples.copy_data(data)
    for key in ("record_phrases", "specimen_names", "letter", "auth", "slides", "phone_scripts", "words"):
        hostile[key] = examples.hostile_strings(data[key])
    for script, original in zip(hostile["phone_scripts"]["scripts"], data["phone_scripts"]["scripts"], strict=True):
        script["id"] = original["id"]
        script["note"] = script["note"] if original["note"] else ""
    hostile["slides"]["and"] = " and "
    for group in ("forms", "destinations", "doctor_forms"):
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
        return (render_letter.sheets_html(words_data, shown) + render_letter.authorization_html(words_data, shown)
                + render_letter.slides_html(words_data, shown))

    assert_escaped(draw(hostile), draw(data))


def test_phone_script_words_are_escaped(data):
    assert_escaped(render_letter.phone_scripts_html(hostile_data(data)), render_letter.phone_scripts_html(data))


def test_phone_script_ids_are_escaped(data):
    """A script's id lands in its heading's id: hostile, it injects nothing
    and names the heading exactly."""
    hostile = examples.copy_data(data)
    for script in hostile["phone_scripts"]["scripts"]:
        script["id"] += EVIL
    soup = assert_escaped(render_letter.phone_scripts_html(hostile), render_letter.phone_scripts_html(data))
    assert [heading["id"] for heading in elements(soup, "h3")] == [
        "script-" + script["id"] for script in hostile["phone_scripts"]["scripts"]]


def test_months_in_shared_words_are_escaped(data, checklist_data, hostile_shared_words):
    html = render_letter.letter_html(data, letter_view(data, checklist_data,
                                                       letter_examples.filled_letter(checklist_data)))
    assert EVIL not in html


def test_every_value_a_builder_is_given_stays_text(data, checklist_data):
    """The letter's small builders escape every value they are given: words,
    and the classes, ids and renamed sheets' prefix the code gives today."""
    blank_view = view.blank_view(data, checklist_data)
    for build, args, html_args in (
        (lambda css: render_letter._line(data, css), ("sog-fill",), ()),
        (render_letter._list, (["Lab results"], "sog-letter-list"), ()),
        (render_letter._boxes, (["Lab results"], "<li>More</li>", "sog-letter-boxes"), (1,)),
        (render_letter._p, ("<strong>To</strong>", "sog-letter-to"), (0,)),
        (render_letter._heading, (render_letter.LETTER_ID, 3, "Records request"), ()),
    ):
        assert_builder_escapes(build, args, html_args)
    sheets = (render_letter.letter_html(data, blank_view) + render_letter.authorization_html(data, blank_view)
              + render_letter.slides_html(data, blank_view))
    soup = assert_builder_escapes(lambda prefix: render_letter.renamed(sheets, prefix), ("other-",))
    for sheet_id in (render_letter.LETTER_ID, render_letter.AUTH_ID, render_letter.SLIDES_ID):
        assert by_id(soup, "other-" + EVIL + sheet_id)["aria-labelledby"] == "other-" + EVIL + sheet_id + "-title"
