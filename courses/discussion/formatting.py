"""Posts are written in a small Markdown subset: paragraphs, bold, italic, lists, links and quotes.
markdown-it-py renders it with raw HTML off (a `<script>` typed in a post is shown as text), then nh3
(ammonia) keeps only the tags and attributes the subset produces, as a second guard; every link gets
rel="nofollow ugc noopener". Crisis numbers in a post become `tel:` links (lms.crisis)."""

from __future__ import annotations

import nh3
from django.utils.safestring import SafeString
from markdown_it import MarkdownIt

from lms.crisis import link_crisis_numbers

LINK_REL = "nofollow ugc noopener"
ALLOWED_TAGS = {"p", "br", "strong", "em", "ul", "ol", "li", "a", "blockquote", "code"}
ALLOWED_ATTRIBUTES = {"a": {"href"}, "ol": {"start"}}
URL_SCHEMES = {"http", "https", "mailto"}

# "zero" turns every rule off; the subset is switched back on by name. Headings, images, tables, code
# blocks and raw HTML stay off: they are shown as the text that was typed.
_md = MarkdownIt("zero", {"html": False, "breaks": True, "linkify": False}).enable(
    ["emphasis", "list", "link", "blockquote", "newline", "backticks", "escape", "entity"]
)


def _link_open(renderer, tokens, idx, options, env):
    tokens[idx].attrSet("rel", LINK_REL)
    return renderer.renderToken(tokens, idx, options, env)


_md.add_render_rule("link_open", _link_open)


def render_post(text: str) -> SafeString:
    """A post's Markdown as safe HTML."""
    html = _md.render(text or "")
    clean = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel=LINK_REL,
    )
    return link_crisis_numbers(clean)
