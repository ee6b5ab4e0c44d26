"""Events, delegation agenda items and agreement anniversaries to iCalendar (RFC 5545).

- A partial date becomes an all-day event covering what it denotes: "2018-12-31" that day,
  "2019-05" the whole of May 2019, "2017" the whole year (DTEND is exclusive).
- An agenda item with a start time is a timed event in its own time zone (TZID, with the
  VTIMEZONE written by :mod:`.vtimezone` from the tz database), or the office's when it
  has none; without an end time it has none (a point in time).  Its summary starts with
  the item, its LOCATION gives the place and address, its STATUS is TENTATIVE while the
  delegation is in preparation.
- Anniversaries: round numbers of years (10, 20, 25, 30, 40, 50, 60, 70, 75, 80, 90, 100,
  then every 10 and 25) after a partner's ``agreement_year``, this year and next.  On the
  day of the partner's dated "signature" event of that year when there is one, else over
  the whole year.
- :func:`delegation_calendar_bytes` writes one delegation's agenda alone (the briefing's
  companion file).
- UIDs are stable, so that importing a newer export updates instead of duplicating:
  ``event-<id>``, ``agenda-<item uid>`` (stored with the item, see
  :func:`..services.delegations.agenda_stamps`, with its SEQUENCE and LAST-MODIFIED),
  ``anniversary-<partner id>-<year>``, all ``@relations-app``.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from collections.abc import Iterable, Iterator

import icalendar

from ..services import delegations, events, office, partners
from ..text import parse_partial_date
from .vtimezone import add_timezones

PRODID = "-//Relations//relations-app//FR"
UID_DOMAIN = "relations-app"
#: What a calendar export may hold; ``--what`` picks one, nothing picks all.
PARTS = {
    "events": "événements",
    "delegations": "programmes des délégations",
    "partners": "anniversaires des accords",
}

ANNIVERSARY_WORDING = {
    "twin_city": "du jumelage avec",
    "friendship_city": "de l'amitié avec",
    "decentralised_cooperation": "de la coopération avec",
}


def is_round_anniversary(years: int) -> bool:
    return years >= 10 and (years % 10 == 0 or years % 25 == 0)


def date_span(value: str) -> tuple[dt.date, dt.date]:
    """First day and the day after the last of a partial ISO date."""
    year, month, day = parse_partial_date(value)
    if month and day:
        start = dt.date(year, month, day)
        return start, start + dt.timedelta(days=1)
    if month:
        return dt.date(year, month, 1), dt.date(year + (month == 12), month % 12 + 1, 1)
    return dt.date(year, 1, 1), dt.date(year + 1, 1, 1)


def _event(uid: str, summary: str, stamp: dt.datetime) -> icalendar.Event:
    event = icalendar.Event()
    event.add("uid", f"{uid}@{UID_DOMAIN}")
    event.add("dtstamp", stamp)
    event.add("summary", summary)
    return event


def _all_day(event: icalendar.Event, value: str) -> icalendar.Event:
    start, end = date_span(value)
    event.add("dtstart", start)
    event.add("dtend", end)
    return event


def timeline_events(stamp: dt.datetime, search: str = "") -> Iterator[icalendar.Event]:
    names = {p["id"]: p["name"] for p in partners.list_partners().rows}
    for row in events.list_events(search or "").rows:
        record = events.get_event(row["id"])
        event = _all_day(_event(f"event-{row['id']}", row["title"], stamp), row["date"])
        lines = [record.get("description") or ""]
        if row.get("partner_id") in names:
            lines.append(f"Partenaire : {names[row['partner_id']]}")
        description = "\n".join(line for line in lines if line)
        if description:
            event.add("description", description)
        event.add("categories", [row["kind_label"]])
        yield event


#: A delegation's status as calendars know it (RFC 5545 STATUS of an event).
EVENT_STATUS = {
    "preparation": "TENTATIVE",
    "confirmed": "CONFIRMED",
    "done": "CONFIRMED",
    "cancelled": "CANCELLED",
}


def _one_line(text: str) -> str:
    return ", ".join(line.strip() for line in text.splitlines() if line.strip())


def delegation_events(
    record: dict, stamp: dt.datetime, default_zone: str
) -> Iterator[icalendar.Event]:
    """The agenda items of one delegation record, each in its own time zone.

    Each event is known by the item's stored UID (it follows the item wherever it moves in
    the agenda), with the item's SEQUENCE and LAST-MODIFIED, so that importing a newer file
    replaces exactly the events that changed.  An item without an end time has none (an
    event at a point in time), never an invented hour.
    """
    status = EVENT_STATUS.get(record.get("status") or "")
    for item in record["agenda"]:
        summary = f"{item['subject']} — {record['title']}"
        event = _event(f"agenda-{item['uid']}", summary, stamp)
        event.add("sequence", item.get("sequence") or 0)
        if item.get("modified"):
            modified = dt.datetime.strptime(item["modified"], "%Y-%m-%dT%H:%M:%SZ")
            event.add("last-modified", modified.replace(tzinfo=dt.UTC))
        if item.get("start_time") and parse_partial_date(item["date"])[2]:
            zone = zoneinfo.ZoneInfo(item.get("timezone") or default_zone)
            day = dt.date.fromisoformat(item["date"])
            start = dt.datetime.combine(day, dt.time.fromisoformat(item["start_time"]), zone)
            event.add("dtstart", start)
            if item.get("end_time"):
                end = dt.datetime.combine(day, dt.time.fromisoformat(item["end_time"]), zone)
                if end <= start:  # ends after midnight
                    end += dt.timedelta(days=1)
                event.add("dtend", end)
        else:
            _all_day(event, item["date"])
        where = [x for x in (item.get("place"), _one_line(item.get("address") or "")) if x]
        if where:
            event.add("location", ", ".join(dict.fromkeys(where)))
        if item.get("latitude") is not None and item.get("longitude") is not None:
            event.add("geo", (item["latitude"], item["longitude"]))
        lines = [
            item.get("aim") or "",
            f"Participants : {item['people']}" if item.get("people") else "",
            f"Délégation : {record['title']}",
        ]
        event.add("description", "\n".join(line for line in lines if line))
        if status:
            event.add("status", status)
        yield event


def _default_zone() -> str:
    return office.get_office().get("timezone") or "Europe/Paris"


def agenda_events(stamp: dt.datetime, search: str = "") -> Iterator[icalendar.Event]:
    default_zone = _default_zone()
    for row in delegations.list_delegations(search or "").rows:
        yield from delegation_events(delegations.get_delegation(row["id"]), stamp, default_zone)


def signature_days() -> dict[tuple[str, int], str]:
    """(partner id, year) -> the full date of a dated "signature" event."""
    days: dict[tuple[str, int], str] = {}
    for row in events.list_events(kind="signature").rows:
        year, _month, day = parse_partial_date(row["date"])
        if row.get("partner_id") and day:
            days.setdefault((row["partner_id"], year), row["date"])
    return days


def anniversary_events(
    stamp: dt.datetime, today: dt.date, search: str = ""
) -> Iterator[icalendar.Event]:
    days = signature_days()
    for row in partners.list_partners(search or "").rows:
        signed = row.get("agreement_year")
        if not signed:
            continue
        for year in (today.year, today.year + 1):
            count = year - signed
            if not is_round_anniversary(count):
                continue
            wording = ANNIVERSARY_WORDING.get(row["kind"], "du lien avec")
            summary = f"{count} ans {wording} {row['name']}"
            event = _event(f"anniversary-{row['id']}-{year}", summary, stamp)
            signature = days.get((row["id"], signed))
            _all_day(event, f"{year}{signature[4:]}" if signature else str(year))
            event.add("description", f"Accord signé en {signed}.")
            event.add("categories", ["Anniversaire"])
            yield event


def _calendar(name: str) -> icalendar.Calendar:
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")  # Outlook imports a published calendar as events
    calendar.add("x-wr-calname", name)
    return calendar


def delegation_calendar_bytes(
    delegation_id: str, *, now: dt.datetime | None = None
) -> tuple[bytes, int]:
    """The .ics file of one delegation's agenda (for Outlook, Thunderbird…), and its count.

    Timed items carry their time zone (TZID) with its VTIMEZONE definition, so each
    calendar shows them at the right hour in its own zone; UIDs are those of the full
    export, so importing both, or a newer file, updates instead of duplicating.
    """
    record = delegations.get_delegation(delegation_id)
    stamp = now or dt.datetime.now(dt.UTC)
    calendar = _calendar(record["title"])
    count = 0
    for event in delegation_events(record, stamp, _default_zone()):
        calendar.add_component(event)
        count += 1
    add_timezones(calendar)
    return calendar.to_ical(), count


def calendar_bytes(
    parts: Iterable[str] | None = None,
    *,
    search: str = "",
    today: dt.date | None = None,
    now: dt.datetime | None = None,
) -> tuple[bytes, int]:
    """The .ics file of the chosen ``parts`` (all of :data:`PARTS` by default), and its count."""
    chosen = set(parts or PARTS)
    stamp = now or dt.datetime.now(dt.UTC)
    today = today or stamp.date()
    calendar = _calendar("Relations internationales")
    count = 0
    generators = []
    if "events" in chosen:
        generators.append(timeline_events(stamp, search))
    if "delegations" in chosen:
        generators.append(agenda_events(stamp, search))
    if "partners" in chosen:
        generators.append(anniversary_events(stamp, today, search))
    for generator in generators:
        for event in generator:
            calendar.add_component(event)
            count += 1
    add_timezones(calendar)
    return calendar.to_ical(), count
