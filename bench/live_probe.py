"""Live refresh measured: the idle watch's cost and the delay from a save to the other
window painted, on a file or a server.

``python bench/live_probe.py DB_OR_URL [--saves 20] [--idle 10]`` prints one JSON line:

- ``idle``: for ``--idle`` seconds with a window open and nothing written, the statements
  its database connection ran, the pragmas the watch's own connection ran (SQLite) and
  the wake-ups of the watch (PostgreSQL: its socket); per second.
- ``delay``: ``--saves`` saves of a partner made on another connection of the same
  process (the window's services are not used: the window learns of it only through its
  watch), each timed from the save's commit to the window's list painted with the new
  name, after a random pause (so the saves fall anywhere in SQLite's poll); p50 / p95.
- ``floor``: in the same run, the window's own work for one such change once it knows
  (the feed read, the lists and the page refreshed, the list painted), p50 / p95.

The database is changed (a partner renamed back and forth): pass a copy.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def quantiles(values: list[float]) -> dict:
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return {"p50_ms": round(statistics.median(ordered) * 1000, 1), "p95_ms": round(p95 * 1000, 1)}


def other_connection(location):
    """A second connection the models are not bound to (another PC, another window)."""
    from relations_app.db import backend
    from relations_app.db.sqlite.connection import PRAGMAS, RelationsSqliteDatabase

    if location.is_server:
        return backend.for_location(location).open_standalone(location)
    db = RelationsSqliteDatabase(str(location.path), pragmas=PRAGMAS)
    db.connect()
    return db


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("db")
    parser.add_argument("--saves", type=int, default=20)
    parser.add_argument("--idle", type=float, default=10.0)
    args = parser.parse_args(argv)

    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication

    from relations_app import bootstrap
    from relations_app.db import backend
    from relations_app.db.models import ChangeSet, Partner, RecordChange, database
    from relations_app.location import DatabaseLocation
    from relations_app.services import partners
    from ui.shell.main_window import MainWindow

    location = DatabaseLocation.parse(args.db)
    app = QApplication.instance() or QApplication([])
    report = bootstrap.start(location, safety_copy=False)
    assert report.ok, report.message()
    window = MainWindow(location)
    window.resize(1366, 768)
    window.show()
    window.show_section("partners")
    section = window.sections["partners"]
    for _ in range(20):
        app.processEvents()
    live = window.live

    def run_for(seconds: float) -> None:
        end = time.perf_counter() + seconds
        while time.perf_counter() < end:
            app.processEvents()
            time.sleep(0.002)

    # -- idle --------------------------------------------------------------------------
    statements: list[str] = []
    real = database.obj.execute_sql

    def counted(sql, params=None, *a, **k):
        statements.append(sql)
        return real(sql, params, *a, **k)

    database.obj.execute_sql = counted
    pragmas: list[str] = []
    conn = getattr(live.watch, "_conn", None)
    if hasattr(conn, "set_trace_callback"):
        conn.set_trace_callback(pragmas.append)
    wakes = []
    real_woken = live.watch.woken

    def woken():
        wakes.append(1)
        return real_woken()

    live.watch.woken = woken
    run_for(args.idle)
    del database.obj.execute_sql
    idle = {
        "seconds": args.idle,
        "window_statements_per_s": round(len(statements) / args.idle, 2),
        "watch_pragmas_per_s": round(len(pragmas) / args.idle, 2),
        "watch_calls_per_s": round(len(wakes) / args.idle, 2),
    }
    if hasattr(conn, "set_trace_callback"):
        conn.set_trace_callback(None)

    # -- delay -------------------------------------------------------------------------
    target = partners.list_partners("").rows[0]
    base_name = target["name"]
    row_id = target["id"]
    other = other_connection(location)
    viewport = section.table.viewport()
    painted: list[float] = []

    class PaintWatch(QObject):
        def eventFilter(self, obj, event):
            if event.type() == QEvent.Type.Paint:
                painted.append(time.perf_counter())
            return False

    watcher = PaintWatch()
    viewport.installEventFilter(watcher)
    applied: list[float] = []
    live.applied.connect(lambda _b: applied.append(time.perf_counter()))
    delays, floors = [], []
    rng = random.Random(1)
    bound = [Partner, ChangeSet, RecordChange]
    for n in range(args.saves):
        run_for(rng.uniform(0.05, 0.6))
        name = f"{base_name} ({n})"
        with other.bind_ctx(bound), other.atomic():  # as another PC saves
            version = Partner.get_by_id(row_id).version
            Partner.update(name=name, version=version + 1).where(Partner.id == row_id).execute()
            at = datetime.now(UTC).replace(tzinfo=None)
            set_id = ChangeSet.insert(at=at, user_name="autre", origin="edit", summary="").execute()
            RecordChange.insert(
                change_set=set_id,
                collection="partners",
                record_id=row_id,
                kind="changed",
                version=version + 1,
                label=name,
            ).execute()
            backend.of(other).announce_change(other, set_id)
        saved = time.perf_counter()
        painted.clear()
        applied.clear()
        started: list[float] = []
        real_catch_up = live.catch_up

        def timed_catch_up(real_catch_up=real_catch_up, started=started):
            started.append(time.perf_counter())
            return real_catch_up()

        live._pending.timeout.disconnect()
        live._pending.timeout.connect(timed_catch_up)
        deadline = saved + 10
        while time.perf_counter() < deadline:
            app.processEvents()
            shown = section.model.index(section.model.row_of(row_id), 0).data()
            if applied and shown == name and painted and painted[-1] > applied[-1]:
                break
            time.sleep(0.001)
        live._pending.timeout.disconnect()
        live._pending.timeout.connect(live.catch_up)
        if not (applied and painted):
            raise SystemExit(f"save {n}: the window did not show it within 10 s")
        delays.append(painted[-1] - saved)
        floors.append(painted[-1] - (started[0] if started else applied[-1]))
    with other.bind_ctx(bound):
        Partner.update(name=base_name).where(Partner.id == row_id).execute()
    other.close()
    window.live.stop()
    print(
        json.dumps(
            {
                "backend": location.dialect,
                "idle": idle,
                "delay": {"saves": args.saves, **quantiles(delays)},
                "floor": quantiles(floors),
            }
        )
    )


if __name__ == "__main__":
    main(sys.argv[1:])
