"""The long free texts of each record type, folded into its ``texts`` column (migration 12).

The global search finds a record by a word of its presentation, its notes or a
delegation's talking points, not only by its names: each searchable record keeps, beside
its ``search`` column (names, titles, e-mails), a ``texts`` column holding its long texts
folded the same way (:func:`relations_app.text.fold`: "cooperation" finds "coopération"),
with a search index of its own (SQLite FTS5 trigram, PostgreSQL pg_trgm).  Every write
path fills it from the same fields through :func:`folded_texts`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..text import search_blob

#: table -> the text columns folded into its ``texts`` column, in the order a search names
#: the one a word was found in
TEXT_FIELDS: dict[str, tuple[str, ...]] = {
    "partner": ("summary", "history", "notes"),
    "programme": (
        "description",
        "objectives",
        "context",
        "history",
        "owners",
        "beneficiaries",
        "volunteers",
        "notes",
    ),
    "organisation": ("description",),
    "contact": ("notes", "biography", "previous_contacts"),
    "consulate": ("notes",),
    "delegation": (
        "objectives",
        "stakes",
        "talking_points",
        "sensitive_points",
        "protocol",
        "logistics",
        "travel",
        "hotel",
        "transfers",
        "entry_formalities",
        "distribution",
    ),
    "event": ("description",),
}

#: the tables that have a ``texts`` column
TEXTS_TABLES = tuple(TEXT_FIELDS)


def folded_texts(table: str, values: Mapping[str, Any]) -> str:
    """The ``texts`` column of a row of ``table`` holding ``values`` (missing fields are
    empty): its texts folded and joined as the ``search`` column joins its names."""
    return search_blob(*(values.get(name) for name in TEXT_FIELDS[table]))
