"""The site served as Netlify or Cloudflare Pages would serve it, with the
headers in the built site/_headers (conftest.py: headers_site): no other
page can frame it.

That every page works with its policy sent twice (header and <meta>), and
gets its headers, is checked in test_page_visits.py, which opens every page
this way once; that _headers gives each page its own policy and every file
the site-wide headers, statically, in tests/content/test_security_policy.py.
"""


def test_no_page_can_frame_the_site(make_context, headers_site):
    """frame-ancestors 'none': a page that puts the guide in a frame gets the
    browser's error page there instead (the page loads, with its iframes)."""
    page = make_context(server=headers_site).new_page()
    refusals = []
    page.on("console", lambda message: "frame-ancestors" in message.text and refusals.append(message.text))
    page.set_content(f'<iframe title="guide" src="{headers_site.origin}/about/"></iframe>')
    assert page.frames[1].url.startswith("chrome-error://")
    assert refusals
