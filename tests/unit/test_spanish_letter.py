"""The records letter on a Spanish page: English to print, Spanish to read.

The letter goes to a US office, so it prints in English by default. On a
Spanish page the form is in Spanish, the letter in Spanish is shown beside
it (folded, never printed) so the visitor knows what they sign, and a choice
prints it in Spanish instead. Tested here: the data for each (view.load keeps
the English letter, view.letter_data gives the page's language); a letter
drawn in either language has that language's words and dates, and the page's
language is set back after; the choice and the folded letter
(render_form.alongside_html) and unique ids when the letter is on a page
twice (render_letter.renamed); the page built in Spanish holds the blank
letter in English to print and in Spanish to read; an English page shows
none of it.
"""

from sog import language
from sog.checklist import items
from sog.letter import render, render_form, render_letter, view

from tests.support import letter_examples
from tests.support.html import by_id, elements, ids, parse, parse_well_formed, visible_text
from tests.unit.spanish_data import in_language

TODAY = "2027-01-05"


def drawn(code, letter):
    """The letter's sheets for this letter, drawn in language code."""
    def build(data, checklist):
        values = view.values(letter, None, TODAY)
        return render_letter.sheets_html(data, view.letter_view(data, checklist, letter, values))
    return view.in_language(code, build)


def test_the_spanish_page_keeps_the_english_letter_and_has_the_spanish_one():
    with in_language("es"):
        assert view.load()["letter"]["title"] == "Request for copies of my health records"
        assert view.load()["words"]["print"] == "Imprimir mi carta"
        assert view.letter_data()["letter"]["title"] == "Solicitud de copias de mi expediente médico"
        assert view.letter_data()["words"]["print"] == "Imprimir mi carta"
        assert view.alongside_words()["print"] == "Imprimir la carta en español"
    assert view.letter_data() is view.load()
    assert view.alongside_words() is None


def test_a_letter_is_drawn_in_either_language_on_a_spanish_page():
    with in_language("es"):
        letter = letter_examples.filled_letter(items.load())
        english = visible_text(parse(drawn("en", letter)))
        spanish = visible_text(parse(drawn("es", letter)))
        assert language.current() == "es"
    assert "Request for copies of my health records" in english
    assert "March 5, 2027" in english
    assert "marzo" not in english
    assert "Solicitud de copias de mi expediente médico" in spanish
    assert "5 de marzo de 2027" in spanish
    assert "Request for copies" not in spanish
    # The same choices in both: only the words differ.
    assert spanish.count("45 CFR 164.524") == english.count("45 CFR 164.524")


def test_the_choice_and_the_folded_letter():
    with in_language("es"):
        words = view.alongside_words()
    assert render_form.alongside_html(None, False) == ""
    assert render_form.print_choice_html(None, False) == ""
    soup = parse_well_formed(render_form.print_choice_html(words, False) + render_form.alongside_html(words, False))
    part = by_id(soup, render_form.OTHER_ID)
    assert "sog-no-print" in part["class"]
    box = by_id(soup, render_form.PRINT_LANGUAGE_ID)
    assert box["data-action"] == "print-language"
    assert "checked" not in box.attrs
    assert soup.find("label", attrs={"for": render_form.PRINT_LANGUAGE_ID}).get_text() == words["print"]
    assert by_id(soup, box["aria-describedby"]).get_text() == words["print_hint"]
    assert by_id(soup, render_form.OTHER_SUMMARY_ID).get_text() == words["summary"]
    assert by_id(soup, render_form.OTHER_PAPER_ID) is not None
    assert "sog-no-print" in box.parent["class"]
    printing_spanish = parse(render_form.print_choice_html(words, True) + render_form.alongside_html(words, True))
    assert "checked" in by_id(printing_spanish, render_form.PRINT_LANGUAGE_ID).attrs
    assert by_id(printing_spanish, render_form.OTHER_SUMMARY_ID).get_text() == words["summary_letter"]


def test_the_letter_twice_on_a_page_keeps_its_ids_unique():
    with in_language("es"):
        letter = letter_examples.filled_letter(items.load())
        html = drawn("en", letter) + render_letter.renamed(drawn("es", letter), "other-")
    soup = parse_well_formed(html)
    found = ids(soup)
    assert len(found) == len(set(found))
    for element in elements(soup):
        if element.get("aria-labelledby"):
            assert by_id(soup, element["aria-labelledby"]) is not None
    assert render_letter.LETTER_ID in found and "other-" + render_letter.LETTER_ID in found


def test_the_spanish_letter_page_prints_english_and_shows_spanish():
    with in_language("es"):
        soup = parse_well_formed(render.static_page(".."))
    english = by_id(soup, render_letter.LETTER_ID)
    assert "Request for copies of my health records" in visible_text(english)
    folded = [details for details in elements(soup, "details") if "sog-no-print" in details["class"]]
    assert len(folded) == 1
    assert "Solicitud de copias de mi expediente médico" in visible_text(folded[0])
    found = ids(soup)
    assert len(found) == len(set(found))


def test_the_blank_letters_on_the_spanish_records_page_show_spanish_too():
    with in_language("es"):
        soup = parse_well_formed(render.blank_letters(".."))
    assert "Request for copies of my health records" in visible_text(by_id(soup, render_letter.LETTER_ID))
    assert "Solicitud de copias" in visible_text(by_id(soup, "other-" + render_letter.LETTER_ID))


def test_an_english_page_shows_no_translation():
    soup = parse(render.static_page("..") + render.blank_letters(".."))
    assert not [details for details in elements(soup, "details") if "sog-no-print" in details["class"]]
    assert elements(soup, id="other-" + render_letter.LETTER_ID) == []
