"""What others changed since I last looked: the history read as a feed, for live refresh.

A window keeps a :class:`ChangeFeed` and reads it when its back end's watch wakes
(:meth:`~relations_app.db.backend.Backend.watch_changes`): every change set newer than the
last one it saw, with each record it touched (type, id, version after, how), who and when,
read in one query however many there are.  Sets the window wrote itself (under
:func:`.history.writing_as` with its token) are left out: it refreshed when it wrote them.

A restore replaces the history with the copy's, whose numbers may be lower than the ones
already seen: the set last seen is read again with the new ones, and when it is gone or
no longer the same (its time differs) the feed says that everything may have changed.
So does a batch too large to list (an import of thousands of records).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime

import peewee as pw

from ..db import backend
from ..db.backend import ChangeWatch
from ..db.models import ChangeSet, RecordChange
from ..location import DatabaseLocation
from . import history
from .versions import StaleRecordError

__all__ = ["ChangeFeed", "ChangeWatch", "FeedBatch", "FeedChange", "watch", "what_changed"]

#: Record lines read at most per look; beyond, everything is reloaded instead.
BATCH_LINES = 1000


@dataclass(frozen=True)
class FeedChange:
    """One record changed by someone else."""

    set_id: int
    at: datetime  # aware, UTC
    user: str
    origin: str
    collection: str
    record_id: str
    kind: str  # "created", "changed", "trashed", "untrashed", "deleted", "erased"
    version: int | None  # the record's version after the change
    label: str

    @property
    def removed(self) -> bool:
        return self.kind in ("trashed", "deleted", "erased")


@dataclass
class FeedBatch:
    """What a look found: the changes, or ``everything`` when they cannot be listed."""

    changes: list[FeedChange] = field(default_factory=list)
    everything: bool = False

    def __bool__(self) -> bool:
        return self.everything or bool(self.changes)

    @property
    def collections(self) -> set[str]:
        return {c.collection for c in self.changes}

    def latest_for(self, collection: str, record_id: str) -> FeedChange | None:
        """The newest change of that record in this batch."""
        found = [c for c in self.changes if c.collection == collection and c.record_id == record_id]
        return found[-1] if found else None


def _newest_set() -> tuple[int, datetime | None]:
    row = ChangeSet.select(ChangeSet.id, ChangeSet.at).order_by(ChangeSet.id.desc()).first()
    return (row.id, row.at) if row is not None else (0, None)


class ChangeFeed:
    """The change sets after the last one seen, others' only (``writer``: this window's
    token, as given to :func:`.history.writing_as`)."""

    def __init__(self, writer: str | None = None) -> None:
        self.writer = writer
        self.last_id, self.last_at = _newest_set()

    def read(self) -> FeedBatch:
        """Everything written since the previous read (one query), and move on."""
        joined = (RecordChange.change_set == ChangeSet.id) & (ChangeSet.id > self.last_id)
        rows = list(
            ChangeSet.select(
                ChangeSet.id,
                ChangeSet.at,
                ChangeSet.user_name,
                ChangeSet.origin,
                RecordChange.collection,
                RecordChange.record_id,
                RecordChange.kind,
                RecordChange.version,
                RecordChange.label,
            )
            .join(RecordChange, pw.JOIN.LEFT_OUTER, on=joined)
            .where(ChangeSet.id >= self.last_id)
            .order_by(ChangeSet.id, RecordChange.id)
            .limit(BATCH_LINES + 2)  # the set last seen, the lines, one more: cut
            .tuples()
        )
        seen = bool(rows) and rows[0][0] == self.last_id and rows[0][1] == self.last_at
        if self.last_id and not seen:  # the history itself was replaced (a restore)
            self.last_id, self.last_at = _newest_set()
            return FeedBatch(everything=True)
        new = rows[1:] if seen else rows
        if len(new) > BATCH_LINES:
            self.last_id, self.last_at = _newest_set()
            return FeedBatch(everything=self._others_wrote(new))
        if new:
            self.last_id, self.last_at = new[-1][0], new[-1][1]
        batch = FeedBatch()
        for set_id, at, user, origin, collection, record_id, kind, version, label in new:
            if self.writer is not None and history.writer_of(set_id, at) == self.writer:
                continue
            if collection is None:  # a set with no record line: a restore
                batch.everything = batch.everything or origin == "restore"
                continue
            batch.changes.append(
                FeedChange(
                    set_id,
                    at.replace(tzinfo=UTC),
                    user,
                    origin,
                    collection,
                    record_id,
                    kind,
                    version,
                    label,
                )
            )
        return batch

    def _others_wrote(self, rows: list[tuple]) -> bool:
        return self.writer is None or any(
            history.writer_of(row[0], row[1]) != self.writer for row in rows
        )


def watch(location: DatabaseLocation) -> ChangeWatch:
    """The back end's watch on ``location`` (a connection of its own; close it after)."""
    return backend.for_location(location).watch_changes(location)


def what_changed(collection: str, record_id: str, version: int) -> StaleRecordError:
    """The stale-edit refusal an edit made on ``version`` would get now, saying what the
    other change did (the window shows it before anything is saved)."""
    from . import AREAS

    area = AREAS[collection]
    current = area.get(record_id)
    return area.stale_error(record_id, version, current["version"])
