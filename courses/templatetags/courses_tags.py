from decimal import Decimal, InvalidOperation

from django import template
from django.utils.formats import number_format

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
