"""The changes of attached documents in words, for their owner's history:
"Document ajouté : Convention de jumelage (PDF, 1,2 Mo)".

A document's history lines are its own (collection ``attachments``, its id); the owner's
history lists them too (:func:`.history_read.record_history`).  A line names the document
by its title at the time of the change: the title now, with the later renames taken back
(:func:`read` reads every change of the documents listed once, in one query).  Its type and
size never change in its life: read once from the document, or from the trash for one
waiting there; a document purged for good is named by the label the history kept.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..db.models import RecordChange
from ..i18n import N_, _
from . import attachments
from .history_read import Change

COLLECTION = attachments.COLLECTION
KIND_TEXTS = {
    "created": N_("Document ajouté : {title} ({file})"),
    "trashed": N_("Document mis à la corbeille : {title}"),
    "untrashed": N_("Document rétabli depuis la corbeille : {title}"),
    "deleted": N_("Document supprimé définitivement : {title}"),
}


@dataclass
class Documents:
    """What the lines about documents need, read once for a list of changes."""

    facts: dict[str, attachments.FileFacts] = field(default_factory=dict)
    titles: dict[int, str] = field(default_factory=dict)  # change id -> title after it

    def title(self, change: Change) -> str:
        return self.titles.get(change.id) or change.label

    def file_text(self, change: Change) -> str:
        facts = self.facts.get(change.record_id)
        if facts is None:
            return _("fichier")
        return _("{type}, {size}").format(
            type=attachments.type_text(facts.file_name, facts.media_type),
            size=attachments.size_text(facts.size),
        )


def read(changes: Iterable[Change]) -> Documents:
    """The documents' facts and titles at each change, for the documents ``changes`` name
    (two or three queries, none when they name no document)."""
    ids = sorted({c.record_id for c in changes if c.collection == COLLECTION})
    documents = Documents()
    if not ids:
        return documents
    documents.facts = attachments.file_facts(ids)
    current = {a_id: facts.title for a_id, facts in documents.facts.items()}
    for start in range(0, len(ids), 500):
        query = (
            RecordChange.select(RecordChange.id, RecordChange.record_id, RecordChange.fields)
            .where(
                (RecordChange.collection == COLLECTION)
                & RecordChange.record_id.in_(ids[start : start + 500])
            )
            .order_by(RecordChange.id.desc())
            .tuples()
        )
        for change_id, record_id, fields in query:  # newest first: take renames back
            title = current.get(record_id)
            if title is None:  # purged: the history's label says it
                continue
            documents.titles[change_id] = title
            renamed = (json.loads(fields) if fields else {}).get("title")
            if renamed:
                current[record_id] = renamed[0] or title
    return documents


def value_text(key: str, value: object) -> str:
    if value in (None, ""):
        return _("vide")
    if key == "category":
        return attachments.category_label(str(value))
    return str(value)


def lines(change: Change, documents: Documents, suffix: str = "") -> list[str]:
    """What happened to the document, a line per changed field (without who and when);
    ``suffix`` says how (" (annulation)")."""
    title = documents.title(change)
    if change.kind == "changed" and change.fields:
        texts = []
        for key, (before, after) in change.fields.items():
            if key == "title":
                texts.append(
                    _("Document renommé : « {before} » → « {after} »").format(
                        before=before or "", after=after or ""
                    )
                )
            elif key == "date":
                texts.append(
                    _("Date du document « {title} » : {before} → {after}").format(
                        title=title, before=value_text(key, before), after=value_text(key, after)
                    )
                )
            else:
                texts.append(
                    _("Catégorie du document « {title} » : {before} → {after}").format(
                        title=title, before=value_text(key, before), after=value_text(key, after)
                    )
                )
        return [text + suffix for text in texts]
    template = KIND_TEXTS.get(change.kind)
    if template is None:
        return [_("Document « {title} » : {kind}").format(title=title, kind=change.kind) + suffix]
    return [_(template).format(title=title, file=documents.file_text(change)) + suffix]
