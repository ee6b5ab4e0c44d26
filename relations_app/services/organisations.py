"""Organisations on either side: technopoles, universities, ministries, companies…"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from ..countries import country_name
from ..db.models import Organisation, PartnerOrganisation
from ..records import declared as records
from ..text import search_blob
from ..validation import Field
from .base import Area
from .listing import Page, apply_search, apply_sort, fetch_page

KINDS = (
    "local_authority",
    "technopole",
    "university",
    "research",
    "ministry",
    "agency",
    "company",
    "association",
    "network",
    "cluster",
    "school",
    "other",
)
KIND_LABELS = {
    "local_authority": "Collectivité",
    "technopole": "Technopole",
    "university": "Université",
    "research": "Recherche",
    "ministry": "Ministère, gouvernement",
    "agency": "Agence",
    "company": "Entreprise",
    "association": "Association",
    "network": "Réseau",
    "cluster": "Pôle, cluster",
    "school": "Établissement scolaire",
    "other": "Autre",
}

FIELDS = (
    Field("name", "Nom", required=True),
    Field("acronym", "Sigle"),
    Field("kind", "Type", "choice", choices=KINDS, default="other"),
    Field("country", "Pays", "country"),
    Field("city", "Ville"),
    Field("website", "Site web", "url"),
    Field("description", "Description", "longtext"),
)

SORT_KEYS = {
    "name": (Organisation.sort_key,),
    "kind": (Organisation.kind, Organisation.sort_key),
    "country": (Organisation.country, Organisation.sort_key),
}


class OrganisationArea(Area):
    model = Organisation
    plain_links = True
    record_type = records.ORGANISATIONS
    fields = FIELDS

    def to_record(self, o: Organisation) -> dict:
        record = self.scalar_record(o)
        record["partner_ids"] = sorted(link.partner_id for link in o.partner_links)
        return record

    def records_for(self, instances) -> list[dict]:
        links: dict[str, list] = {o.id: [] for o in instances}
        ids = list(links)
        for start in range(0, len(ids), 500):
            query = PartnerOrganisation.select().where(
                PartnerOrganisation.organisation.in_(ids[start : start + 500])
            )
            for link in query:
                links[link.organisation_id].append(link.partner_id)
        return [{**self.scalar_record(o), "partner_ids": sorted(links[o.id])} for o in instances]

    def search_text(self, c: Mapping[str, Any]) -> str:
        return search_blob(
            c["name"], c.get("acronym"), c.get("city"), country_name(c.get("country"))
        )

    link_tables = ((PartnerOrganisation, "organisation"),)

    def link_rows(
        self, record_id: str, c: Mapping[str, Any], cache: dict
    ) -> Iterator[tuple[type, dict]]:
        for partner_id in c.get("partner_ids", ()):
            yield PartnerOrganisation, {"organisation": record_id, "partner": partner_id}


AREA = OrganisationArea()


def _row(o: Organisation) -> dict:
    return {
        "id": o.id,
        "name": o.name,
        "acronym": o.acronym,
        "kind": o.kind,
        "kind_label": KIND_LABELS.get(o.kind, o.kind),
        "country": o.country,
        "country_name": country_name(o.country),
        "city": o.city,
    }


def list_organisations(
    search: str = "",
    *,
    kind: str | None = None,
    country: str | None = None,
    partner_id: str | None = None,
    sort: str = "name",
    descending: bool = False,
    offset: int = 0,
    limit: int | None = None,
    locate: str | None = None,
) -> Page:
    columns = (
        Organisation.id,
        Organisation.name,
        Organisation.acronym,
        Organisation.kind,
        Organisation.country,
        Organisation.city,
    )  # what a row shows: not the description
    query = apply_search(Organisation.select(*columns), Organisation, search)
    if kind:
        query = query.where(Organisation.kind == kind)
    if country:
        query = query.where(Organisation.country == country)
    if partner_id:
        query = query.where(
            Organisation.id.in_(
                PartnerOrganisation.select(PartnerOrganisation.organisation).where(
                    PartnerOrganisation.partner == partner_id
                )
            )
        )
    query = apply_sort(query, SORT_KEYS, sort, descending, Organisation.id)
    return fetch_page(query, offset, limit, _row, locate)


def get_organisation(organisation_id: str) -> dict:
    return AREA.get(organisation_id)


def create_organisation(data: Mapping[str, Any]) -> dict:
    return AREA.create(data)


def delete_organisation(organisation_id: str, expected_version: int | None = None) -> dict:
    return AREA.delete(organisation_id, expected_version)
