"""`relations-app apd YEAR` and `apd-listes`: the worksheet written, bad input refused whole."""

import pytest
from openpyxl import load_workbook

from relations_app import cli


def run(*args):
    return cli.main([str(a) for a in args])


@pytest.fixture
def db_file(tmp_path, capsys):
    path = tmp_path / "r.db"
    assert run("--db", path, "init") == 0
    capsys.readouterr()
    return path


def test_the_worksheet_of_2019_in_csv_and_xlsx(db_file, tmp_path, monkeypatch, capsys):
    target = tmp_path / "apd.csv"
    assert run("--db", db_file, "apd", "2019", "-o", target) == 0
    out = capsys.readouterr().out
    assert "montants prévus" in out and "seuls des cofinancements" in out
    assert "1 ligne déclarée, fonds propres 0 €" in out and "12\u202f000 € non déclarés" in out
    lines = target.read_bytes().decode("utf-8-sig").splitlines()
    assert lines[0].startswith("Statut;Pays;Code pays;")
    assert lines[1].startswith("APD;Argentine;AR;;Action directe de la collectivité;11000;43082;")
    assert lines[2].startswith("APD;Total déclaré;;;;;;;0,00;0,00;0,00;4000,00;1;")
    assert (
        lines[3].startswith("Hors APD;Canada;CA;")
        and ";12000,00;0,00;12000,00;27650,00;1;CREA OCEAN;" in lines[3]
    )
    monkeypatch.chdir(tmp_path)
    assert run("--db", db_file, "apd", "2018") == 0
    book = load_workbook(tmp_path / "declaration-apd-2018.xlsx")
    rows = [[c.value for c in r] for r in book["Déclaration APD 2018"].iter_rows()]
    assert rows[4][0] == "Total déclaré"  # nothing declared in 2018: Inn'O is in Canada
    assert next(r for r in rows if r[0] == "Canada")[12] == "Inn'O"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("apd", "2019", "-o", "x.pdf"), "doit finir par .xlsx ou .csv"),
        (("apd", "deux", "-o", "x.csv"), "Année : « deux » n'est pas une année"),
        (("apd", "2019", "-o", "nowhere/x.csv"), "n'existe pas"),
        (("apd-listes", "--role", "own"), "--financeur et --role vont ensemble"),
    ],
)
def test_bad_input_exits_1_with_one_line(db_file, tmp_path, monkeypatch, capsys, args, message):
    monkeypatch.chdir(tmp_path)
    assert run("--db", db_file, *args) == 1
    err = capsys.readouterr().err
    assert message in err and len(err.strip().splitlines()) == 1
    assert not list(tmp_path.glob("x.*"))


def test_an_administrator_adds_an_edition_and_classifies_a_funder(db_file, tmp_path, capsys):
    new = tmp_path / "liste.csv"
    new.write_text("code;first_year;last_year;edition;category\nAR;2026;2027;2026-2027;PRITS\n")
    assert (
        run(
            "--db",
            db_file,
            "apd-listes",
            "--pays",
            new,
            "--financeur",
            "Région Bretagne",
            "--role",
            "cofunder",
        )
        == 0
    )
    out = capsys.readouterr().out
    assert "Liste du CAD 2026-2027 : 2026–2027, 1 pays" in out
    assert "Financeur : Région Bretagne (cofinancement)" in out
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "code;first_year;last_year;edition;category\nBF;2026;2027;2026-2027;\nXX;2028;2020;x;\n"
    )
    assert run("--db", db_file, "apd-listes", "--pays", bad) == 1
    assert "la dernière année précède la première" in capsys.readouterr().err
    assert run("--db", db_file, "apd-listes") == 0
    assert "Liste du CAD 2026-2027 : 2026–2027, 1 pays" in capsys.readouterr().out  # BF not added
