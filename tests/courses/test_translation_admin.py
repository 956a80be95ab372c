"""wagtail-localize in the Wagtail admin: an administrator can start a translation of any course page
("Translate" action), and a module page's translatable text becomes a translation source; others
cannot reach the action."""

import pytest
from django.urls import reverse
from wagtail.models import Locale

from courses.curriculum.load import load_curriculum
from courses.models import CoursePage, ModulePage
from tests.factories import TraineeFactory

from .test_seed import small_copy

pytestmark = pytest.mark.django_db


@pytest.fixture
def course(home, tmp_path):
    load_curriculum(small_copy(tmp_path), home=home)
    Locale.objects.get_or_create(language_code="es")
    return CoursePage.objects.get(slug="first")


@pytest.mark.parametrize(("who", "status"), [("anonymous", 302), ("trainee", 302), ("superuser", 200)])
def test_the_translate_action_is_offered_to_administrators_only(
    client, django_user_model, course, who, status
):
    if who == "trainee":
        client.force_login(TraineeFactory())
    elif who == "superuser":
        client.force_login(django_user_model.objects.create_superuser(email="root@example.org", password="x"))
    url = reverse("wagtail_localize:submit_page_translation", args=[course.pk])
    response = client.get(url)
    assert response.status_code == status
    if status == 200:
        assert "Español" in response.content.decode() or "Spanish" in response.content.decode()
    else:
        assert "/admin/login/" in response.url


def test_submitting_a_course_for_translation_makes_the_spanish_pages(client, django_user_model, course):
    from wagtail_localize.models import Translation

    client.force_login(django_user_model.objects.create_superuser(email="root@example.org", password="x"))
    spanish = Locale.objects.get(language_code="es")
    url = reverse("wagtail_localize:submit_page_translation", args=[course.pk])
    response = client.post(url, {"locales": [spanish.pk], "include_subtree": "on"})
    assert response.status_code == 302
    translated = CoursePage.objects.get(translation_key=course.translation_key, locale=spanish)
    assert Translation.objects.filter(
        target_locale=spanish, source__object_id=course.translation_key
    ).exists()
    module = ModulePage.objects.get(slug="one", locale__language_code="en")
    assert ModulePage.objects.filter(translation_key=module.translation_key, locale=spanish).exists()
    assert translated.get_parent().locale_id == spanish.pk


def test_a_module_page_becomes_a_translation_source_with_its_text(course):
    from wagtail_localize.models import String, TranslationSource

    module = ModulePage.objects.get(slug="one", locale__language_code="en")
    source, created = TranslationSource.get_or_create_from_instance(module)
    assert created
    texts = set(String.objects.filter(segments__source=source).values_list("data", flat=True))
    assert "Text of one." in texts and "A heading" in texts
