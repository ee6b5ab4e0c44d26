"""PostgreSQL: which error is which fault, read from the SQLSTATE code, and which
constraint a write broke.  psycopg is only looked at for errors that come from it."""

from __future__ import annotations

import peewee as pw

_STATE_KINDS = {
    "53100": "disk_full",  # disk_full
    "53200": "disk_full",  # out_of_memory (the server's, as full as a disk for us)
    "25006": "read_only",  # read_only_sql_transaction (a standby, a read-only session)
    "42501": "read_only",  # insufficient_privilege: this login may not write here
    "55P03": "locked",  # lock_not_available
    "40P01": "locked",  # deadlock_detected (retrying succeeds)
    "40001": "locked",  # serialization_failure (retrying succeeds)
    "57P01": "cannot_open",  # admin_shutdown: the server is restarting
    "57P03": "cannot_open",  # cannot_connect_now: the server is starting
    "08000": "cannot_open",  # connection_exception
    "08001": "cannot_open",
    "08006": "cannot_open",  # connection_failure
    "3D000": "cannot_open",  # invalid_catalog_name: no such database
    "28000": "cannot_open",  # invalid_authorization_specification
    "28P01": "cannot_open",  # invalid_password
    "XX001": "corrupt",  # data_corrupted
    "XX002": "corrupt",  # index_corrupted
    "58030": "io",  # io_error
}
_CONSTRAINT_STATES = {"23505": "unique", "23503": "foreign_key"}


def _from_psycopg(exc: BaseException) -> bool:
    return type(exc).__module__.split(".", 1)[0] == "psycopg"


class PostgresErrors:
    """Error classification for :class:`~relations_app.db.backend.Backend`."""

    def fault_kind(self, exc: BaseException) -> str | None:
        if not _from_psycopg(exc):
            return None
        state = getattr(exc, "sqlstate", None)
        if state in _STATE_KINDS:
            return _STATE_KINDS[state]
        import psycopg

        if isinstance(exc, psycopg.OperationalError) and state is None:
            return "cannot_open"  # no answer from the server (refused, unreachable, closed)
        return None

    def constraint_kind(self, exc: BaseException) -> str | None:
        for e in (exc, exc.__cause__, exc.__context__, *exc.args):
            if isinstance(e, BaseException) and _from_psycopg(e):
                kind = _CONSTRAINT_STATES.get(getattr(e, "sqlstate", None) or "")
                if kind:
                    return kind
            elif isinstance(e, pw.IntegrityError):
                continue
        return None
