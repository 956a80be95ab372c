"""Every search box and its API twin answers a hostile ?q= (a NUL byte, control characters) with an
ordinary page, never a server error (PostgreSQL refuses NUL in a text parameter: found by fuzzing the
production-like stack)."""

import pytest

pytestmark = pytest.mark.django_db

HOSTILE = "Ja\x00mes\x07"


@pytest.mark.parametrize(
    "url",
    [
        lambda w, c: "/certification/manage/trainees/",
        lambda w, c: f"/certification/manage/programs/{w.program.slug}/cohort/",
        lambda w, c: f"/certificates/manage/programs/{w.program.slug}/",
        lambda w, c: f"/api/v1/programs/{w.program.slug}/eligibility",
        lambda w, c: c.url,
        lambda w, c: "/api/v1/courses",
    ],
    ids=["trainees", "cohort", "register", "cohort API", "catalogue", "catalogue API"],
)
def test_a_nul_in_a_search_is_dropped_not_a_server_error(client, world, catalogue, url):
    client.force_login(world.admin)
    response = client.get(url(world, catalogue), {"q": HOSTILE, "domain": "\x00"})
    assert response.status_code == 200
