"""Bounded fuzz of the importers: mutated JSON, CSV, XLSX and Atlas files, seeded.

Each input goes through the steps the CLI and the window take (read, preview, apply).  An
input the importers refuse must be refused with a French ``UserError`` on one line and
leave every table as it was; contacts rows with errors are skipped with their French
reason, as the CLI does; an input they accept (a mutation can leave a sound file) is
applied, then rolled back so the next input meets the same database.  Anything else, a
traceback, fails the test with the input that caused it.
"""

from __future__ import annotations

import json
import random
import re
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from fuzz_inputs import mutate_atlas, mutate_bytes, mutate_csv, mutate_json, mutate_xlsx
from hostile_files import fingerprint_connection, make_brest_copy, make_template

from relations_app import bootstrap, cli
from relations_app.db.models import database
from relations_app.errors import UserError
from relations_app.exchange import (
    apply_atlas,
    apply_contacts,
    apply_json,
    parse_atlas,
    plan_atlas,
    preview_contacts,
    preview_json_file,
    read_table,
    read_text_file,
)
from relations_app.location import DatabaseLocation

SEED = 18
CASES = {"json": 100, "csv": 100, "xlsx": 100, "atlas": 100}
ATLAS = Path(__file__).parent / "data" / "atlas_inno_003.txt"

#: What a Python or library message says that a French one never does.
ENGLISH = re.compile(
    r"Traceback|Error\b|\berror\b|\bobject\b|codec|not supported|has no attribute|"
    r"\bexpected\b|unexpected|\bcolumn \d|\bline \d|\bposition \d+:|NoneType|\bindex\b"
)


def import_json(path: Path) -> list[str]:
    apply_json(preview_json_file(path))
    return []


def import_contacts(path: Path) -> list[str]:
    """As the CLI does: rows with errors are shown and skipped; returns their messages."""
    plan = preview_contacts(read_table(path))
    apply_contacts(plan)
    return [row.error_text() for row in plan.rows if row.errors]


def import_atlas(path: Path) -> list[str]:
    apply_atlas(plan_atlas(parse_atlas(read_text_file(path))))
    return []


@pytest.fixture(scope="module")
def sources(tmp_path_factory) -> dict[str, bytes]:
    """The files the mutations start from: the application's own exports, an Atlas record."""
    folder = tmp_path_factory.mktemp("sources")
    template = make_template(folder)
    assert cli.main(["--db", str(template), "export", str(folder / "all.json")]) == 0
    target = folder / "contacts.csv"
    assert cli.main(["--db", str(template), "export", str(target), "--what", "contacts"]) == 0
    target = folder / "contacts.xlsx"
    assert cli.main(["--db", str(template), "export", str(target), "--what", "contacts"]) == 0
    return {
        "template": str(template).encode(),
        "json": (folder / "all.json").read_bytes(),
        "csv": (folder / "contacts.csv").read_bytes(),
        "xlsx": (folder / "contacts.xlsx").read_bytes(),
        "atlas": ATLAS.read_bytes(),
    }


def inputs(kind: str, sources: dict[str, bytes]) -> list[bytes]:
    """The mutated files of ``kind``: half byte-level edits, half edits of the format."""
    rng = random.Random(f"{SEED}-{kind}")
    document = json.loads(sources["json"])
    mutate: dict[str, Callable[[], bytes]] = {
        "json": lambda: mutate_json(rng, document),
        "csv": lambda: mutate_csv(rng, sources["csv"]),
        "xlsx": lambda: mutate_xlsx(rng, sources["xlsx"]),
        "atlas": lambda: mutate_atlas(rng, sources["atlas"].decode("utf-8")),
    }
    return [
        mutate_bytes(rng, sources[kind]) if i % 2 else mutate[kind]() for i in range(CASES[kind])
    ]


@pytest.mark.parametrize(
    ("kind", "suffix", "run"),
    [
        ("json", ".json", import_json),
        ("csv", ".csv", import_contacts),
        ("xlsx", ".xlsx", import_contacts),
        ("atlas", ".txt", import_atlas),
    ],
)
def test_every_mutated_file_is_refused_in_french_or_imported(kind, suffix, run, sources, tmp_path):
    path = make_brest_copy(Path(sources["template"].decode()), tmp_path / "r.db")
    bootstrap.open_app_database(DatabaseLocation.file(path))
    refused: list[str] = []
    accepted = 0
    started = time.perf_counter()
    try:
        before = fingerprint_connection(database.connection())
        for number, data in enumerate(inputs(kind, sources)):
            case = tmp_path / f"case-{number}{suffix}"
            case.write_bytes(data)
            with database.atomic() as outer:  # each case meets the database as ``before``
                try:
                    skipped = run(case)
                except UserError as exc:
                    message = cli.one_line(exc)
                    assert message and not ENGLISH.search(message), (case, message)
                    assert fingerprint_connection(database.connection()) == before, case
                    refused.append(message)
                else:
                    for message in skipped:  # rows refused, the others imported
                        assert not ENGLISH.search(message), (case, message)
                    refused.extend(skipped[:1])
                    accepted += not skipped
                outer.rollback()
            case.unlink()
    finally:
        bootstrap.close()
    elapsed = time.perf_counter() - started
    print(
        f"{kind}: {len(refused)} refused in whole or in part, {accepted} imported, {elapsed:.1f} s"
    )
    assert len(refused) >= CASES[kind] // 4  # the mutations do break the files
    assert len(set(refused)) >= 5  # and in different ways
