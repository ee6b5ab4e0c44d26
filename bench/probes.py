"""The measurements themselves, each run by ``bench/run.py`` in a process of its own.

``python bench/probes.py KIND DB [options]`` prints one JSON line; every probe reports its
own peak memory (``ru_maxrss``).  Kinds:

- ``landing SECTION``: the section the next start shows (as if last used).
- ``start-app``: the real start (``relations-app --db DB``: checks, start copy, window) with
  ``QApplication.exec`` replaced by "process events until the main window has painted";
  the parent times it from spawning the process to that line.
- ``start-floor``: a bare QApplication with an empty QMainWindow, timed the same way.
- ``gui``: in one window, search-as-you-type in each large list (keystrokes sent with
  QTest, timed until the list has been reset and painted), a partner's page opened,
  the contacts list scrolled end to end.
- ``search-floor``: the same searches as raw sqlite3 queries (the first page).
- ``global-search``: the toolbar's search over every record type, typed letter by letter
  (timed until the results list has painted), with its floor in the same run: the very
  statements each keystroke ran, replayed through a bare sqlite3 connection.
- ``dashboard``: the window opening on the dashboard, timed from ``show()`` to the
  dashboard's cards, chart and map read (off the GUI thread, once the window has
  painted) and painted, with a bare window's first paint as floor.
- ``factsheet``: fact sheets (render_factsheet), the one-page ReportLab floor in the
  same font, and the ``factsheet --all`` loop on a sample.
- ``profile``: each record type's profile opened (page filled and painted once, and until it
  settles: no more layout or paint), with its SQL statements counted, beside the bare
  record read.
- ``cli``: one command line (export, import) with its time and memory.
- ``save-select``: a contact saved in the contacts list until the list shows it selected,
  wherever it sorts (the last of the list included), with the service's save as floor.
- ``window-size``: the main window's minimum size in French and English (every section).
- ``save``: saving records through the services as the window does (partners, programmes
  with their funding, contacts with their positions), p50/p95 with the history written,
  the same saves with the history's two inserts left out, and a bare UPDATE as the floor;
  the statements per save.
- ``history-size``: the bytes of the history's tables and indexes (``dbstat``) against
  the file's.
"""

from __future__ import annotations

import json
import os
import resource
import sqlite3
import statistics
import sys
import threading
import time
from pathlib import Path

from relations_app.location import DatabaseLocation

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

#: Search-as-you-type: words typed letter by letter; the 1st, 3rd and 6th keystrokes are
#: the 1-, 3- and 6-letter figures.  Accent-insensitive: "bejaia" finds Béjaïa, "lodz"
#: Łódź, "sorens" Sørensen, "ozturk" Öztürk, "dordev" Đorđević, "moskva" Москва.
WORDS = {
    "partners": [
        "bejaia",
        "lodz w",
        "moskva",
        "tromso",
        "gdansk",
        "consta",
        "izmir ",
        "kiel a",
        "szczec",
        "novogr",
    ],
    "programmes": [
        "echang",
        "mobili",
        "reside",
        "jumela",
        "cooper",
        "portua",
        "festiv",
        "acces ",
        "biotec",
        "appui ",
    ],
    "contacts": [
        "lukasi",
        "sorens",
        "ozturk",
        "goncal",
        "ivanov",
        "giguer",
        "nguyen",
        "dordev",
        "martin",
        "stefan",
    ],
    "organisations": [
        "univer",
        "techno",
        "chambr",
        "lycee ",
        "agence",
        "bejaia",
        "office",
        "reseau",
        "port a",
        "pole m",
    ],
}
LENGTHS = (1, 3, 6)
TABLES = {
    "partners": "partner",
    "programmes": "programme",
    "contacts": "contact",
    "organisations": "organisation",
}


def location(db: str) -> DatabaseLocation:
    """A database file's path or a ``postgresql://`` URL."""
    return DatabaseLocation.parse(db)


def open_database(db: str) -> DatabaseLocation:
    """Open ``db`` as the application does; a server database without its start copy (a
    quarter-million contacts copied to a file at every probe would be measured instead)."""
    from relations_app import bootstrap

    where = location(db)
    if where.is_server:
        report = bootstrap.start(where, safety_copy=False)
        assert report.ok, report.message()
    else:
        bootstrap.open_app_database(where)
    return where


def raw_connection(db: str):
    """A bare connection for the floors: sqlite3 read-only, or psycopg without Peewee."""
    where = location(db)
    if where.is_server:
        import psycopg

        assert where.server is not None
        return psycopg.connect(
            **where.server.connect_params(), dbname=where.server.database, autocommit=True
        )
    return sqlite3.connect(f"file:{db}?mode=ro", uri=True)


def peak_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


MARK = "BENCH-RESULT "  # the line run.py reads (commands print their own lines too)


def report(**figures) -> None:
    print(MARK + json.dumps({**figures, "peak_rss_mb": peak_mb()}), flush=True)


def quantiles(values: list[float]) -> dict:
    ordered = sorted(values)
    return {
        "p50": round(statistics.median(ordered), 2),
        "p95": round(ordered[max(0, round(0.95 * len(ordered)) - 1)], 2),
        "max": round(ordered[-1], 2),
        "n": len(ordered),
    }


def wait_for_paint(app, window) -> None:
    """Process events until ``window`` (or a widget in it) has painted, then the rest."""
    from PySide6.QtCore import QEvent, QObject

    class Watcher(QObject):
        painted = False

        def eventFilter(self, obj, event):
            if event.type() == QEvent.Type.Paint and obj.isWidgetType() and obj.window() is window:
                Watcher.painted = True
            return False

    watcher = Watcher()
    app.installEventFilter(watcher)
    deadline = time.monotonic() + 60
    while not Watcher.painted and time.monotonic() < deadline:
        app.processEvents()
    app.processEvents()  # what else the first paint brought (the other widgets)
    app.removeEventFilter(watcher)


# -- start --------------------------------------------------------------------------------


def landing(section: str) -> None:
    """Make ``section`` the one shown at start (the user's last section)."""
    from ui.kit import settings
    from ui.shell.app import create_application

    create_application([])
    settings.set(settings.LAST_SECTION, section)
    report(section=section)


def start_app(db: str) -> None:
    """``relations-app --db DB`` as launched from a shell, its event loop replaced by
    "until the window has painted"."""
    from ui.shell import launcher

    open_window = launcher._open_window

    def exec_until_painted(*_args) -> int:
        from PySide6.QtWidgets import QApplication

        app = QApplication.instance()
        window = next(w for w in app.topLevelWidgets() if w.objectName() == "mainWindow")
        wait_for_paint(app, window)
        report(ready=True)
        os._exit(0)

    def patched(location, cli_value):
        from PySide6.QtWidgets import QApplication

        QApplication.exec = exec_until_painted  # the real run() up to its event loop
        return open_window(location, cli_value)

    launcher._open_window = patched
    launcher.main(["--db", db])


def start_floor() -> None:
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication([])
    window = QMainWindow()
    window.resize(1280, 800)
    window.show()
    wait_for_paint(app, window)
    report(ready=True)
    os._exit(0)


# -- the window ----------------------------------------------------------------------------


def counted_list(list_fn, count: list[int]):
    """``list_fn`` adding to ``count[0]`` the statements its calls send."""
    from relations_app.db import statements

    def listing(*args, **kwargs):
        with statements.counting() as own:
            page = list_fn(*args, **kwargs)
        count[0] += own.statements
        return page

    return listing


def gui(db: str, scroll_pages: int, passes: int) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from relations_app.db import statements
    from ui.kit import settings
    from ui.shell.app import create_application

    app = create_application([])
    settings.set(settings.LAST_SECTION, "dashboard")
    where = open_database(db)
    from ui.shell.main_window import MainWindow

    window = MainWindow(where)
    window.resize(1280, 800)
    window.show()
    wait_for_paint(app, window)
    figures: dict = {"search_ms": {}, "search_cpu_ms": {}, "statements_per_keystroke": {}}
    # Steady use, not the first seconds: the start's own background work done first.
    figures["waited_for_start_work_s"] = wait_for_background_reads(app, window)
    figures["first_paint_ms"], figures["first_paint_cpu_ms"] = {}, {}
    figures["load_before"] = os.getloadavg()[0]
    for key, words in WORDS.items():
        started, cpu = time.perf_counter(), time.process_time()
        window.show_section(key)  # its first page read, shown and painted
        section = window.sections[key]
        app.processEvents()
        figures["first_paint_ms"][key] = round((time.perf_counter() - started) * 1000, 1)
        figures["first_paint_cpu_ms"][key] = round((time.process_time() - cpu) * 1000, 1)
        settle(app)  # the first row's page, which waited for that paint, shown before typing
        resets = [0]
        section.model.modelReset.connect(lambda r=resets: r.__setitem__(0, r[0] + 1))
        times = {n: [] for n in LENGTHS}
        cpu_times: dict[int, list[float]] = {n: [] for n in LENGTHS}
        listed, shown = [], []  # statements: the list's, and all the keystroke sent
        list_fn = section.model._list_fn
        for word in words * passes:
            for typed, char in enumerate(word, start=1):
                before = resets[0]
                in_list = [0]
                section.model._list_fn = counted_list(list_fn, in_list)
                with statements.counting() as whole:
                    started, cpu = time.perf_counter(), time.process_time()
                    QTest.keyClick(section.search, char)
                    while resets[0] == before:  # the search timer fires, the model resets
                        app.processEvents()
                    app.processEvents()  # the list painted (the first row's page waits)
                    elapsed = (time.perf_counter() - started) * 1000
                    cpu_elapsed = (time.process_time() - cpu) * 1000
                section.model._list_fn = list_fn
                listed.append(float(in_list[0]))
                shown.append(float(whole.statements))
                if typed in times:
                    times[typed].append(elapsed)
                    cpu_times[typed].append(cpu_elapsed)
            QTest.keyClick(section.search, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
            QTest.keyClick(section.search, Qt.Key.Key_Delete)
            app.processEvents()
        figures["search_ms"][key] = {str(n): quantiles(v) for n, v in times.items()}
        figures["search_cpu_ms"][key] = {str(n): quantiles(v) for n, v in cpu_times.items()}
        figures["statements_per_keystroke"][key] = {
            "list": quantiles(listed),
            "with_first_page": quantiles(shown),
        }

    # Opening a partner's page: the list's rows one after the other, as with the arrow key.
    window.show_section("partners")
    partners = window.sections["partners"]
    opened = []
    for row in range(1, 41):
        started = time.perf_counter()
        partners.select_row(row)
        app.processEvents()
        opened.append((time.perf_counter() - started) * 1000)
    figures["open_partner_ms"] = quantiles(opened)
    for key in ("contacts", "programmes"):
        window.show_section(key)
        section = window.sections[key]
        times = []
        for row in range(1, 21):
            started = time.perf_counter()
            section.select_row(row)
            app.processEvents()
            times.append((time.perf_counter() - started) * 1000)
        figures[f"open_{key[:-1]}_ms"] = quantiles(times)
    figures["peak_rss_mb_before_scroll"] = peak_mb()

    # Scrolling the contacts list to its end: the view at its bottom asks for the next page
    # (fetchMore), is painted, and so on, as when the scroll bar is held down.
    from ui.lists.record_model import PAGE_SIZE

    window.show_section("contacts")
    contacts = window.sections["contacts"]
    model = contacts.model
    first, started, cpu_started = model.rowCount(), time.perf_counter(), time.process_time()
    with statements.counting() as scrolled:
        while (
            model.canFetchMore(contacts.table.rootIndex())
            and model.rowCount() < first + scroll_pages * PAGE_SIZE
        ):
            model.fetchMore(contacts.table.rootIndex())
            contacts.table.scrollToBottom()
            app.processEvents()
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    pages = (model.rowCount() - first) / PAGE_SIZE
    figures["scroll_contacts"] = {
        "pages": round(pages),
        "rows": model.rowCount(),
        "seconds": round(elapsed, 2),
        "ms_per_page": round(1000 * elapsed / max(pages, 1), 2),
        "cpu_ms_per_page": round(1000 * cpu / max(pages, 1), 2),  # what load does not change
        "reached_end": not model.canFetchMore(contacts.table.rootIndex()),
        "statements_per_page": round(scrolled.statements / max(pages, 1), 2),
    }
    report(**figures)
    os._exit(0)


def search_floor(db: str) -> None:
    """The first page of each search through a bare connection.  SQLite: the FTS5 MATCH
    (three letters or more) or LIKE (fewer, which a trigram index cannot answer), in the
    list's order.  PostgreSQL: the LIKE conditions themselves (the trigram index answers
    them), as the application sends them."""
    conn = raw_connection(db)
    server = location(db).is_server
    figures = {}
    for key, words in WORDS.items():
        table = TABLES[key]
        times = {n: [] for n in LENGTHS}
        for word in words:
            for n in LENGTHS:
                terms = [t for t in word[:n].split(" ") if t]
                long_terms = [] if server else [t for t in terms if len(t) >= 3]
                where, params = [], []
                if long_terms:
                    where.append(
                        f"rowid IN (SELECT rowid FROM {table}_fts WHERE {table}_fts MATCH ?)"
                    )
                    params.append(" AND ".join(f'"{t}"' for t in long_terms))
                for t in terms:
                    if t not in long_terms:
                        where.append("search LIKE %s" if server else "search LIKE ?")
                        params.append(f"%{t}%")
                sql = f"SELECT id FROM {table} WHERE {' AND '.join(where)} ORDER BY sort_key, id LIMIT 200"
                started = time.perf_counter()
                conn.execute(sql, params).fetchall()
                times[n].append((time.perf_counter() - started) * 1000)
        figures[key] = {str(n): quantiles(v) for n, v in times.items()}
    report(search_floor_ms=figures)


#: The global search: names, a prefix, an e-mail, a phone number, a country, two words,
#: words of the long texts only (migration 12).
GLOBAL_WORDS = [
    "bejaia",
    "lodz",
    "martin",
    "univer",
    "contact: dupont",
    "pays: canada",
    "02 98 44",
    "jean du",
    "ocean",
    "giguer",
    "plasticiens",
    "crise sanitaire",
]


def global_search_probe(db: str, passes: int) -> None:
    from PySide6.QtCore import QEvent, QObject, Qt
    from PySide6.QtTest import QTest

    from relations_app.db.models import database
    from ui.kit import settings
    from ui.shell.app import create_application

    app = create_application([])
    settings.set(settings.LAST_SECTION, "dashboard")
    where = open_database(db)
    from ui.shell.main_window import MainWindow

    window = MainWindow(where)
    window.resize(1366, 768)
    window.show()
    wait_for_paint(app, window)
    search = window.global_search
    viewport = search.results.list.viewport()

    class Painted(QObject):
        count = 0

        def eventFilter(self, obj, event):
            if obj is viewport and event.type() == QEvent.Type.Paint:
                Painted.count += 1
            return False

    watcher = Painted()
    viewport.installEventFilter(watcher)
    statements: list[tuple[str, tuple]] = []
    execute = database.obj.execute_sql

    gui_thread = threading.get_ident()

    def recorded(sql, params=None, *args, **kwargs):
        if threading.get_ident() == gui_thread:  # not the dashboard's tasks running beside
            statements.append((sql, tuple(params or ())))
        return execute(sql, params, *args, **kwargs)

    database.obj.execute_sql = recorded  # the statements kept, to replay them bare
    times: list[float] = []
    cpu: list[float] = []
    replay: list[list[tuple[str, tuple]]] = []
    counts: list[int] = []
    typed: list[str] = []
    for word in GLOBAL_WORDS * passes:
        search.focus()
        for char in word:
            statements.clear()
            before, last = Painted.count, search.last
            started, cpu_started = time.perf_counter(), time.process_time()
            QTest.keyClick(search.box, char)
            deadline = time.monotonic() + 10
            while (search.last is last or Painted.count == before) and time.monotonic() < deadline:
                app.processEvents()
            times.append((time.perf_counter() - started) * 1000)
            cpu.append((time.process_time() - cpu_started) * 1000)
            typed.append(search.box.text())
            replay.append(list(statements))
            counts.append(len(statements))
        QTest.keyClick(search.box, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        QTest.keyClick(search.box, Qt.Key.Key_Delete)
        app.processEvents()
    database.obj.execute_sql = execute
    conn = raw_connection(db)
    floor = []
    for keystroke in replay:
        started = time.perf_counter()
        for sql, params in keystroke:
            conn.execute(sql, params).fetchall()
        floor.append((time.perf_counter() - started) * 1000)
    slowest = sorted(range(len(cpu)), key=cpu.__getitem__)[-5:]
    report(
        global_search_ms=quantiles(times),
        cpu_ms=quantiles(cpu),
        floor_ms=quantiles(floor),
        statements_per_keystroke=quantiles([float(c) for c in counts]),
        slowest_cpu=[(typed[i], round(cpu[i], 1), counts[i]) for i in slowest],
        load=os.getloadavg()[0],
    )
    os._exit(0)


def pump(app, done, seconds: float = 60) -> None:
    """Run the event loop until ``done()``, blocked between events as the application's
    ``exec()`` is (a loop spinning on ``processEvents`` would take a core from the very
    reads it waits for), woken every 20 ms to look at the deadline."""
    from PySide6.QtCore import QEventLoop, QTimer

    tick = QTimer()
    tick.start(20)
    deadline = time.monotonic() + seconds
    while not done() and time.monotonic() < deadline:
        app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
    tick.stop()


def wait_for_widgets(app, widgets) -> None:
    """Run the event loop until every one of ``widgets`` has painted."""
    from PySide6.QtCore import QEvent, QObject

    waiting = set(map(id, widgets))

    class Watcher(QObject):
        def eventFilter(self, obj, event):
            if event.type() == QEvent.Type.Paint:
                waiting.discard(id(obj))
            return False

    watcher = Watcher()
    app.installEventFilter(watcher)
    pump(app, lambda: not waiting)
    app.removeEventFilter(watcher)


def dashboard_probe(db: str, runs: int) -> None:
    """The window opening on the dashboard, ``runs`` times: from ``show()`` (and from the
    window's construction, which reads the dashboard's figures) to its cards, chart and
    map painted, in wall time and in the process's CPU time (every thread's: steadier
    under load); the floor: an empty QMainWindow shown and painted the same way.  Each
    window's data checks (begun once the dashboard has painted) finish before the next."""
    from PySide6.QtWidgets import QMainWindow

    from ui.kit import settings
    from ui.shell.app import create_application

    app = create_application([])
    settings.set(settings.LAST_SECTION, "dashboard")
    where = open_database(db)
    from ui.shell.main_window import MainWindow

    shown, built, cpu, floor = [], [], [], []
    for _ in range(runs + 1):  # the first one warms the caches
        started = time.perf_counter()
        window = MainWindow(where)
        window.resize(1366, 768)
        showing, cpu_showing = time.perf_counter(), time.process_time()
        window.show()
        board = window.dashboard
        pump(app, lambda b=board: b.filled)  # read once the window shows
        wait_for_widgets(app, [board.map, board.chart_view.viewport(), board.card_labels["total"]])
        end = time.perf_counter()
        cpu.append((time.process_time() - cpu_showing) * 1000)
        shown.append((end - showing) * 1000)
        built.append((end - started) * 1000)
        pump(app, lambda b=board: not b.checking)  # its checks, then the next window
        window.close()
        window.deleteLater()
        app.processEvents()
        bare = QMainWindow()
        bare.resize(1366, 768)
        started = time.perf_counter()
        bare.show()
        wait_for_widgets(app, [bare])
        floor.append((time.perf_counter() - started) * 1000)
        bare.close()
        bare.deleteLater()
        app.processEvents()
    report(
        dashboard_ms=quantiles(shown[1:]),
        dashboard_cpu_ms=quantiles(cpu[1:]),
        with_window_built_ms=quantiles(built[1:]),
        floor_ms=quantiles(floor[1:]),
    )
    os._exit(0)


# -- fact sheets ---------------------------------------------------------------------------


def factsheet(db: str, sample: int) -> None:
    import io

    from relations_app.services import partners

    open_database(db)
    from relations_app.reports import factsheet as sheets
    from relations_app.reports.fonts import register_fonts

    register_fonts()
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    rows = partners.list_partners(sort="name", limit=sample).rows
    sheets.render_factsheet(rows[0]["id"])  # warm-up (fonts, map outlines)
    one, pages, one_cpu = [], [], []  # CPU time too: a loaded machine inflates it less
    for row in rows[: min(20, len(rows))]:
        started, cpu = time.perf_counter(), time.process_time()
        _payload, result = sheets.render_factsheet(row["id"])
        one.append((time.perf_counter() - started) * 1000)
        one_cpu.append((time.process_time() - cpu) * 1000)
        pages.append(result.pages)
    style = ParagraphStyle("floor", fontName="DejaVuSans", fontSize=10)
    text = "Fiche ville — Łódź, Constanţa, Москва : " + "texte de la fiche " * 40
    floor, floor_cpu = [], []
    for _ in range(21):
        started, cpu = time.perf_counter(), time.process_time()
        buffer = io.BytesIO()
        SimpleDocTemplate(buffer, pagesize=A4).build([Paragraph(text, style) for _ in range(3)])
        floor.append((time.perf_counter() - started) * 1000)
        floor_cpu.append((time.process_time() - cpu) * 1000)
    floor, floor_cpu = floor[1:], floor_cpu[1:]
    from relations_app.reports.batch import build_sheets

    chosen = [row["id"] for row in rows]  # ``factsheet --all`` on the first ``sample`` by name
    runs = {}
    for workers in (None, 1):  # a process per core (the command), then this process alone
        folder = Path(os.environ.get("BENCH_TMP", "/tmp")) / f"factsheets-{workers or 'all'}"
        batch = build_sheets(folder, chosen, workers=workers)
        assert len(batch.written) == len(rows) and not batch.failures, batch.summary()
        runs[workers] = batch
    report(
        factsheet_ms=quantiles(one),
        factsheet_pages=quantiles(pages),
        floor_ms=quantiles(floor),
        factsheet_cpu_ms=quantiles(one_cpu),
        floor_cpu_ms=quantiles(floor_cpu),
        all_sample=len(rows),
        all_seconds=round(runs[None].seconds, 2),
        all_workers=runs[None].workers,
        sheets_per_second=round(len(rows) / runs[None].seconds, 2),
        one_process_sheets_per_second=round(len(rows) / runs[1].seconds, 2),
    )


def save(db: str, count: int) -> None:
    """Saving records through the services as the window does, the history written or
    left out, interleaved save by save (on, off, off, on, ...) so that both sides see the
    same caches, the same file and the same load; a bare UPDATE in its own transaction,
    interleaved too, is the floor.  ``count`` saves of each kind per collection."""
    from relations_app.db import statements
    from relations_app.db.models import RecordChange, database
    from relations_app.services import AREAS, history

    open_database(db)
    edits = {
        "partners": lambda r, i: {"population": 100_000 + i, "notes": f"{r['notes']} ·"},
        "programmes": lambda r, i: {
            "objectives": f"{r['objectives']} ·",
            "funding": r["funding"][:-1],
        },
        "contacts": lambda r, i: {"phone": f"+33 2 98 00 {i % 100:02d} {i % 97:02d}"},
    }
    record, field_changes = history.record, history.field_changes

    def history_on(on: bool) -> None:
        history.record = record if on else (lambda *a, **k: None)
        history.field_changes = field_changes if on else (lambda before, after: {})

    times: dict[str, list[float]] = {"on": [], "off": [], "floor": []}
    cpu: dict[str, list[float]] = {"on": [], "off": [], "floor": []}
    sent: dict[str, list[float]] = {"on": [], "off": [], "floor": []}
    by_collection: dict[str, dict[str, list[float]]] = {}
    floor_ids = [i for i, _ in AREAS["partners"].options(limit=count * 3)][2::3]

    def one(arm: str, collection: str, record_id: str, n: int, kept: bool = True) -> None:
        if arm == "floor":
            record_id = floor_ids[n % len(floor_ids)]
            with statements.counting() as counted:
                started, started_cpu = time.perf_counter(), time.process_time()
                with database.atomic():
                    database.execute_sql(
                        'UPDATE "partner" SET "population" = ? WHERE "id" = ?', (n, record_id)
                    )
                elapsed = (time.perf_counter() - started) * 1000
                used = (time.process_time() - started_cpu) * 1000
        else:
            area = AREAS[collection]
            current = area.get(record_id)
            history_on(arm == "on")
            with statements.counting() as counted:
                started, started_cpu = time.perf_counter(), time.process_time()
                area.update(record_id, edits[collection](current, n), current["version"])
                elapsed = (time.perf_counter() - started) * 1000
                used = (time.process_time() - started_cpu) * 1000
            history_on(True)
        if kept:
            times[arm].append(elapsed)
            cpu[arm].append(used)
            sent[arm].append(float(counted.statements))
            if arm != "floor":
                by_collection.setdefault(collection, {"on": [], "off": []})[arm].append(elapsed)

    orders = (("on", "off", "floor"), ("off", "floor", "on"), ("floor", "on", "off"))
    for collection in edits:
        ids = [i for i, _ in AREAS[collection].options(limit=count * 3 + 30)]
        for n, record_id in enumerate(ids[:30]):  # warm-up: caches, prepared statements
            one(("on", "off", "floor")[n % 3], collection, record_id, n, kept=False)
        rest = ids[30:]
        for n in range(count):
            for k, arm in enumerate(orders[n % 3]):
                one(arm, collection, rest[3 * n + k], n)
    on, off = quantiles(times["on"]), quantiles(times["off"])
    report(
        save_ms=on,
        save_without_history_ms=off,
        floor_ms=quantiles(times["floor"]),
        cpu_ms={arm: quantiles(v) for arm, v in cpu.items()},
        by_collection={
            c: {
                "p50_on_off": [quantiles(v["on"])["p50"], quantiles(v["off"])["p50"]],
                "p95_on_off": [quantiles(v["on"])["p95"], quantiles(v["off"])["p95"]],
            }
            for c, v in by_collection.items()
        },
        statements_per_save={arm: quantiles(v) for arm, v in sent.items()},
        ratio_p50=round(on["p50"] / off["p50"], 2),
        ratio_p95=round(on["p95"] / off["p95"], 2),
        history_lines=RecordChange.select().count(),
        load_average=[round(v, 2) for v in os.getloadavg()],
    )


def history_size(db: str) -> None:
    connection = sqlite3.connect(db)
    tables = ("change_set", "record_change")
    names = [
        row[0]
        for row in connection.execute(
            "SELECT name FROM sqlite_master WHERE tbl_name IN (?, ?)", tables
        )
    ]
    marks = ", ".join("?" * len(names))
    size = connection.execute(
        f"SELECT SUM(pgsize) FROM dbstat WHERE name IN ({marks})", names
    ).fetchone()[0]
    total = os.path.getsize(db)
    changes = connection.execute("SELECT COUNT(*) FROM record_change").fetchone()[0]
    report(
        history_mb=round((size or 0) / 2**20, 1),
        file_mb=round(total / 2**20, 1),
        share=round((size or 0) / total, 3),
        record_changes=changes,
    )


PROFILE_SAMPLE = 40  # records of each type, spread over the list


def settle(app, most: int = 10) -> None:
    """Process events until a round lays out and paints nothing more: a page's sizes go up
    its parents one round at a time, and the page moves until the last round."""
    from PySide6.QtCore import QEvent, QObject

    kinds = (QEvent.Type.LayoutRequest, QEvent.Type.Resize, QEvent.Type.Paint)

    class Watcher(QObject):
        seen = False

        def eventFilter(self, obj, event):
            if event.type() in kinds:
                Watcher.seen = True
            return False

    watcher = Watcher()
    app.installEventFilter(watcher)
    for _ in range(most):
        Watcher.seen = False
        app.processEvents()
        if not Watcher.seen:
            break
    app.removeEventFilter(watcher)


def wait_for_background_reads(app, window, most: float = 120) -> float:
    """Process events until the window's first work off the GUI thread is done (the
    sidebar's counts, the dashboard's cards and lists, then its data check, about a
    second of Python holding the interpreter's lock on the big database, and the file's
    check): the statement counter sees every thread, and a page's count or a keystroke's
    time must not take theirs.  Returns the seconds waited."""
    from PySide6.QtCore import QThreadPool

    from ui.shell.sidebar import COUNT_ROLE

    partners = window._keys().index("partners")
    pool = QThreadPool.globalInstance()
    started = time.monotonic()
    deadline = started + most
    while time.monotonic() < deadline and not (
        window.dashboard.filled
        and window.sidebar.item(partners).data(COUNT_ROLE) is not None
        and not window.dashboard.checking
        and pool.activeThreadCount() == 0
    ):
        app.processEvents()
        time.sleep(0.01)
    return round(time.monotonic() - started, 2)


def profile(db: str) -> None:
    """Opening a record's profile (issue 19 §1), each record type: the record read and the
    page filled (``editor.load`` as the list does), timed until painted, with its SQL
    statements counted.  Floor: the bare record read (``get_fn``) in the same run."""
    from relations_app.db import statements
    from ui.kit import settings
    from ui.shell.app import create_application

    app = create_application([])
    settings.set(settings.LAST_SECTION, "dashboard")
    where = open_database(db)
    from ui.shell.main_window import MainWindow

    window = MainWindow(where)
    window.resize(1366, 768)
    window.show()
    wait_for_paint(app, window)
    wait_for_background_reads(app, window)  # counted with the first pages otherwise
    figures: dict = {}
    for key in ("partners", "programmes", "contacts", "organisations", "delegations", "posts"):
        window.show_section(key)
        section = window.sections[key]
        app.processEvents()
        settle(app)  # the section's own first page shown, not counted with the first sample
        total = section.model.total
        rows = section.spec.list_fn(limit=None).rows if total <= 2000 else None
        step = max(1, total // PROFILE_SAMPLE)
        ids = [
            (
                rows[i]["id"]
                if rows is not None
                else section.spec.list_fn(offset=i, limit=1).rows[0]["id"]
            )
            for i in range(0, total, step)
        ][:PROFILE_SAMPLE]
        opened, settled, floor, queries = [], [], [], []
        for record_id in ids:
            started = time.perf_counter()
            section.spec.get_fn(record_id)
            floor.append((time.perf_counter() - started) * 1000)
            with statements.counting() as count:
                started = time.perf_counter()
                section.editor.load(section.spec.get_fn(record_id))
                app.processEvents()  # laid out and painted
                opened.append((time.perf_counter() - started) * 1000)
                settle(app)
                settled.append((time.perf_counter() - started) * 1000)
            queries.append(count.statements)
        figures[key] = {
            "profile_ms": quantiles(opened),
            "settled_ms": quantiles(settled),
            "floor_read_ms": quantiles(floor),
            "ratio_p95": round(quantiles(opened)["p95"] / max(quantiles(floor)["p95"], 0.01), 1),
            "queries_max": max(queries),
            "queries": quantiles([float(q) for q in queries]),
        }
    report(profile=figures)
    os._exit(0)


def round_trip(db: str) -> None:
    """``SELECT 1`` through a bare connection: what a statement costs before any work."""
    conn = raw_connection(db)
    times = []
    for _ in range(300):
        started = time.perf_counter()
        conn.execute("SELECT 1").fetchall()
        times.append((time.perf_counter() - started) * 1000)
    report(round_trip_ms=quantiles(times[20:]))


def cli(args: list[str]) -> None:
    from relations_app import cli as command_line

    started = time.perf_counter()
    status = command_line.main(args)
    report(status=status, seconds=round(time.perf_counter() - started, 2))


# -- finding a record's row ------------------------------------------------------------------


def save_select(db: str, passes: int) -> None:
    """Save a contact in the contacts list, timed until the list shows it selected.

    The contacts picked are spread over the whole list in its order, the last one
    included (before, finding its row loaded every page: about 16 s for the 250,000th).
    The floor is the same save through the service alone (validation and the write), in
    the same run: what is left is finding the row in SQL, its page and the repaint.
    """
    from relations_app.db import statements
    from relations_app.services import contacts as service
    from ui.kit import settings
    from ui.shell.app import create_application

    app = create_application([])
    settings.set(settings.LAST_SECTION, "contacts")
    where = open_database(db)
    from ui.shell.main_window import MainWindow

    window = MainWindow(where)
    window.resize(1366, 768)
    window.show()
    wait_for_paint(app, window)
    section = window.sections["contacts"]
    total = service.list_contacts(limit=1).total
    places = sorted({0, total // 3, total // 2, (9 * total) // 10, total - 2, total - 1})
    chosen = [(p, service.list_contacts(offset=p, limit=1).rows[0]["id"]) for p in places]
    notes = section.editor.forms[0].inputs["notes"].widget
    shown, floor, sent, trips, service_sent = [], [], [], [], []
    for run in range(passes):
        for place, record_id in chosen:
            section.select_record(record_id)
            settle(app)  # shown, scrolled to and painted, as it is before anyone types
            notes.setPlainText(f"Note de mesure {run}")
            with statements.counting() as count:
                started = time.perf_counter()
                window.save_action.trigger()
                app.processEvents()  # the list reloaded, its row selected and painted
                shown.append((time.perf_counter() - started) * 1000)
            sent.append(float(count.statements))
            trips.append(float(count.round_trips))
            row = section.table.currentIndex().row()
            assert section.current_id == record_id and row == place, (place, row)
            record = service.get_contact(record_id)
            with statements.counting() as count:
                started = time.perf_counter()
                service.update_contact(record_id, {"notes": f"Plancher {run}"}, record["version"])
                floor.append((time.perf_counter() - started) * 1000)
            service_sent.append(float(count.statements))
    report(
        save_until_selected_ms=quantiles(shown),
        floor_service_save_ms=quantiles(floor),
        statements_per_save={
            "until_selected": quantiles(sent),
            "round_trips_until_selected": quantiles(trips),
            "service_save": quantiles(service_sent),
        },
        places=places,
        contacts=total,
    )
    os._exit(0)


def window_size() -> None:
    """The main window's minimum size, the widest over every section, in each language:
    in logical pixels and in the screen's pixels (``QT_SCALE_FACTOR`` scales these)."""
    import tempfile

    from PySide6.QtWidgets import QApplication

    from relations_app import bootstrap
    from ui.shell import app as ui_app

    app = QApplication.instance() or QApplication([])
    location = DatabaseLocation.file(Path(tempfile.mkdtemp()) / "brest.db")
    bootstrap.open_app_database(location)  # the bundled dataset: real names, real widths
    from ui.shell.main_window import MainWindow

    sizes = {}
    for language in ("fr", "en"):
        translators = ui_app.install_translators(app, "fr") if language == "fr" else []
        window = MainWindow(location)
        window.show()
        app.processEvents()
        width = height = 0
        for key in window._keys():
            window.show_section(key)
            app.processEvents()
            hint = window.minimumSizeHint()
            width, height = max(width, hint.width()), max(height, hint.height())
        ratio = window.devicePixelRatioF()
        sizes[language] = {
            "logical": [width, height],
            "device": [round(width * ratio), round(height * ratio)],
            "scale": ratio,
        }
        window.close()
        for translator in translators:
            app.removeTranslator(translator)
    report(window_minimum=sizes)


def main(argv: list[str]) -> None:
    kind = argv[0]
    if kind == "landing":
        landing(argv[1])
    elif kind == "start-app":
        start_app(argv[1])
    elif kind == "start-floor":
        start_floor()
    elif kind == "gui":
        gui(argv[1], int(argv[2]), int(argv[3]))
    elif kind == "search-floor":
        search_floor(argv[1])
    elif kind == "global-search":
        global_search_probe(argv[1], int(argv[2]))
    elif kind == "dashboard":
        dashboard_probe(argv[1], int(argv[2]))
    elif kind == "factsheet":
        factsheet(argv[1], int(argv[2]))
    elif kind == "profile":
        profile(argv[1])
    elif kind == "round-trip":
        round_trip(argv[1])
    elif kind == "cli":
        cli(argv[1:])
    elif kind == "save-select":
        save_select(argv[1], int(argv[2]))
    elif kind == "window-size":
        window_size()
    elif kind == "save":
        save(argv[1], int(argv[2]))
    elif kind == "history-size":
        history_size(argv[1])
    else:
        raise SystemExit(f"unknown probe {kind}")


if __name__ == "__main__":
    main(sys.argv[1:])
