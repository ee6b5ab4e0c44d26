"""The command line: clear one-line errors, non-zero exits, nothing changed on bad input."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from relations_app import cli


def run(*args):
    return cli.main([str(a) for a in args])


def test_init_export_import_check(tmp_path, capsys):
    db = tmp_path / "r.db"
    assert run("--db", db, "init") == 0
    assert run("--db", db, "export", tmp_path / "a.json") == 0
    assert run("--db", tmp_path / "b.db", "init", "--empty") == 0
    assert run("--db", tmp_path / "b.db", "import", tmp_path / "a.json") == 0
    assert run("--db", tmp_path / "b.db", "export", tmp_path / "b.json") == 0
    assert (tmp_path / "a.json").read_text() == (tmp_path / "b.json").read_text()
    out = capsys.readouterr().out
    assert "Exporté dans" in out and "16 partenaires, " in out and "16 partenaires créés ; " in out


def test_init_refuses_to_overwrite_without_force_and_keeps_a_copy_with_it(tmp_path, capsys):
    db = tmp_path / "r.db"
    assert run("--db", db, "init") == 0
    assert run("--db", db, "init") == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "existe déjà" in err and "--force" in err
    assert run("--db", db, "init", "--empty", "--force") == 0
    out = capsys.readouterr().out
    copies = list(tmp_path.glob("r.avant-init-*.db"))
    assert len(copies) == 1 and str(copies[0]) in out
    assert run("--db", copies[0], "export", tmp_path / "old.json") == 0
    assert len(json.loads((tmp_path / "old.json").read_text())["partners"]) == 16
    assert run("--db", db, "export", tmp_path / "new.json") == 0
    assert json.loads((tmp_path / "new.json").read_text())["partners"] == []


def test_invalid_import_exits_non_zero_and_changes_nothing(tmp_path, capsys):
    db = tmp_path / "r.db"
    assert run("--db", db, "init") == 0
    assert run("--db", db, "export", tmp_path / "before.json") == 0
    document = json.loads((tmp_path / "before.json").read_text())
    document["partners"][0]["country"] = "ZZ"
    document["partners"][1]["name"] = "Renamed"
    (tmp_path / "bad.json").write_text(json.dumps(document), encoding="utf-8")
    capsys.readouterr()
    assert run("--db", db, "import", tmp_path / "bad.json") == 1
    err = capsys.readouterr().err
    assert err.startswith("relations-app: erreur :") and err.count("\n") == 1
    assert "code pays ISO 3166 inconnu" in err
    assert run("--db", db, "export", tmp_path / "after.json") == 0
    assert (tmp_path / "before.json").read_text() == (tmp_path / "after.json").read_text()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["import", "missing.json"], "aucune base"),
        (["export", "x.csv"], "format d'export non pris en charge"),
        (["check"], "aucune base"),
    ],
)
def test_bad_input_messages(tmp_path, capsys, args, message):
    assert run("--db", tmp_path / "none.db", *args) == 1
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1
    assert not (tmp_path / "none.db").exists()


def test_import_of_a_missing_or_truncated_file(tmp_path, capsys):
    db = tmp_path / "r.db"
    assert run("--db", db, "init") == 0
    assert run("--db", db, "import", tmp_path / "nope.json") == 1
    assert "Impossible de lire" in capsys.readouterr().err
    (tmp_path / "cut.json").write_text(
        '{"format": "relations-app", "version": 1, "partners": [{"id"', encoding="utf-8"
    )
    assert run("--db", db, "import", tmp_path / "cut.json") == 1
    assert "ligne 1" in capsys.readouterr().err


def test_check_reports_the_sources_inconsistencies(tmp_path, capsys):
    db = tmp_path / "r.db"
    assert run("--db", db, "init") == 0
    capsys.readouterr()
    assert run("--db", db, "check") == 0
    out = capsys.readouterr().out
    assert "Intégrité : OK" in out
    assert "« Inn'O »" in out and "« CREA OCEAN »" in out and "31 décembre 2018" in out
    assert "les sources annoncent 15" in out and "la base en compte 16" in out
    assert "nrest@hk-diplo.de" in out and "« brest »" in out
    assert "DK, FI, NO, SE" in out


def test_check_fails_on_a_damaged_file(tmp_path, capsys):
    db = tmp_path / "r.db"
    assert run("--db", db, "init") == 0
    import sqlite3

    with sqlite3.connect(db) as conn:
        conn.execute("PRAGMA foreign_keys = OFF")
        conn.execute("DELETE FROM partner WHERE name = 'Kiel'")
    capsys.readouterr()
    assert run("--db", db, "check") == 1
    assert "clé étrangère rompue" in capsys.readouterr().out


def test_usage_error_exits_2(capsys):
    with pytest.raises(SystemExit) as info:
        cli.main(["frobnicate"])
    assert info.value.code == 2


def test_console_script_is_installed():
    script = Path(sys.executable).with_name("relations-app")
    result = subprocess.run([str(script), "--version"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0 and result.stdout.startswith("relations-app ")
