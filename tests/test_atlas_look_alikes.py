"""The Atlas import flags a new organisation that looks like an existing one ("Technopole
Maritime du Québec" and "Technopole maritime du Québec (TMQ)") and uses the existing one
unless told to create it, in the preview, the window and on the command line (issue 14 §3)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from relations_app import cli
from relations_app.db import backend
from relations_app.exchange import apply_atlas, parse_atlas, plan_atlas
from relations_app.location import DatabaseLocation
from relations_app.services import organisations, programmes
from ui.exchange.import_atlas import AtlasImportDialog
from ui.shell import app as ui_app

pytestmark = pytest.mark.both_backends

INNO = (Path(__file__).parent / "data" / "atlas_inno_003.txt").read_text(encoding="utf-8")
SHOTS = os.environ.get("RELATIONS_SHOTS")  # a folder: the window's grabs are saved there


@pytest.fixture
def tmq(db) -> str:
    return organisations.create_organisation(
        {"name": "Technopole maritime du Québec (TMQ)", "country": "CA"}
    )["id"]


def named(name: str) -> list[dict]:
    return [o for o in organisations.list_organisations().rows if o["name"] == name]


def test_a_look_alike_organisation_is_flagged_and_the_existing_one_used(tmq):
    plan = plan_atlas(parse_atlas(INNO))
    alikes = plan.look_alikes()
    assert list(alikes) == ["technopole maritime du quebec"]
    assert alikes["technopole maritime du quebec"].look_alike.record_id == tmq
    text = "\n".join(plan.describe())
    assert (
        "Organisation « Technopole Maritime du Québec » (partenaire étranger) : ressemble à "
        "« Technopole maritime du Québec (TMQ) » (même nom) : l'organisation existante sera "
        "utilisée" in text
    )
    total = organisations.list_organisations().total
    result = apply_atlas(plan)
    assert "Technopole Maritime du Québec" not in result.created["organisations"]
    assert organisations.list_organisations().total == total + 2  # SOPER, Brest métropole
    assert named("Technopole Maritime du Québec") == []
    programme = programmes.get_programme(result.programme_id)
    assert {"organisation_id": tmq, "role": "foreign_partner"} in programme["organisations"]
    director = next(c for c in programme["contacts"] if c["function"] == "Directrice")
    assert director["organisation_id"] == tmq  # her organisation: the existing one


def test_create_anyway_makes_the_new_organisation(tmq):
    plan = plan_atlas(parse_atlas(INNO))
    decisions = plan.decide_look_alikes("create")
    assert "à créer quand même" in "\n".join(plan.describe(decisions))
    result = apply_atlas(plan, None, decisions)
    assert "Technopole Maritime du Québec" in result.created["organisations"]
    assert len(named("Technopole Maritime du Québec")) == 1


def test_no_look_alike_without_a_similar_organisation(db):
    plan = plan_atlas(parse_atlas(INNO))
    assert plan.look_alikes() == {}
    assert "ressemble" not in "\n".join(plan.describe())


def run(*args) -> int:
    return cli.main([str(a) for a in args])


@pytest.fixture
def where(tmq, db) -> DatabaseLocation:
    """Where the database of :func:`tmq` is (its file, or its database on the server)."""
    found = backend.of(db).location_of(db)
    assert found is not None
    return found


def test_cli_look_alikes_option(where, tmp_path, capsys):
    record = tmp_path / "inno.txt"
    record.write_text(INNO, encoding="utf-8")
    assert run("--db", where.describe(), "import", "--atlas", "--dry-run", record) == 0
    assert "l'organisation existante sera utilisée" in capsys.readouterr().out
    assert named("Technopole Maritime du Québec") == []
    code = run("--db", where.describe(), "import", "--atlas", "--look-alikes", "create", record)
    out = capsys.readouterr().out
    assert code == 0 and "à créer quand même" in out and "Importé depuis" in out


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_window_offers_the_existing_organisation(qtbot, qapp, where, language):
    translators = ui_app.install_translators(qapp, language)
    try:
        dialog = AtlasImportDialog(None, where)
        qtbot.addWidget(dialog)
        dialog.resize(1366, 768)
        dialog.show()
        dialog.text.setPlainText(INNO)
        dialog.preview()
        combos = list(dialog.look_alike_combos.values())
        assert len(combos) == 1 and dialog.look_alike_box.isVisible()
        assert combos[0].currentData() == "merge"
        assert "Technopole maritime du Québec (TMQ)" in combos[0].currentText()
        lines = [dialog.preview_list.item(i).text() for i in range(dialog.preview_list.count())]
        used = "l'organisation existante sera utilisée" if language == "fr" else "the existing"
        assert any("Technopole maritime du Québec (TMQ)" in line and used in line for line in lines)
        if SHOTS:
            dialog.grab().save(f"{SHOTS}/atlas_look_alike_{language}_1366.png")
            dialog.resize(1920, 1080)
            dialog.grab().save(f"{SHOTS}/atlas_look_alike_{language}_1920.png")
        combos[0].setCurrentIndex(1)  # create it anyway
        lines = [dialog.preview_list.item(i).text() for i in range(dialog.preview_list.count())]
        assert any("Technopole Maritime du Québec" in line for line in lines)
        dialog.import_record()
        assert dialog.import_result is not None
        assert len(named("Technopole Maritime du Québec")) == 1
    finally:
        for t in translators:
            qapp.removeTranslator(t)
