"""Load the translations of the curriculum files' quizzes and final exams (`*.quiz.es.yaml`,
`final-exam.es.yaml`: courses.curriculum.quiz_translations) into AssessmentTranslation and
QuestionTranslation rows, after the English assessment is loaded (assessments.curriculum).

The files are the truth for an assessment they load: a translation row is written only when it differs
from its file (a second load writes nothing), updated when the file changed, and deleted when its file,
or its question in the file, is gone. A quiz's translated title is made from its module's translated
title, as the English one is ("Quiz: <module title>")."""

from __future__ import annotations

from courses.curriculum.data import AssessmentData, Module
from courses.curriculum.report import LoadReport

from .models import Assessment, AssessmentTranslation, QuestionTranslation

# A quiz's title in a language, from its module's title there (English: assessments.curriculum).
QUIZ_TITLES = {"es": "Cuestionario: {module}"}


def _quiz_title(language: str, module: Module | None) -> str:
    translation = module.translations.get(language) if module is not None and module.translations else None
    if translation is None or language not in QUIZ_TITLES:
        return ""  # the English title
    return QUIZ_TITLES[language].format(module=translation.fields["title"])[:255]


def _update(existing, wanted: dict) -> str | None:
    """Write `wanted` onto a stored translation when any of it differs; "updated", or None."""
    if all(getattr(existing, key) == value for key, value in wanted.items()):
        return None
    for key, value in wanted.items():
        setattr(existing, key, value)
    existing.save()
    return "updated"


def _sync_assessment(assessment: Assessment, language: str, wanted: dict, existing) -> str | None:
    """Bring the assessment's translation in `language` in line with `wanted`: what was done or None."""
    if existing is None:
        if not any(wanted.values()):
            return None
        AssessmentTranslation(assessment=assessment, language=language, **wanted).save()
        return "created"
    if not any(wanted.values()):
        existing.delete()
        return "removed"
    return _update(existing, wanted)


def _sync_question(question, language: str, item, existing) -> str | None:
    if item is None:
        if existing is None:
            return None
        existing.delete()
        return "removed"
    wanted = {
        "text": item.text,
        "choices": list(item.choices),
        "explanation": item.explanation,
        "accepted_answers": "\n".join(item.accepted_answers),
    }
    if existing is None:
        QuestionTranslation(question=question, language=language, **wanted).save()
        return "created"
    return _update(existing, wanted)


def load_assessment_translations(
    assessment: Assessment, data: AssessmentData, *, module: Module | None, what: str, report: LoadReport
) -> None:
    """The translations of one assessment's file (`data.translations`); `module`: a quiz's module data
    (its translations give the quiz's translated title). `what` names the assessment in the report."""
    questions = list(assessment.questions.prefetch_related("translations"))
    kept = {t.language: t for t in AssessmentTranslation.objects.filter(assessment=assessment)}
    languages = set(data.translations) | set(kept)
    languages |= {t.language for q in questions for t in q.translations.all()}
    for language in sorted(languages):
        spec = data.translations.get(language)
        done = []
        if spec is None:
            wanted = {"title": "", "instructions": ""}
        else:
            title = spec.title if assessment.is_final_exam else _quiz_title(language, module)
            wanted = {"title": title, "instructions": spec.instructions}
        action = _sync_assessment(assessment, language, wanted, kept.get(language))
        if action:
            done.append(f"title {action}")
        items = {item.key: item for item in spec.questions} if spec is not None else {}
        for question in questions:
            existing = next((t for t in question.translations.all() if t.language == language), None)
            action = _sync_question(question, language, items.get(question.key), existing)
            if action:
                done.append(f"question '{question.key or question.pk}' {action}")
        source = spec.source if spec is not None else "file removed"
        where = f"{language} translation of {what} ({source})"
        if not done:
            report.unchanged += 1
        elif spec is not None and kept.get(language) is None and all(d.endswith("created") for d in done):
            report.created.append(where)
        else:
            report.updated.append(f"{where}: {', '.join(done)}")
