"""The crisis-response course's quizzes and final exam are translated whole: loading the real curriculum
gives every question Spanish text (and choices for choice questions), and a Spanish reader takes the
suicide-warning-signs quiz in Spanish."""

import pytest
from django.urls import reverse
from django.utils import timezone

from assessments.models import Assessment, Question
from assessments.translations import QuestionTranslation
from courses.curriculum.load import load_curriculum
from courses.curriculum.parse import read_curriculum
from courses.models import CoursePage, Enrollment, ModulePage
from tests.factories import TraineeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def crisis(home):
    load_curriculum(read_curriculum(), home=home)
    return CoursePage.objects.get(slug="crisis-response", locale__language_code="en")


def test_every_crisis_question_has_its_spanish_text(crisis):
    questions = Question.objects.filter(assessment__course=crisis) | Question.objects.filter(
        assessment__module__in=ModulePage.objects.child_of(crisis)
    )
    questions = list(questions.distinct())
    assert len(questions) >= 30
    spanish = {t.question_id: t for t in QuestionTranslation.objects.filter(language="es")}
    for question in questions:
        found = spanish.get(question.pk)
        assert found is not None and found.text.strip(), question.key
        if question.kind in ("single", "multiple"):
            assert len(found.choices) == question.choices.count(), question.key
    assert Assessment.objects.get(course=crisis, kind="final_exam").translations.get(language="es").title


def test_a_spanish_reader_takes_the_first_crisis_quiz_in_spanish(client, crisis):
    trainee = TraineeFactory(language="es")
    for prerequisite in crisis.prerequisites.all():
        Enrollment.objects.create(
            user=trainee, course=prerequisite, status=Enrollment.Status.COMPLETED, completed_at=timezone.now()
        )
    Enrollment.objects.create(user=trainee, course=crisis)
    client.force_login(trainee)
    module = ModulePage.objects.get(slug="suicide-warning-signs", locale__language_code="en")
    quiz = module.get_assessment()
    response = client.post(reverse("assessments:start", args=[quiz.pk]), follow=True)
    html = response.content.decode()
    assert response.status_code == 200 and '<html lang="es"' in html
    questions = list(quiz.questions.all())
    spanish = [t.text for t in QuestionTranslation.objects.filter(question__in=questions, language="es")]
    assert any(text.split("\n")[0][:40] in html for text in spanish)
    assert not any(q.text[:40] in html for q in questions)  # no question left in English


def test_the_spanish_quiz_pages_lead_back_to_the_spanish_course_and_module(client, crisis):
    trainee = TraineeFactory(language="es")
    Enrollment.objects.create(user=trainee, course=crisis)
    client.force_login(trainee)
    module = ModulePage.objects.get(slug="suicide-warning-signs", locale__language_code="en")
    html = client.get(reverse("assessments:detail", args=[module.get_assessment().pk])).content.decode()
    assert 'href="/es/courses/crisis-response/"' in html
    assert 'href="/es/courses/crisis-response/suicide-warning-signs/"' in html
    trainee.language = "en"
    trainee.save(update_fields=["language"])
    html = client.get(reverse("assessments:detail", args=[module.get_assessment().pk])).content.decode()
    assert (
        'href="/courses/crisis-response/suicide-warning-signs/"' in html
        and "/es/" not in html.split("<main")[1]
    )
