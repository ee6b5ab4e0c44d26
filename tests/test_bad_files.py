"""Files that once gave a traceback: each is refused with one French line naming the
place and the field, exit code 1, and the database unchanged (issue 18, part 3)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hostile_files import USER_ERROR, fingerprint, make_brest_copy, make_template, run_import


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
                for reason in ("n'est pas un texte", "objet est attendu", "trop profondément")
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
