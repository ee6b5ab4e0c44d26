"""The exportable lists: which service lists them, their columns with French headers.

Both come from the record types' declarations (:mod:`relations_app.records`).

The window exports what it shows: it passes the list (``what``), the keys of its visible
columns in their order, its search text, its filters and its sort.  Rows come from the
same service list function as the table on screen (``services.*.list_*``), so an export
always matches the screen.  A column's ``key`` is a key of that function's row dicts.
"""

from __future__ import annotations

import datetime as dt
import inspect
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ..records import RECORD_TYPES, ExportColumn
from ..services import LIST_FUNCTIONS, Page
from ..text import fold, parse_partial_date
from .common import ExchangeError

#: Parameters of the list functions that are not filters.
NOT_FILTERS = frozenset({"search", "sort", "descending", "offset", "limit"})


#: One exported column: the row key, the French header, how to write the value.
Column = ExportColumn


@dataclass(frozen=True)
class ListSpec:
    what: str  # the CLI's --what value
    label: str  # French, plural: "partenaires"
    list_fn: Callable[..., Page]
    columns: tuple[Column, ...]

    @property
    def filters(self) -> tuple[str, ...]:
        """The keyword filters the list function accepts (``kind``, ``country``…)."""
        params = inspect.signature(self.list_fn).parameters
        return tuple(
            n for n, p in params.items() if p.kind is p.KEYWORD_ONLY and n not in NOT_FILTERS
        )

    def column(self, key: str) -> Column:
        for column in self.columns:
            if column.key == key:
                return column
        known = ", ".join(c.key for c in self.columns)
        raise ExchangeError(
            f"Colonne inconnue pour les {self.label} : « {key} » (colonnes : {known})."
        )


#: The exportable lists, one per record type (its list function and its export columns).
LISTS: dict[str, ListSpec] = {
    key: ListSpec(key, kind.fr.plural, LIST_FUNCTIONS[key], kind.export_columns)
    for key, kind in RECORD_TYPES.items()
}


def list_with_headers(headers: Sequence[str], *, besides: str) -> ListSpec | None:
    """The exported list (other than ``besides``) whose columns include every one of
    ``headers`` (case and accents ignored), the closest first; None when there is none."""
    wanted = {fold(h) for h in headers if h.strip()}
    if not wanted:
        return None
    found = [
        spec
        for spec in LISTS.values()
        if spec.what != besides and wanted <= {fold(c.header) for c in spec.columns}
    ]
    return min(found, key=lambda spec: len(spec.columns), default=None)


def list_spec(what: str | None) -> ListSpec:
    if what not in LISTS:
        raise ExchangeError(
            f"Liste inconnue : « {what} » (attendu : {', '.join(LISTS)})."
            if what
            else f"Précisez la liste à exporter avec --what ({'|'.join(LISTS)})."
        )
    return LISTS[what]


@dataclass(frozen=True)
class Table:
    """What an export writes: headers, typed cell values, and the list it came from."""

    spec: ListSpec
    columns: tuple[Column, ...]
    rows: list[list[Any]]

    @property
    def headers(self) -> list[str]:
        return [c.header for c in self.columns]


def date_cell(value: str) -> dt.date | int | str:
    """A partial ISO date as a spreadsheet should hold it, the same way in every column.

    A full date is a real date (``2018-12-31`` → ``date(2018, 12, 31)``), a year alone is
    a number like any year column (``2017`` → ``2017``), a month is text (``"2019-05"``: no
    spreadsheet type says "May 2019" without inventing a day); anything else stays text.
    """
    try:
        year, month, day = parse_partial_date(value)
    except ValueError:
        return value
    if day:
        return dt.date(year, month or 1, day)
    return value.strip() if month else year


def cell_value(column: Column, value: Any) -> Any:
    """The value as a spreadsheet should hold it: None → "", booleans → Oui/Non, dates as
    :func:`date_cell` says, numbers as numbers, the rest as text."""
    if value is None or value == "":
        return ""
    if column.kind == "bool":
        return "Oui" if value else "Non"
    if column.kind == "date" and isinstance(value, str):
        return date_cell(value)
    if column.kind == "number" and isinstance(value, (int, float)) and not isinstance(value, bool):
        return value
    return str(value)


def build_table(
    what: str,
    columns: Sequence[str] | None = None,
    *,
    search: str = "",
    filters: Mapping[str, Any] | None = None,
    sort: str | None = None,
    descending: bool | None = None,
) -> Table:
    """The rows of list ``what`` as the window shows them, every row (no paging).

    ``columns`` are row keys in display order (all the list's columns when ``None``);
    ``filters`` are the list function's keyword filters; unknown ones are refused.
    """
    spec = list_spec(what)
    chosen = tuple(spec.column(key) for key in columns) if columns else spec.columns
    if not chosen:
        raise ExchangeError("Aucune colonne à exporter.")
    filters = dict(filters or {})
    unknown = sorted(set(filters) - set(spec.filters))
    if unknown:
        raise ExchangeError(
            f"Filtre inconnu pour les {spec.label} : « {unknown[0]} »"
            f" (filtres : {', '.join(spec.filters) or 'aucun'})."
        )
    kwargs: dict[str, Any] = {k: v for k, v in filters.items() if v not in (None, "")}
    if sort:
        kwargs["sort"] = sort
    if descending is not None:
        kwargs["descending"] = descending
    try:
        page = spec.list_fn(search or "", **kwargs)
    except ValueError as exc:  # an unknown sort key
        raise ExchangeError(f"Tri impossible pour les {spec.label} : {exc}") from exc
    rows = [[cell_value(c, row.get(c.key)) for c in chosen] for row in page.rows]
    return Table(spec, chosen, rows)
