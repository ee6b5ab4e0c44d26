"""French diplomatic posts abroad and their cooperation contacts."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..countries import country_name
from ..db.models import Contact, DiplomaticPost, Partner, Position
from ..records import declared as records
from ..text import search_blob
from ..validation import Field
from .base import Area
from .listing import Page, apply_search, apply_sort, fetch_page

FIELDS = (
    Field("name", "Nom", required=True),
    Field("country", "Pays", "country", required=True),
    Field("city", "Ville"),
    Field("address", "Adresse", "longtext"),
    Field("website", "Site web", "url"),
    Field("phone", "Standard téléphonique", "phone", default=""),
)

SORT_KEYS = {
    "name": (DiplomaticPost.sort_key,),
    "country": (DiplomaticPost.country, DiplomaticPost.sort_key),
}


class PostArea(Area):
    model = DiplomaticPost
    record_type = records.POSTS
    fields = FIELDS

    def search_text(self, c: Mapping[str, Any]) -> str:
        return search_blob(c["name"], c.get("city"), country_name(c["country"]), c["country"])


AREA = PostArea()


def _row(p: DiplomaticPost) -> dict:
    return {
        "id": p.id,
        "name": p.name,
        "country": p.country,
        "country_name": country_name(p.country),
        "city": p.city,
    }


def list_posts(
    search: str = "",
    *,
    country: str | None = None,
    sort: str = "name",
    descending: bool = False,
    offset: int = 0,
    limit: int | None = None,
    locate: str | None = None,
) -> Page:
    query = apply_search(DiplomaticPost.select(), DiplomaticPost, search)
    if country:
        query = query.where(DiplomaticPost.country == country)
    query = apply_sort(query, SORT_KEYS, sort, descending, DiplomaticPost.id)
    return fetch_page(query, offset, limit, _row, locate)


def get_post(post_id: str) -> dict:
    """The post with its people (current and past) and the partners of its country."""
    record = AREA.get(post_id)
    # what the page shows of each, not whole rows (a person's photo and texts, a
    # partner's presentation): a post may list hundreds, its country hundreds of partners
    people = (
        Position.select(
            Position.contact,
            Contact.given_name,
            Contact.family_name,
            Position.function,
            Contact.email,
            Position.start,
            Position.end,
        )
        .join(Contact)
        .where(Position.post == post_id)
        .order_by(Position.end.is_null(False), Position.position)
        .tuples()
    )
    record["contacts"] = [
        {
            "contact_id": contact_id,
            "name": f"{given} {family}".strip(),
            "function": function,
            "email": email,
            "start": start,
            "end": end,
        }
        for contact_id, given, family, function, email, start, end in people
    ]
    partners = (
        Partner.select(Partner.id, Partner.name)
        .where(Partner.country == record["country"])
        .order_by(Partner.name)
        .tuples()
    )
    record["partners"] = [{"id": i, "name": name} for i, name in partners]
    return record


def create_post(data: Mapping[str, Any]) -> dict:
    return AREA.create(data)
