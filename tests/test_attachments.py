"""Documents attached to records: stored once by hash, refused with a French message when the
file is empty, too big, unreadable or changing, sent to the trash and back, purged."""

from __future__ import annotations

import hashlib
import os

import pytest

from relations_app.db.models import Attachment, AttachmentBlob
from relations_app.services import (
    StaleRecordError,
    attachment_files,
    attachments,
    contacts,
    delegations,
    organisations,
    partners,
    programmes,
    trash,
)
from relations_app.services.history_read import record_history

pytestmark = pytest.mark.both_backends

PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def kiel():
    return partners.list_partners("kiel").rows[0]["id"]


def write(tmp_path, name, data):
    path = tmp_path / name
    path.write_bytes(data)
    return path


def blobs():
    return AttachmentBlob.select().count()


def test_a_file_is_attached_with_its_title_date_and_type_and_read_back_byte_for_byte(
    brest_db, tmp_path
):
    data = PDF + os.urandom(3000)
    path = write(tmp_path, "Accord_jumelage_Kiel.pdf", data)
    added = attachments.add(
        "partners", kiel(), path, title="Accord de jumelage", date="1964", category="accord"
    )
    assert (added.title, added.date, added.category) == ("Accord de jumelage", "1964", "accord")
    assert added.media_type == "application/pdf" and added.size == len(data)
    assert added.hash == hashlib.sha256(data).hexdigest()
    assert attachments.content(added.id) == data
    assert [a.id for a in attachments.list_for("partners", kiel())] == [added.id]
    assert [a.id for a in attachments.agreements_of(kiel())] == [added.id]
    assert record_history("attachments", added.id)[0].kind == "created"


def test_without_a_title_the_file_name_gives_one_and_images_are_photos(brest_db, tmp_path):
    png = b"\x89PNG\r\n\x1a\n" + b"\0" * 100
    added = attachments.add("partners", kiel(), write(tmp_path, "visite_2024.png", png))
    assert (added.title, added.category, added.media_type) == ("visite 2024", "photo", "image/png")
    assert added.is_image and not added.is_pdf


def test_every_kind_of_record_holds_attachments(brest_db, tmp_path):
    path = write(tmp_path, "compte-rendu.docx", b"PK\x03\x04" + b"x" * 50)
    owners = {
        "partners": kiel(),
        "programmes": programmes.list_programmes("crea ocean").rows[0]["id"],
        "organisations": organisations.list_organisations("").rows[0]["id"],
        "contacts": contacts.list_contacts("").rows[0]["id"],
        "delegations": delegations.list_delegations("").rows[0]["id"],
    }
    for kind, record_id in owners.items():
        added = attachments.add(kind, record_id, path)
        assert [a.id for a in attachments.list_for(kind, record_id)] == [added.id]
    assert added.media_type.endswith("wordprocessingml.document")
    assert blobs() == 1  # the same file, stored once


def test_identical_files_are_stored_once_and_the_list_reads_in_one_query(brest_db, tmp_path):
    data = PDF + b"same"
    first = attachments.add("partners", kiel(), write(tmp_path, "a.pdf", data))
    second = attachments.add("partners", kiel(), write(tmp_path, "b.pdf", data), date="2020-03")
    assert first.hash == second.hash and blobs() == 1
    listed = attachments.list_for("partners", kiel())
    assert [a.id for a in listed] == [second.id, first.id]  # dated first, newest first


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("vide.pdf", b"", "vide (0 octet)"),
    ],
)
def test_an_empty_file_is_refused_and_nothing_is_stored(brest_db, tmp_path, name, data, reason):
    with pytest.raises(attachments.AttachmentError) as caught:
        attachments.add("partners", kiel(), write(tmp_path, name, data))
    assert reason in str(caught.value) and "Rien n'a été enregistré" in str(caught.value)
    assert Attachment.select().count() == 0 and blobs() == 0


def test_a_file_over_the_limit_is_refused_with_its_size(brest_db, tmp_path, monkeypatch):
    monkeypatch.setattr(attachment_files, "MAX_BYTES", 1000)  # the limit read_file applies
    with pytest.raises(attachments.AttachmentError) as caught:
        attachments.add("partners", kiel(), write(tmp_path, "gros.pdf", PDF + b"x" * 2000))
    assert "au-delà de la limite" in str(caught.value)
    assert Attachment.select().count() == 0 and blobs() == 0


def test_a_missing_file_a_folder_and_an_unreadable_file_are_refused(
    brest_db, tmp_path, monkeypatch
):
    for path, reason in (
        (tmp_path / "absent.pdf", "n'existe pas"),
        (tmp_path, "dossier"),
    ):
        with pytest.raises(attachments.AttachmentError) as caught:
            attachments.add("partners", kiel(), path)
        assert reason in str(caught.value)
    locked = write(tmp_path, "secret.pdf", PDF)
    real_open = open

    def refusing(file, *args, **kwargs):
        if str(file) == str(locked):
            raise PermissionError(13, "Permission denied")
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr("builtins.open", refusing)
    with pytest.raises(attachments.AttachmentError) as caught:
        attachments.add("partners", kiel(), locked)
    assert "droits d'accès" in str(caught.value)
    assert Attachment.select().count() == 0 and blobs() == 0


def test_a_file_that_vanishes_or_changes_while_it_is_read_is_refused(brest_db, tmp_path):
    path = write(tmp_path, "photo.jpg", b"\xff\xd8\xff" + os.urandom(3 * attachments.CHUNK))

    def vanish(done, total):
        path.unlink(missing_ok=True)

    with pytest.raises(attachments.AttachmentError) as caught:
        attachments.add("partners", kiel(), path, progress=vanish)
    assert "changé ou disparu" in str(caught.value)
    path = write(tmp_path, "photo.jpg", b"\xff\xd8\xff" + os.urandom(3 * attachments.CHUNK))

    def grow(done, total):
        with open(path, "ab") as handle:
            handle.write(b"more")

    with pytest.raises(attachments.AttachmentError):
        attachments.add("partners", kiel(), path, progress=grow)
    assert Attachment.select().count() == 0 and blobs() == 0


def test_a_read_can_be_cancelled(brest_db, tmp_path):
    path = write(tmp_path, "long.pdf", PDF + os.urandom(2 * attachments.CHUNK))
    with pytest.raises(attachments.AttachmentError) as caught:
        attachments.add("partners", kiel(), path, cancelled=lambda: True)
    assert "annulée" in str(caught.value) and Attachment.select().count() == 0


def test_a_bad_title_date_or_category_refuses_before_reading(brest_db, tmp_path):
    path = write(tmp_path, "a.pdf", PDF)
    with pytest.raises(attachments.ValidationError):
        attachments.add("partners", kiel(), path, date="trente février")
    with pytest.raises(attachments.ValidationError):
        attachments.add("partners", kiel(), path, category="facture")
    assert Attachment.select().count() == 0


def test_odd_names_are_kept_and_cleaned_for_a_copy_on_disk(brest_db, tmp_path):
    odd = 'Béjaïa: accord "2025" <signé>?.pdf'
    added = attachments.add("partners", kiel(), write(tmp_path, odd, PDF))
    assert added.file_name == odd
    assert added.export_name == "Béjaïa_ accord _2025_ _signé__.pdf"
    assert attachments.safe_file_name("CON.pdf") == "_CON.pdf"
    assert attachments.safe_file_name("...") == "document"
    assert attachments.safe_file_name("横須賀 " + "é" * 300 + ".pdf").endswith("é.pdf")
    assert len(attachments.safe_file_name("x" * 300 + ".pdf")) == 120
    out = tmp_path / "out"
    out.mkdir()
    first, second = attachments.export_to([added.id, added.id], out)
    assert (
        first.name == added.export_name and second.name == "Béjaïa_ accord _2025_ _signé__ (2).pdf"
    )
    assert first.read_bytes() == PDF == second.read_bytes()


def test_retitling_is_versioned_and_refuses_a_stale_copy(brest_db, tmp_path):
    added = attachments.add("partners", kiel(), write(tmp_path, "a.pdf", PDF))
    changed = attachments.update(added.id, {"title": "Convention", "date": "12/3/2021"}, 1)
    assert (changed.title, changed.date, changed.version) == ("Convention", "2021-03-12", 2)
    with pytest.raises(StaleRecordError):
        attachments.update(added.id, {"title": "Autre"}, 1)
    assert attachments.get(added.id).title == "Convention"
    kinds = [c.kind for c in record_history("attachments", added.id)]
    assert kinds == ["changed", "created"]


def test_removed_documents_wait_in_the_trash_and_come_back(brest_db, tmp_path):
    data = PDF + b"trash"
    added = attachments.add("partners", kiel(), write(tmp_path, "a.pdf", data), title="Accord")
    entry = trash.move_to_trash("attachments", added.id, added.version)
    assert entry.kind == "Document joint" and entry.label == "Accord (Kiel)"
    assert attachments.list_for("partners", kiel()) == [] and blobs() == 1
    back = trash.restore(entry.id)
    assert back.version == 2
    assert attachments.content(added.id) == data
    assert attachments.list_for("partners", kiel())[0].version == 2


def test_purging_drops_the_file_only_when_nothing_holds_it(brest_db, tmp_path):
    data = PDF + b"purge"
    one = attachments.add("partners", kiel(), write(tmp_path, "a.pdf", data))
    two = attachments.add("partners", kiel(), write(tmp_path, "b.pdf", data))
    first = trash.move_to_trash("attachments", one.id)
    second = trash.move_to_trash("attachments", two.id)
    trash.purge(first.id)
    assert blobs() == 1  # the other item in the trash still holds it
    trash.restore(second.id)
    assert attachments.content(two.id) == data
    trash.move_to_trash("attachments", two.id)
    trash.empty()
    assert blobs() == 0 and Attachment.select().count() == 0


def test_a_record_in_the_trash_keeps_its_documents_until_it_is_purged(brest_db, tmp_path):
    partner = kiel()
    added = attachments.add("partners", partner, write(tmp_path, "a.pdf", PDF))
    entry = trash.move_to_trash("partners", partner)
    trash.purge(
        trash.move_to_trash(
            "attachments",
            attachments.add(
                "partners",
                partners.list_partners("béjaïa").rows[0]["id"],
                write(tmp_path, "b.pdf", PDF + b"2"),
            ).id,
        ).id
    )
    assert Attachment.get_by_id(added.id) and blobs() == 1  # Kiel waits in the trash
    trash.restore(entry.id)
    assert [a.id for a in attachments.list_for("partners", partner)] == [added.id]
    entry = trash.move_to_trash("partners", partner)
    trash.purge(entry.id)
    assert Attachment.select().count() == 0 and blobs() == 0


def test_nothing_is_attached_to_a_record_that_is_gone(brest_db, tmp_path):
    with pytest.raises(attachments.NotFoundError):
        attachments.add(
            "partners", "00000000-0000-0000-0000-000000000000", write(tmp_path, "a.pdf", PDF)
        )
    assert Attachment.select().count() == 0 and blobs() == 0


def test_backups_and_restores_carry_the_documents(brest_location, tmp_path):
    from relations_app import backups

    data = PDF + os.urandom(5000)
    added = attachments.add("partners", kiel(), write(tmp_path, "accord.pdf", data))
    copy = backups.create_backup(brest_location)
    trash.purge(trash.move_to_trash("attachments", added.id).id)
    assert blobs() == 0
    backups.restore_backup(brest_location, copy)
    assert attachments.content(added.id) == data


def test_copy_to_a_server_and_back_carries_the_documents_byte_for_byte(new_location, tmp_path):
    from relations_app import bootstrap
    from relations_app.db import transfer
    from relations_app.location import DatabaseLocation

    source = DatabaseLocation.file(tmp_path / "office.db")
    bootstrap.open_app_database(source)
    data = bytes(range(256)) * 400  # every byte value, NUL included
    added = attachments.add("partners", kiel(), write(tmp_path, "scan.bin", data))
    bootstrap.close()
    server = new_location("target.db")  # a server on PostgreSQL's run
    copied = transfer.copy_database(source, server)
    assert copied["attachment"] == 1 and copied["attachment_blob"] == 1
    back = DatabaseLocation.file(tmp_path / "back.db")
    transfer.copy_database(server, back)
    for location in (server, back):
        bootstrap.open_app_database(location)
        try:
            assert attachments.content(added.id) == data
            assert attachments.list_for("partners", kiel())[0].title == "scan"
        finally:
            bootstrap.close()


def test_the_fact_sheet_lists_the_partner_s_agreements_only(brest_db, tmp_path):
    from factsheet_helpers import pdf_text

    from relations_app.reports.factsheet import render_factsheet

    attachments.add(
        "partners",
        kiel(),
        write(tmp_path, "a.pdf", PDF),
        title="Charte de jumelage Brest–Kiel",
        date="1964-06-17",
        category="accord",
    )
    attachments.add(
        "partners", kiel(), write(tmp_path, "b.png", b"\x89PNG\r\n\x1a\nx"), title="Visite"
    )
    text = " ".join(pdf_text(render_factsheet(kiel())[0]).split())
    assert "Accords archivés" in text and "Charte de jumelage Brest–Kiel (17 juin 1964)" in text
    assert "Visite" not in text


def test_erasing_a_person_erases_their_documents_their_files_and_history(brest_db, tmp_path):
    from relations_app.db.models import RecordChange
    from relations_app.services import personal_data

    person = contacts.list_contacts("").rows[0]["id"]
    kept = attachments.add("partners", kiel(), write(tmp_path, "k.pdf", PDF + b"kiel"))
    live = attachments.add("contacts", person, write(tmp_path, "cv.pdf", PDF + b"cv"))
    old = attachments.add("contacts", person, write(tmp_path, "photo.jpg", b"\xff\xd8\xff" + b"p"))
    trash.move_to_trash("attachments", old.id)
    assert [d["title"] for d in personal_data.export_person(person)["documents"]] == ["cv"]
    report = personal_data.erase_person(person)
    assert report.documents_removed == 2
    assert [a.id for a in Attachment.select()] == [kept.id] and blobs() == 1
    assert trash.list_items() == []
    gone = RecordChange.select().where(RecordChange.record_id.in_([live.id, old.id]))
    assert gone.count() == 0
