"""A preview of a full JSON import: how many records of each collection it creates or updates.

The document is checked whole first (:func:`relations_app.jsonio.validate_file`), writing
nothing; applying the preview (:func:`apply_json`) reads it again and writes what was
shown, in one transaction, or refuses if the file changed in between.

The preview also warns of the contacts, organisations and partners the file would create
(ids the database does not hold) that look like an existing one by the rules of the
"Doublons possibles" view (:class:`relations_app.services.duplicates.LookAlikes`): one
statement per collection the file creates records in, the checked records read back from
the plan's temporary file, matched in memory.  Records are merged by id, so nothing is
merged here: the warning says which (the "Doublons possibles" view merges them after).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from .. import jsonio
from ..i18n import _, counted, language
from ..records import RECORD_TYPES
from ..services.duplicates import KINDS, REASONS, LookAlike, LookAlikes

#: The look-alikes the preview lists by name (the others are counted).
SHOWN_LOOK_ALIKES = 10


@dataclass(frozen=True)
class NewLookAlike:
    """A record the file creates that looks like an existing one."""

    collection: str
    record_id: str
    label: str
    existing: LookAlike

    def describe(self) -> str:
        """ "Contact « Noemie Giguere » (nouvel identifiant) : ressemble à « Noémie Giguère »
        (même nom)" """
        return _(
            "{kind} « {name} » (nouvel identifiant) : ressemble à « {existing} » ({reason})"
        ).format(
            kind=_capital(RECORD_TYPES[self.collection].noun(language()).singular),
            name=self.label,
            existing=self.existing.label,
            reason=_(REASONS[self.existing.reason][0]),
        )


@dataclass(frozen=True)
class JsonImportPreview:
    plan: jsonio.Plan
    created: dict[str, int]  # collection -> count
    updated: dict[str, int]
    replaces_office: bool
    source: str = ""  # the file's name, as the history tells the import
    look_alikes: list[NewLookAlike] = field(default_factory=list)

    def lines(self) -> list[str]:
        return self.counts() + self.look_alike_lines()

    def counts(self) -> list[str]:
        """What the import creates and updates, a line a collection."""
        summary = jsonio.ImportSummary(dict(self.created), dict(self.updated))
        return summary.lines(planned=True) + (
            [_("fiche de l'office remplacée")] if self.replaces_office else []
        )

    def look_alike_lines(self) -> list[str]:
        """The warnings for the new records that look like existing ones (or none)."""
        if not self.look_alikes:
            return []
        shown = [
            _("Attention : {what}").format(what=m.describe())
            for m in self.look_alikes[:SHOWN_LOOK_ALIKES]
        ]
        rest = len(self.look_alikes) - SHOWN_LOOK_ALIKES
        if rest > 0:
            shown.append(
                counted(
                    "… et {count} autre nouvel enregistrement qui ressemble à un existant",
                    "… et {count} autres nouveaux enregistrements qui ressemblent à des existants",
                    rest,
                )
            )
        return shown

    def describe(self) -> str:
        """The counts on one line (the look-alikes: :meth:`look_alike_lines`)."""
        return _(" ; ").join(self.counts())


def _preview(plan: jsonio.Plan, source: str = "") -> JsonImportPreview:
    return JsonImportPreview(
        plan, plan.created, plan.updated, plan.office is not None, source, _look_alikes(plan)
    )


def _capital(word: str) -> str:
    return word[:1].upper() + word[1:]


def _label(collection: str, record: Mapping[str, Any]) -> str:
    if collection == "contacts":
        return f"{record.get('given_name') or ''} {record.get('family_name') or ''}".strip()
    return str(record.get("name") or "")


def _look_alikes(plan: jsonio.Plan) -> list[NewLookAlike]:
    """The new contacts, organisations and partners that look like existing ones."""
    wanted = [kind for kind in KINDS if plan.created.get(kind)]
    if not wanted:
        return []
    indexes = {kind: LookAlikes.of(kind) for kind in wanted}
    found: list[NewLookAlike] = []
    for collection, record_id, record in plan.cleaned_records():
        index = indexes.get(collection)
        if index is None or record_id in index.labels:  # an update, by id
            continue
        matches = [m for m in index.find_record(record) if m.record_id != record_id]
        if matches:
            found.append(
                NewLookAlike(collection, record_id, _label(collection, record), matches[0])
            )
    return found


def preview_json_document(document: Mapping[str, Any]) -> JsonImportPreview:
    """Validate ``document`` and count what it would create and update; writes nothing."""
    return _preview(jsonio.validate_document(document))


def preview_json_file(
    path: str | os.PathLike[str], progress: jsonio.Progress | None = None
) -> JsonImportPreview:
    """The same for a file, read a record at a time; ``progress(kib_read, kib_total)``."""
    return _preview(jsonio.validate_file(path, progress), os.path.basename(path))


def apply_json(
    preview: JsonImportPreview, progress: jsonio.Progress | None = None
) -> jsonio.ImportSummary:
    """Write the previewed document in one transaction (all or nothing);
    ``progress(records_written, records_total)``, which may raise to cancel."""
    return jsonio.apply_plan(preview.plan, progress, summary=preview.source)
