"""The JSON dump is lossless, and an invalid file changes nothing."""

import json

import pytest

from relations_app import bootstrap, jsonio
from relations_app.services import partners
from relations_app.validation import ValidationError


def test_round_trip_gives_the_same_document(brest_db, tmp_path):
    first = jsonio.export_document()
    text = jsonio.dumps(first)
    bootstrap.close()
    bootstrap.open_app_database(tmp_path / "other.db", seed=False)
    summary = jsonio.import_document(json.loads(text))
    assert summary.created["partners"] == 16
    assert jsonio.dumps(jsonio.export_document()) == text


def test_import_merges_by_id(brest_db):
    document = jsonio.export_document()
    kiel = next(p for p in document["partners"] if p["name"] == "Kiel")
    kiel["population"] = 246601
    new = dict(kiel, id="11111111-2222-3333-4444-555555555555", name="Lübeck", key_figures=[])
    document["partners"].append(new)
    summary = jsonio.import_document(document)
    assert summary.updated["partners"] == 16 and summary.created["partners"] == 1
    assert partners.get_partner(kiel["id"])["population"] == 246601
    assert partners.list_partners("lubeck").total == 1


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
def test_invalid_document_changes_nothing(brest_db, damage):
    before = jsonio.dumps(jsonio.export_document())
    document = json.loads(before)
    document["partners"][0]["population"] = 1  # a valid change that must not land either
    damage(document)
    with pytest.raises((ValidationError, jsonio.ImportFileError)):
        jsonio.import_document(document)
    assert jsonio.dumps(jsonio.export_document()) == before


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
        (b'[1, 2]', "pas un export de Relations"),
    ],
)
def test_unreadable_files_are_refused_with_a_reason(tmp_path, content, message):
    path = tmp_path / "x.json"
    path.write_bytes(content)
    with pytest.raises(jsonio.ImportFileError, match=message):
        jsonio.read_document(path)


def test_export_is_written_atomically(brest_db, tmp_path, monkeypatch):
    (tmp_path / "out").mkdir()
    target = tmp_path / "out" / "out.json"
    target.write_text("previous", encoding="utf-8")

    def explode(*_args, **_kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(jsonio.os, "fsync", explode)
    with pytest.raises(OSError):
        jsonio.export_to_file(target)
    assert target.read_text(encoding="utf-8") == "previous"
    assert [p.name for p in target.parent.iterdir()] == ["out.json"]  # no temporary file left


def test_hostile_text_round_trips_literally(db):
    text = "<b>gras</b> & \"quotes\" '; DROP TABLE partner; -- \u202e\U0001F600 東京都"
    created = partners.create_partner({"name": text[:40], "country": "JP", "kind": "friendship_city", "history": text})
    document = json.loads(jsonio.dumps(jsonio.export_document()))
    assert document["partners"][0]["history"] == text
    assert partners.get_partner(created["id"])["history"] == text
