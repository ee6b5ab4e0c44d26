"""Undoable changes: QUndoCommands whose redo()/undo() call the services.

The first change is made before the command is pushed (so a ``ValidationError`` reaches
the form and nothing is pushed); the command's first ``redo()`` then does nothing.  Every
step names the version it expects: a record changed since (another window, another
instance) refuses the step with the stale save's message instead of losing that change.
Deleted records go to the trash (:mod:`.services.trash`): undo takes them back out of it,
redo puts them in again; undoing a creation moves the record to the trash too.  The
history tells undone and redone steps as such.  Restoring from the Trash page is
a step too (undo sends the record back to the trash).  Deleting for good cannot be
undone: the steps on that record then say so instead of failing half-way.
"""

from __future__ import annotations

import copy
import functools
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from relations_app.errors import UserError
from relations_app.location import DatabaseLocation
from relations_app.services import AREAS, history, merge, removal, trash
from relations_app.services.versions import read_copy

F = TypeVar("F", bound=Callable[..., Any])


def _editable(record: dict) -> dict:
    return {k: v for k, v in record.items() if k != "version"}


def _own(method: F) -> F:
    """The runner's writes are its window's own (see :meth:`CommandRunner.writing`)."""

    @functools.wraps(method)
    def wrapped(self: CommandRunner, *args: Any, **kwargs: Any) -> Any:
        with self.writing():
            return method(self, *args, **kwargs)

    return wrapped  # type: ignore[return-value]


class CommandRunner(QObject):
    """Runs changes through the undo stack and says what changed."""

    changed = Signal(str, str)  # collection, record id
    failed = Signal(object)  # the exception: an undo or redo could not be applied

    def __init__(self, stack: QUndoStack, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.stack = stack
        self.location: DatabaseLocation | None = None  # named in the messages of faults
        self.writer: str | None = None  # the window's token for the history (live refresh)
        #: False while :attr:`changed` tells of an edit that added or removed no row
        self.rows_changed = True

    def writing(self) -> AbstractContextManager[None]:
        """Writes inside are told to the history as this window's, which its live refresh
        then leaves out (the window refreshed when it made them)."""
        return history.writing_as(self.writer) if self.writer else nullcontext()

    @_own
    def create(self, collection: str, data: dict) -> dict:
        area = AREAS[collection]
        record = area.create(data)
        self.stack.push(_Create(self, collection, record))
        return record

    @_own
    def update(
        self, collection: str, record_id: str, values: dict, expected_version: int | None
    ) -> dict:
        area = AREAS[collection]
        before = None  # the record as the page read it at that version (the same content)
        if expected_version is not None:
            before = read_copy(area.model._meta.table_name, record_id, expected_version)
        if before is None:
            before = area.get(record_id)
        after = area.update(record_id, values, expected_version)
        if _editable(before) != _editable(after):
            self.stack.push(_Update(self, collection, before, after))
        return after

    @_own
    def delete(
        self, collection: str, record_id: str, expected_version: int | None = None
    ) -> dict | None:
        """Delete a record; trashable ones go to the trash (then None is returned)."""
        if trash.goes_to_trash(collection):
            entry = trash.move_to_trash(collection, record_id, expected_version)
            self.stack.push(_Trash(self, collection, entry))
            return None
        snapshot = AREAS[collection].delete(record_id, expected_version)
        self.stack.push(_Delete(self, collection, snapshot))
        return snapshot

    @_own
    def merge(
        self,
        collection: str,
        kept_id: str,
        other_id: str,
        values: dict,
        expected_versions: tuple[int | None, int | None],
    ) -> merge.MergeResult:
        """Merge two records (:func:`relations_app.services.merge.merge`): one step, whose
        undo puts the other record back out of the trash with its links."""
        result = merge.merge(collection, kept_id, other_id, values, expected_versions)
        self.stack.push(_Merge(self, result))
        return result

    @_own
    def restore_from_trash(self, item_id: int) -> trash.TrashEntry:
        """Put a trash item back; undo sends it to the trash again, like any other change."""
        entry = trash.restore(item_id)
        self.stack.push(_Untrash(self, entry))
        return entry

    @_own
    def purge(self, item_id: int, collection: str, record_id: str) -> None:
        """Delete a trash item for good (the caller has asked); steps on that record stop."""
        trash.purge(item_id)
        self._forget({(collection, record_id)})

    @_own
    def empty_trash(self) -> int:
        """Delete everything in the trash for good; steps on those records stop."""
        gone = {(entry.collection, entry.record_id) for entry in trash.list_items()}
        removed = trash.empty()
        self._forget(gone)
        return removed

    def _forget(self, gone: set[tuple[str, str]]) -> None:
        """Undo steps on records deleted for good can no longer be replayed: each says so."""
        for index in range(self.stack.count()):
            command = self.stack.command(index)
            if isinstance(command, _Command) and command.touches() & gone:
                command.purged = True

    def _notify(self, collection: str, record_id: str, rows: bool = True) -> None:
        """Say what changed; ``rows`` False: no table gained or lost a row (an edit), which
        :attr:`rows_changed` tells the slots of :attr:`changed` while they run."""
        self.rows_changed = rows
        try:
            self.changed.emit(collection, record_id)
        finally:
            self.rows_changed = True


class _Command(QUndoCommand):
    """A step on one record.  Each step keeps the version the record has right after it
    (``version``): undoing or redoing names that version, so a record someone changed since
    is refused (``StaleRecordError``, the message of a stale save), never overwritten."""

    def __init__(self, runner: CommandRunner, collection: str, record_id: str, text: str) -> None:
        super().__init__(text)
        self.runner, self.collection, self.record_id = runner, collection, record_id
        self._first = True
        self.purged = False  # the record was deleted for good: nothing left to replay
        self.version: int | None = None

    #: whether doing or undoing the step adds or removes rows (the sidebar's counts)
    changes_rows = True

    @property
    def area(self):
        return AREAS[self.collection]

    def touches(self) -> set[tuple[str, str]]:
        """The records the step needs to replay (collection, id)."""
        return {(self.collection, self.record_id)}

    def redo(self) -> None:
        if self._first:
            self._first = False
            self.runner._notify(self.collection, self.record_id, self.changes_rows)
            return
        self._guarded(self.do, "redo")

    def undo(self) -> None:
        self._guarded(self.undo_it, "undo")

    def _guarded(self, action, origin: str) -> None:
        try:
            if self.purged:
                raise UserError(
                    QCoreApplication.translate(
                        "commands",
                        "“%1” can no longer be undone or redone: the record is no longer in "
                        "the trash, it was deleted permanently.",
                    ).replace("%1", self.text())
                )
            with history.acting(origin), self.runner.writing():
                action()
        except Exception as exc:  # the step cannot be replayed: drop it, say why
            self.setObsolete(True)
            self.runner.failed.emit(exc)
        self.runner._notify(self.collection, self.record_id, self.changes_rows)

    def do(self) -> None:
        raise NotImplementedError

    def undo_it(self) -> None:
        raise NotImplementedError


class _Create(_Command):
    """A record created: undo moves it to the trash (never deletes it outright), redo takes
    it back out."""

    def __init__(self, runner, collection, record):
        super().__init__(
            runner,
            collection,
            record["id"],
            QCoreApplication.translate("commands", "Create “%1”").replace(
                "%1", AREAS[collection].label_of(record)
            ),
        )
        self.version = record["version"]
        self.item_id: int | None = None
        self.snapshot: dict | None = None

    def do(self) -> None:
        if self.item_id is not None:
            self.version = trash.restore(self.item_id).version
        elif self.snapshot is not None:
            removal.restore(self.snapshot)

    def undo_it(self) -> None:
        if self.collection in trash.TRASHABLE:
            self.item_id = trash.move_to_trash(self.collection, self.record_id, self.version).id
        else:
            self.snapshot = self.area.delete(self.record_id, self.version)


class _Update(_Command):
    changes_rows = False  # an edit: every table keeps its rows

    def __init__(self, runner, collection, before, after):
        super().__init__(
            runner,
            collection,
            before["id"],
            QCoreApplication.translate("commands", "Edit “%1”").replace(
                "%1", AREAS[collection].label_of(before)
            ),
        )
        self.before, self.after = _editable(before), _editable(after)
        self.version = after["version"]

    def do(self) -> None:
        self.version = self.area.update(self.record_id, copy.deepcopy(self.after), self.version)[
            "version"
        ]

    def undo_it(self) -> None:
        self.version = self.area.update(self.record_id, copy.deepcopy(self.before), self.version)[
            "version"
        ]


class _Delete(_Command):
    """A record deleted outright (a type that does not go to the trash)."""

    def __init__(self, runner, collection, snapshot):
        record = snapshot["record"]
        super().__init__(
            runner,
            collection,
            record["id"],
            QCoreApplication.translate("commands", "Delete “%1”").replace(
                "%1", AREAS[collection].label_of(record)
            ),
        )
        self.snapshot = snapshot

    def do(self) -> None:
        version = self.snapshot["deleted"][0]["row"].get("version")
        self.snapshot = {
            **self.area.delete(self.record_id, version),
            "record": self.snapshot["record"],
        }

    def undo_it(self) -> None:
        removal.restore(self.snapshot)


class _Trash(_Command):
    """A record moved to the trash: undo restores that trash item, redo trashes it again."""

    def __init__(self, runner, collection, entry: trash.TrashEntry):
        super().__init__(
            runner,
            collection,
            entry.record_id,
            QCoreApplication.translate("commands", "Delete “%1”").replace("%1", entry.label),
        )
        self.item_id = entry.id

    def do(self) -> None:
        self.item_id = trash.move_to_trash(self.collection, self.record_id, self.version).id

    def undo_it(self) -> None:
        self.version = trash.restore(self.item_id).version


class _Untrash(_Command):
    """A record put back from the trash: undo sends it to the trash again, redo restores it."""

    def __init__(self, runner, entry: trash.TrashEntry):
        super().__init__(
            runner,
            entry.collection,
            entry.record_id,
            QCoreApplication.translate("commands", "Restore “%1”").replace("%1", entry.label),
        )
        self.item_id: int | None = None
        self.version = entry.version

    def do(self) -> None:
        if self.item_id is not None:
            self.version = trash.restore(self.item_id).version

    def undo_it(self) -> None:
        self.item_id = trash.move_to_trash(self.collection, self.record_id, self.version).id


class _Merge(_Command):
    """Two records merged: undo takes the merge back (:func:`merge.unmerge`), redo merges
    them again with the same choices."""

    def __init__(self, runner, result: merge.MergeResult):
        super().__init__(
            runner,
            result.collection,
            result.kept_id,
            QCoreApplication.translate("commands", "Merge “%1” into “%2”")
            .replace("%1", result.other_label)
            .replace("%2", result.kept_label),
        )
        self.result = result
        self.version = result.kept_version
        self.other_version: int | None = None

    def do(self) -> None:
        self.result = merge.merge(
            self.collection,
            self.result.kept_id,
            self.result.other_id,
            self.result.values,
            (self.version, self.other_version),
        )
        self.version = self.result.kept_version

    def touches(self) -> set[tuple[str, str]]:
        return {(self.collection, self.record_id), (self.collection, self.result.other_id)}

    def undo_it(self) -> None:
        self.version = merge.unmerge(self.result)
        self.other_version = AREAS[self.collection].get(self.result.other_id)["version"]
