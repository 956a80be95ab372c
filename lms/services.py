"""Writes about a person's own account: their profile (preferred name, time zone)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from .audit import audit_record
from .errors import Invalid
from .models import User

PROFILE_FIELDS = ("preferred_name", "time_zone", "language")


@transaction.atomic
def profile_update(*, user, **changes) -> User:
    """Change `user`'s preferred name, time zone and/or language ("" or None: the site's; for the
    language, the browser's). Dates already recorded keep the date they were recorded with. Audited by
    field name only."""
    user = User.objects.select_for_update().get(pk=user.pk)
    changed = []
    for name in PROFILE_FIELDS:
        if name in changes:
            value = (changes[name] or "").strip()
            if getattr(user, name) != value:
                setattr(user, name, value)
                changed.append(name)
    if not changed:
        return user
    exclude = [f.name for f in User._meta.concrete_fields if f.name not in changed]
    try:
        user.full_clean(exclude=exclude, validate_unique=False, validate_constraints=False)
    except ValidationError as exc:
        field = next(iter(exc.message_dict), None)
        raise Invalid(
            "; ".join(" ".join(v) for v in exc.message_dict.values()) or _("Check the form."), field=field
        )
    user.save(update_fields=changed)
    audit_record(actor=user, action="profile.updated", target=user, subject=user, details={"fields": changed})
    return user
