"""Glossary words reach their meaning by touch and by keyboard, not only by mouse hover.

Material's tooltips open on hover. A phone may send no hover, and a keyboard
cannot focus an <abbr>. So the first glossary word of each entry on a page
links to its glossary entry (overrides/sitebuild/glossary_links.py): a tap on
a 360 px phone lands on the meaning, and Tab to the word shows its tooltip.
"""

import re

from playwright.sync_api import expect

PHONE = {"viewport": {"width": 360, "height": 740}, "has_touch": True, "is_mobile": True}


def test_tapping_a_glossary_word_on_a_phone_shows_its_meaning(make_context):
    page = make_context(**PHONE).new_page()
    page.goto("/pathology/")
    word = page.locator("article abbr").filter(has_text=re.compile(r"^biopsy$")).first
    word.scroll_into_view_if_needed()
    word.tap()
    expect(page).to_have_url(re.compile(r"/glossary/#biopsy$"))
    entry = page.locator("h2#biopsy")
    meaning = page.locator("h2#biopsy + p")
    expect(entry).to_be_in_viewport()
    expect(meaning).to_be_in_viewport()
    expect(meaning).to_contain_text("small piece of tissue")


def test_every_glossary_entry_named_on_a_page_can_be_tapped(make_context):
    """On a long page, each distinct glossary word has one linked (tappable) place, and each
    link goes to an entry that exists on the glossary page."""
    page = make_context(**PHONE).new_page()
    page.goto("/insurance-and-costs/")
    hrefs = page.locator("article abbr > a.sog-term").evaluate_all("links => links.map(a => a.href)")
    assert len(hrefs) >= 10, hrefs
    assert len(hrefs) == len(set(hrefs)), "one link per glossary entry per page"
    page.goto("/glossary/")
    for href in hrefs:
        anchor = href.split("#", 1)[1]
        expect(page.locator(f"h2[id='{anchor}']")).to_have_count(1)


def test_a_keyboard_user_sees_the_meaning_on_focus(make_context):
    page = make_context().new_page()
    page.goto("/pathology/")
    link = page.locator("article abbr > a.sog-term").first
    title = link.locator("xpath=..").get_attribute("title") or ""
    assert title, "the glossary word keeps its tooltip text"
    link.focus()
    expect(link).to_be_focused()
    tooltip = page.locator(".md-tooltip2", has_text=title[:30])
    expect(tooltip).to_be_visible()
