"""Exports: lists to CSV/XLSX (safe in a spreadsheet), contacts to vCard, agenda to iCalendar."""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile

import icalendar
import pytest
import vobject
from openpyxl import load_workbook

from relations_app import cli
from relations_app.exchange import ExchangeError, build_table, export_file
from relations_app.exchange.common import escape_formula, unescape_formula
from relations_app.exchange.ics import calendar_bytes, is_round_anniversary
from relations_app.services import contacts, delegations, partners


def read_csv(path):
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM: Excel reads the accents right
    return list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline=""), delimiter=";"))


@pytest.fixture
def nasty_contact(brest_db):
    return contacts.create_contact(
        {
            "family_name": '=HYPERLINK("http://x")',
            "given_name": "@SUM(A1)",
            "email": "n@example.org",
            "phone": "+33 2 98 00 00 00",
            "function": "-2+3",
        }
    )


def test_formula_escaping_round_trips():
    for text in ("=1+1", "+33", "-x", "@a", "\tx", "\rx"):
        assert escape_formula(text) == "'" + text
        assert unescape_formula(escape_formula(text)) == text
    assert escape_formula("Kiel") == "Kiel" and unescape_formula("'quoted'") == "'quoted'"


def test_partner_list_to_csv_with_columns_filters_and_search(brest_db, tmp_path):
    target = tmp_path / "p.csv"
    result = export_file(
        target,
        what="partners",
        columns=["name", "country_name", "population"],
        filters={"kind": "twin_city"},
    )
    rows = read_csv(target)
    assert rows[0] == ["Nom", "Pays", "Population"]
    assert ["Dun Laoghaire", "Irlande", "24000"] in rows
    assert all(r[0] not in ("Béjaïa", "Qingdao") for r in rows)  # friendship cities filtered out
    assert result.count == len(rows) - 1 == 9
    export_file(target, what="partners", search="kiel")
    assert [r[0] for r in read_csv(target)[1:]] == ["Kiel"]
    assert target.read_bytes().count(b"\r\n") == 2


def test_csv_escapes_formula_looking_text(nasty_contact, tmp_path):
    target = tmp_path / "c.csv"
    export_file(target, what="contacts", search="n@example.org")
    header, row = read_csv(target)
    assert header == ["Nom", "Prénom", "Courriel", "Téléphone", "Fonction", "Organisation"]
    assert row[0] == '\'=HYPERLINK("http://x")' and row[1] == "'@SUM(A1)"
    assert row[3] == "'+33 2 98 00 00 00" and row[4] == "'-2+3"


def test_xlsx_has_bold_frozen_header_widths_and_never_formulas(nasty_contact, tmp_path):
    target = tmp_path / "c.xlsx"
    export_file(target, what="contacts")
    sheet = load_workbook(target).active
    assert sheet.freeze_panes == "A2" and sheet["A1"].font.bold and sheet["A1"].value == "Nom"
    assert sheet.column_dimensions["C"].width == 32
    cells = [c for row in sheet.iter_rows(min_row=2) for c in row if c.value]
    nasty = [c for c in cells if str(c.value).startswith("=")]
    assert nasty and all(c.data_type == "s" for c in nasty)
    xml = zipfile.ZipFile(target).read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in xml  # no formula element anywhere


def test_number_and_boolean_cells(brest_db, tmp_path):
    export_file(tmp_path / "p.xlsx", what="partners", columns=["name", "population", "active"])
    sheet = load_workbook(tmp_path / "p.xlsx").active
    row = next(r for r in sheet.iter_rows(min_row=2, values_only=True) if r[0] == "Dun Laoghaire")
    assert row == ("Dun Laoghaire", 24000, "Oui")


@pytest.mark.parametrize(
    "what", ["programmes", "organisations", "posts", "consulates", "delegations", "events"]
)
def test_every_list_exports(brest_db, tmp_path, what):
    result = export_file(tmp_path / f"{what}.csv", what=what)
    assert len(read_csv(tmp_path / f"{what}.csv")) == result.count + 1


def test_bad_requests_are_refused_in_french(brest_db, tmp_path):
    with pytest.raises(ExchangeError, match="Colonne inconnue"):
        build_table("partners", ["nom"])
    with pytest.raises(ExchangeError, match="Filtre inconnu"):
        build_table("partners", filters={"colour": "red"})
    with pytest.raises(ExchangeError, match="Liste inconnue"):
        export_file(tmp_path / "x.csv", what="people")
    with pytest.raises(ExchangeError, match="--what"):
        export_file(tmp_path / "x.xlsx")
    assert not list(tmp_path.glob("x.*"))


def test_vcard_4(nasty_contact, tmp_path):
    export_file(tmp_path / "c.vcf", filters={"partner_id": None}, search="beaulieu")
    card = vobject.readOne((tmp_path / "c.vcf").read_text(encoding="utf-8"))
    assert card.version.value == "4.0"
    assert card.n.value.family == "Beaulieu" and card.n.value.given == "Martin"
    assert card.fn.value == "Martin Beaulieu" and card.title.value == "Directeur général"
    assert card.org.value == ["Société de Promotion Economique de Rimouski"]
    assert card.email.value == "mbeaulieu@soper-rimouski.ca"
    assert card.uid.value.startswith("urn:uuid:")
    export_file(tmp_path / "all.vcf")
    cards = list(vobject.readComponents((tmp_path / "all.vcf").read_text(encoding="utf-8")))
    phones = [c.tel.value for c in cards if hasattr(c, "tel")]
    assert "+33 2 98 00 00 00" in phones


def test_ics_events_agenda_and_anniversaries(brest_db, tmp_path):
    kiel = next(p for p in partners.list_partners("kiel").rows)
    delegation = delegations.create_delegation(
        {
            "title": "Mission à Rimouski",
            "start": "2026-05-04",
            "end": "2026-05-06",
            "agenda": [
                {
                    "date": "2026-05-04",
                    "start_time": "09:30",
                    "end_time": "11:00",
                    "timezone": "America/Toronto",
                    "place": "UQAR",
                    "subject": "Visite de l'ISMER",
                },
                {"date": "2026-05-05", "subject": "Journée libre"},
            ],
        }
    )
    today = dt.date(kiel["agreement_year"] + 59, 3, 1)  # 60 years next year
    data, count = calendar_bytes(today=today, now=dt.datetime(2026, 1, 1, tzinfo=dt.UTC))
    calendar = icalendar.Calendar.from_ical(data)
    events = {str(e["uid"]): e for e in calendar.walk("VEVENT")}
    assert len(events) == count
    uids = [f"agenda-{item['uid']}@relations-app" for item in delegation["agenda"]]
    timed = events[uids[0]]
    assert timed["dtstart"].params["TZID"] == "America/Toronto"
    assert timed["dtstart"].dt.hour == 9 and timed["dtend"].dt.hour == 11
    assert str(timed["location"]) == "UQAR" and "Visite de l'ISMER" in str(timed["summary"])
    assert any(tz["tzid"] == "America/Toronto" for tz in calendar.walk("VTIMEZONE"))
    all_day = events[uids[1]]
    assert all_day["dtstart"].dt == dt.date(2026, 5, 5) and all_day["dtend"].dt == dt.date(
        2026, 5, 6
    )
    year_only = [
        e
        for e in events.values()
        if str(e["uid"]).startswith("event-")
        and e["dtstart"].dt.month == 1
        and e["dtend"].dt.year == e["dtstart"].dt.year + 1
    ]
    assert year_only  # "2014" covers the whole year, as an all-day event
    anniversary = events[f"anniversary-{kiel['id']}-{today.year + 1}@relations-app"]
    assert str(anniversary["summary"]).startswith("60 ans du jumelage avec Kiel")
    again, _ = calendar_bytes(today=today, now=dt.datetime(2026, 1, 1, tzinfo=dt.UTC))
    assert again == data  # stable UIDs and content


def test_round_anniversaries():
    assert [n for n in range(1, 131) if is_round_anniversary(n)] == [
        10,
        20,
        25,
        30,
        40,
        50,
        60,
        70,
        75,
        80,
        90,
        100,
        110,
        120,
        125,
        130,
    ]


def run(*args):
    return cli.main([str(a) for a in args])


def test_cli_export_formats_and_refusals(brest_db, tmp_path, capsys):
    db = tmp_path / "brest.db"
    for name, extra in (
        ("p.csv", ["--what", "partners"]),
        ("o.xlsx", ["--what", "organisations"]),
        ("c.vcf", []),
        ("a.ics", []),
        ("k.csv", ["--what", "partners", "--search", "kiel"]),
    ):
        assert run("--db", db, "export", tmp_path / name, *extra) == 0
    out = capsys.readouterr().out
    assert "16 partenaires" in out and ": 1 partenaire\n" in out
    for args, message in (
        (["x.csv"], "sans --what"),
        (["x.doc"], "non pris en charge"),
        (["x.xlsx", "--what", "people"], "Liste inconnue"),
        (["x.vcf", "--what", "partners"], "que des contacts"),
    ):
        assert run("--db", db, "export", tmp_path / args[0], *args[1:]) == 1
        err = capsys.readouterr().err
        assert message in err and err.count("\n") == 1
        assert not (tmp_path / args[0]).exists()
