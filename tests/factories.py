"""factory_boy factories shared by every test module. Wagtail pages are created under a real page tree
(see `catalogue` in conftest.py) with `parent.add_child(instance=...)`."""

from decimal import Decimal

import factory
from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth.models import Group
from wagtail.models import Locale, Page, Site

from cms.models import HomePage
from courses.models import CatalogPage, CompetencyDomain, CoursePage, ModulePage
from lms import roles
from lms.models import User

PASSWORD = "correct-horse-battery-staple"


def _with_roles(default=()):
    """Post-generation hook adding the user to role groups; `roles=[...]` at call time overrides the
    default. (A plain list as a subclass attribute would be passed to User() as a field.)"""

    def hook(obj, create, extracted, **kwargs):
        names = default if extracted is None else extracted
        if create:
            for name in names:
                obj.groups.add(Group.objects.get_or_create(name=name)[0])
            obj.save()
            # A confirmed address, as after allauth's email confirmation, so the user can log in.
            EmailAddress.objects.get_or_create(
                user=obj, email=obj.email, defaults={"verified": True, "primary": True}
            )

    return factory.PostGeneration(hook)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    full_name = factory.Faker("name")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    roles = _with_roles()


class TraineeFactory(UserFactory):
    roles = _with_roles([roles.TRAINEE])


class InstructorFactory(UserFactory):
    roles = _with_roles([roles.INSTRUCTOR])
    is_staff = True


class SupervisorFactory(UserFactory):
    roles = _with_roles([roles.SUPERVISOR])


class ProgramAdminFactory(UserFactory):
    roles = _with_roles([roles.PROGRAM_ADMIN])
    is_staff = True


class DomainFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CompetencyDomain
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"domain-{n}")
    name = factory.LazyAttribute(lambda o: o.slug.replace("-", " ").title())


def _body(text="Learning text."):
    return [("paragraph", f"<p>{text}</p>")]


def make_course(
    parent: CatalogPage, *, title="Course", prerequisites=(), instructors=(), domains=(), **fields
):
    course = CoursePage(
        title=title,
        summary=fields.pop("summary", f"About {title}"),
        estimated_hours=fields.pop("estimated_hours", Decimal("3")),
        **fields,
    )
    parent.add_child(instance=course)
    course.save_revision().publish()
    if prerequisites or instructors or domains:
        course.prerequisites.set(prerequisites)
        course.instructors.set(instructors)
        course.domains.set(domains)
        course.save_revision().publish()
    return CoursePage.objects.get(pk=course.pk)


def make_module(
    course: CoursePage, *, title="Module", hours=Decimal("1.5"), domain=None, live=True, **fields
):
    module = ModulePage(
        title=title,
        body=fields.pop("body", _body(f"Text of {title}.")),
        training_hours=hours,
        domain=domain,
        estimated_minutes=fields.pop("estimated_minutes", 30),
        **fields,
    )
    course.add_child(instance=module)
    revision = module.save_revision()
    if live:
        revision.publish()
    else:
        module.unpublish()
    return ModulePage.objects.get(pk=module.pk)


def make_home(*, slug: str = "home-lms"):
    """The site's home page, replacing Wagtail's default welcome page as the site root (the existing
    one if there is one)."""
    existing = HomePage.objects.first()
    if existing:
        return existing
    root = Page.get_first_root_node()
    if root is None:
        # A transactional test ran earlier in this worker and flushed what the migrations created.
        Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
        root = Page.add_root(instance=Page(title="Root", slug="root"))
    home = HomePage(title="Home", slug=slug)
    root.add_child(instance=home)
    home.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).first() or Site(
        hostname="localhost", port=80, is_default_site=True
    )
    site.root_page = home
    site.save()
    Site.clear_site_root_paths_cache()
    return home
