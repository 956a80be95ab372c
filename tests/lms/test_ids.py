"""Ids out of range (0, negative, 2**63 and more) answer 404 (or the API's documented 422 for body and
query ids), never 500, on every page and API path that takes an id.

The URL patterns are found by walking the project's URLconf, so a new `<id:...>` page or `{id:...}`
API path is covered without editing this file, and a new `<int:...>` fails `test_no_unbounded_int`."""

import json
import re

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, resolve
from django.urls.exceptions import Resolver404
from jsonschema import validate

from lms.api import api
from lms.converters import MAX_ID, parse_id
from tests import factories

pytestmark = pytest.mark.django_db

OUT_OF_RANGE = [2**63, 2**64, 10**30, 0, -1]
PROJECT_APPS = ("lms.", "cms.", "courses.", "assessments.", "certificates.")
PARAM = re.compile(r"<(?:(\w+):)?(\w+)>")
FILLERS = {"str": "approve", "slug": "x", "path": "x", "uuid": "00000000-0000-0000-0000-000000000000"}


def _walk(patterns, prefix=""):
    for p in patterns:
        route = str(p.pattern)
        if isinstance(p, URLResolver):
            yield from _walk(p.url_patterns, prefix + route)
        elif isinstance(p, URLPattern):
            yield prefix + route, p


def _ours(route: str, pattern: URLPattern) -> bool:
    """The project's own pages and every API operation (ninja's views live in ninja's module)."""
    return route.startswith("api/v1/") or pattern.lookup_str.startswith(PROJECT_APPS)


def _id_routes() -> list[str]:
    return sorted(
        route
        for route, p in _walk(get_resolver().url_patterns)
        if re.search(r"<(id|int):", route) and _ours(route, p)
    )


def _fill(route: str, value) -> str:
    """A concrete URL: `value` in every id, a plausible word in every other parameter."""

    def sub(m):
        kind = m.group(1) or "str"
        return str(value) if kind in ("id", "int") else FILLERS.get(kind, "x")

    return "/" + PARAM.sub(sub, route)


ID_ROUTES = _id_routes()


def _reaches_a_view(url: str) -> bool:
    """False when only a catch-all takes the URL: the API's JSON 404 or Wagtail's page serving."""
    try:
        match = resolve(url)
    except Resolver404:
        return False
    return not (match.url_name == "api-not-found" or match.func.__module__.startswith("wagtail"))


def test_routes_found():
    # 29 pages and admin views + 22 API paths at the time of writing; a collapse of the walk would
    # make the parametrized tests below vacuous.
    assert len([r for r in ID_ROUTES if r.startswith("api/")]) >= 20
    assert len([r for r in ID_ROUTES if not r.startswith("api/")]) >= 25


def test_no_unbounded_int():
    """Every id in the project's URLs uses the bounded converter: `<int:...>` lets 2**63 reach the ORM.
    Wagtail's admin viewsets pick their own converter from the model's primary key; their look-ups are
    exact matches that Django bounds, and test_out_of_range_id_is_not_found requests them too."""
    unbounded = [
        route
        for route, p in _walk(get_resolver().url_patterns)
        if _ours(route, p) and re.search(r"<int:", route) and not route.startswith("admin/")
    ]
    assert unbounded == []


@pytest.mark.parametrize("route", ID_ROUTES)
@pytest.mark.parametrize("value", OUT_OF_RANGE)
def test_out_of_range_id_is_not_found(client, route, value):
    url = _fill(route, value)
    if "<id:" in route:
        assert not _reaches_a_view(url)
    admin = factories.ProgramAdminFactory(is_superuser=True)
    client.force_login(admin)
    for method in ("get", "post"):
        response = getattr(client, method)(url)
        assert response.status_code == 404, (method, url, response.status_code)
        if url.startswith("/api/"):
            assert response["Content-Type"].startswith("application/json")
            body = response.json()
            assert body["code"] == "not_found"


@pytest.mark.parametrize("route", ID_ROUTES)
def test_largest_id_is_routed(client, route):
    """The largest id still reaches the view (which finds nothing): the converter is not too strict."""
    url = _fill(route, MAX_ID)
    match = resolve(url)
    assert MAX_ID in match.kwargs.values()
    client.force_login(factories.ProgramAdminFactory(is_superuser=True))
    response = client.get(url)
    assert response.status_code < 500, (url, response.status_code)


@pytest.mark.parametrize(
    "text,expected",
    [
        ("1", 1),
        (str(MAX_ID), MAX_ID),
        (str(2**63), None),
        ("0", None),
        ("-1", None),
        ("1e3", None),
        ("", None),
        (None, None),
        ("١٢", None),
        (" 7 ", 7),
    ],
)
def test_parse_id(text, expected):
    assert parse_id(text) == expected


# --- ids inside API bodies and query strings -------------------------------------------------------


def _resolve_ref(schema, components):
    while "$ref" in schema:
        schema = components[schema["$ref"].split("/")[-1]]
    return schema


def _id_fields(schema, components, path=""):
    """(path, integer schema) for every property named *_id / *_ids, through $refs, arrays, anyOf."""
    schema = _resolve_ref(schema, components)
    for option in schema.get("anyOf", []):
        yield from _id_fields(option, components, path)
    if schema.get("type") == "array" and "items" in schema:
        yield from _id_fields(schema["items"], components, path + "[]")
    for name, prop in schema.get("properties", {}).items():
        prop = _resolve_ref(prop, components)
        if name.endswith(("_id", "_ids")) or name == "id":
            for leaf in _integer_leaves(prop, components):
                yield f"{path}.{name}", leaf
        yield from _id_fields(prop, components, f"{path}.{name}")


def _integer_leaves(schema, components):
    schema = _resolve_ref(schema, components)
    if schema.get("type") == "integer":
        yield schema
    for option in schema.get("anyOf", []):
        yield from _integer_leaves(option, components)
    if schema.get("type") == "array":
        yield from _integer_leaves(schema["items"], components)


def _openapi():
    return api.get_openapi_schema()


def test_every_id_in_bodies_and_queries_is_bounded():
    schema = _openapi()
    components = schema["components"]["schemas"]
    unbounded, seen = [], 0
    for path, ops in schema["paths"].items():
        for method, op in ops.items():
            where = f"{method.upper()} {path}"
            for param in op.get("parameters", []):
                if param["name"].endswith("_id"):
                    for leaf in _integer_leaves(param["schema"], components):
                        seen += 1
                        if leaf.get("minimum") != 1 or leaf.get("maximum") != MAX_ID:
                            unbounded.append(f"{where} {param['in']} {param['name']}")
            for content in op.get("requestBody", {}).get("content", {}).values():
                for field, leaf in _id_fields(content["schema"], components):
                    seen += 1
                    if leaf.get("minimum") != 1 or leaf.get("maximum") != MAX_ID:
                        unbounded.append(f"{where} body {field}")
    assert seen >= 30
    assert unbounded == []


def _post_json(client, url, body, method="post"):
    return getattr(client, method)(url, data=json.dumps(body), content_type="application/json")


def _assert_refused(response, *codes):
    assert response.status_code in codes, (response.status_code, response.content[:300])
    assert response["Content-Type"].startswith("application/json")
    components = _openapi()["components"]["schemas"]
    validate(response.json(), {**components["ErrorOut"], "components": {"schemas": components}})


@pytest.mark.parametrize("value", [2**63, 10**30, 0, -1])
def test_hours_supervisor_id_out_of_range(client, trainee, value):
    client.force_login(trainee)
    body = {"date": "2024-01-02", "hours": "2", "supervisor_id": value}
    _assert_refused(_post_json(client, "/api/v1/hours", body), 422)


@pytest.mark.parametrize("value", [2**63, 10**30])
def test_application_version_id_out_of_range(client, trainee, value):
    client.force_login(trainee)
    _assert_refused(_post_json(client, "/api/v1/certificates/applications", {"version_id": value}), 422)


@pytest.mark.parametrize("value", [2**63, 10**30])
def test_bulk_decision_entry_ids_out_of_range(client, supervisor, value):
    client.force_login(supervisor)
    body = {"approve": True, "entry_ids": [value]}
    _assert_refused(_post_json(client, "/api/v1/supervision/decisions", body), 422)


@pytest.mark.parametrize("value", [2**63, 10**30, 0])
def test_query_user_id_out_of_range(client, program_admin, value):
    client.force_login(program_admin)
    response = client.get(f"/api/v1/programs/any/exam-results?user_id={value}")
    _assert_refused(response, 422)


# --- ids posted in HTML forms ----------------------------------------------------------------------


@pytest.mark.parametrize("value", [str(2**63), str(10**30), "0", "-1", "abc", ""])
def test_apply_form_version_out_of_range(client, trainee, value):
    client.force_login(trainee)
    response = client.post("/certificates/apply/", {"version": value})
    assert response.status_code == 404
