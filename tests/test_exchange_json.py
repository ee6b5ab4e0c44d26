"""The full JSON dump: a preview that counts creates and updates, then an all-or-nothing apply."""

from __future__ import annotations

import json

import pytest

from relations_app import backups, bootstrap, cli, jsonio
from relations_app.db import backend
from relations_app.exchange import apply_json, preview_json_document
from relations_app.location import DatabaseLocation
from relations_app.services import partners
from relations_app.validation import ValidationError

pytestmark = pytest.mark.both_backends


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
    assert (
        changed.describe().startswith("16 partenaires à mettre à jour ; ")
        and "; 1 contact à créer ; " in changed.describe()
    )
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
    db = backend.of(brest_db).location_of(brest_db).describe()
    assert cli.main(["--db", str(db), "export", str(tmp_path / "a.json")]) == 0
    assert cli.main(["--db", str(db), "import", "--dry-run", str(tmp_path / "a.json")]) == 0
    out = capsys.readouterr().out
    assert "16 partenaires à mettre à jour ; " in out and "rien n'a été enregistré" in out


def test_an_import_keeps_the_way_back(brest_db, tmp_path, capsys):
    """Records replaced by an import come back by restoring the copy made just before."""
    db = backend.of(brest_db).location_of(brest_db).describe()
    document = jsonio.export_document()
    kiel = next(p for p in document["partners"] if p["name"] == "Kiel")
    population = kiel["population"]
    kiel["population"] = 1
    (tmp_path / "kiel.json").write_text(jsonio.dumps(document), encoding="utf-8")
    bootstrap.close()
    assert cli.main(["--db", str(db), "import", str(tmp_path / "kiel.json")]) == 0
    line = next(
        x for x in capsys.readouterr().out.splitlines() if x.startswith("Copie d'avant l'import : ")
    )
    copy = line.removeprefix("Copie d'avant l'import : ").split(" (")[0]
    assert [
        b.reason_label
        for b in backups.list_backups(DatabaseLocation.parse(db))
        if str(b.path) == copy
    ] == ["avant un import"]
    assert cli.main(["--db", str(db), "restore", copy]) == 0
    bootstrap.open_app_database(DatabaseLocation.parse(db))
    assert partners.get_partner(kiel["id"])["population"] == population


def test_a_long_import_gathers_a_servers_statistics_as_its_tables_grow(brest_db, monkeypatch):
    """Inside the import's one transaction a server's planner would keep the statistics of
    the tables as they were (empty, on a new database) and read the whole history at each
    batch: they are gathered again each time the import has doubled what it wrote."""
    from relations_app.db import statements
    from relations_app.jsonio import applying

    monkeypatch.setattr(applying, "STATISTICS_FROM", 10)
    monkeypatch.setattr(applying._Writer, "BATCH", 10)
    document = jsonio.export_document()
    people = [
        {**person, "id": f"00000000-0000-4000-8000-{n:012d}"}
        for n, person in enumerate(document["contacts"] * 3)
    ]
    document["contacts"] += people
    preview = preview_json_document(document)
    assert preview.created == {"contacts": len(people)}
    with statements.counting() as sent:
        apply_json(preview)
    analyzed = [sql for sql in sent.sql if sql.startswith("ANALYZE ")]
    if backend.current().dialect == "sqlite":
        assert analyzed == []  # its planner needs none for these look-ups
    else:
        assert analyzed and all('"record_change"' in sql for sql in analyzed)
        assert len(analyzed) <= 2 + len(people).bit_length()  # doubling: a few in all
    assert len(jsonio.export_document()["contacts"]) == len(document["contacts"])
