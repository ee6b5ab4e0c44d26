"""A shared server's connection lost and found again, without losing or doubling a save.

When the server restarts or the network drops, a statement fails with the connection's
error (:meth:`Backend.connection_lost`).  The window then says so, keeps what is being
edited and tries again after growing pauses (:class:`Backoff`), reaching the server with a
connection of its own (:func:`reachable`, off the GUI thread) before the window's
connection is opened again (:func:`reset`).

A save interrupted that way may or may not have been committed: the COMMIT may have
reached the server and its answer not come back.  :func:`save_outcome` tells which by
reading the record's version and the history line that version was written with (who,
when): a save found applied is not sent again, one not applied is sent once more.  The
version check of every update (stale-edit refusal) keeps a save from ever being applied
twice either way.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime

from ..db import backend
from ..db.models import ChangeSet, RecordChange, database
from ..location import DatabaseLocation

#: pauses between attempts, in seconds; the last one repeats
PAUSES = (1, 2, 4, 8, 15, 30)


class Backoff:
    """The pauses before each new attempt: 1, 2, 4, 8, 15, then 30 s for as long as needed."""

    def __init__(self, pauses: tuple[int, ...] = PAUSES) -> None:
        self.pauses = pauses
        self.attempts = 0

    def next_pause(self) -> int:
        pause = self.pauses[min(self.attempts, len(self.pauses) - 1)]
        self.attempts += 1
        return pause

    def reset(self) -> None:
        self.attempts = 0

    def __iter__(self) -> Iterator[int]:
        while True:
            yield self.next_pause()


@dataclass(frozen=True)
class PendingSave:
    """A save the connection's loss interrupted: which record, the version it was made on
    (None for a new record), when it was sent and by which login."""

    collection: str
    record_id: str | None
    expected_version: int | None
    sent_at: datetime  # UTC, by this computer's clock (which writes the history's too)
    user: str
    label: str = ""  # a new record's name, as the history keeps it


def now() -> datetime:
    return datetime.now(UTC)


def lost(exc: BaseException) -> bool:
    """Whether ``exc`` is the open database's connection gone (server restarted, network
    down); never for a local file."""
    return backend.current().connection_lost(exc)


def pending(collection: str, record: dict | None, user: str = "", label: str = "") -> PendingSave:
    """The save about to be sent for ``record`` (None: a new one named ``label``) by
    ``user``, to settle if the connection is cut meanwhile (no query: made before every
    save)."""
    return PendingSave(
        collection,
        record["id"] if record else None,
        record.get("version") if record else None,
        now(),
        user,
        label,
    )


def reachable(location: DatabaseLocation) -> None:
    """Reach the database with a connection of its own (any thread); raises ``StorageError``
    with the reason while it cannot be reached."""
    location.backend().probe(location)


def reset() -> None:
    """Drop this thread's broken connection: the next statement opens a new one."""
    if database.obj is not None:
        backend.current().reset_connection(database.obj)


def save_outcome(save: PendingSave) -> tuple[bool, str | None]:
    """Whether the interrupted ``save`` was committed, and the record's id.

    An update was applied when the history has a line of the record above the version the
    save was made on, by the login, written since it was sent (the line is written in the
    save's own transaction: both are there, or neither).  A
    creation was applied when the history has a creation of that name in that collection
    by the login since then (its id is returned).  Otherwise nothing was written: the save is to be
    sent again (its version check still guards against a double write)."""
    since = save.sent_at.astimezone(UTC).replace(tzinfo=None)
    query = (
        RecordChange.select(RecordChange.record_id)
        .join(ChangeSet)
        .where(
            (RecordChange.collection == save.collection)
            & (ChangeSet.user_name == save.user)
            & (ChangeSet.at >= since)
        )
    )
    if save.record_id is None:
        found = query.where(
            (RecordChange.kind == "created") & (RecordChange.label == save.label)
        ).order_by(RecordChange.id.desc())
        row = found.first()
        return (row is not None, row.record_id if row is not None else None)
    expected = save.expected_version or 0
    ours = query.where(
        (RecordChange.record_id == save.record_id) & (RecordChange.version > expected)
    ).exists()
    return (ours, save.record_id)
