"""The domain's messages have a translation in every language and their compiled catalogues
are up to date, as tests/test_translations.py checks for the window's."""

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _tool():
    spec = importlib.util.spec_from_file_location(
        "domain_messages", ROOT / "tools" / "domain_messages.py"
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules["domain_messages"] = module
    spec.loader.exec_module(module)
    return module


def test_every_domain_message_is_translated_and_compiled():
    """A message marked with _() without running tools/domain_messages.py fails here."""
    tool = _tool()
    for language in tool.LANGUAGES:
        assert tool.problems(language) == []


def test_the_check_finds_a_message_without_translation(tmp_path, monkeypatch):
    tool = _tool()
    source = tmp_path / "relations_app"
    source.mkdir()
    (source / "new.py").write_text('from .i18n import _\nREASON = _("un motif tout neuf")\n')
    monkeypatch.setattr(tool, "SOURCES", source)
    assert any("un motif tout neuf" in p for p in tool.problems("en"))


def test_the_compiled_catalogue_is_found_by_the_installed_package():
    from relations_app import i18n

    i18n.set_language("en")
    try:
        assert i18n._("ce champ est obligatoire") == "this field is required"
    finally:
        i18n.set_language("fr")


@pytest.fixture
def english():
    from relations_app import i18n

    i18n.set_language("en")
    yield
    i18n.set_language("fr")


def test_service_refusals_speak_english_in_the_english_window(brest_db, english):
    from relations_app.services import StaleRecordError, partners, programmes
    from relations_app.validation import ValidationError

    kiel = partners.get_partner(partners.list_partners("kiel").rows[0]["id"])
    partners.update_partner(kiel["id"], {"population": 246601})
    with pytest.raises(StaleRecordError) as stale:
        partners.update_partner(kiel["id"], {"notes": "x"}, expected_version=kiel["version"])
    assert str(stale.value).startswith("The partner “Kiel” was changed elsewhere since you opened")
    assert "Population (empty → 246601)" in str(stale.value)
    assert str(stale.value).endswith(
        "Your changes were not saved: reload the record, then make them again."
    )
    crea = programmes.list_programmes("crea ocean").rows[0]["id"]
    with pytest.raises(ValidationError) as refused:
        programmes.update_programme(crea, {"start": "2027", "end": "juin 2026"})
    assert str(refused.value) == "End: the end date comes before the start date"
    with pytest.raises(ValidationError) as refused:
        programmes.update_programme(
            crea, {"funding": [{"funder": "Région", "year": 2027, "amount_eur": "dix euros"}]}
        )
    assert str(refused.value) == "Funding line no. 1, Amount (€): invalid amount: “dix euros”"


def test_the_same_refusals_stay_french_in_the_french_window(brest_db):
    from relations_app.services import programmes
    from relations_app.validation import ValidationError

    crea = programmes.list_programmes("crea ocean").rows[0]["id"]
    with pytest.raises(ValidationError) as refused:
        programmes.update_programme(crea, {"start": "2027", "end": "juin 2026"})
    assert str(refused.value) == "Fin : la date de fin précède la date de début"


def test_check_reports_speak_english_in_the_english_window(brest_db, english):
    from datetime import date

    from relations_app import checks

    warnings = checks.data_warnings(date(2026, 12, 1))
    assert warnings[0].startswith("Programme “Inn'O”: status “ongoing” although its end date (")
    assert any("the address “nrest@hk-diplo.de” looks like a typing error" in w for w in warnings)
    assert any(w.startswith("Consulates DK, FI, NO, SE: same phone") for w in warnings)
    assert sum("the sources announce" in w for w in warnings) == 2
    assert "Consulate (DE): the address “nrest@hk-diplo.de”" in "\n".join(warnings)


def test_contact_import_summaries_count_in_english(english):
    from relations_app.exchange.contacts_import import ContactImportResult

    assert ContactImportResult(["a"], [], 1, ["o"]).describe() == (
        "1 contact created, 0 updated, 1 line skipped, 1 organisation created"
    )
    assert ContactImportResult(["a", "b"], ["c"], 2, [], rejected=[4, 9]).describe() == (
        "2 contacts created, 1 updated, 2 lines skipped.\n"
        "Warning: partial import, 2 lines with errors not imported (lines 4, 9); "
        "the other lines were saved"
    )


def test_atlas_and_json_import_summaries_in_english(english):
    from relations_app.exchange.atlas_apply import AtlasImportResult
    from relations_app.jsonio.document import ImportSummary

    atlas = AtlasImportResult(
        "p", "create", {"organisations": ["a", "b"], "posts": ["x"]}, {"contacts": ["c"]}
    )
    assert atlas.describe() == (
        "programme created, 2 organisations created, 1 contact completed, 1 diplomatic post created"
    )
    summary = ImportSummary({"partners": 16, "organisations": 1}, {"delegations": 2})
    assert summary.describe() == (
        "16 partners created; 1 organisation created; 2 delegations updated"
    )
    assert summary.describe(planned=True).startswith("16 partners to create; ")
    assert ImportSummary().describe() == "no record"


def test_database_faults_speak_english_in_the_english_window(tmp_path, english):
    from relations_app import faults

    fault = faults.fault("locked", tmp_path / "relations.db")
    assert str(fault) == (
        f"The database {tmp_path / 'relations.db'} is busy with another window or program: "
        "nothing was saved. Try again in a moment."
    )
    assert str(faults.file_fault("missing", tmp_path / "x" / "copie.db")).endswith(
        "does not exist: check the path (the folder must exist)."
    )


def test_database_faults_stay_french_by_default(tmp_path):
    from relations_app import faults

    assert str(faults.fault("disk_full", tmp_path / "relations.db")).startswith(
        f"Le disque est plein ({tmp_path}) : rien n'a été enregistré"
    )


def test_unreadable_files_are_refused_in_english(english):
    from relations_app.exchange.common import ExchangeError
    from relations_app.exchange.contacts_mapping import check_mapping
    from relations_app.exchange.readers import read_csv_bytes

    with pytest.raises(ExchangeError) as refused:
        read_csv_bytes(b'Nom;Courriel\n"Dupont;x@y.fr\n', "contacts.csv")
    assert str(refused.value) == (
        "contacts.csv is malformed or truncated at line 2: "
        "the file ends inside a quoted cell (a quote not closed?)."
    )
    table = read_csv_bytes(b"Nom;Courriel\nDupont;x@y.fr\n", "contacts.csv")
    assert table.describe() == "1 data row, 2 columns, encoding UTF-8, separator semicolon"
    with pytest.raises(ExchangeError, match="No column goes into the field “Name” "):
        check_mapping({1: "email"}, table.headers)


def test_json_import_refusals_in_english(tmp_path, english):
    from relations_app import jsonio

    other = tmp_path / "other.json"
    other.write_text('{"name": "not ours"}', encoding="utf-8")
    with pytest.raises(jsonio.ImportFileError) as refused:
        jsonio.validate_file(other)
    assert str(refused.value) == "This file is not an export of Relations (no “format” key)."
    with pytest.raises(jsonio.ImportFileError, match="Unsupported format version: 99"):
        jsonio.validate_document({"format": "relations-app", "version": 99})


def test_the_atlas_import_preview_in_english(brest_db, english):
    from relations_app.exchange import parse_atlas, plan_atlas

    crea = (ROOT / "tests" / "data" / "atlas_crea_ocean_004.txt").read_text(encoding="utf-8")
    lines = plan_atlas(parse_atlas(crea)).describe()
    assert lines[0] == "Programme “CREA OCEAN”: already exists: to update"
    assert any(line.startswith("Linked partner(s): Rimouski") for line in lines)
    assert any(line.startswith("Funding: 6 lines, total 79\u202f300,00 €") for line in lines)
    assert any(": existing, linked" in line for line in lines)
    assert not any("à mettre à jour" in line for line in lines)


def test_backups_and_the_damaged_file_report_in_english(brest_db, english, tmp_path):
    """Issue 19 §3: what the backups dialog and the damaged-file dialog read."""
    from datetime import UTC, datetime

    from relations_app import backups, bootstrap
    from relations_app.location import DatabaseLocation

    copy = backups.BackupInfo(
        tmp_path / "c.db",
        datetime(2026, 12, 2, 9, 5, tzinfo=UTC),
        "manuelle",
        10,
        counts={"partners": 16, "contacts": 1},
    )
    assert copy.describe().startswith("copy of 02/12/2026 at ")
    assert copy.describe().endswith("(requested copy): 16 partners, 1 contact")
    report = bootstrap.StartReport(DatabaseLocation.file(tmp_path / "r.db"))
    report.problems = ["quick_check : page 4 is never used"] * 5
    text = report.message()
    assert text.startswith(f"The database {tmp_path / 'r.db'} is damaged: quick_check")
    assert "(and 2 more). It was neither changed nor copied." in text
    assert text.endswith("No copy in good condition is available in the backups folder.")
    with pytest.raises(backups.BackupError, match=r"^The copy .* does not exist\.$"):
        backups.check_backup(tmp_path / "absent.db")


def test_trash_refusals_in_english(brest_db, english):
    from relations_app import jsonio
    from relations_app.services import partners, removal, trash

    kiel = partners.list_partners("kiel").rows[0]["id"]
    document = jsonio.export_document()
    entry = trash.move_to_trash("partners", kiel)
    jsonio.import_document(
        {
            "format": "relations-app",
            "version": 1,
            "partners": [p for p in document["partners"] if p["id"] == kiel],
        }
    )
    with pytest.raises(removal.RestoreError) as refused:
        trash.restore(entry.id)
    assert str(refused.value) == (
        "Cannot restore the partner “Kiel”: a record with the same identifier exists again "
        "(re-imported or re-created meanwhile). The item stays in the trash."
    )


def test_json_syntax_photos_and_erasure_in_english(tmp_path, english):
    from relations_app import jsonio, photos
    from relations_app.errors import UserError
    from relations_app.services.personal_data import ErasureReport

    broken = tmp_path / "broken.json"
    broken.write_text('{"format": "relations-app", "version": 1, "partners": [}', "utf-8")
    with pytest.raises(jsonio.ImportFileError) as refused:
        jsonio.validate_file(broken)
    assert "(line 1, column" in str(refused.value) and "value expected" in str(refused.value)
    assert photos.photo_problem("@@@") == "unreadable photo (base64 expected)"
    text_file = tmp_path / "photo.png"
    text_file.write_text("not an image", "utf-8")
    with pytest.raises(UserError, match=r"^Photo refused \(photo.png\): the photo must be a PNG"):
        photos.encode_photo_file(text_file)
    report = ErasureReport(programmes=["a", "b"], file_wiped=True, backups_holding=[tmp_path])
    assert report.describe().startswith(
        f"Person erased; trace left in 2 programmes. 1 file still holds the person: {tmp_path}."
    )


def test_exports_and_the_romanian_spelling_warning_in_english(brest_db, english, tmp_path):
    from relations_app import checks
    from relations_app.exchange import export

    result = export.export_file(tmp_path / "partenaires.csv", what="partners")
    assert result.detail == "16 partners"
    calendar = export.export_file(tmp_path / "agenda.ics", what="events")
    assert calendar.detail.endswith(("calendar entry", "calendar entries"))
    assert checks.cedilla_spellings() == [
        "Partner “Constanţa”: written with a cedilla (ş, ţ) as in the source, whereas Romanian "
        "writes “Constanța” (comma below); that spelling is recorded as an alternative, both "
        "are found."
    ]


def test_atlas_reading_warnings_in_english(english):
    from relations_app.exchange import parse_atlas
    from relations_app.exchange.common import ExchangeError

    crea = (ROOT / "tests" / "data" / "atlas_crea_ocean_004.txt").read_text(encoding="utf-8")
    damaged = crea.replace("2020", "deux mille vingt", 1)
    record = parse_atlas(damaged)
    assert "End date unreadable: “31/12/deux mille vingt” (left empty)." in record.warnings
    assert all("illisible" not in w and "laissée" not in w for w in record.warnings)
    with pytest.raises(ExchangeError, match=r"^This text does not look like a record of the Atlas"):
        parse_atlas("Bonjour,\nceci est un courriel.\n")
