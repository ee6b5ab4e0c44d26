"""Contacts from CSV/XLSX: encodings, mapping, per-row errors, duplicates, decisions, all or nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook

from relations_app import cli, jsonio
from relations_app.exchange import (
    ExchangeError,
    RowDecision,
    apply_contacts,
    export_file,
    preview_contacts,
    propose_mapping,
    read_table,
)
from relations_app.exchange.readers import read_csv_bytes
from relations_app.services import contacts, organisations

HEADER = "Nom;Prénom;Courriel;Téléphone;Fonction;Organisation;Pays\r\n"
ROWS = (
    "Beaulieu;Martin;MBEAULIEU@soper-rimouski.ca;;Directeur;SOPER;Canada\r\n"  # same e-mail
    "Lefèvre;Anaïs;anais@example.fr;02 98 00 00 00;=1+2;Université de Bretagne Occidentale;France\r\n"
    "Vaillan;Sarah;;02 98 11 11 11;;;\r\n"  # a very close name
    "Durand;;pas-un-courriel;;;;Atlantide\r\n"  # errors
    "Nouveau;Léa;lea@example.org;;Chargée de mission;Office des Glaces;Canada\r\n"
)


def table(text: str, encoding: str = "utf-8", name: str = "contacts.csv"):
    return read_csv_bytes(text.encode(encoding), name)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252"])
def test_encodings_are_detected(encoding):
    source = table(HEADER + ROWS, encoding)
    assert source.headers[1] == "Prénom" and source.rows[1].cells[1] == "Anaïs"
    assert source.encoding == ("cp1252" if encoding == "cp1252" else "utf-8-sig")


@pytest.mark.parametrize("delimiter", [";", ",", "\t"])
def test_delimiters_are_sniffed(delimiter):
    source = table(f"Nom{delimiter}E-mail\nDupont{delimiter}d@example.org\n")
    assert source.delimiter == delimiter and source.rows[0].cells == ("Dupont", "d@example.org")


def test_mapping_proposed_from_french_and_english_headers():
    assert propose_mapping(
        ["Last name", "First name", "E-mail", "Phone", "Job title", "Company"]
    ) == {
        0: "family_name",
        1: "given_name",
        2: "email",
        3: "phone",
        4: "function",
        5: "organisation",
    }
    assert propose_mapping(["Courriel professionnel", "NOM", "Prénom", "Remarques", "Divers"]) == {
        0: "email",
        1: "family_name",
        2: "given_name",
        3: "notes",
    }


def test_preview_errors_duplicates_and_proposals(brest_db):
    plan = preview_contacts(table(HEADER + ROWS))
    by_line = {row.line: row for row in plan.rows}
    martin = by_line[2]
    assert martin.proposed == "merge" and martin.duplicates[0].reason == "même courriel"
    assert martin.flags() == "ressemble à Martin Beaulieu (même courriel)"
    assert martin.organisation_id is not None  # "SOPER" is the acronym of an existing organisation
    assert by_line[3].proposed == "create" and by_line[3].values["function"] == "=1+2"
    sarah = by_line[4]
    assert sarah.proposed == "ask" and "nom très proche" in sarah.duplicates[0].reason
    errors = by_line[5].error_text()
    assert by_line[5].proposed == "skip"
    assert (
        "ligne 5, Courriel : adresse e-mail invalide" in errors
        and "ligne 5, Pays : pays inconnu" in errors
    )
    assert plan.counts() == {"create": 2, "merge": 1, "update": 0, "skip": 1, "ask": 1}


def test_apply_defaults_then_overrides(brest_db):
    plan = preview_contacts(table(HEADER + ROWS))
    sarah_id = plan.rows[2].target_id
    martin_id = plan.rows[0].target_id
    result = apply_contacts(
        plan, {2: RowDecision("update", martin_id), 4: RowDecision("update", sarah_id)}
    )
    assert len(result.created) == 2 and len(result.updated) == 2 and result.skipped == 1
    assert result.organisations_created == ["Office des Glaces"]
    anais = contacts.get_contact(result.created[0])
    assert (
        anais["phone"] == "+33 2 98 00 00 00" and anais["function"] == "=1+2"
    )  # text, never evaluated
    assert (
        organisations.get_organisation(anais["organisation_id"])["name"]
        == "Université de Bretagne Occidentale"
    )
    martin = contacts.get_contact(result.updated[0])
    assert martin["email"] == "mbeaulieu@soper-rimouski.ca" and martin["function"] == "Directeur"
    assert contacts.get_contact(sarah_id)["given_name"] == "Sarah"  # empty cells erase nothing
    lea = contacts.get_contact(result.created[1])
    assert organisations.get_organisation(lea["organisation_id"])["country"] == "CA"


def test_repeated_person_in_the_file_is_proposed_once(db):
    plan = preview_contacts(table("Nom;Courriel\nDupont;d@example.org\nDUPONT;D@example.org\n"))
    assert [r.proposed for r in plan.rows] == ["create", "skip"] and plan.rows[1].same_as_line == 2


def test_forcing_an_invalid_row_changes_nothing(brest_db):
    before = jsonio.export_document()
    plan = preview_contacts(table(HEADER + ROWS))
    with pytest.raises(ExchangeError) as info:
        apply_contacts(plan, {4: "create", 5: "create"})
    assert "rien n'a été enregistré" in str(info.value) and "ligne 5, Courriel" in str(info.value)
    assert jsonio.export_document() == before


def test_a_failure_in_the_middle_rolls_everything_back(brest_db, monkeypatch):
    before = jsonio.export_document()
    plan = preview_contacts(table(HEADER + ROWS))
    calls = []
    real = contacts.create_contact

    def failing(data):
        calls.append(data)
        if len(calls) == 2:
            raise ExchangeError("disque plein (simulé)")
        return real(data)

    monkeypatch.setattr(contacts, "create_contact", failing)
    with pytest.raises(ExchangeError, match="ligne 6, disque plein"):
        apply_contacts(plan, {4: "skip"})
    assert jsonio.export_document() == before


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ((HEADER + ROWS).encode("utf-16"), "UTF-16"),
        ((HEADER + ROWS).encode("utf-16-le"), "octet nul ligne 1"),
        (bytes(range(256)) * 4, "ligne 1"),
        ((HEADER + ROWS + 'Martin;"Jean;j@example.org').encode(), "ligne 7"),  # open quote
        ((HEADER + ROWS + "Martin;Jean").encode(), "dernière ligne (7)"),  # cut in a row
        (b"", "vide"),
    ],
)
def test_unreadable_files_are_refused_with_the_line(raw, message):
    with pytest.raises(ExchangeError, match=message.replace("(", r"\(").replace(")", r"\)")):
        read_csv_bytes(raw, "contacts.csv")


def test_xlsx_input_keeps_formulas_as_text(brest_db, tmp_path):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Nom", "Prénom", "E-mail", "Notes"])
    sheet.append(["Formule", "Test", "f@example.org", "=SUM(1,2)"])
    sheet.append([None, None, None, None])
    sheet.append(["Numéro", "Téléphone", None, 33298000000])
    workbook.save(tmp_path / "c.xlsx")
    source = read_table(tmp_path / "c.xlsx")
    assert [r.line for r in source.rows] == [2, 4]
    result = apply_contacts(preview_contacts(source))
    assert contacts.get_contact(result.created[0])["notes"] == "=SUM(1,2)"
    export_file(tmp_path / "out.csv", what="contacts", search="formule")
    export_file(tmp_path / "out.xlsx", what="contacts", search="formule")
    again = read_table(tmp_path / "out.csv")  # our own export reads back to the same text
    assert again.rows[0].cells[0] == "Formule"
    truncated = (tmp_path / "c.xlsx").read_bytes()[:200]
    (tmp_path / "cut.xlsx").write_bytes(truncated)
    with pytest.raises(ExchangeError, match="tronqué ou endommagé"):
        read_table(tmp_path / "cut.xlsx")


def test_formula_cells_survive_a_csv_round_trip(db, tmp_path):
    (tmp_path / "in.csv").write_text("Nom;Fonction\n=cmd|' /C calc'!A0;@risque\n", encoding="utf-8")
    created = apply_contacts(preview_contacts(read_table(tmp_path / "in.csv"))).created
    assert contacts.get_contact(created[0])["family_name"] == "=cmd|' /C calc'!A0"
    export_file(tmp_path / "out.csv", what="contacts")
    assert "'=cmd|' /C calc'!A0" in (tmp_path / "out.csv").read_text(encoding="utf-8-sig")
    assert read_table(tmp_path / "out.csv").rows[0].cells[:1] == ("=cmd|' /C calc'!A0",)


def run(*args):
    return cli.main([str(a) for a in args])


def test_cli_import_contacts(brest_db, tmp_path, capsys):
    db = tmp_path / "brest.db"
    (tmp_path / "c.csv").write_bytes((HEADER + ROWS).encode("cp1252"))
    before = jsonio.export_document()
    assert run("--db", db, "import", tmp_path / "c.csv", "--dry-run") == 1  # a row has errors
    out = capsys.readouterr().out
    assert "encodage Windows-1252" in out and "Courriel ← « Courriel »" in out
    assert "ligne 5 : ignorer Durand — Courriel : adresse e-mail invalide" in out
    assert (
        "ligne 2 : fusionner Martin Beaulieu — ressemble à Martin Beaulieu (même courriel)" in out
    )
    assert "ligne 4 : à décider Sarah Vaillan — ressemble à Sarah Vaillant (nom très proche" in out
    assert run("--db", db, "import", tmp_path / "c.csv") == 1
    assert "rien n'a été enregistré : 1 ligne avec erreurs" in capsys.readouterr().err
    run("--db", db, "export", tmp_path / "after.json")
    assert jsonio.read_document(tmp_path / "after.json") == before
    good = "".join(line for line in ROWS.splitlines(True) if not line.startswith("Durand"))
    (tmp_path / "c.csv").write_bytes((HEADER + good).encode("cp1252"))
    assert run("--db", db, "import", tmp_path / "c.csv", "--dry-run") == 0
    assert "rien n'a été enregistré" in capsys.readouterr().out
    assert run("--db", db, "import", tmp_path / "c.csv") == 1  # Sarah Vaillan: to decide
    err = capsys.readouterr().err
    assert "ligne 4, Sarah Vaillan ressemble à Sarah Vaillant (nom très proche" in err
    assert "1 ligne ressemblant à un contact existant, sans décision" in err
    assert "--look-alikes merge" in err
    run("--db", db, "export", tmp_path / "after.json")
    assert jsonio.read_document(tmp_path / "after.json") == before
    capsys.readouterr()
    assert run("--db", db, "import", tmp_path / "c.csv", "--look-alikes", "merge") == 0
    assert (
        "2 contacts créés, 1 contact fusionné avec un contact existant, 0 mis à jour, "
        "1 déjà à jour, 0 ligne ignorée, 1 organisation créée"  # Martin had all the row gives
    ) in capsys.readouterr().out
    (tmp_path / "bad.csv").write_bytes((HEADER + ROWS).encode("utf-16"))
    assert run("--db", db, "import", tmp_path / "bad.csv") == 1
    err = capsys.readouterr().err
    assert "UTF-16" in err and err.count("\n") == 1
    assert run("--db", db, "import", tmp_path / "x.doc") == 1
    assert "format d'import non pris en charge" in capsys.readouterr().err


def test_a_killed_import_leaves_all_or_nothing(tmp_path):
    """kill -9 of the importing process at random moments: either every row or none."""
    import random
    import signal
    import sqlite3
    import subprocess
    import sys
    import time

    db = tmp_path / "r.db"
    assert run("--db", db, "init", "--empty") == 0
    rows = "".join(f"Nom{i};Prénom{i};p{i}@example.org\n" for i in range(1500))
    (tmp_path / "big.csv").write_text("Nom;Prénom;Courriel\n" + rows, encoding="utf-8")
    script = Path(sys.executable).with_name("relations-app")
    for delay in sorted(random.uniform(0.3, 1.5) for _ in range(2)):
        process = subprocess.Popen(
            [str(script), "--db", str(db), "import", str(tmp_path / "big.csv")],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
        process.wait()
        with sqlite3.connect(db) as conn:
            assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
            count = conn.execute("SELECT count(*) FROM contact").fetchone()[0]
        assert count in (0, 1500)
