"""Input checks shared by the certificates services: model validation as a domain error, and the
parsing of dates, numbers and typed names from forms, CSV files and program definitions."""

from datetime import date
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from lms.errors import Invalid

ERR_TYPED_NAME = gettext_noop("Type your full name as it appears on your account ({name}).")


def clean(instance, **kwargs) -> None:
    """`full_clean()` whose failure is an Invalid (422) naming the fields."""
    try:
        instance.full_clean(**kwargs)
    except ValidationError as exc:
        raise Invalid(message(exc))


def message(exc: ValidationError) -> str:
    if hasattr(exc, "message_dict"):
        return "; ".join(
            f"{k}: {' '.join(v)}" if k != "__all__" else " ".join(v) for k, v in exc.message_dict.items()
        )
    return " ".join(exc.messages)


def parse_date(value, name: str) -> date:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except (TypeError, ValueError):
        raise Invalid(_("%(field)s: enter a date as YYYY-MM-DD.") % {"field": name}, field=name)


def parse_decimal(value, name: str, *, allow_none: bool = False) -> Decimal | None:
    if value is None and allow_none:
        return None
    try:
        number = Decimal(str(value))
    except (InvalidOperation, TypeError, ValueError):
        raise Invalid(_("%(field)s: enter a number.") % {"field": name}, field=name)
    if not number.is_finite():
        raise Invalid(_("%(field)s: enter a number.") % {"field": name}, field=name)
    return number


def names_match(typed: str, full_name: str) -> bool:
    """A typed signature matches the account's full name, ignoring case and spacing."""

    def norm(s):
        return " ".join(s.casefold().split())

    return bool(norm(typed)) and (not full_name or norm(typed) == norm(full_name))


def require_typed_name(user, typed_name: str) -> str:
    if not names_match(typed_name or "", user.full_name):
        raise Invalid(_(ERR_TYPED_NAME).format(name=user.full_name), field="typed_name")
    return typed_name.strip()
