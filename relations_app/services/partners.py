"""Partners: the foreign cities, provinces and states the home authority has a link with."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from ..countries import country_name
from ..db.models import (
    Consulate,
    Event,
    KeyFigure,
    Partner,
    PartnerTheme,
    Theme,
)
from ..records import declared as records
from ..text import search_blob
from ..validation import Field
from . import consulates, partner_reads
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


#: the people listed at each French post on a partner's page (the rest on the post's own)
PAGE_POST_PEOPLE = 8


def get_partner(partner_id: str, *, post_people: int | None = None) -> dict:
    """The partner with what a reader of its page needs: programmes (with their funding
    lines), events, contacts (with their positions), the French posts of its country (with
    their current people: the first ``post_people`` of each when given, and
    ``contacts_total``) and its country's consulate (``consulate``, ``consulate_id``)."""
    record = AREA.get(partner_id)
    record["programmes"] = partner_reads.programmes_of(partner_id)
    record["events"] = [
        {"id": e.id, "date": e.date, "title": e.title, "kind": e.kind}
        for e in Event.select(Event.id, Event.date, Event.title, Event.kind)
        .where(Event.partner == partner_id)
        .order_by(Event.date, Event.title)
    ]
    record["contacts"] = partner_reads.contacts_of(partner_id)
    record["posts"] = partner_reads.posts_of(record["country"], post_people)
    consulate = Consulate.get_or_none(Consulate.country == record["country"])
    record["consulate_id"] = consulate.id if consulate else None
    record["consulate"] = (
        {**consulates.AREA.scalar_record(consulate), "version": consulate.version}
        if consulate
        else None
    )
    return record


def get_partner_page(partner_id: str) -> dict:
    """:func:`get_partner` as its page shows it: the first people of each post."""
    return get_partner(partner_id, post_people=PAGE_POST_PEOPLE)


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
