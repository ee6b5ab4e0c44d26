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
from ..db.models import Contact, Organisation, Position
from ..text import partial_date_end
from . import attachments, contacts, events, office, partners, posts, programmes
from .funding import funding_total
from .partner_reads import place_name

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


def _chunks(ids: list[str], size: int = 500):
    wanted = list(dict.fromkeys(i for i in ids if i))
    for start in range(0, len(wanted), size):
        yield wanted[start : start + size]


def _programme(record: dict, today: date) -> dict:
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
        "funding_total_eur": str(funding_total(record["funding"])),
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


def _places(positions: list[dict | None]) -> dict[tuple[str, str], str]:
    """How the places of ``positions`` are named, read in two queries whatever their number:
    ``("organisation", id)`` -> "Name (ACRONYM)", ``("post", id)`` -> the post's name."""
    organisation_ids = [p["organisation_id"] for p in positions if p and p.get("organisation_id")]
    post_ids = [p["post_id"] for p in positions if p and p.get("post_id")]
    names: dict[tuple[str, str], str] = {}
    for chunk in _chunks(organisation_ids):
        query = Organisation.select(Organisation.id, Organisation.name, Organisation.acronym)
        for organisation_id, name, acronym in query.where(Organisation.id.in_(chunk)).tuples():
            names["organisation", organisation_id] = place_name(name, acronym, None)
    for post_id, name in posts.AREA.option_labels(post_ids).items():
        names["post", post_id] = name
    return names


def _person_from(record: dict, function: str | None = None) -> dict:
    """A contact as printed documents list people, from its record whose ``positions``
    name their ``place``: the current position's function and place (``function``, when
    given, is the one to print instead)."""
    current = contacts.current_position(record["positions"]) or {}
    return {
        "id": record["id"],
        "name": f"{record.get('given_name') or ''} {record['family_name']}".strip(),
        "function": function if function is not None else current.get("function") or "",
        "organisation": current.get("place", "") if current else "",
        "post_id": current.get("post_id"),
        "email": record.get("email"),
        "phone": record.get("phone"),
    }


def people(contact_ids: list[str], functions: dict[str, str] | None = None) -> dict[str, dict]:
    """:func:`person` for many contacts at once (a bounded number of queries): id -> person."""
    records: dict[str, dict] = {}
    for chunk in _chunks(contact_ids):
        columns = (
            Contact.id,
            Contact.given_name,
            Contact.family_name,
            Contact.email,
            Contact.phone,
        )
        for row in Contact.select(*columns).where(Contact.id.in_(chunk)).dicts():
            records[row["id"]] = {**row, "positions": []}
        held = (
            Position.select(
                Position.contact,
                Position.function,
                Position.organisation,
                Position.post,
                Position.start,
                Position.end,
            )
            .where(Position.contact.in_(chunk))
            .order_by(Position.contact, Position.position)
            .tuples()
        )
        for contact_id, function, organisation_id, post_id, start, end in held:
            records[contact_id]["positions"].append(
                {
                    "function": function,
                    "organisation_id": organisation_id,
                    "post_id": post_id,
                    "start": start,
                    "end": end,
                }
            )
    current = [contacts.current_position(r["positions"]) for r in records.values()]
    places = _places(current)
    for position in current:
        if position:
            if position.get("organisation_id"):
                key = ("organisation", position["organisation_id"])
            else:
                key = ("post", position.get("post_id") or "")
            position["place"] = places.get(key, "")
    return {
        contact_id: _person_from(record, (functions or {}).get(contact_id))
        for contact_id, record in records.items()
    }


def person(contact_id: str, function: str | None = None) -> dict:
    """A contact as printed documents list people: name, function, where, how to reach."""
    found = people([contact_id], None if function is None else {contact_id: function})
    if contact_id not in found:
        contacts.get_contact(contact_id)  # raises the "n'existe pas" error
    return found[contact_id]


def _posts_of(partner: dict) -> list[dict]:
    """The French posts of the partner's country with the people :func:`partners.get_partner`
    read (the first of each when it was asked so) and how many there are
    (``contacts_total``)."""
    return [
        {
            "id": post["id"],
            "name": post["name"],
            "city": post.get("city"),
            "address": post.get("address") or "",
            "website": post.get("website"),
            "phone": post.get("phone") or "",
            "contacts": [
                _person_from({**c, "id": c["contact_id"]}, c["function"]) for c in post["contacts"]
            ],
            "contacts_total": post["contacts_total"],
        }
        for post in partner["posts"]
    ]


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


def timeline(partner: dict) -> list[dict]:
    """Every event of the partner (:func:`partners.get_partner`'s), newest first: the
    window's timeline, where each one can be edited, its own history included."""
    return sorted(partner["events"], key=_event_order, reverse=True)


def _latest_events(partner: dict, limit: int | None) -> list[dict]:
    dated = relationship_events(partner)
    chosen = dated if limit is None else dated[:limit]
    records = events.AREA.records_by_id([summary["id"] for summary in chosen])
    result = []
    for summary in chosen:
        record = records[summary["id"]]
        result.append(
            {
                "id": record["id"],
                "date": record["date"],
                "title": record["title"],
                "description": record.get("description") or "",
                "kind": record["kind"],
                "kind_label": events.KIND_LABELS.get(record["kind"], ""),
            }
        )
    return result


def factsheet_data(
    partner_id: str,
    *,
    today: date | None = None,
    max_events: int | None = MAX_EVENTS,
    partner: dict | None = None,
    max_post_people: int | None = None,
    agreements: bool = True,
) -> dict[str, Any]:
    """The partner record with what its fact sheet shows, as plain dicts.

    Keys added to :func:`partners.get_partner`'s record: ``country_name``,
    ``kind_label``, ``signing_side_label``, ``agreement_kind_label``, ``office``,
    ``programmes`` (current first, each with its ``funding`` lines), ``funding`` (every
    line, with its programme's title), ``partner_contacts`` (people on the partner's side),
    ``posts`` (the French posts in the partner's country with their current
    people), ``consulate`` (its country's honorary consulate at home, or None) and
    ``latest_events`` (the most recent first, with descriptions; ``events_total`` counts
    them all), ``agreements`` (its attached documents of category "accord": title, date,
    file name).  ``partner``: the
    record :func:`partners.get_partner` already returned (a page showing it reads it once);
    ``max_post_people``: the people listed at each post (all of them by default, as printed);
    ``agreements`` False: not read (the page shows them in its Documents).
    """
    today = today or date.today()
    if partner is None or partner.get("id") != partner_id:
        partner = partners.get_partner(partner_id, post_people=max_post_people)
    elif max_post_people is not None:  # read with more people than the page shows
        partner = {
            **partner,
            "posts": [{**p, "contacts": p["contacts"][:max_post_people]} for p in partner["posts"]],
        }
    items = _sorted_programmes([_programme(p, today) for p in partner["programmes"]])
    at_posts = {post["id"] for post in partner["posts"]}
    partner_side = [  # not the French posts' people (listed with their post)
        _person_from(c)
        for c in partner["contacts"]
        if not any(p["post_id"] in at_posts and p["end"] is None for p in c["positions"])
        and not (contacts.current_position(c["positions"]) or {}).get("post_id")
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
        "consulate": partner.get("consulate"),
        "latest_events": _latest_events(partner, max_events),
        "events_total": len(relationship_events(partner)),
        "agreements": (
            [
                {"title": a.title, "date": a.date, "file_name": a.file_name}
                for a in attachments.agreements_of(partner_id)
            ]
            if agreements
            else []
        ),
    }
