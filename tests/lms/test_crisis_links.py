"""Crisis numbers are tappable: the footer on every page and course text on module pages."""

import pytest
from django.template import Context, Template

from lms.crisis import link_crisis_numbers
from tests import factories


def links(html: str) -> str:
    return str(link_crisis_numbers(html))


@pytest.mark.parametrize(
    "text, target",
    [
        ("<p>Call 911 in an emergency.</p>", "911"),
        ("<p>call or text <strong>988</strong> at any time.</p>", "988"),
        ("<p>988 or 911?</p>", "988"),
        ("<p>SAMHSA's National Helpline, 1-800-662-4357, is free.</p>", "+18006624357"),
        ("<p>Ring (800) 662-4357.</p>", "+18006624357"),
        ("<p>Ring 1-800-662-HELP (4357).</p>", "+18006624357"),
    ],
)
def test_numbers_in_text_become_tel_links(text, target):
    assert f'href="tel:{target}"' in links(text)


def test_every_number_linked_once_and_words_kept():
    out = links("<p>Use 988 for a crisis; use 911 for danger.</p>")
    assert out == (
        '<p>Use <a class="tel-link" href="tel:988">988</a> for a crisis; use '
        '<a class="tel-link" href="tel:911">911</a> for danger.</p>'
    )


@pytest.mark.parametrize(
    "html",
    [
        # Already a link (its text and its address), an attribute, parts of larger numbers, an entity.
        '<p>Chat at <a href="https://988lifeline.org">988 Lifeline</a>.</p>',
        '<p><a href="tel:911"><strong>call 911</strong></a></p>',
        '<p><img alt="911" src="/x-988.png"> data-x</p>',
        "<p>In 1988 the number 988-1234 cost $911 or 911.50; see 9/911 and &#988;.</p>",
        "<p>988lifeline.org and 911th</p>",
        "<pre>911</pre><code>988</code><button>Call 911</button>",
    ],
)
def test_existing_links_attributes_and_other_numbers_untouched(html):
    assert links(html) == html


def test_unbalanced_markup_does_not_swallow_the_rest():
    out = links("<p><a href='/x'>one</a></a> call 911</p>")
    assert 'href="tel:911"' in out


def test_filter_escapes_plain_text_and_keeps_safe_markup():
    rendered = Template("{% load site_tags %}{{ text|crisis_links }}|{{ html|safe|crisis_links }}").render(
        Context({"text": "<b>call 911</b>", "html": "<b>call 988</b>"})
    )
    assert "&lt;b&gt;call " in rendered and 'href="tel:911"' in rendered
    assert '<b>call <a class="tel-link" href="tel:988">988</a></b>' in rendered


def test_footer_offers_call_and_text_988_and_call_911(client, home):
    html = client.get("/").content.decode()
    footer = html[html.index('<footer class="site-footer"') :]
    assert 'href="tel:988"' in footer and 'href="sms:988"' in footer and 'href="tel:911"' in footer


def test_module_page_links_numbers_in_every_kind_of_text(client, catalogue, trainee):
    from courses.services import enrollment_create

    course = factories.make_course(catalogue, title="Crisis")
    module = factories.make_module(
        course,
        title="Safety",
        body=[
            ("paragraph", '<p>Call 911. Chat at <a href="https://988lifeline.org">988lifeline.org</a>.</p>'),
            ("callout", {"tone": "warning", "title": "Danger", "text": "<p>Call or text 988.</p>"}),
            ("reflection", {"prompt": "Would you call 1-800-662-4357?"}),
            (
                "scenario",
                {
                    "title": "Night shift",
                    "situation": "<p>He mentions 911.</p>",
                    "questions": "<p>What next?</p>",
                    "discussion": "<p>Offer 988.</p>",
                },
            ),
        ],
    )
    enrollment_create(user=trainee, course=course)
    client.force_login(trainee)
    html = client.get(module.url).content.decode()
    body = html[html.index('class="module-body"') : html.index("</article>")]
    assert body.count('href="tel:911"') == 2
    assert body.count('href="tel:988"') == 2  # the callout and the scenario's discussion
    assert 'href="tel:+18006624357"' in body
    assert '<a href="https://988lifeline.org">988lifeline.org</a>' in body
