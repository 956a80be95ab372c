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
