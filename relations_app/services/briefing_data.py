"""Everything a delegation briefing prints, read in one call (read-only).

Why a module of its own: the briefing sees a delegation together with each partner's fact
sheet (:func:`.factsheet_data.factsheet_data`), the points to raise with each partner, the
agenda in local and home time, and what a traveller needs on the spot (time difference on
the travel dates, currency, distance).  Gathering it here keeps the PDF code free of
queries and of date arithmetic.  Nothing here writes.

The *reference day* is the visit's first day when it is known (the start, else the first
agenda day), else the day of edition: open points are judged on it ("past its end date",
"ends this year or next", "anniversary this year or next").
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from .. import geo, localinfo
from ..countries import country_name
from ..text import clock_fr, format_partial_date_fr, partial_date_end
from ..travel_info import travel_info
from ..validation import display_phone
from . import delegations, office
from .briefing_people import biographies, contact_sheet
from .dashboard import round_anniversaries
from .factsheet_data import factsheet_data, person

MAX_EVENTS = 5


def travel_days(record: dict) -> tuple[date, date] | None:
    """First and last day of the visit: the dates, else the agenda's full dates."""
    first = delegations.first_day(record)
    if first is None:
        return None
    agenda = record.get("agenda") or ()
    days = [d for d in (delegations.full_date(item.get("date")) for item in agenda) if d]
    last = delegations.full_date(record.get("end")) or max(days, default=first)
    return first, max(first, last)


# -- members -------------------------------------------------------------------------------


def _member(item: dict) -> dict:
    """A member line, completed from the linked contact (e-mail, phone, missing fields)."""
    found = person(item["contact_id"]) if item.get("contact_id") else {}
    return {
        "name": item.get("name") or found.get("name") or "",
        "function": item.get("function") or found.get("function") or "",
        "organisation": item.get("organisation") or found.get("organisation") or "",
        "email": found.get("email"),
        "phone": found.get("phone"),
    }


# -- agenda --------------------------------------------------------------------------------


def _clock(moment: datetime) -> str:
    return clock_fr(moment.time())


def _agenda_item(item: dict, home_zone: str) -> dict:
    """The item with its times in words: local, UTC offset, and at home when different."""
    zone = item.get("timezone") or home_zone
    day = delegations.full_date(item["date"])
    result = {**item, "timezone": zone, "time": "", "utc": "", "home_time": "", "zone_name": ""}
    if not item.get("start_time") or day is None:
        return result
    start = datetime.combine(day, time.fromisoformat(item["start_time"]), ZoneInfo(zone))
    end = None
    if item.get("end_time"):
        end = datetime.combine(day, time.fromisoformat(item["end_time"]), ZoneInfo(zone))
        if end <= start:  # ends after midnight
            end += timedelta(days=1)
    result["time"] = _clock(start) + (f"\u00a0– {_clock(end)}" if end else "")
    result["utc"] = localinfo.format_utc_offset(start.utcoffset() or timedelta(0))
    result["zone_name"] = localinfo.zone_name(zone, start)
    home = [moment.astimezone(ZoneInfo(home_zone)) for moment in (start, end) if moment]
    if home[0].utcoffset() != start.utcoffset():
        text = "\u00a0– ".join(_clock(m) for m in home)
        if home[0].date() != day:
            text += f" ({localinfo.format_day_fr(home[0].date(), weekday=False).rsplit(' ', 1)[0]})"
        result["home_time"] = text
    return result


def agenda_days(agenda: list[dict], home_zone: str) -> list[dict]:
    """The agenda grouped by day, in date and time order.

    Each day: ``date``, ``label`` ("mardi 8 juin 2027", or "juin 2027" for a partial date),
    ``zones`` (the French names of the time zones its items use) and ``items``.
    """
    indexed = sorted(
        enumerate(agenda),
        key=lambda pair: (pair[1]["date"], pair[1].get("start_time") or "", pair[0]),
    )
    days: list[dict] = []
    for _index, item in indexed:
        if not days or days[-1]["date"] != item["date"]:
            day = delegations.full_date(item["date"])
            label = (
                localinfo.format_day_fr(day)
                if day
                else f"{format_partial_date_fr(item['date'])} (jour à préciser)"
            )
            days.append({"date": item["date"], "label": label, "zones": [], "items": []})
        entry = _agenda_item(item, home_zone)
        days[-1]["items"].append(entry)
        if entry["zone_name"] and entry["zone_name"] not in days[-1]["zones"]:
            days[-1]["zones"].append(entry["zone_name"])
    return days


# -- partners ------------------------------------------------------------------------------


def open_points(partner: dict, reference: date) -> list[str]:
    """What to raise with a partner, in French: programmes past their end date still
    "ongoing", programmes ending this year or next, round anniversaries coming."""
    points = []
    for item in partner["programmes"]:
        ended = bool(item["end"]) and partial_date_end(item["end"]) < reference
        if item["status"] == "ongoing" and ended:
            points.append(
                f"{item['title']} : toujours « en cours » dans les fiches alors que sa "
                f"date de fin ({format_partial_date_fr(item['end'])}) est passée — "
                "bilan, clôture ou prolongation à acter."
            )
    for item in partner["programmes"]:
        if item["status"] == "finished" or not item["end"]:
            continue
        end = partial_date_end(item["end"])
        if reference <= end and end.year <= reference.year + 1:
            points.append(
                f"{item['title']} : se termine le "
                f"{format_partial_date_fr(end.isoformat())} — renouvellement de la "
                "convention ou projet suivant à préparer."
            )
    signed = partner.get("agreement_year")
    if signed:
        kind = partner.get("agreement_kind_label") or "accord"
        derived = (
            f", {partner['agreement_year_note']}" if partner.get("agreement_year_note") else ""
        )
        for year, years in round_anniversaries(signed, (reference.year, reference.year + 1)):
            points.append(
                f"{years} ans en {year} de la première signature "
                f"({kind.lower()}, {signed}{derived}) — anniversaire à préparer."
            )
    return points


def _briefing_status(programme: dict) -> str:
    """The status a briefing prints: never "en cours" once the end date is past, whatever
    the source's status says (the source's word is quoted, not repeated)."""
    if programme["overdue"]:
        return (
            f"terminé le {format_partial_date_fr(programme['end'])} "
            "(la fiche source l'indique encore « en cours »)"
        )
    return programme["status_label"]


def _practical(partner: dict, home: dict, days: tuple[date, date] | None, today: date) -> dict:
    """Time zone and difference on the travel dates, currency, distance from home."""
    info: dict[str, Any] = {"name": partner["name"], "country": partner["country_name"]}
    zone, home_zone = partner.get("timezone"), home.get("timezone")
    if zone:
        first, last = days or (today, today)
        info["zone_name"] = localinfo.zone_name(
            zone, datetime.combine(first, time(12), ZoneInfo("UTC"))
        )
        if home_zone:
            info["time_difference"] = (
                geo.describe_time_difference_during(zone, home_zone, first, last)
                if days
                else geo.describe_time_difference(zone, home_zone, today)
            )
            spans = geo.time_difference_spans(zone, home_zone, first, last)
            if len(spans) == 1:  # "quand il est midi à Brest, il est 6 h à Rimouski"
                there = datetime.combine(first, time(12)) + spans[0][2]
                info["noon_at_home"] = f"{there.hour}\u00a0h" + (
                    f"\u00a0{there.minute:02d}" if there.minute else ""
                )
    currency = localinfo.currency_of(partner.get("country"), (days or (today,))[0])
    if currency is not None:
        info["currency"] = currency.describe()
    travel = travel_info(partner.get("country"))
    if travel is not None:
        info["emergency"], info["plugs"] = travel.emergency, travel.plugs
    home_lat, home_lon = home.get("latitude"), home.get("longitude")
    lat, lon = partner.get("latitude"), partner.get("longitude")
    if home_lat is not None and home_lon is not None and lat is not None and lon is not None:
        info["distance_km"] = geo.distance_km(home_lat, home_lon, lat, lon)
    return info


# -- the whole --------------------------------------------------------------------------------


def briefing_data(delegation_id: str, *, today: date | None = None) -> dict[str, Any]:
    """The delegation record with what its briefing shows, as plain dicts.

    Keys added to :func:`delegations.get_delegation`'s record: ``office``,
    ``direction_label``, ``status_label``, ``confidentiality_text``, ``destination_text``,
    ``days`` (first and last day, or None), ``reference_day``, ``members`` (``home`` and
    ``partner`` lists completed from the contacts), ``agenda_days``, ``meetings`` (the
    agenda items with a brief), ``venues`` (:func:`venues`), ``biographies`` and
    ``contact_sheet`` (:mod:`.briefing_people`), ``distribution_list``, ``partners``
    (each a :func:`factsheet_data` record with ``open_points`` and
    ``current_programmes``) and ``practical`` (one entry per partner place, with its
    emergency numbers and plugs when the bundled data knows the country).
    """
    today = today or date.today()
    record = delegations.get_delegation(delegation_id)
    home = office.get_office()
    days = travel_days(record)
    reference = days[0] if days else today
    partners = []
    for partner_id in record["partner_ids"]:
        partner = factsheet_data(partner_id, today=reference, max_events=MAX_EVENTS)
        partner["open_points"] = open_points(partner, reference)
        partner["current_programmes"] = [
            {**p, "briefing_status": _briefing_status(p)}
            for p in partner["programmes"]
            if p["current"]
        ]
        partners.append(partner)
    destination = record.get("destination") or (
        ", ".join(f"{p['name']} ({p['country_name']})" for p in partners)
        if record["direction"] == "outgoing"
        else f"{home['name']} ({country_name(home['country'])})"
    )
    members = [(_member(m), m["side"]) for m in record["members"]]
    by_side = {
        "home": [member for member, side in members if side != "partner"],
        "partner": [member for member, side in members if side == "partner"],
    }
    agenda = agenda_days(record["agenda"], home.get("timezone") or "Europe/Paris")
    return {
        **record,
        "office": home,
        "direction_label": delegations.DIRECTION_LABELS.get(record["direction"], ""),
        "status_label": delegations.STATUS_LABELS.get(record["status"], ""),
        "confidentiality_text": (
            record.get("confidentiality")
            or home.get("confidentiality")  # the office's default (Préférences › Documents)
            or delegations.DEFAULT_CONFIDENTIALITY
        ),
        "destination_text": destination,
        "days": days,
        "reference_day": reference,
        "members": by_side,
        "hotel_phone_text": display_phone(record.get("hotel_phone"), home_region="ZZ"),
        "agenda_days": agenda,
        "meetings": [item for day in agenda for item in day["items"] if _is_meeting(item)],
        "venues": venues(record["agenda"]),
        "biographies": biographies(record["members"]),
        "contact_sheet": contact_sheet(record, by_side, partners, home),
        "distribution_list": [
            line.strip() for line in (record.get("distribution") or "").splitlines() if line.strip()
        ],
        "partners": partners,
        "practical": [_practical(p, home, days, today) for p in partners],
    }


#: What makes an agenda item a meeting with a brief of its own.
BRIEF_FIELDS = ("aim", "home_people", "background", "outcome")


def _is_meeting(item: dict) -> bool:
    return any(item.get(key) for key in BRIEF_FIELDS)


def venues(agenda: list[dict]) -> list[dict]:
    """The places of the agenda that have an address, once each, in agenda order:
    ``place``, ``address``, ``latitude``, ``longitude`` (None when not placed)."""
    found: dict[tuple[str, str], dict] = {}
    for item in agenda:
        address = (item.get("address") or "").strip()
        if not address:
            continue
        key = (item.get("place") or "", address)
        if key not in found or found[key]["latitude"] is None:
            found[key] = {
                "place": item.get("place") or "",
                "address": address,
                "latitude": item.get("latitude"),
                "longitude": item.get("longitude"),
            }
    return list(found.values())
