"""Texts holding invisible control characters, found and cleaned.

Validation refuses them now (:func:`relations_app.validation.text_problem`), but a
database written by an earlier version, or by another program, may hold some: a name
pasted with a bell (U+0007) or a vertical tab (U+000B) from a spreadsheet.  Nothing shows
them, an XLSX sheet cannot hold them (its export is refused), and the record cannot be
saved again until they are gone.  ``check`` lists the records that hold one
(:func:`records_with_control_characters`, one query per table, no record loaded) and
``check --repair-text`` removes them (:func:`repair`) through the ordinary update, so the
record's version moves on and a window holding an older copy is refused like any stale
edit.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import peewee as pw

from .. import i18n
from ..db import backend
from ..errors import UserError
from ..i18n import _, ngettext
from . import AREAS
from .base import Area

#: The characters looked for (and removed): C0 controls but tab and line breaks, DEL and
#: C1 controls.  NUL cannot reach a text column through SQLite and is left out.
CONTROL = "\x01-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"
_CONTROL = re.compile(f"[{CONTROL}]")


@dataclass
class DirtyRecord:
    """A record holding a control character, with the fields that hold one."""

    collection: str
    record_id: str
    label: str = ""
    fields: list[str] = field(default_factory=list)

    def describe(self, *, repaired: bool = False) -> str:
        """In French: « Le contact « Noémie Giguère » : le champ « Nom » contient un … »
        (« contenait » once repaired)."""
        names = ", ".join(f"« {name} »" for name in self.fields)
        count = len(self.fields)
        if repaired:
            sentence = ngettext(
                "{what} « {label} » : le champ {names} contenait un caractère de contrôle "
                "invisible",
                "{what} « {label} » : les champs {names} contenaient un caractère de contrôle "
                "invisible",
                count,
            )
        else:
            sentence = ngettext(
                "{what} « {label} » : le champ {names} contient un caractère de contrôle invisible",
                "{what} « {label} » : les champs {names} contiennent un caractère de contrôle "
                "invisible",
                count,
            )
        what = AREAS[self.collection].record_type.label(i18n.language())
        return sentence.format(what=what[0].upper() + what[1:], label=self.label, names=names)


@dataclass
class RepairReport:
    repaired: list[DirtyRecord] = field(default_factory=list)
    refused: list[tuple[DirtyRecord, str]] = field(default_factory=list)  # and why


def _text_columns(model: type[pw.Model]) -> list[pw.Field]:
    return [
        f
        for f in model._meta.sorted_fields
        if isinstance(f, (pw.CharField, pw.TextField))
        and not isinstance(f, pw.ForeignKeyField)
        # the derived folded columns are refolded by the update that cleans the fields
        and f.name not in ("id", "search", "sort_key", "texts")
    ]


def _owners() -> Iterator[tuple[str, type[pw.Model], pw.Field, list[pw.Field]]]:
    """(collection, table, the column naming the owning record, text columns) for every
    table whose texts belong to a main record: the record's own table and the tables of
    its lists (positions, funding lines, agenda items, links)."""
    for collection, area in AREAS.items():
        yield collection, area.model, area.model._meta.primary_key, _text_columns(area.model)
        for model, column in area.link_tables:
            columns = _text_columns(model)
            if columns:
                yield collection, model, model._meta.fields[column], columns


def _field_label(area: Area, model: type[pw.Model], column: pw.Field) -> str:
    """How the form names ``column``: a field of the record, or one of a list's."""
    if model is area.model:
        return area.key_label(column.name)
    for spec in area.lists:
        for item_field in spec.fields:
            if item_field.name == column.name:
                return f"{_(spec.label)} : {_(item_field.label)}"
    return area.key_label(column.name)


def records_with_control_characters() -> list[DirtyRecord]:
    """Every main record holding a control character in one of its texts or its lists'
    texts, in collection order, with the fields concerned (one query per table)."""
    engine = backend.current()
    found: dict[tuple[str, str], DirtyRecord] = {}
    for collection, model, owner, columns in _owners():
        if not columns:
            continue
        area = AREAS[collection]
        condition = engine.holds_characters(columns[0], CONTROL)
        for column in columns[1:]:
            condition |= engine.holds_characters(column, CONTROL)
        for row in model.select(owner, *columns).where(condition).tuples():
            owner_id, values = str(row[0]), row[1:]
            dirty = found.setdefault((collection, owner_id), DirtyRecord(collection, owner_id))
            for column, value in zip(columns, values, strict=True):
                if isinstance(value, str) and _CONTROL.search(value):
                    label = _field_label(area, model, column)
                    if label not in dirty.fields:
                        dirty.fields.append(label)
    order = list(AREAS)
    ordered = sorted(found.values(), key=lambda d: (order.index(d.collection), d.record_id))
    for collection in order:
        of_area = [d for d in ordered if d.collection == collection]
        if of_area:
            labels = AREAS[collection].option_labels([d.record_id for d in of_area])
            for dirty in of_area:
                dirty.label = _cleaned(labels.get(dirty.record_id, dirty.record_id))
    return ordered


def _cleaned(value: Any) -> Any:
    """``value`` with every control character gone (a vertical tab or form feed becomes a
    space: spreadsheets use them as line breaks), recursively through lists and dicts."""
    if isinstance(value, str):
        return _CONTROL.sub(lambda m: " " if m.group() in "\x0b\x0c" else "", value).strip()
    if isinstance(value, list):
        return [_cleaned(item) for item in value]
    if isinstance(value, dict):
        return {key: _cleaned(item) for key, item in value.items()}
    return value


def repair(found: list[DirtyRecord] | None = None) -> RepairReport:
    """Remove the control characters of every record :func:`records_with_control_characters`
    finds, one ordinary update each; a record today's validation refuses for another reason
    is left as it is, with that reason."""
    report = RepairReport()
    for dirty in records_with_control_characters() if found is None else found:
        area = AREAS[dirty.collection]
        record = area.get(dirty.record_id)
        cleaned = _cleaned(record)
        changes = {
            k: v for k, v in cleaned.items() if k not in ("id", "version") and v != record[k]
        }
        try:
            area.update(dirty.record_id, changes, expected_version=record["version"])
        except UserError as exc:
            report.refused.append((dirty, str(exc)))
        else:
            report.repaired.append(dirty)
    return report
