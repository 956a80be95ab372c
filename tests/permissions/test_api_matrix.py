"""Generated API permission test: every operation of the one NinjaAPI (read from its OpenAPI schema)
must have a row in api_matrix.MATRIX, and every row is exercised as each of the six roles against the
shared world (tests/permissions/world.py). An operation added without a row fails
`test_every_operation_has_a_row` with its name.

Where a role is refused (401/403/404) on an operation whose path names an object, the same request with
a missing id must get the identical answer (status and body): "not yours" and "does not exist" are the
same, and role refusals come before any look-up.

Matrix size: 78 operations x 6 roles = 468 cases, plus 167 missing-id comparisons (the figure is
recomputed by test_matrix_size; update this line when it changes)."""

import json
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test import Client

from lms.api import api
from tests.assessments.factories import top_grades

from .api_matrix import ALLOWED, MATRIX, MISSING, MISSING_ID, OK
from .conftest import rolled_back_block
from .world import ROLES

PREFIX = "/api/v1"
REFUSED = (401, 403, 404)
PARAM = re.compile(r"{(\w+)}")


def _operations() -> list[str]:
    schema = api.get_openapi_schema()
    return [
        f"{method.upper()} {path.removeprefix(PREFIX)}"
        for path, methods in schema["paths"].items()
        for method in methods
    ]


OPERATIONS = _operations()


def test_every_operation_has_a_row():
    missing = [op for op in OPERATIONS if op not in MATRIX]
    assert not missing, f"API operations with no row in tests/permissions/api_matrix.py: {missing}"
    gone = [op for op in MATRIX if op not in OPERATIONS]
    assert not gone, f"rows for operations the API no longer has: {gone}"


def _compared(op: str, spec: dict, role: str) -> bool:
    """Whether this refused role's answer must equal the answer for a missing id."""
    names_object = bool(PARAM.search(op)) or "missing_body" in spec
    return (
        names_object
        and not spec.get("public")
        and spec["expected"][role] in REFUSED
        and role not in spec.get("visible_to", ())
    )


def _missing_id_cases() -> int:
    return sum(1 for op, spec in MATRIX.items() for role in ROLES if _compared(op, spec, role))


def test_matrix_size():
    """The figure quoted in the module docstring (and the closing note)."""
    cases, comparisons = len(MATRIX) * len(ROLES), _missing_id_cases()
    print(
        f"API permission matrix: {len(MATRIX)} operations x {len(ROLES)} roles = {cases} cases, "
        f"{comparisons} missing-id comparisons"
    )
    assert f"{len(MATRIX)} operations x {len(ROLES)} roles = {cases} cases" in __doc__
    assert f"plus {comparisons} missing-id comparisons" in __doc__


def _url(op: str, spec: dict, world, *, missing: bool) -> tuple[str, str]:
    method, path = op.split(" ", 1)

    def value(match):
        name = match.group(1)
        if missing:
            return str(MISSING.get(name, MISSING_ID))
        return str(world.ids[spec.get("ids", {}).get(name, name)])

    return method.lower(), PREFIX + PARAM.sub(value, path)


def _resolve(value, world):
    """Body values like "{entry_id}" become the world's ids."""
    if isinstance(value, str) and PARAM.fullmatch(value):
        return world.ids[value[1:-1]]
    if isinstance(value, list):
        return [_resolve(v, world) for v in value]
    if isinstance(value, dict):
        return {k: _resolve(v, world) for k, v in value.items()}
    return value


def _body(spec: dict, world, *, missing: bool = False):
    body = spec["missing_body"] if missing and "missing_body" in spec else spec.get("body")
    if body == "grade":
        return {
            "essays": [
                {
                    "question_id": g.question_id,
                    "criteria": [{"criterion_id": c, "level_id": lv} for c, lv in g.levels.items()],
                }
                for g in top_grades(world.exam_attempt)
            ]
        }
    return _resolve(body, world)


def _request(world, role: str, op: str, spec: dict, *, missing: bool = False):
    method, url = _url(op, spec, world, missing=missing)
    with rolled_back_block():
        client = Client()
        if world.users[role] is not None:
            client.force_login(world.users[role])
        if "files" in spec:
            files = {name: SimpleUploadedFile(fn, data) for name, (fn, data) in spec["files"].items()}
            response = client.post(url, files)
        elif method == "get":
            response = client.get(url)
        else:
            body = _body(spec, world, missing=missing)
            data = json.dumps(body) if body is not None else None
            response = getattr(client, method)(url, data=data, content_type="application/json")
        transaction.set_rollback(True)
    return response


def _matches(status: int, expected) -> bool:
    if expected == OK:
        return 200 <= status < 300
    if expected == ALLOWED:
        return status < 500 and status not in REFUSED
    return status == expected


@pytest.mark.django_db
@pytest.mark.parametrize("op", sorted(MATRIX))
def test_operation(op, world):
    spec = MATRIX[op]
    failures = []
    for role in ROLES:
        expected = spec["expected"][role]
        response = _request(world, role, op, spec)
        status = response.status_code
        if status >= 500 or not _matches(status, expected):
            failures.append(f"{role}: expected {expected}, got {status} {response.content[:200]!r}")
            continue
        if _compared(op, spec, role):
            other = _request(world, role, op, spec, missing=True)
            if (other.status_code, other.content) != (status, response.content):
                failures.append(
                    f"{role}: existing id answered {status} {response.content[:120]!r} but a missing id "
                    f"{other.status_code} {other.content[:120]!r}"
                )
    assert not failures, f"{op}:\n" + "\n".join(failures)
