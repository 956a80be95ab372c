"""Reads for published credentials: the certificate behind a public token, and links as their holder
or a program administrator sees them."""

from __future__ import annotations

from django.conf import settings
from django.db.models import OuterRef, Subquery
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from certificates.models import Certificate, PublishedCredential
from lms.errors import NotFound

from .holders import can_manage

# One answer for "never existed" and "stopped": a stopped address reveals nothing more than a guess.
ERR_NOT_PUBLISHED = _("Nothing is shared at this address. Ask the certificate's holder for a new link.")
ERR_LINK_NOT_FOUND = _("No such link.")
TOKEN_MAX_LENGTH = 64


def published_certificate_for_token(*, token: str) -> Certificate:
    """The certificate published under `token` (whatever its status: a revoked one still answers,
    its status is in the credential), or NotFound."""
    link = None
    if token and len(token) <= TOKEN_MAX_LENGTH:
        link = (
            PublishedCredential.objects.active()
            .select_related("certificate__version__program")
            .filter(token=token)
            .first()
        )
    if link is None or link.certificate.status in (Certificate.Status.PENDING, Certificate.Status.CANCELLED):
        raise NotFound(str(ERR_NOT_PUBLISHED), code="not_found")
    return link.certificate


def credential_link_for_viewer(*, user, pk: int) -> PublishedCredential:
    """A link its certificate's holder or a program administrator may see and stop; NotFound for
    anyone else, as for a missing one."""
    link = PublishedCredential.objects.select_related("certificate__holder").filter(pk=pk).first()
    if link is None or not (link.certificate.holder_id == user.pk or can_manage(user)):
        raise NotFound(str(ERR_LINK_NOT_FOUND), code="link_not_found")
    return link


def with_active_link_token(certificates):
    """The certificates queryset with `active_link_token`: the token of each one's active link, or
    None (at most one is active: a constraint), read in the same query."""
    active = PublishedCredential.objects.active().filter(certificate=OuterRef("pk"))
    return certificates.annotate(active_link_token=Subquery(active.values("token")[:1]))


def published_url(link: PublishedCredential | str) -> str:
    """The absolute address of a link, or of a link's token, for machines: a wallet or an employer's
    system (the VC-JWT; `?format=json` for the JSON credential). People open `public_page_url`."""
    token = link if isinstance(link, str) else link.token
    return settings.SITE_URL + reverse("api-1:published_credential", args=[token])


def public_page_url(link: PublishedCredential | str) -> str:
    """The absolute address of the shared credential's public page, the one a person opens (it links
    to the machine-readable credential at `published_url`)."""
    token = link if isinstance(link, str) else link.token
    return settings.SITE_URL + reverse("certificates:issuing:credential-page", args=[token])


def credential_download_path(token: str) -> str:
    """The Open Badges credential (with its Data Integrity proof) as a file to save."""
    return reverse("api-1:published_credential", args=[token]) + "?format=ldp&download=1"
