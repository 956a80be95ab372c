"""Quizzes and final exams in Spanish (assessments.translations): a reader whose language is Spanish (an
/es/ page, their account's language, the cookie or the browser) sees the translated title,
instructions, questions, choices and explanations on the detail, take, result and grading pages and in
the admin's preview, field by field with English where there is no translation; grading is the same
(by choice ids), short text accepts the translation's answers too; one query more at most per page."""

from decimal import Decimal

import pytest
from django.conf import settings
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from assessments import services
from assessments.models import Answer, AssessmentTranslation, Attempt, Choice, Question, QuestionTranslation
from courses.curriculum.load import load_curriculum
from courses.models import Enrollment, ModulePage
from tests import factories as base

from .factories import answers_for, form_for

pytestmark = pytest.mark.django_db


def _translate(assessment):
    """Spanish for the title, the instructions, the single-choice "Pick A" (its explanation too) and
    the short-text question; "Pick A and B" and the others are left in English."""
    AssessmentTranslation.objects.create(
        assessment=assessment, language="es", title="Cuestionario uno", instructions="Responde con calma."
    )
    pick = assessment.questions.get(text="Pick A")
    QuestionTranslation.objects.create(
        question=pick,
        language="es",
        text="Elige A",
        choices=["Opción A", "Opción B", "Opción C"],
        explanation="Porque A, en español.",
    )
    short = assessment.questions.get(kind="short_text")
    QuestionTranslation.objects.create(
        question=short, language="es", text="Dos palabras", accepted_answers="reflejo de corrección"
    )
    return pick


def _spanish(user):
    user.language = "es"
    user.save(update_fields=["language"])
    return user


@pytest.fixture
def spanish_quiz(world):
    _translate(world.quiz1)
    return world.quiz1


def _take(client, user, quiz):
    client.force_login(user)
    attempt = services.attempt_start(user=user, assessment=quiz)
    return attempt, client.get(reverse("assessments:attempt_take", args=[attempt.pk]))


def test_a_spanish_reader_takes_the_quiz_in_spanish(client, world, spanish_quiz):
    attempt, page = _take(client, _spanish(world.trainee), spanish_quiz)
    html = page.content.decode()
    assert page.status_code == 200 and '<html lang="es"' in html
    assert "<h1>Cuestionario uno</h1>" in html and "Responde con calma." in html
    assert ">Elige A</p>" in html and ">Pick A</p>" not in html
    assert "Opción A" in html and "Opción B" in html and "Opción C" in html
    assert ">Pick A and B</p>" in html  # not translated: English
    assert "Porque A, en español." not in html and "reflejo de corrección" not in html  # no answer key
    # The Spanish choices are the English choices' inputs: answers are stored by choice id.
    pick = spanish_quiz.questions.get(text="Pick A")
    for choice, text in zip(
        pick.choices.order_by("sort_order"), ["Opción A", "Opción B", "Opción C"], strict=True
    ):
        assert f'value="{choice.pk}" id="q-{pick.pk}-{choice.pk}"' in html
        assert f'for="q-{pick.pk}-{choice.pk}" class="choice__label">{text}' in html


def test_an_english_reader_takes_the_same_quiz_in_english(client, world, spanish_quiz):
    _attempt, page = _take(client, world.trainee, spanish_quiz)
    html = page.content.decode()
    assert page.status_code == 200 and '<html lang="en"' in html
    assert ">Pick A</p>" in html and "Elige A" not in html and "Opción A" not in html
    assert "Cuestionario uno" not in html and "Responde con calma." not in html


def test_the_browsers_language_is_enough(client, world, spanish_quiz):
    client.force_login(world.trainee)
    attempt = services.attempt_start(user=world.trainee, assessment=spanish_quiz)
    html = client.get(
        reverse("assessments:attempt_take", args=[attempt.pk]), HTTP_ACCEPT_LANGUAGE="es-MX,es;q=0.9"
    ).content.decode()
    assert ">Elige A</p>" in html
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "es"
    detail = client.get(reverse("assessments:detail", args=[spanish_quiz.pk])).content.decode()
    assert "<h1>Cuestionario uno</h1>" in detail and "Responde con calma." in detail


def test_submitting_in_spanish_grades_as_in_english_and_shows_the_spanish_explanation(
    client, world, spanish_quiz, django_capture_on_commit_callbacks
):
    attempt, _page = _take(client, _spanish(world.trainee), spanish_quiz)
    with django_capture_on_commit_callbacks(execute=True):
        submitted = client.post(
            reverse("assessments:attempt_submit", args=[attempt.pk]),
            form_for(attempt, short_text="Reflejo de corrección"),
        )
    assert submitted.status_code == 302
    attempt.refresh_from_db()
    assert attempt.status == Attempt.Status.RELEASED and attempt.percent == Decimal("100") and attempt.passed
    short = Answer.objects.get(attempt=attempt, kind="short_text")
    assert short.points_awarded == short.max_points  # the Spanish accepted answer
    # The result email is in the trainee's language, the quiz's title too.
    assert mail.outbox and 'Tu resultado de "Cuestionario uno"' in mail.outbox[-1].subject
    html = client.get(submitted["Location"]).content.decode()
    assert "Cuestionario uno" in html
    assert "Porque A, en español." in html  # the translation's explanation
    assert "Because Pick A and B" in html  # no translation: the English explanation
    assert "reflejo de corrección; righting reflex" in html  # both accepted, the reader's first


def test_a_spanish_answer_counts_whichever_language_the_trainee_reads(world, spanish_quiz):
    attempt = services.attempt_start(user=world.trainee, assessment=spanish_quiz)
    answers = answers_for(attempt)
    for item in answers:
        if item.text is not None:
            item.text = "Reflejo de Corrección."  # case and punctuation do not matter either
    attempt = services.attempt_submit(attempt=attempt, user=world.trainee, answers=answers)
    assert attempt.percent == Decimal("100")
    other = services.attempt_start(user=world.other_trainee, assessment=world.other_quiz)
    answers = answers_for(other)
    for item in answers:
        if item.text is not None:
            item.text = "reflejo de corrección"  # another quiz's translation accepts nothing here
    assert services.attempt_submit(attempt=other, user=world.other_trainee, answers=answers).percent < 100


def test_choices_fall_back_to_english_when_the_english_choices_changed(client, world, spanish_quiz):
    pick = spanish_quiz.questions.get(text="Pick A")
    Choice.objects.create(question=pick, text="D", sort_order=9)
    _attempt, page = _take(client, _spanish(world.trainee), spanish_quiz)
    html = page.content.decode()
    assert ">Elige A</p>" in html and "Opción A" not in html  # the text still, the choices in English


@pytest.mark.parametrize("name", ["attempt_take", "attempt_result"])
def test_the_spanish_pages_keep_their_permissions(client, world, spanish_quiz, name):
    attempt = services.attempt_start(user=world.trainee, assessment=spanish_quiz)
    url = reverse(f"assessments:{name}", args=[attempt.pk])
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "es"
    anonymous = client.get(url)
    assert anonymous.status_code == 302 and anonymous["Location"].startswith(reverse("account_login"))
    client.force_login(_spanish(world.other_trainee))  # not enrolled in the course, not their attempt
    # A Spanish reader's 404 is first sent to the /es/ twin of the address (lms.i18n.middleware).
    assert client.get(url, follow=True).status_code == 404
    detail = reverse("assessments:detail", args=[spanish_quiz.pk])
    assert client.get(detail, follow=True).status_code == 404
    assert client.post(reverse("assessments:start", args=[spanish_quiz.pk])).status_code == 403
    client.force_login(_spanish(world.trainee))
    assert client.get(url).status_code in (200, 302)


def test_the_grading_page_follows_the_instructors_language(client, world, spanish_quiz):
    for quiz in (world.quiz1, world.quiz2):
        attempt = services.attempt_start(user=world.trainee, assessment=quiz)
        services.attempt_submit(attempt=attempt, user=world.trainee, answers=answers_for(attempt))
    essay = world.exam.questions.get(kind="essay")
    QuestionTranslation.objects.create(question=essay, language="es", text="Escribe sobre Dana")
    AssessmentTranslation.objects.create(assessment=world.exam, language="es", title="Examen final")
    attempt = services.attempt_start(user=world.trainee, assessment=world.exam)
    services.attempt_submit(attempt=attempt, user=world.trainee, answers=answers_for(attempt))
    url = reverse("assessments:grade_attempt", args=[attempt.pk])
    client.force_login(world.instructor)
    english = client.get(url).content.decode()
    assert "Write about Dana" in english and "Escribe sobre Dana" not in english
    assert "Examen final" not in english
    client.force_login(_spanish(world.instructor))
    spanish = client.get(url).content.decode()
    assert "Escribe sobre Dana" in spanish and "Write about Dana" not in spanish and "Examen final" in spanish
    # The trainee's answer is graded on the same page, whatever language it is shown in.
    assert f'name="feedback-{essay.pk}"' in spanish


def _queries(client, url) -> int:
    client.get(url)  # warm per-process caches
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.parametrize("page", ["detail", "attempt_take", "attempt_result"])
def test_spanish_costs_a_constant_few_queries_more(client, world, spanish_quiz, page):
    """The Spanish texts (one query), and the breadcrumbs' course and module in Spanish (one query; the
    result page's "Back to the module" link one more); English readers pay none of them."""
    english_reader, spanish_reader = base.TraineeFactory(), _spanish(base.TraineeFactory())
    counts = []
    for reader in (english_reader, spanish_reader):
        Enrollment.objects.create(user=reader, course=world.course)
        attempt = services.attempt_start(user=reader, assessment=spanish_quiz)
        if page == "attempt_result":
            services.attempt_submit(attempt=attempt, user=reader, answers=answers_for(attempt))
        client.force_login(reader)
        target = spanish_quiz.pk if page == "detail" else attempt.pk
        counts.append(_queries(client, reverse(f"assessments:{page}", args=[target])))
    english, spanish = counts
    assert spanish <= english + (3 if page == "attempt_result" else 2), counts


def test_from_the_files_to_the_spanish_module_page_and_the_quiz(client, home, tmp_path):
    from tests.courses.test_seed import small_copy

    from .test_translations_quiz_files import MODULE_ES, QUIZ, QUIZ_ES

    path = small_copy(tmp_path)
    (path / QUIZ).write_text(QUIZ_ES, encoding="utf-8")
    (path / "first" / "01-one.es.md").write_text(MODULE_ES, encoding="utf-8")
    load_curriculum(path, home=home)
    english = ModulePage.objects.get(slug="one", locale__language_code="en")
    spanish = ModulePage.objects.get(slug="one", locale__language_code="es")
    trainee = _spanish(base.TraineeFactory())
    Enrollment.objects.create(user=trainee, course=english.get_parent().specific)
    client.force_login(trainee)
    module = client.get(spanish.url).content.decode()
    assert "Cuestionario: Uno en español" in module
    quiz = english.assessment
    started = client.post(reverse("assessments:start", args=[quiz.pk]))
    html = client.get(started["Location"]).content.decode()
    assert "Cuestionario: Uno en español" in html and "Lee cada pregunta con calma." in html
    assert ">Elige A</p>" in html and "Opción C" in html and ">El cielo es azul</p>" in html
    assert ">Pick A and B</p>" in html


def _admin_form(course, module, **extra):
    from .test_admin import _form

    data = _form(course, module)
    data.update(
        {
            "translations-TOTAL_FORMS": "1",
            "translations-0-language": "es",
            "translations-0-title": "Cuestionario del módulo",
            "translations-0-instructions": "Responde con cuidado.",
            "translations-0-id": "",
            "questions-0-translations-TOTAL_FORMS": "1",
            "questions-0-translations-0-language": "es",
            "questions-0-translations-0-text": "¿Cuál es una pregunta abierta?",
            "questions-0-translations-0-choices": "¿Qué te trae por aquí hoy?\r\n¿Estás sobrio?\r\n",
            "questions-0-translations-0-explanation": "",
            "questions-0-translations-0-accepted_answers": "",
            "questions-0-translations-0-id": "",
        }
    )
    data.update(extra)
    return data


@pytest.fixture
def author(catalogue):
    admin = base.UserFactory(is_superuser=True, is_staff=True)
    course = base.make_course(catalogue, title="Authoring")
    return admin, course, base.make_module(course, title="First")


def test_the_admin_saves_translations_inline(client, author):
    admin, course, module = author
    client.force_login(admin)
    response = client.post(reverse("wagtailsnippets_assessments_assessment:add"), _admin_form(course, module))
    assert response.status_code == 302, response.content.decode()[:2000]
    question = Question.objects.get(assessment__module=module)
    translation = question.translations.get()
    assert translation.choices == ["¿Qué te trae por aquí hoy?", "¿Estás sobrio?"]
    assert question.assessment.translations.get().title == "Cuestionario del módulo"
    edit = client.get(reverse("wagtailsnippets_assessments_assessment:edit", args=[question.assessment_id]))
    assert "¿Qué te trae por aquí hoy?\n¿Estás sobrio?</textarea>" in edit.content.decode()


@pytest.mark.parametrize(
    "extra,message",
    [
        (
            {"questions-0-translations-0-choices": "¿Qué te trae por aquí hoy?"},
            "This question has 2 choices and this translation 1: give one line per choice, in the order of "
            "the English choices.",
        ),
        (
            {"questions-0-kind": "true_false", "questions-0-answer_true": "true"},
            "Only single and multiple choice questions have choices: leave this empty.",
        ),
        (
            {
                "questions-0-translations-TOTAL_FORMS": "2",
                "questions-0-translations-1-language": "es",
                "questions-0-translations-1-text": "Otra vez",
                "questions-0-translations-1-choices": "a\nb",
                "questions-0-translations-1-id": "",
            },
            "Please correct the duplicate data for question and language, which must be unique.",
        ),
    ],
    ids=["choice count", "choices on true/false", "language twice"],
)
def test_the_admin_refuses_a_wrong_translation_and_keeps_what_was_typed(client, author, extra, message):
    admin, course, module = author
    client.force_login(admin)
    data = _admin_form(course, module, **extra)
    if "questions-0-kind" in extra:
        data.update({"questions-0-choices-TOTAL_FORMS": "0"})
    response = client.post(reverse("wagtailsnippets_assessments_assessment:add"), data)
    html = response.content.decode()
    assert response.status_code == 200 and message.replace("'", "&#x27;") in html, html[-3000:]
    assert "¿Cuál es una pregunta abierta?" in html  # what was typed is still there
    assert not Question.objects.exists() and not QuestionTranslation.objects.exists()


def test_the_admin_refuses_a_wrong_choice_count_when_editing(client, author):
    admin, course, module = author
    client.force_login(admin)
    client.post(reverse("wagtailsnippets_assessments_assessment:add"), _admin_form(course, module))
    question = Question.objects.get(assessment__module=module)
    choices = list(question.choices.order_by("sort_order"))
    translation = question.translations.get()
    data = _admin_form(course, module)
    data.update(
        {
            "translations-INITIAL_FORMS": "1",
            "translations-0-id": str(question.assessment.translations.get().pk),
            "questions-INITIAL_FORMS": "1",
            "questions-0-id": str(question.pk),
            "questions-0-choices-INITIAL_FORMS": "2",
            "questions-0-choices-0-id": str(choices[0].pk),
            "questions-0-choices-1-id": str(choices[1].pk),
            # A third English choice, the Spanish still two: refused until the translation has three.
            "questions-0-choices-TOTAL_FORMS": "3",
            "questions-0-choices-2-text": "Why did you relapse?",
            "questions-0-choices-2-ORDER": "3",
            "questions-0-choices-2-id": "",
            "questions-0-translations-INITIAL_FORMS": "1",
            "questions-0-translations-0-id": str(translation.pk),
        }
    )
    url = reverse("wagtailsnippets_assessments_assessment:edit", args=[question.assessment_id])
    response = client.post(url, data)
    assert response.status_code == 200
    assert "This question has 3 choices and this translation 2" in response.content.decode()
    assert question.choices.count() == 2
    data["questions-0-translations-0-choices"] = (
        "¿Qué te trae por aquí hoy?\n¿Estás sobrio?\n¿Por qué recaíste?"
    )
    assert client.post(url, data).status_code == 302
    translation.refresh_from_db()
    assert len(translation.choices) == 3 and question.choices.count() == 3


def test_the_admin_preview_shows_the_translation_being_edited(client, author):
    admin, course, module = author
    client.force_login(admin)
    url = reverse("wagtailsnippets_assessments_assessment:preview_on_add")
    assert client.post(url, _admin_form(course, module)).json()["is_valid"]
    english = client.get(url).content.decode()
    assert "Which is an open question?" in english and "Cuestionario del módulo" not in english
    # The preview is rendered in the author's own language on the site (their account's, here).
    _spanish(admin)
    html = client.get(url).content.decode()
    assert "Cuestionario del módulo" in html and "Responde con cuidado." in html
    assert "¿Cuál es una pregunta abierta?" in html and "¿Estás sobrio?" in html
    assert "Which is an open question?" not in html
