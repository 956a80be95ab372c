"""The shapes of the journal's forms (services validate and save). Each prompt's form on a module page
has the prompt's prefix, so several can sit on one page with their own ids."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .services import ENTRY_MAX_CHARS, REPLY_MAX_CHARS


def prefix_for(block_id: str) -> str:
    return f"journal-{block_id}"


class EntryForm(forms.Form):
    # No max_length here: the service refuses an oversized text with its own message, and the form comes
    # back with everything that was typed.
    text = forms.CharField(
        label=_("Your reflection"),
        widget=forms.Textarea(attrs={"rows": 6}),
        required=False,
        strip=False,
    )

    def __init__(self, *args, block_id: str, **kwargs):
        super().__init__(*args, prefix=prefix_for(block_id), **kwargs)
        self.fields["text"].help_text = _(
            "Private: only you can read it, unless you choose to share it with the course's instructors. "
            "Up to %(count)s characters."
        ) % {"count": f"{ENTRY_MAX_CHARS:,}"}


class ReplyForm(forms.Form):
    text = forms.CharField(
        label=_("Your reply"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        strip=False,
    )

    def __init__(self, *args, entry_id: int, **kwargs):
        super().__init__(*args, prefix=f"reply-{entry_id}", **kwargs)
        self.fields["text"].help_text = _(
            "Only the trainee who shared this reflection reads it. Up to %(count)s characters."
        ) % {"count": f"{REPLY_MAX_CHARS:,}"}
