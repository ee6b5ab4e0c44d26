"""The APD declaration: its fields, the OECD lists, the worksheet's figures and warnings."""

import json
from decimal import Decimal

import pytest
from migration_helpers import columns, dataset_file, fill_from, table_rows

from relations_app import jsonio
from relations_app.db import migrations
from relations_app.db.models import ApdCountry, ApdSector, database
from relations_app.db.sqlite import SQLITE
from relations_app.location import DatabaseLocation
from relations_app.services import apd, apd_lists, partners, programmes
from relations_app.services.partner_lookup import find_partner
from relations_app.validation import ValidationError

pytestmark = pytest.mark.both_backends

TDF = "Projet triennal de coopération Brest – Terre de Feu 2019-2021"


def programme_titled(title):
    page = programmes.list_programmes(title)
    return programmes.get_programme(next(r["id"] for r in page.rows if r["title"] == title))


def test_the_bundled_lists_name_canada_out_and_argentina_in_every_year_they_cover(brest_db):
    for year in (2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025):
        eligible = apd_lists.eligible_countries(year)
        assert "AR" in eligible and "MX" in eligible and "VN" in eligible
        assert {"BF", "MA", "CN", "DZ", "SN"} <= set(eligible)
        assert not {"CA", "DE", "JP", "ES", "GB", "RO", "CL", "UY", "US", "IT", "IE"} & set(
            eligible
        )
    assert "CK" in apd_lists.eligible_countries(2019)  # the Cook Islands left on 1 January 2020
    assert "CK" not in apd_lists.eligible_countries(2020)
    assert apd_lists.eligible_countries(2017) == {}
    assert apd_lists.eligible_countries(2024)["BF"]["category"] == "PMA"
    sources = apd_lists.sources()
    assert any("2024 and 2025 flows" in s["title"] for s in sources)
    assert all(s["url"].startswith("https://") and s["date"] for s in sources)


def test_brest_2019_hand_computed(brest_db):
    """2019: Tierra del Fuego (Argentina, eligible) has only the MEAE's planned 4 000 €;
    CREA OCEAN (Rimouski, Canada: not eligible) has Brest métropole's 12 000 € and
    10 500 + 17 150 € of co-financing, all "hors APD"."""
    sheet = apd.apd_worksheet(2019)
    assert sheet.editions == ["2018-2020"]
    (line,) = sheet.lines
    assert (line.country, line.channel, line.sector) == ("AR", "authority", "43082")
    assert [p.title for p in line.programmes] == [TDF]
    assert (line.own, line.water, line.cofunding) == (Decimal(0), Decimal(0), Decimal(4000))
    (outside,) = sheet.outside
    assert outside.country == "CA"
    assert [p.title for p in outside.programmes] == ["CREA OCEAN"]
    assert (outside.own, outside.cofunding) == (Decimal(12000), Decimal(27650))
    kinds = {(w.kind, w.label) for w in sheet.warnings}
    assert kinds == {("cofunding_only", TDF), ("planned", TDF)}
    tdf = programme_titled(TDF)
    assert all(w.record_id == tdf["id"] for w in sheet.warnings)
    summary = apd.apd_summary(2019)
    assert summary["own_eur"] == 0 and summary["cofunding_eur"] == 4000
    assert summary["outside_own_eur"] == 12000
    assert [c["code"] for c in summary["countries"]] == ["AR"]


def test_rimouski_years_fall_hors_apd(brest_db):
    for year, title, own in ((2018, "Inn'O", 12000), (2020, "CREA OCEAN", 12000)):
        sheet = apd.apd_worksheet(year)
        assert all(line.country != "CA" for line in sheet.lines)
        (outside,) = [line for line in sheet.outside if line.country == "CA"]
        assert [p.title for p in outside.programmes] == [title]
        assert outside.own == own
    # 2017 has no DAC list in the bundle: nothing is declared, and the warning says why
    sheet = apd.apd_worksheet(2017)
    assert sheet.lines == [] and sheet.warnings[0].kind == "no_list"


def _sapone_programme(**extra):
    sapone = find_partner("Saponé")
    data = {
        "title": "Forages de Saponé",
        "kind": "cooperation_project",
        "start": "2022",
        "end": "2024",
        "partner_ids": [sapone["id"]],
        "apd_sector": "14030",
        "apd_channel": "authority",
        "marker_gender": "1",
        "funding": [
            {
                "funder": "Ville de Brest",
                "amount_eur": "10000",
                "water_amount_eur": "6000",
                "year": 2023,
            },
            {"funder": "Brest métropole", "amount_eur": "2500,50", "year": 2023, "stage": "actual"},
            {
                "funder": "Ministère de l'Europe et des Affaires étrangères",
                "amount_eur": "5000",
                "year": 2023,
            },
            {"funder": "Ville de Brest", "amount_eur": "999", "year": 2022},
        ],
    }
    data.update(extra)
    return programmes.create_programme(data)


def test_own_money_and_the_1_percent_are_added_per_country_channel_sector(brest_db):
    first = _sapone_programme()
    second = _sapone_programme(
        title="Latrines de Saponé",
        marker_gender="2",
        funding=[
            {
                "funder": "brest METROPOLE",
                "amount_eur": "1000",
                "water_amount_eur": "1000",
                "year": 2023,
            }
        ],
    )
    other_sector = _sapone_programme(
        title="Bibliothèque de Saponé",
        apd_sector="16061",
        marker_gender=None,
        funding=[{"funder": "Ville de Brest", "amount_eur": "300", "year": 2023}],
    )
    sheet = apd.apd_worksheet(2023)
    by_sector = {line.sector: line for line in sheet.lines}
    water = by_sector["14030"]
    assert {p.id for p in water.programmes} == {first["id"], second["id"]}
    assert water.own == Decimal("13500.50")  # 10 000 + 2 500,50 + 1 000
    assert water.water == Decimal("7000")  # 6 000 + 1 000
    assert water.own_excluding_water == Decimal("6500.50")
    assert water.cofunding == Decimal("5000")
    assert water.marker("marker_gender") == "2"
    assert by_sector["16061"].own == 300 and by_sector["16061"].marker("marker_gender") == ""
    assert {p.id for p in by_sector["16061"].programmes} == {other_sector["id"]}
    assert sheet.total("own") == Decimal("13800.50")
    assert apd.apd_worksheet(2022).total("own") == 999


def test_the_warnings_name_each_record_to_fix(brest_db):
    missing = _sapone_programme(apd_sector="", apd_channel=None)
    odd = _sapone_programme(
        title="Jardins de Saponé",
        funding=[
            {"funder": "Fondation inconnue", "amount_eur": "700", "year": 2023},
            {"funder": "Ville de Brest", "amount_eur": "100", "year": 2023, "stage": "planned"},
            {"funder": "Ville de Brest", "amount_eur": "50"},
        ],
    )
    sheet = apd.apd_worksheet(2023)
    found = {(w.kind, w.record_id) for w in sheet.warnings}
    assert ("no_sector_or_channel", missing["id"]) in found
    assert ("unknown_funder", odd["id"]) in found
    assert ("planned", odd["id"]) in found
    assert ("no_year", odd["id"]) in found
    texts = " ".join(w.text for w in sheet.warnings)
    assert "Fondation inconnue" in texts and "sans secteur CAD ni canal" in texts
    (line,) = [line for line in sheet.lines if odd["id"] in {p.id for p in line.programmes}]
    assert line.own == 100  # the unknown funder's 700 € are not counted
    share = next(p for p in line.programmes if p.id == odd["id"])
    assert (share.own, share.unknown) == (Decimal(100), Decimal(700))
    # classifying the funder removes its warning and counts it
    apd_lists.set_funder("Fondation inconnue", "own")
    again = apd.apd_worksheet(2023)
    assert ("unknown_funder", odd["id"]) not in {(w.kind, w.record_id) for w in again.warnings}
    share = next(p for p in again.programmes if p.id == odd["id"])
    assert share.own == 800


def test_the_worksheet_reads_in_the_same_few_queries_whatever_the_records(brest_db, monkeypatch):
    statements: list[str] = []
    original = database.obj.execute_sql

    def counting(sql, params=None, *args, **kwargs):
        statements.append(sql)
        return original(sql, params, *args, **kwargs)

    _sapone_programme()
    monkeypatch.setattr(database.obj, "execute_sql", counting)
    apd.apd_worksheet(2023)
    few = len(statements)
    monkeypatch.undo()
    for number in range(12):
        _sapone_programme(title=f"Puits {number}")
    monkeypatch.setattr(database.obj, "execute_sql", counting)
    statements.clear()
    apd.apd_worksheet(2023)
    assert len(statements) == few <= 7


def test_a_bad_year_or_sector_is_refused_in_french(brest_db):
    with pytest.raises(ValidationError, match="n'est pas une année"):
        apd.apd_worksheet("deux mille")
    with pytest.raises(ValidationError, match="code-objet du CAD attendu"):
        _sapone_programme(apd_sector="eau")
    with pytest.raises(ValidationError, match="non prévue"):
        _sapone_programme(marker_gender="3")


def test_json_export_and_import_carry_the_apd_fields_and_lists(brest_db, tmp_path):
    made = _sapone_programme()
    apd_lists.set_funder("Fondation Abbé Pierre", "cofunder")
    path = tmp_path / "all.json"
    jsonio.write_document(path)
    document = json.loads(path.read_text(encoding="utf-8"))
    assert document == jsonio.export_document()
    record = next(p for p in document["programmes"] if p["id"] == made["id"])
    assert (record["apd_sector"], record["apd_channel"], record["marker_gender"]) == (
        "14030",
        "authority",
        "1",
    )
    assert record["funding"][1]["stage"] == "actual"
    assert {"name": "Fondation Abbé Pierre", "role": "cofunder"} in document["apd"]["funders"]
    assert len(document["apd"]["countries"]) == ApdCountry.select().count()
    # an edited list travels: a new code, a country's years
    document["apd"]["sectors"].append(
        {
            "code": "31110",
            "label_fr": "Politique agricole (modifié)",
            "label_en": "Agricultural policy",
        }
    )
    document["apd"]["countries"].append(
        {
            "code": "AR",
            "first_year": 2026,
            "last_year": 2027,
            "edition": "2026-2027",
            "category": "",
        }
    )
    record["marker_nutrition"] = "2"
    jsonio.import_document(document)
    assert programmes.get_programme(made["id"])["marker_nutrition"] == "2"
    assert "AR" in apd_lists.eligible_countries(2026)
    assert ApdSector.get_by_id("31110").label_fr == "Politique agricole (modifié)"


def test_a_bad_apd_section_changes_nothing(brest_db):
    document = jsonio.export_document()
    before = json.dumps(document, sort_keys=True)
    document["apd"]["funders"].append({"name": "Ville de Brest", "role": "maybe"})
    document["apd"]["countries"][0]["last_year"] = 1990
    with pytest.raises(ValidationError) as refused:
        jsonio.import_document(document)
    assert "non prévue" in str(refused.value) and "précède" in str(refused.value)
    assert json.dumps(jsonio.export_document(), sort_keys=True) == before


def test_partner_country_change_moves_the_programme_off_the_list(brest_db):
    made = _sapone_programme()
    sapone = find_partner("Saponé")
    record = partners.get_partner(sapone["id"])
    partners.update_partner(sapone["id"], {**record, "country": "CA"}, record["version"])
    sheet = apd.apd_worksheet(2023)
    assert made["id"] in {p.id for line in sheet.outside for p in line.programmes}


@pytest.mark.sqlite_only
def test_migration_10_adds_the_fields_and_fills_the_lists_on_a_full_database(tmp_path):
    source = dataset_file(tmp_path)
    db = SQLITE.open(DatabaseLocation.file(tmp_path / "v9.db"))
    try:
        assert migrations.migrate(db, target=3) == [1, 2, 3]
        fill_from(db, source)
        assert migrations.migrate(db, target=9) == [4, 5, 6, 7, 8, 9]
        old = columns(db, "programme")
        before = table_rows(db)
        assert migrations.migrate(db, target=10) == [10]
        assert columns(db, "programme") == [*old, "apd_sector", "apd_channel", *apd_lists.MARKERS]
        assert columns(db, "funding")[-1] == "stage"
        after = table_rows(db, list(before))
        assert len(after["programme"]) == len(before["programme"])
        assert all(row[len(old)] == "" for row in after["programme"])  # no sector yet
        assert all(set(row[len(old) + 1 :]) == {None} for row in after["programme"])
        assert ApdCountry.select().count() == 565 and ApdSector.select().count() == 123
        assert SQLITE.integrity_problems(db, full=True) == []
    finally:
        SQLITE.close()
