"""SIGTERM (a logout, a shutdown) closes the window as Ctrl+Q does: exit copy, WAL checkpointed."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(
    not hasattr(signal, "SIGTERM") or os.name != "posix", reason="POSIX signals"
)

ROOT = Path(__file__).resolve().parent.parent


def _wait_for(predicate, timeout: float, what: str, proc: subprocess.Popen) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        if proc.poll() is not None:
            pytest.fail(f"the application ended before {what}: {proc.communicate()}")
        time.sleep(0.1)
    proc.kill()
    pytest.fail(f"timed out waiting for {what}: {proc.communicate()}")


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
def test_a_closing_signal_makes_the_exit_copy_and_checkpoints(tmp_path, isolated_home, signum):
    db_path = tmp_path / "relations.db"
    log = isolated_home / "data" / "Relations" / "relations.log"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    proc = subprocess.Popen(
        [sys.executable, str(ROOT / "main.py"), "--db", str(db_path)],
        env=env,
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    _wait_for(
        lambda: log.exists() and "will close it as Ctrl+Q does" in log.read_text("utf-8"),
        60,
        "the window",
        proc,
    )
    proc.send_signal(signum)
    try:
        out, err = proc.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        proc.kill()
        pytest.fail(f"{signum.name} did not close the window: {proc.communicate()}")
    assert proc.returncode == 0, (out, err)
    copies = sorted(p.name for p in (tmp_path / "backups").glob("relations-*-fermeture.db"))
    assert len(copies) == 1, sorted(p.name for p in (tmp_path / "backups").iterdir())
    wal = tmp_path / "relations.db-wal"
    assert not wal.exists() or wal.stat().st_size == 0
    assert f"{signum.name} received" in log.read_text("utf-8")


def test_the_bridge_wakes_the_event_loop_for_closing_signals_only(qapp):
    from ui.shell import signals

    calls: list[int] = []
    previous = signal.signal(signal.SIGUSR1, lambda *_: None)
    bridge = signals.SignalBridge(on_signal=lambda: calls.append(1))
    try:
        signal.raise_signal(signal.SIGUSR1)  # written to the wakeup socket too: not closing
        signal.raise_signal(signal.SIGTERM)
        deadline = time.monotonic() + 5
        while not calls and time.monotonic() < deadline:
            qapp.processEvents()
        assert calls == [1]
        assert bridge.received == [signal.SIGTERM]
    finally:
        bridge.uninstall()
        signal.signal(signal.SIGUSR1, previous)
    assert signal.getsignal(signal.SIGTERM) is signal.SIG_DFL
    assert signal.set_wakeup_fd(-1) == -1  # the wakeup descriptor given back
