"""Journal entries and instructors' replies. An entry is one trainee's answer to one reflection prompt
(a `reflection` block of a module's body, found by the block's id); its text, and the replies', may tell
of the trainee's recovery, so both are encrypted at rest. Nothing here is registered in any admin:
only the author, and while it is shared the course's instructors, ever read an entry."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lms.crypto.fields import EncryptedTextField

from ..models import ModulePage


class JournalEntry(models.Model):
    trainee = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="journal_entries"
    )
    module = models.ForeignKey(ModulePage, on_delete=models.PROTECT, related_name="journal_entries")
    # The StreamField block's id (stable across edits of the page, and across curriculum loads:
    # courses.curriculum.pages keeps reflection blocks' ids).
    block_id = models.CharField(_("prompt id"), max_length=64)
    # The prompt as it read when the trainee wrote (an editor may reword it later).
    prompt = models.TextField(_("prompt"))
    text = EncryptedTextField(_("reflection"))
    created_at = models.DateTimeField(_("written"), default=timezone.now)
    updated_at = models.DateTimeField(_("last changed"), default=timezone.now)
    shared_with_instructors = models.BooleanField(_("shared with the course's instructors"), default=False)
    shared_at = models.DateTimeField(_("shared"), null=True, blank=True)

    class Meta:
        verbose_name = _("journal entry")
        verbose_name_plural = _("journal entries")
        constraints = [
            models.UniqueConstraint(
                fields=["trainee", "module", "block_id"], name="one_journal_entry_per_prompt"
            )
        ]
        # (trainee, module, ...) is served by the unique constraint's index.
        indexes = [models.Index(fields=["module", "shared_with_instructors"])]

    def __str__(self):
        # Never the text: this string ends up in audit target_repr.
        return f"Journal entry #{self.pk}"


class JournalReply(models.Model):
    """An instructor's reply to a shared entry, read by the entry's author."""

    entry = models.ForeignKey(JournalEntry, on_delete=models.CASCADE, related_name="replies")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="journal_replies"
    )
    text = EncryptedTextField(_("reply"))
    created_at = models.DateTimeField(_("written"), default=timezone.now)

    class Meta:
        verbose_name = _("journal reply")
        verbose_name_plural = _("journal replies")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"Journal reply #{self.pk}"
