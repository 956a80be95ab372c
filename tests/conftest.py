import os
import shutil

import pytest
from django.db import connection

from courses.models import CatalogPage

from . import factories


def pytest_collection_modifyitems(config, items):
    """Skip tests that need a service that is not configured, with a clear reason."""
    db_url = os.environ.get("DATABASE_URL", "")
    broker = os.environ.get("CELERY_BROKER_URL", "")
    for item in items:
        marker = item.get_closest_marker("django_db")
        if marker and marker.kwargs.get("transaction") and not marker.kwargs.get("serialized_rollback"):
            # A flush without it re-creates content types under new ids, and the next serialized test
            # then fails to reload them; with it, every transactional test leaves the migrations' data.
            raise pytest.UsageError(f"{item.nodeid}: transaction=True needs serialized_rollback=True")
        if "postgres" in item.keywords and not db_url.startswith("postgres"):
            item.add_marker(pytest.mark.skip(reason="needs PostgreSQL: set DATABASE_URL=postgres://..."))
        if "redis" in item.keywords and not broker.startswith("redis"):
            item.add_marker(pytest.mark.skip(reason="needs Redis: set CELERY_BROKER_URL=redis://..."))
        if "browser" in item.keywords and not (os.environ.get("RUN_BROWSER") and shutil.which("chromium")):
            item.add_marker(
                pytest.mark.skip(reason="browser journeys: set RUN_BROWSER=1 with /usr/bin/chromium")
            )


@pytest.fixture(autouse=True)
def _fresh_site_cache():
    """Each test starts with no cached Wagtail site (cms/sites.py): a rolled-back test's pages must
    never answer for the next one."""
    from cms.sites import forget_sites_now

    forget_sites_now()
    yield
    forget_sites_now()


@pytest.fixture(autouse=True)
def _english_between_tests():
    """A request answered in Spanish leaves Spanish active in the thread (lms.i18n.middleware): each
    test starts, and ends, in the site's language, so reverse() and gettext see English."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def home(db):
    """The site's home page, replacing Wagtail's default welcome page as the site root."""
    return factories.make_home()


@pytest.fixture
def catalogue(home):
    page = CatalogPage(title="Courses", slug="courses")
    home.add_child(instance=page)
    page.save_revision().publish()
    return CatalogPage.objects.get(pk=page.pk)


@pytest.fixture
def trainee(db):
    return factories.TraineeFactory()


@pytest.fixture
def other_trainee(db):
    return factories.TraineeFactory()


@pytest.fixture
def instructor(db):
    return factories.InstructorFactory()


@pytest.fixture
def supervisor(db):
    return factories.SupervisorFactory()


@pytest.fixture
def program_admin(db):
    return factories.ProgramAdminFactory()


@pytest.fixture
def is_postgres():
    return connection.vendor == "postgresql"
