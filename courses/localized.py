"""Translated course pages (Spanish under /es/: courses.curriculum.translate, wagtail-localize) share
their English page's learning records: a trainee enrols in the English course and completes its
modules, whichever language they read them in. These helpers go from a translation to the page that
holds the records (`original`) and from the records' pages back to the reader's language
(`localized`)."""

from __future__ import annotations

from django.conf import settings
from django.utils import translation
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page

_default_locale: dict[str, int] = {}


def default_locale_id() -> int | None:
    """The default content language's Locale id (looked up once per process)."""
    code = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    if code not in _default_locale:
        locale = Locale.objects.filter(language_code=code).only("pk").first()
        if locale is None:
            return None
        _default_locale[code] = locale.pk
    return _default_locale[code]


def is_translation(page) -> bool:
    default = default_locale_id()
    return default is not None and page.locale_id != default


def original(page):
    """The default-language page `page` translates (the same model), or `page` itself when it is in
    the default language or has no original."""
    if not is_translation(page):
        return page
    model = type(page)
    found = (
        model.objects.filter(
            translation_key=page.translation_key, locale__language_code=settings.LANGUAGE_CODE
        )
        .exclude(pk=page.pk)
        .first()
    )
    return found or page


def localized(pages: list, locale_id: int) -> list:
    """Each of `pages` in the locale `locale_id` when a live translation exists (one query), else
    itself."""
    if not pages or all(p.locale_id == locale_id for p in pages):
        return list(pages)
    model = type(pages[0]) if len({type(p) for p in pages}) == 1 else Page
    found = {
        p.translation_key: p
        for p in model.objects.live()
        .filter(locale_id=locale_id, translation_key__in=[p.translation_key for p in pages])
        .defer(*(["body"] if hasattr(model, "body") else []))
    }
    return [found.get(p.translation_key, p) for p in pages]


def localized_one(page, locale_id: int):
    return localized([page], locale_id)[0] if page is not None else None


def shown(original_page, posted_id):
    """The page a form was sent from: `original_page` itself, or its live translation whose id the form
    posted (`posted_id`, from the form's hidden "page" field), so that the answer goes back to the page
    in the language the trainee was reading. Anything else posted (a bad id, another page's) is ignored."""
    try:
        pk = int(posted_id)
    except (TypeError, ValueError):
        return original_page
    if pk == original_page.pk:
        return original_page
    found = (
        type(original_page)
        .objects.live()
        .filter(pk=pk, translation_key=original_page.translation_key)
        .first()
    )
    return found or original_page


def serve_again(page, request, *, status: int):
    """`page` served in answer to a form posted from it (a refused one, its errors in place), in the
    page's own language whatever the posted address said, with `status` when the page itself is fine."""
    language = page.locale.language_code
    with translation.override(language):
        request.LANGUAGE_CODE = language
        response = page.serve(request)
        if hasattr(response, "render"):
            response.render()  # now, while the page's language is active
    if response.status_code == 200:
        response.status_code = status
    return response
