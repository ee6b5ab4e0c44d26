"""A record's history lists the changes of its documents (issue 14 §4): added, renamed,
redated, put in the trash and back, in French (English in the English window), in the
record's own history and in `relations-app history`."""

from __future__ import annotations

import csv
import re

import pytest

from relations_app import cli, i18n
from relations_app.services import attachments, history, history_read, history_text, partners, trash

pytestmark = pytest.mark.both_backends

PDF = b"%PDF-1.4\n" + b"x" * (1_258_291 - 9)  # 1,2 Mo


@pytest.fixture(autouse=True)
def french_after():
    yield
    i18n.set_language("fr")


def partner(name):
    return partners.list_partners(name).rows[0]["id"]


def texts(collection, record_id):
    """The history's lines without who and when."""
    changes = history_read.record_history(collection, record_id)
    names = history_text.Names.of(changes)
    return [
        re.split(" — (?:par|by) ", line)[0]
        for c in changes
        for line in history_text.lines(c, names)
    ]


def attach(tmp_path, owner, title="Convention de jumelage", name="convention.pdf", data=PDF):
    path = tmp_path / name
    path.write_bytes(data)
    return attachments.add("partners", owner, path, title=title, date="1964", category="accord")


def test_adding_renaming_redating_trashing_and_putting_back_show_in_the_owners_history(
    brest_db, tmp_path
):
    kiel = partner("kiel")
    added = attach(tmp_path, kiel)
    renamed = attachments.update(added.id, {"title": "Convention signée"}, added.version)
    redated = attachments.update(
        renamed.id, {"date": "1964-05-12", "category": "compte_rendu"}, renamed.version
    )
    item = trash.move_to_trash(attachments.COLLECTION, redated.id, redated.version)
    assert texts("partners", kiel)[0] == "Document mis à la corbeille : Convention signée"
    trash.restore(item.id)
    assert texts("partners", kiel)[:6] == [
        "Document rétabli depuis la corbeille : Convention signée",
        "Document mis à la corbeille : Convention signée",
        "Date du document « Convention signée » : 1964 → 1964-05-12",
        "Catégorie du document « Convention signée » : Accord ou convention → Compte rendu",
        "Document renommé : « Convention de jumelage » → « Convention signée »",
        # The title it had then, its type and size.
        "Document ajouté : Convention de jumelage (PDF, 1,2 Mo)",
    ]
    assert texts("partners", kiel)[6].startswith("Création")  # the partner's own lines follow


def test_only_the_records_own_documents_are_listed_and_an_undo_says_so(brest_db, tmp_path):
    kiel, other = partner("kiel"), partner("rimouski")
    mine = attach(tmp_path, kiel, "Accord de Kiel")
    attach(
        tmp_path, other, "Accord de Rimouski", "rimouski.png", b"\x89PNG\r\n\x1a\n" + b"0" * 3000
    )
    with history.acting("undo"):
        trash.move_to_trash(attachments.COLLECTION, mine.id, mine.version)
    kiel_lines = texts("partners", kiel)
    assert kiel_lines[:2] == [
        "Document mis à la corbeille : Accord de Kiel (annulation)",
        "Document ajouté : Accord de Kiel (PDF, 1,2 Mo)",
    ]
    assert not any("Rimouski" in line for line in kiel_lines)
    assert texts("partners", other)[0] == "Document ajouté : Accord de Rimouski (PNG, 3 Ko)"


def test_a_document_purged_for_good_leaves_its_owners_history(brest_db, tmp_path):
    kiel = partner("kiel")
    added = attach(tmp_path, kiel)
    item = trash.move_to_trash(attachments.COLLECTION, added.id, added.version)
    trash.purge(item.id)
    assert not any("Document" in line for line in texts("partners", kiel))
    # Its own history still tells everything, by the label kept.
    own = texts(attachments.COLLECTION, added.id)
    assert own[0].startswith("Document supprimé définitivement : Convention de jumelage")


def test_the_english_window_reads_english_lines(brest_db, tmp_path):
    kiel = partner("kiel")
    added = attach(tmp_path, kiel)
    attachments.update(added.id, {"title": "Signed agreement"}, added.version)
    i18n.set_language("en")
    assert texts("partners", kiel)[:2] == [
        "Document renamed: “Convention de jumelage” → “Signed agreement”",
        "Document added: Convention de jumelage (PDF, 1.2 MB)",
    ]


def test_the_command_line_prints_them(brest_location, tmp_path, capsys):
    kiel = partner("kiel")
    attach(tmp_path, kiel)
    where = brest_location.server.url() if brest_location.server else str(brest_location.path)
    assert cli.main(["--db", where, "history", kiel]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "Historique de Kiel (partenaire) :"
    assert out[1].startswith("  Document ajouté : Convention de jumelage (PDF, 1,2 Mo) — par ")


def test_the_changes_csv_says_what_happened_to_which_document(brest_location, tmp_path, capsys):
    kiel = partner("kiel")
    added = attach(tmp_path, kiel)
    renamed = attachments.update(added.id, {"title": "Convention signée"}, added.version)
    attachments.update(renamed.id, {"category": "compte_rendu"}, renamed.version)
    where = brest_location.server.url() if brest_location.server else str(brest_location.path)
    target = tmp_path / "revue.csv"
    assert cli.main(["--db", where, "changes", "--since", "2000-01-01", "--csv", str(target)]) == 0
    with target.open(encoding="utf-8-sig", newline="") as f:
        rows = [r for r in csv.DictReader(f, delimiter=";") if r["Identifiant"] == added.id]
    got = [(r["Type"], r["Modification"], r["Champ"], r["Avant"], r["Après"]) for r in rows]
    assert got == [  # oldest first
        ("document joint", "Document ajouté : Convention de jumelage (PDF, 1,2 Mo)", "", "", ""),
        (
            "document joint",
            "Document renommé : « Convention de jumelage » → « Convention signée »",
            "Titre",
            "Convention de jumelage",
            "Convention signée",
        ),
        (
            "document joint",
            "Catégorie du document « Convention signée » : Accord ou convention → Compte rendu",
            "Catégorie",
            "Accord ou convention",
            "Compte rendu",
        ),
    ]


def test_the_latest_changes_name_a_document_once_after_its_owner(brest_db, tmp_path):
    kiel = partner("kiel")
    attach(tmp_path, kiel)
    changes = history_read.latest_changes(1)
    (text, target), *more = history_text.feed_lines(changes[0], history_text.Names.of(changes))
    assert not more and target == ("partners", kiel)  # it opens the partner holding it
    assert text.startswith("Kiel : Document ajouté : Convention de jumelage (PDF, 1,2 Mo) — par ")
    assert text.count("Convention de jumelage") == 1
