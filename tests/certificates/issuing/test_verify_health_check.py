"""The verify look-up is its own health check: on a reused connection it runs without Django's
"SELECT 1" first, and a connection the server has dropped is replaced and the look-up retried, so
an employer never sees a 500 for it (PostgreSQL, outside a transaction, as in production)."""

import psycopg
import pytest
from django.db import connection

from certificates.issuing import selectors
from certificates.issuing.codes import format_code

from .helpers import *  # noqa: F403

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def _new_request():
    """What Django does when a request starts: the next query is this request's first."""
    connection.close_if_unusable_or_obsolete()
    assert connection.health_check_enabled and not connection.health_check_done


def _drop_connection() -> int:
    """The server ends this process's connection (as a restart or a pooler would); returns its pid."""
    pid = connection.connection.info.backend_pid
    params = connection.get_connection_params()
    with psycopg.connect(
        host=params.get("host"),
        port=params.get("port"),
        user=params.get("user"),
        dbname=params.get("dbname"),
        autocommit=True,
    ) as other:
        other.execute("SELECT pg_terminate_backend(%s)", [pid])
    return pid


@pytest.fixture
def persistent(settings):
    old = connection.settings_dict["CONN_MAX_AGE"], connection.settings_dict["CONN_HEALTH_CHECKS"]
    connection.settings_dict["CONN_MAX_AGE"] = 60
    connection.settings_dict["CONN_HEALTH_CHECKS"] = True
    connection.close()
    connection.ensure_connection()
    yield
    connection.settings_dict["CONN_MAX_AGE"], connection.settings_dict["CONN_HEALTH_CHECKS"] = old


def test_a_healthy_reused_connection_is_not_pinged_first(persistent, issued, monkeypatch):
    code = format_code(issued.code)
    _new_request()

    def no_ping():
        raise AssertionError("SELECT 1 sent before the look-up")

    monkeypatch.setattr(connection, "is_usable", no_ping)
    assert selectors.verification_for_code(code).status == "current"
    assert connection.health_check_done


def test_a_dropped_connection_is_replaced_and_the_look_up_retried(persistent, issued):
    code = format_code(issued.code)
    selectors.verification_for_code(code)
    pid = _drop_connection()
    _new_request()
    assert selectors.verification_for_code(code).status == "current"
    assert connection.connection.info.backend_pid != pid


def test_through_the_api_after_the_server_dropped_the_connection(persistent, issued, client):
    code = format_code(issued.code)
    assert client.get(f"/api/v1/verify/{code}").status_code == 200
    pid = _drop_connection()
    _new_request()  # (the test client does not send Django's request_started to the connection)
    response = client.get(f"/api/v1/verify/{code}", REMOTE_ADDR="192.0.2.77")
    assert response.status_code == 200
    assert response.json()["status"] == "current"
    assert connection.connection.info.backend_pid != pid
