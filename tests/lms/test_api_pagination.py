"""Every paginated API list bounds ?limit= and ?offset=: past the bounds a 422 naming the field, never
a database error (PostgreSQL's LIMIT/OFFSET are 64-bit; SQLite's too)."""

import pytest

from lms.api import api
from lms.apipagination import MAX_OFFSET
from tests import factories as base
from tests.certificates.factories import ProgramFactory

pytestmark = pytest.mark.django_db

HUGE = "9" * 30


def _paginated_operations():
    schema = api.get_openapi_schema()
    for path, methods in schema["paths"].items():
        for method, operation in methods.items():
            names = {p["name"]: p for p in operation.get("parameters", []) if p.get("in") == "query"}
            if "limit" in names and "offset" in names:
                yield path, method, names


def test_every_paginated_operation_declares_its_bounds():
    found = list(_paginated_operations())
    assert len(found) >= 4, found
    for path, _method, params in found:
        assert params["limit"]["schema"].get("maximum") == 200, path
        assert params["offset"]["schema"].get("maximum") == MAX_OFFSET, path


@pytest.fixture
def people():
    return {
        "trainee": base.TraineeFactory(),
        "supervisor": base.SupervisorFactory(),
        "admin": base.ProgramAdminFactory(),
    }


@pytest.mark.parametrize(
    "who,url",
    [
        ("trainee", "/api/v1/hours"),
        ("supervisor", "/api/v1/supervision/queue"),
        ("admin", "/api/v1/programs/{slug}/eligibility"),
    ],
)
@pytest.mark.parametrize(
    "params,field",
    [
        ({"offset": HUGE}, "offset"),
        ({"offset": str(MAX_OFFSET + 1)}, "offset"),
        ({"offset": "9223372036854775808"}, "offset"),
        ({"limit": HUGE}, "limit"),
        ({"limit": "201"}, "limit"),
        ({"limit": "0"}, "limit"),
        ({"offset": "-1"}, "offset"),
    ],
)
def test_out_of_bounds_is_a_422_naming_the_field(client, people, who, url, params, field):
    client.force_login(people[who])
    response = client.get(url.format(slug=ProgramFactory().slug), params)
    assert response.status_code == 422, response.content[:300]
    assert field in response.content.decode()


@pytest.mark.parametrize("params", [{"limit": "200"}, {"offset": str(MAX_OFFSET)}, {}])
def test_within_bounds_answers(client, people, params):
    client.force_login(people["trainee"])
    response = client.get("/api/v1/hours", params)
    assert response.status_code == 200
    assert response.json()["count"] == 0
