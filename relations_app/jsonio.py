"""The full JSON dump: lossless export, and import that merges by id or changes nothing.

The format is documented in ``docs/json-format.md``.  Import validates the whole document
(every field, every reference) before writing anything, then writes it in one transaction.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import storage
from .errors import UserError
from .files import write_text_atomically
from .models import database
from .services import AREAS
from .services import office as office_service
from .validation import ValidationError

FORMAT = "relations-app"
VERSION = 1

#: Order of the collections in an exported document.
EXPORT_ORDER = (
    "partners",
    "programmes",
    "organisations",
    "contacts",
    "diplomatic_posts",
    "consulates",
    "events",
    "delegations",
)

COLLECTION_LABELS = {
    "partners": "partenaire",
    "programmes": "programme",
    "organisations": "organisation",
    "contacts": "contact",
    "diplomatic_posts": "poste diplomatique",
    "consulates": "consulat",
    "events": "événement",
    "delegations": "délégation",
}

#: Where each collection refers to others: path -> target collection.
#: "a[]" is a list of ids, "a[].b" the key b of each item of list a, "b" a single id.
REFERENCES: Mapping[str, Mapping[str, str]] = {
    "partners": {"key_figures[].programme_id": "programmes"},
    "programmes": {
        "partner_ids[]": "partners",
        "organisations[].organisation_id": "organisations",
        "contacts[].contact_id": "contacts",
        "contacts[].organisation_id": "organisations",
    },
    "organisations": {"partner_ids[]": "partners"},
    "contacts": {
        "partner_ids[]": "partners",
        "organisation_id": "organisations",
        "positions[].organisation_id": "organisations",
        "positions[].post_id": "diplomatic_posts",
    },
    "events": {"partner_id": "partners", "programme_id": "programmes"},
    "delegations": {"partner_ids[]": "partners", "members[].contact_id": "contacts"},
}

DERIVED_KEYS = {"contacts": {"function", "organisation_id"}}


class ImportFileError(UserError, ValueError):
    """The file cannot be read as a Relations document; the message is in French."""


@dataclass
class ImportSummary:
    created: dict[str, int] = field(default_factory=dict)
    updated: dict[str, int] = field(default_factory=dict)

    def describe(self) -> str:
        parts = []
        for name in EXPORT_ORDER:
            c, u = self.created.get(name, 0), self.updated.get(name, 0)
            if c or u:
                parts.append(f"{name} : {c} créé(s), {u} mis à jour")
        return "; ".join(parts) or "aucun enregistrement"


# -- export ---------------------------------------------------------------------------


def export_document() -> dict:
    document: dict[str, Any] = {"format": FORMAT, "version": VERSION}
    office = office_service.get_office()
    document["office"] = office if office["id"] else None
    for name in EXPORT_ORDER:
        document[name] = AREAS[name].all_records()
    return document


def dumps(document: Mapping[str, Any]) -> str:
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def write_atomically(path: str | os.PathLike[str], text: str) -> None:
    """Write ``text`` to ``path`` so that a crash leaves either the old or the new file."""
    write_text_atomically(path, text)


def iter_collection(name: str, batch: int = 1000) -> Iterator[dict]:
    """The records of collection ``name`` as :func:`export_document` lists them (by id),
    read a batch at a time: a quarter-million contacts never sit in memory at once."""
    area = AREAS[name]
    model = area.model
    last = None
    while True:
        query = model.select().order_by(model.id).limit(batch)
        if last is not None:
            query = query.where(model.id > last)
        rows = list(query)
        if not rows:
            return
        yield from area.records_for(rows)
        last = rows[-1].id


def write_document(path: str | os.PathLike[str]) -> dict[str, int]:
    """Write the dump to ``path`` record by record; return how many records per collection.

    The file is byte for byte ``dumps(export_document())`` (the indented form of a nested
    value is its own indented form shifted right), written to a temporary file beside
    ``path`` and renamed over it once complete, so a crash leaves the old file.
    """
    def encoded(value: Any, level: int) -> str:
        return json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n" + "  " * level)

    path = Path(path)
    counts: dict[str, int] = {}
    office = office_service.get_office()
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent or ".")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(f'{{\n  "format": {json.dumps(FORMAT)},\n  "version": {json.dumps(VERSION)},\n'
                         f'  "office": {encoded(office if office["id"] else None, 1)}')
            for name in EXPORT_ORDER:
                handle.write(f",\n  {json.dumps(name)}: ")
                count = 0
                for record in iter_collection(name):
                    handle.write(("[\n    " if not count else ",\n    ") + encoded(record, 2))
                    count += 1
                handle.write("\n  ]" if count else "[]")
                counts[name] = count
            handle.write("\n}\n")
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return counts


def export_to_file(path: str | os.PathLike[str]) -> dict:
    document = export_document()
    write_atomically(path, dumps(document))
    return document


# -- reading and validating ------------------------------------------------------------


def read_document(path: str | os.PathLike[str]) -> dict:
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise ImportFileError(f"Impossible de lire {path} : {exc.strerror}") from exc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ImportFileError(
            f"{path} n'est pas un texte UTF-8 (octet invalide à la position {exc.start})."
        ) from exc
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ImportFileError(
            f"{path} n'est pas un JSON valide : {exc.msg} (ligne {exc.lineno}, colonne {exc.colno})."
        ) from exc
    check_header(document)
    return document


def check_header(document: Any) -> None:
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise ImportFileError("Ce fichier n'est pas un export de Relations (clé « format » absente).")
    if document.get("version") != VERSION:
        raise ImportFileError(
            f"Version de format non prise en charge : {document.get('version')!r} (attendu : {VERSION})."
        )
    unknown = sorted(set(document) - {"format", "version", "office", *EXPORT_ORDER})
    if unknown:
        raise ImportFileError(f"Section inconnue dans le fichier : « {unknown[0]} ».")
    for name in EXPORT_ORDER:
        if not isinstance(document.get(name, []), list):
            raise ImportFileError(f"La section « {name} » doit être une liste.")


def iter_references(collection: str, record: Mapping[str, Any]) -> Iterator[tuple[str, str, str]]:
    """(path shown to the user, referenced id, target collection) for each reference."""
    for path, target in REFERENCES.get(collection, {}).items():
        head, _, key = path.partition("[]")
        key = key.lstrip(".")
        if "[]" not in path:
            value = record.get(head)
            if value:
                yield head, value, target
            continue
        items = record.get(head) or []
        for index, item in enumerate(items):
            value = item.get(key) if key else item
            if value:
                yield f"{head}[{index}]{'.' + key if key else ''}", value, target


def remap_ids(document: dict, mapper: Callable[[str, str], str]) -> dict:
    """A copy of ``document`` whose ids and references go through ``mapper(collection, id)``."""
    result = {k: v for k, v in document.items() if k not in EXPORT_ORDER}
    for name in EXPORT_ORDER:
        records = []
        for record in document.get(name, []):
            record = json.loads(json.dumps(record))  # deep copy of plain data
            if record.get("id"):
                record["id"] = mapper(name, record["id"])
            for path, target in REFERENCES.get(name, {}).items():
                head, _, key = path.partition("[]")
                key = key.lstrip(".")
                if "[]" not in path:
                    if record.get(head):
                        record[head] = mapper(target, record[head])
                elif key:
                    for item in record.get(head) or []:
                        if item.get(key):
                            item[key] = mapper(target, item[key])
                elif record.get(head):
                    record[head] = [mapper(target, v) for v in record[head]]
            records.append(record)
        result[name] = records
    return result


def _record_name(record: Mapping[str, Any]) -> str:
    for key in ("name", "title", "family_name", "country"):
        if isinstance(record.get(key), str) and record[key]:
            return f" « {record[key]} »"
    return ""


@dataclass
class Plan:
    """A validated document, ready to be written."""

    office: dict | None
    records: dict[str, list[tuple[str, dict]]]  # collection -> [(id, cleaned)]


def validate_document(document: Mapping[str, Any]) -> Plan:
    """Check every record and reference; raise ``ValidationError`` naming the first faults."""
    check_header(document)
    errors: dict[str, str] = {}
    office = None
    if document.get("office"):
        try:
            office = office_service.validate_office(document["office"])
        except ValidationError as exc:
            errors.update({f"office.{k}": v for k, v in exc.errors.items()})
    records: dict[str, list[tuple[str, dict]]] = {}
    ids: dict[str, set[str]] = {name: set() for name in AREAS}
    for name, area in AREAS.items():
        allowed = {"id", *(f.name for f in area.fields), *(s.name for s in area.lists),
                   *area.references, *DERIVED_KEYS.get(name, ())}
        allowed |= set(area.validate_extra({}).keys())
        records[name] = []
        for index, raw in enumerate(document.get(name, [])):
            where = f"{name}[{index}]{_record_name(raw) if isinstance(raw, Mapping) else ''}"
            if not isinstance(raw, Mapping):
                errors[where] = "un objet est attendu"
                continue
            record_id = raw.get("id")
            if not isinstance(record_id, str) or not record_id.strip():
                errors[f"{where}.id"] = "identifiant manquant"
                continue
            if record_id in ids[name]:
                errors[f"{where}.id"] = f"identifiant en double : {record_id}"
                continue
            ids[name].add(record_id)
            unknown = sorted(set(raw) - allowed)
            if unknown:
                errors[f"{where}.{unknown[0]}"] = "clé inconnue"
                continue
            try:
                records[name].append((record_id, area.validate(raw)))
            except ValidationError as exc:
                errors.update({f"{where}.{k}": v for k, v in exc.errors.items()})
    if not errors:
        existing = {name: None for name in AREAS}  # loaded lazily, only when needed
        for name, items in records.items():
            for index, (record_id, cleaned) in enumerate(items):
                for path, ref, target in iter_references(name, {**cleaned, "id": record_id}):
                    if ref in ids[target]:
                        continue
                    if existing[target] is None:
                        model = AREAS[target].model
                        existing[target] = {r.id for r in model.select(model.id)}
                    if ref not in existing[target]:
                        label = COLLECTION_LABELS[target]
                        errors[f"{name}[{index}]{_record_name(cleaned)}.{path}"] = (
                            f"{label} {ref} introuvable"
                        )
    if errors:
        first = dict(list(errors.items())[:20])
        if len(errors) > 20:
            first["…"] = f"et {len(errors) - 20} autre(s) erreur(s)"
        raise ValidationError(first)
    return Plan(office, records)


# -- writing ---------------------------------------------------------------------------


def apply_plan(plan: Plan) -> ImportSummary:
    """Write a validated plan in one transaction (all or nothing)."""
    summary = ImportSummary()
    with database.atomic():
        storage.defer_foreign_keys(database)
        if plan.office is not None:
            office_service.write_office(plan.office)
        for name, items in plan.records.items():
            area = AREAS[name]
            model = area.model
            wanted = [record_id for record_id, _ in items]
            present: set[str] = set()
            for start in range(0, len(wanted), 500):
                chunk = wanted[start : start + 500]
                present.update(r.id for r in model.select(model.id).where(model.id.in_(chunk)))
            for record_id, cleaned in items:
                is_new = record_id not in present
                area.write(record_id, cleaned, is_new=is_new)
                bucket = summary.created if is_new else summary.updated
                bucket[name] = bucket.get(name, 0) + 1
    return summary


def import_document(document: Mapping[str, Any]) -> ImportSummary:
    return apply_plan(validate_document(document))


def import_file(path: str | os.PathLike[str]) -> ImportSummary:
    return import_document(read_document(path))
