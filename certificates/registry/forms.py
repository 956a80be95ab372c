"""The public registry's search form: what was typed comes back with its error."""

from django import forms
from django.utils.translation import gettext_lazy as _

from certificates.programs import jurisdictions


class RegistrySearchForm(forms.Form):
    # No max_length here: the selector says what is wrong with a long name (one message for the page
    # and the API), and the box keeps what was typed.
    name = forms.CharField(label=_("Name"), required=False, strip=False)
    state = forms.CharField(label=_("State"), required=False)

    def state_choices(self):
        return [("", _("All states")), *jurisdictions.US_STATES]
