"""The recovery attestation form (shape only; the rules live in recovery.services)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from certificates.forms import DateInput


class RecoveryAttestationForm(forms.Form):
    recovery_start_date = forms.DateField(label=_("Recovery start date"), widget=DateInput)
    typed_name = forms.CharField(label=_("Type your full name to sign"), max_length=200)
    confirmed = forms.BooleanField(label=_("I confirm the statement above."), required=True)
