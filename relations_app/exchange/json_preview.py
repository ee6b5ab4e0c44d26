"""A preview of a full JSON import: how many records of each collection it creates or updates.

The document is checked whole first (:func:`relations_app.jsonio.validate_file`), writing
nothing; applying the preview (:func:`apply_json`) reads it again and writes what was
shown, in one transaction, or refuses if the file changed in between.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .. import jsonio
from ..i18n import _


@dataclass(frozen=True)
class JsonImportPreview:
    plan: jsonio.Plan
    created: dict[str, int]  # collection -> count
    updated: dict[str, int]
    replaces_office: bool
    source: str = ""  # the file's name, as the history tells the import

    def lines(self) -> list[str]:
        summary = jsonio.ImportSummary(dict(self.created), dict(self.updated))
        return summary.lines(planned=True) + (
            [_("fiche de l'office remplacée")] if self.replaces_office else []
        )

    def describe(self) -> str:
        return _(" ; ").join(self.lines())


def _preview(plan: jsonio.Plan, source: str = "") -> JsonImportPreview:
    return JsonImportPreview(plan, plan.created, plan.updated, plan.office is not None, source)


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
