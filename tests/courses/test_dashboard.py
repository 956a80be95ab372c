from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from courses import services
from courses.models import CompetencyDomain
from tests.factories import DomainFactory

from .factories import assert_accessible_basics, course_with_modules

pytestmark = pytest.mark.django_db
URL = reverse("courses:dashboard")


def _owner(trainee, catalogue):
    course, modules = course_with_modules(catalogue, title="Owner course", n=2)
    services.enrollment_create(user=trainee, course=course)
    services.module_complete(user=trainee, module=modules[0])
    return course, modules


@pytest.mark.parametrize("who", ["anonymous", "other_trainee", "owner"])
def test_dashboard_permission_matrix(client, catalogue, trainee, other_trainee, who):
    _owner(trainee, catalogue)
    if who == "other_trainee":
        client.force_login(other_trainee)
    elif who == "owner":
        client.force_login(trainee)
    response = client.get(URL)
    if who == "anonymous":
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("account_login"))
        return
    assert response.status_code == 200
    html = response.content.decode()
    if who == "other_trainee":
        assert "Owner course" not in html  # another trainee's progress is never shown
        assert "You are not enrolled in a course yet" in html
    else:
        assert "Owner course" in html
        assert "1 of 2 modules done" in html
        assert 'aria-valuenow="50"' in html


def test_dashboard_hours_per_domain_next_step_and_completed(client, catalogue, trainee):
    advocacy = DomainFactory(slug="adv-d", name="Advocacy D")
    ethics = DomainFactory(slug="eth-d", name="Ethics D")
    done_course, done_modules = course_with_modules(
        catalogue, title="Done course", n=2, hours=Decimal("1.25"), domain=advocacy
    )
    active, active_modules = course_with_modules(
        catalogue, title="Active course", n=3, hours=Decimal("0.5"), domain=ethics
    )
    services.enrollment_create(user=trainee, course=done_course)
    for m in done_modules:
        services.module_complete(user=trainee, module=m)
    services.enrollment_create(user=trainee, course=active)
    services.module_complete(user=trainee, module=active_modules[0])

    client.force_login(trainee)
    html = client.get(URL).content.decode()

    assert '<th scope="row">Advocacy D</th><td>2.5</td>' in html
    assert '<th scope="row">Ethics D</th><td>0.5</td>' in html
    for domain in CompetencyDomain.objects.exclude(pk__in=[advocacy.pk, ethics.pk]):
        assert f'<th scope="row">{domain.name}</th><td>0</td>' in html  # every domain, zero included
    assert "<strong>3</strong>" in html  # total 2.5 + 0.5
    next_step = html.split('id="next-step"')[1].split("</section>")[0]
    assert "Active course module 2" in next_step
    assert f'href="{active_modules[1].url}"' in next_step
    completed = html.split('id="completed"')[1].split("</section>")[0]
    assert "Done course" in completed
    assert_accessible_basics(html)


def test_next_step_follows_most_recently_active_course(client, catalogue, trainee):
    a, a_modules = course_with_modules(catalogue, title="Course A", n=2)
    b, b_modules = course_with_modules(catalogue, title="Course B", n=2)
    services.enrollment_create(user=trainee, course=b)
    services.enrollment_create(user=trainee, course=a)
    services.module_complete(user=trainee, module=b_modules[0])  # B touched last
    client.force_login(trainee)
    html = client.get(URL).content.decode()
    next_step = html.split('id="next-step"')[1].split("</section>")[0]
    assert "Course B module 2" in next_step


def _dashboard_queries(client):
    client.get(URL)  # warm: the site cache fills on the first request after a page change
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(URL)
    assert response.status_code == 200
    return len(ctx.captured_queries), response.content.decode()


def test_dashboard_queries_do_not_grow_with_courses(client, catalogue, trainee):
    def add_courses(start, stop):
        for i in range(start, stop):
            course, modules = course_with_modules(catalogue, title=f"C{i}", n=2)
            services.enrollment_create(user=trainee, course=course)
            services.module_complete(user=trainee, module=modules[0])
            if i % 3 == 0:
                services.module_complete(user=trainee, module=modules[1])  # some completed courses too

    client.force_login(trainee)
    add_courses(0, 3)
    _dashboard_queries(client)  # warm per-process caches (site root paths) so both sizes compare alike
    small, _ = _dashboard_queries(client)
    add_courses(3, 30)
    large, html = _dashboard_queries(client)
    assert html.count('role="progressbar"') == 20  # 20 in progress, 10 completed
    assert large == small, f"{small} queries at 3 courses, {large} at 30"
