"""The full JSON dump: lossless export, and import that merges by id or changes nothing.

The format is documented in ``docs/json-format.md``.  Import reads the document a record
at a time, so that a file of any size fits in memory: first every field, identifier and
reference is checked and nothing written (:func:`validate_file`, the preview; the checked
records wait in a temporary file); then the records are written in one transaction, new
ones a batch at a time (:func:`apply_plan`).
"""

from __future__ import annotations

import json
import os
import pickle
import tempfile
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import nullcontext
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any, BinaryIO

from . import jsonstream
from .db import storage
from .db.models import database
from .errors import UserError
from .files import write_text_atomically
from .services import AREAS
from .services import office as office_service
from .services.base import Area
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


#: collection -> (singular, plural, feminine): how messages count records.
NOUNS: Mapping[str, tuple[str, str, bool]] = {
    "partners": ("partenaire", "partenaires", False),
    "programmes": ("programme", "programmes", False),
    "organisations": ("organisation", "organisations", True),
    "contacts": ("contact", "contacts", False),
    "diplomatic_posts": ("poste diplomatique", "postes diplomatiques", False),
    "consulates": ("consulat", "consulats", False),
    "events": ("événement", "événements", False),
    "delegations": ("délégation", "délégations", True),
}


def counted(name: str, count: int) -> str:
    """ "1 partenaire", "10 000 contacts" (French digit grouping)."""
    singular, plural, _feminine = NOUNS[name]
    return f"{count:,}".replace(",", "\u202f") + " " + (singular if count == 1 else plural)


def counted_list(counts: Mapping[str, int]) -> str:
    """ "16 partenaires, 5 contacts": the collections with records, in export order."""
    return ", ".join(counted(name, counts[name]) for name in EXPORT_ORDER if counts.get(name))


@dataclass
class ImportSummary:
    created: dict[str, int] = field(default_factory=dict)
    updated: dict[str, int] = field(default_factory=dict)

    def lines(self, *, planned: bool = False) -> list[str]:
        """ "16 partenaires créés", "2 organisations mises à jour"… (or, ``planned``, "… à
        créer", "… à mettre à jour" for a preview)."""
        parts = []
        for name in EXPORT_ORDER:
            feminine = NOUNS[name][2]
            for count, done, todo in (
                (self.created.get(name, 0), "créé", "à créer"),
                (self.updated.get(name, 0), "mis à jour", "à mettre à jour"),
            ):
                if not count:
                    continue
                if planned:
                    parts.append(f"{counted(name, count)} {todo}")
                    continue
                word, _, rest = done.partition(" ")
                word += "e" if feminine else ""
                word += "s" if count > 1 and not word.endswith("s") else ""  # créés, mis, mises
                parts.append(f"{counted(name, count)} {word}{' ' + rest if rest else ''}")
        return parts or ["aucun enregistrement"]

    def describe(self, *, planned: bool = False) -> str:
        return " ; ".join(self.lines(planned=planned))


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
            handle.write(
                f'{{\n  "format": {json.dumps(FORMAT)},\n  "version": {json.dumps(VERSION)},\n'
                f'  "office": {encoded(office if office["id"] else None, 1)}'
            )
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
    """The whole document in the file at ``path`` (for small files: imports use
    :func:`validate_file`, which reads a record at a time)."""
    document: dict[str, Any] = {}
    for key, item, value in file_items(path):
        if item:
            document.setdefault(key, []).append(value)
        else:
            document[key] = value
    check_header(document)
    return document


def check_header(document: Any) -> None:
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise ImportFileError(
            "Ce fichier n'est pas un export de Relations (clé « format » absente)."
        )
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


#: One entry of a document read in order: (top-level key, whether ``value`` is one element
#: of that key's list, value).  Collections come element by element, the rest whole.
Items = Iterator[tuple[str, bool, Any]]
Progress = Callable[[int, int], None]

MAX_ERRORS = 20
PICKLE_PROTOCOL = pickle.HIGHEST_PROTOCOL
#: From this many new records on, an import rebuilds the search indexes once at the end.
BULK_INDEXING = 5000


def document_items(document: Mapping[str, Any]) -> Items:
    """A document already in memory, as :func:`file_items` reads one from a file."""
    for key, value in document.items():
        if key in EXPORT_ORDER and isinstance(value, list):
            for record in value:
                yield key, True, record
        else:
            yield key, False, value


def file_items(path: str | os.PathLike[str], progress: Progress | None = None) -> Items:
    """The document in the file at ``path``, read a record at a time (:mod:`.jsonstream`);
    ``progress(kib_read, kib_total)`` is called as it goes."""
    try:
        handle = open(path, "rb")  # noqa: SIM115 - closed below, after the last record
        total = max(1, os.fstat(handle.fileno()).st_size // 1024)
    except OSError as exc:
        raise ImportFileError(f"Impossible de lire {path} : {exc.strerror}") from exc

    def read(bytes_read: int) -> None:
        if progress is not None:
            progress(min(bytes_read // 1024, total), total)

    with handle:
        try:
            yield from jsonstream.read_top_level(handle, EXPORT_ORDER, read=read)
        except jsonstream.JsonSyntaxError as exc:
            raise ImportFileError(f"{path} n'est pas un JSON valide : {exc}.") from None
        except jsonstream.JsonEncodingError as exc:
            raise ImportFileError(
                f"{path} n'est pas un texte UTF-8 (octet invalide à la position {exc.position})."
            ) from None
        except jsonstream.NotAnObject:
            raise ImportFileError(NOT_RELATIONS) from None
        except OSError as exc:
            raise ImportFileError(f"Impossible de lire {path} : {exc.strerror}") from exc


NOT_RELATIONS = "Ce fichier n'est pas un export de Relations (clé « format » absente)."


class Plan:
    """A checked document, ready to be written: how many records, and the records as checked.

    The checked records wait in an anonymous temporary file (one pickle each, deleted with
    the plan), not in memory: a quarter-million contacts would not fit twice.  Applying the
    plan writes exactly what was checked and shown, even if the file changed meanwhile.
    """

    def __init__(
        self, office: dict | None, counts: dict[str, int], existing: dict[str, int], spool: BinaryIO
    ) -> None:
        self.office = office
        self.counts = counts  # collection -> records in the document
        self.existing = existing  # collection -> how many of them the database holds already
        self._spool = spool

    @property
    def created(self) -> dict[str, int]:
        return {
            n: c - self.existing.get(n, 0)
            for n, c in self.counts.items()
            if c > self.existing.get(n, 0)
        }

    @property
    def updated(self) -> dict[str, int]:
        return {n: c for n, c in self.existing.items() if c}

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def cleaned_records(self) -> Iterator[tuple[str, str, dict]]:
        """(collection, id, cleaned record) for each record, in the document's order."""
        spool = self._spool
        spool.seek(0)
        while True:
            try:
                yield pickle.load(spool)
            except EOFError:
                return


class _Errors(dict):
    """Field -> reason, keeping the first :data:`MAX_ERRORS` and counting the rest."""

    more = 0

    def add(self, key: str, reason: str) -> None:
        if len(self) < MAX_ERRORS:
            self[key] = reason
        else:
            self.more += 1

    def raise_if_any(self) -> None:
        if self:
            shown = dict(self)
            if self.more:
                shown["…"] = f"et {self.more} autre(s) erreur(s)"
            raise ValidationError(shown)


def _present(collection: str, ids: Iterable[str]) -> set[str]:
    """Which of ``ids`` the database holds in ``collection`` (asked 500 at a time)."""
    model = AREAS[collection].model
    found: set[str] = set()
    ids = iter(ids)
    while chunk := list(islice(ids, 500)):
        found.update(r.id for r in model.select(model.id).where(model.id.in_(chunk)))
    return found


def _check(items: Items) -> Plan:
    """Read every record once: fields, identifiers, references.  Writes nothing to the
    database; the checked records go to the plan's temporary file."""
    spool = tempfile.TemporaryFile(prefix="relations-import-")  # noqa: SIM115 - the plan's
    try:
        return _check_into(items, spool)
    except BaseException:
        spool.close()
        raise


def _check_into(items: Items, spool: BinaryIO) -> Plan:
    errors = _Errors()
    header: dict[str, Any] = {}
    office = None
    ids: dict[str, set[str]] = {name: set() for name in AREAS}
    # References not (yet) seen in the file: target -> referenced id -> (collection, index,
    # record name, path) of its first use.  Later records may define them.
    pending: dict[str, dict[str, tuple[str, int, str, str]]] = {name: {} for name in AREAS}
    allowed = {}
    for name, area in AREAS.items():
        allowed[name] = {
            "id",
            *(f.name for f in area.fields),
            *(s.name for s in area.lists),
            *area.references,
            *DERIVED_KEYS.get(name, ()),
            *area.validate_extra({}),
        }
    counts = dict.fromkeys(EXPORT_ORDER, 0)
    for key, item, raw in items:
        if key in ("format", "version"):
            header[key] = raw
            if key == "format" and raw != FORMAT:
                raise ImportFileError(NOT_RELATIONS)
            if key == "version" and raw != VERSION:
                raise ImportFileError(
                    f"Version de format non prise en charge : {raw!r} (attendu : {VERSION})."
                )
            continue
        if key == "office":
            if raw:
                try:
                    office = office_service.validate_office(raw)
                except ValidationError as exc:
                    for k, v in exc.errors.items():
                        errors.add(f"office.{k}", v)
            continue
        if key not in AREAS:
            if "format" not in header:  # someone else's JSON, most likely
                raise ImportFileError(NOT_RELATIONS)
            raise ImportFileError(f"Section inconnue dans le fichier : « {key} ».")
        if not item:
            raise ImportFileError(f"La section « {key} » doit être une liste.")
        name, index = key, counts[key]
        counts[name] += 1
        where = f"{name}[{index}]{_record_name(raw) if isinstance(raw, Mapping) else ''}"
        if not isinstance(raw, Mapping):
            errors.add(where, "un objet est attendu")
            continue
        record_id = raw.get("id")
        if not isinstance(record_id, str) or not record_id.strip():
            errors.add(f"{where}.id", "identifiant manquant")
            continue
        if record_id in ids[name]:
            errors.add(f"{where}.id", f"identifiant en double : {record_id}")
            continue
        ids[name].add(record_id)
        unknown = sorted(set(raw) - allowed[name])
        if unknown:
            errors.add(f"{where}.{unknown[0]}", "clé inconnue")
            continue
        try:
            cleaned = AREAS[name].validate(raw)
        except ValidationError as exc:
            for k, v in exc.errors.items():
                errors.add(f"{where}.{k}", v)
            continue
        if errors:
            continue  # references are checked once every field is right
        pickle.dump((name, record_id, cleaned), spool, PICKLE_PROTOCOL)
        for path, ref, target in iter_references(name, {**cleaned, "id": record_id}):
            if ref not in ids[target] and ref not in pending[target]:
                pending[target][ref] = (name, index, _record_name(cleaned), path)
    if header.get("format") != FORMAT:
        raise ImportFileError(NOT_RELATIONS)
    if header.get("version") != VERSION:
        raise ImportFileError(
            f"Version de format non prise en charge : {header.get('version')!r} (attendu : {VERSION})."
        )
    errors.raise_if_any()
    missing = []
    for target, refs in pending.items():
        unseen = [ref for ref in refs if ref not in ids[target]]
        known = _present(target, unseen) if unseen else set()
        missing += [(refs[ref], ref, target) for ref in unseen if ref not in known]
    for (name, index, record_name, path), ref, target in sorted(
        missing, key=lambda m: (EXPORT_ORDER.index(m[0][0]), m[0][1])
    ):
        errors.add(
            f"{name}[{index}]{record_name}.{path}", f"{COLLECTION_LABELS[target]} {ref} introuvable"
        )
    errors.raise_if_any()
    existing = {name: len(_present(name, ids[name])) for name in EXPORT_ORDER if ids[name]}
    spool.flush()
    return Plan(office, counts, existing, spool)


def validate_document(document: Mapping[str, Any]) -> Plan:
    """Check every record and reference; raise ``ValidationError`` naming the first faults."""
    check_header(document)
    return _check(document_items(document))


def validate_file(path: str | os.PathLike[str], progress: Progress | None = None) -> Plan:
    """:func:`validate_document` for a file, read a record at a time (files of any size)."""
    return _check(file_items(path, progress))


# -- writing ---------------------------------------------------------------------------


class _Writer:
    """Records written a batch at a time, a few statements per table for the whole batch:
    new rows inserted (:func:`storage.insert_rows`), existing ones updated
    (:func:`storage.update_rows`, their link rows replaced)."""

    BATCH = 500

    def __init__(self, summary: ImportSummary) -> None:
        self.summary = summary
        self.batches: dict[str, list[tuple[str, dict]]] = {}
        self.cache: dict = {}  # lookups the areas keep for the whole transaction

    def add(self, name: str, record_id: str, cleaned: dict) -> None:
        batch = self.batches.setdefault(name, [])
        batch.append((record_id, cleaned))
        if len(batch) >= self.BATCH:
            self.flush(name)

    def flush(self, name: str) -> None:
        batch = self.batches.pop(name, [])
        if not batch:
            return
        area = AREAS[name]
        present = _present(name, [record_id for record_id, _ in batch])
        in_bulk = type(area).write is Area.write  # areas with their own checks write one by one
        inserted: dict[type, list[dict]] = {}
        updated: list[dict] = []
        for record_id, cleaned in batch:
            is_new = record_id not in present
            bucket = self.summary.created if is_new else self.summary.updated
            bucket[name] = bucket.get(name, 0) + 1
            if not in_bulk:
                area.write(record_id, cleaned, is_new=is_new)
                continue
            row = area.new_row(record_id, cleaned)
            if is_new:
                inserted.setdefault(area.model, []).append(row)
            else:
                del row["version"]  # bumped by the update
                updated.append(row)
            for model, link in area.link_rows(record_id, cleaned, self.cache):
                inserted.setdefault(model, []).append(link)
        if updated:  # as Area.write does for each: the row, then its links replaced
            ids = [row["id"] for row in updated]
            for model, column in area.link_tables:
                model.delete().where(model._meta.fields[column].in_(ids)).execute()
            storage.update_rows(area.model, updated, bump="version")
        for model, rows in inserted.items():
            storage.insert_rows(model, rows)

    def flush_all(self) -> None:
        for name in list(self.batches):
            self.flush(name)


def apply_plan(plan: Plan, progress: Progress | None = None) -> ImportSummary:
    """Write a checked plan in one transaction (all or nothing).

    ``progress(records_written, records_total)`` is called along the way; an exception it
    raises (a cancel) rolls everything back.
    """
    summary = ImportSummary()
    total = plan.total
    with database.atomic():
        storage.defer_foreign_keys(database)
        if plan.office is not None:
            office_service.write_office(plan.office)
        # Many new rows: the search indexes are rebuilt once at the end rather than row by
        # row (a rebuild reads every row, so not for a few records added to many).
        new_rows = sum(plan.created.values())
        many = new_rows >= BULK_INDEXING and new_rows >= sum(
            storage.table_rows(a.model) for a in AREAS.values()
        )
        with storage.search_indexes_filled_after(database) if many else nullcontext():
            writer = _Writer(summary)
            for done, (name, record_id, cleaned) in enumerate(plan.cleaned_records(), 1):
                writer.add(name, record_id, cleaned)
                if progress is not None and done % 500 == 0:
                    progress(done, total)
            writer.flush_all()
        if progress is not None:
            progress(total, total)  # still inside: a cancel here rolls back too
    return summary


def import_document(document: Mapping[str, Any]) -> ImportSummary:
    return apply_plan(validate_document(document))


def import_file(path: str | os.PathLike[str], progress: Progress | None = None) -> ImportSummary:
    return apply_plan(validate_file(path), progress)
