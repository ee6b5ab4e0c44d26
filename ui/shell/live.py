"""Live refresh: what other windows and other PCs save shows here within a second.

The back end's watch (:meth:`~relations_app.db.backend.Backend.watch_changes`) is followed
from the event loop without blocking it: a ``QSocketNotifier`` on the listening
connection's socket for PostgreSQL (no query while nothing happens), a ``QTimer`` asking
SQLite's ``data_version`` every 400 ms.  When it wakes, the change feed
(:mod:`relations_app.services.change_feed`) says in one query which records others
changed; the window's own writes are left out (it refreshed when it made them).

Then the lists showing those records reload keeping the selection and the scroll, the
open pages read their record again (sections being edited stay open), the sidebar's
counts, the dashboard and the trash follow.  A page with unsaved edits is never reloaded:
when its own record changed elsewhere it shows a band (:mod:`.live_banner`) with the
stale edit's choices.  Nothing is applied while a modal dialog is open (the question
being asked may be about the very list that would reload); it is once the dialog closes.
"""

from __future__ import annotations

import itertools
import logging
import os
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QSocketNotifier, QTimer, Signal
from PySide6.QtWidgets import QApplication

from relations_app.services import NotFoundError, change_feed, history_read
from relations_app.services.change_feed import ChangeWatch, FeedBatch, FeedChange

from ..kit import stale
from ..kit.faults import show_error
from . import sidebar as sidebar_look
from .live_banner import ChangeBanner

if TYPE_CHECKING:
    from ..lists.section import Section
    from .main_window import MainWindow

log = logging.getLogger("relations.live")

RETRY_MS = 5000  # a lost watch (server restarted, network cut) is opened again this often
MODAL_WAIT_MS = 300  # while a dialog is open, changes wait and are looked at again
_tokens = itertools.count(1)


class LiveRefresh(QObject):
    """Keeps one window up to date with the changes other windows and clients commit."""

    # a batch of the others' changes was applied to the window (tests, measures)
    applied = Signal(object)

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.token = f"{os.getpid()}-{next(_tokens)}"
        window.runner.writer = self.token
        self.watch: ChangeWatch | None = None
        self.feed: change_feed.ChangeFeed | None = None
        self._notifier: QSocketNotifier | None = None
        self._poll = QTimer(self)
        self._poll.timeout.connect(self._woken)
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.setInterval(RETRY_MS)
        self._retry.timeout.connect(self._reopen)
        self._pending = QTimer(self)  # merges the wake-ups of one burst into one look
        self._pending.setSingleShot(True)
        self._pending.timeout.connect(self.catch_up)
        self.banners: dict[str, ChangeBanner] = {}
        self.start()

    # -- watching ----------------------------------------------------------------------

    def start(self) -> bool:
        """Open the watch, then take the feed's starting point (a commit in between wakes
        the watch and is found by the first look)."""
        try:
            self.watch = change_feed.watch(self.window.location)
            if self.feed is None:
                self.feed = change_feed.ChangeFeed(self.token)
        except Exception as exc:  # not fatal: the window works, without live refresh
            log.warning("live refresh unavailable for now: %s", exc)
            self._close_watch()
            self._retry.start()
            return False
        if self.watch.fileno is not None:
            self._notifier = QSocketNotifier(self.watch.fileno, QSocketNotifier.Type.Read, self)
            self._notifier.activated.connect(self._woken)
        else:
            self._poll.setInterval(self.watch.poll_ms)
            self._poll.start()
        return True

    def stop(self) -> None:
        self._retry.stop()
        self._pending.stop()
        self._close_watch()

    def _close_watch(self) -> None:
        self._poll.stop()
        if self._notifier is not None:
            self._notifier.setEnabled(False)
            self._notifier.deleteLater()
            self._notifier = None
        if self.watch is not None:
            try:
                self.watch.close()
            except Exception:  # already gone with its connection
                log.debug("closing the change watch", exc_info=True)
            self.watch = None

    def _reopen(self) -> None:
        if self.start():
            self._pending.start()  # what was missed while the watch was away

    def _woken(self, *_args: object) -> None:
        if self.watch is None:
            return
        try:
            woken = self.watch.woken()
        except Exception as exc:
            log.warning("live refresh: the watch was lost (%s); trying again", exc)
            self._close_watch()
            self._retry.start()
            return
        if woken:
            self._pending.start()

    # -- applying ----------------------------------------------------------------------

    def catch_up(self) -> FeedBatch | None:
        """Look at the feed and apply what others changed; None when nothing was read."""
        if self.feed is None:
            return None
        if QApplication.activeModalWidget() is not None:
            self._pending.start(MODAL_WAIT_MS)
            return None
        try:
            batch = self.feed.read()
        except Exception as exc:  # the server unreachable: the next wake-up tries again
            log.warning("live refresh: the changes could not be read (%s)", exc)
            return None
        if batch:
            try:
                self.apply(batch)
            except Exception as exc:  # a read failed half-way: the next change reloads
                log.warning("live refresh: the window could not reload (%s)", exc, exc_info=True)
                return None
            self.applied.emit(batch)
        return batch

    def apply(self, batch: FeedBatch) -> None:
        window = self.window
        touched = batch.collections
        for section in window.sections.values():
            list_too = batch.everything or any(section.shows(c) for c in touched)
            self._refresh(section, list_too, batch)
        current = window.stack.currentWidget()
        if current is window.trash_page:
            window.trash_page.refresh()
        elif current is window.dashboard:
            window.dashboard.refresh()
        sidebar_look.update_counts(window.sidebar)

    def _refresh(self, section: Section, list_too: bool, batch: FeedBatch) -> None:
        editor = section.editor
        record = editor.record
        if editor.dirty and record is not None:
            self._tell(section, batch)
        table_bar = section.table.verticalScrollBar()
        table_at = table_bar.value()
        page_bar = editor.page_scroll.verticalScrollBar()
        page_at = page_bar.value()
        shown = section.current_id
        open_parts = [] if editor.dirty else [s.name for s in editor.editing]
        section.refresh(list_too=list_too)
        if list_too and section.current_id == shown:
            table_bar.setValue(table_at)  # the same rows in sight, the selection kept
        if editor.dirty or section.current_id != shown:
            return
        if open_parts:  # the page read again, the sections being edited still open
            for part in editor.sections:
                if part.name in open_parts:
                    part.set_editing(True)
            editor.set_clean()  # (updates the Save/Cancel buttons)
        page_bar.setValue(page_at)

    def _tell(self, section: Section, batch: FeedBatch) -> None:
        """A page with unsaved edits whose record changed elsewhere: the band, never a
        reload."""
        record = section.editor.record
        assert record is not None
        change = batch.latest_for(section.spec.key, record["id"])
        if change is None and batch.everything:
            change = self._current_state(section)
        if change is None or (
            not change.removed and (change.version or 0) <= (record.get("version") or 0)
        ):
            return
        self.banner(section).tell(change)

    def _current_state(self, section: Section) -> FeedChange | None:
        """After changes too many to list: the record's own newest history line, when its
        version moved on or it is gone."""
        record = section.editor.record
        assert record is not None
        try:
            version = section.spec.get_fn(record["id"]).get("version")
        except NotFoundError:
            version = None
        if version is not None and version == record.get("version"):
            return None
        found = history_read.record_history(section.spec.key, record["id"], limit=1)
        if not found:
            return None
        last = found[0]
        return FeedChange(
            0, last.at, last.user, last.origin, section.spec.key, record["id"],
            last.kind if version is None else "changed", version, last.label,
        )  # fmt: skip

    # -- the band on a page --------------------------------------------------------------

    def banner(self, section: Section) -> ChangeBanner:
        key = section.spec.key
        if key not in self.banners:
            editor = section.editor
            band = ChangeBanner(editor)
            editor.outer.insertWidget(1, band)  # under the record's name
            editor.loaded.connect(lambda _record, b=band: b.clear())
            band.reload_theirs.connect(lambda s=section: self._reload_theirs(s))
            band.see_changes.connect(lambda s=section: self._see_changes(s))
            band.close_record.connect(lambda s=section: self._discard(s))
            self.banners[key] = band
        return self.banners[key]

    def _reload_theirs(self, section: Section) -> None:
        section.revert()  # the edits go, the record is read again (the band with them)

    def _discard(self, section: Section) -> None:
        section.editor.set_clean()
        section.refresh()

    def _see_changes(self, section: Section) -> None:
        """The stale edit's message (what the other change did) and its two choices."""
        record = section.editor.record
        if record is None:
            return
        try:
            refusal = change_feed.what_changed(section.spec.key, record["id"], record["version"])
        except Exception as exc:  # deleted meanwhile (its French message says so), a fault
            show_error(
                self.window,
                QCoreApplication.translate("live", "Changed elsewhere"),
                exc,
                self.window.location,
            )
            return
        if stale.ask_reload(self.window, refusal):
            section.revert()
