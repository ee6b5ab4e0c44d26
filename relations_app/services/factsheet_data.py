"""Everything a partner's fact sheet prints, read in one call (read-only).

Why a module of its own: the fact sheet needs a partner seen from several areas at once
(its programmes with their funding, the people on its side and at the French embassy, the
consulate of its country, its latest events).  Gathering that here, through the areas'
own read functions, keeps the PDF code free of queries and gives the window the same
view should it want one.  Nothing here writes.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from ..countries import country_name
from ..text import partial_date_end
from . import consulates, contacts, events, office, organisations, partners, posts, programmes

MAX_EVENTS = 8

#: Order of programmes on the sheet: current ones first, then the finished ones.
_STATUS_RANK = {"ongoing": 0, "planned": 1, None: 2, "finished": 3}


def _ended(value: str | None, today: date) -> bool:
    if not value:
        return False
    try:
        return partial_date_end(value) < today
    except ValueError:
        return False


def _programme(programme_id: str, today: date) -> dict:
    record = programmes.get_programme(programme_id)
    status = record.get("status")
    ended = _ended(record.get("end"), today)
    return {
        "id": record["id"],
        "title": record["title"],
        "kind": record["kind"],
        "kind_label": programmes.KIND_LABELS.get(record["kind"], record["kind"]),
        "status": status,
        "status_label": programmes.STATUS_LABELS.get(status, status or ""),
        "start": record.get("start"),
        "end": record.get("end"),
        "current": status in ("ongoing", "planned") or (status is None and not ended),
        # "En cours" in the source although the end date is past: shown, not corrected.
        "overdue": status == "ongoing" and ended,
        "funding": [{**line, "programme": record["title"]} for line in record["funding"]],
        "funding_total_eur": record["funding_total_eur"],
        "description": record.get("description") or "",
    }


def _sorted_programmes(items: list[dict]) -> list[dict]:
    """Current first, then by status; the latest start first; undated last (stable sorts)."""
    items = sorted(items, key=lambda p: p["title"].casefold())
    items = sorted(items, key=lambda p: p.get("start") or "", reverse=True)
    return sorted(
        items,
        key=lambda p: (not p["current"], _STATUS_RANK.get(p["status"], 2), not p.get("start")),
    )


def _where(position: dict | None) -> dict:
    """Function and place (organisation or diplomatic post) of a position."""
    if not position:
        return {"function": "", "organisation": "", "post_id": None}
    place = ""
    if position.get("organisation_id"):
        organisation = organisations.get_organisation(position["organisation_id"])
        place = organisation["name"]
        if organisation.get("acronym") and organisation["acronym"] not in place:
            place += f" ({organisation['acronym']})"
    elif position.get("post_id"):  # the name only (get_post would read all its people and partners)
        place = posts.AREA.option_labels([position["post_id"]]).get(position["post_id"], "")
    return {
        "function": position.get("function") or "",
        "organisation": place,
        "post_id": position.get("post_id"),
    }


def person(contact_id: str, function: str | None = None) -> dict:
    """A contact as printed documents list people: name, function, where, how to reach."""
    record = contacts.get_contact(contact_id)
    current = _where(contacts.current_position(record.get("positions") or []))
    return {
        "id": record["id"],
        "name": f"{record.get('given_name') or ''} {record['family_name']}".strip(),
        "function": function if function is not None else current["function"],
        "organisation": current["organisation"],
        "post_id": current["post_id"],
        "email": record.get("email"),
        "phone": record.get("phone"),
    }


def _posts_of(partner: dict) -> list[dict]:
    result = []
    for summary in partner["posts"]:
        post = posts.get_post(summary["id"])
        people = [
            person(c["contact_id"], c["function"]) for c in post["contacts"] if not c.get("end")
        ]
        result.append(
            {
                "id": post["id"],
                "name": post["name"],
                "city": post.get("city"),
                "address": post.get("address") or "",
                "website": post.get("website"),
                "phone": post.get("phone") or "",
                "contacts": people,
            }
        )
    return result


def _event_order(event: dict) -> tuple[date, str]:
    """Newest first; a year or a month alone stands for its end ("2010" after "avril 2010")."""
    try:
        return partial_date_end(event["date"]), event["title"]
    except ValueError:
        return date.min, event["title"]


def relationship_events(partner: dict) -> list[dict]:
    """The partner's events of the relationship, newest first.

    An event of no particular kind ("other") dated before the relationship began (its
    first recorded year: relations, agreement) is the partner's own history ("Baie
    d'Halong inscrite au patrimoine mondial"), not the relationship's; a conference or a
    visit before the agreement is how the relationship started, and stays.
    """
    years = [y for y in (partner.get("relations_since"), partner.get("agreement_year")) if y]
    start = min(years) if years else None
    events = [
        e
        for e in partner["events"]
        if start is None or e.get("kind") != "other" or _event_order(e)[0].year >= int(start)
    ]
    return sorted(events, key=_event_order, reverse=True)


def _latest_events(partner: dict, limit: int) -> list[dict]:
    result = []
    for summary in relationship_events(partner)[:limit]:
        record = events.get_event(summary["id"])
        result.append(
            {
                "id": record["id"],
                "date": record["date"],
                "title": record["title"],
                "description": record.get("description") or "",
                "kind_label": events.KIND_LABELS.get(record["kind"], ""),
            }
        )
    return result


def factsheet_data(
    partner_id: str, *, today: date | None = None, max_events: int = MAX_EVENTS
) -> dict[str, Any]:
    """The partner record with what its fact sheet shows, as plain dicts.

    Keys added to :func:`partners.get_partner`'s record: ``country_name``,
    ``kind_label``, ``signing_side_label``, ``agreement_kind_label``, ``office``,
    ``programmes`` (current first, each with its ``funding`` lines), ``funding`` (every
    line, with its programme's title), ``partner_contacts`` (people on the partner's side),
    ``posts`` (the French posts in the partner's country with their current
    people), ``consulate`` (its country's honorary consulate at home, or None) and
    ``latest_events`` (the most recent first, with descriptions; ``events_total`` counts
    them all).
    """
    today = today or date.today()
    partner = partners.get_partner(partner_id)
    items = _sorted_programmes([_programme(p["id"], today) for p in partner["programmes"]])
    post_people = {c["contact_id"] for post in partner["posts"] for c in post["contacts"]}
    partner_side = [
        person
        for person in (person(c["id"]) for c in partner["contacts"])
        if person["id"] not in post_people and not person["post_id"]
    ]
    return {
        **partner,
        "country_name": country_name(partner["country"]),
        "kind_label": partners.KIND_LABELS.get(partner["kind"], partner["kind"]),
        "signing_side_label": partners.SIGNING_SIDE_LABELS.get(
            partner.get("signing_side") or "", ""
        ),
        "agreement_kind_label": partners.AGREEMENT_KIND_LABELS.get(
            partner.get("agreement_kind") or "", ""
        ),
        "office": office.get_office(),
        "programmes": items,
        "funding": [line for p in items for line in p["funding"]],
        "partner_contacts": partner_side,
        "posts": _posts_of(partner),
        "consulate": consulates.consulate_for_country(partner["country"]),
        "latest_events": _latest_events(partner, max_events),
        "events_total": len(relationship_events(partner)),
    }
