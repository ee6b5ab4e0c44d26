"""The command line speaks French and counts in French; demo-data never touches the real base."""

from __future__ import annotations

import argparse

import pytest

from relations_app import cli
from relations_app.location import DatabaseLocation
from relations_app.text import counted_fr, seconds_fr


def usage_exit(argv: list[str], capsys) -> tuple[int, str]:
    with pytest.raises(SystemExit) as info:
        cli.main(argv)
    out = capsys.readouterr()
    return int(info.value.code or 0), out.out + out.err


def test_help_is_french(capsys):
    code, text = usage_exit(["--help"], capsys)
    assert code == 0
    assert text.startswith("utilisation : relations-app")
    assert "afficher cette aide et quitter" in text
    assert "afficher le numéro de version et quitter" in text
    assert "usage:" not in text and "show this help" not in text
    assert "positional arguments" not in text and "\narguments :\n" not in text


def test_missing_arguments_are_french(capsys):
    code, text = usage_exit(["export"], capsys)
    assert code == 2
    assert "relations-app export : erreur : arguments obligatoires manquants : FICHIER" in text
    assert "utilisation : relations-app export" in text and "required" not in text


def test_unknown_option_and_missing_value_are_french(capsys):
    code, text = usage_exit(["--bogus"], capsys)
    assert code == 2 and "erreur : arguments non reconnus : --bogus" in text
    code, text = usage_exit(["export", "x.csv", "--what"], capsys)
    assert code == 2 and "argument --what : une valeur attendue" in text
    code, text = usage_exit(["demo-data", "--partners", "beaucoup"], capsys)
    assert code == 2 and "valeur invalide (int) : 'beaucoup'" in text
    code, text = usage_exit(["frobnicate"], capsys)
    assert code == 2 and "choix invalide : 'frobnicate'" in text


def test_argparse_is_english_again_outside_the_command_line(capsys):
    usage_exit(["--help"], capsys)
    assert "show this help message" in argparse.ArgumentParser().format_help()


def test_counts_and_durations_are_french():
    assert counted_fr(1, "poste diplomatique", "postes diplomatiques") == "1 poste diplomatique"
    assert counted_fr(0, "contact") == "0 contact"
    assert counted_fr(12500, "contact") == "12\u202f500 contacts"
    assert seconds_fr(0.7) == "0,7 s" and seconds_fr(12.345) == "12,3 s"


def test_export_messages_count_in_french(brest_db, tmp_path, capsys):
    db = str(brest_db.database)
    assert cli.main(["--db", db, "export", str(tmp_path / "p.csv"), "--what", "posts"]) == 0
    assert "Exporté dans" in (out := capsys.readouterr().out)
    assert out.rstrip().endswith(": 1 poste diplomatique")
    assert cli.main(["--db", db, "export", str(tmp_path / "c.vcf"), "--search", "zzz"]) == 0
    assert capsys.readouterr().out.rstrip().endswith(": 0 contact")


def test_json_export_refuses_search_instead_of_exporting_everything(brest_db, tmp_path, capsys):
    target = tmp_path / "k.json"
    code = cli.main(["--db", str(brest_db.database), "export", str(target), "--search", "kiel"])
    assert code == 1 and not target.exists()
    assert "--search ne s'y applique pas" in capsys.readouterr().err


def test_demo_data_requires_db_and_never_writes_the_default_base(tmp_path, capsys):
    real = DatabaseLocation.default().path
    code = cli.main(["demo-data", "--quiet", "--partners", "3", "--programmes", "3"])
    assert code == 1 and not real.exists()
    err = capsys.readouterr().err
    assert "précisez-la avec --db FICHIER.db" in err and str(real) in err


def test_demo_data_speaks_french(tmp_path, capsys):
    target = tmp_path / "demo.db"
    sizes = ["--partners", "4", "--programmes", "4", "--contacts", "6"]
    assert cli.main(["demo-data", *sizes, "--db", str(target)]) == 0
    out = capsys.readouterr().out
    assert "partenaires : " in out and "4 partenaires, 8 organisations, 6 contacts" in out
    last = out.strip().splitlines()[-1]
    assert last.endswith(" s") and "," in last.rsplit(" en ", 1)[1]
    assert "partner " not in out and "delegation " not in out


def test_import_summaries_agree_in_french():
    from relations_app.exchange.atlas_apply import AtlasImportResult
    from relations_app.exchange.contacts_import import ContactImportResult

    atlas = AtlasImportResult(
        "p", "create", {"organisations": ["a", "b"], "posts": ["x"]}, {"contacts": ["c"]}
    )
    assert atlas.describe() == (
        "programme créé, 2 organisations créées, 1 contact complété, 1 poste diplomatique créé"
    )
    assert ContactImportResult(["a"], [], 1, ["o"]).describe() == (
        "1 contact créé, 0 mis à jour, 1 ligne ignorée, 1 organisation créée"
    )
    merged = ContactImportResult(["a"], [], 0, [], merged=["b"]).describe()
    assert merged == (
        "1 contact créé, 1 contact fusionné avec un contact existant, 0 mis à jour, 0 ligne ignorée"
    )
    assert (
        ContactImportResult([], [], 0, [], merged=["b", "c"])
        .describe()
        .startswith("0 contact créé, 2 contacts fusionnés avec des contacts existants")
    )
