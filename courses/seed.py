"""Build the catalogue and the starter curriculum (the files in courses/content/, loaded by
courses.curriculum) as Wagtail pages. Idempotent: pages are found by slug; an unchanged page is left
alone, a changed one gets one new published revision. Quizzes and final exams are loaded by the
assessments app from the same files."""

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission

from lms import roles

from . import selectors, services
from .curriculum.data import Curriculum
from .curriculum.pages import load_pages
from .curriculum.parse import read_curriculum
from .curriculum.report import LoadReport
from .curriculum.translate import load_translations
from .models import CatalogPage, CompetencyDomain, CoursePage, Enrollment, ModuleProgress

# Wagtail page permissions on the catalogue (and so on every course and module under it).
PAGE_PERMISSIONS = {
    roles.INSTRUCTOR: ["add_page", "change_page"],
    roles.PROGRAM_ADMIN: ["add_page", "change_page", "publish_page"],
}
# Snippet (model) permissions for competency domains.
DOMAIN_PERMISSIONS = {roles.PROGRAM_ADMIN: ["add", "change", "delete", "view"]}
# Authors attach downloadable resources to modules: document permissions on the root collection.
DOCUMENT_PERMISSIONS = ["add_document", "change_document", "choose_document"]


def read(curriculum=None) -> Curriculum:
    """The curriculum to seed: an already read one, a folder of files, or (None) courses/content/."""
    return curriculum if isinstance(curriculum, Curriculum) else read_curriculum(curriculum)


def _grant_permissions(catalog: CatalogPage) -> None:
    access_admin = Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    page_ct = ContentType.objects.get(app_label="wagtailcore", model="page")
    doc_ct = ContentType.objects.get(app_label="wagtaildocs", model="document")
    root_collection = Collection.get_first_root_node()
    for role, codenames in PAGE_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=role)
        group.permissions.add(access_admin)
        for codename in codenames:
            permission = Permission.objects.get(content_type=page_ct, codename=codename)
            GroupPagePermission.objects.get_or_create(group=group, page=catalog, permission=permission)
        for codename in DOCUMENT_PERMISSIONS:
            permission = Permission.objects.get(content_type=doc_ct, codename=codename)
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=root_collection, permission=permission
            )
    domain_ct = ContentType.objects.get_for_model(CompetencyDomain)
    for role, actions in DOMAIN_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=role)
        group.permissions.add(
            *Permission.objects.filter(
                content_type=domain_ct, codename__in=[f"{a}_{domain_ct.model}" for a in actions]
            )
        )


def _demo_progress(*, trainee, course: CoursePage) -> None:
    """The demo trainee is enrolled in the first course with its first module done. Modules may carry a
    quiz (seeded by the assessments app), so completion goes through `via_assessment=True`."""
    if not Enrollment.objects.filter(user=trainee, course=course).exists():
        services.enrollment_create(user=trainee, course=course)
    first = selectors.course_modules(course=course).first()
    if (
        first is not None
        and not ModuleProgress.objects.filter(enrollment__user=trainee, module=first).exists()
    ):
        services.module_complete(user=trainee, module=first, via_assessment=True)


@transaction.atomic
def seed_courses(*, home, users, curriculum=None) -> dict[str, CoursePage]:
    """Create or update the catalogue under `home` and the curriculum's courses and modules (published),
    their prerequisites, domains and the demo instructor; grant authoring permissions; give the demo
    trainee a started course. `curriculum`: see `read` (default: the files in courses/content/)."""
    curriculum = read(curriculum)
    instructor = users.get("instructor")
    report = LoadReport()
    courses = load_pages(curriculum, home=home, instructors=[instructor] if instructor else [], report=report)
    load_translations(curriculum, courses=courses, home=home, report=report)  # the *.es.md files, at /es/
    _grant_permissions(CatalogPage.objects.child_of(home).get(slug=curriculum.catalogue.slug))
    trainee = users.get("trainee")
    if trainee is not None and curriculum.courses:
        _demo_progress(trainee=trainee, course=courses[curriculum.courses[0].slug])
    return courses
