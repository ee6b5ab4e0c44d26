"""What the home dashboard shows: counts, deadlines, anniversaries, funding per year, the map."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

import peewee as pw
from peewee import fn

from ..db.models import Funding, Partner, Programme
from ..text import partial_date_end
from .office import get_office

ROUND_ANNIVERSARIES = (10, 20, 25, 30, 40, 50, 60, 70, 75, 80, 90, 100, 110, 125, 150)


@dataclass(frozen=True)
class Anniversary:
    partner_id: str
    partner: str
    year: int
    years: int


def counts_by_kind() -> dict[str, int]:
    query = Partner.select(Partner.kind, fn.COUNT(pw.SQL("*"))).group_by(
        Partner.kind
    )  # from the kind index
    return dict(query.tuples())


def _add_months(day: date, months: int) -> date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return date(year, month, min(day.day, 28))


def programmes_ending_soon(today: date, months: int = 6) -> list[dict]:
    """Programmes not finished whose end falls between today and ``months`` from now."""
    limit = _add_months(today, months)
    found = []
    unfinished = (Programme.status != "finished") | Programme.status.is_null()
    # Partial ISO dates compare as text: only ends in these years can fall in the window.
    years = (Programme.end >= str(today.year)) & (Programme.end < str(limit.year + 1))
    query = Programme.select(Programme.id, Programme.title, Programme.end).where(years & unfinished)
    for pid, title, end_text in query.tuples():
        try:
            end = partial_date_end(end_text)
        except ValueError:
            continue
        if today <= end <= limit:
            found.append({"id": pid, "title": title, "end": end_text})
    return sorted(found, key=lambda r: r["end"])


def _ended_before(column, today: date) -> pw.Node:
    """SQL: the partial ISO date in ``column`` ends before ``today`` (a year, a month or a
    day, each compared as text with today's year, month or day)."""
    return pw.Case(
        pw.fn.LENGTH(column),
        (
            (4, column < f"{today.year:04d}"),
            (7, column < f"{today.year:04d}-{today.month:02d}"),
        ),
        column < today.isoformat(),
    )


def _ongoing_past_end(today: date) -> pw.ModelSelect:
    return Programme.select(Programme.id, Programme.title, Programme.end).where(
        (Programme.status == "ongoing")
        & Programme.end.is_null(False)
        & _ended_before(Programme.end, today)
    )


def ongoing_past_end(today: date, limit: int | None = None) -> list[dict]:
    """Programmes still marked "ongoing" although their end date has passed (the earliest
    end first; ``limit``: only the first ones, see :func:`count_ongoing_past_end`)."""
    query = _ongoing_past_end(today).order_by(Programme.end, Programme.sort_key, Programme.id)
    if limit is not None:
        query = query.limit(limit)
    return [{"id": pid, "title": title, "end": end} for pid, title, end in query.tuples()]


def count_ongoing_past_end(today: date) -> int:
    return _ongoing_past_end(today).count()


def round_anniversaries(agreement_year: int, years: Iterable[int]) -> list[tuple[int, int]]:
    """(year, number of years) of the round-number anniversaries falling in ``years``."""
    return [
        (year, year - agreement_year)
        for year in years
        if year - agreement_year in ROUND_ANNIVERSARIES
    ]


def _signed(years) -> list[int]:
    """The signature years that make a round anniversary in one of ``years``."""
    return sorted({year - n for year in years for n in ROUND_ANNIVERSARIES})


def anniversaries(today: date, limit: int | None = None) -> list[Anniversary]:
    """Round-number anniversaries of first signatures, this year and next (by year, then
    name; ``limit``: only the first ones, see :func:`count_anniversaries`)."""
    found: list[Anniversary] = []
    for year in (today.year, today.year + 1):  # two round numbers are never a year apart
        query = (
            Partner.select(Partner.id, Partner.name, Partner.agreement_year)
            .where(Partner.agreement_year.in_(_signed((year,))))
            .order_by(Partner.name, Partner.sort_key)
        )  # text order: Python's, code point by code point
        if limit is not None:
            query = query.limit(max(0, limit - len(found)))
        for pid, name, agreement_year in query.tuples():
            for _year, years in round_anniversaries(agreement_year, (year,)):
                found.append(Anniversary(pid, name, year, years))
    return found


def count_anniversaries(today: date) -> int:
    return (
        Partner.select()
        .where(Partner.agreement_year.in_(_signed((today.year, today.year + 1))))
        .count()
    )


def funding_by_year() -> dict[int, Decimal]:
    query = (
        Funding.select(Funding.year, fn.SUM(Funding.amount).alias("cents"))
        .where(Funding.year.is_null(False))
        .group_by(Funding.year)
        .order_by(Funding.year)
    )
    return {
        row.year: (Decimal(row.cents) / 100).quantize(Decimal("0.01")) for row in query.objects()
    }


def map_points() -> list[dict]:
    query = Partner.select(
        Partner.id, Partner.name, Partner.kind, Partner.latitude, Partner.longitude
    ).where(Partner.latitude.is_null(False) & Partner.longitude.is_null(False))
    rows = query.model._meta.database.execute(query).fetchall()  # plain rows: ten thousand of them
    return [{"id": i, "name": n, "kind": k, "lat": lat, "lon": lon} for i, n, k, lat, lon in rows]


def home_point() -> dict:
    office = get_office()
    return {"name": office["name"], "lat": office["latitude"], "lon": office["longitude"]}
