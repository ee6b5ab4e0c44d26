"""The database seam: what the application asks of a database engine.

Everything engine-specific (SQLite's pragmas, FTS5, the online backup API, its ``-wal``
file, its error codes; PostgreSQL's advisory locks, trigram indexes, SQLSTATE codes) sits
behind :class:`Backend`; the domain calls these methods and never the engine directly.
Two are implemented: :mod:`.sqlite` (a local file) and :mod:`.postgres` (a shared server).
A live database is a Peewee database, a database elsewhere is a
:class:`~relations_app.location.DatabaseLocation`, and a *copy* is always a self-contained
SQLite file, whatever the live engine.

Which back end: :func:`for_location` for a location, :func:`of` for an open database,
:func:`current` for the one the models are bound to.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import peewee as pw

from ..location import DatabaseLocation
from .bulk import insert_tuples


@dataclass
class FileInfo:
    """What a database holds, read without changing it."""

    schema_version: int | None = None
    counts: dict[str, int] = field(default_factory=dict)  # key -> rows, for tables present
    problems: list[str] = field(default_factory=list)  # empty when the checks passed


#: The three roles of a login, from the least to the most rights.
ROLES = ("lecture", "edition", "administration")


@dataclass(frozen=True)
class Probe:
    """What a trial connection found: who the database takes us for and with what rights."""

    user: str
    role: str  # one of ROLES
    ready: bool  # the application's schema is there (else the first start creates it)


class ChangeWatch(ABC):
    """A connection of its own that wakes when another connection has committed (the
    live refresh between windows).  Either :attr:`fileno` is a socket to watch for reading
    (nothing is asked of the server while nothing happens), or it is None and
    :meth:`woken` is called every :attr:`poll_ms` milliseconds (one cheap read per call).
    Used from the thread that made it; what woke it is read with the change feed
    (:mod:`relations_app.services.change_feed`)."""

    fileno: int | None = None
    poll_ms: int = 0

    @abstractmethod
    def woken(self) -> bool:
        """Take what arrived: True when another connection may have written since the last
        call.  Raises the driver's error when the connection is lost."""

    @abstractmethod
    def close(self) -> None: ...


#: Rows a copy inserts with one prepared statement at a time (bounds the memory used).
COPY_BATCH = 5_000


#: The history's columns (:class:`~.models.ChangeSet`, :class:`~.models.RecordChange`) as
#: :meth:`Backend.insert_change_set` and the history's writes fill them.
CHANGE_SET_COLUMNS = ("at", "user_name", "origin", "summary")
RECORD_CHANGE_COLUMNS = (
    "change_set",
    "collection",
    "record_id",
    "kind",
    "version",
    "label",
    "fields",
)


class Backend(ABC):
    """One database engine.  Methods taking ``db`` work on an open Peewee database,
    those taking a location open their own connection (safe from any thread)."""

    dialect: str

    # -- opening ----------------------------------------------------------------------------

    @abstractmethod
    def owns(self, db: pw.Database) -> bool:
        """Whether ``db`` is a database of this engine."""

    @abstractmethod
    def open(self, location: DatabaseLocation) -> pw.Database:
        """Open (creating if needed) the database and bind the models to it; settings
        applied (durability, lock waits, foreign keys).  Raises ``StorageError``."""

    @abstractmethod
    def open_standalone(self, location: DatabaseLocation) -> pw.Database:
        """A database the models are NOT bound to (to migrate a staged copy)."""

    @abstractmethod
    def open_read_only(self, location: DatabaseLocation, secret: str | None = None) -> pw.Database:
        """Bind the models to the existing database at ``location`` for reading only (a
        worker process of a batch of documents): nothing is created or migrated, and a
        writing statement fails.  ``secret``: what :meth:`secret_for_worker` gave the
        process that started this one.  Raises ``StorageError``."""

    def secret_for_worker(self, location: DatabaseLocation) -> str | None:
        """What a worker process needs to open ``location`` that it cannot find alone (a
        server password typed for this session only); None for a file."""
        return None

    @abstractmethod
    def location_of(self, db: pw.Database) -> DatabaseLocation | None:
        """Where the open database ``db`` is (None for one held in memory)."""

    @abstractmethod
    def user_name(self, db: pw.Database) -> str:
        """Who is writing, as the history names them: the OS account on a local file, the
        server login on a shared server (never empty)."""

    def access_role(self, db: pw.Database) -> str:
        """What the session may do, one of :data:`ROLES`: ``"lecture"`` (read only),
        ``"edition"`` (the records), ``"administration"`` (also restores, the trash's purge,
        the logins).  A local file is its owner's: every right."""
        return "administration"

    @abstractmethod
    def probe(self, location: DatabaseLocation) -> Probe:
        """Reach the database without creating or changing anything (Préférences' "Tester la
        connexion"); raises ``StorageError`` saying precisely why when it cannot."""

    @abstractmethod
    def close(self) -> None:
        """Close the database the models are bound to, if open."""

    @abstractmethod
    def exists(self, location: DatabaseLocation) -> bool:
        """Whether the database is there at all, even empty (else :meth:`open` creates it)."""

    @abstractmethod
    def is_empty(self, location: DatabaseLocation) -> bool:
        """True when nothing was ever stored there (a new database is to be created)."""

    @abstractmethod
    def make_private(self, location: DatabaseLocation) -> None:
        """Make the place the database lives in readable by the owner only."""

    @abstractmethod
    def ensure_writable(self, location: DatabaseLocation) -> None:
        """Raise a ``read_only`` fault early when the database cannot be written."""

    @abstractmethod
    def side_files(self, path: Path) -> list[Path]:
        """The files the engine may keep beside a database file ``path`` it writes (a crash
        can leave them beside a staged copy); none for an engine that keeps no file."""

    @abstractmethod
    def delete(self, location: DatabaseLocation) -> None:
        """Remove the database entirely (``init`` starts afresh after a copy)."""

    # -- changes made by others ------------------------------------------------------------

    @abstractmethod
    def watch_changes(self, location: DatabaseLocation) -> ChangeWatch:
        """A watch on ``location`` for changes committed by other connections."""

    @abstractmethod
    def announce_change(self, db: pw.Database, set_id: int) -> None:
        """Tell the other clients, once the current transaction commits, that the change set
        ``set_id`` was written (nothing to do where they watch the file themselves)."""

    def insert_change_set(
        self, db: pw.Database, values: Sequence[Any], first: Sequence[Any] | None = None
    ) -> int:
        """Insert a change set (``values`` for :data:`CHANGE_SET_COLUMNS`) and announce it
        (:meth:`announce_change`); with ``first``, its first record change too (values for
        :data:`RECORD_CHANGE_COLUMNS` after the set's id).  Returns the set's id.  Here in
        two or three statements; a server does it in one round trip."""
        from . import bulk
        from .models import ChangeSet, RecordChange

        set_id = bulk.insert_one(ChangeSet, CHANGE_SET_COLUMNS, values)
        assert set_id is not None
        self.announce_change(db, set_id)
        if first is not None:
            bulk.insert_one(RecordChange, RECORD_CHANGE_COLUMNS, (set_id, *first), key=False)
        return set_id

    # -- schema and settings ----------------------------------------------------------------

    @abstractmethod
    def schema_version(self, db: pw.Database) -> int: ...

    @abstractmethod
    def set_schema_version(self, db: pw.Database, version: int) -> None:
        """Set the schema version, inside the migration's transaction."""

    @abstractmethod
    def migration_lock(self, db: pw.Database) -> AbstractContextManager[None]:
        """Held while migrating: two clients starting at once migrate one after the other
        (the second then finds nothing left to do)."""

    @abstractmethod
    def execute_script(self, db: pw.Database, script: str) -> None:
        """Run a multi-statement SQL script inside the current transaction."""

    @abstractmethod
    def table_names(self, db: pw.Database) -> list[str]: ...

    @abstractmethod
    def defer_foreign_keys(self, db: pw.Database) -> None:
        """Check foreign keys at commit rather than per statement (this transaction)."""

    @abstractmethod
    def bulk_load(self, db: pw.Database) -> AbstractContextManager[None]:
        """Faster, less durable settings while a new database is filled with generated data."""

    def write_copied_rows(
        self, db: pw.Database, model: type[pw.Model], rows: Iterable[Sequence[Any]]
    ) -> int:
        """Insert ``rows`` of database values, in the order of ``model``'s sorted fields,
        the fastest way the engine has (here one prepared statement per batch); return
        how many.  Inside the caller's transaction (a whole-database copy)."""
        columns = [f.name for f in model._meta.sorted_fields]
        batch: list[Sequence[Any]] = []
        count = 0
        for row in rows:
            batch.append(row)
            if len(batch) >= COPY_BATCH:
                count += insert_tuples(model, columns, batch, db)
                batch = []
        return count + insert_tuples(model, columns, batch, db)

    @contextmanager
    def tables_filled_whole(self, db: pw.Database) -> Iterator[None]:
        """Inside a transaction filling whole tables (a copy of a database): the secondary
        indexes built once at the end (:meth:`indexes_built_after`), and, where the
        engine allows it, the foreign keys checked once at the end too."""
        with self.indexes_built_after(db):
            yield

    @abstractmethod
    def indexes_built_after(self, db: pw.Database) -> AbstractContextManager[None]:
        """Inside a transaction filling tables in bulk: the tables' secondary indexes are
        dropped first and built once at the end (one sort each instead of an insertion
        into every index for each row); keys and unique constraints stay."""

    @abstractmethod
    def analyze(self, db: pw.Database) -> None:
        """Gather the statistics the query planner uses."""

    def refresh_statistics(self, db: pw.Database, tables: Sequence[str]) -> None:
        """Gather again, inside a long write, the statistics of ``tables`` it has grown
        (an import filling an empty database in one transaction).  Nothing by default:
        SQLite's planner uses an index for ``IN (…)`` without statistics."""
        return None

    @property
    @abstractmethod
    def column_types(self) -> Mapping[str, str]:
        """This engine's spelling of the migrations' portable column types, written
        ``{auto_key}`` (an auto-numbered primary key), ``{timestamp}``, ``{float}``
        (double precision) and ``{boolean}`` in the ``.sql`` files."""

    @abstractmethod
    def numbers_given(self, db: pw.Database, model: type[pw.Model]) -> None:
        """Rows of ``model`` were inserted with their own auto-numbered keys (a restore):
        make sure new rows still get fresh numbers (PostgreSQL would move its sequence)."""

    @abstractmethod
    def joined_text(self, value: pw.Node, separator: str) -> pw.Node:
        """Aggregate: the group's ``value`` texts joined by ``separator``."""

    def holds_characters(self, value: pw.Node, characters: str) -> pw.Node:
        """Condition: the text ``value`` holds one of ``characters`` (a regular expression
        character class's content, e.g. ``"\x01-\x08"``).  A POSIX regular expression
        (PostgreSQL's ``~``) unless the engine has a better way."""
        return value.regexp(f"[{characters}]")

    # -- full-text search -------------------------------------------------------------------

    @abstractmethod
    def create_search_index(self, db: pw.Database, table: str, column: str = "search") -> bool:
        """Create and fill ``table``'s search index; False (nothing created) when the engine
        cannot (searches then use LIKE)."""

    @abstractmethod
    def search_indexed_tables(self, db: pw.Database) -> frozenset[str]: ...

    #: The shortest term a search index answers: both back ends index trigrams (SQLite's
    #: FTS5 trigram tokenizer, PostgreSQL's pg_trgm).
    indexed_term_length = 3

    def indexed_terms(self, model: type[pw.Model], terms: Sequence[str]) -> list[str]:
        """The folded ``terms`` the index of ``model`` can answer (none without an index)."""
        long_enough = [t for t in terms if len(t) >= self.indexed_term_length]
        if not long_enough:
            return []
        if model._meta.table_name not in self.search_indexed_tables(model._meta.database):
            return []
        return long_enough

    @abstractmethod
    def full_text_match(
        self, model: type[pw.Model], terms: Sequence[str], rows_wanted: int = 1000
    ) -> pw.Node:
        """Condition "every term is a substring of ``search``", answered by the index: the
        same rows as LIKE, found faster."""

    def full_text_sample(self, model: type[pw.Model], terms: Sequence[str], limit: int) -> pw.Node:
        """Condition "among some ``limit`` rows where every term is a substring of
        ``search``" (which ones is the engine's choice): for a glance at the matches, as
        the global search takes, without the engine gathering all of them first.  By
        default every match (the caller's LIMIT keeps ``limit``)."""
        return self.full_text_match(model, terms, limit)

    def full_text_count(self, model: type[pw.Model], terms: Sequence[str], cap: int) -> int:
        """How many rows have every term in ``search``, counted up to ``cap``."""
        return model.select().where(self.full_text_match(model, terms)).limit(cap).count()

    def full_text_count_sql(
        self, model: type[pw.Model], terms: Sequence[str], cap: int
    ) -> tuple[str, Sequence[Any]]:
        """The select (SQL and parameters) whose rows :meth:`full_text_count` counts, for a
        count sent in one statement with others (the global search's "tout voir")."""
        sql, params = (
            model.select(pw.SQL("1")).where(self.full_text_match(model, terms)).limit(cap).sql()
        )
        return sql, params

    @abstractmethod
    def texts_indexed_tables(self, db: pw.Database) -> frozenset[str]:
        """The tables whose long texts' ``texts`` column has a search index (migration 12)."""

    @abstractmethod
    def texts_sample(self, model: type[pw.Model], terms: Sequence[str], limit: int) -> pw.Node:
        """Condition "among some ``limit`` rows where every term (of three letters or more)
        is a substring of ``texts``", answered by the texts' index."""

    @abstractmethod
    def rebuild_search_indexes(self, db: pw.Database) -> None: ...

    @abstractmethod
    def search_index_problems(self, db: pw.Database) -> list[str]:
        """Indexes out of step with their tables, in French (empty when all agree)."""

    @abstractmethod
    def search_indexes_filled_after(self, db: pw.Database) -> AbstractContextManager[None]:
        """Inside a transaction inserting many rows: the indexes are filled once at the end."""

    @abstractmethod
    def table_rows(self, model: type[pw.Model]) -> int:
        """How many rows ``model``'s table has (cached while the database is unchanged)."""

    # -- checks -----------------------------------------------------------------------------

    @abstractmethod
    def integrity_problems(self, db: pw.Database, *, full: bool = False) -> list[str]:
        """Problems found by the engine's own checks and the foreign keys, in French
        (empty when sound); a database too damaged to check gives one problem saying so."""

    # -- copies -----------------------------------------------------------------------------

    @abstractmethod
    def backup_to(self, db: pw.Database, target: Path) -> Path:
        """Copy the open database to the new private file ``target``."""

    @abstractmethod
    def copy(self, location: DatabaseLocation, target: Path, *, read_only: bool = False) -> Path:
        """Copy the committed content to the new private file ``target`` while others may
        work on it; a failure leaves no partial ``target``."""

    @abstractmethod
    def restore_into(self, source: Path, location: DatabaseLocation) -> None:
        """Replace the whole content by that of the copy ``source``, in one transaction."""

    @abstractmethod
    def keep_damaged(self, location: DatabaseLocation, target: Path) -> Path:
        """Keep a database the engine cannot read, byte for byte, as ``target``."""

    @abstractmethod
    def replace_damaged(self, location: DatabaseLocation, source: Path) -> None:
        """Replace a database the engine cannot even open by the copy ``source``."""

    @abstractmethod
    def inspect(
        self, location: DatabaseLocation, tables: Mapping[str, str], *, check: bool = True
    ) -> FileInfo:
        """Schema version, row counts of ``tables`` (key -> table) and, with ``check``,
        the integrity problems, read-only."""

    @abstractmethod
    def contains(self, location: DatabaseLocation, table: str, key: str) -> bool:
        """Whether ``table`` has a row with primary key ``key`` there."""

    @abstractmethod
    def last_change_time(self, location: DatabaseLocation) -> float:
        """When the database was last written (seconds since the epoch, 0 if never)."""

    @abstractmethod
    def flush(self, location: DatabaseLocation) -> bool:
        """Write pending changes into the database proper (SQLite: checkpoint the WAL);
        False if another connection prevented it."""

    # -- erasing ----------------------------------------------------------------------------

    @abstractmethod
    def secure_delete(self, db: pw.Database) -> AbstractContextManager[None]:
        """While inside, deleted values are overwritten rather than only unlinked."""

    @abstractmethod
    def wipe_deleted_content(self, db: pw.Database) -> bool:
        """Make deleted values unreadable in the stored bytes too (after
        :meth:`secure_delete`); False when another connection kept it from completing."""

    # -- errors -----------------------------------------------------------------------------

    @abstractmethod
    def fault_kind(self, exc: BaseException) -> str | None:
        """Which fault of :data:`relations_app.faults.FAULT_KINDS` this one exception is."""

    def connection_lost(self, exc: BaseException) -> bool:
        """Whether ``exc`` (or its cause) is the connection to the database gone: a server
        restarted, a network down.  A local file has no connection to lose."""
        return False

    @abstractmethod
    def reset_connection(self, db: pw.Database) -> None:
        """Forget this thread's connection after :meth:`connection_lost`, so that the next
        statement opens a new one."""

    @abstractmethod
    def constraint_kind(self, exc: BaseException) -> str | None:
        """``"unique"`` or ``"foreign_key"`` for a constraint violation, else None."""


@contextmanager
def dropped_while_inside(db: pw.Database, indexes: Sequence[tuple[str, str]]) -> Iterator[None]:
    """Drop ``indexes`` (name, the SQL that creates it), then create them again on leaving
    (for :meth:`Backend.indexes_built_after`; inside the caller's transaction)."""
    for name, _definition in indexes:
        db.execute_sql(f'DROP INDEX "{name}"')
    yield
    for _name, definition in indexes:
        db.execute_sql(definition)


def known_backends() -> Iterable[Backend]:
    from .postgres import POSTGRES
    from .sqlite import SQLITE

    return (SQLITE, POSTGRES)


def for_location(location: DatabaseLocation) -> Backend:
    for backend in known_backends():
        if backend.dialect == location.dialect:
            return backend
    raise ValueError(f"no back end for {location.dialect!r}")


def of(db: pw.Database | Any) -> Backend:
    """The back end of the open database ``db`` (a proxy counts as what it points to)."""
    target = getattr(db, "obj", db)
    for backend in known_backends():
        if backend.owns(target):
            return backend
    raise ValueError(f"no back end for {type(target).__name__}")


def current() -> Backend:
    """The back end of the database the models are bound to (SQLite when none is)."""
    from .models import database

    if database.obj is None:
        from .sqlite import SQLITE

        return SQLITE
    return of(database.obj)
