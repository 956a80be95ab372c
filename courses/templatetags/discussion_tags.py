from django import template

from courses.discussion.formatting import render_post

register = template.Library()


@register.filter
def post_html(text):
    """`{{ post.body|post_html }}`: a discussion post's Markdown subset as sanitised HTML."""
    return render_post(text)
