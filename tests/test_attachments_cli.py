"""``relations-app attachments list|add|export|remove``: the same service as the window, one
French line on bad input and nothing stored."""

from __future__ import annotations

from relations_app import bootstrap, cli
from relations_app.db.models import Attachment, AttachmentBlob
from relations_app.location import DatabaseLocation
from relations_app.services import trash

PDF = b"%PDF-1.4\n%%EOF\n"


def run(*args):
    return cli.main([str(a) for a in args])


def base(tmp_path, capsys):
    db = tmp_path / "r.db"
    assert run("--db", db, "init") == 0
    capsys.readouterr()
    return db


def test_a_document_is_added_listed_exported_and_trashed(tmp_path, capsys):
    db = base(tmp_path, capsys)
    source = tmp_path / "Accord Kiel: 1964?.pdf"
    source.write_bytes(PDF)
    assert (
        run(
            "--db",
            db,
            "attachments",
            "add",
            "kiel",
            source,
            "--title",
            "Accord de jumelage",
            "--date",
            "1964",
            "--type",
            "accord",
        )
        == 0
    )
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "Document joint à Kiel (partenaire) :"
    assert (
        "Accord de jumelage — Accord ou convention, 1964, Accord Kiel: 1964?.pdf (15 octets)"
        in out[1]
    )
    document_id = out[1].split()[0]
    assert run("--db", db, "attachments", "list", "KIEL") == 0
    assert capsys.readouterr().out.splitlines()[0] == "Documents de Kiel (partenaire) : 1 document"
    folder = tmp_path / "out"
    folder.mkdir()
    assert run("--db", db, "attachments", "export", "kiel", "--out-dir", folder) == 0
    assert (folder / "Accord Kiel_ 1964_.pdf").read_bytes() == PDF
    assert run("--db", db, "attachments", "remove", document_id) == 0
    assert "mis à la corbeille" in capsys.readouterr().out
    bootstrap.open_app_database(DatabaseLocation.file(db))
    try:
        assert [e.label for e in trash.list_items()] == ["Accord de jumelage (Kiel)"]
    finally:
        bootstrap.close()


def test_bad_files_and_records_are_one_line_and_store_nothing(tmp_path, capsys):
    db = base(tmp_path, capsys)
    empty = tmp_path / "vide.pdf"
    empty.touch()
    assert run("--db", db, "attachments", "add", "kiel", empty) == 1
    assert capsys.readouterr().err.strip() == (
        "relations-app: erreur : Impossible de joindre « vide.pdf » : le fichier est vide "
        "(0 octet). Rien n'a été enregistré."
    )
    assert run("--db", db, "attachments", "add", "kiel", tmp_path / "absent.pdf") == 1
    assert "n'existe pas" in capsys.readouterr().err
    good = tmp_path / "a.pdf"
    good.write_bytes(PDF)
    assert run("--db", db, "attachments", "add", "kiel", good, "--date", "31 février") == 1
    assert capsys.readouterr().err.count("\n") == 1
    assert run("--db", db, "attachments", "add", "Ambassade de France à Ottawa", good) == 1
    assert "ne peut pas avoir de documents joints" in capsys.readouterr().err
    bootstrap.open_app_database(DatabaseLocation.file(db))
    try:
        assert Attachment.select().count() == 0 and AttachmentBlob.select().count() == 0
    finally:
        bootstrap.close()
