"""A section's list columns, made from its record type's declaration.

The declaration (:class:`relations_app.records.ListColumn`) says the row key, the titles
in both languages, the sort key and how the value shows; this module maps each way of
showing to the window's formatters (:mod:`ui.kit.labels`).
"""

from __future__ import annotations

from collections.abc import Callable

from relations_app.records import ListColumn, RecordType
from relations_app.validation import display_phone

from ..kit import labels
from ..kit.record_names import in_language
from .record_model import Column

Shown = Callable[[dict], str]


def _display(column: ListColumn) -> Shown | None:
    key = column.key
    shown: dict[str, Shown] = {
        "country": lambda r: labels.country(r[key]),
        "choice": lambda r: labels.choice(column.choice_field, r[key]),
        "partner_kind": lambda r: labels.partner_kind(r[key]),
        "programme_status": lambda r: labels.programme_status(r[key]),
        "date": lambda r: labels.date(r[key]),
        "number": lambda r: labels.number(r[key]),
        "phone": lambda r: display_phone(r[key]),
    }
    if column.then:
        return lambda r: f"{r[key]} {r[column.then]}".strip()
    return shown.get(column.display)


def list_columns(kind: RecordType) -> list[Column]:
    """The window's columns for a list of ``kind``, in the declared order."""
    return [
        Column(
            c.key,
            lambda c=c: in_language(c.title_fr, c.title_en),
            _display(c),
            sort=c.sort,
            numeric=c.numeric,
        )
        for c in kind.list_columns
    ]


def export_keys(kind: RecordType) -> dict[str, tuple[str, ...]]:
    """Window column key -> the export columns it stands for (see :mod:`ui.exchange.exporting`)."""
    return {c.key: c.exports for c in kind.list_columns}
