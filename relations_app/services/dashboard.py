"""What the home dashboard shows: counts, deadlines, anniversaries, funding per year, the map."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

import peewee as pw
from peewee import fn

from ..db.models import Delegation, Funding, Partner, Programme
from . import deadlines
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


def _programme_rows(query: pw.ModelSelect) -> list[dict]:
    return [{"id": pid, "title": title, "end": end} for pid, title, end in query.tuples()]


def _due(kind: str, today: date) -> pw.ModelSelect:
    return Programme.select(Programme.id, Programme.title, Programme.end).where(
        deadlines.due(kind, today)
    )


def programmes_ending_soon(
    today: date, months: int = deadlines.WINDOW_MONTHS, limit: int | None = None
) -> list[dict]:
    """Programmes not finished whose end falls between today and ``months`` from now (a
    year-only end counts when its 31 December does; the earliest end first)."""
    if months != deadlines.WINDOW_MONTHS:
        raise ValueError("the dashboard's window is six months")
    query = _due(deadlines.ENDING_SOON, today).order_by(
        Programme.end, Programme.sort_key, Programme.id
    )
    return _programme_rows(query.limit(limit) if limit is not None else query)


def count_ending_soon(today: date) -> int:
    return _due(deadlines.ENDING_SOON, today).count()


def ongoing_past_end(today: date, limit: int | None = None) -> list[dict]:
    """Programmes still marked "ongoing" although their end date has passed (the earliest
    end first; ``limit``: only the first ones, see :func:`count_ongoing_past_end`)."""
    query = _due(deadlines.PAST_END, today).order_by(
        Programme.end, Programme.sort_key, Programme.id
    )
    return _programme_rows(query.limit(limit) if limit is not None else query)


def count_ongoing_past_end(today: date) -> int:
    return _due(deadlines.PAST_END, today).count()


@dataclass(frozen=True)
class Trip:
    """A delegation to come: its first day and how many days are left until it."""

    id: str
    title: str
    start: str
    end: str | None
    status: str
    days_left: int


def upcoming_delegations(today: date, limit: int | None = None) -> list[Trip]:
    """Delegations in preparation or confirmed whose first day (a full date) is today or
    later, the nearest first."""
    query = (
        Delegation.select(
            Delegation.id, Delegation.title, Delegation.start, Delegation.end, Delegation.status
        )
        .where(
            Delegation.status.in_(("preparation", "confirmed"))
            & (pw.fn.LENGTH(Delegation.start) == 10)
            & (Delegation.start >= today.isoformat())
        )
        .order_by(Delegation.start, Delegation.sort_key, Delegation.id)
    )
    if limit is not None:
        query = query.limit(limit)
    return [
        Trip(i, title, start, end, status, (date.fromisoformat(start) - today).days)
        for i, title, start, end, status in query.tuples()
    ]


def count_upcoming_delegations(today: date) -> int:
    return (
        Delegation.select()
        .where(
            Delegation.status.in_(("preparation", "confirmed"))
            & (pw.fn.LENGTH(Delegation.start) == 10)
            & (Delegation.start >= today.isoformat())
        )
        .count()
    )


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


@dataclass(frozen=True)
class Bar:
    """One bar of the funding chart: a year, or a period of years when there are many."""

    label: str
    first_year: int
    last_year: int
    amount: Decimal

    @property
    def watch(self) -> str:
        """The programmes list's ``watch`` filter for this bar ("funded:2015-2019")."""
        if self.first_year == self.last_year:
            return f"funded:{self.first_year}"
        return f"funded:{self.first_year}-{self.last_year}"


def funding_bars(by_year: dict[int, Decimal], most: int = 12) -> list[Bar]:
    """At most ``most`` bars: one per year, or years grouped into periods of equal length
    (2, 5, 10… years, starting on a multiple of it) so that a long history stays legible."""
    if not by_year:
        return []
    first, last = min(by_year), max(by_year)
    span = 1
    for span in (1, 2, 5, 10, 20, 25, 50, 100):
        if (last // span) - (first // span) + 1 <= most:
            break
    bars = []
    for start in range(first - first % span, last + 1, span):
        end = start + span - 1
        amount = sum((a for y, a in by_year.items() if start <= y <= end), Decimal(0))
        if span == 1:
            label = str(start)
        else:
            label = f"{max(start, first)}–{min(end, last)}"
        bars.append(Bar(label, max(start, first), min(end, last), amount))
    return bars


def map_points() -> list[dict]:
    query = Partner.select(
        Partner.id, Partner.name, Partner.kind, Partner.latitude, Partner.longitude
    ).where(Partner.latitude.is_null(False) & Partner.longitude.is_null(False))
    rows = query.model._meta.database.execute(query).fetchall()  # plain rows: ten thousand of them
    return [{"id": i, "name": n, "kind": k, "lat": lat, "lon": lon} for i, n, k, lat, lon in rows]


def home_point() -> dict:
    office = get_office()
    return {"name": office["name"], "lat": office["latitude"], "lon": office["longitude"]}
