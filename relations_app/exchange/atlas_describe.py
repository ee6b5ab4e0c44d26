"""The text of an Atlas import preview (the CLI prints it; the window may too), in the
interface's language."""

from __future__ import annotations

from collections.abc import Mapping

from ..dates import format_date
from ..i18n import _, counted
from ..services.duplicates import REASONS
from ..services.programmes import STATUS_LABELS
from .atlas_plan import ACTION_LABELS, ROLE_LABELS, AtlasPlan, LookAlikeDecision, funding_total


def _money(amount) -> str:
    return f"{amount:,.2f}".replace(",", "\u202f").replace(".", ",") + " €"


def describe_plan(
    plan: AtlasPlan, decisions: Mapping[str, LookAlikeDecision] | None = None
) -> list[str]:
    """The preview's lines; ``decisions``: the look-alike organisations' (else proposed)."""
    r = plan.record
    decided = plan.decide_look_alikes() | dict(decisions or {})
    heading = (
        _("Programme « {title} » : à créer")
        if plan.programme_action == "create"
        else _("Programme « {title} » : existe déjà : à mettre à jour")
    )
    lines = [heading.format(title=r.title)]
    themes = " › ".join(t for t in (r.theme, r.sub_theme, r.sub_sub_theme) if t)
    if themes:
        lines.append("  " + _("Thématique : {themes}").format(themes=themes))
    facts = []
    if r.convention_year:
        facts.append(_("convention {year}").format(year=r.convention_year))
    if r.start_year:
        facts.append(_("début {year}").format(year=r.start_year))
    facts.append(
        _("fin {date}").format(date=format_date(r.end)) if r.end else _("fin non renseignée")
    )
    status = _(STATUS_LABELS.get(r.status, r.status)) if r.status else _("non renseigné")
    facts.append(_("statut : {status}").format(status=status.lower()))  # unknown: left empty
    if r.triennial is not None:
        facts.append(_("triennal") if r.triennial else _("non triennal"))
    lines.append("  " + ", ".join(facts))
    texts = [
        label
        for label, value in (
            (_("contexte"), r.context),
            (_("historique"), r.history),
            (_("objectifs"), r.objectives),
            (_("description"), r.description),
            (_("bénéficiaires"), r.beneficiaries),
            (_("maîtres d'ouvrage"), r.owners),
        )
        if value
    ]
    if texts:
        label = (
            _("Textes : {texts}")
            if plan.programme_action == "create"
            else _("Textes remplacés par ceux de la fiche : {texts}")
        )
        lines.append("  " + label.format(texts=", ".join(texts)))
    if plan.partners:
        linked = ", ".join(f"{p.name} ({p.reason})" for p in plan.partners)
        lines.append(_("Partenaire(s) lié(s) : {partners}").format(partners=linked))
    else:
        lines.append(_("Aucun partenaire reconnu : le programme ne sera lié à aucun partenaire."))
    for key, item in plan.organisations.items():
        roles = ", ".join(_(ROLE_LABELS.get(role, role)).lower() for role in item.roles)
        if item.look_alike is not None:
            alike = _("ressemble à « {name} » ({reason})").format(
                name=item.look_alike.label, reason=_(REASONS[item.look_alike.reason][0])
            )
            outcome = (
                _("l'organisation existante sera utilisée")
                if decided.get(key) == "merge"
                else _("à créer quand même")
            )
            lines.append(
                _("Organisation « {name} » ({roles}) : {alike} : {outcome}").format(
                    name=item.name, roles=roles, alike=alike, outcome=outcome
                )
            )
            continue
        lines.append(
            _("Organisation « {name} » ({roles}) : {action}").format(
                name=item.name, roles=roles, action=_(ACTION_LABELS[item.action])
            )
        )
    if plan.post is not None:
        lines.append(
            _("Poste diplomatique « {name} » : {action}").format(
                name=plan.post.name, action=_(ACTION_LABELS[plan.post.action])
            )
        )
    for person in plan.people:
        p = person.person
        where = _("poste") if person.at_post else (p.organisation or _("sans organisation"))
        email = f", {p.email}" if p.email else ""
        lines.append(
            _("Contact {name} ({function}, {where}{email}) : {action}").format(
                name=p.name,
                function=p.function or _("fonction non précisée"),
                where=where,
                email=email,
                action=_(ACTION_LABELS[person.action]),
            )
        )
    if r.funding:
        lines.append(
            _("Financement : {lines}, total {total}").format(
                lines=counted("{count} ligne", "{count} lignes", len(r.funding)),
                total=_money(funding_total(r)),
            )
        )
        for f in r.funding:
            water = (
                _(", 1 % eau {amount}").format(amount=_money(f.water_amount))
                if f.water_amount is not None
                else ""
            )
            year = f.year or _("année non précisée")
            lines.append(f"  {f.funder} : {_money(f.amount)}{water}, {year}")
    lines.extend(_("Attention : {warning}").format(warning=w) for w in plan.warnings)
    lines.extend(_("ERREUR : {error}").format(error=e) for e in plan.errors)
    return lines
