"""Every partner's fact sheet on every core (issue 16 §3): worker processes that open the
database for reading (the same file, or the same server), progress in the list's order,
Cancel and Ctrl+C leaving whole files only, a broken partner told and logged."""

from __future__ import annotations

import io
import logging
import os
import re
import signal
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

pytest.importorskip("reportlab")
from pypdf import PdfReader

from relations_app.reports import batch

pytestmark = pytest.mark.both_backends
TODAY = date(2025, 6, 1)
ROOT = Path(__file__).resolve().parents[1]
CLI = "import sys; from relations_app.cli import main; sys.exit(main())"


def whole_pdfs(folder: Path) -> list[str]:
    """The files of ``folder``, each checked to be a complete PDF (pypdf reads its end)."""
    names = sorted(p.name for p in folder.iterdir())
    for name in names:
        assert name.endswith(".pdf"), name  # no hidden temporary file left behind
        assert len(PdfReader(io.BytesIO((folder / name).read_bytes())).pages) >= 1
    return names


def test_worker_processes_write_every_sheet_in_order(brest_db, tmp_path):
    progress = []
    report = batch.build_sheets(
        tmp_path / "fiches", progress=lambda *a: progress.append(a), workers=2, today=TODAY
    )
    assert report.workers == 2 and not report.cancelled and not report.failures
    assert len(report.written) == 16 == len(whole_pdfs(tmp_path / "fiches"))
    assert {"kiel.pdf", "etat-de-veracruz.pdf", "constanta.pdf"} <= {p.name for p in report.written}
    assert [done for done, _total, _text in progress] == list(range(1, 17))
    assert progress[0][2].startswith("Béjaïa → ")  # partners by name, as the list shows them
    assert report.summary().startswith(f"16 fiches écrites dans {tmp_path / 'fiches'} en ")


def test_only_the_chosen_partners(brest_db, tmp_path):
    from relations_app.services import partners

    rows = {row["name"]: row["id"] for row in partners.list_partners(sort="name").rows}
    chosen = [rows["Kiel"], rows["Saponé"]]
    report = batch.build_sheets(tmp_path, chosen, workers=1)
    assert sorted(p.name for p in report.written) == ["kiel.pdf", "sapone.pdf"]


def test_cancel_stops_handing_out_sheets_and_leaves_whole_files(brest_db, tmp_path):
    done = []
    report = batch.build_sheets(
        tmp_path / "fiches",
        progress=lambda d, t, s: done.append(d),
        cancelled=lambda: len(done) >= 2,
        workers=2,
    )
    assert report.cancelled and 2 <= len(report.written) < 16
    assert whole_pdfs(tmp_path / "fiches") == sorted(p.name for p in report.written)
    left = 16 - len(report.written)
    assert report.summary().endswith(f"(interrompu : {left} sur 16 non écrites).")


@pytest.mark.sqlite_only
def test_a_broken_partner_is_told_and_logged_and_the_others_written(
    brest_db, tmp_path, monkeypatch, caplog
):
    from relations_app.services import partners

    real = batch.render_factsheet
    kiel = next(row["id"] for row in partners.list_partners().rows if row["name"] == "Kiel")

    def failing(partner_id, **kwargs):
        if partner_id == kiel:
            raise ValueError("mise en page impossible")
        return real(partner_id, **kwargs)

    monkeypatch.setattr(batch, "render_factsheet", failing)  # made here: workers=1
    progress = []
    with caplog.at_level(logging.ERROR, logger="relations_app.reports.batch"):
        report = batch.build_sheets(tmp_path, progress=lambda *a: progress.append(a), workers=1)
    assert len(report.written) == 15 and not (tmp_path / "kiel.pdf").exists()
    assert report.failures == [
        ("Kiel", "Kiel : la fiche n'a pas pu être faite (ValueError : mise en page impossible).")
    ]
    assert "Kiel : la fiche n'a pas pu être faite" in next(
        t for _d, _n, t in progress if "Kiel" in t
    )
    assert "1 fiche n'a pas pu être faite" in report.summary()
    assert "Traceback" in caplog.text and "mise en page impossible" in caplog.text


def test_the_workers_connection_reads_and_never_writes(brest_db, brest_location):
    import peewee

    from relations_app.db.models import database
    from relations_app.services import partners

    brest_location.backend().open_read_only(brest_location)
    assert len(partners.list_partners(sort="name").rows) == 16
    with pytest.raises(peewee.DatabaseError):
        database.execute_sql("UPDATE partner SET name = 'x'")


def test_ctrl_c_in_the_command_stops_cleanly(new_location, tmp_path):
    """Ctrl+C reaches the whole process group, workers included: the command finishes the
    sheets under way, leaves whole files only, says so and exits 130.  On 200 partners: the
    Brest dataset's 16 sheets could all be written before the signal reaches the command."""
    from relations_app import bootstrap, demo_data

    location = new_location("many.db")
    demo_data.generate(location, demo_data.Sizes(200, 0, 0), seed=3)
    bootstrap.close()
    out = tmp_path / "fiches"
    script = Path(sys.executable).with_name("relations-app")  # the installed command
    command = [str(script)] if script.exists() else [sys.executable, "-c", CLI]
    # Ctrl+C answered as in a terminal even when the tests run in the background: a shell
    # starts a job with "&" ignoring SIGINT, which the command would inherit; a handler of
    # this process's own is not inherited (the command starts with the default).
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        process = subprocess.Popen(
            [*command, "--db", str(location), "factsheet", "--all", "--out-dir", str(out)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=ROOT,
            start_new_session=True,  # its own process group, as a terminal's job
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )
    finally:
        signal.signal(signal.SIGINT, previous)
    assert process.stdout is not None
    first = process.stdout.readline()
    assert first.startswith("[1/200] "), first + process.stderr.read()
    os.killpg(process.pid, signal.SIGINT)
    out_text, err = process.communicate(timeout=120)
    assert process.returncode == 130, (out_text[-300:], err[-2000:])
    assert "Traceback" not in err
    last = out_text.strip().splitlines()[-1]
    assert re.search(r"\d+ fiches? écrites? dans .*\(interrompu : ", last), last
    assert 1 <= len(whole_pdfs(out)) < 200


def test_a_killed_runs_hidden_files_are_swept_once_and_others_kept(brest_db, tmp_path):
    folder = tmp_path / "fiches"
    folder.mkdir()
    # a killed writer's (its pid long gone), of a sheet this run does not write again
    dead = folder / ".ancien-partenaire.pdf.999999999-abcdefgh.tmp"
    dead.write_bytes(b"%PDF-1.4 half")
    mine = folder / "notes.txt"
    mine.write_text("à garder", encoding="utf-8")
    report = batch.build_sheets(folder, workers=1, today=TODAY)
    assert len(report.written) == 16
    assert not dead.exists()
    assert mine.read_text(encoding="utf-8") == "à garder"
