"""The window shows before the whole-file check; the check then runs in the background, and
a damaged file found then gets the start's dialog, with no exit copy of it made."""

import threading

from test_start_checks import broken_copy

from relations_app import bootstrap
from relations_app.db.gate import GATE
from relations_app.location import DatabaseLocation
from ui.pages import dashboard as dashboard_page
from ui.safety.startup import DamagedDatabaseDialog, check_after_first_paint, open_database
from ui.shell import app as ui_app
from ui.shell.main_window import MainWindow


def test_a_sound_file_shows_the_window_then_checks_it(qtbot, qapp, brest_db, tmp_path, monkeypatch):
    ui_app.install_translators(qapp, "fr")
    bootstrap.close()
    location = DatabaseLocation.file(tmp_path / "brest.db")
    report = open_database(location, check_later=True)
    assert report is not None and report.check_pending and GATE.pending
    window = MainWindow(location)
    qtbot.addWidget(window)
    checks = []
    kept = bootstrap.finish_start_check
    monkeypatch.setattr(bootstrap, "finish_start_check", lambda r: (checks.append(r), kept(r))[1])
    damaged = []
    check_after_first_paint(window, report, lambda: damaged.append(True))
    assert window.statusBar().currentMessage() == "Vérification de la base…"
    qapp.processEvents()
    assert checks == [] and GATE.pending  # not shown, not painted: the check waits
    window.show()
    qtbot.waitUntil(lambda: not GATE.pending, timeout=30_000)
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() == "", timeout=5_000)
    assert damaged == [] and report.ok and checks == [report]
    bootstrap.close()


def test_the_check_waits_for_the_dashboards_first_reads(
    qtbot, qapp, brest_db, tmp_path, monkeypatch
):
    """Read beside the dashboard's first reads, the whole file would be read twice over on a
    cold start: the check starts once they are shown (and writes still wait for it)."""
    bootstrap.close()
    location = DatabaseLocation.file(tmp_path / "brest.db")
    report = open_database(location, check_later=True)
    assert report is not None and report.check_pending
    reads_may_end = threading.Event()
    read = dashboard_page.read_overview
    monkeypatch.setattr(
        dashboard_page, "read_overview", lambda today: (reads_may_end.wait(30), read(today))[1]
    )
    window = MainWindow(location)
    qtbot.addWidget(window)
    checks = []
    kept = bootstrap.finish_start_check
    monkeypatch.setattr(bootstrap, "finish_start_check", lambda r: (checks.append(r), kept(r))[1])
    check_after_first_paint(window, report, lambda: None)
    window.show()
    qtbot.waitExposed(window)
    qtbot.wait(300)  # painted; the check would have begun by now
    assert checks == [] and GATE.pending and not window.dashboard.filled
    reads_may_end.set()
    qtbot.waitUntil(lambda: not GATE.pending, timeout=30_000)
    assert window.dashboard.filled and checks == [report] and report.ok
    bootstrap.close()


def test_a_damaged_file_found_after_the_window_showed_gets_the_start_dialog(
    qtbot, brest_db, tmp_path, monkeypatch
):
    broken = tmp_path / "abimee.db"
    broken_copy(brest_db.database, broken)
    bootstrap.close()
    location = DatabaseLocation.file(broken)
    shown = []

    def answer(dialog):
        shown.append(dialog.message.text())
        return DamagedDatabaseDialog.QUIT

    monkeypatch.setattr(DamagedDatabaseDialog, "exec", answer)
    backups = location.backup_folder
    report = open_database(location, check_later=True)
    assert report is not None and report.check_pending  # nothing found yet: the window opens
    quits = []
    session = ui_app.WindowSession(location, lambda: quits.append(True))
    session.show(report)
    window = session.window
    qtbot.addWidget(window)
    assert window.isVisible()
    qtbot.waitUntil(lambda: bool(quits), timeout=30_000)  # the person chose Quit in the dialog
    assert shown and "est endommagée" in shown[0] and "clé étrangère rompue" in shown[0]
    assert not window.isVisible()
    assert not backups.exists() or list(backups.glob("*.db")) == []  # no copy of it made
    bootstrap.close()
