"""Moving data in and out in the formats the office already uses.

Export (:mod:`.export`): any list to CSV or XLSX with the window's columns, search and
filters; contacts to vCard 4.0; events, delegation agendas and agreement anniversaries to
iCalendar; the full JSON dump.

Import, always in two steps: a preview that writes nothing, then an apply that writes the
chosen decisions in one transaction (all or nothing):

- contacts from CSV or XLSX: :func:`.readers.read_table` → :func:`.contacts_import.preview_contacts`
  → :func:`.contacts_import.apply_contacts`;
- the full JSON dump: :func:`.json_preview.preview_json_file` → :func:`.json_preview.apply_json`;
- an Atlas record: :func:`.atlas_parse.parse_atlas` → :func:`.atlas_plan.plan_atlas`
  → :func:`.atlas_apply.apply_atlas`.

Errors meant for the user are :class:`.common.ExchangeError` (a ``UserError``), in French,
naming the line and the field.  Nothing here imports Qt.
"""

from .atlas_apply import AtlasImportResult, apply_atlas
from .atlas_parse import AtlasRecord, parse_atlas
from .atlas_plan import AtlasPlan, plan_atlas
from .columns import LISTS, Column, ListSpec, Table, build_table
from .common import ExchangeError
from .contacts_import import (
    ContactImportPlan,
    ContactImportResult,
    ContactRow,
    RowDecision,
    apply_contacts,
    preview_contacts,
    propose_mapping,
)
from .export import FORMATS, ExportResult, export_file
from .json_preview import (
    JsonImportPreview,
    apply_json,
    preview_json_document,
    preview_json_file,
)
from .readers import SourceTable, read_table, read_text_file

__all__ = [
    "FORMATS",
    "LISTS",
    "AtlasImportResult",
    "AtlasPlan",
    "AtlasRecord",
    "Column",
    "ContactImportPlan",
    "ContactImportResult",
    "ContactRow",
    "ExchangeError",
    "ExportResult",
    "JsonImportPreview",
    "ListSpec",
    "RowDecision",
    "SourceTable",
    "Table",
    "apply_atlas",
    "apply_contacts",
    "apply_json",
    "build_table",
    "export_file",
    "parse_atlas",
    "plan_atlas",
    "preview_contacts",
    "preview_json_document",
    "preview_json_file",
    "propose_mapping",
    "read_table",
    "read_text_file",
]
