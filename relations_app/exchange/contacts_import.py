"""Importing contacts from a table (CSV or XLSX): map, preview, decide, apply.

The three steps the import window shows, each a plain function:

1. :func:`propose_mapping` guesses which column holds what from the header names
   (French or English: Nom, Prénom, Courriel/E-mail, Téléphone, Fonction, Organisation,
   Pays, Notes); the user may change it.
2. :func:`preview_contacts` validates every row with the contact fields of
   :mod:`relations_app.services.contacts` (French messages naming the line and the field),
   looks for duplicates among the existing contacts (same e-mail, ignoring case; or the
   same or a very close name) and among the earlier rows of the file, matches organisation
   names to existing organisations (name or acronym, ignoring case and accents), and
   proposes a decision per row: *create* a new contact, *update* the one with the same
   e-mail, or *skip* (a row with errors, or a duplicate by name only, which a person must
   look at).
3. :func:`apply_contacts` writes the chosen decisions in one transaction: all rows or
   none.  A row with errors that is not skipped stops everything with its message.

Updates fill in what the row gives and keep the rest (an empty cell never erases); the
function and organisation replace those of the contact's current position, or become its
current position when it has none.  Organisations not found are created (kind "other",
the row's country).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal, cast

from ..db.models import database
from ..db.retry import retrying
from ..i18n import _, counted, ngettext
from ..services import NotFoundError, StaleRecordError, contacts, history, organisations, posts
from ..text import fold, number_fr
from ..validation import Field, ValidationError, clean
from .common import (
    SIMILAR_NAME_RATIO,
    ExchangeError,
    country_code,
    name_key,
    name_similarity,
)
from .contacts_mapping import check_mapping, check_not_another_list, propose_mapping
from .readers import SourceTable

Action = Literal["create", "update", "skip"]
ACTION_LABELS = {"create": "créer", "update": "mettre à jour", "skip": "ignorer"}

EXTRA_FIELDS = (
    Field("function", "Fonction"),
    Field("organisation", "Organisation"),
    Field("country", "Pays"),
)


@dataclass(frozen=True)
class RowIssue:
    field: str  # a target field, or "" for the whole row
    label: str  # French
    message: str  # French

    def __str__(self) -> str:
        if not self.label:
            return self.message
        return _("{field} : {reason}").format(field=self.label, reason=self.message)


@dataclass(frozen=True)
class DuplicateCandidate:
    contact_id: str
    name: str
    email: str | None
    reason: str  # French: "même courriel", "même nom", "nom très proche (92 %)"
    exact_email: bool
    score: float


@dataclass
class ContactRow:
    """One data row of the file, as the preview shows it."""

    line: int
    values: dict[str, str]  # target field -> cell text, as read
    record: dict | None  # the cleaned contact fields (None when the row has errors)
    organisation: str  # the cleaned organisation name, or ""
    organisation_id: str | None  # the existing organisation it matches
    country: str | None  # ISO code
    errors: list[RowIssue] = field(default_factory=list)
    duplicates: list[DuplicateCandidate] = field(default_factory=list)
    same_as_line: int | None = None  # an earlier row of the file with the same person
    proposed: Action = "create"
    target_id: str | None = None  # the contact an update would change
    #: the diplomatic post the "Organisation" cell names (our own export writes the post of
    #: a contact posted at an embassy there): the position goes to it, no organisation made
    post_id: str | None = None
    unchanged: bool = False  # an update that would change nothing (our own export, back)

    @property
    def name(self) -> str:
        return f"{self.values.get('given_name', '')} {self.values.get('family_name', '')}".strip()

    def error_text(self) -> str:
        return " ; ".join(f"ligne {self.line}, {issue}" for issue in self.errors)


@dataclass(frozen=True)
class RowDecision:
    action: Action
    target_id: str | None = None  # for "update": which existing contact


@dataclass
class ContactImportPlan:
    source: SourceTable
    mapping: dict[int, str]
    rows: list[ContactRow]

    def default_decisions(self) -> dict[int, RowDecision]:
        return {r.line: RowDecision(r.proposed, r.target_id) for r in self.rows}

    def counts(self, decisions: Mapping[int, RowDecision | str] | None = None) -> dict[str, int]:
        resolved = resolve_decisions(self, decisions)
        result = {"create": 0, "update": 0, "skip": 0}
        for decision in resolved.values():
            result[decision.action] += 1
        return result

    @property
    def error_count(self) -> int:
        return sum(1 for r in self.rows if r.errors)


@dataclass(frozen=True)
class ContactImportResult:
    created: list[str]  # contact ids
    updated: list[str]
    skipped: int
    organisations_created: list[str]  # organisation names
    unchanged: list[str] = field(default_factory=list)  # "update" rows equal to the contact
    rejected: list[int] = field(default_factory=list)  # lines with errors, not written

    def describe(self) -> str:
        parts = [
            counted("{count} contact créé", "{count} contacts créés", len(self.created)),
            counted("{count} mis à jour", "{count} mis à jour", len(self.updated)),
        ]
        if self.unchanged:
            parts.append(counted("{count} déjà à jour", "{count} déjà à jour", len(self.unchanged)))
        parts.append(counted("{count} ligne ignorée", "{count} lignes ignorées", self.skipped))
        if self.organisations_created:
            parts.append(
                counted(
                    "{count} organisation créée",
                    "{count} organisations créées",
                    len(self.organisations_created),
                )
            )
        text = ", ".join(parts)
        if self.rejected:  # said apart: the file was not imported whole
            lines = ", ".join(str(n) for n in self.rejected[:10])
            more = "…" if len(self.rejected) > 10 else ""
            text += ".\n" + ngettext(
                "Attention : import partiel, {count} ligne avec erreurs non importée "
                "(ligne {lines}) ; les autres lignes ont été enregistrées",
                "Attention : import partiel, {count} lignes avec erreurs non importées "
                "(lignes {lines}) ; les autres lignes ont été enregistrées",
                len(self.rejected),
            ).format(count=number_fr(len(self.rejected)), lines=lines + more)
        return text


# -- matching ---------------------------------------------------------------------------


class ExistingIndex:
    """The existing contacts and organisations, read once through the services."""

    def __init__(self) -> None:
        self.contacts = contacts.list_contacts().rows
        self.by_email: dict[str, list[dict]] = {}
        for row in self.contacts:
            if row.get("email"):
                self.by_email.setdefault(row["email"].casefold(), []).append(row)
        self.organisations: dict[str, str] = {}
        for org in organisations.list_organisations().rows:
            self.organisations.setdefault(fold(org["name"]), org["id"])
            if org.get("acronym"):
                self.organisations.setdefault(fold(org["acronym"]), org["id"])
        self.posts = {fold(p["name"]): p["id"] for p in posts.list_posts().rows}

    def place(self, name: str) -> tuple[str | None, str | None]:
        """(organisation id, post id) that ``name`` designates; an organisation wins."""
        if not name:
            return None, None
        key = fold(name)
        found = self.organisations.get(key)
        return (found, None) if found else (None, self.posts.get(key))

    def duplicates(self, family: str, given: str, email: str | None) -> list[DuplicateCandidate]:
        found: dict[str, DuplicateCandidate] = {}
        for row in self.by_email.get((email or "").casefold(), []) if email else []:
            found[row["id"]] = _candidate(row, _("même courriel"), True, 1.0)
        for row in self.contacts:
            if row["id"] in found:
                continue
            score = name_similarity(family, given, row["family_name"], row["given_name"] or "")
            if score >= SIMILAR_NAME_RATIO:
                reason = (
                    _("même nom")
                    if score == 1.0
                    else _("nom très proche ({percent} %)").format(percent=round(score * 100))
                )
                found[row["id"]] = _candidate(row, reason, False, score)
        return sorted(found.values(), key=lambda c: (not c.exact_email, -c.score))


def _candidate(row: dict, reason: str, exact: bool, score: float) -> DuplicateCandidate:
    name = f"{row.get('given_name') or ''} {row['family_name']}".strip()
    return DuplicateCandidate(row["id"], name, row.get("email"), reason, exact, score)


# -- preview ----------------------------------------------------------------------------


def _row_values(cells: Sequence[str], mapping: Mapping[int, str]) -> dict[str, str]:
    return {target: (cells[i] if i < len(cells) else "").strip() for i, target in mapping.items()}


def _validate(row: ContactRow, width: int, cells: Sequence[str]) -> None:
    extra = [c for c in cells[width:] if c.strip()]
    if extra:
        row.errors.append(
            RowIssue(
                "",
                "",
                _("{count} colonnes au lieu de {width}").format(count=len(cells), width=width),
            )
        )
    try:
        row.record = clean(contacts.FIELDS, row.values)
    except ValidationError as exc:
        row.errors.extend(RowIssue(k, _(exc.labels.get(k, k)), v) for k, v in exc.errors.items())
    try:
        extras = clean(EXTRA_FIELDS, row.values)
        row.organisation = extras["organisation"]
        row.values["function"] = extras["function"]
    except ValidationError as exc:
        row.errors.extend(RowIssue(k, _(exc.labels.get(k, k)), v) for k, v in exc.errors.items())
    if row.values.get("country"):
        row.country = country_code(row.values["country"])
        if row.country is None:
            row.errors.append(
                RowIssue(
                    "country",
                    _("Pays"),
                    _("pays inconnu : « {country} »").format(country=row.values["country"]),
                )
            )
    if row.errors:
        row.record = None


def preview_contacts(
    table: SourceTable, mapping: Mapping[int, str] | None = None
) -> ContactImportPlan:
    """Validate, match and propose a decision for every row; writes nothing.

    A file whose columns are another list's (the partners exported) is refused.
    """
    check_not_another_list(table.headers)
    mapping = dict(propose_mapping(table.headers) if mapping is None else mapping)
    check_mapping(mapping, table.headers)
    existing = ExistingIndex()
    seen_email: dict[str, int] = {}
    seen_name: dict[str, int] = {}
    rows: list[ContactRow] = []
    for source in table.rows:
        row = ContactRow(source.line, _row_values(source.cells, mapping), None, "", None, None)
        _validate(row, len(table.headers), source.cells)
        rows.append(row)
        if row.record is None:
            row.proposed = "skip"
            continue
        family, given, email = (
            row.record["family_name"],
            row.record["given_name"],
            row.record["email"],
        )
        row.organisation_id, row.post_id = existing.place(row.organisation)
        row.duplicates = existing.duplicates(family, given, email)
        earlier = seen_email.get(email.casefold()) if email else None
        earlier = earlier or seen_name.get(name_key(family, given))
        if email:
            seen_email.setdefault(email.casefold(), row.line)
        seen_name.setdefault(name_key(family, given), row.line)
        exact = [d for d in row.duplicates if d.exact_email]
        if earlier is not None:
            row.same_as_line, row.proposed = earlier, "skip"
        elif len(exact) == 1:
            row.proposed, row.target_id = "update", exact[0].contact_id
            row.unchanged = not row_changes(
                row, row.organisation_id, contacts.get_contact(row.target_id)
            )
        elif row.duplicates:
            row.proposed, row.target_id = "skip", row.duplicates[0].contact_id
        else:
            row.proposed = "create"
    return ContactImportPlan(table, mapping, rows)


# -- apply ------------------------------------------------------------------------------


def resolve_decisions(
    plan: ContactImportPlan, decisions: Mapping[int, RowDecision | str] | None
) -> dict[int, RowDecision]:
    """Every row's decision: the given one (by line), else the proposed one."""
    resolved = plan.default_decisions()
    lines = set(resolved)
    for line, decision in (decisions or {}).items():
        if line not in lines:
            raise ExchangeError(f"Aucune ligne {line} dans le fichier importé.")
        if isinstance(decision, str):
            row = next(r for r in plan.rows if r.line == line)
            action = cast(Action, decision)  # checked just below, as a given RowDecision is
            decision = RowDecision(action, row.target_id if action == "update" else None)
        if decision.action not in ACTION_LABELS:
            raise ExchangeError(f"Ligne {line} : décision inconnue « {decision.action} ».")
        resolved[line] = decision
    return resolved


@retrying
def apply_contacts(
    plan: ContactImportPlan, decisions: Mapping[int, RowDecision | str] | None = None
) -> ContactImportResult:
    """Write the decided rows in one transaction; any failure leaves the database as it was."""
    resolved = resolve_decisions(plan, decisions)
    created: list[str] = []
    updated: list[str] = []
    unchanged: list[str] = []
    new_organisations: dict[str, str] = {}  # folded name -> id
    created_names: list[str] = []
    with database.atomic(), history.batch("import", "Import de contacts"):
        for row in plan.rows:
            decision = resolved[row.line]
            if decision.action == "skip":
                continue
            if row.errors or row.record is None:
                raise ExchangeError(f"Import annulé, rien n'a été enregistré : {row.error_text()}.")
            try:
                org_id = row.organisation_id
                if row.organisation and org_id is None and row.post_id is None:
                    key = fold(row.organisation)
                    if key not in new_organisations:
                        org = organisations.create_organisation(
                            {"name": row.organisation, "country": row.country}
                        )
                        new_organisations[key] = org["id"]
                        created_names.append(row.organisation)
                    org_id = new_organisations[key]
                if decision.action == "create":
                    created.append(_create(row, org_id))
                else:
                    if not decision.target_id:
                        raise ExchangeError("aucun contact existant choisi pour la mise à jour")
                    target = decision.target_id
                    (updated if _update(row, org_id, target) else unchanged).append(target)
            except (ValidationError, ExchangeError, NotFoundError, StaleRecordError) as exc:
                raise ExchangeError(
                    f"Import annulé, rien n'a été enregistré : ligne {row.line}, {exc}"
                ) from exc
    skipped = sum(1 for d in resolved.values() if d.action == "skip")
    rejected = [r.line for r in plan.rows if r.errors]  # skipped: applying them stops above
    return ContactImportResult(created, updated, skipped, created_names, unchanged, rejected)


def _create(row: ContactRow, org_id: str | None) -> str:
    data = dict(row.record or {})
    if row.values.get("function") or org_id or row.post_id:
        data["positions"] = [
            {
                "function": row.values.get("function") or "",
                "organisation_id": org_id,
                "post_id": None if org_id else row.post_id,
            }
        ]
    return contacts.create_contact(data)["id"]


def row_changes(row: ContactRow, org_id: str | None, current: Mapping[str, Any]) -> dict:
    """What an update of ``current`` by ``row`` would write; empty when it changes nothing."""
    changes = {
        k: v
        for k, v in (row.record or {}).items()
        if v not in (None, "") and k != "notes" and v != current.get(k)
    }
    if (changes.get("email") or "").casefold() == (current.get("email") or "").casefold():
        changes.pop("email", None)  # the same address: keep how it is written
    note = (row.record or {}).get("notes")
    if note and note not in (current.get("notes") or ""):
        changes["notes"] = "\n".join(filter(None, [current.get("notes"), note]))
    function = row.values.get("function")
    post_id = None if org_id else row.post_id
    if row.organisation and not (org_id or post_id):  # an organisation still to create
        changes["positions"] = []  # (the preview's answer; apply passes the new id)
        return changes
    if function or org_id or post_id:
        positions = [dict(p) for p in current["positions"]]
        now = contacts.current_position(positions)
        if now is None:
            positions.append(
                {"function": function or "", "organisation_id": org_id, "post_id": post_id}
            )
        else:
            if function:
                now["function"] = function
            if org_id or post_id:
                now["organisation_id"], now["post_id"] = org_id, post_id
        if positions != current["positions"]:
            changes["positions"] = positions
    return changes


def _update(row: ContactRow, org_id: str | None, target_id: str) -> bool:
    """Update the contact; False (nothing written) when the row changes nothing."""
    current = contacts.get_contact(target_id)
    changes = row_changes(row, org_id, current)
    if changes:
        contacts.update_contact(target_id, changes, current["version"])
    return bool(changes)
