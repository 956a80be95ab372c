"""No recovery date reaches anyone but the trainee and program administrators: every page and API
response that anonymous visitors, another trainee, an instructor or the trainee's own supervisor can
fetch is searched for the recovery start date and the date recovery time is met, in common formats."""

import re
import uuid
from decimal import Decimal

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from courses.models import CompetencyDomain
from lms.api import api
from tests.factories import make_course, make_module

from .conftest import date_formats

pytestmark = pytest.mark.django_db

NAMESPACES = ["certificates", "courses", "assessments"]
EXTRA_PATHS = [
    "/",
    "/django-admin/",
    "/django-admin/lms/auditevent/",
    "/admin/",
    "/admin/credentials/programs/",
]
PARAM = re.compile(r"<(?:(?P<conv>\w+):)?(?P<name>\w+)>")


def _walk(resolver, prefix=""):
    for pattern in resolver.url_patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            yield from _walk(pattern, route)
        elif isinstance(pattern, URLPattern):
            yield route


def _site_routes():
    root = get_resolver()
    for ns in NAMESPACES:
        prefix, resolver = root.namespace_dict[ns]
        for route in _walk(resolver, prefix):
            yield "/" + route.lstrip("^")


def _expand(route, values):
    """Every URL for `route`, trying each candidate value for each parameter."""
    urls = [route]
    for match in PARAM.finditer(route):
        conv, name = match.group("conv") or "str", match.group("name")
        candidates = values.get(name) or values.get(f"<{conv}>") or ["x"]
        urls = [u.replace(match.group(0), str(c), 1) for u in urls for c in candidates]
    return urls


def _api_routes():
    schema = api.get_openapi_schema(path_prefix="/api/v1/")
    for path, operations in schema["paths"].items():
        if "get" in operations:
            yield re.sub(r"\{(\w+)\}", r"<\1>", path)


def _body(response):
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content).decode("utf-8", "replace")
    return response.content.decode("utf-8", "replace")


@pytest.fixture
def pages(world, catalogue):
    course = make_course(catalogue, title="Listening", instructors=[world.instructor])
    module = make_module(course, title="Reflections", domain=CompetencyDomain.objects.get(slug="advocacy"))
    ints = [world.pending.pk, world.entry.pk, world.training.pk, world.trainee.pk, course.pk, module.pk]
    values = {
        "slug": [world.program.slug],
        "user_id": [world.trainee.pk],
        "assignment_id": [world.assignment.pk],
        "course_id": [course.pk],
        "module_id": [module.pk],
        "pk": ints,
        "entry_id": [world.entry.pk, world.pending.pk],
        "uuid": [uuid.uuid4()],
        "<int>": ints[:3],
    }
    urls = set(EXTRA_PATHS) | {course.url, module.url, catalogue.url}
    for route in list(_site_routes()) + list(_api_routes()):
        urls.update(_expand(route, values))
    return sorted(u for u in urls if u)


@pytest.mark.parametrize("viewer", ["anonymous", "other_trainee", "instructor", "supervisor"])
def test_no_recovery_date_for_non_owners(client, world, pages, viewer):
    needles = date_formats(world.recovery_start) + date_formats(world.recovery_met_on)
    # The supervisor's own decision responses count too: approve the trainee's pending entry.
    if viewer != "anonymous":
        client.force_login(getattr(world, viewer))
    fetched = 0
    for url in pages:
        response = client.get(url)
        if response.status_code in (301, 302):
            response = client.get(url, follow=True)
        body = _body(response)
        fetched += 1
        for needle in needles:
            assert needle not in body, f"{viewer} saw a recovery date ({needle}) at {url}"
        assert "months of recovery" not in body, f"{viewer} saw recovery months at {url}"
    if viewer == "supervisor":
        response = client.post(
            f"/api/v1/hours/{world.pending.pk}/decision", {"approve": True}, content_type="application/json"
        )
        assert response.status_code == 200
        assert not any(n in response.content.decode() for n in needles)
    assert fetched > 60


def test_owner_and_program_admin_do_see_it(client, world):
    """The control: the same search finds the dates where they are allowed, so the sweep can fail."""
    long = date_formats(world.recovery_start)[3]
    client.force_login(world.trainee)
    assert long in _body(client.get("/certification/recovery/"))
    assert world.recovery_met_on.isoformat() in _body(client.get("/api/v1/eligibility"))
    assert world.recovery_start.isoformat() in _body(client.get("/api/v1/recovery-attestation"))
    client.force_login(world.admin)
    assert long in _body(client.get(f"/certification/manage/trainees/{world.trainee.pk}/?recovery=1"))


def test_snapshot_for_certificates_has_no_recovery(world):
    from certificates.eligibility import eligibility_for

    snap = eligibility_for(user=world.trainee, version=world.version).snapshot()
    text = repr(snap)
    assert not any(
        n in text for n in date_formats(world.recovery_start) + date_formats(world.recovery_met_on)
    )
    assert snap["practice_hours"] == "4" and snap["training_hours_by_domain"] == {"advocacy": "3"}
    assert Decimal(snap["training_hours_total"]) == Decimal("3")
