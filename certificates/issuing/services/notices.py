"""What holders and applicants are told (through lms.notifications.notify, in the transaction of the
write): an application's outcome, a certificate issued (its email carries the signed PDF), suspended,
reinstated or revoked (with the reason and date, both shown on the public verification page anyway),
and a renewal coming due.

An application's refusal names no reason in the notification: the administrator's words, or the
requirements still unmet, can touch a person's recovery; they are on the holder's certificates page,
behind login. Keys of emails sent before notifications existed (certificate-issued:<id>,
expiry-reminder:<id>:<days>) are kept, so an event already emailed is never emailed again."""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from certificates.models import Certificate, CertificateApplication
from lms.i18n import in_recipients_language
from lms.notifications.models import NotificationKind
from lms.notifications.services import Email, notify
from lms.outbox.models import OutboxMessage
from lms.outbox.services import Attachment
from lms.timezones import local_date

from .. import selectors
from ..codes import format_code


def _mine() -> str:
    return reverse("certificates:issuing:mine")


def _day(value: date) -> str:
    # The format is translated: "December 2, 2026" in English, "2 de diciembre de 2026" in Spanish.
    return date_format(value, _("F j, Y"))


@in_recipients_language(lambda application, **kw: application.user)
def notify_application_decided(*, application: CertificateApplication) -> None:
    """The applicant learns the outcome (approved, or not approved) of an application."""
    program = application.program.name
    approved = application.status == CertificateApplication.Status.APPROVED
    if approved:
        title = _("Your application for %(program)s is approved") % {"program": program}
        body = _("Your certificate is being prepared. You will be told as soon as it is issued.")
    else:
        title = _("Your application for %(program)s was not approved") % {"program": program}
        body = _("The reason is on your certificates page, with what to do next.")
    notify(
        user=application.user,
        kind=NotificationKind.APPLICATION_DECIDED,
        key=f"{application.pk}:{'approved' if approved else 'rejected'}",
        title=title,
        body=body,
        link=_mine(),
    )


def certificate_email_key(certificate_id: int) -> str:
    return f"certificate-issued:{certificate_id}"


@in_recipients_language(lambda certificate, **kw: certificate.holder)
def notify_certificate_issued(*, certificate: Certificate) -> OutboxMessage | None:
    """The holder's notification and email (the signed PDF attached from storage when it is sent), one
    per certificate. Returns the outbox row, or None when the holder asked for no email of this kind.
    Delivered by the issuing worker (certificate_email_holder), not on commit."""
    snap = certificate.snapshot
    program = snap.get("program_name")
    context = {
        "certificate": certificate,
        "holder_name": snap.get("holder_name"),
        "program_name": program,
        "verify_url": selectors.verify_url(certificate.code),
        "dashboard_url": settings.SITE_URL + _mine(),
        "SITE_NAME": settings.WAGTAIL_SITE_NAME,
    }
    code = format_code(certificate.code)
    notification = notify(
        user=certificate.holder,
        kind=NotificationKind.CERTIFICATE_ISSUED,
        key=str(certificate.pk),
        title=_("Your certificate for %(program)s is issued") % {"program": program},
        body=_(
            "Certificate %(code)s, valid until %(date)s. Download the signed PDF from your certificates page."
        )
        % {"code": code, "date": _day(certificate.expires_on)},
        link=_mine(),
        email=Email(
            subject=_("Your certificate: %(program)s") % {"program": program},
            body=render_to_string("certificates/issuing/email_issued.txt", context),
            key=certificate_email_key(certificate.pk),
            attachment=Attachment(
                storage="private",
                name=certificate.pdf_name,
                filename=f"certificate-{code}.pdf",
                mimetype="application/pdf",
            ),
        ),
        send_on_commit=False,
    )
    return notification.email


STATUS_KINDS = {
    "certificate.suspended": NotificationKind.CERTIFICATE_SUSPENDED,
    "certificate.reinstated": NotificationKind.CERTIFICATE_REINSTATED,
    "certificate.revoked": NotificationKind.CERTIFICATE_REVOKED,
}


@in_recipients_language(lambda certificate, **kw: certificate.holder)
def notify_status_changed(*, certificate: Certificate, action: str, reason: str) -> None:
    """The holder learns that their certificate was suspended, reinstated or revoked, when and why."""
    kind = STATUS_KINDS[action]
    program = certificate.snapshot.get("program_name") or certificate.version.program.name
    names = {
        "program": program,
        "code": format_code(certificate.code),
        "date": _day(local_date(certificate.holder, certificate.status_changed_at)),
    }
    if kind == NotificationKind.CERTIFICATE_SUSPENDED:
        title = _("Your certificate for %(program)s is suspended") % names
        text = _(
            "Certificate %(code)s was suspended on %(date)s. Until it is reinstated, anyone who checks it "
            "sees it as suspended."
        )
    elif kind == NotificationKind.CERTIFICATE_REINSTATED:
        title = _("Your certificate for %(program)s is valid again") % names
        text = _("Certificate %(code)s was reinstated on %(date)s.")
    else:
        title = _("Your certificate for %(program)s is revoked") % names
        text = _(
            "Certificate %(code)s was revoked on %(date)s. It is no longer valid, and anyone who checks it "
            "sees it as revoked."
        )
    body = (text % names) + "\n" + _("Reason: %(reason)s") % {"reason": reason}
    notify(
        user=certificate.holder,
        kind=kind,
        key=f"{certificate.pk}@{certificate.status_changed_at.isoformat()}",
        title=title,
        body=body,
        link=_mine(),
    )


@in_recipients_language(lambda certificate, **kw: certificate.holder)
def notify_renewal_due(*, certificate: Certificate, threshold: int, on: date) -> OutboxMessage | None:
    """The holder's reminder that a certificate expires in `threshold` days or fewer (one per
    certificate and threshold). Returns the outbox row, or None when the holder asked for no email of
    this kind. Delivered by the reminders loop, not on commit."""
    snap = certificate.snapshot
    days_left = (certificate.expires_on - on).days
    context = {
        "holder_name": snap.get("holder_name"),
        "program_name": snap.get("program_name"),
        "code": format_code(certificate.code),
        "expires_on": certificate.expires_on,
        "days_left": days_left,
        "dashboard_url": settings.SITE_URL + _mine(),
        "SITE_NAME": settings.WAGTAIL_SITE_NAME,
    }
    notification = notify(
        user=certificate.holder,
        kind=NotificationKind.RENEWAL_DUE,
        key=f"{certificate.pk}:{threshold}",
        title=_("Your certificate for %(program)s expires on %(date)s")
        % {"program": snap.get("program_name"), "date": _day(certificate.expires_on)},
        body=_(
            "Certificate %(code)s expires in %(days)s days. Complete the continuing-education hours your "
            "program asks for, then choose Renew on your certificates page."
        )
        % {"code": context["code"], "days": days_left},
        link=_mine(),
        email=Email(
            subject=_("Your certificate expires in %(days)s days") % {"days": days_left},
            body=render_to_string("certificates/issuing/email_reminder.txt", context),
            key=f"expiry-reminder:{certificate.pk}:{threshold}",
        ),
        send_on_commit=False,
    )
    return notification.email
