"""The code of ethics signature form (shape only; the rules live in programs.services)."""

from django import forms
from django.utils.translation import gettext_lazy as _


class PledgeForm(forms.Form):
    typed_name = forms.CharField(label=_("Type your full name to sign"), max_length=200)
    agree = forms.BooleanField(
        label=_("I have read the code of ethics and agree to follow it."), required=True
    )


class ProgramFileForm(forms.Form):
    """A program definition file (JSON, format peer-lms.program/2) to import."""

    MAX_BYTES = 2 * 1024 * 1024

    file = forms.FileField(
        label=_("Program definition (JSON)"),
        help_text=_("A file exported from this site or written to the program format."),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > self.MAX_BYTES:
            raise forms.ValidationError(_("The file is too big (2 MB at most)."))
        return upload
