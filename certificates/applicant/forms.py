"""What an applicant attests about themselves (shape only; the rules live in applicant.services)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from certificates.forms import DateInput

from .models import EducationLevel


class BirthDateForm(forms.Form):
    prefix = "birth"

    date_of_birth = forms.DateField(label=_("Date of birth"), widget=DateInput)
    typed_name = forms.CharField(
        label=_("Type your full name to sign"),
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )


class EducationForm(forms.Form):
    prefix = "education"

    level = forms.ChoiceField(
        label=_("Highest education completed"),
        choices=[("", _("Choose one"))] + EducationLevel.choices,
    )
    typed_name = forms.CharField(
        label=_("Type your full name to sign"),
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
