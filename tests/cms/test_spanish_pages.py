"""The Spanish home and content pages (cms/content/*.es.md), made by seed_site as translations of the
English pages and served under /es/ with lang="es"; the English pages are unchanged."""

import pytest
from wagtail.models import Page, Revision

from cms.models import ContentPage, HomePage
from cms.seed import seed_site
from cms.translations import CONTENT_DIR, load_page_translations, read_pages
from courses.curriculum.data import CurriculumError

pytestmark = pytest.mark.django_db


def test_every_spanish_file_translates_a_seeded_page():
    from cms.seed_content import CONTENT_PAGES

    pages = read_pages()
    assert {p["slug"] for p in pages} == {"home"} | {spec["slug"] for spec in CONTENT_PAGES}


def test_the_spanish_pages_are_served_at_es(client):
    home = seed_site()
    spanish_home = HomePage.objects.get(locale__language_code="es")
    assert spanish_home.translation_key == home.translation_key and spanish_home.live
    response = client.get("/es/")
    html = response.content.decode()
    assert response.status_code == 200 and '<html lang="es"' in html
    assert "Fórmate como especialista certificado de apoyo entre pares" in html
    help_page = client.get("/es/getting-help/").content.decode()
    assert "oprime 2 para hablar en español" in help_page and 'href="tel:988"' in help_page
    assert "1-800-662-4357" in help_page
    about = client.get("/es/about/").content.decode()
    assert 'href="/es/getting-help/"' in about and "Lo que no somos" in about
    english = client.get("/").content.decode()
    assert '<html lang="en"' in english and "Train to become a certified peer support specialist" in english
    assert "Fórmate" not in english


def test_seeding_again_changes_nothing():
    seed_site()
    before = list(Page.objects.order_by("path").values_list("pk", "title", "latest_revision_id"))
    revisions = Revision.objects.count()
    seed_site()
    assert list(Page.objects.order_by("path").values_list("pk", "title", "latest_revision_id")) == before
    assert Revision.objects.count() == revisions


def test_an_editors_spanish_page_is_left_alone():
    seed_site()
    about = ContentPage.objects.get(slug="about", locale__language_code="es")
    about.title = "Sobre nosotros"
    about.save_revision().publish()
    seed_site()
    assert ContentPage.objects.get(pk=about.pk).title == "Sobre nosotros"


def test_a_spanish_file_without_an_english_page_is_a_clear_error(tmp_path):
    home = seed_site()
    (tmp_path / "missing.es.md").write_text(
        "---\ntitle: Falta\nsummary: x\n---\n\nTexto.\n", encoding="utf-8"
    )
    (tmp_path / "bad.es.md").write_text("---\ntitle: Mal\nslug: bad\n---\n\nTexto.\n", encoding="utf-8")
    with pytest.raises(CurriculumError) as error:
        read_pages(tmp_path)
    assert any(str(p).startswith("bad.es.md:3: unknown field 'slug'") for p in error.value.problems)
    (tmp_path / "bad.es.md").unlink()
    with pytest.raises(CurriculumError, match="missing.es.md:1: there is no English page /missing/"):
        load_page_translations(home, tmp_path)
    assert CONTENT_DIR.is_dir()
