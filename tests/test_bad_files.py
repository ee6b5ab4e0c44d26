"""Files that once gave a traceback: each is refused with one French line naming the
place and the field, exit code 1, and the database unchanged (issue 18, part 3)."""

from __future__ import annotations

import io
import json
import re
import zipfile
from pathlib import Path

import pytest
from hostile_files import (
    USER_ERROR,
    fingerprint,
    make_brest_copy,
    make_template,
    rezipped,
    run_import,
)


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> Path:
    return make_template(tmp_path_factory.mktemp("template"))


@pytest.fixture
def database(template, tmp_path) -> Path:
    return make_brest_copy(template, tmp_path / "r.db")


@pytest.fixture(scope="module")
def exported(template, tmp_path_factory) -> dict:
    """The Brest data as the application exports it."""
    folder = tmp_path_factory.mktemp("export")
    copy = make_brest_copy(template, folder / "r.db")
    from relations_app import cli

    assert cli.main(["--db", str(copy), "export", str(folder / "all.json")]) == 0
    return json.loads((folder / "all.json").read_text(encoding="utf-8"))


def refused(database: Path, path: Path, capsys, *args: str) -> str:
    """The one line the CLI prints for ``import path``; the database is left as it was."""
    before = fingerprint(database)
    capsys.readouterr()
    assert run_import(database, path, *args) == 1
    captured = capsys.readouterr()
    assert captured.err.startswith(USER_ERROR), captured.err
    assert captured.err.count("\n") == 1 and "Traceback" not in captured.err
    assert fingerprint(database) == before
    return captured.err


def header(exported: dict) -> str:
    return f'"format": {json.dumps(exported["format"])}, "version": {exported["version"]}'


@pytest.mark.parametrize(
    "body",
    [
        '"partners": [' + "[" * 100_000 + "]" * 100_000 + "]",
        '"partners": [{"id": "x", "name": ' + "[" * 100_000 + "1" + "]" * 100_000 + "}]",
        '"office": ' + '{"a": ' * 100_000 + "1" + "}" * 100_000,
        '"partners": [' + "[" * 100_000,
    ],
    ids=["array", "field", "office", "unclosed"],
)
def test_json_nested_100000_deep(database, tmp_path, capsys, exported, body):
    path = tmp_path / "deep.json"
    path.write_text("{" + header(exported) + ",\n" + body + "}", encoding="utf-8")
    err = refused(database, path, capsys)
    assert "imbriquée trop profondément" in err and "ligne 2, colonne" in err


def test_json_nested_below_the_recursion_limit(database, tmp_path, capsys, exported):
    """Deep enough to decode, then to exhaust the stack of whatever handles it next."""
    for depth in (500, 900, 950, 990):
        for body in (
            '"partners": [{"id": "x", "name": ' + "[" * depth + "]" * depth + "}]",
            '"office": ' + "[" * depth + "]" * depth,
        ):
            path = tmp_path / "deep.json"
            path.write_text("{" + header(exported) + ", " + body + "}", encoding="utf-8")
            err = refused(database, path, capsys)
            assert any(
                reason in err
                for reason in ("n'est pas un texte", "office : un objet", "trop profondément")
            )


def test_json_integer_too_long_to_convert(database, tmp_path, capsys, exported):
    path = tmp_path / "long.json"
    path.write_text(
        "{" + header(exported) + ', "partners": [{"id": "x", "population": ' + "9" * 5000 + "}]}",
        encoding="utf-8",
    )
    assert "nombre de plus de 4 300 chiffres (ligne 1, colonne" in refused(database, path, capsys)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("population", 1e30),
        ("population", 2**63),
        ("population", -(2**63) - 1),
        ("agreement_year", 1e300),
        ("latitude", 10**400),
    ],
)
def test_json_number_too_large_for_its_column(database, tmp_path, capsys, exported, field, value):
    document = {**exported, "partners": [{**exported["partners"][0], field: value}]}
    path = tmp_path / "big.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    err = refused(database, path, capsys)
    name = exported["partners"][0]["name"]
    assert f"partners[0] « {name} ».{field} : " in err
    assert "hors limites" in err or "n'est pas une latitude" in err


@pytest.mark.parametrize(
    ("collection", "field", "value"),
    [
        ("partners", "name", "Brest\ud800"),
        ("partners", "summary", "Texte \udfff"),
        ("contacts", "email", "a\ud800@b.fr"),
        ("partners", "name", "Cloche\x07"),
        ("partners", "name", "Tab\vulation"),
        ("partners", "name", "Deux\nlignes"),
        ("partners", "summary", "Texte\x1b[31m"),
    ],
)
def test_json_text_that_cannot_be_stored(
    database, tmp_path, capsys, exported, collection, field, value
):
    document = {**exported, collection: [{**exported[collection][0], field: value}]}
    path = tmp_path / "text.json"
    path.write_text(json.dumps(document), encoding="utf-8")  # \ud800 as a JSON escape
    err = refused(database, path, capsys)
    assert f"{collection}[0]" in err and f".{field} : " in err
    assert "caractère" in err or "non permis" in err or "invalide" in err


@pytest.fixture(scope="module")
def contacts_xlsx(template, tmp_path_factory) -> bytes:
    """The Brest contacts as the application exports them to XLSX."""
    folder = tmp_path_factory.mktemp("xlsx")
    copy = make_brest_copy(template, folder / "r.db")
    from relations_app import cli

    target = folder / "contacts.xlsx"
    assert cli.main(["--db", str(copy), "export", str(target), "--what", "contacts"]) == 0
    return target.read_bytes()


def without_sheets(name: str, data: bytes) -> bytes | None:
    if name.startswith("xl/worksheets/"):
        return None
    if name == "xl/workbook.xml":
        return re.sub(rb"<sheets>.*</sheets>", b"<sheets></sheets>", data, flags=re.DOTALL)
    return data


def sheet_cut_short(name: str, data: bytes) -> bytes:
    return data[: len(data) // 2] if name.startswith("xl/worksheets/") else data


def damaged_member(raw: bytes, member: str) -> bytes:
    """``raw`` with bytes of ``member``'s compressed data flipped (it no longer inflates)."""
    damaged = bytearray(raw)
    info = zipfile.ZipFile(io.BytesIO(raw)).getinfo(member)
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    for at in range(start + 5, start + 40):
        damaged[at] ^= 0x5A
    return bytes(damaged)


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (lambda raw: rezipped(raw, without_sheets), "le classeur n'a aucune feuille de calcul"),
        (lambda raw: damaged_member(raw, "xl/worksheets/sheet1.xml"), "XLSX lisible"),
        (lambda raw: damaged_member(raw, "xl/styles.xml"), "XLSX lisible"),
        (lambda raw: rezipped(raw, sheet_cut_short), "première feuille illisible après la ligne"),
        (lambda raw: raw[: len(raw) // 2], "XLSX lisible"),
    ],
    ids=["no sheet", "sheet does not inflate", "styles do not inflate", "XML cut short", "cut"],
)
def test_damaged_xlsx(database, tmp_path, capsys, contacts_xlsx, damage, message):
    path = tmp_path / "contacts.xlsx"
    path.write_bytes(damage(contacts_xlsx))
    assert message in refused(database, path, capsys)


def test_csv_mixing_utf8_and_one_latin1_byte(database, tmp_path, capsys):
    path = tmp_path / "contacts.csv"
    path.write_bytes(
        "Prénom;Nom;Courriel\nYann;Kérvé;yann@example.org\n".encode()
        + b"Anne;Le Gu\xe9n;anne@example.org\n"
    )
    err = refused(database, path, capsys)
    assert "mélange deux encodages : du texte en UTF-8 (ligne 1)" in err
    assert "un octet qui n'est pas de l'UTF-8 (ligne 3)" in err
    # Imposed, the encoding is the person's choice: Windows-1252 reads every line.
    assert run_import(database, path, "--dry-run", "--encoding", "cp1252") == 0


def test_csv_wholly_in_windows_1252_is_still_read(database, tmp_path, capsys):
    path = tmp_path / "contacts.csv"
    path.write_bytes("Prénom;Nom;Courriel\nYann;Kérvé;yann@example.org\n".encode("cp1252"))
    capsys.readouterr()
    assert run_import(database, path, "--dry-run") == 0
    assert "créer Yann Kérvé" in capsys.readouterr().out


@pytest.mark.parametrize("cell", ["Ya\x85nn", "Yann\u009b", "Ya\tnn"])
def test_contact_names_that_cannot_be_stored_are_refused_at_the_preview(
    database, tmp_path, capsys, cell
):
    """A row whose name holds a control character is shown with its error, not applied."""
    path = tmp_path / "contacts.csv"
    path.write_text(f"Prénom;Nom;Courriel\n{cell};Kérvé;yann@example.org\n", encoding="utf-8")
    before = fingerprint(database)
    capsys.readouterr()
    run_import(database, path)
    out = capsys.readouterr().out
    assert "ligne 2 : ignorer" in out and ("U+" in out or "tabulation" in out)
    assert fingerprint(database) == before


@pytest.mark.parametrize(
    ("text", "line", "reason"),
    [
        (
            'Nom;Courriel\n"' + "x" * 200_000 + '";a@b.fr\n',
            2,
            "une cellule dépasse 131 072 caractères",
        ),
        ('Nom;Courriel\n"Kérvé";a@b.fr\n"Le Guen', 3, "guillemet non refermé ?"),
        ('Nom;Courriel\n"Kérvé"x;a@b.fr\n', 2, "suivi d'autre chose qu'un séparateur"),
    ],
    ids=["cell too long", "unclosed quote", "after a quote"],
)
def test_malformed_csv_is_explained_in_french(database, tmp_path, capsys, text, line, reason):
    path = tmp_path / "contacts.csv"
    path.write_text(text, encoding="utf-8")
    err = refused(database, path, capsys)
    assert f"est mal formé ou tronqué à la ligne {line} : " in err and reason in err
