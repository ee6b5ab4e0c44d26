"""SQLite: which error is which fault, read from the result code (or the words when none
is attached), and which constraint a write broke."""

from __future__ import annotations

import sqlite3

import peewee as pw

_RESULT_KINDS = {  # primary result codes (extended code & 0xFF)
    13: "disk_full",  # SQLITE_FULL
    8: "read_only",  # SQLITE_READONLY
    5: "locked",  # SQLITE_BUSY
    6: "locked",  # SQLITE_LOCKED
    11: "corrupt",  # SQLITE_CORRUPT
    26: "not_a_database",  # SQLITE_NOTADB
    14: "cannot_open",  # SQLITE_CANTOPEN
    10: "io",  # SQLITE_IOERR
}
_MESSAGE_KINDS = (  # when no result code is attached (older Python, wrapped errors)
    ("database or disk is full", "disk_full"),
    ("readonly database", "read_only"),
    ("database is locked", "locked"),
    ("database table is locked", "locked"),
    ("malformed", "corrupt"),
    ("file is not a database", "not_a_database"),
    ("unable to open database", "cannot_open"),
    ("disk i/o error", "io"),
)
_CONSTRAINT_CODES = {  # extended result codes of SQLITE_CONSTRAINT
    2067: "unique",  # SQLITE_CONSTRAINT_UNIQUE
    1555: "unique",  # SQLITE_CONSTRAINT_PRIMARYKEY
    787: "foreign_key",  # SQLITE_CONSTRAINT_FOREIGNKEY
}
_CONSTRAINT_WORDS = (("UNIQUE constraint", "unique"), ("FOREIGN KEY constraint", "foreign_key"))


class SqliteErrors:
    """Error classification for :class:`~relations_app.db.backend.Backend`."""

    def fault_kind(self, exc: BaseException) -> str | None:
        if isinstance(exc, sqlite3.Error):
            code = getattr(exc, "sqlite_errorcode", None)
            if code is not None and (code & 0xFF) in _RESULT_KINDS:
                return _RESULT_KINDS[code & 0xFF]
        if isinstance(exc, (sqlite3.Error, pw.DatabaseError)):
            text = str(exc).lower()
            return next((kind for words, kind in _MESSAGE_KINDS if words in text), None)
        return None

    def constraint_kind(self, exc: BaseException) -> str | None:
        for e in (exc, exc.__cause__, exc.__context__, *exc.args):
            if not isinstance(e, (sqlite3.Error, pw.DatabaseError)):
                continue
            code = getattr(e, "sqlite_errorcode", None)
            if code in _CONSTRAINT_CODES:
                return _CONSTRAINT_CODES[code]
            text = str(e)
            for words, kind in _CONSTRAINT_WORDS:
                if words in text:
                    return kind
        return None
