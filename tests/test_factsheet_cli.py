"""`relations-app factsheet`: names matched loosely, clear one-line errors, --all."""

import pytest

pytest.importorskip("reportlab")

from relations_app import cli


def run(*args):
    return cli.main([str(a) for a in args])


@pytest.fixture
def db_file(tmp_path, capsys):
    path = tmp_path / "r.db"
    assert run("--db", path, "init") == 0
    capsys.readouterr()
    return path


def test_one_sheet_by_loose_name_in_the_current_folder(db_file, tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert run("--db", db_file, "factsheet", "SAPONE") == 0
    assert (tmp_path / "sapone.pdf").read_bytes().startswith(b"%PDF")
    assert "Fiche de Saponé écrite dans sapone.pdf" in capsys.readouterr().out
    assert run("--db", db_file, "factsheet", "Tierra del Fuego", "-o", tmp_path / "tdf.pdf") == 0
    assert (tmp_path / "tdf.pdf").exists()
    assert (
        run("--db", db_file, "factsheet", "constantza", "-o", tmp_path / "c.pdf") == 0
    )  # an alias


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Kil", "aucun partenaire ne s'appelle « Kil ». Noms proches : Kiel."),
        ("Zanzibar", "aucun partenaire ne s'appelle « Zanzibar »."),
        (
            "ha",
            "« ha » désigne plusieurs partenaires : Dun Laoghaire (Irlande), Haïphong (Viêt Nam)",
        ),
    ],
)
def test_unknown_or_ambiguous_names_exit_1_with_one_line(db_file, tmp_path, capsys, name, expected):
    assert run("--db", db_file, "factsheet", name, "-o", tmp_path / "x.pdf") == 1
    err = capsys.readouterr().err
    assert err.startswith("relations-app: erreur : ") and err.count("\n") == 1
    assert expected in err
    assert not (tmp_path / "x.pdf").exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ([], "indiquez le nom d'un partenaire, ou --all"),
        (["Kiel", "--all"], "pas les deux"),
        (["--all", "-o", "x.pdf"], "utilisez --out-dir"),
        (["Kiel", "--out-dir", "d"], "utilisez -o"),
        (["Kiel", "-o", "kiel.txt"], "doit finir par .pdf"),
        (["Kiel", "-o", "nowhere/kiel.pdf"], "n'existe pas"),
    ],
)
def test_bad_options(db_file, tmp_path, monkeypatch, capsys, args, message):
    monkeypatch.chdir(tmp_path)
    assert run("--db", db_file, "factsheet", *args) == 1
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1


def test_missing_database_is_refused(tmp_path, capsys):
    assert run("--db", tmp_path / "none.db", "factsheet", "Kiel") == 1
    assert "aucune base" in capsys.readouterr().err
    assert not (tmp_path / "none.db").exists()


def test_all_writes_16_files_with_a_progress_line_each(db_file, tmp_path, capsys):
    out = tmp_path / "fiches"
    assert run("--db", db_file, "factsheet", "--all", "--out-dir", out) == 0
    files = sorted(p.name for p in out.iterdir())
    assert len(files) == 16 and all(name.endswith(".pdf") for name in files)
    lines = capsys.readouterr().out.splitlines()
    assert next(line for line in lines if line.startswith("[")).startswith("[1/16] Béjaïa → ")
    assert sum(line.startswith("[") for line in lines) == 16
    assert lines[-1].startswith("16 fiches écrites dans")


def test_nothing_at_start_up_imports_reportlab():
    import os
    import subprocess
    import sys

    code = (
        "import sys, relations_app.cli, ui.shell.launcher, ui.shell.main_window, ui.documents.pdf_preview\n"
        "cli = relations_app.cli.build_parser()\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] in ('reportlab', 'pypdf'))\n"
        "sys.exit(f'loaded at start-up: {loaded}' if loaded else 0)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.returncode == 0, result.stderr[-2000:]
