"""Programmes: exchanges and cooperation projects, with partners, people and funding."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import date
from typing import Any

import peewee as pw

from ..db import backend
from ..db.models import (
    Funding,
    Partner,
    Programme,
    ProgrammeContact,
    ProgrammeOrganisation,
    ProgrammePartner,
)
from ..i18n import N_
from ..records import declared as records
from ..text import search_blob
from ..validation import Field, ValidationError
from . import apd_lists, deadlines
from .base import Area
from .funding import funding_total
from .listing import Page, apply_search, apply_sort, fetch_page
from .shapes import ListField

KINDS = (
    "youth_exchange",
    "school_exchange",
    "staff_exchange",
    "cultural",
    "education",
    "cooperation_project",
    "economic",
    "other",
)
KIND_LABELS = {
    "youth_exchange": "Échange de jeunes",
    "school_exchange": "Échange scolaire",
    "staff_exchange": "Échange d'agents",
    "cultural": "Projet culturel",
    "education": "Projet éducatif",
    "cooperation_project": "Projet de coopération",
    "economic": "Projet économique",
    "other": "Autre",
}
STATUSES = ("planned", "ongoing", "finished")
STATUS_LABELS = {
    "planned": N_("Prévu"),
    "ongoing": N_("En cours"),
    "finished": N_("Terminé"),
    None: N_("Non renseigné"),
}
ORGANISATION_ROLES = ("owner", "foreign_partner", "local_partner", "funder", "partner")
ORGANISATION_ROLE_LABELS = {
    "owner": N_("Maître d'ouvrage"),
    "foreign_partner": N_("Partenaire étranger"),
    "local_partner": N_("Partenaire local"),
    "funder": N_("Financeur"),
    "partner": N_("Partenaire"),
}

FIELDS = (
    Field("title", "Titre", required=True),
    Field("kind", "Type de programme", "choice", choices=KINDS, default="other"),
    Field("status", "Statut", "choice", choices=STATUSES),
    Field("start", "Début", "date"),
    Field("end", "Fin", "date"),
    Field("convention_year", "Année de première signature de la convention", "year"),
    Field("theme", "Thématique"),
    Field("sub_theme", "Sous-thématique"),
    Field("sub_sub_theme", "Sous-sous-thématique"),
    Field("form", "Forme du partenariat"),
    Field("context", "Contexte", "longtext"),
    Field("history", "Historique", "longtext"),
    Field("objectives", "Objectifs", "longtext"),
    Field("description", "Description", "longtext"),
    Field("owners", "Maîtres d'ouvrage", "longtext"),
    Field("beneficiaries", "Bénéficiaires", "longtext"),
    Field("triennial", "Projet triennal", "bool"),
    Field("evaluation_done", "Évaluation engagée", "bool"),
    Field("communication_france", "Communication en France", "bool"),
    Field("communication_partner", "Communication dans le pays partenaire", "bool"),
    Field("volunteers", "Volontaires", "longtext"),
    Field("notes", "Notes", "longtext"),
    # The APD declaration (migration 10, services/apd.py)
    Field("apd_sector", "Secteur CAD (code-objet)"),
    Field("apd_channel", "Canal d'acheminement", "choice", choices=apd_lists.CHANNELS),
    *(
        Field(name, apd_lists.MARKER_LABELS[name], "choice", choices=apd_lists.MARKER_SCORES)
        for name in apd_lists.MARKERS
    ),
)

FIELDS_BY_NAME = {f.name: f for f in FIELDS}

ORGANISATIONS = ListField(
    "organisations",
    "Organisation",
    (
        Field("organisation_id", "Organisation", required=True),
        Field("role", "Rôle", "choice", choices=ORGANISATION_ROLES, default="partner"),
    ),
)
CONTACTS = ListField(
    "contacts",
    "Contact",
    (
        Field("contact_id", "Contact", required=True),
        Field("organisation_id", "Organisation"),
        Field("function", "Fonction"),
    ),
)
FUNDING = ListField(
    "funding",
    "Ligne de financement",
    (
        Field("funder", "Financeur", required=True),
        Field("amount_eur", "Montant (€)", "money", required=True),
        Field("water_amount_eur", "Montant 1 % eau (€)", "money"),
        Field("year", "Année", "year"),
        Field("stage", "Prévu ou réalisé", "choice", choices=apd_lists.STAGES),
    ),
)

SORT_KEYS = {
    "title": (Programme.sort_key,),
    "status": (Programme.status, Programme.sort_key),
    "start": (Programme.start, Programme.sort_key),
    "end": (Programme.end, Programme.sort_key),
    "kind": (Programme.kind, Programme.sort_key),
}


class ProgrammeArea(Area):
    model = Programme
    plain_links = True
    record_type = records.PROGRAMMES
    fields = FIELDS
    lists = (ORGANISATIONS, CONTACTS, FUNDING)

    def to_record(self, p: Programme) -> dict:
        return self._record(
            p,
            {
                ProgrammePartner: p.partner_links.order_by(ProgrammePartner.position),
                ProgrammeOrganisation: p.organisation_links.order_by(
                    ProgrammeOrganisation.position
                ),
                ProgrammeContact: p.contact_links.order_by(ProgrammeContact.position),
                Funding: p.funding.order_by(Funding.position),
            },
        )

    def records_for(self, instances) -> list[dict]:
        ids = [p.id for p in instances]
        links: dict = {
            model: {i: [] for i in ids}
            for model in (ProgrammePartner, ProgrammeOrganisation, ProgrammeContact, Funding)
        }
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            for model, found in links.items():
                query = (
                    model.select()
                    .where(model.programme.in_(chunk))
                    .order_by(model.programme, model.position)
                )
                for link in query:
                    found[link.programme_id].append(link)
        return [
            self._record(p, {model: found[p.id] for model, found in links.items()})
            for p in instances
        ]

    def _record(self, p: Programme, links: dict) -> dict:
        record = self.scalar_record(p)
        record["partner_ids"] = [link.partner_id for link in links[ProgrammePartner]]
        record["organisations"] = [
            {"organisation_id": link.organisation_id, "role": link.role}
            for link in links[ProgrammeOrganisation]
        ]
        record["contacts"] = [
            {
                "contact_id": link.contact_id,
                "organisation_id": link.organisation_id,
                "function": link.function,
            }
            for link in links[ProgrammeContact]
        ]
        record["funding"] = [
            {
                "funder": f.funder,
                "amount_eur": str(f.amount),
                "water_amount_eur": None if f.water_amount is None else str(f.water_amount),
                "year": f.year,
                "stage": f.stage,
            }
            for f in links[Funding]
        ]
        return record

    def validate_extra(self, data: Mapping[str, Any]) -> dict:
        cleaned = super().validate_extra(data)
        sector = data.get("apd_sector")
        if isinstance(sector, str) and sector.strip():
            problem = apd_lists.sector_problem(sector.strip())
            if problem:
                raise ValidationError(
                    "apd_sector", problem, labels={"apd_sector": FIELDS_BY_NAME["apd_sector"].label}
                )
        return cleaned

    def search_text(self, c: Mapping[str, Any]) -> str:
        return search_blob(c["title"], c.get("theme"), c.get("sub_theme"), c.get("sub_sub_theme"))

    link_tables = (
        (ProgrammePartner, "programme"),
        (ProgrammeOrganisation, "programme"),
        (ProgrammeContact, "programme"),
        (Funding, "programme"),
    )

    def link_rows(
        self, record_id: str, c: Mapping[str, Any], cache: dict
    ) -> Iterator[tuple[type, dict]]:
        for position, partner_id in enumerate(c.get("partner_ids", ())):
            yield (
                ProgrammePartner,
                {"programme": record_id, "partner": partner_id, "position": position},
            )
        seen: set[tuple[str, str]] = set()
        for position, link in enumerate(c.get("organisations", ())):
            key = (link["organisation_id"], link["role"])
            if key in seen:
                continue
            seen.add(key)
            yield (
                ProgrammeOrganisation,
                {
                    "programme": record_id,
                    "organisation": key[0],
                    "role": key[1],
                    "position": position,
                },
            )
        contacts_seen: set[str] = set()
        for position, link in enumerate(c.get("contacts", ())):
            if link["contact_id"] in contacts_seen:
                continue
            contacts_seen.add(link["contact_id"])
            yield (
                ProgrammeContact,
                {
                    "programme": record_id,
                    "contact": link["contact_id"],
                    "organisation": link.get("organisation_id") or None,
                    "function": link.get("function") or "",
                    "position": position,
                },
            )
        for position, line in enumerate(c.get("funding", ())):
            yield (
                Funding,
                {
                    "programme": record_id,
                    "funder": line["funder"],
                    "amount": line["amount_eur"],
                    "water_amount": line.get("water_amount_eur"),
                    "year": line.get("year"),
                    "stage": line.get("stage"),
                    "position": position,
                },
            )


AREA = ProgrammeArea()


def _row(p: Programme) -> dict:
    return {
        "id": p.id,
        "title": p.title,
        "kind": p.kind,
        "kind_label": KIND_LABELS.get(p.kind, p.kind),
        "status": p.status,
        "status_label": STATUS_LABELS.get(p.status, p.status),
        "start": p.start,
        "end": p.end,
        "partners": p.partner_names or "",
    }


def list_programmes(
    search: str = "",
    *,
    status: str | None = None,
    kind: str | None = None,
    partner_id: str | None = None,
    organisation_id: str | None = None,
    contact_id: str | None = None,
    theme: str | None = None,
    watch: str | None = None,
    sort: str = "title",
    descending: bool = False,
    offset: int = 0,
    limit: int | None = None,
    locate: str | None = None,
) -> Page:
    names = (
        ProgrammePartner.select(backend.current().joined_text(Partner.name, ", "))
        .join(Partner)
        .where(ProgrammePartner.programme == Programme.id)
    )
    query = Programme.select(  # what a row shows: not the long texts
        Programme.id,
        Programme.title,
        Programme.kind,
        Programme.status,
        Programme.start,
        Programme.end,
        names.alias("partner_names"),
    )
    query = apply_search(query, Programme, search)
    if status == "unknown":
        query = query.where(Programme.status.is_null())
    elif status:
        query = query.where(Programme.status == status)
    if kind:
        query = query.where(Programme.kind == kind)
    if theme:
        query = query.where(Programme.theme == theme)
    if partner_id:
        query = query.where(
            Programme.id.in_(
                ProgrammePartner.select(ProgrammePartner.programme).where(
                    ProgrammePartner.partner == partner_id
                )
            )
        )
    if organisation_id:
        query = query.where(
            Programme.id.in_(
                ProgrammeOrganisation.select(ProgrammeOrganisation.programme).where(
                    ProgrammeOrganisation.organisation == organisation_id
                )
            )
        )
    if contact_id:
        query = query.where(
            Programme.id.in_(
                ProgrammeContact.select(ProgrammeContact.programme).where(
                    ProgrammeContact.contact == contact_id
                )
            )
        )
    if watch:  # what the dashboard shows: a deadline, or a bar of its funding chart
        query = query.where(_watched(watch))
    query = apply_sort(query, SORT_KEYS, sort, descending, Programme.id)
    return fetch_page(query, offset, limit, _row, locate)


def _watched(watch: str) -> pw.Node:
    """``"ending_soon"``, ``"past_end"`` (:mod:`.deadlines`), or ``"funded:2019"`` and
    ``"funded:2015-2019"``: programmes with funding in that year or period."""
    kind, _colon, years = watch.partition(":")
    if kind != "funded":
        return deadlines.due(watch, date.today())
    first, _dash, last = years.partition("-")
    try:
        span = (Funding.year >= int(first)) & (Funding.year <= int(last or first))
    except ValueError:
        raise ValueError(f"unknown programme filter {watch!r}") from None
    return Programme.id.in_(Funding.select(Funding.programme).where(span))


def get_programme(programme_id: str) -> dict:
    record = AREA.get(programme_id)
    record["funding_total_eur"] = str(funding_total(record["funding"]))
    return record


def create_programme(data: Mapping[str, Any]) -> dict:
    return AREA.create(data)


def update_programme(
    programme_id: str, changes: Mapping[str, Any], expected_version: int | None = None
) -> dict:
    return AREA.update(programme_id, changes, expected_version)


def delete_programme(programme_id: str, expected_version: int | None = None) -> dict:
    return AREA.delete(programme_id, expected_version)


def theme_taxonomy() -> dict[str, dict[str, list[str]]]:
    """Theme › sub-theme › sub-sub-themes in use, for the three dependent choices."""
    tree: dict[str, dict[str, list[str]]] = {}
    query = (
        Programme.select(Programme.theme, Programme.sub_theme, Programme.sub_sub_theme)
        .where(Programme.theme.is_null(False) & (Programme.theme != ""))
        .distinct()
        .order_by(Programme.theme, Programme.sub_theme, Programme.sub_sub_theme)
    )
    for row in query:
        subs = tree.setdefault(row.theme, {})
        if row.sub_theme:
            leaves = subs.setdefault(row.sub_theme, [])
            if row.sub_sub_theme and row.sub_sub_theme not in leaves:
                leaves.append(row.sub_sub_theme)
    return tree
