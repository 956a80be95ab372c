"""Every API error is JSON in the one documented shape (ErrorOut), whoever raises it, and every
operation documents the error answers it can give."""

import json
import logging

import pytest
from django.test import Client
from jsonschema import validate
from ninja.operation import PathView

from lms.api import ERR_CSRF, ERR_SERVER, api
from lms.errors import applicable_errors
from tests import factories

pytestmark = pytest.mark.django_db

ERROR_REF = "#/components/schemas/ErrorOut"
# Documented 4xx answers that are reports rather than errors, each with why.
OWN_4XX_SCHEMAS = {
    # The CSV import's 422 lists every bad row ({line, message}); its detail and code are ErrorOut's.
    "POST /api/v1/programs/{slug}/exam-results/import 422",
}


@pytest.fixture(scope="module")
def openapi():
    return api.get_openapi_schema()


def _operations(schema):
    for path, ops in schema["paths"].items():
        for method, op in ops.items():
            yield f"{method.upper()} {path}", method, op


def assert_error_shape(response, status, code, openapi):
    assert response.status_code == status, response.content[:300]
    assert response["Content-Type"].startswith("application/json")
    body = response.json()
    components = openapi["components"]["schemas"]
    error_schema = components["ErrorOut"]
    validate(body, {**error_schema, "components": {"schemas": components}})
    assert set(body) <= set(error_schema["properties"])
    assert body["code"] == code
    return body


# --- documentation ---------------------------------------------------------------------------------


def test_every_operation_documents_its_errors(openapi):
    missing, wrong_schema = [], []
    for name, method, op in _operations(openapi):
        documented = {int(code) for code in op["responses"]}
        for code in applicable_errors(method, op):
            if code not in documented:
                missing.append(f"{name} {code}")
        for code, response in op["responses"].items():
            if 400 <= int(code) < 500:
                schema = response.get("content", {}).get("application/json", {}).get("schema", {})
                if schema.get("$ref") != ERROR_REF and f"{name} {code}" not in OWN_4XX_SCHEMAS:
                    wrong_schema.append(f"{name} {code}")
    assert missing == []
    assert wrong_schema == []


def test_courses_and_assessments_document_4xx(openapi):
    """The routes that used to document only their 200."""
    for name, method, op in _operations(openapi):
        if op.get("tags", [None])[0] in ("courses", "assessments") and applicable_errors(method, op):
            assert any(400 <= int(code) < 500 for code in op["responses"]), name
    by_name = {name: op for name, _, op in _operations(openapi)}
    assert {401, 403, 404, 409} <= {
        int(c) for c in by_name["POST /api/v1/courses/{course_id}/enrol"]["responses"]
    }
    assert {401, 403, 404, 409, 429} <= {
        int(c) for c in by_name["POST /api/v1/assessments/{assessment_id}/attempts"]["responses"]
    }
    assert {401, 403, 404, 422} <= {int(c) for c in by_name["GET /api/v1/gradebook/{course_id}"]["responses"]}


def test_error_schema_is_one_component(openapi):
    error = openapi["components"]["schemas"]["ErrorOut"]
    assert set(error["required"]) == {"detail", "code"}
    assert {"detail", "code", "field", "errors"} == set(error["properties"])
    assert "ErrorItem" in openapi["components"]["schemas"]


# --- each kind of error ----------------------------------------------------------------------------


def test_validation_error_is_documented_shape(client, trainee, openapi):
    client.force_login(trainee)
    response = client.post("/api/v1/hours", data="{}", content_type="application/json")
    body = assert_error_shape(response, 422, "invalid", openapi)
    assert isinstance(body["detail"], str)
    assert "date: Field required" in body["detail"]
    assert {"loc": ["body", "payload", "date"], "msg": "Field required", "type": "missing"} in body["errors"]


def test_validation_error_names_a_single_field(client, trainee, openapi):
    client.force_login(trainee)
    payload = {"date": "2024-01-02", "hours": "2", "supervisor_id": "abc"}
    response = client.post("/api/v1/hours", data=json.dumps(payload), content_type="application/json")
    body = assert_error_shape(response, 422, "invalid", openapi)
    assert body["field"] == "supervisor_id"
    assert "abc" not in json.dumps(body)  # the input is not echoed back


def test_query_validation_error(client, instructor, openapi):
    client.force_login(instructor)
    body = assert_error_shape(client.get("/api/v1/gradebook/1?page=abc"), 422, "invalid", openapi)
    assert body["field"] == "page"


def test_csrf_failure_is_json(trainee, openapi):
    client = Client(enforce_csrf_checks=True)
    client.force_login(trainee)
    response = client.post("/api/v1/courses/1/enrol")
    body = assert_error_shape(response, 403, "csrf_failed", openapi)
    assert body["detail"] == ERR_CSRF


def test_with_the_csrf_token_the_request_goes_through(trainee, openapi):
    client = Client(enforce_csrf_checks=True)
    client.force_login(trainee)
    token = "k" * 32  # what a browser holds after any page set the csrftoken cookie
    client.cookies["csrftoken"] = token
    response = client.post("/api/v1/courses/1/enrol", headers={"X-CSRFToken": token})
    assert_error_shape(response, 404, "not_found", openapi)  # past the CSRF check: no such course


def test_anonymous_is_401(client, openapi):
    assert_error_shape(client.get("/api/v1/me/progress"), 401, "unauthenticated", openapi)


@pytest.mark.parametrize(
    "method,path",
    [
        ("get", "/api/v1/nope"),
        ("get", "/api/v1/nope/"),
        ("post", "/api/v1/nope"),
        ("get", "/api/v1/"),
        ("get", "/api/v1/courses/"),
        ("get", "/api/v2/courses"),
        ("delete", "/api/v1/hours/abc"),
    ],
)
def test_unknown_paths_are_json_404(method, path, openapi):
    # A client that enforces CSRF, as browsers do: an unknown path is still a 404, not a CSRF page.
    response = getattr(Client(enforce_csrf_checks=True), method)(path)
    assert_error_shape(response, 404, "not_found", openapi)


def test_wrong_method_is_json_405(client, openapi):
    response = client.delete("/api/v1/courses")
    assert_error_shape(response, 405, "method_not_allowed", openapi)
    assert response["Allow"] == "GET"


def test_unexpected_exception_is_json_500_and_logged(monkeypatch, caplog, openapi):
    def broken(**kwargs):
        raise RuntimeError("secret internals")

    monkeypatch.setattr("courses.selectors.catalogue_courses", broken)
    with caplog.at_level(logging.ERROR, logger="lms.api"):
        response = Client(raise_request_exception=False).get("/api/v1/courses")
    body = assert_error_shape(response, 500, "server_error", openapi)
    assert body["detail"] == ERR_SERVER
    assert "secret" not in response.content.decode()
    record = next(r for r in caplog.records if r.name == "lms.api")
    assert record.exc_info and "secret internals" in str(record.exc_info[1])


def test_failure_outside_an_operation_is_json_500(monkeypatch, openapi):
    """handler500: an exception in ninja's dispatch, before any operation's own error handling."""

    def broken(self, request):
        raise RuntimeError("dispatch broke")

    monkeypatch.setattr(PathView, "_find_operation", broken)
    response = Client(raise_request_exception=False).get("/api/v1/courses")
    assert_error_shape(response, 500, "server_error", openapi)


def test_domain_error_keeps_its_field(client, trainee, openapi):
    """A domain error (here: an unknown supervisor) is in the same shape."""
    client.force_login(trainee)
    payload = {"date": "2024-01-02", "hours": "2", "supervisor_id": factories.TraineeFactory().pk}
    response = client.post("/api/v1/hours", data=json.dumps(payload), content_type="application/json")
    assert 400 <= response.status_code < 500
    assert_error_shape(response, response.status_code, response.json()["code"], openapi)


@pytest.mark.parametrize("logged_in", [False, True], ids=["anonymous", "trainee"])
def test_multipart_without_a_boundary_is_json_400(trainee, logged_in, openapi):
    # Found by schemathesis behind nginx: ninja's CSRF check (with a session) or the File parameter read
    # request.POST, Django raised MultiPartParserError, and the API answered 500.
    client = Client(enforce_csrf_checks=True)
    if logged_in:
        client.force_login(trainee)
        client.cookies["csrftoken"] = "k" * 32
    response = client.generic(
        "POST",
        "/api/v1/verify/pdf",
        b"x",
        content_type="multipart/form-data",
        headers={"X-CSRFToken": "k" * 32},
    )
    assert_error_shape(response, 400, "bad_request", openapi)
