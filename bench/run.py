"""The benchmark: ``make bench`` (``python bench/run.py``) prints one JSON object of figures.

It builds the big database if missing (``relations-app demo-data --partners 10000
--programmes 50000 --contacts 250000 --seed 1``, cached in ``bench/.data/``), then runs each
measurement in a process of its own (``bench/probes.py``) and gives every figure with its
floor measured in the same run and the ratio to it, and the targets of issue 7.

Options: ``--db FILE`` another database; ``--quick`` fewer repetitions, 100 scrolled pages,
no JSON import (a smoke run); ``--out FILE`` also write the JSON there.  Timings live here
only, never in the unit tests.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DATA = HERE / ".data"
SIZES = {"partners": 10_000, "programmes": 50_000, "contacts": 250_000}
SEED = 1
MARK = "BENCH-RESULT "  # as in probes.py
TARGETS = {  # issue 7, on the big database, two cores
    "start_window_s": 1.5,
    "search_p95_ms": 50.0,
    "open_partner_ms": 100.0,
    "factsheet_ms": 300.0,
    "peak_rss_mb": 400.0,
    "save_selected_p95_ms": 50.0,  # issue 19: a save until the list shows it selected
    "global_search_p95_ms": 60.0,  # issue 12: keystroke to grouped results painted
    "dashboard_ms": 300.0,  # issue 12: window shown to dashboard painted (p50)
}


def python() -> str:
    return sys.executable


def env(home: Path) -> dict:
    """The probes' environment: offscreen Qt, settings and data folders of their own."""
    return {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_DATA_HOME": str(home / "data"),
        "BENCH_TMP": str(home),
        "PYTHONDONTWRITEBYTECODE": "1",
    }


def probe(home: Path, *args: str, timed: bool = False) -> dict:
    """Run one probe; with ``timed``, the wall time from spawning it to its line."""
    started = time.perf_counter()
    process = subprocess.Popen(
        [python(), str(HERE / "probes.py"), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env(home),
        cwd=ROOT,
    )
    line = ""
    for line in process.stdout:  # the command's own lines, then the probe's result
        if line.startswith(MARK):
            break
    elapsed = time.perf_counter() - started
    _out, err = process.communicate(timeout=3600)
    if not line.startswith(MARK):
        raise SystemExit(f"probe {args[0]} failed:\n{err[-3000:]}")
    result = json.loads(line[len(MARK) :])
    if timed:
        result["wall_s"] = elapsed
    return result


def build_database(path: Path) -> dict:
    if path.exists() and path.stat().st_size:
        return {"built_now": False}
    path.parent.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    subprocess.run(
        [
            python(),
            str(HERE / "probes.py"),
            "cli",
            "--db",
            str(path),
            "demo-data",
            "--quiet",
            "--seed",
            str(SEED),
            *(f"--{k}={v}" for k, v in SIZES.items()),
        ],
        check=True,
        cwd=ROOT,
    )
    return {"built_now": True, "generation_s": round(time.perf_counter() - started, 1)}


def describe(path: Path) -> dict:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    counts = {
        t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0]
        for t in ("partner", "programme", "organisation", "contact", "position", "funding", "event")
    }
    conn.close()
    return {"path": str(path), "size_mb": round(path.stat().st_size / 2**20), "rows": counts}


def ratio(value: float, floor: float) -> float | None:
    return round(value / floor, 2) if floor else None


def warm(db: Path) -> None:
    """Read the database file once, as after a previous session: the start checks read all
    of it, and some virtual machines drop idle files from memory within seconds."""
    with open(db, "rb") as handle:
        while handle.read(1 << 24):
            pass


def start_figures(home: Path, db: Path, runs: int) -> dict:
    probe(home, "start-app", str(db), timed=True)  # warm-up: caches, the start copy
    figures = {}
    for name, section, args in (
        ("dashboard", "dashboard", ("start-app", str(db))),
        ("contacts_list", "contacts", ("start-app", str(db))),
        ("floor", None, ("start-floor",)),
    ):
        if section:
            probe(home, "landing", section)
        results = []
        for _ in range(runs):
            if section:
                warm(db)
            results.append(probe(home, *args, timed=True))
        figures[name] = {
            "s": round(statistics.median(r["wall_s"] for r in results), 3),
            "runs_s": [round(r["wall_s"], 3) for r in results],
            "peak_rss_mb": max(r["peak_rss_mb"] for r in results),
        }
    for name in ("dashboard", "contacts_list"):
        figures[name]["ratio_to_floor"] = ratio(figures[name]["s"], figures["floor"]["s"])
    return figures


def search_figures(gui: dict, floor: dict) -> dict:
    figures = {}
    for key, lengths in gui["search_ms"].items():
        figures[key] = {}
        for n, app in lengths.items():
            base = floor[key][n]
            figures[key][f"{n}_letter"] = {
                "p50_ms": app["p50"],
                "p95_ms": app["p95"],
                "max_ms": app["max"],
                "n": app["n"],
                "floor_p50_ms": base["p50"],
                "floor_p95_ms": base["p95"],
                "ratio_p50": ratio(app["p50"], base["p50"]),
                "ratio_p95": ratio(app["p95"], base["p95"]),
            }
    return figures


def json_figures(home: Path, db: Path) -> dict:
    out = home / "export.json"
    export = probe(home, "cli", "--db", str(db), "export", str(out))
    size = out.stat().st_size
    target = home / "imported.db"
    probe(home, "cli", "--db", str(target), "init", "--empty")
    imported = probe(home, "cli", "--db", str(target), "import", str(out))
    again = probe(home, "cli", "--db", str(target), "import", str(out))  # every record updated
    return {
        "export": {
            "s": export["seconds"],
            "file_mb": round(size / 2**20),
            "peak_rss_mb": export["peak_rss_mb"],
            "status": export["status"],
        },
        "import_into_empty": {
            "s": imported["seconds"],
            "peak_rss_mb": imported["peak_rss_mb"],
            "status": imported["status"],
        },
        "import_over_same_records": {
            "s": again["seconds"],
            "peak_rss_mb": again["peak_rss_mb"],
            "status": again["status"],
        },
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="database to measure (default: the cached big one)")
    parser.add_argument("--quick", action="store_true", help="a short smoke run")
    parser.add_argument("--out", type=Path, help="also write the JSON to this file")
    parser.add_argument(
        "--compare",
        type=Path,
        metavar="OLD.json",
        help="then list every figure more than 20 %% worse than in that saved run (exit 1 if any)",
    )
    args = parser.parse_args(argv)
    old_run = json.loads(args.compare.read_text(encoding="utf-8")) if args.compare else None
    db = (
        args.db
        or DATA
        / f"demo-{SIZES['partners']}-{SIZES['programmes']}-{SIZES['contacts']}-seed{SEED}.db"
    )
    result: dict = {"database": {**build_database(db)}}
    result["database"].update(describe(db))
    result["machine"] = {
        "cpus": os.cpu_count(),
        "python": sys.version.split()[0],
        "sqlite": sqlite3.sqlite_version,
    }
    home = Path(tempfile.mkdtemp(prefix="relations-bench-"))
    work = home / db.name
    try:
        shutil.copy2(db, work)  # the app writes (start copy, settings): keep the cache pristine
        result["start_window"] = start_figures(home, work, 1 if args.quick else 5)
        gui = probe(home, "gui", str(work), *(("100", "1") if args.quick else ("100000", "3")))
        floor = probe(home, "search-floor", str(work))
        result["search_as_you_type"] = search_figures(gui, floor["search_floor_ms"])
        result["open_record_ms"] = {
            "partner": gui["open_partner_ms"],
            "contact": gui["open_contact_ms"],
            "programme": gui["open_programme_ms"],
        }
        result["scroll_contacts"] = gui["scroll_contacts"]
        saved = probe(home, "save-select", str(work), "2" if args.quick else "5")
        result["save_until_selected_ms"] = {
            "contacts": saved["save_until_selected_ms"],
            "floor_service_save_ms": saved["floor_service_save_ms"],
            "ratio_p95": ratio(
                saved["save_until_selected_ms"]["p95"], saved["floor_service_save_ms"]["p95"]
            ),
            "places_in_sort_order": saved["places"],
        }
        result["window_minimum"] = probe(home, "window-size")["window_minimum"]
        result["profiles"] = probe(home, "profile", str(work))["profile"]
        everywhere = probe(home, "global-search", str(work), "1" if args.quick else "3")
        result["global_search"] = {
            "keystroke_ms": everywhere["global_search_ms"],
            "floor_raw_queries_ms": everywhere["floor_ms"],
            "statements_per_keystroke": everywhere["statements_per_keystroke"],
            "ratio_p50": ratio(
                everywhere["global_search_ms"]["p50"], everywhere["floor_ms"]["p50"]
            ),
            "ratio_p95": ratio(
                everywhere["global_search_ms"]["p95"], everywhere["floor_ms"]["p95"]
            ),
        }
        board = probe(home, "dashboard", str(work), "2" if args.quick else "5")
        result["dashboard"] = {
            "shown_to_painted_ms": board["dashboard_ms"],
            "built_shown_painted_ms": board["with_window_built_ms"],
            "floor_bare_window_ms": board["floor_ms"],
            "ratio_p50": ratio(board["dashboard_ms"]["p50"], board["floor_ms"]["p50"]),
        }
        sheets = probe(home, "factsheet", str(work), "20" if args.quick else "100")
        result["factsheet"] = {
            "one_sheet_ms": sheets["factsheet_ms"],
            "pages": sheets["factsheet_pages"],
            "floor_one_page_reportlab_ms": sheets["floor_ms"],
            "ratio_p50": ratio(sheets["factsheet_ms"]["p50"], sheets["floor_ms"]["p50"]),
            "all_sample_partners": sheets["all_sample"],
            "all_sheets_per_second": sheets["sheets_per_second"],
            "peak_rss_mb": sheets["peak_rss_mb"],
        }
        if not args.quick:
            result["json"] = json_figures(home, work)
        result["peak_rss_mb"] = {
            "start": max(
                result["start_window"][k]["peak_rss_mb"] for k in ("dashboard", "contacts_list")
            ),
            "window_search_open": gui["peak_rss_mb_before_scroll"],
            "window_after_scrolling_all_contacts": gui["peak_rss_mb"],
            "factsheets": sheets["peak_rss_mb"],
            **(
                {
                    "json_export": result["json"]["export"]["peak_rss_mb"],
                    "json_import": max(
                        result["json"]["import_into_empty"]["peak_rss_mb"],
                        result["json"]["import_over_same_records"]["peak_rss_mb"],
                    ),
                }
                if "json" in result
                else {}
            ),
        }
        result["targets"] = targets(result)
    finally:
        shutil.rmtree(home, ignore_errors=True)
    text = json.dumps(result, indent=2, ensure_ascii=False)
    print(text)
    if args.out:
        args.out.write_text(text + "\n", encoding="utf-8")
    if old_run is not None:
        from compare import report, worse

        print(report(old_run, result), file=sys.stderr)
        return 1 if worse(old_run, result) else 0
    return 0


def targets(result: dict) -> dict:
    search = result["search_as_you_type"]
    worst_p95 = max(f["p95_ms"] for lengths in search.values() for f in lengths.values())
    start = max(result["start_window"][k]["s"] for k in ("dashboard", "contacts_list"))
    partner = result["open_record_ms"]["partner"]["p95"]
    sheet = result["factsheet"]["one_sheet_ms"]["p95"]
    memory = max(result["peak_rss_mb"]["start"], result["peak_rss_mb"]["window_search_open"])
    measured = {
        "start_window_s": start,
        "search_p95_ms": worst_p95,
        "open_partner_ms": partner,
        "factsheet_ms": sheet,
        "peak_rss_mb": memory,
        "save_selected_p95_ms": result["save_until_selected_ms"]["contacts"]["p95"],
        "global_search_p95_ms": result["global_search"]["keystroke_ms"]["p95"],
        "dashboard_ms": result["dashboard"]["shown_to_painted_ms"]["p50"],
    }
    return {
        name: {"measured": value, "target": TARGETS[name], "met": value < TARGETS[name]}
        for name, value in measured.items()
    }


if __name__ == "__main__":
    sys.exit(main())
