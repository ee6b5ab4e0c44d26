"""Writing an Atlas plan: one transaction, all or nothing.

Creating: the programme gets every value of the record.  Updating an existing programme
(same title): the record's non-empty values replace the programme's, its partners,
organisations and contacts are added to those already linked (a contact already linked
takes the record's function), and its funding lines replace the programme's when the
record has any.  Organisations, people and the diplomatic post found in the database are
linked, not duplicated; a person found without an e-mail gets the record's.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from ..db.models import database
from ..db.retry import retrying
from ..i18n import N_, _, language
from ..records import RECORD_TYPES
from ..services import (
    NotFoundError,
    StaleRecordError,
    contacts,
    history,
    organisations,
    posts,
    programmes,
)
from ..text import agreed_fr
from ..validation import ValidationError
from .atlas_plan import AtlasPlan, LookAlikeDecision
from .common import ExchangeError


@dataclass
class AtlasImportResult:
    programme_id: str
    programme_action: Literal["create", "update"]
    created: dict[str, list[str]] = field(default_factory=dict)  # kind -> names
    updated: dict[str, list[str]] = field(default_factory=dict)

    def describe(self) -> str:
        parts = [
            _("programme créé") if self.programme_action == "create" else _("programme mis à jour")
        ]
        for kind in ("organisations", "contacts", "posts"):
            record_type = RECORD_TYPES[kind]
            for names, participle in ((self.created, "créé"), (self.updated, "complété")):
                if count := len(names.get(kind, ())):
                    agreed = agreed_fr(participle, count, feminine=record_type.fr.feminine)
                    parts.append(f"{record_type.counted(count, language())} {_(agreed)}")
        return ", ".join(parts)


#: The agreed participles of :meth:`AtlasImportResult.describe` (see jsonio's OUTCOMES).
COMPLETED = (N_("complété"), N_("complétés"), N_("complétée"), N_("complétées"))


def _scalars(plan: AtlasPlan) -> dict[str, Any]:
    r = plan.record
    values = {
        "title": r.title,
        "status": r.status,
        "start": str(r.start_year) if r.start_year else None,
        "end": r.end,
        "convention_year": r.convention_year,
        "theme": r.theme,
        "sub_theme": r.sub_theme,
        "sub_sub_theme": r.sub_sub_theme,
        "form": r.form,
        "context": r.context,
        "history": r.history,
        "objectives": r.objectives,
        "description": r.description,
        "owners": r.owners,
        "beneficiaries": r.beneficiaries,
        "triennial": r.triennial,
        "evaluation_done": r.evaluation_done,
        "communication_france": r.communication_france,
        "communication_partner": r.communication_partner,
        "volunteers": r.volunteers,
    }
    return {k: v for k, v in values.items() if v not in (None, "")}


def _notes(plan: AtlasPlan) -> str:
    r = plan.record
    lines = ["Importé d'une fiche de l'Atlas français de la coopération décentralisée."]
    if r.other_themes:
        lines.append("Autres thématiques : " + " ; ".join(r.other_themes))
    if r.project_managers:
        lines.append("Maître(s) d'œuvre : " + r.project_managers)
    if r.status_text and not r.status:
        lines.append(f"Statut dans la fiche : {r.status_text}")
    return "\n".join(lines)


def _unique(items: list, key) -> list:
    seen, result = set(), []
    for item in items:
        if key(item) not in seen:
            seen.add(key(item))
            result.append(item)
    return result


def programme_data(
    plan: AtlasPlan, org_ids: Mapping[str, str], person_ids: list[str], current: Mapping[str, Any]
) -> dict:
    """The programme record to write: new, or ``current`` merged with the record."""
    partner_ids = [p.partner_id for p in plan.partners]
    links = [
        {"organisation_id": org_ids[key], "role": role}
        for key, item in plan.organisations.items()
        for role in item.roles
    ]
    people = [
        {
            "contact_id": pid,
            "function": item.person.function,
            "organisation_id": org_ids.get(item.organisation) if item.organisation else None,
        }
        for item, pid in zip(plan.people, person_ids, strict=True)
    ]
    funding = [
        {
            "funder": f.funder,
            "amount_eur": str(f.amount),
            "water_amount_eur": None if f.water_amount is None else str(f.water_amount),
            "year": f.year,
        }
        for f in plan.record.funding
    ]
    if not current:
        return {
            "kind": "cooperation_project",
            **_scalars(plan),
            "partner_ids": partner_ids,
            "organisations": links,
            "contacts": people,
            "funding": funding,
            "notes": _notes(plan),
        }
    data = {**current, **_scalars(plan)}
    data["partner_ids"] = list(dict.fromkeys([*current["partner_ids"], *partner_ids]))
    data["organisations"] = _unique(
        [*current["organisations"], *links], lambda o: (o["organisation_id"], o["role"])
    )
    ours = {p["contact_id"]: p for p in people}
    kept = [ours.pop(c["contact_id"], c) for c in current["contacts"]]
    data["contacts"] = kept + list(ours.values())
    data["funding"] = funding or current["funding"]
    return data


@retrying
def apply_atlas(
    plan: AtlasPlan,
    programme_action: Literal["create", "update"] | None = None,
    look_alikes: Mapping[str, LookAlikeDecision] | None = None,
) -> AtlasImportResult:
    """Write ``plan`` in one transaction; ``programme_action`` overrides the proposed one,
    ``look_alikes`` the proposed decisions for the look-alike organisations (by folded
    name: "merge" uses the existing organisation, "create" creates the new one)."""
    decided = plan.decide_look_alikes() | dict(look_alikes or {})
    if plan.errors:
        raise ExchangeError(
            _("Fiche de l'Atlas non importée : {errors}").format(errors=_(" ; ").join(plan.errors))
        )
    action = programme_action or plan.programme_action
    if action == "update" and not plan.programme_id:
        raise ExchangeError(_("Aucun programme existant à mettre à jour : choisissez de le créer."))
    result = AtlasImportResult("", action)
    partner_ids = [p.partner_id for p in plan.partners]
    try:
        with database.atomic(), history.batch("import", "Fiche de l'Atlas"):
            org_ids: dict[str, str] = {}
            for key, item in plan.organisations.items():
                if item.existing_id:
                    org_ids[key] = item.existing_id
                    continue
                if item.look_alike is not None and decided.get(key) == "merge":
                    org_ids[key] = item.look_alike.record_id
                    continue
                foreign = "foreign_partner" in item.roles
                org = organisations.create_organisation(
                    {
                        "name": item.name,
                        "country": item.country,
                        "kind": item.kind,
                        "partner_ids": partner_ids if foreign else [],
                    }
                )
                org_ids[key] = org["id"]
                result.created.setdefault("organisations", []).append(item.name)
            post_id = None
            if plan.post is not None:
                post_id = plan.post.existing_id
                if post_id is None:
                    post_id = posts.create_post(
                        {
                            "name": plan.post.name,
                            "country": plan.post.country,
                            "city": plan.post.city,
                        }
                    )["id"]
                    result.created.setdefault("posts", []).append(plan.post.name)
            person_ids = [
                _person(item, org_ids, post_id, partner_ids, result) for item in plan.people
            ]
            if action == "create":
                data = programme_data(plan, org_ids, person_ids, {})
                result.programme_id = programmes.create_programme(data)["id"]
            else:
                programme_id = plan.programme_id
                assert programme_id, "an update without a programme is refused above"
                current = programmes.get_programme(programme_id)
                data = programme_data(plan, org_ids, person_ids, current)
                programmes.update_programme(programme_id, data, current["version"])
                result.programme_id = programme_id
    except (ValidationError, NotFoundError, StaleRecordError) as exc:
        raise ExchangeError(
            _("Fiche de l'Atlas non importée, rien n'a été enregistré : {reason}").format(
                reason=exc
            )
        ) from exc
    return result


def _person(
    item,
    org_ids: Mapping[str, str],
    post_id: str | None,
    partner_ids: list[str],
    result: AtlasImportResult,
) -> str:
    person = item.person
    if item.existing_id:
        if item.action == "update":
            contacts.update_contact(item.existing_id, {"email": person.email})
            result.updated.setdefault("contacts", []).append(person.name)
        return item.existing_id
    position = {"function": person.function}
    if item.at_post:
        position["post_id"] = post_id
    elif item.organisation:
        position["organisation_id"] = org_ids[item.organisation]
    created = contacts.create_contact(
        {
            "family_name": person.family_name,
            "given_name": person.given_name,
            "email": person.email,
            "phone": person.phone,
            "positions": [position],
            "partner_ids": partner_ids,
        }
    )
    result.created.setdefault("contacts", []).append(person.name)
    return created["id"]
