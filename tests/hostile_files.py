"""Helpers for the tests that feed the importers hostile files: a Brest database made once
and copied for each case, a fingerprint of every table's rows, the CLI run in-process."""

from __future__ import annotations

import hashlib
import io
import shutil
import sqlite3
import zipfile
from collections.abc import Callable
from pathlib import Path

from relations_app import cli

#: The first line of every message the CLI prints for an error meant for the user.
USER_ERROR = "relations-app: erreur : "


def make_brest_copy(template: Path, target: Path) -> Path:
    """A copy of ``template`` (a closed database) at ``target``."""
    shutil.copyfile(template, target)
    return target


def make_template(folder: Path) -> Path:
    """A closed database holding the Brest dataset, in ``folder``."""
    path = folder / "template.db"
    assert cli.main(["--db", str(path), "init"]) == 0
    return path


def fingerprint(path: Path) -> str:
    """A digest of every row of every table (the search indexes included)."""
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return fingerprint_connection(connection)
    finally:
        connection.close()


def fingerprint_connection(connection: sqlite3.Connection) -> str:
    """:func:`fingerprint` through an open connection (inside its transaction)."""
    digest = hashlib.sha256()
    tables = [
        name
        for (name,) in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
        )
    ]
    for table in tables:
        digest.update(table.encode())
        try:
            rows = connection.execute(f'SELECT * FROM "{table}" ORDER BY rowid').fetchall()
        except sqlite3.OperationalError:  # a table without rowid
            rows = sorted(connection.execute(f'SELECT * FROM "{table}"'), key=repr)
        digest.update(repr(rows).encode())
    return digest.hexdigest()


def run_import(db: Path, *args: str | Path) -> int:
    return cli.main(["--db", str(db), "import", *(str(a) for a in args)])


def rezipped(raw: bytes, change: Callable[[str, bytes], bytes | None]) -> bytes:
    """The zip ``raw`` with each member passed through ``change(name, data)`` (None: left out)."""
    source = zipfile.ZipFile(io.BytesIO(raw))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name in source.namelist():
            data = change(name, source.read(name))
            if data is not None:
                target.writestr(name, data)
    return out.getvalue()
