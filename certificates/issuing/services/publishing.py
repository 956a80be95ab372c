"""Publishing a credential: the holder puts their Open Badges credential at an unguessable address
(`/api/v1/credentials/<token>`) that a wallet or an employer's system fetches without logging in, and
stops it when they like. Only the holder publishes (not even a program administrator does it for
them: sharing is the holder's choice); the holder or a program administrator stops a link.

At most one active link per certificate (a partial unique constraint): publishing while a link is
active gives that link back, so a double click or a retry never breaks an address already handed out.
A fresh address is "stop sharing", then "share" again."""

from __future__ import annotations

import secrets

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from certificates.models import Certificate, PublishedCredential
from lms.audit import audit_record
from lms.errors import Conflict, Forbidden, NotFound

from ..selectors.holders import can_manage
from ..selectors.publishing import ERR_LINK_NOT_FOUND
from ..selectors.verification import ERR_CERTIFICATE_NOT_FOUND

ERR_ONLY_HOLDER_PUBLISHES = _("Only the certificate's holder can share their digital credential.")
ERR_NOT_ISSUED_YET = _("This certificate is still being issued. You can share it once it is issued.")
ERR_SUSPENDED_NOT_SHARED = _(
    "This certificate is suspended, so its digital badge cannot be shared. You can share it again if it is "
    "reinstated."
)
ERR_REVOKED_NOT_SHARED = _("This certificate was revoked, so its digital badge can no longer be shared.")

TOKEN_BYTES = 32  # 256 random bits, 43 URL-safe characters


def new_token() -> str:
    return secrets.token_urlsafe(TOKEN_BYTES)


@transaction.atomic
def credential_publish(*, actor, certificate: Certificate) -> tuple[PublishedCredential, bool]:
    """The certificate's active link, created if there is none: (link, created)."""
    if certificate.holder_id != getattr(actor, "pk", None):
        if can_manage(actor):
            raise Forbidden(str(ERR_ONLY_HOLDER_PUBLISHES), code="holder_only")
        raise NotFound(str(ERR_CERTIFICATE_NOT_FOUND), code="certificate_not_found")
    # The lock makes two simultaneous publishes of one certificate take turns.
    certificate = Certificate.objects.select_for_update(of=("self",)).get(pk=certificate.pk)
    if certificate.status in (Certificate.Status.PENDING, Certificate.Status.CANCELLED):
        raise Conflict(str(ERR_NOT_ISSUED_YET), code="not_issued")
    # A new address is not handed out for a certificate that is not valid (one already shared keeps
    # working: it answers with the status, and the holder can stop it).
    if certificate.status == Certificate.Status.SUSPENDED:
        raise Conflict(str(ERR_SUSPENDED_NOT_SHARED), code="suspended")
    if certificate.status == Certificate.Status.REVOKED:
        raise Conflict(str(ERR_REVOKED_NOT_SHARED), code="revoked")
    existing = PublishedCredential.objects.active().filter(certificate=certificate).first()
    if existing is not None:
        return existing, False
    link = PublishedCredential(certificate=certificate, token=new_token(), created_by=actor)
    link.full_clean()
    try:
        with transaction.atomic():
            link.save()
    except IntegrityError:  # a concurrent publish won (databases without row locks)
        return PublishedCredential.objects.active().get(certificate=certificate), False
    # Never the token in the audit trail: it is the key to the address.
    audit_record(
        actor=actor,
        action="credential.published",
        target=certificate,
        subject=certificate.holder,
        details={"link": link.pk},
    )
    return link, True


@transaction.atomic
def credential_unpublish(*, actor, link: PublishedCredential) -> PublishedCredential:
    """Stop a link (the holder or a program administrator); stopping a stopped link changes nothing."""
    link = (
        PublishedCredential.objects.select_for_update(of=("self",))
        .select_related("certificate__holder")
        .get(pk=link.pk)
    )
    if link.certificate.holder_id != getattr(actor, "pk", None) and not can_manage(actor):
        raise NotFound(str(ERR_LINK_NOT_FOUND), code="link_not_found")
    if link.revoked_at is not None:
        return link
    link.revoked_at = timezone.now()
    link.revoked_by = actor
    link.save(update_fields=["revoked_at", "revoked_by"])
    audit_record(
        actor=actor,
        action="credential.unpublished",
        target=link.certificate,
        subject=link.certificate.holder,
        details={"link": link.pk},
    )
    return link


@transaction.atomic
def credential_stop_sharing(*, actor, certificate: Certificate) -> int:
    """The holder stops sharing their certificate: its active link stops working for everyone who has
    it. Someone else's certificate answers like a missing one. Returns how many links were stopped."""
    if certificate.holder_id != getattr(actor, "pk", None):
        raise NotFound(str(ERR_CERTIFICATE_NOT_FOUND), code="certificate_not_found")
    links = list(PublishedCredential.objects.active().filter(certificate=certificate))
    for link in links:
        credential_unpublish(actor=actor, link=link)
    return len(links)
