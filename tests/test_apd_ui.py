"""Rapports › Déclaration APD… and a programme's "Déclaration APD" section, in the real window."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFileDialog
from window_helpers import opened_window

from relations_app.services import programmes
from ui.kit import tasks

TDF = "Projet triennal de coopération Brest – Terre de Feu 2019-2021"
MICROCREDIT = "Facilitation de l'accès au microcrédit pour les femmes de Saponé"


@pytest.fixture
def window(qtbot, brest_db, qapp, tmp_path, monkeypatch):
    monkeypatch.setattr(tasks, "INLINE", True)
    monkeypatch.setattr(QDialog, "exec", lambda d, *a: pytest.fail(f"modal {d.objectName()}"))
    with opened_window(qtbot, qapp, tmp_path / "brest.db") as w:
        yield w
        if w.apd.dialog is not None:
            w.apd.dialog.close()


def programme_id(title):
    return next(r["id"] for r in programmes.list_programmes(title).rows if r["title"] == title)


def open_dialog(window, year):
    menu = window.findChild(type(window.file_menu), "reportsMenu")
    assert menu.title() == "&Rapports" and window.apd.action in menu.actions()
    window.apd.action.trigger()
    dialog = window.apd.dialog
    dialog.year.setValue(year)
    dialog.check()
    return dialog


def test_the_dialog_lists_the_warnings_and_opens_their_records(window):
    dialog = open_dialog(window, 2019)
    assert "Lignes déclarées : 1" in dialog.summary.text()
    assert "Hors APD : lignes : 1, fonds propres 12\u202f000\xa0€" in dialog.summary.text()
    assert dialog.warnings_title.text().startswith("Avertissements (2)")
    texts = [dialog.warnings.item(i).text() for i in range(dialog.warnings.count())]
    assert any("seuls des cofinancements" in t for t in texts)
    assert any("montants prévus" in t for t in texts)
    dialog.warnings.setCurrentRow(1)
    dialog.open_button.click()
    assert window.current_section() is window.sections["programmes"]
    assert window.sections["programmes"].editor.heading.text() == TDF
    # a year without a DAC list says so
    dialog.year.setValue(2016)
    dialog.check()
    assert "Aucune liste du CAD" in dialog.warnings.item(0).text()
    assert not dialog.open_button.isEnabled()


def test_the_worksheet_is_saved_with_french_headers_totals_and_the_detail(
    window, tmp_path, monkeypatch
):
    target = tmp_path / "apd-2019.xlsx"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "Classeur Excel (*.xlsx)")
    )
    dialog = open_dialog(window, 2019)
    dialog.save_button.click()
    assert str(target) in dialog.outcome.text()
    book = load_workbook(target)
    assert book.sheetnames == ["Déclaration APD 2019", "Détail par programme", "Avertissements"]
    sheet = book["Déclaration APD 2019"]
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    assert rows[3][:8] == [
        "Pays",
        "Code pays",
        "Catégorie CAD",
        "Canal d'acheminement",
        "Code canal SNPC",
        "Code-objet CAD",
        "Secteur",
        "Fonds propres déclarés (€)",
    ]
    assert rows[4][:7] == [
        "Argentine",
        "AR",
        None,
        "Action directe de la collectivité",
        "11000",
        "43082",
        "Institutions scientifiques et de recherche",
    ]
    assert rows[4][7:11] == [0, 0, 0, 4000] and rows[4][11:13] == [1, TDF]
    assert sheet.cell(row=5, column=11).number_format == "#,##0.00"
    assert rows[5][0] == "Total déclaré" and rows[5][7] == 0 and rows[5][10] == 4000
    outside = next(i for i, r in enumerate(rows) if r[0] == "Canada")
    assert rows[outside][7] == 12000 and rows[outside][12] == "CREA OCEAN"
    assert rows[outside + 1][0] == "Total hors APD (non déclaré)"
    assert any(r[0] and "2024 and 2025 flows" in r[0] for r in rows)
    detail = [[c.value for c in row] for row in book["Détail par programme"].iter_rows()]
    assert [r[0] for r in detail[1:]] == [TDF, "CREA OCEAN"]
    assert detail[1][2] == "Oui" and detail[2][2] == "Non"
    assert detail[1][11] == 4000 and detail[1][9] == 4000  # planned, co-financing


def test_the_programme_section_chooses_a_sector_by_search_and_saves(window, qtbot):
    record_id = programme_id(MICROCREDIT)
    window.open_record("programmes", record_id)
    editor = window.sections["programmes"].editor
    section = next(s for s in editor.sections if s.name == "apd")
    shown = " | ".join(section.view.texts())
    assert "24040 – Intermédiaires financiers du secteur informel et semi-formel" in shown
    assert "Égalité femmes-hommes | 2 – objectif principal" in shown
    editor.edit_section(section)
    combo = editor.sector.combo
    combo.setFocus()
    combo.lineEdit().selectAll()
    qtbot.keyClicks(combo.lineEdit(), "eau potable base")
    completer = combo.completer()
    shown = [
        completer.completionModel().index(i, 0).data()
        for i in range(completer.completionModel().rowCount())
    ]
    assert shown[0].startswith("14030 – Approvisionnement en eau potable et assainissement")
    completer.activated[str].emit(shown[0])
    channel = editor.forms[3].inputs["apd_channel"].widget
    channel.setCurrentIndex(channel.findData("local_ngo"))
    marker = editor.forms[3].inputs["marker_environment"].widget
    marker.setCurrentIndex(marker.findData("1"))
    qtbot.keyClick(combo, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    saved = programmes.get_programme(record_id)
    assert (saved["apd_sector"], saved["apd_channel"], saved["marker_environment"]) == (
        "14030",
        "local_ngo",
        "1",
    )
    assert saved["marker_gender"] == "2"
    assert "14030 – Approvisionnement" in " | ".join(section.view.texts())
    window.undo_action.trigger()
    assert programmes.get_programme(record_id)["apd_sector"] == "24040"


def test_an_unknown_funder_is_classified_from_its_warning(window):
    record_id = programme_id(TDF)
    record = programmes.get_programme(record_id)
    line = {"funder": "Fondation Brest Solidarité", "amount_eur": "1500", "year": 2020}
    programmes.update_programme(
        record_id, {**record, "funding": [*record["funding"], line]}, record["version"]
    )
    dialog = open_dialog(window, 2020)
    row = next(
        i
        for i in range(dialog.warnings.count())
        if "Fondation Brest Solidarité" in dialog.warnings.item(i).text()
    )
    dialog.warnings.setCurrentRow(row)
    assert dialog.own_button.isVisibleTo(dialog)
    dialog.own_button.click()
    texts = [dialog.warnings.item(i).text() for i in range(dialog.warnings.count())]
    assert not any("Fondation Brest Solidarité" in t for t in texts)
    assert "fonds propres 1\u202f500\xa0€" in dialog.summary.text()
    dialog.warnings.setCurrentRow(0)
    assert not dialog.own_button.isVisibleTo(dialog)
