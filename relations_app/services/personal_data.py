"""Personal data of one person: export everything held about them, or erase them for good.

:func:`export_person` gathers the contact record, positions, partners, programmes (with the
function the programme's record gives), delegation memberships, the free texts that name
the person and what the trash holds about them, as one JSON-able dict.

:func:`erase_person` (after the caller's confirmation) removes the person and their links
in one transaction, and then makes the erased values unreadable in the database file
(secure_delete, WAL checkpoint, VACUUM).  The trace left behind, chosen so that history
stays readable without naming anyone:

- each programme the person took part in gets a dated line in its ``notes``:
  "Contact effacé le 22/11/2025 à la demande de la personne (organisation : …)", naming
  only the organisation they represented, not their function, which could identify them;
- each delegation they were a member of keeps the member line, with the name
  "Personne effacée" and no function, so the delegation's size and sides stay right;
- the trash loses the person's own items, and other items (a deleted programme, partner
  or delegation) lose or anonymise their rows about the person in the same way.

Free texts (notes, histories, agenda "people") are not rewritten: the report lists those
still naming the person (:class:`Mention`), for the user to edit.  Copies made before the
erasure still hold the person: the backups folder's until thinned (which keeps the 10
newest whatever their age), the one ``init --force`` kept until deleted by hand; the
report lists every such file, for the user to delete.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from ..db import backend
from ..db.models import (
    BaseModel,
    Contact,
    Delegation,
    DelegationMember,
    DiplomaticPost,
    Organisation,
    Partner,
    PartnerContact,
    Position,
    Programme,
    ProgrammeContact,
    TrashItem,
    database,
)
from ..db.retry import retrying
from ..db.texts import folded_texts
from ..faults import SHORT, DatabaseFault
from ..files import write_text_atomically
from ..i18n import _, counted, ngettext
from ..text import fold
from . import AREAS, attachments, contacts, delegations, history, history_erase
from .base import NotFoundError

FORMAT = "relations-app-personne"
PLACEHOLDER = "Personne effacée"
LINK_TABLES = ("position", "partner_contact", "programme_contact", "delegation_member")


@dataclass(frozen=True)
class Mention:
    """A free text that names the person (found by family name or e-mail)."""

    collection: str
    record_id: str
    record_label: str
    field: str  # label of the field, in the interface's language

    def describe(self) -> str:
        return f"{self.record_label} — {self.field}"


@dataclass
class ErasureReport:
    programmes: list[str] = field(default_factory=list)  # titles that got a trace line
    delegations: list[str] = field(default_factory=list)  # titles whose member was anonymised
    trash_items_removed: int = 0
    documents_removed: int = 0  # attached documents (their files, their history)
    trash_items_scrubbed: int = 0
    file_wiped: bool = (
        False  # False: another connection delayed the wipe (see Backend.wipe_deleted_content)
    )
    wipe_fault: str = ""  # or the fault that kept the wipe from completing (disk full…)
    mentions: list[Mention] = field(default_factory=list)  # free texts still naming the person
    backups_holding: list[Path] = field(default_factory=list)  # every file still holding them

    def describe(self) -> str:
        text = _("Personne effacée")
        if self.programmes:
            text += _(" ; ") + counted(
                "trace laissée dans {count} programme",
                "trace laissée dans {count} programmes",
                len(self.programmes),
            )
        if self.delegations:
            text += _(" ; ") + counted(
                "anonymisée dans {count} délégation",
                "anonymisée dans {count} délégations",
                len(self.delegations),
            )
        text += "."
        if self.wipe_fault:
            fault = SHORT.get(self.wipe_fault)
            text += " " + _(
                "Le fichier n'a pas pu être nettoyé ({fault}) : les valeurs effacées y restent "
                "lisibles jusqu'à sa prochaine fermeture."
            ).format(fault=_(fault) if fault else self.wipe_fault)
        elif not self.file_wiped:
            text += " " + _(
                "Une autre fenêtre utilise la base : les valeurs effacées quitteront le "
                "fichier à sa prochaine fermeture."
            )
        if self.mentions:
            text += " " + _("Textes qui la nomment encore : {texts}.").format(
                texts="; ".join(m.describe() for m in self.mentions)
            )
        if self.backups_holding:
            text += " " + ngettext(
                "{count} fichier la contient encore : {files}.",
                "{count} fichiers la contiennent encore : {files}.",
                len(self.backups_holding),
            ).format(
                count=len(self.backups_holding),
                files=", ".join(str(path) for path in self.backups_holding),
            )
            text += " " + _(
                "Les copies de sauvegarde ne disparaissent qu'au fil du tri (les 10 plus "
                "récentes sont toujours gardées, quel que soit leur âge) : supprimez ces "
                "fichiers pour qu'elle n'y figure plus."
            )
        return text


# -- gathering -----------------------------------------------------------------------------


def _trash_items_of(contact_id: str) -> list[TrashItem]:
    return list(
        TrashItem.select()
        .where((TrashItem.collection == "contacts") & (TrashItem.record_id == contact_id))
        .order_by(TrashItem.deleted_at.desc())
    )


def _person(contact_id: str) -> tuple[dict, dict[str, list[dict]]]:
    """The contact record and its link rows (by table), from the database or the trash."""
    contact = Contact.get_or_none(Contact.id == contact_id)
    if contact is not None:
        links = {
            "position": list(Position.select().where(Position.contact == contact_id).dicts()),
            "partner_contact": list(
                PartnerContact.select().where(PartnerContact.contact == contact_id).dicts()
            ),
            "programme_contact": list(
                ProgrammeContact.select().where(ProgrammeContact.contact == contact_id).dicts()
            ),
            "delegation_member": list(
                DelegationMember.select().where(DelegationMember.contact == contact_id).dicts()
            ),
        }
        return contacts.AREA.to_record(contact), links
    items = _trash_items_of(contact_id)
    if not items:
        raise NotFoundError(_("Le contact {id} n'existe pas (ou plus).").format(id=contact_id))
    snap = json.loads(items[0].snapshot)
    links = {table: [] for table in LINK_TABLES}
    for item in snap["deleted"]:
        if item["table"] in links:
            links[item["table"]].append(item["row"])
    member_ids = [c["pk"] for c in snap["cleared"] if c["table"] == "delegation_member"]
    links["delegation_member"] = list(
        DelegationMember.select().where(DelegationMember.id.in_(member_ids)).dicts()
    )
    return snap["record"], links


def _name(model: type[BaseModel], record_id: str | None, column: str) -> str | None:
    if not record_id:
        return None
    row = model.get_or_none(model.id == record_id)
    return getattr(row, column) if row is not None else None


def export_person(contact_id: str) -> dict:
    """Everything held about the person, as JSON-able data (the right of access)."""
    record, links = _person(contact_id)
    document: dict[str, Any] = {
        "format": FORMAT,
        "version": 1,
        "exported_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "contact": record,
        "positions": [
            {
                "function": p["function"],
                "organisation": _name(Organisation, p["organisation"], "name"),
                "post": _name(DiplomaticPost, p["post"], "name"),
                "start": p["start"],
                "end": p["end"],
            }
            for p in sorted(links["position"], key=lambda p: p["position"])
        ],
        "partners": [
            {"id": link["partner"], "name": _name(Partner, link["partner"], "name")}
            for link in links["partner_contact"]
        ],
        "programmes": [
            {
                "id": link["programme"],
                "title": _name(Programme, link["programme"], "title"),
                "function": link["function"],
                "organisation": _name(Organisation, link["organisation"], "name"),
            }
            for link in links["programme_contact"]
        ],
        "delegations": [
            {
                "id": m["delegation"],
                "title": _name(Delegation, m["delegation"], "title"),
                "name": m["name"],
                "function": m["function"],
                "organisation": m["organisation"],
                "side": m["side"],
            }
            for m in links["delegation_member"]
        ],
        "documents": [
            {"title": a.title, "date": a.date, "file_name": a.file_name, "size": a.size}
            for a in attachments.list_for("contacts", contact_id)
        ],
        "mentions": [asdict(m) for m in find_mentions(record)],
        "trash": [
            {
                "kind": item.collection,
                "label": item.label,
                "deleted_at": item.deleted_at.isoformat(),
            }
            for item in TrashItem.select().where(TrashItem.snapshot.contains(contact_id))
        ],
    }
    return document


def export_person_to_file(contact_id: str, path: str | Path) -> dict:
    document = export_person(contact_id)
    write_text_atomically(path, json.dumps(document, ensure_ascii=False, indent=2) + "\n")
    return document


def _strings(value: Any, path: str = "") -> Iterator[tuple[str, str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, key if not path else f"{path}.{key}")
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item, path)


def find_mentions(person: dict) -> list[Mention]:
    """Free texts of other records naming the person: family name as a word, or e-mail."""
    family = fold(person.get("family_name"))
    email = (person.get("email") or "").lower()
    word = re.compile(rf"\b{re.escape(family)}\b") if len(family) >= 3 else None
    found: list[Mention] = []
    for collection, area in AREAS.items():
        for record in area.all_records():
            if collection == "contacts" and record["id"] == person.get("id"):
                continue
            own = {  # lines linked to the person (delegation members…) are links, not mentions
                k: [
                    i
                    for i in v
                    if not (isinstance(i, dict) and i.get("contact_id") == person.get("id"))
                ]
                if isinstance(v, list)
                else v
                for k, v in record.items()
                if k != "id"
            }
            fields = sorted(
                {
                    path
                    for path, text in _strings(own)
                    if (word and word.search(fold(text))) or (email and email in text.lower())
                }
            )
            for path in fields:
                found.append(
                    Mention(
                        collection,
                        record["id"],
                        area.label_of(record) or record["id"],
                        _path_label(area, path),
                    )
                )
    return found


def _path_label(area: Any, path: str) -> str:
    """ "members.name" -> "Membres (Nom)"."""
    head, _sep, rest = path.partition(".")
    label = area.key_label(head)
    if not rest:
        return label
    spec = next((s for s in area.lists if s.name == head), None)
    sub = next((f.label for f in spec.fields if f.name == rest), rest) if spec else rest
    return f"{label} ({_(sub)})"


# -- erasing -------------------------------------------------------------------------------


def _trace(organisation: str | None, today: date) -> str:
    org = f" ; organisation : {organisation}" if organisation else ""
    return (
        f"Contact effacé le {today.strftime('%d/%m/%Y')} (données personnelles supprimées "
        f"à la demande de la personne{org})."
    )


def _with_trace(notes: str, trace: str) -> str:
    return f"{notes}\n{trace}" if notes else trace


def erase_person(contact_id: str, *, today: date | None = None) -> ErasureReport:
    """Erase the person (after the caller's confirmation); see the module docstring.

    One transaction for the records; then the file is wiped of the erased values.
    """
    today = today or date.today()
    report = ErasureReport()
    person, links = _person(contact_id)
    engine = backend.current()

    @retrying
    def run() -> None:
        with database.atomic(), history.batch("erase", "Données personnelles effacées"):
            _erase(contact_id, links, today, report)
            history_erase.erase_person(contact_id, today, PLACEHOLDER)

    with engine.secure_delete(database):
        run()
        try:
            report.file_wiped = engine.wipe_deleted_content(database)
        except DatabaseFault as fault:  # the erasure is committed: say why the wipe is not
            report.wipe_fault = fault.kind
    report.mentions = find_mentions(person)
    report.backups_holding = _backups_holding(contact_id)
    return report


def _erase(
    contact_id: str, links: dict[str, list[dict]], today: date, report: ErasureReport
) -> None:
    for link in links["programme_contact"]:
        programme = Programme.get_or_none(Programme.id == link["programme"])
        if programme is None:
            continue
        trace = _trace(_name(Organisation, link["organisation"], "name"), today)
        ProgrammeContact.delete().where(
            (ProgrammeContact.programme == programme.id) & (ProgrammeContact.contact == contact_id)
        ).execute()
        notes = _with_trace(programme.notes, trace)
        texts = folded_texts("programme", {**programme.__data__, "notes": notes})
        Programme.update(notes=notes, texts=texts, version=Programme.version + 1).where(
            Programme.id == programme.id
        ).execute()
        history.record(
            "programmes",
            programme.id,
            "changed",
            version=programme.version + 1,
            label=programme.title,
            fields={"notes": [programme.notes, notes]},
        )
        report.programmes.append(programme.title)
    members = DelegationMember.select().where(
        DelegationMember.id.in_([m["id"] for m in links["delegation_member"]])
    )
    for delegation_id in sorted({m.delegation_id for m in members}):
        DelegationMember.update(contact=None, name=PLACEHOLDER, function="").where(
            (DelegationMember.delegation == delegation_id)
            & DelegationMember.id.in_([m["id"] for m in links["delegation_member"]])
        ).execute()
        record = delegations.AREA.to_record(Delegation.get_by_id(delegation_id))
        Delegation.update(
            search=delegations.AREA.search_text(record), version=Delegation.version + 1
        ).where(Delegation.id == delegation_id).execute()
        version = Delegation.select(Delegation.version).where(Delegation.id == delegation_id)
        history.record(
            "delegations", delegation_id, "changed", version=version.scalar(), label=record["title"]
        )
        report.delegations.append(record["title"])
    report.documents_removed = attachments.erase_owner("contacts", contact_id)
    Contact.delete().where(Contact.id == contact_id).execute()  # positions and links cascade
    for item in TrashItem.select().where(TrashItem.snapshot.contains(contact_id)):
        if item.collection == "contacts" and item.record_id == contact_id:
            item.delete_instance()
            report.trash_items_removed += 1
        elif _scrub_snapshot(item, contact_id, today):
            report.trash_items_scrubbed += 1


def _scrub_snapshot(item: TrashItem, contact_id: str, today: date) -> bool:
    """Remove or anonymise the person's rows in another deleted record's snapshot."""
    snap = json.loads(item.snapshot)
    kept, traced = [], set()
    for entry in snap["deleted"]:
        row, table = entry["row"], entry["table"]
        if (
            table in ("position", "partner_contact", "programme_contact")
            and row.get("contact") == contact_id
        ):
            if table == "programme_contact":
                traced.add((row["programme"], row.get("organisation")))
            continue
        if table == "delegation_member" and row.get("contact") == contact_id:
            row.update(contact=None, name=PLACEHOLDER, function="")
        kept.append(entry)
    snap["deleted"] = kept
    snap["cleared"] = [c for c in snap["cleared"] if c.get("value") != contact_id]
    record = snap.get("record", {})
    for programme_id, organisation_id in traced:
        trace = _trace(_name(Organisation, organisation_id, "name"), today)
        for entry in kept:
            if entry["table"] == "programme" and entry["row"]["id"] == programme_id:
                entry["row"]["notes"] = _with_trace(entry["row"]["notes"], trace)
                if "texts" in entry["row"]:
                    entry["row"]["texts"] = folded_texts("programme", entry["row"])
                if record.get("id") == programme_id:
                    record["notes"] = entry["row"]["notes"]
    if "contacts" in record and item.collection == "programmes":
        record["contacts"] = [c for c in record["contacts"] if c.get("contact_id") != contact_id]
    if item.collection == "delegations":
        for member in record.get("members", []):
            if member.get("contact_id") == contact_id:
                member.update(contact_id=None, name=PLACEHOLDER, function="")
        for entry in kept:
            if entry["table"] == "delegation" and entry["row"]["id"] == record.get("id"):
                entry["row"]["search"] = delegations.AREA.search_text(record)
    text = json.dumps(snap, ensure_ascii=False)
    if text == item.snapshot:
        return False
    TrashItem.update(snapshot=text).where(TrashItem.id == item.id).execute()
    return True


def _backups_holding(contact_id: str) -> list[Path]:
    from .. import backups  # backups imports the services: import late

    location = backend.current().location_of(database)
    if location is None:
        return []
    return backups.copies_holding(location, "contact", contact_id)
