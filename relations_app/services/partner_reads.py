"""What a partner's page and fact sheet show of its programmes, people and posts, each
read in one statement.

Why apart from :mod:`.partners`: a partner's page is read in a dozen statements whatever
its links (issue 13: each one is a round trip to a server).  So its programmes come with
their funding lines, its contacts with their positions and the names of the places they
hold them, and the French posts of its country with their current people (the first
``limit`` of each, counted in SQL: a post may have thousands) — joins instead of one
query per table, and never one per row.
"""

from __future__ import annotations

import peewee as pw

from ..db import prepared
from ..db.models import (
    Contact,
    DiplomaticPost,
    Funding,
    Organisation,
    PartnerContact,
    Position,
    Programme,
    ProgrammePartner,
)

#: where a position is held, when at a diplomatic post (the post of the page is another)
PlacePost = DiplomaticPost.alias("place_post")
#: every position of a person listed at a post (the current one names where they work)
Held = Position.alias("held")

PLACE_COLUMNS = (
    Held.id,
    Held.function,
    Held.organisation,
    Held.post,
    Held.start,
    Held.end,
    Organisation.name,
    Organisation.acronym,
    PlacePost.name,
)


def _with_places(query: pw.ModelSelect, person: pw.Field) -> pw.ModelSelect:
    """``query`` joined with each position of ``person`` and the name of its place."""
    return (
        query.join_from(Contact, Held, pw.JOIN.LEFT_OUTER, on=(Held.contact == person))
        .join_from(
            Held, Organisation, pw.JOIN.LEFT_OUTER, on=(Organisation.id == Held.organisation)
        )
        .join_from(Held, PlacePost, pw.JOIN.LEFT_OUTER, on=(PlacePost.id == Held.post))
    )


def place_name(organisation: str | None, acronym: str | None, post: str | None) -> str:
    """ "Name (ACRONYM)" of an organisation, or the post's name."""
    if organisation is not None:
        return (
            f"{organisation} ({acronym})"
            if acronym and acronym not in organisation
            else organisation
        )
    return post or ""


def _position(row: tuple) -> dict | None:
    """A position with its place's name, from :data:`PLACE_COLUMNS` (None: no position)."""
    held_id, function, organisation_id, post_id, start, end, name, acronym, post = row
    if held_id is None:
        return None
    return {
        "function": function,
        "organisation_id": organisation_id,
        "post_id": post_id,
        "start": start,
        "end": end,
        "place": place_name(name, acronym, post) if organisation_id or post_id else "",
    }


def _programmes_query(partner_id: str) -> pw.ModelSelect:
    return (
        Programme.select(
            Programme.id,
            Programme.title,
            Programme.status,
            Programme.start,
            Programme.end,
            Programme.kind,
            Programme.description,
            Funding.id,
            Funding.funder,
            Funding.amount,
            Funding.water_amount,
            Funding.year,
        )
        .join(ProgrammePartner)
        .join_from(Programme, Funding, pw.JOIN.LEFT_OUTER, on=(Funding.programme == Programme.id))
        .where(ProgrammePartner.partner == partner_id)
        .order_by(
            Programme.start.desc(nulls="LAST"), Programme.title, Programme.id, Funding.position
        )
        .tuples()
    )


def programmes_of(partner_id: str) -> list[dict]:
    """The partner's programmes, latest start first, each with its funding lines."""
    query = prepared.run("partner programmes", _programmes_query, partner_id)
    found: dict[str, dict] = {}
    for (
        pid,
        title,
        status,
        start,
        end,
        kind,
        description,
        line,
        funder,
        amount,
        water,
        year,
    ) in query:
        programme = found.setdefault(
            pid,
            {
                "id": pid,
                "title": title,
                "status": status,
                "start": start,
                "end": end,
                "kind": kind,
                "description": description,
                "funding": [],
            },
        )
        if line is not None:
            programme["funding"].append(
                {
                    "funder": funder,
                    "amount_eur": str(amount),
                    "water_amount_eur": None if water is None else str(water),
                    "year": year,
                }
            )
    return list(found.values())


def _contacts_query(partner_id: str) -> pw.ModelSelect:
    query = _with_places(
        Contact.select(
            Contact.id,
            Contact.family_name,
            Contact.given_name,
            Contact.email,
            Contact.phone,
            *PLACE_COLUMNS,
        ).join(PartnerContact),
        Contact.id,
    )
    return (
        query.where(PartnerContact.partner == partner_id)
        .order_by(Contact.family_name, Contact.given_name, Contact.id, Held.position)
        .tuples()
    )


def contacts_of(partner_id: str) -> list[dict]:
    """The partner's contacts by name, each with its positions (``place`` named)."""
    found: dict[str, dict] = {}
    rows = prepared.run("partner contacts", _contacts_query, partner_id)
    for contact_id, family, given, email, phone, *place in rows:
        person = found.setdefault(
            contact_id,
            {
                "id": contact_id,
                "family_name": family,
                "given_name": given,
                "email": email,
                "phone": phone,
                "positions": [],
            },
        )
        if (position := _position(tuple(place))) is not None:
            person["positions"].append(position)
    return list(found.values())


def posts_of(country: str, limit: int | None = None) -> list[dict]:
    """The French posts in ``country`` by name, each with its current people (their
    ``contacts``: the first ``limit`` when given, with their names and positions) and how
    many it has in all (``contacts_total``)."""
    rows = prepared.run(
        ("country posts", limit is None), _posts_query, country, *([] if limit is None else [limit])
    )
    found: dict[str, dict] = {}
    people: dict[tuple[str, int], dict] = {}
    for row in rows:
        post_id, name, city, address, website, phone = row[:6]
        contact_id, function, ranked, total, given, family, email, contact_phone = row[6:14]
        post = found.setdefault(
            post_id,
            {
                "id": post_id,
                "name": name,
                "city": city,
                "address": address,
                "website": website,
                "phone": phone,
                "contacts": [],
                "contacts_total": total or 0,
            },
        )
        if contact_id is None:
            continue
        person = people.get((post_id, ranked))
        if person is None:  # its first row (one per position it holds)
            person = people[post_id, ranked] = {
                "contact_id": contact_id,
                "function": function,
                "given_name": given,
                "family_name": family,
                "email": email,
                "phone": contact_phone,
                "positions": [],
            }
            post["contacts"].append(person)
        if (position := _position(tuple(row[14:]))) is not None:
            person["positions"].append(position)
    return list(found.values())


def _posts_query(country: str, limit: int | None = None) -> pw.ModelSelect:
    rank = pw.fn.ROW_NUMBER().over(
        partition_by=[Position.post], order_by=[Position.position, Position.id]
    )
    current = (
        Position.select(
            Position.post.alias("post_id"),
            Position.contact.alias("contact_id"),
            Position.function.alias("function"),
            rank.alias("rank"),
            pw.fn.COUNT(Position.id).over(partition_by=[Position.post]).alias("total"),
        )
        .where(
            Position.post.in_(
                DiplomaticPost.select(DiplomaticPost.id).where(DiplomaticPost.country == country)
            )
            & Position.end.is_null()
        )
        .alias("current")
    )
    shown = current.c.post_id == DiplomaticPost.id
    if limit is not None:
        shown &= current.c.rank <= limit
    query = (
        DiplomaticPost.select(
            DiplomaticPost.id,
            DiplomaticPost.name,
            DiplomaticPost.city,
            DiplomaticPost.address,
            DiplomaticPost.website,
            DiplomaticPost.phone,
            current.c.contact_id,
            current.c.function,
            current.c.rank,
            current.c.total,
            Contact.given_name,
            Contact.family_name,
            Contact.email,
            Contact.phone,
            *PLACE_COLUMNS,
        )
        .join_from(DiplomaticPost, current, pw.JOIN.LEFT_OUTER, on=shown)
        .join_from(current, Contact, pw.JOIN.LEFT_OUTER, on=(Contact.id == current.c.contact_id))
    )
    query = (
        _with_places(query, Contact.id)
        .where(DiplomaticPost.country == country)
        .order_by(DiplomaticPost.sort_key, DiplomaticPost.id, current.c.rank, Held.position)
    )
    return query.tuples()
