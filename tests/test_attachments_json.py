"""Attached documents in the JSON dump: export → import gives them back byte for byte; a bad
element refuses the whole file and nothing is written."""

from __future__ import annotations

import base64
import json
import os

import pytest

from relations_app import bootstrap, jsonio
from relations_app.db.models import Attachment, AttachmentBlob, RecordChange
from relations_app.services import attachments, partners, programmes, trash
from relations_app.validation import ValidationError

pytestmark = pytest.mark.both_backends


def kiel():
    return partners.list_partners("kiel").rows[0]["id"]


def attach(tmp_path, kind, record_id, name, data, **fields):
    path = tmp_path / name
    path.write_bytes(data)
    return attachments.add(kind, record_id, path, **fields)


def test_export_then_import_into_an_empty_database_gives_every_file_back(
    brest_db, tmp_path, new_location
):
    scan = bytes(range(256)) * 300 + os.urandom(1000)
    photo = b"\x89PNG\r\n\x1a\n" + os.urandom(4000)
    first = attach(
        tmp_path, "partners", kiel(), "Accord: Kiel?.pdf", scan, date="1964", category="accord"
    )
    crea = programmes.list_programmes("crea ocean").rows[0]["id"]
    attach(tmp_path, "programmes", crea, "visite.png", photo, title="Visite")
    attach(tmp_path, "partners", kiel(), "copie.pdf", scan)  # the same file again
    out = tmp_path / "export.json"
    jsonio.write_document(out)
    document = json.loads(out.read_text(encoding="utf-8"))
    assert out.read_text(encoding="utf-8") == jsonio.dumps(jsonio.export_document())
    assert len(document["attachments"]) == 3
    element = next(d for d in document["attachments"] if d["id"] == first.id)
    assert element["file_name"] == "Accord: Kiel?.pdf" and element["category"] == "accord"
    assert base64.b64decode(element["content"]) == scan
    bootstrap.close()
    bootstrap.open_app_database(new_location("other.db", "empty"), seed=False)
    summary = jsonio.import_file(out)
    assert "3 documents joints" in summary.describe()
    assert attachments.content(first.id) == scan
    listed = attachments.list_for("partners", first.record_id)
    assert {(a.title, a.date, a.category) for a in listed} == {
        ("Accord: Kiel?", "1964", "accord"),
        ("copie", None, "autre"),
    }
    assert AttachmentBlob.select().count() == 2  # the same file stored once
    again = tmp_path / "again.json"
    jsonio.write_document(again)
    assert again.read_bytes() == out.read_bytes()  # byte for byte, the documents too


def test_importing_the_same_file_again_changes_nothing(brest_db, tmp_path):
    attach(tmp_path, "partners", kiel(), "a.pdf", b"%PDF-1.4 a")
    document = jsonio.export_document()
    lines = RecordChange.select().count()
    jsonio.import_document(document)
    assert RecordChange.select().where(RecordChange.collection == "attachments").count() == 1
    assert RecordChange.select().count() == lines  # no change told
    assert jsonio.export_document() == document


def test_a_changed_title_merges_by_id(brest_db, tmp_path):
    added = attach(tmp_path, "partners", kiel(), "a.pdf", b"%PDF-1.4 a")
    document = jsonio.export_document()
    document["attachments"][0]["title"] = "Convention renouvelée"
    jsonio.import_document(document)
    now = attachments.get(added.id)
    assert now.title == "Convention renouvelée" and now.version == 2


def test_documents_of_records_in_the_trash_stay_out_of_the_export(brest_db, tmp_path):
    attach(tmp_path, "partners", kiel(), "a.pdf", b"%PDF-1.4 a")
    trash.move_to_trash("partners", kiel())
    assert "attachments" not in jsonio.export_document()
    jsonio.import_document(jsonio.export_document())  # imports cleanly


@pytest.mark.parametrize(
    ("change", "where", "reason"),
    [
        ({"content": "pas du base64 !"}, "attachments[0].content", "base64 illisible"),
        ({"content": ""}, "attachments[0].content", "vide"),
        ({"sha256": "0" * 64}, "attachments[0].sha256", "ne correspond pas"),
        (
            {"record_id": "00000000-0000-4000-8000-00000000abcd"},
            "attachments[0].record_id",
            "partenaire 00000000-0000-4000-8000-00000000abcd introuvable",
        ),
        ({"kind": "posts"}, "attachments[0].kind", "type d'enregistrement attendu"),
        ({"date": "31/02/2020"}, "attachments[0].date", ""),
        ({"surprise": 1}, "attachments[0].surprise", "clé inconnue"),
    ],
)
def test_a_bad_element_refuses_the_whole_file(brest_db, tmp_path, change, where, reason):
    attach(tmp_path, "partners", kiel(), "a.pdf", b"%PDF-1.4 a")
    document = jsonio.export_document()
    document["partners"][0]["name"] = "Changé"
    document["attachments"][0].update(change)
    before = jsonio.export_document()
    with pytest.raises(ValidationError) as caught:
        jsonio.import_document(document)
    assert where in caught.value.errors and reason in caught.value.errors[where]
    assert jsonio.export_document() == before  # nothing written, the partner neither


def test_without_documents_the_export_is_as_before_and_deleted_ones_come_back(brest_db, tmp_path):
    assert "attachments" not in jsonio.export_document()
    attach(tmp_path, "partners", kiel(), "a.pdf", b"%PDF-1.4 a")
    out = tmp_path / "e.json"
    jsonio.write_document(out)
    Attachment.delete().execute()
    AttachmentBlob.delete().execute()
    summary = jsonio.import_file(out)
    assert summary.attachments == 1
    assert attachments.content(attachments.list_for("partners", kiel())[0].id) == b"%PDF-1.4 a"
