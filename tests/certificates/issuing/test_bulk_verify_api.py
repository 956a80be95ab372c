"""POST /api/v1/verify/bulk: public (no account, no CSRF token), the JSON shape (each row the single
look-up's public record plus row, input and duplicate_of; counts), CSV on request, lists refused whole
(413/422, never 500) with nothing spent, the rate limit per distinct code, one query for any list, and
the OpenAPI schema."""

import csv
import io
import json

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from certificates.issuing.codes import format_code, generate_code
from lms.api import api

from .bulkhelpers import *  # noqa: F403
from .bulkhelpers import RECOVERY_FORMS, make_certificate, shown, typed_loosely
from .helpers import *  # noqa: F403
from .helpers import fresh_ip

pytestmark = pytest.mark.django_db
URL = "/api/v1/verify/bulk"
ROW_KEYS = {
    "row",
    "input",
    "code",
    "status",
    "status_label",
    "explanation",
    "holder_name",
    "program",
    "program_version",
    "issuer",
    "requirements_set_by",
    "issued_on",
    "expires_on",
    "status_changed_on",
    "status_reason",
    "replaced_by",
    "duplicate_of",
}


def post(client, body, *, ip=None, path=URL, **headers):
    data = body if isinstance(body, (str, bytes)) else json.dumps(body)
    return client.post(path, data, content_type="application/json", REMOTE_ADDR=ip or fresh_ip(), **headers)


def test_the_answer_has_one_result_per_code_in_order(client, register):
    r = register
    codes = [
        shown(r.valid),
        shown(r.expired),
        shown(r.suspended),
        shown(r.revoked),
        shown(r.pending),
        format_code(r.unknown),
        "not-a-code",
        "",
        typed_loosely(r.valid.code),
    ]
    response = post(client, {"codes": codes})
    assert response.status_code == 200
    body = response.json()
    assert set(body) == {"results", "counts"}
    results = body["results"]
    assert all(set(item) == ROW_KEYS for item in results)
    assert [(i["row"], i["status"]) for i in results] == [
        (1, "current"),
        (2, "expired"),
        (3, "suspended"),
        (4, "revoked"),
        (5, "not_found"),
        (6, "not_found"),
        (7, "malformed"),
        (8, "malformed"),
        (9, "current"),
    ]
    valid, suspended, unknown, malformed, again = results[0], results[2], results[5], results[6], results[8]
    # A found row is exactly the single look-up's record.
    single = client.get(f"/api/v1/verify/{shown(r.valid)}").json()
    assert {k: valid[k] for k in single} == single
    assert suspended["status_reason"] == "Under review by the board." and suspended["status_changed_on"]
    assert unknown["code"] == format_code(r.unknown) and unknown["holder_name"] == ""
    assert unknown["explanation"] == "No certificate with this code was issued here."
    assert malformed["code"] is None and malformed["input"] == "not-a-code"
    assert malformed["explanation"] == "A certificate code has 12 letters and digits, like PRX-7K3M-9QD2-F."
    assert again["duplicate_of"] == 1 and again["holder_name"] == "Ana Valid"
    assert again["input"] == typed_loosely(r.valid.code) and again["code"] == shown(r.valid)
    assert body["counts"] == {
        "current": 2,
        "expired": 1,
        "suspended": 1,
        "revoked": 1,
        "replaced": 0,
        "not_found": 2,
        "malformed": 2,
        "total": 9,
        "checked": 6,
        "duplicates": 1,
    }
    text = response.content.decode()
    for form in RECOVERY_FORMS:
        assert form not in text
    assert r.holder.email not in text


def test_a_replaced_certificate_names_its_renewal(client, version):
    old = make_certificate(version, name="Fay Renewed")
    new = make_certificate(version, name="Fay Renewed", replaces=old)
    result = post(client, {"codes": [shown(old)]}).json()["results"][0]
    assert result["status"] == "replaced" and result["replaced_by"] == shown(new)


def test_no_csrf_token_or_account_is_needed(register):
    csrf_client = Client(enforce_csrf_checks=True)
    response = post(csrf_client, {"codes": [shown(register.valid)]})
    assert response.status_code == 200
    assert response.json()["results"][0]["status"] == "current"


@pytest.mark.parametrize("how", ["query", "accept"])
def test_csv_on_request(client, register, how):
    body = {"codes": [shown(register.revoked), "@SUM(A1)", shown(register.valid)]}
    if how == "query":
        response = post(client, body, path=f"{URL}?format=csv")
    else:
        response = post(client, body, HTTP_ACCEPT="text/csv")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="certificate-checks-')
    rows = list(csv.reader(io.StringIO(response.content.decode().lstrip("\ufeff"))))
    assert [row[3] for row in rows[1:]] == ["Revoked", "Not a certificate code", "Valid"]
    assert rows[1][13] == '\'=HYPERLINK("http://evil.example")'
    assert rows[2][1] == "'@SUM(A1)"
    assert rows[3][5] == "Ana Valid"


@pytest.mark.parametrize(
    ("body", "status", "code"),
    [
        ({"codes": []}, 422, "no_codes"),
        ({"codes": ["", "  "]}, 422, "no_codes"),
        ({"codes": "PRX-7K3M-9QD2-F"}, 422, "invalid"),
        ({"codes": [1, 2]}, 422, "invalid"),
        ({"codes": [None]}, 422, "invalid"),
        ({"codes": [{"code": "x"}]}, 422, "invalid"),
        (["PRX-7K3M-9QD2-F"], 422, "invalid"),
        ({}, 422, "invalid"),
        ({"codes": ["A" * 41]}, 422, "code_too_long"),
        ("{not json", 400, "bad_request"),
    ],
)
def test_bad_bodies_get_a_clear_4xx(client, body, status, code):
    response = post(client, body)
    assert response.status_code == status, response.content
    assert response.json()["code"] == code
    assert response.json()["detail"]


def test_ten_thousand_codes_are_refused_whole_with_nothing_checked_or_spent(client, settings, frozen_window):
    settings.VERIFY_RATE_LIMITS = {"verify": 5, "verify-pdf": 5}
    ip = fresh_ip()
    with CaptureQueriesContext(connection) as queries:
        response = post(client, {"codes": [generate_code() for _ in range(10_000)]}, ip=ip)
    assert response.status_code == 413
    assert response.json()["code"] == "too_many_codes"
    assert response.json()["detail"].startswith(
        "This list has 10,000 codes; at most 500 can be checked at once."
    )
    assert not [q for q in queries.captured_queries if "certificates_certificate" in q["sql"]]
    assert post(client, {"codes": [generate_code() for _ in range(5)]}, ip=ip).status_code == 200


def test_a_body_over_the_byte_cap_is_refused_before_it_is_read(client, settings):
    settings.UPLOAD_LIMITS = {**settings.UPLOAD_LIMITS, URL: 10}
    response = post(client, {"codes": [generate_code() for _ in range(6000)]})
    assert response.status_code == 413
    assert response.json()["code"] == "too_large"


def test_a_body_over_the_byte_cap_but_within_the_form_allowance_is_refused_too(client, settings):
    settings.VERIFY_BULK_MAX_BYTES = 100
    response = post(client, {"codes": [generate_code() for _ in range(10)]})
    assert response.status_code == 413
    assert (
        response.json()["detail"] == "The list is larger than 100 bytes. A list of 500 codes is much smaller."
    )


def test_the_rate_limit_is_spent_per_distinct_code(client, settings, register, frozen_window):
    settings.VERIFY_RATE_LIMITS = {"verify": 6, "verify-pdf": 6}
    ip = fresh_ip()
    first = post(
        client,
        {"codes": [shown(register.valid), shown(register.valid).lower(), "junk", generate_code()]},
        ip=ip,
    )
    assert first.json()["counts"]["checked"] == 2
    refused = post(client, {"codes": [generate_code() for _ in range(5)]}, ip=ip)
    assert refused.status_code == 429
    assert refused.json()["code"] == "rate_limited"
    assert "needs 5 checks (one for each different code), but only 4 remain" in refused.json()["detail"]
    assert post(client, {"codes": [generate_code() for _ in range(4)]}, ip=ip).status_code == 200
    assert client.get(f"/api/v1/verify/{shown(register.valid)}", REMOTE_ADDR=ip).status_code == 429


@pytest.mark.parametrize("size", [5, 300])
def test_one_look_up_query_for_any_list(client, version, size, django_assert_max_num_queries):
    made = [make_certificate(version, name=f"Holder {i}") for i in range(3)]
    codes = [shown(c) for c in made] + [generate_code() for _ in range(size - 3)]
    with django_assert_max_num_queries(5):
        response = post(client, {"codes": codes})
    assert response.status_code == 200
    assert response.json()["counts"]["current"] == 3 and response.json()["counts"]["total"] == size
    with CaptureQueriesContext(connection) as queries:
        post(client, {"codes": codes})
    assert len([q for q in queries.captured_queries if "certificates_certificate" in q["sql"]]) == 1


def test_the_endpoint_is_documented_with_explicit_fields():
    schema = api.get_openapi_schema(path_prefix="/api/v1/")
    operation = schema["paths"]["/api/v1/verify/bulk"]["post"]
    assert {str(status) for status in operation["responses"]} >= {"200", "413", "422", "429"}
    assert "security" not in operation or operation["security"] == []
    assert "VERIFY_BULK_MAX_CODES" in operation["description"]
    components = schema["components"]["schemas"]
    assert set(components["BulkVerificationRowOut"]["properties"]) == ROW_KEYS
    assert set(components["BulkVerifyIn"]["properties"]) == {"codes"}
    assert set(components["BulkCountsOut"]["properties"]) == {
        "current",
        "expired",
        "suspended",
        "revoked",
        "replaced",
        "not_found",
        "malformed",
        "total",
        "checked",
        "duplicates",
    }


def test_get_on_the_bulk_path_is_not_a_code_look_up(client):
    response = client.get(URL, REMOTE_ADDR=fresh_ip())
    assert response.status_code == 405
    assert response.json()["code"] == "method_not_allowed"
