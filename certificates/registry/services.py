"""A holder's choice to be found in the public registry, made by the holder only (POST, audited) and
undone at any time with immediate effect: opting out deletes the listing, and the very next search no
longer finds them (nothing is cached)."""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _

from certificates.models import Certificate, RegistryListing
from lms.audit import audit_record
from lms.errors import Conflict

ERR_NO_CERTIFICATE = _("Only a certificate holder can be listed in the public registry.")


@transaction.atomic
def registry_opt_in(*, user) -> bool:
    """List `user` (their own choice: `user` is the person asking). True when they were not listed."""
    if not Certificate.objects.filter(holder=user, issued_on__isnull=False).exists():
        raise Conflict(str(ERR_NO_CERTIFICATE), code="no_certificate")
    if RegistryListing.objects.filter(user=user).exists():
        return False
    try:
        with transaction.atomic():
            RegistryListing.objects.create(user=user)
    except IntegrityError:  # a double click that raced: listed either way
        return False
    audit_record(actor=user, action="registry.opted_in", target=user, subject=user)
    return True


@transaction.atomic
def registry_opt_out(*, user) -> bool:
    """Take `user` out of the registry now. True when they were listed."""
    deleted, _details = RegistryListing.objects.filter(user=user).delete()
    if deleted:
        audit_record(actor=user, action="registry.opted_out", target=user, subject=user)
    return bool(deleted)
