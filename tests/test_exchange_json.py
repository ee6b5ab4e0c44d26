"""The full JSON dump: a preview that counts creates and updates, then an all-or-nothing apply."""

from __future__ import annotations

import json

import pytest

from relations_app import cli, jsonio
from relations_app.exchange import apply_json, preview_json_document
from relations_app.validation import ValidationError


def test_preview_counts_creates_and_updates(brest_db):
    document = jsonio.export_document()
    same = preview_json_document(document)
    assert same.created == {} and same.updated["partners"] == 16 and same.replaces_office
    document["contacts"][0] = {
        **document["contacts"][0],
        "id": "00000000-0000-4000-8000-000000000001",
    }
    changed = preview_json_document(document)
    assert changed.created == {"contacts": 1}
    assert "contacts : 1 créé(s)" in changed.describe()
    assert jsonio.export_document() != document  # the preview wrote nothing
    apply_json(changed)
    assert len(jsonio.export_document()["contacts"]) == len(document["contacts"]) + 1


def test_invalid_document_is_refused_before_any_write(brest_db):
    before = jsonio.export_document()
    document = json.loads(json.dumps(before))
    document["partners"][3]["population"] = "beaucoup"
    with pytest.raises(ValidationError, match=r"partners\[3\]"):
        preview_json_document(document)
    assert jsonio.export_document() == before


def test_cli_dry_run(brest_db, tmp_path, capsys):
    db = tmp_path / "brest.db"
    assert cli.main(["--db", str(db), "export", str(tmp_path / "a.json")]) == 0
    assert cli.main(["--db", str(db), "import", "--dry-run", str(tmp_path / "a.json")]) == 0
    out = capsys.readouterr().out
    assert "partners : 0 créé(s), 16 mis à jour" in out and "rien n'a été enregistré" in out
