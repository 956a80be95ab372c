"""Suspend, reinstate, revoke: what each change does, in the words the confirmation page uses. The
page (staff_views.certificate_action) shows these consequences, asks for a reason and a ticked box,
and only then calls the service; the services themselves (services.lifecycle) hold the rules."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from certificates.models import Certificate

from . import services


@dataclass(frozen=True)
class StatusAction:
    name: str
    service_name: str  # looked up in `services` when called (so the service a caller sees is current)
    allowed_from: tuple[str, ...]
    title: str  # "%(code)s" is the certificate's code
    link: str
    button: str
    consequences: tuple[str, ...]
    reason_label: str
    reason_help: str
    confirm_label: str
    done: str  # "%(code)s" is the certificate's code
    danger: bool = False

    def run(self, *, actor, certificate: Certificate, reason: str) -> Certificate:
        return getattr(services, self.service_name)(actor=actor, certificate=certificate, reason=reason)


_PUBLIC_REASON = _(
    "Shown on the public verification page and to the holder: keep it factual, with no personal or health "
    "details."
)

ACTIONS = {
    "suspend": StatusAction(
        name="suspend",
        service_name="certificate_suspend",
        allowed_from=(Certificate.Status.ISSUED,),
        title=_("Suspend certificate %(code)s?"),
        link=_("Suspend…"),
        button=_("Suspend the certificate"),
        consequences=(
            _(
                "Anyone who checks it (by its code, QR code, PDF or digital badge) is told straight away that "
                "it is suspended and not valid at the moment, with the reason you give and today's date."
            ),
            _(
                "The holder sees the suspension on their certificates page. The signed PDF and the digital "
                "badge are withdrawn from them until the certificate is reinstated."
            ),
            _("You can reinstate it later."),
        ),
        reason_label=_("Reason for the suspension"),
        reason_help=_PUBLIC_REASON,
        confirm_label=_("Yes, suspend this certificate now"),
        done=_("Certificate %(code)s is suspended. The verification page shows it now."),
    ),
    "reinstate": StatusAction(
        name="reinstate",
        service_name="certificate_reinstate",
        allowed_from=(Certificate.Status.SUSPENDED,),
        title=_("Reinstate certificate %(code)s?"),
        link=_("Reinstate…"),
        button=_("Reinstate the certificate"),
        consequences=(
            _(
                "It becomes valid again until its expiry date; the verification page stops showing the "
                "suspension and its reason."
            ),
            _("The holder can download the signed PDF and share their digital badge again."),
        ),
        reason_label=_("Reason for reinstating"),
        reason_help=_("Kept in the certificate's history; not shown publicly."),
        confirm_label=_("Yes, reinstate this certificate now"),
        done=_("Certificate %(code)s is reinstated. The verification page shows it as valid now."),
    ),
    "revoke": StatusAction(
        name="revoke",
        service_name="certificate_revoke",
        allowed_from=(Certificate.Status.ISSUED, Certificate.Status.SUSPENDED),
        title=_("Revoke certificate %(code)s?"),
        link=_("Revoke…"),
        button=_("Revoke the certificate"),
        consequences=(
            _(
                "Anyone who checks it (by its code, QR code, PDF or digital badge) is told straight away that "
                "it was revoked and is no longer valid, with the reason you give and today's date."
            ),
            _(
                "The holder sees the revocation on their certificates page. The signed PDF and the digital "
                "badge are withdrawn from them."
            ),
            _("A revocation cannot be undone. To stop a certificate for a while instead, suspend it."),
        ),
        reason_label=_("Reason for the revocation"),
        reason_help=_PUBLIC_REASON,
        confirm_label=_("Yes, revoke this certificate. I understand that this cannot be undone"),
        done=_("Certificate %(code)s is revoked. The verification page shows it now."),
        danger=True,
    ),
}


def actions_for(certificate: Certificate) -> list[StatusAction]:
    """The changes the certificate's status allows, in the order the admin page offers them."""
    return [a for a in ACTIONS.values() if certificate.status in a.allowed_from]
