"""Many partners' fact sheets at once, on every core: ``factsheet --all`` and the window's
batch (Rapports › Fiches de tous les partenaires…).

    report = build_sheets("fiches/", progress=ctx.progress, cancelled=ctx.is_cancelled)
    print(report.summary())   # "16 fiches écrites dans fiches en 2,1 s"

Why a process pool: a sheet is pure-Python layout (ReportLab) held by the interpreter's
lock, so threads would share one core; each worker process opens the database for
reading only (:meth:`Backend.open_read_only`: the same file, or the same server URL) and
sets up the fonts, styles and map outlines once, then makes one partner's sheet per task.
Workers are started with ``spawn`` (no copy of the parent's connections, threads or Qt
state) and ignore Ctrl+C: the parent handles it as a Cancel.  Results are taken in the
order of the list (partners by name), so progress reads in that order.

Each file is written atomically (:func:`relations_app.files.write_bytes_atomically`), by
the worker that made it: a cancelled or interrupted run leaves only whole files.  The
folder is swept of killed writes' hidden files once, at the start: swept before each file,
as a single write does, a folder of 10 000 sheets cost 23 ms a sheet just listing it.  Cancel
stops handing out partners; the sheets under way finish (a fraction of a second) and
count as written.  A partner whose sheet fails is logged with its traceback and named in
the report with a French message; the others are still written.  A run of a few sheets,
a one-core machine or a database held in memory stays in this process.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import signal
import threading
import time
import traceback
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from ..errors import UserError
from ..files import remove_leftovers_in, write_bytes_atomically
from ..i18n import _, counted
from ..location import DatabaseLocation
from ..text import seconds_fr
from .factsheet import FactsheetResult, render_factsheet
from .naming import unique_file_names

log = logging.getLogger(__name__)

ProgressCallback = Callable[[int, int, str], None]
#: Below this many sheets per worker, starting the worker costs more than it saves.
SHEETS_PER_WORKER = 8
POLL_SECONDS = 0.1  # how often a wait for the next sheet looks at Cancel


@dataclass
class Outcome:
    """What became of one partner's sheet (sent back by a worker: plain, picklable)."""

    partner_id: str
    name: str
    path: Path
    result: FactsheetResult | None = None
    error: str = ""  # a French message when the sheet could not be made
    trace: str = ""  # its traceback, for the log (written by the parent only)
    skipped: bool = False  # not started: the run was cancelled first


@dataclass
class BatchReport:
    """What a batch did: the files written, the sheets that failed, whether it stopped."""

    folder: Path
    total: int
    written: list[Path] = field(default_factory=list)
    results: list[FactsheetResult] = field(default_factory=list)
    failures: list[tuple[str, str]] = field(default_factory=list)  # (partner, message)
    cancelled: bool = False
    seconds: float = 0.0
    workers: int = 1

    def summary(self) -> str:
        """One French (or English) sentence: how many sheets were written where, in how
        long; how many failed; whether the run was interrupted."""
        text = counted("{count} fiche écrite", "{count} fiches écrites", len(self.written)) + _(
            " dans {folder} en {seconds}"
        ).format(folder=self.folder, seconds=seconds_fr(self.seconds))
        if self.failures:
            text += _(" ; ") + counted(
                "{count} fiche n'a pas pu être faite",
                "{count} fiches n'ont pas pu être faites",
                len(self.failures),
            )
        if self.cancelled:
            text += _(" (interrompu : {left} sur {total} non écrites)").format(
                left=self.total - len(self.written) - len(self.failures), total=self.total
            )
        return text + "."


def plan(folder: Path, partner_ids: Sequence[str] | None = None) -> list[tuple[str, str, Path]]:
    """(id, name, file) of each sheet to write, partners by name; with ``partner_ids``,
    only those.  Files are named from the names, repeats numbered ("kiel-2.pdf")."""
    from ..services import partners

    rows = partners.list_partners(sort="name").rows
    if partner_ids is not None:
        chosen = set(partner_ids)
        rows = [row for row in rows if row["id"] in chosen]
    names = unique_file_names(row["name"] for row in rows)
    return [(row["id"], row["name"], folder / name) for row, name in zip(rows, names, strict=True)]


def files_replaced(folder: Path, partner_ids: Sequence[str] | None = None) -> list[Path]:
    """The files of ``folder`` a batch would write over (to ask before replacing them)."""
    return [path for _id, _name, path in plan(folder, partner_ids) if path.exists()]


def replace_question(count: int) -> str:
    """What asking before :func:`files_replaced` says, in French (or English)."""
    return counted(
        "{count} fiche de ce dossier sera remplacée.",
        "{count} fiches de ce dossier seront remplacées.",
        count,
    )


def build_sheets(
    out_dir: str | os.PathLike[str],
    partner_ids: Sequence[str] | None = None,
    progress: ProgressCallback | None = None,
    cancelled: Callable[[], bool] | None = None,
    *,
    workers: int | None = None,
    invariant: bool = False,
    today: date | None = None,
) -> BatchReport:
    """One fact sheet per partner (or per partner of ``partner_ids``) in ``out_dir``.

    ``progress(done, total, text)`` follows each sheet (the signature of
    ``ui.kit.tasks.TaskContext.progress``); ``cancelled()`` is asked between sheets;
    Ctrl+C (KeyboardInterrupt) cancels too.  ``workers``: the number of processes (by
    default one per core, fewer for a short list; 1 makes them here).
    """
    started = time.perf_counter()
    folder = Path(out_dir)
    folder.mkdir(parents=True, exist_ok=True)
    remove_leftovers_in(folder)  # once: each sheet's write then skips listing the folder
    jobs = plan(folder, partner_ids)
    report = BatchReport(folder=folder, total=len(jobs))
    location = _open_location()
    count = worker_count(len(jobs), workers) if location is not None else 1
    runner: _Here | _Pool | None = None
    if count > 1 and location is not None:
        runner = _Pool.start(jobs, count, location, invariant, today)
    if runner is None:
        runner, count = _Here(jobs, invariant, today), 1
    report.workers = count
    try:
        for index in range(len(jobs)):
            outcome = runner.take(index, cancelled)
            _record(report, outcome)
            if progress is not None:
                text = outcome.error or f"{outcome.name} → {outcome.path.name}"
                progress(index + 1, len(jobs), text)
    except (_Stopped, KeyboardInterrupt):
        report.cancelled = True
        for outcome in runner.stop():
            _record(report, outcome)
    finally:
        runner.close()
        report.seconds = time.perf_counter() - started
    return report


def worker_count(sheets: int, asked: int | None = None) -> int:
    """The processes for ``sheets`` sheets: ``asked``, or one per core but no more than
    one per :data:`SHEETS_PER_WORKER` sheets."""
    if asked is not None:
        return max(1, asked)
    return max(1, min(os.cpu_count() or 1, sheets // SHEETS_PER_WORKER))


# -- the two ways of running: here, or in worker processes ------------------------------------


class _Stopped(Exception):
    """Cancel was asked between two sheets."""


class _Here:
    """The sheets made in this process, one per :meth:`take`."""

    def __init__(self, jobs: list[tuple[str, str, Path]], invariant: bool, today: date | None):
        self.jobs, self.invariant, self.today = jobs, invariant, today

    def take(self, index: int, cancelled: Callable[[], bool] | None) -> Outcome:
        if cancelled is not None and cancelled():
            raise _Stopped
        partner_id, name, path = self.jobs[index]
        return make_sheet(partner_id, name, path, self.invariant, self.today)

    def stop(self) -> list[Outcome]:
        return []

    def close(self) -> None:
        pass


class _Pool:
    """The sheets handed to worker processes at once, taken back in order."""

    def __init__(self, executor: ProcessPoolExecutor, futures: list[Future], stop_flag: Any):
        self.executor, self.futures, self.stop_flag = executor, futures, stop_flag
        self.taken = 0

    @classmethod
    def start(
        cls,
        jobs: list[tuple[str, str, Path]],
        count: int,
        location: DatabaseLocation,
        invariant: bool,
        today: date | None,
    ) -> _Pool | None:
        """The pool with every sheet handed to it; None when no process could start."""
        context = multiprocessing.get_context("spawn")
        stop_flag = context.Event()
        executor = ProcessPoolExecutor(
            count,
            mp_context=context,
            initializer=_start_worker,
            initargs=(
                location,
                location.backend().secret_for_worker(location),
                invariant,
                today,
                stop_flag,
            ),
        )
        # Started while Ctrl+C is ignored, a worker inherits that and never prints a
        # traceback of its own; the parent alone answers it, as a Cancel.
        main = threading.current_thread() is threading.main_thread()
        previous = signal.signal(signal.SIGINT, signal.SIG_IGN) if main else None
        try:
            futures = [executor.submit(_make_in_worker, job) for job in jobs]
        except OSError:
            log.warning("No worker process could start; the sheets are made here", exc_info=True)
            executor.shutdown(wait=False, cancel_futures=True)
            return None
        finally:
            if main:
                signal.signal(signal.SIGINT, previous)
        return cls(executor, futures, stop_flag)

    def take(self, index: int, cancelled: Callable[[], bool] | None) -> Outcome:
        """The next sheet's outcome, awaited while Cancel is watched."""
        future = self.futures[index]
        while True:
            if cancelled is not None and cancelled():
                raise _Stopped
            try:
                outcome = future.result(timeout=POLL_SECONDS)
            except FutureTimeout:
                continue
            except Exception as exc:  # a worker died (killed, out of memory)
                log.error(
                    "A fact-sheet worker stopped:\n%s", "".join(traceback.format_exception(exc))
                )
                raise UserError(
                    _("un processus de fabrication des fiches s'est arrêté ({reason}).").format(
                        reason=type(exc).__name__
                    )
                ) from exc
            self.taken = index + 1
            return outcome

    def stop(self) -> list[Outcome]:
        """Hand out no more sheets, wait for those under way: what they wrote."""
        self.stop_flag.set()
        self.executor.shutdown(wait=True, cancel_futures=True)
        finished = []
        for future in self.futures[self.taken :]:
            if future.done() and not future.cancelled() and future.exception() is None:
                finished.append(future.result())
        self.taken = len(self.futures)
        return finished

    def close(self) -> None:
        self.stop_flag.set()  # a failure above leaves nothing running behind it
        self.executor.shutdown(wait=True, cancel_futures=True)


def _record(report: BatchReport, outcome: Outcome) -> None:
    if outcome.skipped:
        return
    if outcome.error:
        log.error(
            "Fact sheet of %s (%s) failed:\n%s", outcome.name, outcome.partner_id, outcome.trace
        )
        report.failures.append((outcome.name, outcome.error))
    elif outcome.result is not None:
        report.written.append(outcome.path)
        report.results.append(outcome.result)


# -- one sheet ------------------------------------------------------------------------------


def make_sheet(
    partner_id: str, name: str, path: Path, invariant: bool, today: date | None
) -> Outcome:
    """Write one partner's sheet to ``path``; a failure is told (with its traceback for the
    log), never raised."""
    try:
        payload, result = render_factsheet(partner_id, invariant=invariant, today=today)
        result.path = write_bytes_atomically(path, payload, sweep=False)
    except Exception as exc:
        reason = str(exc) if isinstance(exc, UserError) else f"{type(exc).__name__} : {exc}"
        message = _("{name} : la fiche n'a pas pu être faite ({reason}).").format(
            name=name, reason=reason
        )
        return Outcome(partner_id, name, path, error=message, trace=traceback.format_exc())
    result.file_name = path.name
    return Outcome(partner_id, name, path, result=result)


def _open_location() -> DatabaseLocation | None:
    """Where the open database is, for the workers to open it too (None: in memory)."""
    from ..db import backend
    from ..db.models import database

    if database.obj is None:
        return None
    return backend.of(database.obj).location_of(database.obj)


_worker: dict[str, Any] = {}


def _start_worker(
    location: DatabaseLocation,
    secret: str | None,
    invariant: bool,
    today: date | None,
    stop_flag: Any,
) -> None:
    """A worker's set-up, once: Ctrl+C left to the parent, the database opened for
    reading, fonts and paragraph styles made."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    from .styles import stylesheet

    location.backend().open_read_only(location, secret)
    stylesheet()
    _worker.update(invariant=invariant, today=today, stop=stop_flag)


def _make_in_worker(job: tuple[str, str, Path]) -> Outcome:
    partner_id, name, path = job
    if _worker["stop"].is_set():
        return Outcome(partner_id, name, path, skipped=True)
    return make_sheet(partner_id, name, path, _worker["invariant"], _worker["today"])
