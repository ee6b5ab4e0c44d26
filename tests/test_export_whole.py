"""Exports keep the data whole: every address line, dates and years typed the same way in
every column, vCard text values escaped as RFC 6350 says."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re

import vobject
from openpyxl import load_workbook

from relations_app.exchange import export_file
from relations_app.exchange.columns import date_cell
from relations_app.exchange.vcard import fold
from relations_app.services import consulates, contacts, programmes

NL_ADDRESS = "6, rue Frégate La Belle Poule\nB.P. 61232\n29212 Brest Cedex 01"


def csv_rows(path):
    return list(csv.reader(io.StringIO(path.read_text("utf-8-sig"), newline=""), delimiter=";"))


def test_consulate_addresses_keep_every_line_in_csv_and_xlsx(brest_db, tmp_path):
    assert consulates.consulate_for_country("NL")["address"] == NL_ADDRESS
    export_file(tmp_path / "c.csv", what="consulates")
    export_file(tmp_path / "c.xlsx", what="consulates")
    rows = {r[0]: r for r in csv_rows(tmp_path / "c.csv")}
    assert rows["Pays-Bas"][1] == NL_ADDRESS
    sheet = load_workbook(tmp_path / "c.xlsx").active
    cells = {r[0].value: r[1] for r in sheet.iter_rows(min_row=2)}
    assert cells["Pays-Bas"].value == NL_ADDRESS and cells["Pays-Bas"].alignment.wrap_text


def test_the_consulate_list_still_shows_the_first_line(brest_db):
    row = next(r for r in consulates.list_consulates().rows if r["country"] == "NL")
    assert row["address_line"] == "6, rue Frégate La Belle Poule"


def test_date_cells_are_dates_years_are_numbers_months_are_text():
    assert date_cell("2018-12-31") == dt.date(2018, 12, 31)
    assert date_cell("2017") == 2017
    assert date_cell("2019-05") == "2019-05"
    assert date_cell("vers 2010") == "vers 2010"


def test_xlsx_types_dates_and_years_consistently(brest_db, tmp_path):
    programmes.create_programme(
        {"title": "Typage", "start": "2019-05", "end": "2021-06-30", "partner_ids": []}
    )
    export_file(tmp_path / "p.xlsx", what="programmes")
    export_file(tmp_path / "partners.xlsx", what="partners")
    sheet = load_workbook(tmp_path / "p.xlsx").active
    rows = {r[0].value: r for r in sheet.iter_rows(min_row=2)}
    crea = rows["CREA OCEAN"]  # start 2019, end 2020-12-31
    assert (crea[3].value, crea[3].data_type) == (2019, "n")
    assert crea[4].data_type == "d" and crea[4].value.date() == dt.date(2020, 12, 31)
    assert crea[4].number_format == "yyyy-mm-dd"
    assert (rows["Typage"][3].value, rows["Typage"][3].data_type) == ("2019-05", "s")
    assert rows["Typage"][4].value.date() == dt.date(2021, 6, 30)
    years = load_workbook(tmp_path / "partners.xlsx").active
    agreement = [r[4] for r in years.iter_rows(min_row=2) if r[4].value is not None]
    assert agreement and all(c.data_type == "n" and isinstance(c.value, int) for c in agreement)
    every = [c for row in sheet.iter_rows(min_row=2) for c in row[3:5] if c.value is not None]
    assert all(c.data_type in ("n", "d") or re.fullmatch(r"\d{4}-\d{2}", c.value) for c in every)


def test_csv_writes_dates_in_iso_and_years_as_numbers(brest_db, tmp_path):
    export_file(tmp_path / "p.csv", what="programmes", search="crea ocean")
    assert csv_rows(tmp_path / "p.csv")[1][3:5] == ["2019", "2020-12-31"]


# -- vCard ------------------------------------------------------------------------------

#: RFC 6350 §3.3: TEXT-CHAR may not be "\;" (only "\\", "\," and "\n" are escapes);
#: a component (N, ORG) may also hold "\;".
TEXT = re.compile(r"(?:\\\\|\\,|\\n|\\N|[^\\,\x00-\x08\x0a-\x1f\x7f])*")
COMPONENT = re.compile(r"(?:\\\\|\\,|\\;|\\n|\\N|[^\\,;\x00-\x08\x0a-\x1f\x7f])*")


def unfold(text: str) -> list[str]:
    return text.replace("\r\n ", "").split("\r\n")[:-1]


def test_vcard_escapes_text_values_per_rfc_6350(brest_db, tmp_path):
    contacts.create_contact(
        {
            "family_name": "Le Bras; Kerjean",
            "given_name": "Anne, Marie",
            "function": "Cheffe de projet; relations\\Europe",
            "email": "anne@example.org",
        }
    )
    export_file(tmp_path / "c.vcf", search="anne@example.org")
    text = (tmp_path / "c.vcf").read_bytes().decode("utf-8")
    lines = dict(line.split(":", 1) for line in unfold(text) if ":" in line)
    assert lines["FN"] == "Anne\\, Marie Le Bras; Kerjean"  # no "\;" in a text value
    assert lines["TITLE"] == "Cheffe de projet; relations\\\\Europe"
    assert lines["N"] == "Le Bras\\; Kerjean;Anne\\, Marie;;;"
    for name in ("FN", "TITLE", "EMAIL;TYPE=work"):
        assert TEXT.fullmatch(lines[name]), name
    for part in re.split(r"(?<!\\);", lines["N"]):
        assert COMPONENT.fullmatch(part)
    card = vobject.readOne(text)
    assert card.fn.value == "Anne, Marie Le Bras; Kerjean"
    assert card.title.value == "Cheffe de projet; relations\\Europe"
    assert card.n.value.family == "Le Bras; Kerjean" and card.n.value.given == "Anne, Marie"


def test_vcard_lines_fold_at_75_octets_without_cutting_a_character():
    line = "TITLE:" + "é" * 100
    folded = fold(line)
    assert all(len(part.encode()) <= 75 for part in folded.split("\r\n"))
    assert folded.replace("\r\n ", "") == line + "\r\n"
