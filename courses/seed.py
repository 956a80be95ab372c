"""Build the catalogue and the starter curriculum (courses.seed_data.curriculum) as Wagtail pages.
Idempotent: pages are found by slug and updated in place, so running it twice changes nothing but adds a
revision. Quizzes and final exams are seeded by the assessments app from the same curriculum data."""

from decimal import Decimal

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission

from lms import roles

from . import selectors, services
from .models import CatalogPage, CompetencyDomain, CoursePage, Enrollment, ModulePage, ModuleProgress

CATALOG_SLUG = "courses"
CATALOG_TITLE = "Courses"
CATALOG_INTRO = (
    "<p>Training for peer support specialists, written by people who do the work. Each course counts "
    "toward the training hours a certification body asks for, in the competency domains shown on it. "
    "Take the modules in order, at your own pace, on any device.</p>"
)

# Wagtail page permissions on the catalogue (and so on every course and module under it).
PAGE_PERMISSIONS = {
    roles.INSTRUCTOR: ["add_page", "change_page"],
    roles.PROGRAM_ADMIN: ["add_page", "change_page", "publish_page"],
}
# Snippet (model) permissions for competency domains.
DOMAIN_PERMISSIONS = {roles.PROGRAM_ADMIN: ["add", "change", "delete", "view"]}
# Authors attach downloadable resources to modules: document permissions on the root collection.
DOCUMENT_PERMISSIONS = ["add_document", "change_document", "choose_document"]


def _curriculum():
    from .seed_data import curriculum

    return curriculum


def _seed_domains(domain_data) -> dict[str, CompetencyDomain]:
    result = {d.slug: d for d in CompetencyDomain.objects.all()}  # domains an administrator added too
    for order, data in enumerate(domain_data, start=1):
        domain, _ = CompetencyDomain.objects.update_or_create(
            slug=data["slug"],
            defaults={"name": data["name"], "description": data.get("description", ""), "sort_order": order},
        )
        result[domain.slug] = domain
    return result


def _publish(page):
    page.save_revision().publish()
    return page


def _catalog(home) -> CatalogPage:
    catalog = CatalogPage.objects.child_of(home).filter(slug=CATALOG_SLUG).first()
    if catalog is None:
        catalog = CatalogPage(title=CATALOG_TITLE, slug=CATALOG_SLUG, intro=CATALOG_INTRO)
        home.add_child(instance=catalog)
    else:
        catalog.title, catalog.intro = CATALOG_TITLE, CATALOG_INTRO
    return _publish(catalog)


def _upsert_course(catalog, data, domains) -> CoursePage:
    course = CoursePage.objects.child_of(catalog).filter(slug=data["slug"]).first()
    is_new = course is None
    if is_new:
        course = CoursePage(slug=data["slug"])
    course.title = data["title"]
    course.summary = data["summary"]
    course.audience = data.get("audience", "")
    course.intro = data.get("intro", "")
    course.estimated_hours = Decimal(str(data.get("estimated_hours", 0)))
    course.ce_eligible = bool(data.get("ce_eligible", False))
    if is_new:
        catalog.add_child(instance=course)
    course.domains.set([domains[slug] for slug in data.get("domains", [])])
    return course


def _upsert_module(course, data, domains) -> ModulePage:
    module = ModulePage.objects.child_of(course).filter(slug=data["slug"]).first()
    is_new = module is None
    if is_new:
        module = ModulePage(slug=data["slug"])
    module.title = data["title"]
    module.body = list(data["body"])
    module.estimated_minutes = data.get("estimated_minutes", 30)
    module.training_hours = Decimal(str(data.get("training_hours", 0)))
    module.domain = domains[data["domain"]] if data.get("domain") else None
    if is_new:
        course.add_child(instance=module)
    return _publish(module)


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
    their prerequisites, domains and instructor; grant authoring permissions; give the demo trainee a
    started course. `curriculum` (an object with DOMAINS and COURSES) defaults to the starter one."""
    curriculum = curriculum or _curriculum()
    domains = _seed_domains(curriculum.DOMAINS)
    catalog = _catalog(home)
    instructor = users.get("instructor")

    courses: dict[str, CoursePage] = {}
    for data in curriculum.COURSES:
        course = _upsert_course(catalog, data, domains)
        for module_data in data.get("modules", []):
            _upsert_module(course, module_data, domains)
        courses[data["slug"]] = course

    # Second pass: prerequisites may name any course of the curriculum.
    for data in curriculum.COURSES:
        course = courses[data["slug"]]
        course.prerequisites.set([courses[slug] for slug in data.get("prerequisites", [])])
        if instructor is not None and instructor not in course.instructors.all():
            course.instructors.add(instructor)
        _publish(course)
        courses[data["slug"]] = CoursePage.objects.get(pk=course.pk)

    _grant_permissions(catalog)
    trainee = users.get("trainee")
    if trainee is not None and curriculum.COURSES:
        _demo_progress(trainee=trainee, course=courses[curriculum.COURSES[0]["slug"]])
    return courses
