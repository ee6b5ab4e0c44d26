"""What importing an Atlas record would do: match its names to the records already there.

:func:`plan_atlas` reads the database (through the services) and says, for the programme
and each organisation, person, diplomatic post and partner of the record, whether it
will be created, updated or only linked.  Nothing is written; :mod:`.atlas_apply` writes
the plan.  Matching ignores case and accents: organisations by name or acronym, people by
e-mail then by name, posts and programmes by name, partners through the foreign
organisations they are linked to, else by their name (or local name, or another spelling)
appearing in the record, among the partners of the record's country.

An organisation to create that looks like an existing one by the rules of the "Doublons
possibles" view (:class:`relations_app.services.duplicates.LookAlikes`: the same folded
name without its "(ACRONYM)", the same acronym) is flagged ("ressemble à « Technopole
maritime du Québec (TMQ) » (même nom)"); the import uses the existing one instead of
creating it, unless told to create it (:meth:`AtlasPlan.decide_look_alikes`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal

from ..i18n import N_, _
from ..services import contacts, organisations, partners, posts, programmes
from ..services.duplicates import LookAlike, LookAlikes
from ..text import fold
from ..validation import Field, ValidationError, clean_value
from .atlas_parse import AtlasPerson, AtlasRecord
from .common import ExchangeError, country_code, name_key

Action = Literal["create", "update", "link"]
#: What to do with the organisations that look like an existing one: "merge" (use the
#: existing one), "create" (create it anyway), "ask" (the proposals: use the existing one).
LOOK_ALIKE_CHOICES = ("merge", "create", "ask")
LookAlikeDecision = Literal["merge", "create"]
ACTION_LABELS = {
    "create": N_("à créer"),
    "update": N_("à mettre à jour"),
    "link": N_("existant, lié"),
}
ROLE_LABELS = programmes.ORGANISATION_ROLE_LABELS


@dataclass
class OrganisationItem:
    name: str
    action: Action
    existing_id: str | None = None
    country: str | None = None
    kind: str = "other"
    roles: list[str] = field(default_factory=list)
    #: the existing organisation a new one looks like (its action stays "create")
    look_alike: LookAlike | None = None


@dataclass
class PersonItem:
    person: AtlasPerson
    action: Action
    existing_id: str | None = None
    organisation: str | None = None  # folded key into AtlasPlan.organisations
    at_post: bool = False


@dataclass
class PartnerItem:
    partner_id: str
    name: str
    reason: str  # French


@dataclass
class PostItem:
    name: str
    action: Action
    existing_id: str | None = None
    country: str | None = None
    city: str | None = None


@dataclass
class AtlasPlan:
    """The preview of an Atlas import; :func:`.atlas_apply.apply_atlas` writes it."""

    record: AtlasRecord
    programme_action: Literal["create", "update"]
    programme_id: str | None  # the existing programme an update changes
    partners: list[PartnerItem]
    organisations: dict[str, OrganisationItem]  # folded name -> item
    people: list[PersonItem]
    post: PostItem | None
    warnings: list[str]
    errors: list[str] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        items: list[OrganisationItem | PersonItem | PostItem] = [
            *self.organisations.values(),
            *self.people,
            *([self.post] if self.post else []),
        ]
        return Counter(i.action for i in items)

    def describe(self, decisions: Mapping[str, LookAlikeDecision] | None = None) -> list[str]:
        from .atlas_describe import describe_plan

        return describe_plan(self, decisions)

    def look_alikes(self) -> dict[str, OrganisationItem]:
        """The organisations to create that look like an existing one, by folded name."""
        return {k: i for k, i in self.organisations.items() if i.look_alike is not None}

    def decide_look_alikes(self, choice: str = "ask") -> dict[str, LookAlikeDecision]:
        """Each look-alike organisation's decision: "merge" (the existing one is used)
        or "create"; "ask" gives the proposals (the existing one)."""
        if choice not in LOOK_ALIKE_CHOICES:
            raise ExchangeError(
                _("choix inconnu pour les ressemblances : « {choice} » (attendu : {known})").format(
                    choice=choice, known=", ".join(LOOK_ALIKE_CHOICES)
                )
            )
        decision: LookAlikeDecision = "create" if choice == "create" else "merge"
        return dict.fromkeys(self.look_alikes(), decision)


def _index(rows: list[dict], *keys: str) -> dict[str, dict]:
    found: dict[str, dict] = {}
    for row in rows:
        for key in keys:
            if row.get(key):
                found.setdefault(fold(row[key]), row)
    return found


def guess_kind(name: str, local: bool = False) -> str:
    key = fold(name)
    for word, kind in (
        ("technopo", "technopole"),
        ("universit", "university"),
        ("minist", "ministry"),
        ("agence", "agency"),
        ("association", "association"),
        ("pole ", "cluster"),
    ):
        if word in key:
            return kind
    return "local_authority" if local else "other"


def plan_atlas(record: AtlasRecord) -> AtlasPlan:
    """Match ``record`` against the database; writes nothing."""
    warnings = list(record.warnings)
    orgs = _index(organisations.list_organisations().rows, "name", "acronym")
    items: dict[str, OrganisationItem] = {}

    def organisation(
        name: str, role: str, country: str | None, *, create: bool, local: bool = False
    ) -> None:
        key = fold(name)
        if key not in items:
            row = orgs.get(key)
            if row is None and not create:
                return
            items[key] = OrganisationItem(
                row["name"] if row else name,
                "link" if row else "create",
                row["id"] if row else None,
                country,
                guess_kind(name, local),
            )
        if role not in items[key].roles:
            items[key].roles.append(role)

    for org in record.foreign_partners:
        organisation(org.name, "foreign_partner", org.country, create=True)
    for name in record.local_authorities:
        organisation(name, "local_partner", "FR", create=True, local=True)
    for name in re.split(r"\s*[,;\n]\s*", record.owners):
        if name:
            organisation(name, "owner", None, create=False)
    for line in record.funding:
        organisation(line.funder, "funder", None, create=False)

    country = _main_country(record)
    partner_items = _partners(record, items, country)
    people = _people(record, items, orgs, warnings)
    post = _post(record, country, warnings)
    _flag_look_alikes(items)
    action: Literal["create", "update"] = "create"
    programme_id: str | None = None
    wanted = fold(record.title)
    for row in programmes.list_programmes().rows:
        if fold(row["title"]) == wanted:
            action, programme_id = "update", row["id"]
            break
    plan = AtlasPlan(record, action, programme_id, partner_items, items, people, post, warnings)
    _validate(plan)
    return plan


def _flag_look_alikes(items: dict[str, OrganisationItem]) -> None:
    """The organisations to create that look like an existing one (one statement)."""
    new = [item for item in items.values() if item.action == "create"]
    if not new:
        return
    existing = LookAlikes.organisations()
    for item in new:
        found = existing.find_organisation(item.name)
        item.look_alike = found[0] if found else None


def _main_country(record: AtlasRecord) -> str | None:
    codes = Counter(o.country for o in record.foreign_partners if o.country)
    return codes.most_common(1)[0][0] if codes else None


def _partners(
    record: AtlasRecord, items: dict[str, OrganisationItem], country: str | None
) -> list[PartnerItem]:
    found: dict[str, PartnerItem] = {}
    names = {p["id"]: p["name"] for p in partners.list_partners().rows}
    for item in items.values():
        if item.existing_id and "foreign_partner" in item.roles:
            for partner_id in organisations.get_organisation(item.existing_id)["partner_ids"]:
                found.setdefault(
                    partner_id,
                    PartnerItem(
                        partner_id,
                        names.get(partner_id, partner_id),
                        _("partenaire lié à {name}").format(name=item.name),
                    ),
                )
    if country:
        text = fold(
            " ".join(
                [
                    record.title,
                    record.context,
                    record.history,
                    record.description,
                    record.objectives,
                    *(o.name for o in record.foreign_partners),
                ]
            )
        )
        for row in partners.list_partners(country=country).rows:
            record_ = partners.AREA.get(row["id"])
            spellings = [record_["name"], record_.get("local_name"), *record_.get("aliases", [])]
            for spelling in filter(None, spellings):
                if re.search(rf"\b{re.escape(fold(spelling))}\b", text):
                    found.setdefault(
                        row["id"],
                        PartnerItem(
                            row["id"],
                            row["name"],
                            _("nommé dans la fiche (« {spelling} »)").format(spelling=spelling),
                        ),
                    )
                    break
    return list(found.values())


def _checked(person: AtlasPerson, warnings: list[str]) -> AtlasPerson:
    for name, kind, label, unsaved in (
        ("email", "email", "Courriel", N_("{person} : courriel non enregistré ({reason}).")),
        ("phone", "phone", "Téléphone", N_("{person} : téléphone non enregistré ({reason}).")),
    ):
        value = getattr(person, name)
        if not value:
            continue
        try:
            setattr(person, name, clean_value(Field(name, label, kind), value))
        except ValidationError as exc:
            warnings.append(_(unsaved).format(person=person.name, reason=exc.reason))
            setattr(person, name, None)
    return person


def _people(
    record: AtlasRecord,
    items: dict[str, OrganisationItem],
    orgs: dict[str, dict],
    warnings: list[str],
) -> list[PersonItem]:
    rows = contacts.list_contacts().rows
    by_email = {r["email"].casefold(): r for r in rows if r.get("email")}
    by_name = {name_key(r["family_name"], r["given_name"]): r for r in rows}
    result: list[PersonItem] = []
    seen: set[str] = set()
    for person, at_post in [
        *((p, False) for p in record.foreign_contacts),
        *((p, True) for p in record.post_contacts),
    ]:
        person = _checked(person, warnings)
        key = (person.email or "").casefold() or name_key(person.family_name, person.given_name)
        if key in seen:
            continue
        seen.add(key)
        row = by_email.get((person.email or "").casefold()) or by_name.get(
            name_key(person.family_name, person.given_name)
        )
        org_name = person.organisation
        org_key = fold(org_name) if org_name else None
        if org_name and org_key and org_key not in items:
            warnings.append(
                _(
                    "{person} : organisation « {organisation} » absente du tableau des partenaires."
                ).format(person=person.name, organisation=org_name)
            )
            items[org_key] = OrganisationItem(org_name, "create", None, None, guess_kind(org_name))
        if row is not None and org_key and items[org_key].action == "create":
            _same_organisation(items[org_key], row, orgs, warnings)
        if row is None:
            result.append(PersonItem(person, "create", None, org_key, at_post))
        else:
            needs_email = bool(person.email) and not row.get("email")
            result.append(
                PersonItem(person, "update" if needs_email else "link", row["id"], org_key, at_post)
            )
    return result


def _same_organisation(
    item: OrganisationItem, row: dict, orgs: dict[str, dict], warnings: list[str]
) -> None:
    """A new organisation name whose person is known at an existing one: the same, spelt otherwise."""
    existing = orgs.get(fold(row.get("organisation") or ""))
    if existing is None:
        return
    warnings.append(
        _("« {name} » rapproché de l'organisation « {existing} », celle de {person}.").format(
            name=item.name,
            existing=existing["name"],
            person=f"{row.get('given_name') or ''} {row['family_name']}".strip(),
        )
    )
    item.name, item.action, item.existing_id = existing["name"], "link", existing["id"]


def _post(record: AtlasRecord, country: str | None, warnings: list[str]) -> PostItem | None:
    if not record.post_name:
        return None
    existing = _index(posts.list_posts().rows, "name").get(fold(record.post_name))
    if existing:
        return PostItem(
            existing["name"], "link", existing["id"], existing["country"], existing.get("city")
        )
    city = None
    if match := re.search(r"\b(?:à|a)\s+(.+)$", record.post_name):
        city = match.group(1).strip()
    elif match := re.search(r"\b(?:au|en|aux)\s+(.+)$", record.post_name):
        country = country_code(match.group(1)) or country
    if country is None:
        warnings.append(
            _("Pays du poste « {post} » inconnu : poste non créé, ses contacts sans poste.").format(
                post=record.post_name
            )
        )
        return None
    return PostItem(record.post_name, "create", None, country, city)


def _validate(plan: AtlasPlan) -> None:
    """Check the programme as it would be written (with stand-in ids); errors in French."""
    from .atlas_apply import programme_data

    ids = {key: item.existing_id or f"new:{key}" for key, item in plan.organisations.items()}
    people = [item.existing_id or f"new:{i}" for i, item in enumerate(plan.people)]
    try:
        programmes.AREA.validate(programme_data(plan, ids, people, {}))
    except ValidationError as exc:
        plan.errors.extend(f"{exc.labels.get(k, k)} : {v}" for k, v in exc.errors.items())


def funding_total(record: AtlasRecord) -> Decimal:
    return sum((line.amount for line in record.funding), Decimal("0"))
