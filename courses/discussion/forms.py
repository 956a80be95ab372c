"""The shapes of the discussion forms (services validate and save). Length limits are the models';
the messages say what to do."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import BODY_MAX, DISPLAY_NAME_MAX, NOTE_MAX, TITLE_MAX, ReportReason

FORMATTING_HELP = _(
    "You can use **bold**, _italic_, lists (start lines with - or 1.), > quotes and [links](https://…). "
    "HTML is shown as text."
)


def _body_field(label):
    return forms.CharField(
        label=label,
        max_length=BODY_MAX,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=FORMATTING_HELP,
        error_messages={
            "required": _("Write a message."),
            "max_length": _(
                "Keep the message to %(limit_value)d characters or fewer (it has %(show_value)d)."
            ),
        },
    )


def _title_field():
    return forms.CharField(
        label=_("Title"),
        max_length=TITLE_MAX,
        error_messages={
            "required": _("Give the thread a title."),
            "max_length": _("Keep the title to %(limit_value)d characters or fewer (it has %(show_value)d)."),
        },
    )


class ThreadForm(forms.Form):
    title = _title_field()
    module = forms.TypedChoiceField(
        label=_("Module (optional)"), required=False, coerce=int, empty_value=None
    )
    body = _body_field(_("Message"))

    def __init__(self, *args, modules, **kwargs):
        super().__init__(*args, **kwargs)
        self.modules = {m.pk: m for m in modules}
        self.fields["module"].choices = [("", _("The whole course"))] + [(m.pk, m.title) for m in modules]
        self.fields["module"].error_messages["invalid_choice"] = _("Choose a module of this course, or none.")


class ReplyForm(forms.Form):
    body = _body_field(_("Your reply"))


class EditForm(forms.Form):
    body = _body_field(_("Message"))

    def __init__(self, *args, with_title: bool, **kwargs):
        super().__init__(*args, **kwargs)
        if with_title:
            self.fields = {"title": _title_field(), **self.fields}


class ReportForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("Why are you reporting it?"),
        choices=ReportReason.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose a reason.")},
    )
    note = forms.CharField(
        label=_("Anything the moderators should know (optional)"),
        required=False,
        max_length=NOTE_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"max_length": _("Keep the note to %(limit_value)d characters or fewer.")},
    )


class DisplayNameForm(forms.Form):
    display_name = forms.CharField(
        label=_("Display name"),
        max_length=DISPLAY_NAME_MAX,
        help_text=_(
            "What others see next to your posts in course discussions. It need not be your real name: "
            "your full name and email address are never shown there."
        ),
        error_messages={
            "required": _("Enter a display name."),
            "max_length": _("Use %(limit_value)d characters or fewer."),
        },
        widget=forms.TextInput(attrs={"autocomplete": "nickname"}),
    )


class ModerateForm(forms.Form):
    action = forms.ChoiceField(
        choices=[(a, a) for a in ("hide", "show", "lock", "unlock", "pin", "unpin", "resolve", "dismiss")]
    )
