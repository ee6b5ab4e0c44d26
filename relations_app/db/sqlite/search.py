"""SQLite: the full-text search indexes (FTS5, trigram tokenizer).

Lists search the folded ``search`` column (lower-case ASCII from text.fold: "lodz" finds
"Łódź", which FTS5's own remove_diacritics would not do for ł, ø, ß, đ or œ).  Each large
table has an FTS5 index over that column with the *trigram* tokenizer, so any substring
of three characters or more is found through the index exactly as ``LIKE '%term%'``
finds it: the index changes the speed of a search, never its result.

The index is "external content": it keeps no copy of the text (the row's own ``search``
column is the content, joined on ``rowid``), and triggers keep it in step with every
INSERT, DELETE and UPDATE of that column whoever makes it: the services, the raw rows
that removal.restore and the trash put back, imports, cascades, the demo generator.
Terms of one or two letters cannot use a trigram index and stay with LIKE, as does every
term when the table has no index (FTS5 missing from the SQLite build): :meth:`indexed_terms`
returns nothing then.

The long texts' ``texts`` column (migration 12, :mod:`relations_app.db.texts`) has an index
of the same kind, ``<table>_texts_fts``, kept by its own triggers, checked and rebuilt with
the others.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import peewee as pw

from ..models import database
from ..texts import TEXTS_TABLES

SEARCH_INDEX_SUFFIX = "_fts"
MIN_MANY_MATCHES = 1000  # below, always fetch the matches by rowid
WALK_FACTOR = 0.4  # an index entry read in order costs about 0.4 of a row fetched by rowid


def quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def fts5_available(db: pw.Database) -> bool:
    """Whether this SQLite build has FTS5 with the trigram tokenizer (SQLite 3.34+)."""
    try:
        db.execute_sql(
            "CREATE VIRTUAL TABLE temp.relations_fts_probe USING fts5(x, tokenize='trigram')"
        )
        db.execute_sql("DROP TABLE temp.relations_fts_probe")
    except (sqlite3.Error, pw.DatabaseError):
        return False
    return True


def index_name(table: str, column: str = "search") -> str:
    """The FTS5 table indexing ``column`` of ``table``: ``partner_fts`` for the names'
    ``search`` column, ``partner_texts_fts`` for the long texts."""
    return table + ("" if column == "search" else "_" + column) + SEARCH_INDEX_SUFFIX


def search_index_ddl(
    table: str, column: str = "search", *, fts_name: str = "", content: str = ""
) -> list[str]:
    """The statements that create ``table``'s search index, its triggers, and fill it.

    ``fts_name`` and ``content`` give the same index another (quoted) name over another
    content table (the read-only check's copy: only the first statement is used then)."""
    name = index_name(table, column)
    fts, t, c = fts_name or quoted(name), quoted(table), quoted(column)
    rowid = "relations_rowid" if content else "rowid"
    delete = f"INSERT INTO {fts}({fts}, rowid, {c}) VALUES ('delete', old.rowid, old.{c});"
    insert = f"INSERT INTO {fts}(rowid, {c}) VALUES (new.rowid, new.{c});"
    return [
        f"CREATE VIRTUAL TABLE {fts} USING fts5({c}, content={quoted(content) if content else t}, "
        f"content_rowid='{rowid}', "
        "tokenize='trigram', detail='full', columnsize=0)",
        f"CREATE TRIGGER {quoted(name + '_insert')} AFTER INSERT ON {t} BEGIN {insert} END",
        f"CREATE TRIGGER {quoted(name + '_delete')} AFTER DELETE ON {t} BEGIN {delete} END",
        f"CREATE TRIGGER {quoted(name + '_update')} AFTER UPDATE OF {c} ON {t} BEGIN {delete} {insert} END",
        f"INSERT INTO {fts}({fts}) VALUES ('rebuild')",
    ]


def search_indexes(db: pw.Database | sqlite3.Connection) -> list[tuple[str, str]]:
    """(table, column) of every search index, sorted (read from the schema each time:
    cheap, and never stale after a migration or a restore)."""
    execute = db.execute if isinstance(db, sqlite3.Connection) else db.execute_sql
    rows = execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%'"
    ).fetchall()
    found = []
    for (name,) in rows:
        if not name.endswith(SEARCH_INDEX_SUFFIX):
            continue
        table = name[: -len(SEARCH_INDEX_SUFFIX)]
        if table.endswith("_texts") and table[: -len("_texts")] in TEXTS_TABLES:
            found.append((table[: -len("_texts")], "texts"))
        else:
            found.append((table, "search"))
    return sorted(found)


def indexed_tables(db: pw.Database, column: str = "search") -> frozenset[str]:
    """The tables whose ``column`` has a search index."""
    return frozenset(t for t, c in search_indexes(db) if c == column)


#: column -> (connection, the tables whose column has an index), see
#: :func:`cached_indexed_tables`
_INDEXED: dict[str, tuple[Any, frozenset[str]]] = {}


def cached_indexed_tables(db: pw.Database, column: str = "search") -> frozenset[str]:
    """:func:`indexed_tables`, read from the schema once per connection (a keystroke of the
    global search then costs its own statements only).  Indexes are created and dropped
    only by migrations and :meth:`SqliteSearch.create_search_index`, inside a transaction:
    nothing is kept from inside one, and each schema change forgets what was kept."""
    connection = db.connection()
    cached = _INDEXED.get(column)
    if cached is not None and cached[0] is connection:
        return cached[1]
    found = indexed_tables(db, column)
    if not db.in_transaction():
        _INDEXED[column] = (connection, found)
    return found


def forget_indexed_tables() -> None:
    """The schema changed: :func:`cached_indexed_tables` reads it again."""
    _INDEXED.clear()


def compact_search_indexes(db: pw.Database) -> None:
    """Merge each index into one segment, dropping what deleted rows left in older ones
    (called before wiping erased values out of the file)."""
    for table, column in search_indexes(db):
        fts = quoted(index_name(table, column))
        db.execute_sql(f"INSERT INTO {fts}({fts}) VALUES ('optimize')")


def index_matches(conn: sqlite3.Connection, table: str, column: str = "search") -> bool:
    """Whether ``table``'s stored index agrees with its rows (see :func:`index_problems`)."""
    name = index_name(table, column)
    fts, source = f"relations_check_{name}", f"relations_check_{name}_rows"
    conn.execute(
        f"CREATE TEMP VIEW {quoted(source)} AS SELECT rowid AS relations_rowid, "
        f"{quoted(column)} FROM main.{quoted(table)}"
    )
    conn.execute(search_index_ddl(table, column, fts_name=f"temp.{quoted(fts)}", content=source)[0])
    prefix = name + "_"
    for (name,) in conn.execute("SELECT name FROM main.sqlite_master WHERE type = 'table'"):
        if name.startswith(prefix):
            copy = quoted(fts + name[len(prefix) - 1 :])
            conn.execute(f"DELETE FROM temp.{copy}")
            conn.execute(f"INSERT INTO temp.{copy} SELECT * FROM main.{quoted(name)}")
    try:
        conn.execute(
            f"INSERT INTO temp.{quoted(fts)}({quoted(fts)}, rank) VALUES ('integrity-check', 1)"
        )
    except sqlite3.DatabaseError as exc:
        if (getattr(exc, "sqlite_errorcode", 0) or 0) & 0xFF != 11:  # not SQLITE_CORRUPT(_VTAB)
            raise
        return False
    return True


def index_problems(conn: sqlite3.Connection, indexes: Sequence[tuple[str, str]]) -> list[str]:
    """FTS5's own check (``'integrity-check'`` with rank 1 compares the index with the
    rows' text) is an INSERT: refused on a read-only file, and waiting for the write lock
    another program holds.  So each index is checked as a copy in the connection's
    ``temp`` schema: its stored segments copied into a temporary index of the same
    definition whose content is a temporary view of the table, and the check run there.
    Only ``temp`` is written; faults other than a mismatch (a lock, a read error) raise."""
    problems = []
    conn.execute("SAVEPOINT relations_check")  # one snapshot of the rows and the index
    try:
        for table, column in indexes:
            if not index_matches(conn, table, column):
                problems.append(
                    f"l'index de recherche de la table {table} ne correspond plus aux "
                    "enregistrements"
                    if column == "search"
                    else f"l'index de recherche des textes de la table {table} ne correspond "
                    "plus aux enregistrements"
                )
    finally:
        conn.execute("ROLLBACK TO relations_check")  # the temporary copies go
        conn.execute("RELEASE relations_check")
    return problems


#: table -> (connection, stamp, rows), see :meth:`SqliteSearch.table_rows`
_TABLE_ROWS: dict[str, tuple[Any, tuple[int, int], int]] = {}
#: table -> (connection, largest rowid as last read), see :meth:`SqliteSearch.full_text_match`
_TABLE_SIZES: dict[str, tuple[Any, int]] = {}


class SqliteSearch:
    """Search indexes and row counts for :class:`~relations_app.db.backend.Backend`."""

    def create_search_index(self, db: pw.Database, table: str, column: str = "search") -> bool:
        """Inside the caller's transaction; nothing without FTS5."""
        if not fts5_available(db):
            return False
        forget_indexed_tables()
        for statement in search_index_ddl(table, column):
            db.execute_sql(statement)
        return True

    def search_indexed_tables(self, db: pw.Database) -> frozenset[str]:
        return cached_indexed_tables(db)

    def texts_indexed_tables(self, db: pw.Database) -> frozenset[str]:
        return cached_indexed_tables(db, "texts")

    def texts_sample(self, model: type[pw.Model], terms: Sequence[str], limit: int) -> pw.Node:
        """The first ``limit`` rows the texts' index lists for ``terms`` (each an FTS5
        phrase: a substring, as LIKE finds it)."""
        fts = quoted(index_name(model._meta.table_name, "texts"))
        match = " AND ".join('"' + t.replace('"', '""') + '"' for t in terms)
        return pw.NodeList(
            (
                pw.Column(model._meta.table, "rowid"),
                pw.SQL(
                    f"IN (SELECT rowid FROM {fts} WHERE {fts} MATCH ? LIMIT {int(limit)})", [match]
                ),
            )
        )

    def full_text_match(
        self, model: type[pw.Model], terms: Sequence[str], rows_wanted: int = 1000
    ) -> pw.Node:
        """Each term is an FTS5 phrase (a quoted string, where only ``"`` is special): with
        the trigram tokenizer a phrase matches exactly the rows that contain it as a
        substring, so ``%``, ``_`` and other punctuation are literal, as in the LIKE
        fallback.

        How SQLite should use it depends on how many rows match, which its planner cannot
        know.  A few thousand matches are best fetched by rowid and sorted (cost ~
        matches); tens of thousands ("mar" in a quarter-million contacts) are best found by
        reading the list's sort index in order and keeping the matching rows, which stops
        once ``rows_wanted`` are found (cost ~ rows_wanted × table rows / matches).  The two
        costs cross near sqrt(0.4 × rows_wanted × table rows) matches (a row fetched by
        rowid costs about two and a half index entries read in order); the index counts the
        matches up to there (a millisecond at most), and above it a unary ``+`` keeps
        SQLite from driving the query from the match list.

        The table's size (its largest rowid) is read in the same statement as the count
        and used by the next search (the first one takes the whole list's count, or
        reads the size in a statement of its own): a keystroke costs one statement here.
        """
        name = model._meta.table_name
        table = quoted(name)
        fts = quoted(name + SEARCH_INDEX_SUFFIX)
        match = " AND ".join('"' + t.replace('"', '""') + '"' for t in terms)
        connection = database.obj.connection()
        known = _TABLE_SIZES.get(name) or _TABLE_ROWS.get(name)
        if known is not None and known[0] is connection:
            rows = known[-1]  # as last read (a threshold needs no more)
        else:  # once per connection, unless the whole list was counted
            rows = database.execute_sql(f"SELECT max(rowid) FROM {table}").fetchone()[0] or 0
        many = max(MIN_MANY_MATCHES, int((WALK_FACTOR * rows_wanted * rows) ** 0.5))
        size, matches = database.execute_sql(  # the size read again with the count
            f"SELECT (SELECT max(rowid) FROM {table}),"
            f" (SELECT count(*) FROM (SELECT rowid FROM {fts} WHERE {fts} MATCH ? LIMIT {many}))",
            [match],
        ).fetchone()
        _TABLE_SIZES[name] = (connection, size or 0)
        rowid = pw.Column(model._meta.table, "rowid")
        left = pw.NodeList((pw.SQL("+"), rowid), glue="") if matches >= many else rowid
        return pw.NodeList(
            (left, pw.SQL(f"IN (SELECT rowid FROM {fts} WHERE {fts} MATCH ?)", [match]))
        )

    def full_text_sample(self, model: type[pw.Model], terms: Sequence[str], limit: int) -> pw.Node:
        """The first ``limit`` matches the index lists (``IN`` over the whole match list
        would first gather tens of thousands of rowids for "univ" in the contacts)."""
        fts, match = self._fts_and_match(model, terms)
        return pw.NodeList(
            (
                pw.Column(model._meta.table, "rowid"),
                pw.SQL(
                    f"IN (SELECT rowid FROM {fts} WHERE {fts} MATCH ? LIMIT {int(limit)})", [match]
                ),
            )
        )

    def full_text_count(self, model: type[pw.Model], terms: Sequence[str], cap: int) -> int:
        """Read from the index alone, which stops at ``cap``."""
        sql, params = self.full_text_count_sql(model, terms, cap)
        return int(database.execute_sql(f"SELECT count(*) FROM ({sql})", params).fetchone()[0])

    def full_text_count_sql(
        self, model: type[pw.Model], terms: Sequence[str], cap: int
    ) -> tuple[str, Sequence[Any]]:
        """The index's first ``cap`` matches (no row of the table read)."""
        fts, match = self._fts_and_match(model, terms)
        return f"SELECT rowid FROM {fts} WHERE {fts} MATCH ? LIMIT {int(cap)}", [match]

    @staticmethod
    def _fts_and_match(model: type[pw.Model], terms: Sequence[str]) -> tuple[str, str]:
        fts = quoted(model._meta.table_name + SEARCH_INDEX_SUFFIX)
        return fts, " AND ".join('"' + t.replace('"', '""') + '"' for t in terms)

    def table_rows(self, model: type[pw.Model]) -> int:
        """Counting reads a whole index (milliseconds for a quarter-million contacts, more
        once other queries pushed it out of the cache), and a list asks again after every
        page it adds: the count is kept until the database changes, which SQLite tells by
        this connection's change counter and ``data_version`` (other connections'
        commits).  It is kept for one connection only (the very object: another one, even
        on the same file, counts afresh)."""
        db = database.obj
        connection = db.connection()
        stamp = (connection.total_changes, db.execute_sql("PRAGMA data_version").fetchone()[0])
        table = model._meta.table_name
        cached = _TABLE_ROWS.get(table)
        if cached is not None and cached[0] is connection and cached[1] == stamp:
            return cached[2]
        rows = int(db.execute_sql(f"SELECT count(*) FROM {quoted(table)}").fetchone()[0])
        _TABLE_ROWS[table] = (connection, stamp, rows)
        return rows

    def rebuild_search_indexes(self, db: pw.Database) -> None:
        """Re-read every index from its table (after anything that bypassed triggers)."""
        for table, column in search_indexes(db):
            fts = quoted(index_name(table, column))
            db.execute_sql(f"INSERT INTO {fts}({fts}) VALUES ('rebuild')")

    def search_index_problems(self, db: pw.Database) -> list[str]:
        """Each index compared with its table's rows, reading only (:func:`index_problems`):
        on a file, through a read-only connection of its own, so that a read-only file or
        one another program holds the write lock on is checked as well as any other."""
        from .checks import reader

        path = getattr(db, "database", None)
        conn = None
        if path and path != ":memory:" and Path(path).exists():
            try:
                conn = reader(Path(path))
            except sqlite3.Error:
                conn = None  # e.g. a WAL file whose -shm cannot be made: the own connection
        if conn is None:
            return index_problems(db.connection(), search_indexes(db))
        try:
            return index_problems(conn, search_indexes(db))
        finally:
            conn.close()

    @contextmanager
    def search_indexes_filled_after(self, db: pw.Database) -> Iterator[None]:
        """For inserting many rows at once (the demo generator, a large import): the
        indexes are not updated row by row but rebuilt once at the end, which is faster.

        Inside the caller's transaction: DDL is transactional in SQLite, so if the block
        fails the rollback also puts the dropped triggers back.  Only INSERT triggers are
        suspended: rows that were there before the block may be updated or deleted in it
        (their triggers still run); rows inserted in the block must not be.
        """
        indexes = search_indexes(db)
        for table, column in indexes:
            db.execute_sql(f"DROP TRIGGER {quoted(index_name(table, column) + '_insert')}")
        yield
        for table, column in indexes:
            ddl = search_index_ddl(table, column)
            db.execute_sql(ddl[1])  # the insert trigger
            db.execute_sql(ddl[-1])  # rebuild
