"""VTIMEZONE definitions that Outlook reads as well as Thunderbird, from the IANA database.

Why not icalendar's own ``add_missing_timezones``: it lists every clock change since 1970
as RDATE values, which RFC 5545 allows but Outlook misreads (events an hour off).  Here a
zone whose clocks change on a yearly rule ("second Sunday of March at 02:00") is written
with that rule (RRULE), the form Outlook and Google Calendar themselves write; a zone
without clock changes gets one STANDARD part.  Only a zone whose changes follow no yearly
weekday rule over the years used falls back to icalendar's RDATE form, limited to those
years.
"""

from __future__ import annotations

import calendar as _calendar
import datetime as dt
import zoneinfo
from collections.abc import Iterable
from dataclasses import dataclass

import icalendar

WEEKDAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
UTC = dt.UTC


@dataclass(frozen=True)
class Change:
    """One clock change: local wall time it happens at (in the old offset), old and new."""

    local: dt.datetime  # naive
    before: dt.timedelta
    after: dt.timedelta
    daylight: bool  # summer time after the change
    name: str  # the abbreviation after the change ("EDT")


def _offset(zone: zoneinfo.ZoneInfo, instant: dt.datetime) -> dt.timedelta:
    return instant.astimezone(zone).utcoffset() or dt.timedelta(0)


def changes_in(zone: zoneinfo.ZoneInfo, year: int) -> list[Change]:
    """The clock changes of ``zone`` during ``year`` (day by day, then to the minute)."""
    found = []
    day = dt.datetime(year, 1, 1, tzinfo=UTC)
    end = dt.datetime(year + 1, 1, 1, tzinfo=UTC)
    previous = _offset(zone, day)
    while day < end:
        following = day + dt.timedelta(days=1)
        offset = _offset(zone, following)
        if offset != previous:
            low, high = day, following  # the change happens in (low, high]
            while high - low > dt.timedelta(minutes=1):
                middle = low + (high - low) / 2
                if _offset(zone, middle) == previous:
                    low = middle
                else:
                    high = middle
            high = high.replace(second=0, microsecond=0)
            after = high.astimezone(zone)
            found.append(
                Change(
                    (high + previous).replace(tzinfo=None),
                    previous,
                    offset,
                    bool(after.dst()),
                    after.tzname() or "",
                )
            )
            previous = offset
        day = following
    return found


def _ordinal(day: dt.date) -> tuple[int, bool]:
    """Which weekday of its month ``day`` is (1–5), and whether it is the month's last."""
    last = _calendar.monthrange(day.year, day.month)[1]
    return (day.day - 1) // 7 + 1, day.day + 7 > last


def _rule(changes: list[Change]) -> tuple[int, int, str] | None:
    """(month, weekday, BYDAY) shared by the same change in consecutive years, or None."""
    months = {c.local.month for c in changes}
    weekdays = {c.local.weekday() for c in changes}
    times = {c.local.time() for c in changes}
    if len(months) != 1 or len(weekdays) != 1 or len(times) != 1:
        return None
    ordinals = [_ordinal(c.local.date()) for c in changes]
    weekday = weekdays.pop()
    if all(last for _n, last in ordinals):
        by_day = f"-1{WEEKDAY_CODES[weekday]}"
    elif len({n for n, _last in ordinals}) == 1:
        by_day = f"{ordinals[0][0]}{WEEKDAY_CODES[weekday]}"
    else:
        return None
    return months.pop(), weekday, by_day


def _first_instance(year: int, month: int, weekday: int, by_day: str, at: dt.time) -> dt.datetime:
    """The day ``by_day`` ("2SU", "-1SU") of ``month`` in ``year``, at ``at``."""
    days = [
        d
        for d in _calendar.Calendar().itermonthdates(year, month)
        if d.month == month and d.weekday() == weekday
    ]
    ordinal = int(by_day[:-2])
    return dt.datetime.combine(days[ordinal - 1] if ordinal > 0 else days[-1], at)


def vtimezone(tzid: str, first_year: int, last_year: int) -> icalendar.Timezone:
    """The VTIMEZONE of IANA zone ``tzid`` for events from ``first_year`` to ``last_year``."""
    zone = zoneinfo.ZoneInfo(tzid)
    # Seven years at least: every weekday ordinal a rule may give occurs among them.
    years = range(first_year - 1, max(last_year, first_year + 5) + 1)
    per_year = [changes_in(zone, year) for year in years]
    timezone = icalendar.Timezone()
    timezone.add("tzid", tzid)
    if not any(per_year):
        offset = _offset(zone, dt.datetime(first_year, 7, 1, tzinfo=UTC))
        part = icalendar.TimezoneStandard()
        part.add("dtstart", dt.datetime(1970, 1, 1))
        part.add("tzoffsetfrom", offset)
        part.add("tzoffsetto", offset)
        part.add("tzname", dt.datetime(first_year, 7, 1, tzinfo=UTC).astimezone(zone).tzname())
        timezone.add_component(part)
        return timezone
    if {len(c) for c in per_year} != {2}:
        return _fallback(tzid, first_year, last_year)
    for index in range(2):
        same = [c[index] for c in per_year]
        rule = _rule(same)
        if rule is None or len({(c.before, c.after, c.daylight) for c in same}) != 1:
            return _fallback(tzid, first_year, last_year)
        month, weekday, by_day = rule
        change = same[0]
        part = icalendar.TimezoneDaylight() if change.daylight else icalendar.TimezoneStandard()
        part.add(
            "dtstart", _first_instance(first_year - 1, month, weekday, by_day, change.local.time())
        )
        part.add("rrule", {"freq": "yearly", "bymonth": month, "byday": by_day})
        part.add("tzoffsetfrom", change.before)
        part.add("tzoffsetto", change.after)
        part.add("tzname", change.name)
        timezone.add_component(part)
    return timezone


def _fallback(tzid: str, first_year: int, last_year: int) -> icalendar.Timezone:
    return icalendar.Timezone.from_tzid(
        tzid, first_date=dt.date(first_year - 1, 1, 1), last_date=dt.date(last_year + 2, 1, 1)
    )


def _zoned_years(calendar: icalendar.Calendar) -> dict[str, set[int]]:
    found: dict[str, set[int]] = {}
    for event in calendar.walk("VEVENT"):
        for key in ("DTSTART", "DTEND"):
            value = event.get(key)
            moment = getattr(value, "dt", None)
            tzid = value.params.get("TZID") if value is not None else None
            if tzid and isinstance(moment, dt.datetime):
                found.setdefault(str(tzid), set()).add(moment.year)
    return found


def add_timezones(calendar: icalendar.Calendar, skip: Iterable[str] = ()) -> None:
    """Add a VTIMEZONE for every TZID the calendar's events use (placed before them)."""
    known = {str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")} | set(skip)
    parts = [
        vtimezone(tzid, min(years), max(years))
        for tzid, years in sorted(_zoned_years(calendar).items())
        if tzid not in known
    ]
    calendar.subcomponents[0:0] = parts
