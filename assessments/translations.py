"""Assessments in other languages: an assessment's title and instructions, a question's text, choices,
explanation and extra accepted answers, per language (Spanish today: settings.LANGUAGES less English).

Answers, points and settings stay on the English rows: a translation only changes what a reader sees
(assessments.selectors.translated picks it by the active language, field by field, English where a
field is empty), so grading by choice ids is the same whichever language a trainee reads. Short-text
answers are the one exception: a translation's accepted answers are accepted too, in any language
(services.attempts). Written in the admin (inline under the assessment and each question) or loaded
from `*.es.yaml` files beside the curriculum's quizzes (assessments.curriculum_translations)."""

from django import forms
from django.db import models
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel

from lms.i18n.content import translated_language, translation_languages


def is_translated_language(language: str | None) -> bool:
    return bool(language) and translated_language(language) == language


def lines_of(value: str) -> list[str]:
    """Text as a list of its non-empty lines, stripped (accepted answers, choices typed one a line)."""
    return [line.strip() for line in (value or "").splitlines() if line.strip()]


class ChoiceLinesFormField(forms.CharField):
    """A list of texts edited as a textarea, one a line."""

    widget = forms.Textarea(attrs={"rows": 4})

    def prepare_value(self, value):
        return "\n".join(value) if isinstance(value, (list, tuple)) else value

    def to_python(self, value):
        if isinstance(value, (list, tuple)):
            return [str(item).strip() for item in value if str(item).strip()]
        return lines_of(super().to_python(value))

    def validate(self, value):
        if self.required and not value:
            raise forms.ValidationError(self.error_messages["required"], code="required")


class ChoiceListField(models.JSONField):
    """A JSON list of texts (a translation's choices, in the English choices' order), typed in the
    admin one a line."""

    def formfield(self, **kwargs):
        kwargs.setdefault("widget", ChoiceLinesFormField.widget)
        return models.Field.formfield(self, form_class=ChoiceLinesFormField, **kwargs)


def _language_field():
    return models.CharField(_("language"), max_length=10, choices=translation_languages())


class AssessmentTranslation(models.Model):
    """What a reader of `language` sees of an assessment instead of its English title and
    instructions (an empty field: the English one)."""

    assessment = ParentalKey("assessments.Assessment", on_delete=models.CASCADE, related_name="translations")
    language = _language_field()
    title = models.CharField(_("title"), max_length=255, blank=True, help_text=_("Empty: the English title."))
    instructions = models.TextField(
        _("instructions"), blank=True, help_text=_("Empty: the English instructions.")
    )

    panels = [FieldRowPanel([FieldPanel("language"), FieldPanel("title")]), FieldPanel("instructions")]

    class Meta:
        verbose_name = _("assessment translation")
        verbose_name_plural = _("assessment translations")
        ordering = ["assessment_id", "language"]
        constraints = [
            models.UniqueConstraint(fields=["assessment", "language"], name="unique_assessment_translation")
        ]

    def __str__(self):
        return f"{self.title or self.assessment_id} ({self.language})"


class QuestionTranslation(models.Model):
    """What a reader of `language` sees of a question: its text, its choices (one for each English
    choice, in their order), its explanation; and, for short text, answers accepted besides the
    English ones."""

    question = ParentalKey("assessments.Question", on_delete=models.CASCADE, related_name="translations")
    language = _language_field()
    text = models.TextField(_("question"))
    choices = ChoiceListField(
        _("choices"),
        default=list,
        blank=True,
        help_text=_(
            "Single and multiple choice only. One choice per line, in the order of the English choices."
        ),
    )
    explanation = models.TextField(
        _("explanation"), blank=True, help_text=_("Empty: the English explanation.")
    )
    accepted_answers = models.TextField(
        _("accepted answers"),
        blank=True,
        help_text=_(
            "Short text only: answers accepted besides the English ones, one per line. Matching ignores "
            "case, punctuation and extra spaces."
        ),
    )

    panels = [
        FieldPanel("language"),
        FieldPanel("text"),
        FieldPanel("choices"),
        FieldPanel("explanation"),
        FieldPanel("accepted_answers"),
    ]

    class Meta:
        verbose_name = _("question translation")
        verbose_name_plural = _("question translations")
        ordering = ["question_id", "language"]
        constraints = [
            models.UniqueConstraint(fields=["question", "language"], name="unique_question_translation")
        ]

    def __str__(self):
        return f"{self.text[:80]} ({self.language})"

    def accepted_answer_list(self) -> list[str]:
        return lines_of(self.accepted_answers)


def choices_problem(*, kind: str, choice_count: int, given: int) -> str | None:
    """What is wrong with a translation giving `given` choices for a question of `kind` with
    `choice_count` English choices (None: nothing). A choice question's translation gives one for each
    English choice; other kinds have none to translate."""
    if kind in ("single", "multiple"):
        if given != choice_count:
            return ngettext(
                "This question has %(expected)s choice and this translation %(given)s: give one line "
                "per choice, in the order of the English choices.",
                "This question has %(expected)s choices and this translation %(given)s: give one line "
                "per choice, in the order of the English choices.",
                choice_count,
            ) % {"expected": choice_count, "given": given}
        return None
    if given:
        return gettext("Only single and multiple choice questions have choices: leave this empty.")
    return None
