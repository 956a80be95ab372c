"""The Markdown subset of posts: what renders, what stays text, and that no HTML typed in a post ever
reaches the page as HTML."""

import re

import pytest

from courses.discussion.formatting import render_post


def test_the_subset_renders():
    html = render_post("Hello **bold** and _italic_\n\n- one\n- two\n\n1. first\n2. second\n\n> a quote")
    assert "<strong>bold</strong>" in html and "<em>italic</em>" in html
    assert "<ul>\n<li>one</li>" in html and "<ol>\n<li>first</li>" in html
    assert "<blockquote>\n<p>a quote</p>\n</blockquote>" in html


def test_links_are_nofollow_ugc_noopener():
    html = render_post("See [SAMHSA](https://www.samhsa.gov/find-help)")
    assert '<a href="https://www.samhsa.gov/find-help" rel="nofollow ugc noopener">SAMHSA</a>' in html


@pytest.mark.parametrize(
    "typed",
    [
        "<script>alert(1)</script>",
        '<img src=x onerror="alert(1)">',
        "<b onclick=alert(1)>bold</b>",
        '<a href="javascript:alert(1)">x</a>',
        "<iframe src=https://evil.example></iframe>",
        "<style>body{display:none}</style>",
    ],
)
def test_html_is_shown_as_text(typed):
    html = render_post(typed)
    assert set(re.findall(r"<\s*(\w+)", html)) == {"p"}  # no element but the paragraph
    assert html.startswith("<p>&lt;")  # the typed tag shows, as text


def test_dangerous_link_targets_are_not_links():
    for target in ("javascript:alert(1)", "data:text/html;base64,PHNjcmlwdD4=", "vbscript:msgbox"):
        html = render_post(f"[click]({target})")
        assert "<a" not in html, target


def test_headings_images_and_code_blocks_stay_text():
    html = render_post("# Big\n\n![pic](https://example.org/a.png)")
    assert "<h1" not in html and "<img" not in html and "# Big" in html


def test_crisis_numbers_become_tel_links():
    html = render_post("Call 988 any time")
    assert '<a class="tel-link" href="tel:988">988</a>' in html
