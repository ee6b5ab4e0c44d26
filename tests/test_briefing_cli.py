"""`relations-app briefing`: a delegation by id or loose title, the PDF and its .ics,
one-line French errors."""

import shutil

import icalendar
import pytest

from relations_app.location import DatabaseLocation

pytest.importorskip("reportlab")

from relations_app import bootstrap, cli, dataset
from relations_app.services import delegations

EXAMPLE = dataset.stable_id("delegations", "mission-rimouski-exemple")


def run(*args):
    return cli.main([str(a) for a in args])


@pytest.fixture(scope="module")
def bundled(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli") / "r.db"
    assert run("--db", path, "init") == 0
    return path


@pytest.fixture
def db_file(bundled, tmp_path, capsys):
    path = tmp_path / "r.db"
    shutil.copy(bundled, path)
    capsys.readouterr()
    return path


def test_pdf_and_agenda_by_loose_title(db_file, tmp_path, capsys):
    pdf, ics = tmp_path / "dossier.pdf", tmp_path / "agenda.ics"
    assert run("--db", db_file, "briefing", "mission RIMOUSKI", "-o", pdf, "--ics", ics) == 0
    assert pdf.read_bytes().startswith(b"%PDF")
    calendar = icalendar.Calendar.from_ical(ics.read_bytes())
    assert len(calendar.walk("VEVENT")) == 11
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith(
        f"Dossier « Mission à Rimouski autour de CREA OCEAN (exemple) » écrit dans {pdf} ("
    )
    assert out[1] == f"Programme écrit dans {ics} (11 rendez-vous)"


def test_by_id_into_the_current_folder(db_file, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert run("--db", db_file, "briefing", EXAMPLE) == 0
    assert (tmp_path / "mission-a-rimouski-autour-de-crea-ocean-exemple.pdf").exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["Zanzibar"], "aucune délégation n'a pour identifiant ou pour titre « Zanzibar »."),
        (
            ["mision a rimuski"],
            "Titres proches : Mission à Rimouski autour de CREA OCEAN (exemple).",
        ),
        (["  "], "indiquez l'identifiant ou le titre d'une délégation."),
        (["Rimouski", "-o", "dossier.txt"], "le fichier de sortie doit finir par .pdf"),
        (["Rimouski", "--ics", "agenda.pdf"], "le fichier de sortie doit finir par .ics"),
        (["Rimouski", "-o", "nowhere/dossier.pdf"], "n'existe pas"),
    ],
)
def test_errors_exit_1_with_one_line(db_file, tmp_path, monkeypatch, capsys, args, message):
    monkeypatch.chdir(tmp_path)
    assert run("--db", db_file, "briefing", *args) == 1
    err = capsys.readouterr().err
    assert err.startswith("relations-app: erreur : ") and err.count("\n") == 1
    assert message in err
    assert not list(tmp_path.glob("*.pdf")) and not list(tmp_path.glob("*.ics"))


def test_an_ambiguous_title_lists_the_delegations(db_file, capsys):
    bootstrap.open_app_database(DatabaseLocation.file(db_file))
    try:
        delegations.create_delegation({"title": "Mission à Kiel", "start": "2026-09"})
    finally:
        bootstrap.close()
    assert run("--db", db_file, "briefing", "mission") == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "« mission » désigne plusieurs délégations : " in err
    assert "Mission à Kiel (septembre 2026)" in err
    assert "Mission à Rimouski autour de CREA OCEAN (exemple) (7 juin 2027)" in err
    assert "précisez le titre ou donnez l'identifiant" in err
