from django import forms
from django.utils.translation import gettext_lazy as _

from .i18n import language_names
from .timezones import time_zone_choices


def form_error(form, exc) -> None:
    """Show a service's refusal (a lms.errors.DomainError) on the form, next to the field it names when
    the form has it, else above the form."""
    form.add_error(exc.field if exc.field in form.fields else None, exc.message)


class SignupForm(forms.Form):
    """Extra fields on allauth's sign-up form (allauth builds its SignupForm on top of this class)."""

    # The name first: it is what a person expects to be asked, and it goes on the certificate.
    field_order = ["full_name", "email", "password1", "password2"]

    full_name = forms.CharField(
        label=_("Full name"),
        max_length=200,
        help_text=_("As it should appear on your certificate."),
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )

    def signup(self, request, user):
        user.full_name = self.cleaned_data["full_name"].strip()
        user.save(update_fields=["full_name"])


class ProfileForm(forms.Form):
    """What a person changes about themselves (shape only; lms.services.profile_update validates
    and saves)."""

    preferred_name = forms.CharField(
        label=_("Preferred name"),
        max_length=100,
        required=False,
        help_text=_("What we call you on screen."),
        widget=forms.TextInput(attrs={"autocomplete": "nickname"}),
    )
    time_zone = forms.ChoiceField(
        label=_("Time zone"),
        required=False,
        error_messages={"invalid_choice": _("Choose a time zone from the list.")},
        help_text=_("Your dates (today, when you signed, when hours were approved) are in this time zone."),
    )

    language = forms.ChoiceField(
        label=_("Language"),
        required=False,
        choices=[("", _("The one my browser asks for"))] + language_names(),
        error_messages={"invalid_choice": _("Choose a language from the list.")},
        help_text=_("The language of this site and of the emails we send you."),
    )

    def __init__(self, *args, user, **kwargs):
        kwargs.setdefault(
            "initial",
            {"preferred_name": user.preferred_name, "time_zone": user.time_zone, "language": user.language},
        )
        super().__init__(*args, **kwargs)
        choices = time_zone_choices()
        current = user.time_zone
        if current and current not in {value for value, _label in choices}:
            # A zone set elsewhere (the admin, the API) that the list leaves out stays choosable.
            choices.insert(1, (current, current.replace("_", " ")))
        self.fields["time_zone"].choices = choices
