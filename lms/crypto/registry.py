"""Every encrypted field of every installed model: what the checks and the rotation walk."""

from __future__ import annotations

from django.apps import apps
from django.db.models import F, TextField
from django.db.models.functions import Cast

from .fields import EncryptedFieldMixin


def encrypted_fields() -> list[tuple[type, object]]:
    """(model, field) pairs, in a stable order (app label, model, field)."""
    found = []
    for model in apps.get_models():
        if model._meta.proxy or not model._meta.managed:
            continue
        for field in model._meta.local_fields:
            if isinstance(field, EncryptedFieldMixin):
                found.append((model, field))
    return sorted(found, key=lambda mf: (mf[0]._meta.label_lower, mf[1].name))


def label(model, field) -> str:
    return f"{model._meta.label}.{field.name}"


def raw_values(model, field):
    """A queryset of (pk, stored token) that bypasses decryption: the token is cast to text."""
    return (
        model._base_manager.exclude(**{f"{field.name}__isnull": True})
        .annotate(_token=Cast(F(field.name), output_field=TextField()))
        .values_list("pk", "_token")
    )
