"""Partners: the foreign cities, provinces and states the home authority has a link with."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from ..countries import country_name
from ..db.models import (
    Consulate,
    Contact,
    DiplomaticPost,
    Event,
    KeyFigure,
    Partner,
    PartnerContact,
    PartnerTheme,
    Position,
    Programme,
    ProgrammePartner,
    Theme,
)
from ..records import declared as records
from ..text import search_blob
from ..validation import Field
from .base import Area
from .listing import Page, apply_search, apply_sort, fetch_page
from .shapes import ListField, clean_text_list

KINDS = ("twin_city", "friendship_city", "decentralised_cooperation")
KIND_LABELS = {
    "twin_city": "Ville jumelle",
    "friendship_city": "Ville amie",
    "decentralised_cooperation": "Coopération décentralisée",
}
SIGNING_SIDES = ("city", "metropole")
SIGNING_SIDE_LABELS = {"city": "Ville de Brest", "metropole": "Brest métropole"}
AGREEMENT_KINDS = (
    "twinning_charter",
    "twinning",
    "friendship_protocol",
    "agreement_protocol",
    "convention",
    "partnership",
    "cooperation_agreement",
)
AGREEMENT_KIND_LABELS = {
    "twinning_charter": "Charte de jumelage",
    "twinning": "Jumelage",
    "friendship_protocol": "Protocole d'amitié",
    "agreement_protocol": "Protocole d'accord",
    "convention": "Convention",
    "partnership": "Partenariat",
    "cooperation_agreement": "Accord de coopération",
}

FIELDS = (
    Field("name", "Nom", required=True),
    Field("local_name", "Nom local"),
    Field("country", "Pays", "country", required=True),
    Field("region", "Région, État ou province"),
    Field("kind", "Type de lien", "choice", required=True, choices=KINDS),
    Field("signing_side", "Signataire", "choice", choices=SIGNING_SIDES),
    Field("agreement_kind", "Type d'accord", "choice", choices=AGREEMENT_KINDS),
    Field("agreement_year", "Année de première signature", "year"),
    # Set when the year is worked out, not stated: printed beside it as the reason.
    Field("agreement_year_note", "Année déduite de"),
    Field("relations_since", "Relations depuis", "year"),
    Field("population", "Population", "int", minimum=0),
    Field("population_year", "Année du recensement", "year"),
    Field("population_note", "Précision sur la population"),
    Field("website", "Site web", "url"),
    Field("website_note", "Site web : précision"),
    Field("counterpart", "Organisation partenaire"),
    Field("latitude", "Latitude", "lat"),
    Field("longitude", "Longitude", "lon"),
    Field("timezone", "Fuseau horaire", "timezone"),
    Field("summary", "Présentation", "longtext"),
    Field("history", "Historique de la relation", "longtext"),
    Field("active", "Lien actif", "bool", default=True),
    Field("notes", "Notes", "longtext"),
    Field("sources", "Sources", "longtext"),
)

KEY_FIGURES = ListField(
    "key_figures",
    "Chiffre clé",
    (
        Field("label", "Libellé", required=True),
        Field("value", "Valeur"),
        Field("year", "Année", "year"),
        Field("programme_id", "Programme"),
    ),
)

SORT_KEYS = {
    "name": (Partner.sort_key,),
    "country": (Partner.country, Partner.sort_key),
    "kind": (Partner.kind, Partner.sort_key),
    "agreement_year": (Partner.agreement_year, Partner.sort_key),
    "population": (Partner.population, Partner.sort_key),
}


class PartnerArea(Area):
    model = Partner
    record_type = records.PARTNERS
    fields = FIELDS
    lists = (KEY_FIGURES,)

    def validate_extra(self, data: Mapping[str, Any]) -> dict:
        cleaned = super().validate_extra(data)
        cleaned["aliases"] = clean_text_list("aliases", "Autres graphies", data.get("aliases"))
        cleaned["themes"] = clean_text_list("themes", "Thèmes", data.get("themes"))
        return cleaned

    def to_record(self, p: Partner) -> dict:
        themes = [
            t.name
            for t in Theme.select(Theme.name)
            .join(PartnerTheme)
            .where(PartnerTheme.partner == p.id)
            .order_by(PartnerTheme.position)
        ]
        return self._record(p, themes, p.key_figures.order_by(KeyFigure.position))

    def records_for(self, instances) -> list[dict]:
        ids = [p.id for p in instances]
        themes: dict[str, list] = {i: [] for i in ids}
        figures: dict[str, list] = {i: [] for i in ids}
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            query = (
                PartnerTheme.select(PartnerTheme.partner, Theme.name)
                .join(Theme)
                .where(PartnerTheme.partner.in_(chunk))
                .order_by(PartnerTheme.partner, PartnerTheme.position)
            )
            for partner_id, name in query.tuples():
                themes[partner_id].append(name)
            for k in (
                KeyFigure.select()
                .where(KeyFigure.partner.in_(chunk))
                .order_by(KeyFigure.partner, KeyFigure.position)
            ):
                figures[k.partner_id].append(k)
        return [self._record(p, themes[p.id], figures[p.id]) for p in instances]

    def _record(self, p: Partner, themes: list[str], figures) -> dict:
        record = self.scalar_record(p)
        record["aliases"] = [a for a in p.aliases.split("\n") if a]
        record["themes"] = themes
        record["key_figures"] = [
            {"label": k.label, "value": k.value, "year": k.year, "programme_id": k.programme_id}
            for k in figures
        ]
        return record

    def search_text(self, c: Mapping[str, Any]) -> str:
        return search_blob(
            c["name"],
            c.get("local_name"),
            *c.get("aliases", ()),
            c.get("region"),
            country_name(c["country"]),
            c["country"],
        )

    def row_values(self, cleaned: Mapping[str, Any]) -> dict:
        return {**super().row_values(cleaned), "aliases": "\n".join(cleaned.get("aliases", ()))}

    link_tables = ((PartnerTheme, "partner"), (KeyFigure, "partner"))

    def link_rows(
        self, record_id: str, cleaned: Mapping[str, Any], cache: dict
    ) -> Iterator[tuple[type, dict]]:
        themes: dict[str, int] = cache.setdefault("themes", {})  # name -> id, made when missing
        for position, name in enumerate(cleaned.get("themes", ())):
            if name not in themes:
                themes[name] = Theme.get_or_create(name=name)[0].id
            yield PartnerTheme, {"partner": record_id, "theme": themes[name], "position": position}
        for position, figure in enumerate(cleaned.get("key_figures", ())):
            yield (
                KeyFigure,
                {
                    "partner": record_id,
                    "programme": figure.get("programme_id") or None,
                    "label": figure["label"],
                    "value": figure.get("value") or "",
                    "year": figure.get("year"),
                    "position": position,
                },
            )


AREA = PartnerArea()


LIST_COLUMNS = (
    Partner.id,
    Partner.name,
    Partner.local_name,
    Partner.country,
    Partner.kind,
    Partner.agreement_year,
    Partner.population,
    Partner.active,
)


def _row(p: Partner) -> dict:
    return {
        "id": p.id,
        "name": p.name,
        "local_name": p.local_name,
        "country": p.country,
        "country_name": country_name(p.country),
        "kind": p.kind,
        "kind_label": KIND_LABELS.get(p.kind, p.kind),
        "agreement_year": p.agreement_year,
        "population": p.population,
        "active": p.active,
    }


def list_partners(
    search: str = "",
    *,
    kind: str | None = None,
    country: str | None = None,
    active: bool | None = None,
    theme: str | None = None,
    sort: str = "name",
    descending: bool = False,
    offset: int = 0,
    limit: int | None = None,
    locate: str | None = None,
) -> Page:
    """Partners matching every filter, sorted and paged in SQL."""
    query = Partner.select(*LIST_COLUMNS)  # what a row shows: not the long texts
    query = apply_search(query, Partner, search)
    if kind:
        query = query.where(Partner.kind == kind)
    if country:
        query = query.where(Partner.country == country)
    if active is not None:
        query = query.where(Partner.active == active)
    if theme:
        query = query.where(
            Partner.id.in_(
                PartnerTheme.select(PartnerTheme.partner).join(Theme).where(Theme.name == theme)
            )
        )
    query = apply_sort(query, SORT_KEYS, sort, descending, Partner.id)
    return fetch_page(query, offset, limit, _row, locate)


def get_partner(partner_id: str) -> dict:
    """The partner with what a reader of its page needs: programmes, contacts, post, consulate."""
    record = AREA.get(partner_id)
    record["programmes"] = [
        {"id": pr.id, "title": pr.title, "status": pr.status, "start": pr.start, "end": pr.end}
        for pr in Programme.select()
        .join(ProgrammePartner)
        .where(ProgrammePartner.partner == partner_id)
        .order_by(Programme.start.desc(nulls="LAST"), Programme.title)
    ]
    record["events"] = [
        {"id": e.id, "date": e.date, "title": e.title, "kind": e.kind}
        for e in Event.select().where(Event.partner == partner_id).order_by(Event.date, Event.title)
    ]
    record["contacts"] = [
        {"id": c.id, "family_name": c.family_name, "given_name": c.given_name, "email": c.email}
        for c in Contact.select()
        .join(PartnerContact)
        .where(PartnerContact.partner == partner_id)
        .order_by(Contact.family_name, Contact.given_name)
    ]
    found_posts = list(DiplomaticPost.select().where(DiplomaticPost.country == record["country"]))
    people_at: dict[str, list[dict]] = {post.id: [] for post in found_posts}
    if found_posts:  # one query for every post's people (a country may have many posts)
        held = (  # tuples: a post may have a thousand people, models cost
            Position.select(Position.post, Position.contact, Position.function)
            .where(Position.post.in_(list(people_at)) & Position.end.is_null())
            .order_by(Position.post, Position.position)
            .tuples()
        )
        for post_id, contact_id, function in held:
            people_at[post_id].append({"contact_id": contact_id, "function": function})
    record["posts"] = [
        {
            "id": post.id,
            "name": post.name,
            **{f: getattr(post, f) for f in ("city", "address", "website", "phone")},
            "contacts": people_at[post.id],
        }
        for post in found_posts
    ]
    consulate = Consulate.get_or_none(Consulate.country == record["country"])
    record["consulate_id"] = consulate.id if consulate else None
    return record


def create_partner(data: Mapping[str, Any]) -> dict:
    return AREA.create(data)


def update_partner(
    partner_id: str, changes: Mapping[str, Any], expected_version: int | None = None
) -> dict:
    return AREA.update(partner_id, changes, expected_version)


def delete_partner(partner_id: str, expected_version: int | None = None) -> dict:
    return AREA.delete(partner_id, expected_version)


def countries_in_use() -> list[str]:
    """The countries that have partners (read from the country index, not the rows)."""
    query = Partner.select(Partner.country).distinct().order_by(Partner.country)
    return [code for (code,) in query.tuples()]


def all_themes() -> list[str]:
    return [t.name for t in Theme.select(Theme.name).order_by(Theme.name)]
