"""PostgreSQL: search through trigram indexes (``pg_trgm``) on the folded column.

The application folds accents and case itself into each record's ``search`` column
(:mod:`relations_app.text`: "lodz" for "Łódź"), so the server needs no ``unaccent``: a GIN
index with ``gin_trgm_ops`` on that column answers ``LIKE '%term%'`` for terms of three
characters or more.  The condition is the LIKE itself, so the results are those of the
SQLite path by construction; the index only changes the speed.  ``pg_trgm`` is a trusted
extension (PostgreSQL 13+): the database's owner may create it.

Whether the planner uses the index or walks the list's sort index depends on how many rows
it expects a term to match; with the default statistics (100 values of the column) its
guesses for ``LIKE '%sorens%'`` were off by a factor of three and it read 200,000 index
entries to find 1,000 rows (110 ms).  The search columns keep finer statistics
(:data:`SEARCH_STATISTICS`), gathered by :meth:`PostgresSearch.analyze`, which ``copy``,
restores, large imports and the demo data run once their rows are in.

The long texts' ``texts`` column (migration 12, :mod:`relations_app.db.texts`) has a
trigram index of the same kind, ``<table>_texts_trgm``.
"""

from __future__ import annotations

import logging
import time
import weakref
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import peewee as pw

from ..backend import dropped_while_inside
from ..models import database

INDEX_SUFFIX = "_search_trgm"
TEXTS_INDEX_SUFFIX = "_texts_trgm"
#: Values kept in the statistics of a searched column (PostgreSQL's default is 100).
SEARCH_STATISTICS = 1000
VACUUM_RETRY_PAUSES = (0.1, 0.4, 1.5)  # seconds before each VACUUM again

log = logging.getLogger(__name__)

#: connection -> the tables with a trigram index, read once per connection (an index is
#: created only by a migration, which then clears it)
_INDEXED: weakref.WeakKeyDictionary[Any, frozenset[str]] = weakref.WeakKeyDictionary()
_TEXTS_INDEXED: weakref.WeakKeyDictionary[Any, frozenset[str]] = weakref.WeakKeyDictionary()


def like(column: pw.Node, term: str) -> pw.Node:
    """``column LIKE '%term%'`` with the term's wildcards escaped (as the lists do)."""
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return pw.NodeList((column, pw.SQL("LIKE"), f"%{escaped}%", pw.SQL("ESCAPE '\\'")))


class PostgresSearch:
    """Search indexes and row counts for :class:`~relations_app.db.backend.Backend`."""

    def create_search_index(self, db: pw.Database, table: str, column: str = "search") -> bool:
        db.execute_sql("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        suffix = INDEX_SUFFIX if column == "search" else f"_{column}_trgm"
        db.execute_sql(
            f'CREATE INDEX "{table}{suffix}" ON "{table}" USING gin ("{column}" gin_trgm_ops)'
        )
        db.execute_sql(
            f'ALTER TABLE "{table}" ALTER COLUMN "{column}" SET STATISTICS {SEARCH_STATISTICS}'
        )
        _INDEXED.clear()
        _TEXTS_INDEXED.clear()
        return True

    def search_indexed_tables(self, db: pw.Database) -> frozenset[str]:
        """Read from the catalogue once per connection: a keystroke in a list then costs
        its own queries only."""
        return self._indexed(db, INDEX_SUFFIX, _INDEXED)

    def texts_indexed_tables(self, db: pw.Database) -> frozenset[str]:
        return self._indexed(db, TEXTS_INDEX_SUFFIX, _TEXTS_INDEXED)

    @staticmethod
    def _indexed(
        db: pw.Database, suffix: str, cache: weakref.WeakKeyDictionary[Any, frozenset[str]]
    ) -> frozenset[str]:
        connection = db.connection()
        cached = cache.get(connection)
        if cached is not None:
            return cached
        rows = db.execute_sql(
            "SELECT indexname FROM pg_indexes WHERE schemaname = current_schema() "
            "AND indexname LIKE %s",
            ("%" + suffix,),
        ).fetchall()
        found = frozenset(r[0][: -len(suffix)] for r in rows)
        if not db.in_transaction():  # a migration's own transaction may still roll back
            cache[connection] = found
        return found

    def texts_sample(self, model: type[pw.Model], terms: Sequence[str], limit: int) -> pw.Node:
        """The LIKE conditions on ``texts``: the planner answers them from its index (the
        caller's LIMIT keeps ``limit``)."""
        column = model._meta.fields["texts"]
        condition: pw.Node = like(column, terms[0])
        for term in terms[1:]:
            condition = pw.NodeList((condition, pw.SQL("AND"), like(column, term)))
        return condition

    @contextmanager
    def indexes_built_after(self, db: pw.Database) -> Iterator[None]:
        """Every index of the schema's tables but those of keys and unique constraints (the
        trigram indexes included: a GIN index built at once is many times faster)."""
        found = db.execute_sql(
            "SELECT i.indexname, i.indexdef FROM pg_indexes i "
            "WHERE i.schemaname = current_schema() AND NOT EXISTS (SELECT 1 FROM pg_constraint c "
            "WHERE c.conindid = format('%%I.%%I', i.schemaname, i.indexname)::regclass) "
            "ORDER BY i.indexname"
        ).fetchall()
        with dropped_while_inside(db, found):
            yield

    def analyze(self, db: pw.Database) -> None:
        """ANALYZE, the search columns with finer statistics first (databases made before
        those were set; only for the tables this login owns, as ANALYZE itself).

        Outside a transaction, VACUUM (ANALYZE): rows just copied in are on pages the
        visibility map does not yet call all-visible, so no index-only scan is possible
        and the planner walked the sort key's index, fetching each row to test its
        search text (a one-letter search in the programmes after ``copy``: 11 000 pages
        and 10-15 ms, against 260 pages and 2-3 ms through the list's covering index)."""
        stale = db.execute_sql(
            "SELECT c.relname FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid "
            "WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind = 'r' "
            "AND a.attname = 'search' AND a.attstattarget IS DISTINCT FROM %s "
            "AND pg_has_role(c.relowner, 'USAGE')",
            (SEARCH_STATISTICS,),
        ).fetchall()
        indexed = self.search_indexed_tables(db)
        for (table,) in stale:
            if table in indexed:
                db.execute_sql(
                    f'ALTER TABLE "{table}" ALTER COLUMN "search" '
                    f"SET STATISTICS {SEARCH_STATISTICS}"
                )
        if db.in_transaction():
            db.execute_sql("ANALYZE")
            return
        db.execute_sql("VACUUM (ANALYZE)")
        # VACUUM calls a page all-visible only once its rows' commit is flushed (with
        # synchronous_commit off, up to three wal_writer_delay later) and no other
        # session holds a snapshot older than them (an autovacuum worker analysing a
        # catalogue meanwhile): the tables left so are vacuumed again a moment later.
        left = _not_all_visible(db, indexed)
        for pause in VACUUM_RETRY_PAUSES:
            if not left:
                return
            time.sleep(pause)
            db.execute_sql("VACUUM " + ", ".join(f'"{name}"' for name in left))
            left = _not_all_visible(db, indexed)
        if left:
            log.info("Pages not all-visible after VACUUM (an older snapshot held): %s", left)

    def refresh_statistics(self, db: pw.Database, tables: Sequence[str]) -> None:
        """ANALYZE of ``tables``, which sees the rows the transaction wrote.  Without it a
        table filled inside the transaction keeps the statistics of an empty one and the
        planner reads the whole of it for ``record_id IN (…)`` (the history's versions,
        asked at each batch of an import: 8 s a batch, the import quadratic)."""
        if tables:
            names = ", ".join(f'"{table}"' for table in tables)
            db.execute_sql(f"ANALYZE {names}")

    def full_text_match(
        self, model: type[pw.Model], terms: Sequence[str], rows_wanted: int = 1000
    ) -> pw.Node:
        """The LIKE conditions themselves: the planner answers them from the index."""
        column = model._meta.fields["search"]
        condition: pw.Node = like(column, terms[0])
        for term in terms[1:]:
            condition = pw.NodeList((condition, pw.SQL("AND"), like(column, term)))
        return condition

    def rebuild_search_indexes(self, db: pw.Database) -> None:
        for table in sorted(self.search_indexed_tables(db)):
            db.execute_sql(f'REINDEX INDEX "{table}{INDEX_SUFFIX}"')
        for table in sorted(self.texts_indexed_tables(db)):
            db.execute_sql(f'REINDEX INDEX "{table}{TEXTS_INDEX_SUFFIX}"')

    def search_index_problems(self, db: pw.Database) -> list[str]:
        """The server keeps its indexes in step with the rows in every transaction."""
        return []

    @contextmanager
    def search_indexes_filled_after(self, db: pw.Database) -> Iterator[None]:
        """The index is updated with each row (GIN's pending list batches it)."""
        yield

    def table_rows(self, model: type[pw.Model]) -> int:
        return int(
            database.execute_sql(f'SELECT count(*) FROM "{model._meta.table_name}"').fetchone()[0]
        )

    def integrity_problems(self, db: pw.Database, *, full: bool = False) -> list[str]:
        """Foreign keys and constraints are enforced by the server on every write; what a
        damaged page would show is the server's own log's business."""
        return []


def _not_all_visible(db: pw.Database, indexed: frozenset[str]) -> list[str]:
    """The searched tables (of this login) holding rows on no page called all-visible."""
    rows = db.execute_sql(
        "SELECT relname FROM pg_class WHERE relnamespace = current_schema()::regnamespace "
        "AND relkind = 'r' AND relname = ANY(%s) AND relpages > 0 AND relallvisible = 0 "
        "AND pg_has_role(relowner, 'USAGE') ORDER BY 1",
        (sorted(indexed),),
    ).fetchall()
    return [name for (name,) in rows]
