"""Errors never disappear: the rotating log, the exception hooks, the CLI's one line."""

from __future__ import annotations

import logging
import sys
import threading
from pathlib import Path

from relations_app import cli, logs
from relations_app.commands import exchange as exchange_commands
from relations_app.faults import fault_from


def read_log() -> str:
    path = logs.log_path()
    for handler in logging.getLogger().handlers:
        handler.flush()
    return path.read_text(encoding="utf-8") if path.exists() else ""


def test_the_log_is_in_the_isolated_data_folder(isolated_home):
    path = logs.setup()
    assert path == isolated_home / "data" / "Relations" / "relations.log"
    assert logs.log_path() == path
    logs.logger.info("hello")
    assert "hello" in read_log()


def test_an_uncaught_exception_is_logged_with_its_traceback(isolated_home):
    logs.setup()
    shown = []
    logs.set_reporter(lambda exc, trace: shown.append((exc, trace)))
    try:
        raise ValueError("la valeur manque")
    except ValueError:
        sys.excepthook(*sys.exc_info())
    text = read_log()
    assert "Traceback" in text and "ValueError: la valeur manque" in text
    assert len(shown) == 1 and "Traceback" in shown[0][1]


def test_an_exception_in_a_thread_is_logged(isolated_home):
    logs.setup()

    def work():
        raise RuntimeError("dans un fil")

    thread = threading.Thread(target=work, name="travail")
    thread.start()
    thread.join()
    text = read_log()
    assert "thread travail" in text and "RuntimeError: dans un fil" in text


def test_shutdown_gives_the_hooks_back():
    before = sys.excepthook, threading.excepthook
    logs.setup()
    assert sys.excepthook is not before[0]
    logs.shutdown()
    assert (sys.excepthook, threading.excepthook) == before


def test_a_database_fault_writes_its_detail_to_the_log(isolated_home):
    logs.setup()
    fault = fault_from(OSError(28, "No space left on device"), Path("/tmp/x.db"))
    assert fault is not None and fault.kind == "disk_full"
    assert "disk_full" in read_log() and "No space left on device" in read_log()


def test_the_cli_prints_one_line_for_a_bug_and_logs_the_traceback(
    tmp_path, capsys, monkeypatch, isolated_home
):
    db = tmp_path / "r.db"
    assert cli.main(["--db", str(db), "init", "--empty"]) == 0

    def boom(*_args, **_kwargs):
        raise KeyError("colonne")

    monkeypatch.setattr(exchange_commands, "export_file", boom)
    assert cli.main(["--db", str(db), "export", str(tmp_path / "a.json")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert "erreur inattendue" in err and "relations.log" in err
    assert "KeyError: 'colonne'" in read_log() and "Traceback" in read_log()


def test_a_folder_that_cannot_be_written_leaves_the_application_running(tmp_path, capsys):
    blocker = tmp_path / "file"
    blocker.write_text("")
    logs.setup(blocker / "sub")
    assert "journal impossible" in capsys.readouterr().err


def test_the_log_rotates(isolated_home):
    logs.setup()
    for _ in range(3):
        logs.logger.info("x" * (logs.MAX_BYTES // 2))
    folder = logs.log_path().parent
    assert (folder / "relations.log.1").exists()
