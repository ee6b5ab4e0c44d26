"""Programme deadlines as SQL conditions: ending within some months, "ongoing" past the end.

Ends are partial ISO dates ("2026", "2026-05", "2026-05-31"), compared as text.  A
year-only end says the programme ends at the latest on 31 December of that year: it ends
"within six months" only when that 31 December falls in the window (never because
"2026" sorts before "2026-06-01"), and it is past only once the year is over.  The
dashboard's lists and the programmes list's filter share these conditions, so that
"tout voir" shows exactly the programmes the dashboard counted.
"""

from __future__ import annotations

from datetime import date, timedelta

import peewee as pw

from ..db.models import Programme

#: The programmes list's filter values (``list_programmes(due=…)``).
ENDING_SOON, PAST_END = "ending_soon", "past_end"
DUE_FILTERS = (ENDING_SOON, PAST_END)
WINDOW_MONTHS = 6


def add_months(day: date, months: int) -> date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return date(year, month, min(day.day, 28))


def _last_full_month(limit: date) -> str:
    """The last month whose every day is on or before ``limit`` ("YYYY-MM")."""
    if (limit + timedelta(days=1)).month != limit.month:
        return f"{limit.year:04d}-{limit.month:02d}"
    first = limit.replace(day=1) - timedelta(days=1)
    return f"{first.year:04d}-{first.month:02d}"


def _by_precision(column: pw.Field, year: pw.Node, month: pw.Node, day: pw.Node) -> pw.Node:
    return pw.Case(pw.fn.LENGTH(column), ((4, year), (7, month)), day)


def ends_between(column: pw.Field, today: date, limit: date) -> pw.Node:
    """The latest day ``column`` may denote falls within ``today`` … ``limit``."""
    last_year = limit.year if (limit.month, limit.day) == (12, 31) else limit.year - 1
    return _by_precision(
        column,
        (column >= f"{today.year:04d}") & (column <= f"{last_year:04d}"),
        (column >= f"{today.year:04d}-{today.month:02d}") & (column <= _last_full_month(limit)),
        (column >= today.isoformat()) & (column <= limit.isoformat()),
    )


def ended_before(column: pw.Field, today: date) -> pw.Node:
    """The latest day ``column`` may denote is before ``today``."""
    return _by_precision(
        column,
        column < f"{today.year:04d}",
        column < f"{today.year:04d}-{today.month:02d}",
        column < today.isoformat(),
    )


def due(kind: str, today: date) -> pw.Node:
    """The condition of one of :data:`DUE_FILTERS` on programmes."""
    has_end = Programme.end.is_null(False) & (Programme.end != "")
    if kind == ENDING_SOON:
        unfinished = (Programme.status != "finished") | Programme.status.is_null()
        limit = add_months(today, WINDOW_MONTHS)
        return has_end & unfinished & ends_between(Programme.end, today, limit)
    if kind == PAST_END:
        return has_end & (Programme.status == "ongoing") & ended_before(Programme.end, today)
    raise ValueError(f"unknown deadline filter {kind!r}")
