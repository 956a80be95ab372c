"""HTML forms for issuing and verification: input shape only; rules live in services."""

from django import forms
from django.utils.translation import gettext_lazy as _


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Certificate code"),
        max_length=40,
        help_text=_(
            "Printed at the bottom of the certificate, for example PRX-7K3M-9QD2-F. Case and dashes don't matter."
        ),
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}
        ),
    )


class PdfUploadForm(forms.Form):
    file = forms.FileField(
        label=_("Certificate PDF"),
        help_text=_("The PDF file you were given, up to 5 MB. It is checked and not kept."),
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,.pdf"}),
    )


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Shown on the public verification page for a suspension or revocation."),
    )


ERR_CONFIRM_REQUIRED = _("Tick the box to confirm.")
ERR_REASON_REQUIRED = _("Give a reason.")


class StatusChangeForm(forms.Form):
    """Suspend, reinstate or revoke, asked for on a page of its own: a reason and a ticked box, so a
    stray click or a resubmitted form never changes a certificate's status. Labels come from
    `certificates.issuing.statuschange.ACTIONS`."""

    reason = forms.CharField(
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": ERR_REASON_REQUIRED},
    )
    confirm = forms.BooleanField(error_messages={"required": ERR_CONFIRM_REQUIRED})

    def __init__(self, *args, action, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reason"].label = action.reason_label
        self.fields["reason"].help_text = action.reason_help
        self.fields["confirm"].label = action.confirm_label
