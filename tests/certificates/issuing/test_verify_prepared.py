"""The look-up by code runs as a prepared statement on PostgreSQL (issue 10): prepared once per
connection, nothing else ever prepared, still counted as a query, off with VERIFY_PREPARED_LOOKUP, and
safe across rollbacks (whole and to a savepoint) and a replaced connection."""

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from certificates.issuing import selectors
from certificates.issuing.codes import format_code
from certificates.models import Certificate

from .helpers import *  # noqa: F403

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def _prepared() -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements")
        return [row[0] for row in cursor.fetchall()]


def _verify(code):
    return selectors.verification_for_code(code).status


def test_the_look_up_is_prepared_once_and_nothing_else_is(issued):
    code = format_code(issued.code)
    connection.close()
    for _ in range(3):
        assert _verify(code) == "current"
        list(Certificate.objects.filter(code=issued.code).values_list("status", flat=True))
    (statement,) = _prepared()
    assert 'FROM "certificates_certificate"' in statement and "$" in statement  # bound on the server
    # Other queries keep Django's setting: never prepared.
    assert connection.connection.prepare_threshold is None


def test_it_is_still_one_query_through_djangos_wrappers(issued):
    code = format_code(issued.code)
    _verify(code)
    executed = []

    def record(execute, sql, params, many, context):
        executed.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(record):
        assert _verify(code) == "current"
    assert len(executed) == 1 and 'FROM "certificates_certificate"' in executed[0]
    assert len(_prepared()) == 1


def test_while_queries_are_logged_it_runs_unprepared_with_its_sql_in_the_log(issued):
    code = format_code(issued.code)
    connection.close()
    with CaptureQueriesContext(connection) as queries:
        assert _verify(code) == "current"
    (query,) = queries.captured_queries
    assert issued.code in query["sql"]
    assert _prepared() == []


def test_off_behind_a_pooler_that_cannot_keep_prepared_statements(issued, settings):
    settings.VERIFY_PREPARED_LOOKUP = False
    connection.close()
    assert _verify(format_code(issued.code)) == "current"
    assert _prepared() == []


def test_rollbacks_do_not_strand_the_statement(issued):
    code = format_code(issued.code)
    connection.close()
    with pytest.raises(RuntimeError):
        with transaction.atomic():
            assert _verify(code) == "current"  # prepared inside a transaction that is rolled back
            raise RuntimeError
    assert _verify(code) == "current"
    with transaction.atomic():
        with pytest.raises(RuntimeError):
            with transaction.atomic():  # a savepoint
                assert _verify(code) == "current"
                raise RuntimeError
        assert _verify(code) == "current"
    assert _verify(code) == "current"


def test_a_revocation_shows_in_the_next_prepared_answer(issued, admin):
    from certificates.issuing import services

    code = format_code(issued.code)
    assert _verify(code) == "current"
    services.certificate_revoke(certificate=issued, actor=admin, reason="Ethics board decision")
    assert _verify(code) == "revoked"
