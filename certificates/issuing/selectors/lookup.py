"""The register's answer to one certificate code: the busiest query of the site (every employer's
check, issue 10), so it is built for speed. The ORM compiles it once per process and database, each
request runs that SQL with its own code through the connection's cursor (logged and counted like any
query), and the compiler's converters turn the row into Python values as the ORM would.

On PostgreSQL the statement is also prepared, once per connection: planning the self-join on the
renewal cost more than running it (measured: ~370 us a look-up unprepared, ~130 us prepared, on the
2-core bench machine). Django keeps psycopg's automatic preparation off so that transaction-mode
connection poolers keep working; this one statement is prepared explicitly, and VERIFY_PREPARED_LOOKUP
(env, default on) turns that off behind a pooler that cannot keep prepared statements (PgBouncer before
1.21, or without max_prepared_statements)."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from django.conf import settings
from django.db import InterfaceError, OperationalError, connections, router
from django.db.models import F
from django.db.models.fields.json import KeyTextTransform

from certificates.models import Certificate

# What the public record shows, and nothing else: the snapshot's four public keys (not the whole
# snapshot, which lists courses and hours), and the renewal's code and status through the unique
# replaces_id index. No ordering: the code is unique.
_PUBLIC_COLUMNS = {
    "public_holder_name": KeyTextTransform("holder_name", "snapshot"),
    "public_program": KeyTextTransform("program_name", "snapshot"),
    "public_program_version": KeyTextTransform("version", "snapshot"),
    "public_requirements_set_by": KeyTextTransform("issuing_body", "snapshot"),
    "renewal_code": F("replaced_by__code"),
    "renewal_status": F("replaced_by__status"),
}
_RECORD_FIELDS = ("code", "status", "issued_on", "expires_on", "status_changed_at", "status_reason")
# For other reads of public records (the public registry): the same columns, nothing more.
PUBLIC_COLUMNS = _PUBLIC_COLUMNS
RECORD_FIELDS = _RECORD_FIELDS
_PLACEHOLDER = "?code?"
# A threshold no query reaches: only explicitly prepared statements are.
NEVER_AUTOMATICALLY = 2**31


def record_by_code(code: str) -> dict | None:
    """The public columns of the certificate with this (normalised) code, or None: `code`, `status`,
    dates, `status_reason`, `public_*` snapshot keys, `renewal_code` and `renewal_status`."""
    alias = router.db_for_read(Certificate)
    connection = connections[alias]
    return _compiled_lookup(alias, connection.vendor, _prepared(connection)).run(alias, code)


def records_by_codes(codes) -> dict[str, dict]:
    """The public columns (as record_by_code) of every certificate whose (normalised) code is in
    `codes`, by code: one query for the whole list (an IN on the unique index), whatever its length.
    Used for lists of codes (bulk verification), where one round trip for all beats a prepared one each."""
    codes = list(codes)
    if not codes:
        return {}
    rows = Certificate.objects.filter(code__in=codes).order_by().values(*_RECORD_FIELDS, **_PUBLIC_COLUMNS)
    return {row["code"]: row for row in rows}


def _prepared(connection) -> bool:
    if connection.vendor != "postgresql" or not getattr(settings, "VERIFY_PREPARED_LOOKUP", True):
        return False
    from django.db.backends.postgresql.psycopg_any import is_psycopg3

    return is_psycopg3


@dataclass(frozen=True)
class _CompiledLookup:
    sql: str
    params: tuple
    code_at: int
    names: tuple[str, ...]
    compiler: object
    converters: dict
    prepared: bool

    def run(self, alias: str, code: str) -> dict | None:
        params = list(self.params)
        params[self.code_at] = code
        connection = connections[alias]
        if _check_by_using(connection):
            # The look-up is this request's health check (CONN_HEALTH_CHECKS): instead of Django's
            # "SELECT 1" before it (a round trip on every call), a reused connection that turns out
            # to be broken is closed and the read-only look-up runs once more on a new one.
            connection.health_check_done = True
            try:
                row = self._fetch(connection, params)
            except (OperationalError, InterfaceError):
                connection.close()
                row = self._fetch(connection, params)
        else:
            row = self._fetch(connection, params)
        if row is None:
            return None
        if self.converters:
            row = next(iter(self.compiler.apply_converters([row], self.converters)))
        return dict(zip(self.names, row, strict=True))

    def _fetch(self, connection, params):
        with self._cursor(connection) as cursor:
            cursor.execute(self.sql, params)
            return cursor.fetchone()

    def _cursor(self, connection):
        if not self.prepared or connection.queries_logged:
            # Unprepared through Django's own cursor while queries are logged (DEBUG, or a test
            # capturing them): the log then shows the SQL with its values, which a statement bound on
            # the server cannot give.
            return connection.cursor()
        # A psycopg cursor binding on the server and preparing, wrapped as connection.cursor() wraps
        # its own (the same error translation and execute wrappers).
        connection.ensure_connection()
        connection.validate_thread_sharing()
        return connection.make_cursor(_prepared_cursor_class()(connection.connection))


@functools.cache
def _prepared_cursor_class():
    import psycopg

    class PreparedCursor(psycopg.Cursor):
        """Server-side binding, and each statement prepared on its connection the first time it runs
        there (psycopg keeps the names per connection, and forgets them on a rollback or DISCARD).
        Django connects with prepare_threshold None, which turns preparing off for the connection:
        it is turned on for this statement only, so no other query is ever prepared."""

        def execute(self, query, params=None, *, prepare=None, binary=None):
            connection = self.connection
            threshold = connection.prepare_threshold
            if threshold is None:
                connection.prepare_threshold = NEVER_AUTOMATICALLY
            try:
                return super().execute(query, params, prepare=True, binary=binary)
            finally:
                connection.prepare_threshold = threshold

    return PreparedCursor


def _check_by_using(connection) -> bool:
    """Whether this request's health check is still due on an open, reused connection outside any
    transaction (inside one, a failure could not be retried)."""
    return (
        connection.connection is not None
        and connection.health_check_enabled
        and not connection.health_check_done
        and not connection.in_atomic_block
    )


@functools.lru_cache(maxsize=8)
def _compiled_lookup(alias: str, vendor: str, prepared: bool) -> _CompiledLookup:
    queryset = (
        Certificate.objects.using(alias)
        .filter(code=_PLACEHOLDER)
        .order_by()
        .values(*_RECORD_FIELDS, **_PUBLIC_COLUMNS)[:1]
    )
    compiler = queryset.query.get_compiler(using=alias)
    sql, params = compiler.as_sql()
    columns = [select[0] for select in compiler.select[: compiler.col_count]]
    return _CompiledLookup(
        sql=sql,
        params=tuple(params),
        code_at=list(params).index(_PLACEHOLDER),
        names=(*queryset.query.values_select, *queryset.query.annotation_select),
        compiler=compiler,
        converters=compiler.get_converters(columns),
        prepared=prepared,
    )
