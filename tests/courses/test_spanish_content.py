"""Spanish versions of the curriculum files (`*.es.md` beside the English file): `load_curriculum` makes
them Wagtail translations of the English pages (same translation_key, locale "es", published), leaves
them alone when nothing changed, refuses a Spanish file with no English original; the Spanish pages are
served under /es/ with lang="es", the English ones as before."""

from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from wagtail.models import Locale, Page, Revision

from courses.curriculum.data import CurriculumError
from courses.curriculum.load import load_curriculum
from courses.curriculum.parse import read_curriculum
from courses.models import CatalogPage, CoursePage, ModulePage, ModuleProgress
from tests.factories import ProgramAdminFactory, TraineeFactory

from .test_seed import edit, small_copy

pytestmark = pytest.mark.django_db

MODULE_ES = """---
title: Uno en español
---

## Un encabezado

Texto de uno. Si estás en crisis, llama o envía un mensaje de texto al 988 (oprime 2 para español).

::: reflection
Piensa en ello.
:::
"""
COURSE_ES = """---
title: Primer curso
summary: El primero.
audience: Todas las personas
---

Introducción
"""
CATALOGUE_ES = """---
title: Cursos
---

El catálogo de prueba.
"""


def with_spanish(tmp_path) -> Path:
    path = small_copy(tmp_path)
    (path / "first" / "01-one.es.md").write_text(MODULE_ES, encoding="utf-8")
    (path / "first" / "course.es.md").write_text(COURSE_ES, encoding="utf-8")
    (path / "catalogue.es.md").write_text(CATALOGUE_ES, encoding="utf-8")
    return path


def _spanish(model, slug):
    return model.objects.get(slug=slug, locale__language_code="es")


def test_the_files_are_read_with_their_translations(tmp_path):
    curriculum = read_curriculum(with_spanish(tmp_path))
    module = curriculum.course("first").modules[0]
    spanish = module.translations.get("es")
    assert spanish.fields == {"title": "Uno en español"} and spanish.source == "first/01-one.es.md"
    assert [kind for kind, _value in spanish.content] == ["heading", "paragraph", "reflection"]
    assert curriculum.course("first").translations.get("es").fields["summary"] == "El primero."
    assert curriculum.catalogue.translations.get("es").content == "<p>El catálogo de prueba.</p>"
    assert not curriculum.course("second").translations


def test_load_makes_published_translations_of_the_english_pages(home, tmp_path):
    result = load_curriculum(with_spanish(tmp_path), home=home)
    spanish = Locale.objects.get(language_code="es")
    english_module = ModulePage.objects.get(slug="one", locale__language_code="en")
    module = _spanish(ModulePage, "one")
    assert module.translation_key == english_module.translation_key and module.locale == spanish
    assert module.live and not module.has_unpublished_changes
    assert module.title == "Uno en español"
    assert "988 (oprime 2 para español)" in str(module.body[1].value)
    # What is not translated follows the English page: grading, hours and records are the same.
    assert (module.slug, module.training_hours, module.domain_id, module.estimated_minutes) == (
        english_module.slug,
        english_module.training_hours,
        english_module.domain_id,
        english_module.estimated_minutes,
    )
    course = _spanish(CoursePage, "first")
    assert (course.title, course.summary, course.audience) == (
        "Primer curso",
        "El primero.",
        "Todas las personas",
    )
    assert module.get_parent().pk == course.pk
    catalog = _spanish(CatalogPage, "courses")
    assert catalog.intro == "<p>El catálogo de prueba.</p>" and course.get_parent().pk == catalog.pk
    # The home page is translated too (a copy of the English one until its own Spanish is loaded).
    assert catalog.get_parent().specific.locale == spanish and catalog.get_parent().live
    assert "es translation of module first/one (first/01-one.es.md)" in result.report.created
    # Modules without a Spanish file have no translation; the English pages are untouched.
    assert not ModulePage.objects.filter(locale=spanish, slug__in=["two", "three"]).exists()
    assert ModulePage.objects.get(pk=english_module.pk).title == "One"


def test_loading_again_changes_nothing_and_an_edit_makes_one_revision(home, tmp_path):
    path = with_spanish(tmp_path)
    load_curriculum(path, home=home)
    pages = list(Page.objects.order_by("path").values_list("pk", "title", "live", "latest_revision_id"))
    again = load_curriculum(path, home=home)
    assert not again.report.changed
    assert (
        list(Page.objects.order_by("path").values_list("pk", "title", "live", "latest_revision_id")) == pages
    )

    edit(path / "first" / "01-one.es.md", "Piensa en ello.", "Piensa en ello con calma.")
    module = _spanish(ModulePage, "one")
    revisions = Revision.page_revisions.filter(object_id=str(module.pk)).count()
    result = load_curriculum(path, home=home)
    assert result.report.updated == ["es translation of module first/one (first/01-one.es.md)"]
    module = _spanish(ModulePage, "one")
    assert Revision.page_revisions.filter(object_id=str(module.pk)).count() == revisions + 1
    assert "con calma" in str(module.body[2].value)


def test_a_spanish_file_without_its_english_file_is_a_clear_error(home, tmp_path):
    path = with_spanish(tmp_path)
    (path / "first" / "09-missing.es.md").write_text(MODULE_ES, encoding="utf-8")
    (path / "about.es.md").write_text(CATALOGUE_ES, encoding="utf-8")
    with pytest.raises(CurriculumError) as error:
        load_curriculum(path, home=home)
    messages = [str(p) for p in error.value.problems]
    assert (
        "first/09-missing.es.md:1: a Spanish file needs the English file it translates (09-missing.md), "
        "in the same folder"
    ) in messages
    assert any(m.startswith("about.es.md:1: a Spanish file needs the English file") for m in messages)
    assert not ModulePage.objects.exists()  # nothing written
    with pytest.raises(CommandError, match="09-missing.es.md:1"):
        call_command("load_curriculum", path=str(path))


def test_a_translation_may_hold_only_what_readers_see(home, tmp_path):
    path = with_spanish(tmp_path)
    edit(path / "first" / "01-one.es.md", "title: Uno en español", "title: Uno en español\ntraining_hours: 9")
    edit(path / "first" / "course.es.md", "summary: El primero.\n", "")
    with pytest.raises(CurriculumError) as error:
        read_curriculum(path)
    messages = [str(p) for p in error.value.problems]
    assert any(m.startswith("first/01-one.es.md:3: unknown field 'training_hours'") for m in messages), (
        messages
    )
    assert any(m.startswith("first/course.es.md:2: 'summary' is missing") for m in messages), messages


def _enrolled_trainee(course):
    from courses.models import Enrollment

    trainee = TraineeFactory()
    Enrollment.objects.create(user=trainee, course=course)
    return trainee


def test_the_spanish_module_is_served_at_its_es_address_to_an_enrolled_trainee(client, home, tmp_path):
    path = with_spanish(tmp_path)
    (path / "first" / "01-one.quiz.yaml").unlink()  # completed by its button, not a quiz
    (path / "first" / "02-two.es.md").write_text("---\ntitle: Dos\n---\n\nTexto de dos.\n", encoding="utf-8")
    load_curriculum(path, home=home)
    english_module = ModulePage.objects.get(slug="one", locale__language_code="en")
    module = _spanish(ModulePage, "one")
    assert module.url.startswith("/es/") and module.url.endswith("/courses/first/one/")
    # Enrolment and progress belong to the English course: one record whichever language is read.
    client.force_login(_enrolled_trainee(english_module.get_parent().specific))
    response = client.get(module.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="es"' in html
    assert "Uno en español" in html and "Texto de uno." in html and "(oprime 2 para español)" in html, html
    # The Spanish page's completion form records progress on the English module, and the trainee
    # stays in Spanish.
    complete = reverse("courses:module-complete", args=[module.pk])
    assert f'action="{complete}"' in html
    done = client.post(complete)
    assert done.status_code == 302 and done.url == "/es/courses/first/two/"  # the next module, in Spanish
    assert ModuleProgress.objects.filter(module=english_module).count() == 1
    assert not ModuleProgress.objects.filter(module=module).exists()

    english = client.get(english_module.url)
    assert english.status_code == 200
    assert "Text of one." in english.content.decode() and "Texto de uno." not in english.content.decode()
    assert '<html lang="en"' in english.content.decode()
    assert "You have completed this module." in english.content.decode()  # the same record


def test_the_spanish_module_offers_the_english_module_quiz(client, home, tmp_path):
    from assessments.models import Assessment

    load_curriculum(with_spanish(tmp_path), home=home)
    english_module = ModulePage.objects.get(slug="one", locale__language_code="en")
    client.force_login(_enrolled_trainee(english_module.get_parent().specific))
    html = client.get(_spanish(ModulePage, "one").url).content.decode()
    quiz = Assessment.objects.get(module=english_module)
    links = (reverse("assessments:start", args=[quiz.pk]), reverse("assessments:detail", args=[quiz.pk]))
    assert any(link in html for link in links), html


@pytest.mark.parametrize(("who", "status"), [("anonymous", 302), ("not enrolled", 403), ("admin", 200)])
def test_the_spanish_module_keeps_the_english_module_gating(client, home, tmp_path, who, status):
    load_curriculum(with_spanish(tmp_path), home=home)
    module = _spanish(ModulePage, "one")
    if who == "not enrolled":
        client.force_login(TraineeFactory())
    elif who == "admin":
        client.force_login(ProgramAdminFactory())
    assert client.get(module.url).status_code == status


def test_the_spanish_catalogue_and_course_are_public_at_es(client, home, tmp_path):
    load_curriculum(with_spanish(tmp_path), home=home)
    catalogue = client.get("/es/courses/")
    assert catalogue.status_code == 200
    text = catalogue.content.decode()
    assert '<html lang="es"' in text and "El catálogo de prueba." in text and "Primer curso" in text
    course = client.get("/es/courses/first/")
    assert course.status_code == 200 and "Introducción" in course.content.decode()
    assert "Uno en español" in course.content.decode()  # the module list shows the Spanish titles
    assert client.get("/courses/first/").status_code == 200
    assert "First course" in client.get("/courses/first/").content.decode()


def test_the_crisis_course_is_translated_block_for_block():
    """Every crisis-response module has a Spanish file with the English file's blocks in the same order,
    and keeps its crisis numbers (written as digits, so the site links them)."""
    course = read_curriculum().course("crisis-response")
    assert course.translations.get("es").fields["title"].startswith("Respuesta a crisis")
    for module in course.modules:
        spanish = module.translations.get("es")
        assert spanish is not None, module.source
        assert [kind for kind, _ in spanish.content] == [kind for kind, _ in module.body], spanish.source
        english_text, spanish_text = str(module.body), str(spanish.content)
        for number in ("988", "911", "1-800-662-4357"):
            if number in english_text:
                assert number in spanish_text, (spanish.source, number)
        if "988" in english_text:
            assert "oprime 2" in spanish_text, spanish.source


def test_seed_demo_curriculum_serves_the_spanish_crisis_module(client, home):
    from courses.seed import seed_courses

    seed_courses(home=home, users={})
    module = ModulePage.objects.get(slug="overdose-naloxone", locale__language_code="es")
    client.force_login(ProgramAdminFactory())
    response = client.get(module.url)
    html = response.content.decode()
    assert response.status_code == 200 and '<html lang="es"' in html
    assert "Sobredosis de opioides" in html and "naloxona" in html and 'href="tel:911"' in html
    assert client.get("/es/courses/crisis-response/").status_code == 200


def test_the_spanish_module_journal_writes_to_the_english_modules_prompt(client, home, tmp_path):
    """A reflection written on the Spanish page belongs to the English module's prompt (one record in
    either language), so a module that requires it completes whichever page the trainee used."""
    from courses.journal.models import JournalEntry

    load_curriculum(with_spanish(tmp_path), home=home)
    english_module = ModulePage.objects.get(slug="one", locale__language_code="en")
    module = _spanish(ModulePage, "one")
    [(english_block, _prompt)] = english_module.reflection_prompts()
    client.force_login(trainee := _enrolled_trainee(english_module.get_parent().specific))
    html = client.get(module.url).content.decode()
    write = reverse("courses:journal-write", args=[english_module.pk, english_block])
    assert f'action="{write}"' in html and "Piensa en ello." in html
    assert client.post(write, {f"journal-{english_block}-text": "Lo que noté hoy."}).status_code == 302
    entry = JournalEntry.objects.get(trainee=trainee)
    assert (entry.module_id, entry.block_id) == (english_module.pk, english_block)
    assert "Lo que noté hoy." in client.get(module.url).content.decode()  # shown on the Spanish page


def test_the_spanish_modules_journal_answers_on_the_spanish_page(client, home, tmp_path):
    """Saving, a refused save, sharing and a refused completion all come back to the page the trainee
    was reading, in Spanish; a posted page that is not this module's translation is ignored."""
    from courses.journal.models import JournalEntry

    load_curriculum(with_spanish(tmp_path), home=home)
    english_module = ModulePage.objects.get(slug="one", locale__language_code="en")
    english_module.requires_reflection = True
    english_module.save(update_fields=["requires_reflection"])
    english_module.get_assessment().delete()  # completed by the trainee's button, not a quiz
    module = _spanish(ModulePage, "one")
    [(block, _prompt)] = english_module.reflection_prompts()
    client.force_login(_enrolled_trainee(english_module.get_parent().specific))
    html = client.get(module.url).content.decode()
    assert f'name="page" value="{module.pk}"' in html

    complete = reverse("courses:module-complete", args=[module.pk])
    refused = client.post(complete)
    assert refused.status_code == 403 and '<html lang="es"' in refused.content.decode()

    write = reverse("courses:journal-write", args=[english_module.pk, block])
    empty = client.post(write, {"page": module.pk, f"journal-{block}-text": "   "})
    assert empty.status_code == 422
    assert '<html lang="es"' in empty.content.decode() and "Piensa en ello." in empty.content.decode()
    assert not JournalEntry.objects.exists()  # nothing half-done

    saved = client.post(write, {"page": module.pk, f"journal-{block}-text": "Lo que noté hoy."})
    assert saved.status_code == 302 and saved["Location"] == f"{module.url}#journal-{block}"
    entry = JournalEntry.objects.get()
    shared = client.post(
        reverse("courses:journal-share", args=[entry.pk]), {"share": "1", "back": "module", "page": module.pk}
    )
    assert shared["Location"] == f"{module.url}#journal-{block}"

    other = ModulePage.objects.exclude(translation_key=english_module.translation_key).live().first()
    for bad in (other.pk, "x", ""):
        response = client.post(write, {"page": bad, f"journal-{block}-text": "Otra vez."})
        assert response["Location"] == f"{english_module.url}#journal-{block}"
