"""Form pieces every certificates page uses: a native date picker and the CSV upload."""

from django import forms
from django.utils.translation import gettext_lazy as _


class DateInput(forms.DateInput):
    input_type = "date"


class CSVUploadForm(forms.Form):
    file = forms.FileField(label=_("CSV file"))
