"""``relations-app history NAME_OR_ID`` and ``relations-app changes --since DATE [--csv]``."""

from __future__ import annotations

import csv
import getpass

from relations_app import bootstrap, cli
from relations_app.location import DatabaseLocation
from relations_app.services import partners, trash


def run(*args):
    return cli.main([str(a) for a in args])


def edited_base(tmp_path):
    db = tmp_path / "r.db"
    assert run("--db", db, "init") == 0
    bootstrap.open_app_database(DatabaseLocation.file(db))
    kiel = partners.list_partners("kiel").rows[0]
    partners.update_partner(kiel["id"], {"population": 246_000})
    bejaia = partners.list_partners("bejaia").rows[0]
    trash.move_to_trash("partners", bejaia["id"])
    bootstrap.close()
    return db, kiel["id"], bejaia["id"]


def test_history_by_name_lists_the_changes_newest_first(tmp_path, capsys):
    db, _kiel, _ = edited_base(tmp_path)
    capsys.readouterr()
    assert run("--db", db, "history", "kiel") == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "Historique de Kiel (partenaire) :"
    assert out[1].startswith(f"  Population : vide → 246\u202f000 — par {getpass.getuser()}, le ")
    assert out[2].startswith("  Création (données d'origine) — par ")


def test_history_of_a_record_in_the_trash_by_its_id(tmp_path, capsys):
    db, _, bejaia = edited_base(tmp_path)
    capsys.readouterr()
    assert run("--db", db, "history", bejaia) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "Historique de Béjaïa (partenaire, supprimé) :"
    assert out[1].startswith("  Mise à la corbeille — par ")


def test_an_unknown_name_is_one_french_line(tmp_path, capsys):
    db, _, _ = edited_base(tmp_path)
    capsys.readouterr()
    assert run("--db", db, "history", "Atlantide") == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "aucun enregistrement ne s'appelle « Atlantide »" in err


def test_changes_of_a_period_to_csv(tmp_path, capsys):
    db, kiel, _ = edited_base(tmp_path)
    target = tmp_path / "revue.csv"
    assert run("--db", db, "changes", "--since", "2000-01-01", "--csv", target) == 0
    assert "écrites dans" in capsys.readouterr().out
    with target.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f, delimiter=";"))
    population = next(r for r in rows if r["Identifiant"] == kiel and r["Champ"])
    assert (population["Champ"], population["Avant"], population["Après"]) == (
        "Population",
        "vide",
        "246\u202f000",
    )
    assert population["Par"] == getpass.getuser() and population["Type"] == "partenaire"
    assert any(r["Modification"] == "Mise à la corbeille" for r in rows)


def test_changes_in_a_period_without_any(tmp_path, capsys):
    db, _, _ = edited_base(tmp_path)
    capsys.readouterr()
    assert run("--db", db, "changes", "--since", "2000-01-01", "--until", "2000-01-31") == 0
    assert capsys.readouterr().out == "Aucune modification sur cette période.\n"


def test_a_date_that_is_not_one_is_refused(tmp_path, capsys):
    db, _, _ = edited_base(tmp_path)
    capsys.readouterr()
    assert run("--db", db, "changes", "--since", "hier") == 1
    assert "« hier » n'est pas une date" in capsys.readouterr().err
