"""VTIMEZONE definitions that Outlook, Thunderbird (ical.js) and khal read alike, from the
tz database of the running Python (:mod:`zoneinfo`).

Why not icalendar's own ``add_missing_timezones`` or ``Timezone.from_tzid``: they list
clock changes as one comma-separated RDATE, which Outlook misreads and ical.js reads as
its first value only, and their copy of the rules may lack recent changes (Morocco's).
Here a zone whose clocks change on a yearly rule ("second Sunday of March at 02:00") is
written with that rule (RRULE), the form Outlook and Google Calendar themselves write,
bounded by UNTIL where the rule changed within the years used; changes that follow no
rule are written as dates, one RDATE a line; a zone without clock changes gets one
STANDARD part.
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


#: How a group of clock changes is told apart: offsets before and after, summer time, name.
Kind = tuple[dt.timedelta, dt.timedelta, bool, str]


def _kind(change: Change) -> Kind:
    return change.before, change.after, change.daylight, change.name


def _runs(changes: list[Change]) -> list[list[Change]]:
    """``changes`` (one kind, in order) cut into runs of consecutive years that follow one
    yearly rule; a change that fits no rule with its neighbours is a run of its own."""
    runs: list[list[Change]] = []
    for change in changes:
        run = runs[-1] if runs else None
        if (
            run is not None
            and change.local.year == run[-1].local.year + 1
            and _rule([*run, change]) is not None
        ):
            run.append(change)
        else:
            runs.append([change])
    return runs


def _part(change: Change) -> icalendar.cal.Component:
    part = icalendar.TimezoneDaylight() if change.daylight else icalendar.TimezoneStandard()
    part.add("dtstart", change.local)  # the local time before the change (RFC 5545 3.6.5)
    part.add("tzoffsetfrom", change.before)
    part.add("tzoffsetto", change.after)
    if change.name:
        part.add("tzname", change.name)
    return part


def vtimezone(tzid: str, first_year: int, last_year: int) -> icalendar.Timezone:
    """The VTIMEZONE of IANA zone ``tzid`` for events from ``first_year`` to ``last_year``,
    written from the tz database (:mod:`zoneinfo`), not from a library's own copy.

    Each kind of change (same offsets, same name) is written as yearly rules where its
    dates follow one (RRULE, with UNTIL when a later rule replaces it: Europe/Paris's
    autumn change moved from September to October in 1996), and as dates otherwise
    (Africa/Casablanca's Ramadan changes): one RDATE property a line, since a
    comma-separated list is read as its first value only by some clients.
    """
    zone = zoneinfo.ZoneInfo(tzid)
    # Seven years at least: every weekday ordinal a rule may give occurs among them.
    last = max(last_year, first_year + 5) + 1
    changes = [c for year in range(first_year - 1, last + 1) for c in changes_in(zone, year)]
    timezone = icalendar.Timezone()
    timezone.add("tzid", tzid)
    if not changes:
        offset = _offset(zone, dt.datetime(first_year, 7, 1, tzinfo=UTC))
        part = icalendar.TimezoneStandard()
        part.add("dtstart", dt.datetime(1970, 1, 1))
        part.add("tzoffsetfrom", offset)
        part.add("tzoffsetto", offset)
        part.add("tzname", dt.datetime(first_year, 7, 1, tzinfo=UTC).astimezone(zone).tzname())
        timezone.add_component(part)
        return timezone
    kinds: dict[Kind, list[Change]] = {}
    for change in changes:
        kinds.setdefault(_kind(change), []).append(change)
    for same in kinds.values():
        singles: list[Change] = []
        for run in _runs(same):
            if len(run) < 2:
                singles += run
                continue
            month, _weekday, by_day = _rule(run) or (0, 0, "")
            rule: dict = {"freq": "yearly", "bymonth": month, "byday": by_day}
            if run[-1].local.year < last:  # replaced by another rule before the span ends
                rule["until"] = (run[-1].local - run[-1].before).replace(tzinfo=UTC)
            part = _part(run[0])
            part.add("rrule", rule)
            timezone.add_component(part)
        if singles:
            part = _part(singles[0])
            # One property a line, DTSTART's date included: ical.js ignores a DTSTART
            # that RDATEs follow (a repeated date counts once, RFC 5545 3.8.5.2).
            for change in singles:
                part.add("rdate", change.local)
            timezone.add_component(part)
    return timezone


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
