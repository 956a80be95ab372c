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


ERR_BULK_NOTHING = _("Choose a CSV file of certificate codes, or paste the codes.")
ERR_BULK_BOTH = _("Choose a file or paste codes, not both: clear one of them.")


class BulkVerifyForm(forms.Form):
    """Many codes at once: a CSV file or pasted lines (one of the two). What they hold is read, and
    refused whole when it cannot be, by certificates.issuing.bulkcsv."""

    file = forms.FileField(
        label=_("CSV file of codes"),
        required=False,
        help_text=_(
            "One code a row: a column headed “code”, or the first column. Save it from your spreadsheet "
            "as CSV (UTF-8)."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv,text/plain"}),
    )
    codes = forms.CharField(
        label=_("Or paste the codes"),
        required=False,
        strip=False,
        help_text=_("One code a line."),
        widget=forms.Textarea(
            attrs={"rows": 6, "autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}
        ),
    )

    def clean(self):
        data = super().clean()
        has_file = bool(data.get("file"))
        has_codes = bool((data.get("codes") or "").strip())
        if self.errors:
            return data
        if has_file and has_codes:
            raise forms.ValidationError(ERR_BULK_BOTH, code="both")
        if not has_file and not has_codes:
            raise forms.ValidationError(ERR_BULK_NOTHING, code="nothing")
        return data


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
