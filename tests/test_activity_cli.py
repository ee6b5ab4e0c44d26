"""`relations-app rapport YEAR -o FILE.pdf|FILE.xlsx`: the activity report and its tables
(issue 15 §3), the workbook's figures the same as the PDF's, clear one-line refusals."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

pytest.importorskip("reportlab")
from openpyxl import load_workbook

from relations_app import cli


@pytest.fixture
def report(brest_location):
    """``report(*args)``: ``relations-app --db BREST rapport *args``, its exit status."""
    return lambda *args: cli.main(["--db", str(brest_location.path), "rapport", *map(str, args)])


def test_the_pdf_by_default_in_the_current_folder(report, tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert report("2019") == 0
    assert (tmp_path / "rapport-activite-2019.pdf").read_bytes().startswith(b"%PDF")
    out = capsys.readouterr().out
    assert "Rapport d'activité 2019 écrit dans rapport-activite-2019.pdf (2 pages)" in out


def test_the_workbook_holds_the_same_figures_one_table_a_sheet(report, tmp_path, capsys):
    target = tmp_path / "chiffres.xlsx"
    assert report("2019", "-o", target) == 0
    assert "Tableaux du rapport d'activité 2019" in capsys.readouterr().out
    book = load_workbook(target)
    assert book.sheetnames == [
        "Synthèse",
        "APD",
        "Partenaires par type",
        "Programmes",
        "Financeurs",
        "Pays",
        "Lignes de financement",
        "Délégations",
        "Événements",
        "Partenaires",
    ]
    summary = {row[0]: row[1] for row in book["Synthèse"].iter_rows(min_row=2, values_only=True)}
    assert summary["Partenaires en relation"] == 16
    assert summary["Programmes menés"] == 6 and summary["Programmes commencés"] == 3
    assert Decimal(str(summary["Financements (€)"])) == Decimal("43650")
    funders = book["Financeurs"]
    assert [c.value for c in funders[1]] == ["Financeur", "Montant (€)", "Part"]
    rows = list(funders.iter_rows(min_row=2, values_only=True))
    assert rows[0][:2] == ("Collectivités et partenaires étrangers", 17150)
    assert rows[-1][0] == "Total" and rows[-1][1] == 43650
    assert funders["B2"].number_format.endswith('"€"') and funders["C2"].number_format == "0%"
    assert abs(rows[0][2] - 17150 / 43650) < 1e-9
    countries = list(book["Pays"].iter_rows(min_row=2, values_only=True))
    assert countries[:2] == [("Canada", 39650, 39650 / 43650), ("Argentine", 4000, 4000 / 43650)]
    lines = list(book["Lignes de financement"].iter_rows(min_row=2, values_only=True))
    assert len(lines) == 4 and sum(line[4] for line in lines) == 43650  # CREA OCEAN 3, TdF 1
    programmes = {r[0]: r for r in book["Programmes"].iter_rows(min_row=2, values_only=True)}
    crea = programmes["CREA OCEAN"]
    assert crea[4] == 2019 and crea[5].date() == date(2020, 12, 31)  # a year, a full date
    assert crea[7] == "Oui" and crea[9] == 39650
    assert book["Synthèse"].freeze_panes == "A2"
    apd = {row[0]: row[1] for row in book["APD"].iter_rows(min_row=2, values_only=True)}
    assert apd["Cofinancements reçus pour ces actions"] == 4000  # Terre de Feu, MEAE
    assert apd["Fonds propres hors APD (pays non éligibles)"] == 12000  # Canada
    assert apd["Argentine : fonds propres déclarés"] == 0


def test_a_formula_looking_title_stays_text(report, tmp_path):
    from relations_app.services import programmes

    programmes.create_programme({"title": '=HYPERLINK("x")', "start": "2019"})
    target = tmp_path / "t.xlsx"
    assert report("2019", "-o", target) == 0
    cells = [r[0] for r in load_workbook(target)["Programmes"].iter_rows(min_row=2)]
    formula = next(c for c in cells if str(c.value).startswith("="))
    assert formula.data_type == "s"


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("20x9",), "« 20x9 » n'est pas une année : indiquez une année entre 1900 et 2100"),
        (("1066",), "« 1066 » n'est pas une année"),
        (
            ("2019", "-o", "r.docx"),
            "le fichier de sortie doit finir par .pdf ou .xlsx : « r.docx »",
        ),
        (("2019", "-o", "/nulle/part/r.pdf"), "le dossier /nulle/part n'existe pas."),
    ],
)
def test_bad_input_exits_1_with_one_line_and_writes_nothing(
    report, tmp_path, monkeypatch, capsys, args, expected
):
    monkeypatch.chdir(tmp_path)
    assert report(*args) == 1
    err = capsys.readouterr().err
    assert err.startswith("relations-app: erreur : ") and err.count("\n") == 1
    assert expected in err
    assert not list(tmp_path.glob("*.pdf")) and not list(tmp_path.glob("*.docx"))
