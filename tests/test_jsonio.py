"""The JSON dump is lossless, and an invalid file changes nothing."""

import json

import pytest

from relations_app import bootstrap, cli, jsonio
from relations_app.db import backend
from relations_app.location import DatabaseLocation
from relations_app.services import partners
from relations_app.validation import ValidationError

pytestmark = pytest.mark.both_backends


def test_round_trip_gives_the_same_document(brest_db, tmp_path):
    first = jsonio.export_document()
    text = jsonio.dumps(first)
    bootstrap.close()
    bootstrap.open_app_database(DatabaseLocation.file(tmp_path / "other.db"), seed=False)
    summary = jsonio.import_document(json.loads(text))
    assert summary.created["partners"] == 16
    assert jsonio.dumps(jsonio.export_document()) == text


def test_import_merges_by_id(brest_db):
    document = jsonio.export_document()
    kiel = next(p for p in document["partners"] if p["name"] == "Kiel")
    version = partners.get_partner(kiel["id"])["version"]
    kiel["population"] = 246601
    kiel["themes"] = ["Mer", kiel["themes"][0]]  # lists are replaced, not added to
    kiel["aliases"] = [*kiel["aliases"], "Kiel-Holtenau"]
    new = dict(
        kiel, id="11111111-2222-3333-4444-555555555555", name="Lübeck", key_figures=[], aliases=[]
    )
    document["partners"].append(new)
    summary = jsonio.import_document(document)
    assert summary.updated["partners"] == 16 and summary.created["partners"] == 1
    after = partners.get_partner(kiel["id"])
    assert after["population"] == 246601 and after["version"] == version + 1
    assert after["themes"] == kiel["themes"]
    assert partners.list_partners("lubeck").total == 1
    assert [r["name"] for r in partners.list_partners("holtenau").rows] == ["Kiel"]  # searched anew


def test_summaries_count_in_french():
    summary = jsonio.ImportSummary(
        {"partners": 1, "organisations": 2, "contacts": 12000}, {"partners": 1000, "delegations": 1}
    )
    assert summary.describe() == (
        "1 partenaire créé ; 1\u202f000 partenaires mis à jour ; 2 organisations créées ; "
        "12\u202f000 contacts créés ; 1 délégation mise à jour"
    )
    assert summary.describe(planned=True).startswith(
        "1 partenaire à créer ; 1\u202f000 partenaires à mettre à jour"
    )
    assert jsonio.ImportSummary().describe() == "aucun enregistrement"


def broken_documents():
    def bad_email(d):
        d["contacts"][0]["email"] = "pas-une-adresse"

    def dangling(d):
        d["programmes"][0]["partner_ids"] = ["00000000-0000-0000-0000-000000000000"]

    def negative(d):
        d["programmes"][-1]["funding"] = [{"funder": "X", "amount_eur": "-3", "year": 2020}]

    def unknown_key(d):
        d["partners"][0]["colour"] = "blue"

    def duplicate(d):
        d["partners"].append(dict(d["partners"][0]))

    def not_a_list(d):
        d["events"] = {"a": 1}

    return [bad_email, dangling, negative, unknown_key, duplicate, not_a_list]


@pytest.mark.parametrize("damage", broken_documents(), ids=lambda f: f.__name__)
@pytest.mark.parametrize("source", ["document", "file"])
def test_invalid_document_changes_nothing(brest_db, damage, source, tmp_path):
    before = jsonio.dumps(jsonio.export_document())
    document = json.loads(before)
    document["partners"][0]["population"] = 1  # a valid change that must not land either
    damage(document)
    with pytest.raises((ValidationError, jsonio.ImportFileError)):
        if source == "file":
            path = tmp_path / "damaged.json"
            path.write_text(jsonio.dumps(document), encoding="utf-8")
            jsonio.import_file(path)
        else:
            jsonio.import_document(document)
    assert jsonio.dumps(jsonio.export_document()) == before


def test_a_reference_to_a_record_later_in_the_file_is_found(brest_db, tmp_path):
    """Partners come first in the file, yet their key figures name programmes; contacts
    name diplomatic posts, which come after them."""
    document = jsonio.export_document()
    assert any(f["programme_id"] for p in document["partners"] for f in p["key_figures"])
    assert any(pos["post_id"] for c in document["contacts"] for pos in c["positions"])
    path = tmp_path / "all.json"
    path.write_text(jsonio.dumps(document), encoding="utf-8")
    bootstrap.close()
    bootstrap.open_app_database(DatabaseLocation.file(tmp_path / "empty.db"), seed=False)
    plan = jsonio.validate_file(path)
    assert plan.created["partners"] == 16 and not plan.updated
    jsonio.apply_plan(plan)
    assert jsonio.dumps(jsonio.export_document()) == jsonio.dumps(document)


def test_a_cancelled_import_writes_nothing(brest_db, tmp_path):
    document = jsonio.export_document()
    for partner in document["partners"]:
        partner["population"] = 7
    path = tmp_path / "all.json"
    path.write_text(jsonio.dumps(document), encoding="utf-8")
    before = jsonio.dumps(jsonio.export_document())
    plan = jsonio.validate_file(path)
    seen = []

    def cancel_midway(done, total):
        seen.append((done, total))
        raise KeyboardInterrupt  # what a cancel raises does not matter: it rolls back

    with pytest.raises(KeyboardInterrupt):
        jsonio.apply_plan(plan, cancel_midway)
    assert seen == [(plan.total, plan.total)]  # 113 records: told once, before the commit
    assert jsonio.dumps(jsonio.export_document()) == before
    assert jsonio.apply_plan(plan).updated["partners"] == 16  # the plan is still good afterwards
    assert {p["population"] for p in jsonio.export_document()["partners"]} == {7}


def test_the_import_writes_what_its_preview_checked(brest_db, tmp_path):
    """The file may be changed or deleted after the preview: what was shown is written."""
    document = jsonio.export_document()
    kiel = next(p for p in document["partners"] if p["name"] == "Kiel")
    kiel["population"] = 246601
    path = tmp_path / "all.json"
    path.write_text(jsonio.dumps(document), encoding="utf-8")
    plan = jsonio.validate_file(path)
    path.write_text("plus du JSON", encoding="utf-8")
    jsonio.apply_plan(plan)
    assert partners.get_partner(kiel["id"])["population"] == 246601


def test_errors_name_the_record_and_field(brest_db):
    document = jsonio.export_document()
    index = next(i for i, c in enumerate(document["contacts"]) if c["family_name"] == "Giguère")
    document["contacts"][index]["email"] = "abc"
    with pytest.raises(ValidationError) as info:
        jsonio.validate_document(document)
    assert f"contacts[{index}] « Giguère ».email" in info.value.errors


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b'{"format": "relations-app", "version": 1, "partners": [', "n'est pas un JSON valide"),
        (b"\xff\xfe\x00garbage", "UTF-8"),
        (b'{"hello": 1}', "pas un export de Relations"),
        (b'{"format": "relations-app", "version": 99}', "Version de format"),
        (b"[1, 2]", "pas un export de Relations"),
    ],
)
@pytest.mark.parametrize(
    "read", [jsonio.read_document, jsonio.validate_file], ids=["read", "check"]
)
def test_unreadable_files_are_refused_with_a_reason(db, tmp_path, content, message, read):
    path = tmp_path / "x.json"
    path.write_bytes(content)
    with pytest.raises(jsonio.ImportFileError, match=message):
        read(path)


def test_a_syntax_error_is_placed_in_the_file(brest_db, tmp_path, capsys):
    lines = jsonio.dumps(jsonio.export_document()).splitlines()
    at = next(i for i, line in enumerate(lines) if '"family_name": "Giguère"' in line)
    lines[at] = lines[at].rstrip(",")  # the comma after a contact's family name, forgotten
    path = tmp_path / "abîmé.json"
    path.write_text("\n".join(lines), encoding="utf-8")
    before = jsonio.dumps(jsonio.export_document())
    where = backend.of(brest_db).location_of(brest_db)
    bootstrap.close()
    assert cli.main(["--db", where.describe(), "import", str(path)]) == 1
    error = capsys.readouterr().err
    assert (
        f"abîmé.json n'est pas un JSON valide : virgule attendue (ligne {at + 2}, colonne" in error
    )
    bootstrap.open_app_database(where)
    assert jsonio.dumps(jsonio.export_document()) == before


def test_export_is_written_atomically(brest_db, tmp_path, monkeypatch):
    (tmp_path / "out").mkdir()
    target = tmp_path / "out" / "out.json"
    target.write_text("previous", encoding="utf-8")

    def explode(*_args, **_kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(jsonio.dump.os, "fsync", explode)
    with pytest.raises(OSError):
        jsonio.export_to_file(target)
    assert target.read_text(encoding="utf-8") == "previous"
    assert [p.name for p in target.parent.iterdir()] == ["out.json"]  # no temporary file left


def test_hostile_text_round_trips_literally(db):
    text = '<b>gras</b> & "quotes" \'; DROP TABLE partner; -- \u202e\U0001f600 東京都'
    created = partners.create_partner(
        {"name": text[:40], "country": "JP", "kind": "friendship_city", "history": text}
    )
    document = json.loads(jsonio.dumps(jsonio.export_document()))
    assert document["partners"][0]["history"] == text
    assert partners.get_partner(created["id"])["history"] == text


@pytest.mark.parametrize("source", ["document", "file"])
def test_files_that_call_the_posts_diplomatic_posts_still_import(brest_db, tmp_path, source):
    """Exports and backups written before the collection was named ``posts`` still load."""
    document = jsonio.export_document()
    assert "posts" in document and "diplomatic_posts" not in document
    old = {("diplomatic_posts" if k == "posts" else k): v for k, v in document.items()}
    count = len(old["diplomatic_posts"])
    assert count > 0
    bootstrap.close()
    bootstrap.open_app_database(DatabaseLocation.file(tmp_path / "other.db"), seed=False)
    if source == "file":
        path = tmp_path / "old.json"
        path.write_text(jsonio.dumps(old), encoding="utf-8")
        plan = jsonio.validate_file(path)
        assert plan.counts["posts"] == count
        summary = jsonio.apply_plan(plan)
    else:
        summary = jsonio.import_document(old)
    assert summary.created["posts"] == count
    assert jsonio.dumps(jsonio.export_document()) == jsonio.dumps(document)


def test_a_post_under_its_former_name_is_checked_like_any_record(db):
    document = {
        "format": jsonio.FORMAT,
        "version": jsonio.VERSION,
        "diplomatic_posts": [{"id": "p1", "name": "Ambassade", "country": "ZZ", "colour": 1}],
    }
    with pytest.raises(ValidationError) as caught:
        jsonio.import_document(document)
    assert "diplomatic_posts[0] « Ambassade ».colour" in caught.value.errors
