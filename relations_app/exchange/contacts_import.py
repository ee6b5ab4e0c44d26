"""Importing contacts from a table (CSV or XLSX): map, preview, decide, apply.

The three steps the import window shows, each a plain function:

1. :func:`propose_mapping` guesses which column holds what from the header names
   (French or English: Nom, Prénom, Courriel/E-mail, Téléphone, Fonction, Organisation,
   Pays, Notes); the user may change it.
2. :func:`preview_contacts` validates every row with the contact fields of
   :mod:`relations_app.services.contacts` (French messages naming the line and the field),
   matches it against the database (:mod:`.contacts_matching`: the contacts it looks
   like, its organisation) and against the earlier rows of the file (a repeat), and
   proposes a decision per row: *create* a new contact, *merge* it into the existing
   contact with the same e-mail, *ask* (a row that only looks like someone: a person
   chooses merge or create), or *skip* (a row with errors, or a repeat).
3. :func:`apply_contacts` writes the chosen decisions in one transaction: all rows or
   none.  A row with errors that is not skipped, or a look-alike left undecided, stops
   everything with its message.

A merge fills the existing contact's blank fields from the row and keeps what it has: a
different e-mail or phone goes into its notes ("Autre courriel : …"), never over the one
it has; the history tells it as a merge.  An update (chosen by a person) writes what the
row gives over what the contact has (an empty cell never erases); the function and
organisation replace those of the contact's current position, or become its current
position when it has none.  An organisation cell that names no organisation but looks like
one (:mod:`.contacts_matching`) is flagged, and the person goes to that organisation unless
the import is told to create it; organisations not found are created (kind "other", the
row's country).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal, cast

from ..db.models import database
from ..db.retry import retrying
from ..i18n import _, counted, ngettext
from ..services import (
    NotFoundError,
    StaleRecordError,
    contacts,
    history,
    merge,
    organisations,
)
from ..services.duplicates import REASONS, LookAlike, phone_key
from ..text import fold, number_fr
from ..validation import Field, ValidationError, clean
from .common import (
    ExchangeError,
    country_code,
    name_key,
)
from .contacts_mapping import check_mapping, check_not_another_list, propose_mapping
from .contacts_matching import DuplicateCandidate, ExistingIndex
from .readers import SourceTable

Action = Literal["create", "merge", "update", "skip", "ask"]
ACTION_LABELS = {
    "create": "créer",
    "merge": "fusionner",
    "update": "mettre à jour",
    "skip": "ignorer",
    "ask": "à décider",
}
#: What to do with the rows that look like an existing contact (the command line's choice).
LOOK_ALIKE_CHOICES = ("merge", "create", "ask")

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
    target_id: str | None = None  # the contact a merge or an update would change
    #: the diplomatic post the "Organisation" cell names (our own export writes the post of
    #: a contact posted at an embassy there): the position goes to it, no organisation made
    post_id: str | None = None
    unchanged: bool = False  # a merge that would change nothing (our own export, back)
    #: the existing organisation the "Organisation" cell looks like (when it names none):
    #: the person goes to it, unless the import is told to create the organisation
    organisation_alike: LookAlike | None = None

    @property
    def name(self) -> str:
        return f"{self.values.get('given_name', '')} {self.values.get('family_name', '')}".strip()

    @property
    def look_alike(self) -> bool:
        """Whether the row would create a contact that looks like an existing one."""
        return bool(self.duplicates) and not self.errors and self.same_as_line is None

    def flags(self) -> str:
        """ "ressemble à Noémie Giguère (même courriel) ; …" (or "")."""
        return _(" ; ").join(d.flag() for d in self.duplicates[:3])

    def organisation_flag(self) -> str:
        """ "organisation « X » : ressemble à « Y » (même nom)" (or "")."""
        alike = self.organisation_alike
        if alike is None:
            return ""
        return _("organisation « {name} » : ressemble à « {existing} » ({reason})").format(
            name=self.organisation, existing=alike.label, reason=_(REASONS[alike.reason][0])
        )

    def organisation_for(self, organisations: str = "merge") -> str | None:
        """The existing organisation the person goes to: the one the cell names, else
        (``organisations`` "merge") the one it looks like."""
        if self.organisation_id or organisations != "merge" or self.organisation_alike is None:
            return self.organisation_id
        return self.organisation_alike.record_id

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

    def look_alikes(self) -> list[ContactRow]:
        return [r for r in self.rows if r.look_alike]

    def organisation_look_alikes(self) -> list[ContactRow]:
        """The rows whose organisation looks like an existing one (not skipped)."""
        return [r for r in self.rows if r.organisation_alike is not None and r.proposed != "skip"]

    def decide_look_alikes(self, choice: str) -> dict[int, RowDecision]:
        """The decisions for every look-alike row: "merge" (into its closest look-alike),
        "create", or "ask" (the proposals: a same e-mail merged, the others to decide)."""
        if choice not in LOOK_ALIKE_CHOICES:
            raise ExchangeError(
                _("choix inconnu pour les ressemblances : « {choice} » (attendu : {known})").format(
                    choice=choice, known=", ".join(LOOK_ALIKE_CHOICES)
                )
            )
        decisions = self.default_decisions()
        if choice == "ask":
            return decisions
        for row in self.look_alikes():
            target = row.target_id or row.duplicates[0].contact_id
            decisions[row.line] = (
                RowDecision("merge", target) if choice == "merge" else RowDecision("create")
            )
        return decisions

    def counts(self, decisions: Mapping[int, RowDecision | str] | None = None) -> dict[str, int]:
        resolved = resolve_decisions(self, decisions)
        result = {"create": 0, "merge": 0, "update": 0, "skip": 0, "ask": 0}
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
    unchanged: list[str] = field(default_factory=list)  # merges or updates changing nothing
    rejected: list[int] = field(default_factory=list)  # lines with errors, not written
    merged: list[str] = field(default_factory=list)  # existing contacts rows were merged into

    def describe(self) -> str:
        parts = [counted("{count} contact créé", "{count} contacts créés", len(self.created))]
        if self.merged:
            parts.append(
                counted(
                    "{count} contact fusionné avec un contact existant",
                    "{count} contacts fusionnés avec des contacts existants",
                    len(self.merged),
                )
            )
        parts.append(counted("{count} mis à jour", "{count} mis à jour", len(self.updated)))
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
        if row.organisation and not (row.organisation_id or row.post_id):
            row.organisation_alike = existing.organisation_look_alike(row.organisation)
        row.duplicates = existing.duplicates(family, given, email, row.record.get("phone"))
        earlier = seen_email.get(email.casefold()) if email else None
        earlier = earlier or seen_name.get(name_key(family, given))
        if email:
            seen_email.setdefault(email.casefold(), row.line)
        seen_name.setdefault(name_key(family, given), row.line)
        exact = [d for d in row.duplicates if d.exact_email]
        if earlier is not None:
            row.same_as_line, row.proposed = earlier, "skip"
        elif len(exact) == 1:
            row.proposed, row.target_id = "merge", exact[0].contact_id
        elif row.duplicates:
            row.proposed, row.target_id = "ask", row.duplicates[0].contact_id
        else:
            row.proposed = "create"
    _settle_merges(rows)
    return ContactImportPlan(table, mapping, rows)


def _settle_merges(rows: Sequence[ContactRow]) -> None:
    """Which merges would change nothing (our own export read back), the contacts read
    together (a few statements per 500, not one per row); a look-alike whose merge would
    change nothing is proposed as that merge: there is nothing to ask."""
    wanted = [r for r in rows if r.proposed in ("merge", "ask") and r.target_id]
    current = contacts.AREA.records_by_id([r.target_id for r in wanted if r.target_id])
    for row in wanted:
        target = current.get(row.target_id or "")
        if target is None:
            continue
        row.unchanged = not merge_changes(row, row.organisation_for(), target)
        if row.unchanged and row.proposed == "ask" and len(row.duplicates) == 1:
            row.proposed = "merge"


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
            target = row.target_id or (row.duplicates[0].contact_id if row.duplicates else None)
            decision = RowDecision(action, target if action in ("update", "merge") else None)
        if decision.action not in ACTION_LABELS:
            raise ExchangeError(f"Ligne {line} : décision inconnue « {decision.action} ».")
        resolved[line] = decision
    return resolved


def undecided(plan: ContactImportPlan, resolved: Mapping[int, RowDecision]) -> list[ContactRow]:
    """The look-alike rows still to decide (merge or create)."""
    return [r for r in plan.rows if resolved[r.line].action == "ask"]


def undecided_message(rows: Sequence[ContactRow]) -> str:
    """ "2 lignes ressemblent à un contact existant : ligne 4, Sarah Vaillan ressemble à…" """
    listed = "\n".join(
        _("ligne {line}, {name} {flags}").format(line=r.line, name=r.name, flags=r.flags())
        for r in rows[:10]
    )
    more = "\n…" if len(rows) > 10 else ""
    return (
        ngettext(
            "{count} ligne ressemble à un contact existant : choisissez de la fusionner "
            "ou de créer un contact",
            "{count} lignes ressemblent à des contacts existants : choisissez pour chacune "
            "de la fusionner ou de créer un contact",
            len(rows),
        ).format(count=number_fr(len(rows)))
        + " :\n"
        + listed
        + more
    )


@retrying
def apply_contacts(
    plan: ContactImportPlan,
    decisions: Mapping[int, RowDecision | str] | None = None,
    organisations_alike: str = "merge",
) -> ContactImportResult:
    """Write the decided rows in one transaction; any failure leaves the database as it was.

    ``organisations_alike``: "merge" puts a person whose organisation looks like an
    existing one at that one; "create" creates the organisation as the file names it."""
    if organisations_alike not in ("merge", "create"):
        raise ExchangeError(
            _("choix inconnu pour les ressemblances : « {choice} » (attendu : {known})").format(
                choice=organisations_alike, known="merge, create"
            )
        )
    resolved = resolve_decisions(plan, decisions)
    if waiting := undecided(plan, resolved):
        raise ExchangeError(
            _("Import annulé, rien n'a été enregistré. {problem}").format(
                problem=undecided_message(waiting)
            )
        )
    created: list[str] = []
    merged: list[str] = []
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
                org_id = row.organisation_for(organisations_alike)
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
                elif not decision.target_id:
                    raise ExchangeError(_("aucun contact existant choisi"))
                elif decision.action == "merge":
                    target = decision.target_id
                    (merged if _merge(row, org_id, target, plan.source.name) else unchanged).append(
                        target
                    )
                else:
                    target = decision.target_id
                    (updated if _update(row, org_id, target) else unchanged).append(target)
            except (ValidationError, ExchangeError, NotFoundError, StaleRecordError) as exc:
                raise ExchangeError(
                    f"Import annulé, rien n'a été enregistré : ligne {row.line}, {exc}"
                ) from exc
    skipped = sum(1 for d in resolved.values() if d.action == "skip")
    rejected = [r.line for r in plan.rows if r.errors]  # skipped: applying them stops above
    return ContactImportResult(
        created, updated, skipped, created_names, unchanged, rejected, merged
    )


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


def merge_changes(row: ContactRow, org_id: str | None, current: Mapping[str, Any]) -> dict:
    """What merging ``row`` into ``current`` would write: its blank fields filled, a
    different e-mail or phone added to its notes (never over its own); empty when the
    merge changes nothing."""
    record = row.record or {}
    changes: dict[str, Any] = {}
    notes = current.get("notes") or ""
    lines: list[str] = []
    for key, value in record.items():
        if key == "notes" or value in (None, ""):
            continue
        mine = current.get(key)
        if mine in (None, ""):
            changes[key] = value
        elif key == "email" and str(value).casefold() != str(mine).casefold():
            lines.append(_("Autre courriel : {value}").format(value=value))
        elif key == "phone" and phone_key(value) != phone_key(mine):
            lines.append(_("Autre téléphone : {value}").format(value=value))
    if record.get("notes"):
        lines.append(record["notes"])
    lines = [line for line in dict.fromkeys(lines) if line not in notes]
    if lines:
        changes["notes"] = "\n".join(filter(None, [notes, *lines]))
    function = row.values.get("function") or ""
    post_id = None if org_id else row.post_id
    to_create = bool(row.organisation) and not (org_id or post_id)
    positions = [dict(p) for p in current["positions"]]
    now = contacts.current_position(positions)
    if now is None:
        if function or org_id or post_id or to_create:
            positions.append({"function": function, "organisation_id": org_id, "post_id": post_id})
    else:
        if function and not now.get("function"):
            now["function"] = function
        if (org_id or post_id or to_create) and not (
            now.get("organisation_id") or now.get("post_id")
        ):
            now["organisation_id"], now["post_id"] = org_id, post_id
    if positions != current["positions"]:
        changes["positions"] = positions  # (an organisation to create: apply passes its id)
    return changes


def _merge(row: ContactRow, org_id: str | None, target_id: str, source: str) -> bool:
    """Merge the row into the contact; False when nothing changed.  Its history tells a
    merge with the row ("Fusion avec « Noemie Giguere (ligne 2 de contacts.csv) »"), a
    change set of its own inside the import's transaction."""
    current = contacts.get_contact(target_id)
    changes = merge_changes(row, org_id, current)
    if changes:
        merged = _("{name} (ligne {line} de {file})").format(
            name=row.name or _("sans nom"), line=row.line, file=source
        )
        with history.batch("import", merge.summary_of(merged, contacts.AREA.label_of(current))):
            contacts.AREA.update(target_id, changes, current["version"], kind="merged")
    return bool(changes)
