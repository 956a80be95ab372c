"""The code of ethics signature form (shape only; the rules live in programs.services)."""

from django import forms
from django.utils.translation import gettext_lazy as _


class PledgeForm(forms.Form):
    typed_name = forms.CharField(label=_("Type your full name to sign"), max_length=200)
    agree = forms.BooleanField(
        label=_("I have read the code of ethics and agree to follow it."), required=True
    )
