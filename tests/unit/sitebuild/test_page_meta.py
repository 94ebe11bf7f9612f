"""Unit tests for overrides/sitebuild/page_meta.py: a page's meta description
is its front matter's summary, on one line and safe in an attribute."""

from sitebuild import page_meta


def test_description_is_the_summary():
    assert page_meta.description({"summary": "Get your records."}) == "Get your records."


def test_description_is_one_line_and_escaped():
    summary = 'Ask for a "clinical summary"\n  & <more>.'
    expected = "Ask for a &quot;clinical summary&quot; &amp; &lt;more&gt;."
    assert page_meta.description({"summary": summary}) == expected


def test_no_summary_no_description():
    assert page_meta.description({}) is None
    assert page_meta.description({"summary": ""}) is None
