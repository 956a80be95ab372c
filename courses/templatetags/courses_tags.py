from decimal import Decimal, InvalidOperation

from django import template
from django.utils.formats import number_format
from django.utils.translation import get_language

register = template.Library()


@register.filter
def hours(value) -> str:
    """Hours without trailing zeros, localised: 12.50 -> "12.5", 3.00 -> "3", 1.25 -> "1.25"."""
    try:
        number = Decimal(str(value if value is not None else 0))
    except InvalidOperation:
        return ""
    places = max(0, -number.normalize().as_tuple().exponent)
    return number_format(number, decimal_pos=min(places, 2))


@register.filter
def journal_slot(journal, block_id):
    """The trainee's journal slot under the reflection prompt `block_id` (courses.journal), or None."""
    return journal.get(block_id) if journal else None


@register.simple_tag
def in_reading_language(*pages):
    """Course and module pages in the reader's language, as a list in the same order: each one's live
    translation when the active language is not the site's default and one exists (one query for all),
    else the page itself (no query). For links from pages that have one address in every language (a
    quiz's breadcrumbs): `{% in_reading_language course module as shown %}`."""
    from django.conf import settings
    from wagtail.coreutils import get_supported_content_language_variant
    from wagtail.models import Page

    language = get_supported_content_language_variant(get_language() or settings.LANGUAGE_CODE)
    present = [p for p in pages if p is not None]
    if not present or language == get_supported_content_language_variant(settings.LANGUAGE_CODE):
        return list(pages)
    found = {
        p.translation_key: p
        for p in Page.objects.live()
        .filter(translation_key__in=[p.translation_key for p in present], locale__language_code=language)
        .only("pk", "title", "url_path", "path", "depth", "locale_id", "translation_key")
    }
    return [found.get(p.translation_key, p) if p is not None else None for p in pages]
