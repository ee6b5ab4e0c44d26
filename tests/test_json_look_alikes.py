"""The JSON import preview warns of the records it would create (new ids) that look like
an existing contact, organisation or partner, with the reason, in the window and on the
command line; in a bounded number of statements (issue 14 §3)."""

from __future__ import annotations

import json
import os

import pytest
from PySide6.QtWidgets import QMessageBox

from relations_app import cli, jsonio
from relations_app.db import backend, statements
from relations_app.exchange import preview_json_document
from relations_app.location import DatabaseLocation
from ui.shell import app as ui_app
from ui.shell.main_window import MainWindow

pytestmark = pytest.mark.both_backends

SHOTS = os.environ.get("RELATIONS_SHOTS")  # a folder: the window's grabs are saved there
NEW = "00000000-0000-4000-8000-0000000000{:02d}"


def named(document: dict, collection: str, key: str, value: str) -> dict:
    return next(r for r in document[collection] if r.get(key) == value)


def with_copies(document: dict) -> dict:
    """The document plus, under new ids, a contact spelt without accents (same e-mail),
    an organisation with its acronym in brackets, and a partner under its local name."""
    noemie = named(document, "contacts", "family_name", "Giguère")
    tmq = named(document, "organisations", "name", "Technopole maritime du Québec")
    kiel = named(document, "partners", "name", "Kiel")
    extra = {
        "contacts": [
            {**noemie, "id": NEW.format(1), "family_name": "Giguere", "given_name": "Noemie"},
            {
                **noemie,
                "id": NEW.format(2),
                "family_name": "Personne",
                "given_name": "Autre",
                "email": "autre.personne@example.org",
                "phone": None,
            },
        ],
        "organisations": [
            {
                **tmq,
                "id": NEW.format(3),
                "name": "Technopole Maritime du Québec (TMQ)",
                "acronym": None,
                "website": None,
            },
        ],
        "partners": [
            {
                **kiel,
                "id": NEW.format(4),
                "name": "Kiel (Landeshauptstadt)",
                "local_name": "Kiel",
                "aliases": [],
            }
        ],
    }
    copy = json.loads(json.dumps(document))
    for collection, records in extra.items():
        copy[collection] = [*copy[collection], *records]
    return copy


def test_new_records_that_look_like_existing_ones_are_warned_of(brest_db):
    document = jsonio.export_document()
    assert preview_json_document(document).look_alikes == []  # the same: updates only
    preview = preview_json_document(with_copies(document))
    found = {(m.collection, m.record_id): m for m in preview.look_alikes}
    assert set(found) == {
        ("contacts", NEW.format(1)),
        ("organisations", NEW.format(3)),
        ("partners", NEW.format(4)),
    }  # "Autre Personne": like nobody
    lines = preview.lines()
    assert (
        "Attention : Contact « Noemie Giguere » (nouvel identifiant) : ressemble à "
        "« Noémie Giguère » (même courriel)" in lines
    )
    assert (
        "Attention : Organisation « Technopole Maritime du Québec (TMQ) » (nouvel identifiant) : "
        "ressemble à « Technopole maritime du Québec » (même nom)" in lines
    )
    assert any(
        line.startswith("Attention : Partenaire « Kiel (Landeshauptstadt) »")
        and "(même nom (autre graphie))" in line
        for line in lines
    )
    assert "Attention" not in preview.describe()  # the counts' line, as before


def test_the_warnings_cost_no_statement_per_record(brest_db):
    document = jsonio.export_document()
    noemie = named(document, "contacts", "family_name", "Giguère")

    def cost(count: int) -> int:
        copy = json.loads(json.dumps(document))
        copy["contacts"] += [
            {**noemie, "id": NEW.format(n), "given_name": f"N{n}"} for n in range(count)
        ]
        with statements.counting() as counted:
            preview = preview_json_document(copy)
        assert len(preview.look_alikes) == count  # each: the same e-mail
        return counted.statements

    assert cost(3) == cost(60)


def test_the_command_line_prints_the_warnings(brest_db, tmp_path, capsys):
    where = backend.of(brest_db).location_of(brest_db)
    path = tmp_path / "copie.json"
    path.write_text(json.dumps(with_copies(jsonio.export_document())), encoding="utf-8")
    assert cli.main(["--db", where.describe(), "import", "--dry-run", str(path)]) == 0
    out = capsys.readouterr().out
    assert "Attention : Contact « Noemie Giguere » (nouvel identifiant) : ressemble à" in out
    assert "rien n'a été enregistré" in out


@pytest.mark.sqlite_only
@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_window_shows_the_warnings(qtbot, qapp, brest_db, tmp_path, monkeypatch, language):
    path = tmp_path / "copie.json"
    path.write_text(json.dumps(with_copies(jsonio.export_document())), encoding="utf-8")
    translators = ui_app.install_translators(qapp, language)
    shown: list[str] = []

    def exec_(box):
        if box.objectName() == "jsonImportPrompt":
            shown.append(box.informativeText())
            if SHOTS:
                box.grab().save(f"{SHOTS}/json_look_alikes_{language}.png")
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    window = MainWindow(DatabaseLocation.file(tmp_path / "brest.db"))
    try:
        window.file_actions.importer.open_path(path)
        expected = {
            "fr": "Attention : Contact « Noemie Giguere » (nouvel identifiant) : ressemble à "
            "« Noémie Giguère » (même courriel)",
            "en": "Warning: Contact “Noemie Giguere” (new identifier): looks like "
            "“Noémie Giguère” (same e-mail)",
        }[language]
        assert len(shown) == 1 and expected in shown[0]
    finally:
        window.close()
        window.deleteLater()
        for t in translators:
            qapp.removeTranslator(t)
