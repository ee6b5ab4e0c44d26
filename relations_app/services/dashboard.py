"""What the home dashboard shows: counts, deadlines, anniversaries, funding per year, the map."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from peewee import fn

from ..models import Funding, Partner, Programme
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
    query = Partner.select(Partner.kind, fn.COUNT(Partner.id).alias("n")).group_by(Partner.kind)
    return {row.kind: row.n for row in query}


def _add_months(day: date, months: int) -> date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return date(year, month, min(day.day, 28))


def programmes_ending_soon(today: date, months: int = 6) -> list[dict]:
    """Programmes not finished whose end falls between today and ``months`` from now."""
    limit = _add_months(today, months)
    found = []
    unfinished = (Programme.status != "finished") | Programme.status.is_null()
    for p in Programme.select().where(Programme.end.is_null(False) & unfinished):
        try:
            end = partial_date_end(p.end)
        except ValueError:
            continue
        if today <= end <= limit:
            found.append({"id": p.id, "title": p.title, "end": p.end})
    return sorted(found, key=lambda r: r["end"])


def ongoing_past_end(today: date) -> list[dict]:
    """Programmes still marked "ongoing" although their end date has passed."""
    found = []
    for p in Programme.select().where((Programme.status == "ongoing") & Programme.end.is_null(False)):
        try:
            if partial_date_end(p.end) < today:
                found.append({"id": p.id, "title": p.title, "end": p.end})
        except ValueError:
            continue
    return sorted(found, key=lambda r: r["end"])


def anniversaries(today: date) -> list[Anniversary]:
    """Round-number anniversaries of first signatures, this year and next."""
    found = []
    for p in Partner.select().where(Partner.agreement_year.is_null(False)).order_by(Partner.sort_key):
        for year in (today.year, today.year + 1):
            years = year - p.agreement_year
            if years in ROUND_ANNIVERSARIES:
                found.append(Anniversary(p.id, p.name, year, years))
    return sorted(found, key=lambda a: (a.year, a.partner))


def funding_by_year() -> dict[int, Decimal]:
    query = (Funding.select(Funding.year, fn.SUM(Funding.amount).alias("cents"))
             .where(Funding.year.is_null(False)).group_by(Funding.year).order_by(Funding.year))
    return {row.year: (Decimal(row.cents) / 100).quantize(Decimal("0.01")) for row in query.objects()}


def map_points() -> list[dict]:
    query = Partner.select(Partner.id, Partner.name, Partner.kind, Partner.latitude, Partner.longitude).where(
        Partner.latitude.is_null(False) & Partner.longitude.is_null(False))
    return [{"id": p.id, "name": p.name, "kind": p.kind, "lat": p.latitude, "lon": p.longitude} for p in query]


def home_point() -> dict:
    office = get_office()
    return {"name": office["name"], "lat": office["latitude"], "lon": office["longitude"]}
