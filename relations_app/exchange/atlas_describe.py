"""The French text of an Atlas import preview (the CLI prints it; the window may too)."""

from __future__ import annotations

from ..services.programmes import STATUS_LABELS
from ..text import format_partial_date_fr
from .atlas_plan import ACTION_LABELS, ROLE_LABELS, AtlasPlan, funding_total


def _money(amount) -> str:
    return f"{amount:,.2f}".replace(",", "\u202f").replace(".", ",") + " €"


def describe_plan(plan: AtlasPlan) -> list[str]:
    r = plan.record
    verb = "à créer" if plan.programme_action == "create" else "existe déjà : à mettre à jour"
    lines = [f"Programme « {r.title} » : {verb}"]
    themes = " › ".join(t for t in (r.theme, r.sub_theme, r.sub_sub_theme) if t)
    if themes:
        lines.append(f"  Thématique : {themes}")
    facts = []
    if r.convention_year:
        facts.append(f"convention {r.convention_year}")
    if r.start_year:
        facts.append(f"début {r.start_year}")
    facts.append(f"fin {format_partial_date_fr(r.end)}" if r.end else "fin non renseignée")
    status = STATUS_LABELS.get(r.status, r.status) if r.status else "non renseigné"
    facts.append(f"statut : {status.lower()}")  # an unknown status is left empty
    if r.triennial is not None:
        facts.append("triennal" if r.triennial else "non triennal")
    lines.append("  " + ", ".join(facts))
    texts = [
        label
        for label, value in (
            ("contexte", r.context),
            ("historique", r.history),
            ("objectifs", r.objectives),
            ("description", r.description),
            ("bénéficiaires", r.beneficiaries),
            ("maîtres d'ouvrage", r.owners),
        )
        if value
    ]
    if texts:
        label = (
            "Textes"
            if plan.programme_action == "create"
            else "Textes remplacés par ceux de la fiche"
        )
        lines.append(f"  {label} : " + ", ".join(texts))
    if plan.partners:
        lines.append(
            "Partenaire(s) lié(s) : " + ", ".join(f"{p.name} ({p.reason})" for p in plan.partners)
        )
    else:
        lines.append("Aucun partenaire reconnu : le programme ne sera lié à aucun partenaire.")
    for item in plan.organisations.values():
        roles = ", ".join(ROLE_LABELS.get(role, role).lower() for role in item.roles)
        lines.append(f"Organisation « {item.name} » ({roles}) : {ACTION_LABELS[item.action]}")
    if plan.post is not None:
        lines.append(f"Poste diplomatique « {plan.post.name} » : {ACTION_LABELS[plan.post.action]}")
    for person in plan.people:
        p = person.person
        where = "poste" if person.at_post else (p.organisation or "sans organisation")
        email = f", {p.email}" if p.email else ""
        lines.append(
            f"Contact {p.name} ({p.function or 'fonction non précisée'}, {where}{email}) : "
            f"{ACTION_LABELS[person.action]}"
        )
    if r.funding:
        lines.append(f"Financement : {len(r.funding)} ligne(s), total {_money(funding_total(r))}")
        for f in r.funding:
            water = f", 1 % eau {_money(f.water_amount)}" if f.water_amount is not None else ""
            lines.append(
                f"  {f.funder} : {_money(f.amount)}{water}, {f.year or 'année non précisée'}"
            )
    lines.extend(f"Attention : {w}" for w in plan.warnings)
    lines.extend(f"ERREUR : {e}" for e in plan.errors)
    return lines
