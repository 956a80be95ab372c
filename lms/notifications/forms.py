"""The email preferences form: one box per kind the person may receive (ticked: email me)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import NotificationKind

HELP = {
    NotificationKind.HOURS_LOGGED: _("A trainee you supervise logged or changed hours for you to decide."),
    NotificationKind.HOURS_DECIDED: _("Your supervisor approved or did not approve hours you logged."),
    NotificationKind.APPLICATION_DECIDED: _("A certificate application of yours was approved or refused."),
    NotificationKind.RESULT_RELEASED: _("A result of yours is ready, or was updated after a review."),
    NotificationKind.CERTIFICATE_ISSUED: _("Your certificate is issued (the email carries the signed PDF)."),
    NotificationKind.CERTIFICATE_SUSPENDED: _("A certificate of yours was suspended."),
    NotificationKind.CERTIFICATE_REINSTATED: _("A suspended certificate of yours is valid again."),
    NotificationKind.CERTIFICATE_REVOKED: _("A certificate of yours was revoked."),
    NotificationKind.RENEWAL_DUE: _("A certificate of yours expires in 90, 30 or 7 days."),
}


class PreferencesForm(forms.Form):
    """Shape only: lms.notifications.services.preferences_update saves the choices."""

    def __init__(self, *args, choices: dict[str, bool], **kwargs):
        super().__init__(*args, **kwargs)
        for kind, email in choices.items():
            self.fields[kind] = forms.BooleanField(
                label=NotificationKind(kind).label,
                required=False,
                initial=email,
                help_text=HELP.get(kind, ""),
            )

    def choices(self) -> dict[str, bool]:
        return {kind: bool(self.cleaned_data.get(kind)) for kind in self.fields}
