"""Progress rules through the services and what trainees see of them."""

from decimal import Decimal

import pytest
from django.apps import apps
from django.urls import reverse

from courses import selectors, services
from courses.models import Enrollment, ModuleProgress
from lms.errors import Forbidden
from tests.factories import DomainFactory

from .factories import course_with_modules

pytestmark = pytest.mark.django_db


def test_hours_per_domain_sum_fractions(catalogue, trainee):
    advocacy = DomainFactory(slug="adv-p")
    ethics = DomainFactory(slug="eth-p")
    a, a_modules = course_with_modules(catalogue, title="A", n=3, hours=Decimal("0.25"), domain=advocacy)
    b, b_modules = course_with_modules(catalogue, title="B", n=2, hours=Decimal("1.75"), domain=ethics)
    services.enrollment_create(user=trainee, course=a)
    services.enrollment_create(user=trainee, course=b)
    for m in a_modules + b_modules[:1]:
        services.module_complete(user=trainee, module=m)

    hours = {d.slug: h for d, h in selectors.training_hours_by_domain(user=trainee)}
    assert hours["adv-p"] == Decimal("0.75")
    assert hours["eth-p"] == Decimal("1.75")
    assert hours["advocacy"] == Decimal("0")
    assert selectors.progress_for(user=trainee).total_hours == Decimal("2.50")


def test_completion_records_the_revision_read_and_snapshots_credit(catalogue, trainee):
    domain = DomainFactory(slug="snap")
    course, modules = course_with_modules(catalogue, n=2, hours=Decimal("1.5"), domain=domain)
    module = modules[0]
    module.title = "Edited after publishing"
    module.save_revision().publish()
    module.refresh_from_db()
    services.enrollment_create(user=trainee, course=course)

    progress = services.module_complete(user=trainee, module=module)

    assert progress.revision_id == module.live_revision_id
    assert progress.revision.content["title"] == "Edited after publishing"
    module.training_hours = Decimal("9")
    module.save_revision().publish()
    progress.refresh_from_db()
    assert progress.hours_credited == Decimal("1.5")  # later edits never change what was credited


def test_enrolment_completes_when_every_module_is_done(client, catalogue, trainee):
    course, modules = course_with_modules(catalogue, n=3)
    enrollment = services.enrollment_create(user=trainee, course=course)
    for module in modules[:2]:
        services.module_complete(user=trainee, module=module)
    enrollment.refresh_from_db()
    assert enrollment.status == Enrollment.Status.ACTIVE
    services.module_complete(user=trainee, module=modules[2])
    enrollment.refresh_from_db()
    assert enrollment.status == Enrollment.Status.COMPLETED and enrollment.completed_at

    client.force_login(trainee)
    html = client.get(course.url).content.decode()
    assert "You have completed this course." in html
    assert 'aria-valuenow="100"' in html


def _assessment_for(module, course):
    try:
        Assessment = apps.get_model("assessments", "Assessment")
    except LookupError:
        pytest.skip("the assessments app is not installed")
    return Assessment.objects.create(title=f"Quiz: {module.title}", course=course, module=module)


def test_module_with_assessment_is_completed_only_through_it(client, catalogue, trainee):
    course, modules = course_with_modules(catalogue, n=2)
    assessment = _assessment_for(modules[0], course)
    services.enrollment_create(user=trainee, course=course)
    client.force_login(trainee)

    html = client.get(modules[0].url).content.decode()
    assert "Mark as complete" not in html
    assert reverse("courses:module-complete", args=[modules[0].pk]) not in html
    assert assessment.title in html or "completed by passing its assessment" in html

    api = client.post(f"/api/v1/modules/{modules[0].pk}/complete")
    assert api.status_code == 403 and api.json()["code"] == "assessment_required"
    page = client.post(reverse("courses:module-complete", args=[modules[0].pk]))
    assert page.status_code == 403
    assert ModuleProgress.objects.count() == 0

    with pytest.raises(Forbidden):
        services.module_complete(user=trainee, module=modules[0])
    services.module_complete(user=trainee, module=modules[0], via_assessment=True)
    assert ModuleProgress.objects.filter(module=modules[0]).count() == 1
