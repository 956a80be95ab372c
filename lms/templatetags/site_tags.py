"""Filters every front-end template may use: times in the reader's own zone with the zone named, and
crisis numbers people can tap."""

from django import template
from django.utils.html import conditional_escape

from lms.crisis import link_crisis_numbers
from lms.timezones import format_local
from lms.timezones import local_date as _local_date

register = template.Library()


@register.filter
def local_datetime(value, user=None):
    """`{{ attempt.submitted_at|local_datetime:user }}` -> "Jan. 5, 2026, 3:15 a.m. CST": the date and
    time where `user` lives (the site's zone for nobody in particular), the zone named."""
    return format_local(value, user=user) if value else ""


@register.filter
def local_time(value, user=None):
    """`{{ attempt.deadline|local_time:user }}` -> "3:15 a.m. CST"."""
    return format_local(value, user=user, fmt="TIME_FORMAT") if value else ""


@register.filter
def local_date(value, user=None):
    """`{{ pledge.signed_at|local_date:user|date:"F j, Y" }}`: the calendar day a moment fell on where
    `user` lives (a signature late in the evening in California is that day, not New York's next one).
    Dates pass through unchanged."""
    if not value or not hasattr(value, "tzinfo"):
        return value
    return _local_date(user, value)


@register.filter(needs_autoescape=True)
def crisis_links(value, autoescape=True):
    """`{{ value|richtext|crisis_links }}`: 988, 911 and SAMHSA's helpline become `tel:` links, except
    where they already sit inside a link (lms/crisis.py). Plain text is escaped first."""
    html = conditional_escape(value) if autoescape else str(value)
    return link_crisis_numbers(str(html))
