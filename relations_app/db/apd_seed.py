"""The OECD lists the APD declaration reads, bundled in ``relations_app/data/``.

Migration 10 fills the tables ``apd_country`` and ``apd_sector`` from these files; an
administrator then keeps them up to date (``relations-app apd-listes``) when the OECD
publishes a new edition.  The files name their source, edition and date.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any

import peewee as pw

COUNTRIES_FILE = "dac_recipients.json"
SECTORS_FILE = "crs_purpose_codes.json"


@lru_cache(maxsize=4)
def bundled(name: str) -> dict[str, Any]:
    """One of the bundled list files, as its JSON."""
    text = resources.files("relations_app").joinpath("data", name).read_text(encoding="utf-8")
    return json.loads(text)


def country_rows() -> list[dict[str, Any]]:
    return [dict(row) for row in bundled(COUNTRIES_FILE)["countries"]]


def sector_rows() -> list[dict[str, Any]]:
    return [dict(row) for row in bundled(SECTORS_FILE)["codes"]]


def seed_lists(db: pw.Database) -> None:
    """Migration 10's second step: the bundled lists into their new (empty) tables."""
    p = db.param
    for row in country_rows():
        db.execute_sql(
            'INSERT INTO "apd_country" ("code", "first_year", "last_year", "edition", '
            f'"category") VALUES ({p}, {p}, {p}, {p}, {p})',
            (row["code"], row["first_year"], row["last_year"], row["edition"], row["category"]),
        )
    for row in sector_rows():
        db.execute_sql(
            f'INSERT INTO "apd_sector" ("code", "label_fr", "label_en") VALUES ({p}, {p}, {p})',
            (row["code"], row["label_fr"], row["label_en"]),
        )
