"""Which records belong to a calendar year, as SQL conditions on partial dates.

Dates are partial ISO text ("2019", "2019-05", "2019-05-31"); every form of a year sorts
from "YYYY" up to just before "YYYY+1", so "falls in the year" is a range of text that
an index can read, on SQLite and PostgreSQL alike.  A year-only end ("2018") counts in
its year.  The rules, which the activity report prints in its notes:

- a programme *started* in the year when its start falls in it, *ended* when its end does;
- it was *under way* when its dates overlap the year: a start on or before the year's
  end and an end on or after its beginning (no end: still going, unless it is marked
  finished, when only its start year counts), or when it has no start but ends that
  year, or when it received funding that year; a programme with no date and no funding
  that year is not placed in it;
- a partner was in relation that year when its link is still active and began by then
  (the earlier of ``relations_since`` and ``agreement_year``; neither known: counted);
- a delegation belongs to the year of its first day (its last day when it has none),
  unless it was cancelled; an event to the year of its date.
"""

from __future__ import annotations

import peewee as pw

from ..db.models import Delegation, Event, Funding, Partner, Programme


def _known(column: pw.Field) -> pw.Node:
    return column.is_null(False) & (column != "")


def _missing(column: pw.Field) -> pw.Node:
    return column.is_null() | (column == "")


def in_year(column: pw.Field, year: int) -> pw.Node:
    """``column`` (a partial date) falls within ``year``."""
    return (column >= f"{year:04d}") & (column < f"{year + 1:04d}")


def started(year: int) -> pw.Node:
    return _known(Programme.start) & in_year(Programme.start, year)


def ended(year: int) -> pw.Node:
    return _known(Programme.end) & in_year(Programme.end, year)


def funded(year: int) -> pw.Node:
    return Programme.id.in_(Funding.select(Funding.programme).where(Funding.year == year))


def under_way(year: int) -> pw.Node:
    """The programme was running during ``year`` (see the module's rules)."""
    begun = _known(Programme.start) & (Programme.start < f"{year + 1:04d}")
    open_ended = _missing(Programme.end) & (
        (Programme.status != "finished")
        | Programme.status.is_null()
        | (Programme.start >= f"{year:04d}")
    )
    not_over = open_ended | (_known(Programme.end) & (Programme.end >= f"{year:04d}"))
    return (begun & not_over) | (_missing(Programme.start) & ended(year)) | funded(year)


def partner_in_relation(year: int) -> pw.Node:
    """The partner's link is active and began by ``year`` (or its beginning is unknown)."""
    since = Partner.relations_since.is_null(False) & (Partner.relations_since <= year)
    signed = Partner.agreement_year.is_null(False) & (Partner.agreement_year <= year)
    unknown = Partner.relations_since.is_null() & Partner.agreement_year.is_null()
    return (Partner.active == True) & (since | signed | unknown)  # noqa: E712 (SQL)


def delegation_in_year(year: int) -> pw.Node:
    dated = (_known(Delegation.start) & in_year(Delegation.start, year)) | (
        _missing(Delegation.start) & _known(Delegation.end) & in_year(Delegation.end, year)
    )
    return dated & (Delegation.status != "cancelled")


def event_in_year(year: int) -> pw.Node:
    return _known(Event.date) & in_year(Event.date, year)
