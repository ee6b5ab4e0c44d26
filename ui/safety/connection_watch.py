"""The shared server's connection lost: say so, keep the open edit, retry, resume.

The window hands every error of a server database to :meth:`ConnectionWatch.notice`
(through :data:`ui.kit.faults.connection_handler`); a lost connection
(:func:`relations_app.services.connection.lost`) is not an error to show in a dialog but a
state: the banner says "Connexion au serveur perdue — nouvel essai dans N s" and counts
down, the server is tried off the GUI thread after pauses of 1, 2, 4, 8, 15 then 30 s
(or at once with "Réessayer maintenant"), and once it answers the window's connection is
opened again and :attr:`restored` is emitted: the window reloads what it shows and
settles a save the loss interrupted (:meth:`MainWindow.resume_save`).  Nothing being
edited is touched meanwhile.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from relations_app.location import DatabaseLocation
from relations_app.services import connection

from ..kit.banner import Banner
from ..kit.tasks import run_in_background

RESTORED_SHOWN_MS = 4000


class ConnectionWatch(QObject):
    """Watches one window's server connection; :attr:`lost_now` while it is down."""

    restored = Signal()

    def __init__(self, location: DatabaseLocation, banner: Banner, parent: QObject) -> None:
        super().__init__(parent)
        self.location = location
        self.banner = banner
        self.backoff = connection.Backoff()
        self.pending: connection.PendingSave | None = None
        self.lost_now = False
        self.probing = False
        self.remaining = 0
        self.last_reason = ""
        self.timer = QTimer(self)
        self.timer.setInterval(1000)
        self.timer.timeout.connect(self._tick)
        self.fade = QTimer(self)
        self.fade.setSingleShot(True)
        self.fade.timeout.connect(self._fade)

    def notice(self, exc: BaseException) -> bool:
        """True (and the banner shown) when ``exc`` is the connection lost."""
        if not self.location.is_server or not connection.lost(exc):
            return False
        self.lose()
        return True

    def interrupted(self, save: connection.PendingSave) -> None:
        """A save was cut by the loss: settled once the server answers again."""
        self.pending = save
        self.lose()

    def lose(self) -> None:
        connection.reset()
        if self.lost_now:
            return
        self.lost_now = True
        self.fade.stop()
        self.backoff.reset()
        self._wait()

    def _wait(self) -> None:
        self.remaining = self.backoff.next_pause()
        self._say()
        self.timer.start()

    def _say(self) -> None:
        text = self.tr("Connection to the server lost — trying again in %n s", "", self.remaining)
        if self.pending is not None:
            text += " " + self.tr("(your changes are kept and will be saved)")
        self.banner.say(text, "warning", ((self.tr("Try &now"), self.try_now),))
        if self.last_reason:
            self.banner.setToolTip(self.last_reason)

    def _tick(self) -> None:
        self.remaining -= 1
        if self.remaining <= 0:
            self.try_now()
        else:
            self._say()

    def try_now(self) -> None:
        """Reach the server now, off the GUI thread."""
        if self.probing or not self.lost_now:
            return
        self.timer.stop()
        self.probing = True
        self.banner.say(self.tr("Connection to the server lost — trying again…"), "warning")
        location = self.location
        run_in_background(
            lambda _ctx: connection.reachable(location),
            on_success=lambda _r: self._back(),
            on_failure=self._still_lost,
        )

    def _still_lost(self, exc: Exception, _trace: str) -> None:
        self.probing = False
        self.last_reason = str(exc)
        self._wait()

    def _back(self) -> None:
        self.probing = False
        self.lost_now = False
        self.last_reason = ""
        connection.reset()  # the GUI thread's next statement connects afresh
        self.banner.setToolTip("")
        self.banner.say(self.tr("Connection to the server restored."), "success")
        self.fade.start(RESTORED_SHOWN_MS)
        self.restored.emit()

    def _fade(self) -> None:
        if not self.lost_now:
            self.banner.clear()

    def take_pending(self) -> connection.PendingSave | None:
        save, self.pending = self.pending, None
        return save
