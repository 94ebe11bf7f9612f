"""Glossary words open their meaning in place, by touch, keyboard and screen reader, and work
without JavaScript (issue 15, item 9).

The build links the first use of a glossary word in each section to its
meaning in a word list at the end of the same page
(overrides/sitebuild/glossary_links.py); docs/javascripts/glossary.js turns each
such word into a button that opens the meaning right under it, at the size of
the text around it, and folds the list away. Without JavaScript, a tap jumps to
the meaning further down the same page. Nothing leaves the page either way.
"""

import re

from playwright.sync_api import expect

PHONE = {"viewport": {"width": 360, "height": 640}, "has_touch": True, "is_mobile": True}


def first_term(page, word):
    return page.locator("article a.sog-term").filter(has_text=re.compile(f"^{word}$")).first


def test_a_tap_opens_the_meaning_in_place_at_body_size(make_context):
    page = make_context(**PHONE).new_page()
    page.goto("/pathology/")
    term = first_term(page, "biopsy")
    expect(term).to_have_attribute("role", "button")
    expect(term).to_have_attribute("aria-expanded", "false")
    meaning = page.locator("#" + term.get_attribute("aria-controls"))
    expect(meaning).to_be_hidden()
    expect(page.locator("#sog-words")).not_to_have_attribute("open", "")

    term.scroll_into_view_if_needed()
    term.tap()
    expect(term).to_have_attribute("aria-expanded", "true")
    expect(meaning).to_be_visible()
    expect(meaning).to_contain_text("small piece of tissue")
    expect(page).to_have_url(re.compile(r"/pathology/$"))  # no jump, nothing left the page
    expect(meaning).to_be_in_viewport()

    paragraph = term.locator("xpath=ancestor::p[1]")
    assert meaning.evaluate("el => getComputedStyle(el).fontSize") == paragraph.evaluate(
        "el => getComputedStyle(el).fontSize"
    ), "the meaning is not at the size of the text around it"
    word_box, meaning_box = term.bounding_box(), meaning.bounding_box()
    assert meaning_box["y"] >= word_box["y"] + word_box["height"] - 1, "the meaning covers the word's line"
    assert meaning_box["x"] >= 0 and meaning_box["x"] + meaning_box["width"] <= 360, meaning_box

    term.tap()
    expect(term).to_have_attribute("aria-expanded", "false")
    expect(meaning).to_be_hidden()


def test_the_keyboard_opens_and_closes_a_meaning(make_context):
    page = make_context().new_page()
    page.goto("/insurance-and-costs/")
    term = page.locator("article a.sog-term").first
    meaning = page.locator("#" + term.get_attribute("aria-controls"))
    term.focus()
    page.keyboard.press("Enter")
    expect(term).to_have_attribute("aria-expanded", "true")
    expect(meaning).to_be_visible()
    expect(term).to_be_focused()
    page.keyboard.press("Escape")
    expect(meaning).to_be_hidden()
    page.keyboard.press("Space")
    expect(term).to_have_attribute("aria-expanded", "true")
    page.keyboard.press("Space")
    expect(term).to_have_attribute("aria-expanded", "false")
    expect(page).to_have_url(re.compile(r"/insurance-and-costs/$"))


def test_a_screen_reader_hears_a_button_that_opens_the_meaning(make_context):
    page = make_context().new_page()
    page.goto("/pathology/")
    term = first_term(page, "biopsy")
    expect(page.get_by_role("button", name="biopsy", exact=True).first).to_be_visible()
    term.click()
    controls = term.get_attribute("aria-controls")
    expect(page.locator(f"#{controls}")).to_have_text(re.compile(r"\S"))


def test_without_javascript_a_tap_finds_the_meaning_on_the_same_page(make_context):
    page = make_context(java_script_enabled=False, **PHONE).new_page()
    page.goto("/pathology/")
    term = first_term(page, "biopsy")
    expect(page.locator("#sog-words")).to_have_attribute("open", "")
    term.scroll_into_view_if_needed()
    term.tap()
    expect(page).to_have_url(re.compile(r"/pathology/#sog-word-biopsy$"))
    entry = page.locator("#sog-word-biopsy")
    expect(entry).to_be_in_viewport()
    expect(page.locator("#sog-word-biopsy + dd")).to_contain_text("small piece of tissue")
