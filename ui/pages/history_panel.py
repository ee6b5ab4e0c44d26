"""The "Historique" panel of a record's page: who created it and who last changed it, every
change newest first, and putting back one field or the whole record as it was before a
chosen change.

Self-contained: give it the command runner and the collection, then :meth:`show_record`
with the record the page shows.  The lines are the domain's French
(:mod:`relations_app.services.history_text`); putting back is an ordinary undoable edit
through the runner, told as "retour à une version antérieure", and names the version the
page was showing: if the record moved on since, it is refused like a stale save.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from relations_app.services import StaleRecordError, history, history_read, history_text

from ..kit import stale
from ..kit.faults import show_error

# Item data: (change id, field key or None, kind of change).
ROLE = Qt.ItemDataRole.UserRole
SHOWN = 200  # changes listed (the command line lists them all)


class HistoryPanel(QWidget):
    """The record's history, for its page."""

    def __init__(self, runner, collection: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("historyPanel")
        self.runner = runner
        self.collection = collection
        self.record_id: str | None = None
        self.version: int | None = None
        self._newest: int | None = None  # the newest change listed (its id)
        self._stamp = history_read.Stamp(None, None, None, None)
        self._top_shaded = False  # whether the newest change's lines have a background
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.stamp = QLabel(self)
        self.stamp.setObjectName("historyStamp")
        self.stamp.setWordWrap(True)
        self.stamp.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.stamp)
        self.list = QListWidget(self)
        self.list.setObjectName("historyList")
        self.list.setAccessibleName(self.tr("History"))
        self.list.setWordWrap(True)
        self.list.setMaximumHeight(220)
        self.list.currentItemChanged.connect(self._update_buttons)
        layout.addWidget(self.list)
        bar = QHBoxLayout()
        self.field_button = QPushButton(self.tr("Put this value back"), self)
        self.field_button.setObjectName("historyPutFieldBack")
        self.field_button.setToolTip(
            self.tr("The selected field takes again the value it had before this change.")
        )
        self.record_button = QPushButton(self.tr("Put the record back as before this change"), self)
        self.record_button.setObjectName("historyPutRecordBack")
        bar.addWidget(self.field_button)
        bar.addWidget(self.record_button)
        bar.addStretch(1)
        layout.addLayout(bar)
        self.field_button.clicked.connect(lambda: self._put_back(whole=False))
        self.record_button.clicked.connect(lambda: self._put_back(whole=True))
        self._update_buttons()

    # -- showing ---------------------------------------------------------------------------

    def read(self, record: dict) -> tuple[list[history_read.Change], history_read.Stamp]:
        """What :meth:`show_record` shows of ``record``, read (one statement)."""
        return history_read.page_history(self.collection, record["id"], SHOWN)

    def show_record(
        self,
        record: dict | None,
        read: tuple[list[history_read.Change], history_read.Stamp] | None = None,
        known: Mapping[str, Mapping[str, str | None]] | None = None,
    ) -> None:
        """The history of ``record`` (the page's copy, with its version); None: a new one.
        ``read``: what :meth:`read` returned for it; ``known``: the names of the records
        its changes refer to, read by the page with its own (collection -> id -> name,
        None for a record that no longer exists)."""
        self.list.clear()
        self.record_id = record["id"] if record else None
        self.version = record.get("version") if record else None
        self._newest = None
        if record is None:
            self.stamp.setText(self.tr("Not saved yet."))
            self._update_buttons()
            return
        changes, self._stamp = read if read is not None else self.read(record)
        self.stamp.setText(self._stamp_text(self._stamp))
        self._add_lines(changes, shaded_first=False, known=known)
        if not changes:
            self.list.addItem(self.tr("No change recorded yet."))
        self._update_buttons()

    def show_saved(self, record: dict) -> None:
        """``record`` as this page just saved it: only its changes newer than the newest
        line shown are read and put on top (the panel already shows the rest), and the
        stamp says who changed it last; another record, or none shown, is read whole."""
        if record.get("id") != self.record_id or self._newest is None:
            self.show_record(record)
            return
        self.version = record.get("version")
        newer = history_read.record_changes_after(self.collection, record["id"], self._newest)
        if not newer:
            return
        # the oldest new change shaded unlike the line under it, the newer ones alternating
        first = (not self._top_shaded) != (len(newer) % 2 == 0)
        self._add_lines(newer, shaded_first=first, at_top=True)
        last = newer[0]
        self._stamp = dataclasses.replace(self._stamp, changed_by=last.user, changed_at=last.at)
        self.stamp.setText(self._stamp_text(self._stamp))
        self._update_buttons()

    def _add_lines(
        self,
        changes,
        *,
        shaded_first: bool,
        at_top: bool = False,
        known: Mapping[str, Mapping[str, str | None]] | None = None,
    ) -> None:
        """The lines of ``changes`` (newest first), at the end or on top of the list; the
        lines of one change share a background, every other change shaded."""
        if changes:
            self._top_shaded = shaded_first if at_top or not self.list.count() else False
        names = history_text.Names.of(changes, known)
        shade = self.palette().alternateBase()
        items: list[QListWidgetItem] = []
        for number, change in enumerate(changes):
            keys: list[str | None] = list(change.fields) if change.kind == "changed" else []
            if change.kind == "merged":  # the line saying it, then its fields
                keys = [None, *change.fields]
            texts = history_text.lines(change, names)
            for key, text in zip(keys or [None], texts, strict=False):
                item = QListWidgetItem(text)
                # A document's change is its own: nothing of the record to put back.
                own = change.collection == self.collection
                item.setData(ROLE, (change.id, key, change.kind if own else "document"))
                if key is not None and own:
                    item.setToolTip(history_text.detail(change, key, names))
                if (number % 2 == 1) != shaded_first:
                    item.setBackground(shade)
                items.append(item)
            if change.id and (self._newest is None or change.id > self._newest):
                self._newest = change.id
        for place, item in enumerate(items):
            if at_top:
                self.list.insertItem(place, item)
            else:
                self.list.addItem(item)

    def _stamp_text(self, stamp: history_read.Stamp) -> str:
        parts = []
        if stamp.created_by and stamp.created_at:
            parts.append(
                self.tr("Created by %1, %2")
                .replace("%1", stamp.created_by)
                .replace("%2", history_text.when_fr(stamp.created_at))
            )
        if stamp.changed_by and stamp.changed_at:
            parts.append(
                self.tr("last changed by %1, %2")
                .replace("%1", stamp.changed_by)
                .replace("%2", history_text.when_fr(stamp.changed_at))
            )
        if not parts:
            return self.tr("Created before the history was kept.")
        text = " ; ".join(parts)
        return text[:1].upper() + text[1:] + "."

    def _selected(self) -> tuple[int, str | None, str] | None:
        item = self.list.currentItem()
        data = item.data(ROLE) if item is not None else None
        return tuple(data) if data else None

    def _update_buttons(self, *_args) -> None:
        chosen = self._selected()
        can_go_back = chosen is not None and chosen[0] > 0 and chosen[2] == "changed"
        self.field_button.setEnabled(can_go_back and chosen is not None and chosen[1] is not None)
        self.record_button.setEnabled(can_go_back)

    # -- putting back ----------------------------------------------------------------------

    def _put_back(self, *, whole: bool) -> None:
        chosen = self._selected()
        if chosen is None or self.record_id is None:
            return
        change_id, key, _kind = chosen
        record_id = self.record_id
        try:
            values, _now = history_read.put_back_values(
                self.collection, record_id, change_id, None if whole else key
            )
            if values:
                with history.acting("revert"):
                    self.runner.update(self.collection, record_id, values, self.version)
        except StaleRecordError as exc:  # the record moved on since the page was read
            if stale.ask_reload(self, exc):
                self.runner.changed.emit(self.collection, record_id)  # every view reloads
            return
        except Exception as exc:
            show_error(
                self,
                self.tr("Cannot put back"),
                exc,
                getattr(self.runner, "location", None),
                name="historyError",
            )
            return
