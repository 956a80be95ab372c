"""Write the curriculum's domains, catalogue, courses and modules into the Wagtail tree.

Pages are matched by slug under their parent (modules under their course, courses under the
catalogue, the catalogue under the home page). A page whose live content already matches its file is
left alone: no save, no revision. A new page, or one whose file says something else, gets exactly one
new revision, published (as the demo seed always did: the files are the reviewed curriculum). Pages
under the catalogue that no file describes are left as they are and reported."""

from __future__ import annotations

from decimal import Decimal

from courses.activities.sync import sync_activities
from courses.models import CatalogPage, CompetencyDomain, CoursePage, ModulePage

from .data import Catalogue, Course, Curriculum, CurriculumError, Domain, Module
from .report import LoadReport


def _body_block():
    return ModulePage._meta.get_field("body").stream_block


def _stream(prep: list[dict]) -> list[tuple]:
    """A StreamField's stored form without the block ids (which are new on every save)."""
    return [(item["type"], item["value"]) for item in prep]


def _live_body(page: ModulePage) -> list[tuple]:
    return _stream(page.body.get_prep_value())


def _file_body(blocks) -> tuple[object, list[tuple]]:
    block = _body_block()
    value = block.normalize(list(blocks))
    return value, _stream(block.get_prep_value(value))


def _publish(page) -> None:
    page.save_revision().publish()


def load_domains(domains: list[Domain], report: LoadReport) -> dict[str, CompetencyDomain]:
    """Domains by slug: the files' (created or updated in place) and any an administrator added."""
    result = {d.slug: d for d in CompetencyDomain.objects.all()}
    for order, data in enumerate(domains, start=1):
        domain = result.get(data.slug)
        wanted = {"name": data.name, "description": data.description, "sort_order": order}
        if domain is None:
            domain = CompetencyDomain(slug=data.slug, **wanted)
            domain.full_clean()
            domain.save()
            result[data.slug] = domain
            report.created.append(f"domain {data.slug}")
        elif any(getattr(domain, k) != v for k, v in wanted.items()):
            for key, value in wanted.items():
                setattr(domain, key, value)
            domain.full_clean()
            domain.save()
            report.updated.append(f"domain {data.slug}")
        else:
            report.unchanged += 1
    return result


def load_catalogue(home, data: Catalogue, report: LoadReport) -> CatalogPage:
    catalog = CatalogPage.objects.child_of(home).filter(slug=data.slug).first()
    if catalog is None:
        catalog = CatalogPage(title=data.title, slug=data.slug, intro=data.intro)
        home.add_child(instance=catalog)
        _publish(catalog)
        report.created.append(f"catalogue /{data.slug}/ ({data.source})")
    elif (catalog.title, catalog.intro, catalog.live) != (data.title, data.intro, True):
        catalog.title, catalog.intro = data.title, data.intro
        _publish(catalog)
        report.updated.append(f"catalogue /{data.slug}/ ({data.source})")
    else:
        report.unchanged += 1
    return catalog


def _module_fields(data: Module, domains) -> dict:
    return {
        "title": data.title,
        "estimated_minutes": data.estimated_minutes,
        "training_hours": data.training_hours,
        "domain_id": domains[data.domain].pk,
        "delivery_mode": data.delivery_mode,
        "requires_reflection": data.requires_reflection,
    }


def _keep_reflection_ids(old: ModulePage, body) -> None:
    """Give the new body's reflection prompts the ids they had in the live body, so trainees' journal
    entries (courses.journal, keyed by the block's id) stay under their prompt when a file changes: a
    prompt with the same text keeps its id wherever it moved; the others take the remaining old ids in
    order (a reworded prompt is still the same question). A new prompt beyond them gets a new id."""
    old_prompts = old.reflection_prompts()
    if not old_prompts:
        return
    new_blocks = [child for child in body if child.block_type == "reflection"]
    unused = list(old_prompts)
    pending = []
    for child in new_blocks:
        same = next((pair for pair in unused if pair[1] == child.value["prompt"]), None)
        if same is None:
            pending.append(child)
        else:
            unused.remove(same)
            child.id = same[0]
    for child, (block_id, _prompt) in zip(pending, unused, strict=False):
        child.id = block_id


def load_module(course: CoursePage, data: Module, domains, report: LoadReport) -> ModulePage:
    module = ModulePage.objects.child_of(course).filter(slug=data.slug).first()
    fields = _module_fields(data, domains)
    body, body_stored = _file_body(data.body)
    where = f"module {course.slug}/{data.slug} ({data.source})"
    if module is None:
        module = ModulePage(slug=data.slug, body=body, **fields)
        course.add_child(instance=module)
        _publish(module)
        report.created.append(where)
        return module
    same = (
        all(getattr(module, k) == v for k, v in fields.items())
        and module.live
        and _live_body(module) == body_stored
    )
    if same:
        report.unchanged += 1
        return module
    for key, value in fields.items():
        setattr(module, key, value)
    _keep_reflection_ids(module, body)
    module.body = body
    _publish(module)
    report.updated.append(where)
    return module


def _order_modules(course: CoursePage, wanted: list[str], report: LoadReport) -> None:
    """Put the course's modules in the files' order (pages no file describes stay first)."""
    children = list(ModulePage.objects.child_of(course).order_by("path"))
    if [m.slug for m in children if m.slug in wanted] == wanted:
        return
    by_slug = {m.slug: m for m in children}
    for slug in wanted:
        ModulePage.objects.get(pk=by_slug[slug].pk).move(course, pos="last-child")
    report.updated.append(f"module order of {course.slug}: {', '.join(wanted)}")


def _course_fields(data: Course) -> dict:
    return {
        "title": data.title,
        "summary": data.summary,
        "audience": data.audience,
        "intro": data.intro,
        "estimated_hours": Decimal(data.estimated_hours),
        "ce_eligible": data.ce_eligible,
    }


def _ids(manager) -> set[int]:
    return {obj.pk for obj in manager.all()}


def _finish_course(course, data: Course, *, new: bool, domains, courses, instructors, report) -> CoursePage:
    """Second pass, once every course exists: fields, domains, prerequisites, instructors; one
    published revision when anything differs (always for a new course)."""
    fields = _course_fields(data)
    want_domains = {domains[slug].pk for slug in data.domains}
    want_prereqs = {courses[slug].pk for slug in data.prerequisites}
    have_instructors = _ids(course.instructors)
    want_instructors = have_instructors | {user.pk for user in instructors}
    same = (
        not new
        and course.live
        and all(getattr(course, k) == v for k, v in fields.items())
        and _ids(course.domains) == want_domains
        and _ids(course.prerequisites) == want_prereqs
        and have_instructors == want_instructors
    )
    where = f"course {data.slug} ({data.source})"
    if same:
        report.unchanged += 1
        return course
    for key, value in fields.items():
        setattr(course, key, value)
    course.domains.set(sorted(want_domains))
    course.prerequisites.set(sorted(want_prereqs))
    course.instructors.set(sorted(want_instructors))
    _publish(course)
    (report.created if new else report.updated).append(where)
    return CoursePage.objects.get(pk=course.pk)


def load_pages(curriculum: Curriculum, *, home, instructors=(), report: LoadReport) -> dict[str, CoursePage]:
    """Domains, catalogue, courses and modules. `instructors` (users) are added to every course's
    instructors (the demo's instructor). Returns the courses by slug, in the files' order."""
    domains = load_domains(curriculum.domains, report)
    catalog = load_catalogue(home, curriculum.catalogue, report)
    courses: dict[str, CoursePage] = {}
    new: set[str] = set()
    problems = []  # what would lose trainees' records: refuses the whole load (rolled back by the caller)
    for data in curriculum.courses:
        course = CoursePage.objects.child_of(catalog).filter(slug=data.slug).first()
        if course is None:
            course = CoursePage(slug=data.slug, **_course_fields(data))
            catalog.add_child(instance=course)
            new.add(data.slug)
        for module in data.modules:
            page = load_module(course, module, domains, report)
            problems += sync_activities(page, module, where=f"{data.slug}/{module.slug}", report=report)
        _order_modules(course, [m.slug for m in data.modules], report)
        described = {m.slug for m in data.modules}
        for other in ModulePage.objects.child_of(course).exclude(slug__in=described).order_by("path"):
            report.warnings.append(
                f"module {data.slug}/{other.slug} is not in the files: left as it is (unpublish it in the admin "
                "if it should go)"
            )
        courses[data.slug] = course
    for data in curriculum.courses:
        courses[data.slug] = _finish_course(
            courses[data.slug],
            data,
            new=data.slug in new,
            domains=domains,
            courses=courses,
            instructors=instructors,
            report=report,
        )
    for other in CoursePage.objects.child_of(catalog).exclude(slug__in=list(courses)).order_by("path"):
        report.warnings.append(f"course {other.slug} is not in the files: left as it is")
    if problems:
        raise CurriculumError(problems)
    return courses
