"""The language switcher and the hreflang alternates of a page (lms.i18n; docs/architecture.md,
"Languages")."""

from django import template
from django.conf import settings
from django.urls import reverse, translate_url
from django.utils import translation

from lms.i18n import language_names

register = template.Library()


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    request = context.get("request")
    return {
        "languages": language_names(),
        "current": translation.get_language(),
        "next": request.get_full_path() if request is not None else "/",
        "csrf_token": context.get("csrf_token"),
    }


@register.simple_tag(takes_context=True)
def language_alternates(context):
    """[(hreflang, absolute URL)] for a page with an address in each language (the i18n_patterns in
    lms/urls.py), x-default being English's; [] for the others (one address whatever the language)."""
    request = context.get("request")
    if request is None or request.method != "GET":
        return []
    path = request.path
    urls = [(code, translate_url(path, code)) for code, _name in settings.LANGUAGES]
    if len({url for _code, url in urls}) < len(urls):
        return []
    urls.append(("x-default", dict(urls)[settings.LANGUAGE_CODE]))
    return [(code, request.build_absolute_uri(url)) for code, url in urls]


@register.simple_tag
def home_url():
    """The home page's address in the active language ("/" or "/es/")."""
    return reverse("wagtail_serve", args=("",))
