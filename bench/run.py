"""The benchmark: ``make bench`` (``python bench/run.py``) prints one JSON object of figures.

It builds the big database if missing (``relations-app demo-data --partners 10000
--programmes 50000 --contacts 250000 --seed 1``, cached in ``bench/.data/``), then runs each
measurement in a process of its own (``bench/probes.py``) and gives every figure with its
floor measured in the same run and the ratio to it, and the targets of issue 7.

Then the same figures on PostgreSQL (issue 13 §5): the database copied with ``relations-app
copy`` onto a throwaway local server (``tools/pg_cluster.py``), measured there (key
``postgresql``), then once more through ``bench/latency_proxy.py``, which adds 1 ms each
way as an office network would (``postgresql_2ms``).  Each server run has its own floors
(the same statements through a bare psycopg connection, a ``SELECT 1`` round trip), its
ratios to the SQLite figures and the statements each action sends (keystroke, page
opened, save, scrolled page), checked against issue 13's targets.

Options: ``--db FILE`` another database; ``--quick`` fewer repetitions, 100 scrolled pages,
no JSON import (a smoke run); ``--backends sqlite,postgresql,postgresql_2ms`` which runs
(default all three); ``--out FILE`` also write the JSON there.  The machine's load is
given before and after (other work on the machine slows every figure).  Timings live here
only, never in the unit tests.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DATA = HERE / ".data"
SIZES = {"partners": 10_000, "programmes": 50_000, "contacts": 250_000}
#: ``--size``: the big database, or four times larger (issue 16 §2)
SCALES = {"big": 1, "xl": 4}
#: issue 16 §2, on the extra-large database
XL_TARGETS = {
    "search_p95_ms": 50.0,  # keystroke to list, every list
    "first_paint_ms": 200.0,  # a list shown for the first time until painted
    "global_search_p95_ms": 80.0,
    "profile_p95_ms": 50.0,  # a profile opened, the worst record type
    "window_after_scrolling_all_contacts_mb": 400.0,
}
SEED = 1
MARK = "BENCH-RESULT "  # as in probes.py
TARGETS = {  # issue 7, on the big database, two cores
    "start_window_s": 0.6,  # issue 16: median, and at most 6 times the bare window
    "start_first_after_written_s": 1.0,  # issue 16: the database dropped from the OS cache
    "search_p95_ms": 50.0,
    "open_partner_ms": 100.0,
    "factsheet_ms": 300.0,
    "peak_rss_mb": 400.0,
    "save_selected_p95_ms": 50.0,  # issue 19: a save until the list shows it selected
    "global_search_p95_ms": 60.0,  # issue 12: keystroke to grouped results painted
    "dashboard_ms": 300.0,  # issue 12: window shown to dashboard painted (p50)
}


#: The runs of ``--backends``: the file itself, then the same database on a local server
#: (issue 13 §5), then that server through a proxy adding 1 ms each way.
RUNS = ("sqlite", "postgresql", "postgresql_2ms")
PROXY_DELAY_MS = 1.0
#: issue 13 §5, on PostgreSQL
SERVER_TARGETS = {
    "postgresql": {"search_p95_ms": 50.0},
    "postgresql_2ms": {"search_p95_ms": 100.0},
}
MAX_STATEMENTS = {"per_keystroke": 3, "per_page_opened": 12}
RECORD_TABLES = ("partner", "programme", "organisation", "contact", "event")


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


def probe(home: Path, *args: str, timed: bool = False, bytecode: bool = False) -> dict:
    """Run one probe; with ``timed``, the wall time from spawning it to its line and its
    CPU time (user and system, which a loaded machine inflates less than the wall time).
    With ``bytecode``, Python may write ``.pyc`` files, as an installed copy's start would."""
    started = time.perf_counter()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    environment = env(home)
    if bytecode:
        del environment["PYTHONDONTWRITEBYTECODE"]
    process = subprocess.Popen(
        [python(), str(HERE / "probes.py"), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=environment,
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
    print(f"bench: {args[0]} {elapsed:.1f} s", file=sys.stderr, flush=True)  # progress
    if timed:
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        result["wall_s"] = elapsed
        result["cpu_s"] = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return result


def database_path(sizes: dict[str, int]) -> Path:
    return (
        DATA / f"demo-{sizes['partners']}-{sizes['programmes']}-{sizes['contacts']}-seed{SEED}.db"
    )


def build_database(path: Path, sizes: dict[str, int] = SIZES) -> dict:
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
            *(f"--{k}={v}" for k, v in sizes.items()),
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


def load_average() -> list[float]:
    """The machine's load (1, 5, 15 minutes): other work running beside the benchmark."""
    return [round(x, 2) for x in os.getloadavg()]


def machine() -> dict:
    return {
        "cpus": os.cpu_count(),
        "python": sys.version.split()[0],
        "sqlite": sqlite3.sqlite_version,
        "load_before": load_average(),
    }


@contextmanager
def latency_proxy(port: int) -> Iterator[int]:
    """``bench/latency_proxy.py`` in front of the local server's ``port``: its own port.
    Run with a raised priority when allowed (it stands for the network, which does not
    queue behind the machine's other work)."""

    nice = ["nice", "-n", "-10"] if shutil.which("nice") else []  # unprivileged: a warning
    process = subprocess.Popen(
        [
            *nice,
            python(),
            str(HERE / "latency_proxy.py"),
            "--to",
            f"127.0.0.1:{port}",
            "--delay-ms",
            str(PROXY_DELAY_MS),
            "--lifetime",
            "14400",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        if not line.startswith("LISTENING "):
            raise SystemExit(f"the latency proxy did not start: {line!r}")
        yield int(line.rsplit(":", 1)[1])
    finally:
        process.terminate()
        process.wait(timeout=30)


def server_checks(name: str, figures: dict) -> dict:
    """Issue 13 §5's targets on a server run: keystroke p95, statements per action."""
    checks = {}
    for target_name, target in SERVER_TARGETS[name].items():
        value = figures["targets"][target_name]["measured"]
        checks[target_name] = {"measured": value, "target": target, "met": value < target}
    counts = figures["statements"]
    worst = {
        "per_keystroke": max(v["list"]["max"] for v in counts["per_keystroke"].values()),
        "per_page_opened": max(counts["per_page_opened"].values()),
    }
    for key, most in MAX_STATEMENTS.items():
        checks[f"statements_{key}_max"] = {
            "measured": worst[key],
            "target": most,
            "met": worst[key] <= most,
        }
    return checks


def versus(figures: dict, base: dict) -> dict:
    """Each target's figure of a server run divided by the same figure on the file."""
    out = {}
    for name, target in figures.get("targets", {}).items():
        before = base.get("targets", {}).get(name, {}).get("measured")
        if before:
            out[name] = ratio(target["measured"], before)
    return out


def on_server(
    home: Path, work: Path, quick: bool, runs: list[str], records: int, on_file: dict
) -> dict:
    """The same figures on a throwaway local server (``tools/pg_cluster.py``) holding the
    same database (``relations-app copy``), then through the latency proxy."""
    sys.path.insert(0, str(ROOT / "tools"))
    import pg_cluster

    out: dict = {}
    with pg_cluster.Cluster() as cluster:
        base = cluster.url.rsplit("/", 1)[0]
        copied = probe(home, "cli", "copy", str(work), f"{base}/bench")
        if copied["status"] != 0:
            raise SystemExit("relations-app copy onto the benchmark's server failed")
        for name in (r for r in RUNS if r in runs and r != "sqlite"):
            with ExitStack() as stack:
                if name == "postgresql_2ms":
                    port = stack.enter_context(latency_proxy(cluster.port))
                    base_here = f"postgresql://{pg_cluster.SERVER_USER}@127.0.0.1:{port}"
                else:
                    base_here = base
                url = f"{base_here}/bench"
                figures = {
                    "copy_s": copied["seconds"],
                    "round_trip_ms": probe(home, "round-trip", url)["round_trip_ms"],
                    **measure(home, url, quick, f"{base_here}/bench_import_{name}", records),
                }
                figures["issue13_targets"] = server_checks(name, figures)
                if on_file.get("targets"):
                    figures["ratio_to_sqlite"] = versus(figures, on_file)
                figures["load_after"] = load_average()
                out[name] = figures
    return out


def ratio(value: float, floor: float) -> float | None:
    return round(value / floor, 2) if floor else None


def warm(db: Path) -> None:
    """Read the database file once, as after a previous session: the start checks read all
    of it, and some virtual machines drop idle files from memory within seconds."""
    with open(db, "rb") as handle:
        while handle.read(1 << 24):
            pass


def drop_from_cache(paths: list[Path]) -> int:
    """Have the OS forget these files' cached pages (written out first), as on the first
    start after they were written: ``posix_fadvise(DONTNEED)``, which needs no root but
    leaves pages some process has mapped.  Returns the number of files dropped."""
    dropped = 0
    for path in paths:
        try:
            fd = os.open(path, os.O_RDONLY)
        except OSError:
            continue
        try:
            os.fsync(fd)
            os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
            dropped += 1
        except OSError:
            pass
        finally:
            os.close(fd)
    return dropped


def database_files(db: Path) -> list[Path]:
    return [db, db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")]


def library_files() -> list[Path]:
    """The start's own files: this environment's site-packages (Qt, PySide6, Peewee…)
    and the project's sources and bytecode.  Python's standard library is left: other
    processes share it."""
    roots = [Path(p) for p in sys.path if p.endswith("site-packages")]
    roots += [ROOT / package for package in PACKAGES]
    return [f for root in roots if root.is_dir() for f in root.rglob("*") if f.is_file()]


PACKAGES = ("relations_app", "ui", "resources")


def bytecode_files() -> set[Path]:
    return {f for package in PACKAGES for f in (ROOT / package).rglob("*.pyc")}


def byte_compile() -> None:
    """As the install does (``tools/byte_compile.py``): the start is measured as an
    installed copy runs, never compiling its sources."""
    subprocess.run([python(), str(ROOT / "tools" / "byte_compile.py")], check=True)


def summary(results: list[dict]) -> dict:
    return {
        "s": round(statistics.median(r["wall_s"] for r in results), 3),
        "cpu_s": round(statistics.median(r["cpu_s"] for r in results), 3),
        "runs_s": [round(r["wall_s"], 3) for r in results],
        "peak_rss_mb": max(r["peak_rss_mb"] for r in results),
    }


def start_figures(home: Path, db: str, runs: int) -> dict:
    """The start, median of ``runs``: on the dashboard and on the contacts list (a file
    read once before, as after a previous session), against the bare window; then, on a
    file, the first start after it was written (dropped from the OS cache), and the same
    with the libraries dropped too.  Interleaved, so each has the same load."""
    byte_compile()
    compiled = bytecode_files()
    probe(home, "start-app", db, timed=True)  # warm-up: caches, the start copy
    on_file = not db.startswith("postgresql:")
    kinds = {"dashboard": ("dashboard", "warm"), "contacts_list": ("contacts", "warm")}
    if on_file:
        kinds["first_after_written"] = ("dashboard", "database")
        kinds["first_after_written_libraries_too"] = ("dashboard", "libraries")
    results: dict[str, list[dict]] = {name: [] for name in (*kinds, "floor")}
    loads = []
    for _ in range(runs):
        for name, (section, cache) in kinds.items():
            probe(home, "landing", section)
            if cache == "warm":
                if on_file:
                    warm(Path(db))
            else:
                drop_from_cache(database_files(Path(db)))
                if cache == "libraries":
                    drop_from_cache(library_files())
            results[name].append(probe(home, "start-app", db, timed=True, bytecode=True))
        results["floor"].append(probe(home, "start-floor", timed=True))
        loads.append(round(os.getloadavg()[0], 1))
    figures = {name: summary(found) for name, found in results.items()}
    for name in kinds:
        figures[name]["ratio_to_floor"] = ratio(figures[name]["s"], figures["floor"]["s"])
        figures[name]["cpu_ratio_to_floor"] = ratio(
            figures[name]["cpu_s"], figures["floor"]["cpu_s"]
        )
    figures["bytecode_written_at_start"] = sorted(
        str(f.relative_to(ROOT)) for f in bytecode_files() - compiled
    )
    figures["load_average_1min"] = loads
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


def json_figures(home: Path, db: str, target: str, records: int) -> dict:
    """Export ``db`` (``records`` records), import that into the new database ``target``,
    then again over the same records."""
    out = home / "export.json"
    export = probe(home, "cli", "--db", db, "export", str(out))
    size = out.stat().st_size
    probe(home, "cli", "--db", target, "init", "--empty")
    imported = probe(home, "cli", "--db", target, "import", str(out))
    again = probe(home, "cli", "--db", target, "import", str(out))  # every record updated
    return {
        "records": records,
        "export_records_per_s": round(records / export["seconds"]) if export["seconds"] else None,
        "import_records_per_s": round(records / imported["seconds"])
        if imported["seconds"]
        else None,
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


def measure(home: Path, db: str, quick: bool, import_into: str, records: int) -> dict:
    """Every figure on one database: a file's path or a server's URL."""
    result: dict = {"start_window": start_figures(home, db, 1 if quick else 5)}
    gui = probe(home, "gui", db, *(("100", "1") if quick else ("100000", "3")))
    floor = probe(home, "search-floor", db)
    result["search_as_you_type"] = search_figures(gui, floor["search_floor_ms"])
    result["waited_for_start_work_s"] = gui["waited_for_start_work_s"]
    result["statements"] = {"per_keystroke": gui["statements_per_keystroke"]}
    result["open_record_ms"] = {
        "partner": gui["open_partner_ms"],
        "contact": gui["open_contact_ms"],
        "programme": gui["open_programme_ms"],
    }
    result["scroll_contacts"] = gui["scroll_contacts"]
    saved = probe(home, "save-select", db, "2" if quick else "5")
    result["save_until_selected_ms"] = {
        "contacts": saved["save_until_selected_ms"],
        "floor_service_save_ms": saved["floor_service_save_ms"],
        "ratio_p95": ratio(
            saved["save_until_selected_ms"]["p95"], saved["floor_service_save_ms"]["p95"]
        ),
        "places_in_sort_order": saved["places"],
    }
    result["statements"]["per_save"] = saved["statements_per_save"]
    result["profiles"] = probe(home, "profile", db)["profile"]
    result["statements"]["per_page_opened"] = {
        k: v["queries_max"] for k, v in result["profiles"].items()
    }
    result["statements"]["per_scrolled_page"] = gui["scroll_contacts"]["statements_per_page"]
    everywhere = probe(home, "global-search", db, "1" if quick else "3")
    result["global_search"] = {
        "keystroke_ms": everywhere["global_search_ms"],
        "floor_raw_queries_ms": everywhere["floor_ms"],
        "statements_per_keystroke": everywhere["statements_per_keystroke"],
        "ratio_p50": ratio(everywhere["global_search_ms"]["p50"], everywhere["floor_ms"]["p50"]),
        "ratio_p95": ratio(everywhere["global_search_ms"]["p95"], everywhere["floor_ms"]["p95"]),
    }
    result["statements"]["per_global_keystroke"] = everywhere["statements_per_keystroke"]
    board = probe(home, "dashboard", db, "2" if quick else "5")
    result["dashboard"] = {
        "shown_to_painted_ms": board["dashboard_ms"],
        "built_shown_painted_ms": board["with_window_built_ms"],
        "floor_bare_window_ms": board["floor_ms"],
        "ratio_p50": ratio(board["dashboard_ms"]["p50"], board["floor_ms"]["p50"]),
    }
    sheets = probe(home, "factsheet", db, "20" if quick else "100")
    result["factsheet"] = {
        "one_sheet_ms": sheets["factsheet_ms"],
        "pages": sheets["factsheet_pages"],
        "floor_one_page_reportlab_ms": sheets["floor_ms"],
        "ratio_p50": ratio(sheets["factsheet_ms"]["p50"], sheets["floor_ms"]["p50"]),
        "one_sheet_cpu_ms": sheets["factsheet_cpu_ms"],
        "floor_cpu_ms": sheets["floor_cpu_ms"],
        "all_sample_partners": sheets["all_sample"],
        "all_sheets_per_second": sheets["sheets_per_second"],
        "all_workers": sheets["all_workers"],
        "all_one_process_sheets_per_second": sheets["one_process_sheets_per_second"],
        "peak_rss_mb": sheets["peak_rss_mb"],
    }
    if not quick:
        result["json"] = json_figures(home, db, import_into, records)
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
    result["first_paint_ms"] = gui["first_paint_ms"]
    result["xl_targets"] = xl_checks(result)
    return result


def xl_checks(result: dict) -> dict:
    """Issue 16 §2's targets (they are meant for ``--size xl``, and given for any run)."""
    measured = {
        "search_p95_ms": result["targets"]["search_p95_ms"]["measured"],
        "first_paint_ms": max(result["first_paint_ms"].values()),
        "global_search_p95_ms": result["global_search"]["keystroke_ms"]["p95"],
        "profile_p95_ms": max(v["profile_ms"]["p95"] for v in result["profiles"].values()),
        "window_after_scrolling_all_contacts_mb": result["peak_rss_mb"][
            "window_after_scrolling_all_contacts"
        ],
    }
    checks = {
        name: {"measured": value, "target": XL_TARGETS[name], "met": value < XL_TARGETS[name]}
        for name, value in measured.items()
    }
    if "json" in result:
        checks["json_records_per_s"] = {
            "export": result["json"]["export_records_per_s"],
            "import_into_empty": result["json"]["import_records_per_s"],
        }
    return checks


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="database to measure (default: the cached big one)")
    parser.add_argument("--quick", action="store_true", help="a short smoke run")
    parser.add_argument("--out", type=Path, help="also write the JSON to this file")
    parser.add_argument(
        "--backends",
        default=",".join(RUNS),
        help="which runs, comma-separated: sqlite, postgresql (the same database copied onto "
        "a throwaway local server), postgresql_2ms (the same through a proxy adding 1 ms "
        "each way); default: all three",
    )
    parser.add_argument(
        "--size",
        choices=list(SCALES),
        default="big",
        help="xl: a database four times larger (40,000 partners, 200,000 programmes, "
        "1,000,000 contacts), built once into bench/.data/, and issue 16's targets on it",
    )
    parser.add_argument(
        "--load",
        action="store_true",
        help="instead, the load test (bench/load.py): ten processes for a minute on a "
        "throwaway server holding the database",
    )
    parser.add_argument(
        "--compare",
        type=Path,
        metavar="OLD.json",
        help="then list every figure more than 20 %% worse than in that saved run (exit 1 if any)",
    )
    args = parser.parse_args(argv)
    runs = [r.strip() for r in args.backends.split(",") if r.strip()]
    unknown = sorted(set(runs) - set(RUNS))
    if unknown:
        parser.error(f"unknown run(s) {', '.join(unknown)}: choose among {', '.join(RUNS)}")
    old_run = json.loads(args.compare.read_text(encoding="utf-8")) if args.compare else None
    sizes = {k: v * SCALES[args.size] for k, v in SIZES.items()}
    db = args.db or database_path(sizes)
    if args.load:
        from load import main as load_test

        build_database(db, sizes)
        return load_test(["--source", str(db), *(["--out", str(args.out)] if args.out else [])])
    result: dict = {"database": {**build_database(db, sizes), "size": args.size}}
    result["database"].update(describe(db))
    result["machine"] = machine()
    records = sum(result["database"]["rows"][t] for t in RECORD_TABLES)
    home = Path(tempfile.mkdtemp(prefix="relations-bench-"))
    work = home / db.name
    try:
        shutil.copy2(db, work)  # the app writes (start copy, settings): keep the cache pristine
        if "sqlite" in runs:
            result.update(measure(home, str(work), args.quick, str(home / "imported.db"), records))
            result["window_minimum"] = probe(home, "window-size")["window_minimum"]
        if any(r.startswith("postgresql") for r in runs):
            result.update(on_server(home, work, args.quick, runs, records, result))
        result["machine"]["load_after"] = load_average()
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
    if "first_after_written" in result["start_window"]:  # a file (not a server)
        measured["start_first_after_written_s"] = result["start_window"]["first_after_written"]["s"]
    return {
        name: {"measured": value, "target": TARGETS[name], "met": value < TARGETS[name]}
        for name, value in measured.items()
    }


if __name__ == "__main__":
    sys.exit(main())
