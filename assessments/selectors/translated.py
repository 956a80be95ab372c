"""What a reader sees of an assessment in their language (assessments.translations): the active
language (django.utils.translation.get_language(): an /es/ address, the account's language, the cookie
or the browser, lms.i18n.middleware) picks the translation; each field falls back to English where the
translation leaves it empty, and choices to the English ones unless the translation has one for each.

English costs no query; another language one at most per page: the questions' translations come with
the attempt's answers (a join filtered by language), the assessment's title and instructions with
one query of their own."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import F, FilteredRelation, Q
from django.utils.translation import get_language

from ..translations import is_translated_language, lines_of

# The columns of a question's translation read with an answer (attempt_view): name on the answer ->
# field of QuestionTranslation.
_COLUMNS = {
    "tr_text": "text",
    "tr_choices": "choices",
    "tr_explanation": "explanation",
    "tr_accepted": "accepted_answers",
}


def reading_language() -> str | None:
    """The active language when assessments may be translated into it ("es"), else None (English)."""
    language = (get_language() or "").split("-")[0].lower()
    return language if is_translated_language(language) else None


@dataclass(frozen=True)
class AssessmentText:
    """An assessment's title and instructions as the reader sees them."""

    title: str
    instructions: str


def assessment_text(*, assessment, language: str | None = None) -> AssessmentText:
    """The assessment's title and instructions in the reading language (`language`, default the active
    one), each falling back to English. No query in English; one otherwise (none for the admin's
    preview, whose translations are the ones being edited, in memory)."""
    language = language if language is not None else reading_language()
    translation = None
    if language and assessment is not None:
        translation = next((t for t in assessment.translations.filter(language=language)), None)
    return AssessmentText(
        title=(translation.title if translation else "") or assessment.title,
        instructions=(translation.instructions if translation else "") or assessment.instructions,
    )


def with_question_translations(answers, *, language: str | None):
    """`answers` (an Answer queryset) with their question's translation in `language` as `tr_*`
    attributes (None where there is none), in the same query."""
    if not language:
        return answers
    relation = FilteredRelation(
        "question__translations", condition=Q(question__translations__language=language)
    )
    return answers.annotate(qtr=relation).annotate(
        **{name: F(f"qtr__{column}") for name, column in _COLUMNS.items()}
    )


def is_translated(answer) -> bool:
    return bool(getattr(answer, "tr_text", None))


def translated_choice_texts(texts, choices) -> dict[int, str]:
    """Choice id -> translated text: `texts` follow the English `choices` (all of one question) in
    their order. Nothing when the counts differ (the English choices changed since): English then."""
    ordered = sorted(choices, key=lambda c: (c.sort_order, c.pk or 0))
    if not texts or len(texts) != len(ordered):
        return {}
    return {c.pk: text for c, text in zip(ordered, texts, strict=True) if text}


def merged_answers(translated: list[str], english: list[str]) -> list[str]:
    """Accepted answers to show a reader: theirs first, then the English ones, each once."""
    result = []
    for answer in [*translated, *english]:
        if answer not in result:
            result.append(answer)
    return result


def localize_question_view(view, answer, *, choices_by_question: dict, reveal: bool) -> None:
    """Put the translation read with `answer` (with_question_translations) into its QuestionView."""
    if not is_translated(answer):
        return
    view.text = answer.tr_text
    texts = translated_choice_texts(answer.tr_choices, choices_by_question.get(answer.question_id, []))
    for choice in view.choices:
        choice.text = texts.get(choice.id, choice.text)
    if reveal:
        view.explanation = answer.tr_explanation or view.explanation
        if view.accepted_answers:
            view.accepted_answers = merged_answers(lines_of(answer.tr_accepted), view.accepted_answers)


def localize_preview(view, question, *, language: str | None) -> None:
    """The admin's preview: the question's translation being edited (in memory), if any."""
    if not language:
        return
    translation = next((t for t in question.translations.all() if t.language == language), None)
    if translation is None or not translation.text:
        return
    view.text = translation.text
    choices = list(question.choices.all())
    ids = [c.pk or i for i, c in enumerate(choices, start=1)]
    texts = translation.choices or []
    if len(texts) == len(choices):
        by_id = dict(zip(ids, texts, strict=True))
        for choice in view.choices:
            choice.text = by_id.get(choice.id) or choice.text
