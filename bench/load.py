"""Load test (issue 13 §4): ten client processes editing, importing and searching one server.

    python bench/load.py [--db postgresql://…] [--source FILE] [--processes 10] [--seconds 60]
    make bench BENCH_ARGS=--load          # the same, from the benchmark's big database

Without ``--db``, a throwaway local server is started (``tools/pg_cluster.py``) and
``--source`` (default: the benchmark's big database) is copied onto it with ``relations-app
copy``.  Each process opens the database as the window does and, for ``--seconds``, picks
an action at random, as a person would, with a short pause between two:

- edit (60 %): a contact of a set of 40 that every process edits (so that two people often
  save the same record), read with its version, saved with a new note through the
  service, the version checked (``StaleRecordError`` when someone saved it in between:
  the person is told, nothing is overwritten);
- search (30 %): a list searched as typed (contacts, partners, programmes, 1 to 6 letters);
- import (10 %): a JSON document of three new contacts (``jsonio.import_document``).

Afterwards, read on a connection of its own: every save a process was told had succeeded
is in the database's history with its version and its note, no version was acknowledged
twice (two saves of version 5 would mean one overwrote the other), each edited contact's
version went up by exactly its acknowledged saves and shows the last one's note, and every
imported contact is there.  ``lost_updates`` counts what failed those checks (must be 0).
An error a person would have seen is counted as ``retry_would_have_avoided`` when the
application classifies it as another connection holding a lock, a deadlock or a
serialisation failure (``faults.is_busy``: the service's own retries should have absorbed
it; must be 0), else as ``other_errors``.  The save's p50/p95 under load are given with a
floor: the same saves made by one process alone on the same server just before.

Prints one JSON object (``--out FILE`` also writes it there).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
import uuid
from contextlib import ExitStack
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

HOT_CONTACTS = 40
WEIGHTS = {"edit": 0.6, "search": 0.3, "import": 0.1}
PAUSE_S = (0.0, 0.05)  # between two actions of one process
WORDS = ["martin", "lukasi", "sorens", "ivanov", "nguyen", "kiel", "bejaia", "echang", "mobili"]
FLOOR_SAVES = 30


def quantiles(values: list[float]) -> dict:
    from probes import quantiles as q

    return q(values) if values else {"p50": None, "p95": None, "max": None, "n": 0}


# -- one client ---------------------------------------------------------------------------


def open_server(url: str) -> None:
    from relations_app import bootstrap
    from relations_app.location import DatabaseLocation

    report = bootstrap.start(DatabaseLocation.parse(url), safety_copy=False)
    assert report.ok, report.message()


def new_contacts(worker: int, n: int) -> list[dict]:
    return [
        {
            "id": str(uuid.uuid4()),
            "family_name": f"Charge{worker}",
            "given_name": f"Essai {n}-{k}",
            "email": f"charge{worker}.{n}.{k}@example.org",
            "notes": f"import du processus {worker}",
        }
        for k in range(3)
    ]


def worker(url: str, number: int, hot: list[str], go: Path, seconds: float) -> dict:
    """The loop of one client process; returns what it did and what it was told."""
    from relations_app import faults, jsonio
    from relations_app.services import contacts, partners, programmes
    from relations_app.services.versions import StaleRecordError

    open_server(url)
    rng = random.Random(number)
    lists = (contacts.list_contacts, partners.list_partners, programmes.list_programmes)
    done: dict = {
        "acked_saves": [],
        "imported": [],
        "stale_refused": 0,
        "retry_would_have_avoided": [],
        "other_errors": [],
        "save_ms": [],
        "search_ms": [],
        "import_ms": [],
        "actions": dict.fromkeys(WEIGHTS, 0),
    }
    ready = go.with_name(f"ready-{number}")
    ready.write_text("ready", encoding="utf-8")  # connected: the run starts when all are
    while not go.exists():
        time.sleep(0.01)
    start_at = float(go.read_text(encoding="utf-8"))
    while time.time() < start_at:
        time.sleep(0.005)
    end, n = start_at + seconds, 0
    while time.time() < end:
        n += 1
        action = rng.choices(list(WEIGHTS), weights=list(WEIGHTS.values()))[0]
        done["actions"][action] += 1
        started = time.perf_counter()
        try:
            if action == "edit":
                contact_id = rng.choice(hot)
                version = contacts.get_contact(contact_id)["version"]
                note = f"processus {number}, modification {n}"
                started = time.perf_counter()
                after = contacts.update_contact(contact_id, {"notes": note}, version)
                done["save_ms"].append((time.perf_counter() - started) * 1000)
                done["acked_saves"].append([contact_id, after["version"], note])
            elif action == "search":
                word = rng.choice(WORDS)
                rng.choice(lists)(word[: rng.randint(1, 6)], limit=100)
                done["search_ms"].append((time.perf_counter() - started) * 1000)
            else:
                rows = new_contacts(number, n)
                jsonio.import_document({"format": "relations-app", "version": 1, "contacts": rows})
                done["import_ms"].append((time.perf_counter() - started) * 1000)
                done["imported"] += [r["id"] for r in rows]
        except StaleRecordError:
            done["stale_refused"] += 1  # told "someone saved it meanwhile": nothing lost
        except Exception as exc:
            kind = "retry_would_have_avoided" if faults.is_busy(exc) else "other_errors"
            done[kind].append(f"{action}: {type(exc).__name__}: {exc}"[:300])
        time.sleep(rng.uniform(*PAUSE_S))
    return done


# -- the run ------------------------------------------------------------------------------


def hot_set(url: str) -> dict[str, int]:
    """The contacts every process edits, with their version before the run."""
    from probes import raw_connection

    conn = raw_connection(url)
    rows = conn.execute(
        "SELECT id, version FROM contact ORDER BY sort_key LIMIT %s", (HOT_CONTACTS,)
    ).fetchall()
    return dict(rows)


def floor_saves(url: str, hot: list[str]) -> list[float]:
    """The same saves, one process alone on the server (the floor of the save's p95)."""
    from relations_app.services import contacts

    open_server(url)
    times = []
    for n in range(FLOOR_SAVES + 5):
        contact_id = hot[n % len(hot)]
        version = contacts.get_contact(contact_id)["version"]
        started = time.perf_counter()
        contacts.update_contact(contact_id, {"notes": f"plancher {n}"}, version)
        times.append((time.perf_counter() - started) * 1000)
    return times[5:]


def verify(url: str, before: dict[str, int], results: list[dict]) -> dict:
    """Every acknowledged save and import is in the database (see the module's text)."""
    from probes import raw_connection

    conn = raw_connection(url)
    problems: list[str] = []
    acked: dict[str, dict[int, str]] = {contact_id: {} for contact_id in before}
    for result in results:
        for contact_id, version, note in result["acked_saves"]:
            if version in acked[contact_id]:
                problems.append(f"{contact_id}: version {version} acknowledged twice")
            acked[contact_id][version] = note
    for contact_id, versions in acked.items():
        version, notes = conn.execute(
            "SELECT version, notes FROM contact WHERE id = %s", (contact_id,)
        ).fetchone()
        history = dict(
            conn.execute(
                "SELECT version, fields FROM record_change WHERE collection = 'contacts' "
                "AND record_id = %s AND version > %s",
                (contact_id, before[contact_id]),
            ).fetchall()
        )
        for acked_version, note in versions.items():
            fields = json.loads(history.get(acked_version) or "{}")
            if fields.get("notes", [None, None])[1] != note:
                problems.append(f"{contact_id}: version {acked_version} ({note!r}) not in history")
        expected = before[contact_id] + len(versions)
        if version != expected:
            problems.append(f"{contact_id}: at version {version}, {expected} acknowledged")
        if versions and notes != versions[max(versions)]:
            problems.append(f"{contact_id}: shows {notes!r}, not the last save's")
    imported = [i for r in results for i in r["imported"]]
    found = {
        row[0]
        for row in conn.execute("SELECT id FROM contact WHERE id = ANY(%s)", (imported,)).fetchall()
    }
    problems += [f"imported contact {i} missing" for i in imported if i not in found]
    return {
        "lost_updates": len(problems),
        "problems": problems[:20],
        "saves_checked": sum(len(v) for v in acked.values()),
        "imports_checked": len(imported),
    }


def run(url: str, processes: int, seconds: float, home: Path) -> dict:
    hot = list(hot_set(url))
    floor = floor_saves(url, hot)
    before = hot_set(url)  # after the floor's own saves
    go = home / "go"
    spawned = []
    for number in range(processes):
        out = home / f"worker-{number}.json"
        spawned.append(
            (
                out,
                subprocess.Popen(
                    [
                        sys.executable,
                        str(Path(__file__).resolve()),
                        "--worker",
                        str(number),
                        "--db",
                        url,
                        "--seconds",
                        str(seconds),
                        "--go",
                        str(go),
                        "--hot",
                        ",".join(hot),
                        "--out",
                        str(out),
                    ],
                    cwd=ROOT,
                    env={**os.environ, "XDG_CONFIG_HOME": str(home), "XDG_DATA_HOME": str(home)},
                ),
            )
        )
    deadline = time.monotonic() + 600
    while any(not (home / f"ready-{n}").exists() for n in range(processes)):
        if time.monotonic() > deadline or any(p.poll() is not None for _o, p in spawned):
            raise SystemExit("the load workers did not all start")
        time.sleep(0.05)
    go.write_text(str(time.time() + 0.5), encoding="utf-8")  # together, from now
    for _out, process in spawned:
        process.wait(timeout=seconds + 600)
        if process.returncode != 0:
            raise SystemExit(f"load worker failed ({process.returncode}), see above")
    load_after = [round(x, 2) for x in os.getloadavg()]
    results = [json.loads(out.read_text(encoding="utf-8")) for out, _ in spawned]
    saves = [t for r in results for t in r["save_ms"]]
    floor_q, saves_q = quantiles(floor), quantiles(saves)
    return {
        "processes": processes,
        "seconds": seconds,
        "actions": {k: sum(r["actions"][k] for r in results) for k in WEIGHTS},
        "saves_acknowledged": len(saves),
        "stale_edits_refused": sum(r["stale_refused"] for r in results),
        **verify(url, before, results),
        "retry_would_have_avoided": sum(len(r["retry_would_have_avoided"]) for r in results),
        "other_errors": sum(len(r["other_errors"]) for r in results),
        "errors_seen": [
            e for r in results for e in r["retry_would_have_avoided"] + r["other_errors"]
        ][:20],
        "save_ms": saves_q,
        "floor_save_alone_ms": floor_q,
        "ratio_p95": round(saves_q["p95"] / floor_q["p95"], 2)
        if saves and floor_q["p95"]
        else None,
        "search_ms": quantiles([t for r in results for t in r["search_ms"]]),
        "import_ms": quantiles([t for r in results for t in r["import_ms"]]),
        "load_after": load_after,
    }


def default_source() -> Path:
    from run import DATA, SEED, SIZES

    return (
        DATA / f"demo-{SIZES['partners']}-{SIZES['programmes']}-{SIZES['contacts']}-seed{SEED}.db"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="a server database to load (default: a throwaway one)")
    parser.add_argument("--source", type=Path, help="database file copied onto the server")
    parser.add_argument("--processes", type=int, default=10)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--out", type=Path)
    parser.add_argument("--worker", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--go", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--hot", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker is not None:
        done = worker(args.db, args.worker, args.hot.split(","), args.go, args.seconds)
        args.out.write_text(json.dumps(done), encoding="utf-8")
        return 0
    home = Path(tempfile.mkdtemp(prefix="relations-load-"))
    with ExitStack() as stack:
        url = args.db
        result: dict = {"load_before": [round(x, 2) for x in os.getloadavg()]}
        if url is None:
            sys.path.insert(0, str(ROOT / "tools"))
            import pg_cluster

            cluster = stack.enter_context(pg_cluster.Cluster())
            url = cluster.url.rsplit("/", 1)[0] + "/load"
            source = args.source or default_source()
            started = time.perf_counter()
            subprocess.run(
                [sys.executable, str(HERE / "probes.py"), "cli", "copy", str(source), url],
                check=True,
                cwd=ROOT,
                stdout=subprocess.DEVNULL,
            )
            result["copied"] = {"source": str(source), "s": round(time.perf_counter() - started, 1)}
        result.update(run(url, args.processes, args.seconds, home))
    text = json.dumps(result, indent=2, ensure_ascii=False)
    print(text)
    if args.out:
        args.out.write_text(text + "\n", encoding="utf-8")
    return 0 if result["lost_updates"] == 0 and result["retry_would_have_avoided"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
