"""A preview of a full JSON import: how many records of each collection it creates or updates.

The document is validated whole first (:func:`relations_app.jsonio.validate_document`);
the preview keeps that validated plan, so that applying it (:func:`apply_json`) writes
exactly what was shown, in one transaction.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .. import jsonio
from ..services import AREAS


@dataclass(frozen=True)
class JsonImportPreview:
    plan: jsonio.Plan
    created: dict[str, int]  # collection -> count
    updated: dict[str, int]
    replaces_office: bool

    def describe(self) -> str:
        summary = jsonio.ImportSummary(dict(self.created), dict(self.updated))
        text = summary.describe()
        return text + (" ; fiche de l'office remplacée" if self.replaces_office else "")


def existing_ids(collection: str, ids: list[str]) -> set[str]:
    """Which of ``ids`` exist in ``collection`` (a read helper, in chunks)."""
    model = AREAS[collection].model
    found: set[str] = set()
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        found.update(r.id for r in model.select(model.id).where(model.id.in_(chunk)))
    return found


def preview_json_document(document: Mapping[str, Any]) -> JsonImportPreview:
    """Validate ``document`` and count what it would create and update; writes nothing."""
    plan = jsonio.validate_document(document)
    created: dict[str, int] = {}
    updated: dict[str, int] = {}
    for name, items in plan.records.items():
        ids = [record_id for record_id, _ in items]
        present = existing_ids(name, ids)
        if len(ids) - len(present):
            created[name] = len(ids) - len(present)
        if present:
            updated[name] = len(present)
    return JsonImportPreview(plan, created, updated, plan.office is not None)


def preview_json_file(path: str | os.PathLike[str]) -> JsonImportPreview:
    return preview_json_document(jsonio.read_document(path))


def apply_json(preview: JsonImportPreview) -> jsonio.ImportSummary:
    """Write the previewed document in one transaction (all or nothing)."""
    return jsonio.apply_plan(preview.plan)
