"""The languages content is translated into: the site's languages (settings.LANGUAGES) less the default
one, in which every course, quiz and activity is written first. Shared by the translation models
(quizzes: assessments.translations; practice activities: courses.activities.models)."""

from django.conf import settings


def translation_languages() -> list[tuple[str, str]]:
    """(code, name) of every language a text may be translated into."""
    return [(code, name) for code, name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


def translated_language(language: str | None) -> str | None:
    """The translation language a reader's `language` ("es", "es-mx") asks for, or None for the default
    language or one nothing is translated into."""
    code = (language or "").split("-")[0].lower()
    return code if code in dict(translation_languages()) else None
