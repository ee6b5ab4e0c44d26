"""The office's year in figures: what the annual activity report prints (read-only).

Why one function: the report the office gives the council each year (PDF) and its
tables (XLSX) show the same figures, so both read :func:`activity_year`.  It runs a
fixed handful of queries whatever the size of the database (partners by kind, the
year's programmes, their partners, the year's funding lines, delegations, their
partners, events): nothing is read per row.  Which records belong to a year is said in
:mod:`.activity_periods`.  Amounts are ``Decimal`` euros.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

import peewee as pw

from ..countries import country_name
from ..db.models import (
    Delegation,
    DelegationPartner,
    Event,
    Funding,
    Partner,
    Programme,
    ProgrammePartner,
)
from ..text import fold
from . import activity_periods as periods
from . import apd, delegations, events, history_read, partners, programmes
from .office import get_office

ZERO = Decimal("0.00")
SEVERAL_COUNTRIES = "Plusieurs pays"
NO_COUNTRY = "Sans partenaire"

Progress = Callable[[int, int, str], None]


@dataclass
class ProgrammeYear:
    """A programme as the year saw it: its dates, its partners, its funding that year."""

    id: str
    title: str
    kind_label: str
    status: str | None
    start: str | None
    end: str | None
    started: bool
    ended: bool
    partner_ids: list[str] = field(default_factory=list)
    partner_names: list[str] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)  # codes, in the partners' order
    funding: list[tuple[str, Decimal]] = field(default_factory=list)  # (funder, amount)

    @property
    def funding_total(self) -> Decimal:
        return sum((amount for _funder, amount in self.funding), ZERO)

    @property
    def country_label(self) -> str:
        """The country its funding is counted under (see :func:`activity_year`)."""
        if not self.countries:
            return NO_COUNTRY
        if len(set(self.countries)) > 1:
            return SEVERAL_COUNTRIES
        return country_name(self.countries[0])


@dataclass
class Visit:
    id: str
    title: str
    direction: str  # "incoming" or "outgoing"
    start: str | None
    end: str | None
    destination: str
    partner_ids: list[str] = field(default_factory=list)


@dataclass
class YearEvent:
    id: str
    date: str
    title: str
    kind_label: str
    partner_id: str | None


@dataclass
class PartnerYear:
    """One partner's year: its programmes under way, its delegations, its events."""

    id: str
    name: str
    country: str
    kind_label: str
    programmes: list[ProgrammeYear] = field(default_factory=list)
    visits: list[Visit] = field(default_factory=list)
    events: list[YearEvent] = field(default_factory=list)


@dataclass
class ActivityYear:
    year: int
    office: dict
    partners_by_kind: list[tuple[str, int]]  # (label, count), in the kinds' order
    programmes: list[ProgrammeYear]  # under way that year, by title
    visits: list[Visit]
    events: list[YearEvent]
    funding_by_funder: list[tuple[str, Decimal]]  # largest first
    funding_by_country: list[tuple[str, Decimal]]  # largest first
    partner_years: list[PartnerYear]  # partners with something that year, by name
    data_changed: date | None = None  # the day of the database's last change (history)
    #: the APD declaration of the year in short (:func:`.apd.apd_summary`)
    apd: dict = field(default_factory=dict)

    @property
    def partners_total(self) -> int:
        return sum(count for _label, count in self.partners_by_kind)

    @property
    def started(self) -> list[ProgrammeYear]:
        return [p for p in self.programmes if p.started]

    @property
    def ended(self) -> list[ProgrammeYear]:
        return [p for p in self.programmes if p.ended]

    @property
    def incoming(self) -> list[Visit]:
        return [v for v in self.visits if v.direction == "incoming"]

    @property
    def outgoing(self) -> list[Visit]:
        return [v for v in self.visits if v.direction != "incoming"]

    @property
    def funding_total(self) -> Decimal:
        return sum((amount for _funder, amount in self.funding_by_funder), ZERO)

    @property
    def annex(self) -> list[ProgrammeYear]:
        """Every programme funded that year, by title: the report's annex table."""
        return [p for p in self.programmes if p.funding]

    @property
    def empty(self) -> bool:
        return not (self.programmes or self.visits or self.events)


def _partners_by_kind(year: int) -> list[tuple[str, int]]:
    query = (
        Partner.select(Partner.kind, pw.fn.COUNT(Partner.id))
        .where(periods.partner_in_relation(year))
        .group_by(Partner.kind)
    )
    counts: dict[str, int] = dict(query.tuples())
    order = list(partners.KINDS) + sorted(k for k in counts if k not in partners.KINDS)
    return [(str(partners.KIND_LABELS.get(k, k)), counts[k]) for k in order if counts.get(k)]


def _programmes(year: int) -> dict[str, ProgrammeYear]:
    columns = (Programme.id, Programme.title, Programme.kind, Programme.status)
    query = (
        Programme.select(*columns, Programme.start, Programme.end)
        .where(periods.under_way(year))
        .order_by(Programme.sort_key, Programme.id)
    )
    found: dict[str, ProgrammeYear] = {}
    for pid, title, kind, status, start, end in query.tuples():
        found[pid] = ProgrammeYear(
            pid,
            title,
            programmes.KIND_LABELS.get(kind, kind),
            status,
            start or None,
            end or None,
            started=bool(start) and start[:4] == f"{year:04d}",
            ended=bool(end) and end[:4] == f"{year:04d}",
        )
    return found


def _partner_rows(query: pw.ModelSelect) -> dict[str, tuple[str, str, str]]:
    return {pid: (name, country, kind) for pid, name, country, kind in query.tuples()}


def _link_programmes(year: int, found: dict[str, ProgrammeYear], names: dict) -> None:
    query = (
        ProgrammePartner.select(
            ProgrammePartner.programme, Partner.id, Partner.name, Partner.country, Partner.kind
        )
        .join(Partner)
        .where(
            ProgrammePartner.programme.in_(
                Programme.select(Programme.id).where(periods.under_way(year))
            )
        )
        .order_by(ProgrammePartner.programme, ProgrammePartner.position, Partner.sort_key)
    )
    for programme_id, pid, name, country, kind in query.tuples():
        item = found.get(programme_id)
        if item is None:
            continue
        item.partner_ids.append(pid)
        item.partner_names.append(name)
        item.countries.append(country)
        names[pid] = (name, country, kind)


def _funding(year: int, found: dict[str, ProgrammeYear]) -> None:
    query = (
        Funding.select(Funding.programme, Funding.funder, Funding.amount)
        .where(Funding.year == year)
        .order_by(Funding.programme, Funding.position, Funding.id)
    )
    for programme_id, funder, amount in query.tuples():
        item = found.get(programme_id)
        if item is not None:
            item.funding.append((funder, amount))


def _visits(year: int, names: dict) -> list[Visit]:
    columns = (Delegation.id, Delegation.title, Delegation.direction, Delegation.start)
    query = (
        Delegation.select(*columns, Delegation.end, Delegation.destination)
        .where(periods.delegation_in_year(year))
        .order_by(Delegation.start, Delegation.sort_key, Delegation.id)
    )
    found = {
        did: Visit(did, title, direction, start or None, end or None, destination or "")
        for did, title, direction, start, end, destination in query.tuples()
    }
    links = (
        DelegationPartner.select(
            DelegationPartner.delegation, Partner.id, Partner.name, Partner.country, Partner.kind
        )
        .join(Partner)
        .join_from(DelegationPartner, Delegation)
        .where(periods.delegation_in_year(year))
        .order_by(DelegationPartner.delegation, DelegationPartner.position)
    )
    for delegation_id, pid, name, country, kind in links.tuples():
        if delegation_id in found:
            found[delegation_id].partner_ids.append(pid)
            names[pid] = (name, country, kind)
    return list(found.values())


def _events(year: int, names: dict) -> list[YearEvent]:
    query = (
        Event.select(
            Event.id,
            Event.date,
            Event.title,
            Event.kind,
            Partner.id,
            Partner.name,
            Partner.country,
            Partner.kind,
        )
        .join(Partner, pw.JOIN.LEFT_OUTER)
        .where(periods.event_in_year(year))
        .order_by(Event.date, Event.sort_key, Event.id)
    )
    found = []
    for eid, day, title, kind, pid, name, country, partner_kind in query.tuples():
        found.append(YearEvent(eid, day, title, events.KIND_LABELS.get(kind, kind), pid))
        if pid:
            names[pid] = (name, country, partner_kind)
    return found


def _largest_first(sums: dict[str, Decimal]) -> list[tuple[str, Decimal]]:
    return sorted(sums.items(), key=lambda item: (-item[1], item[0]))


def _partner_years(
    programmes_: list[ProgrammeYear], visits: list[Visit], events_: list[YearEvent], names: dict
) -> list[PartnerYear]:
    years: dict[str, PartnerYear] = {}

    def of(pid: str) -> PartnerYear:
        if pid not in years:
            name, country, kind = names[pid]
            years[pid] = PartnerYear(pid, name, country, partners.KIND_LABELS.get(kind, kind))
        return years[pid]

    for programme in programmes_:
        for pid in dict.fromkeys(programme.partner_ids):
            of(pid).programmes.append(programme)
    for visit in visits:
        for pid in dict.fromkeys(visit.partner_ids):
            of(pid).visits.append(visit)
    for event in events_:
        if event.partner_id:
            of(event.partner_id).events.append(event)
    return sorted(years.values(), key=lambda p: (fold(p.name), p.id))


def _last_change() -> date | None:
    latest = history_read.latest_changes(1)
    return latest[0].at.astimezone().date() if latest else None


def activity_year(year: int, *, progress: Progress | None = None) -> ActivityYear:
    """Everything the activity report of ``year`` prints.

    Funding is the year's lines (``Funding.year``) of the programmes under way; by
    country, a programme's funding counts under its partners' country, under "Plusieurs
    pays" when they are in several, "Sans partenaire" when it has none, so that both
    breakdowns add up to the same total.  ``progress(done, total, text)`` is called
    between the reads.
    """
    steps = 6

    def step(done: int, text: str) -> None:
        if progress is not None:
            progress(done, steps, text)

    names: dict[str, tuple[str, str, str]] = {}
    step(0, "partenaires")
    by_kind = _partners_by_kind(year)
    step(1, "programmes")
    found = _programmes(year)
    _link_programmes(year, found, names)
    step(2, "financements")
    _funding(year, found)
    step(3, "délégations")
    visits = _visits(year, names)
    step(4, "événements")
    events_ = _events(year, names)
    step(5, "synthèse")
    by_funder: dict[str, Decimal] = defaultdict(lambda: ZERO)
    by_country: dict[str, Decimal] = defaultdict(lambda: ZERO)
    for programme in found.values():
        for funder, amount in programme.funding:
            by_funder[funder] += amount
            by_country[programme.country_label] += amount
    listed = list(found.values())
    result = ActivityYear(
        year=year,
        office=get_office(),
        partners_by_kind=by_kind,
        programmes=listed,
        visits=visits,
        events=events_,
        funding_by_funder=_largest_first(by_funder),
        funding_by_country=_largest_first(by_country),
        partner_years=_partner_years(listed, visits, events_, names),
        data_changed=_last_change(),
        apd=apd.apd_summary(year),
    )
    step(6, "")
    return result


def direction_label(direction: str) -> str:
    return delegations.DIRECTION_LABELS.get(direction, direction)
