"""The import's check: every field, identifier and reference, before anything is written.

:func:`validate_file` (the preview) reads the document a record at a time and writes
nothing to the database: the checked records wait in a temporary file, the
:class:`Plan`, which :func:`~.applying.apply_plan` then writes exactly as shown.
"""

from __future__ import annotations

import os
import pickle
import tempfile
from collections.abc import Iterable, Iterator, Mapping
from itertools import islice
from typing import Any, BinaryIO

from ..i18n import _
from ..records import RECORD_TYPES
from ..services import AREAS, apd_lists, merge
from ..services import office as office_service
from ..validation import ValidationError, identifier_problem, printable
from . import attached
from .document import (
    ATTACHMENTS,
    EXPORT_ORDER,
    FORMAT,
    VERSION,
    collection_name,
    iter_references,
    not_a_list,
    not_relations,
    record_name,
    remap_references,
    unknown_section,
    wrong_version,
)
from .reading import Items, Progress, check_header, document_items, file_items

MAX_ERRORS = 20
PICKLE_PROTOCOL = pickle.HIGHEST_PROTOCOL


class Plan:
    """A checked document, ready to be written: how many records, and the records as checked.

    The checked records wait in an anonymous temporary file (one pickle each, deleted with
    the plan), not in memory: a quarter-million contacts would not fit twice.  Applying the
    plan writes exactly what was checked and shown, even if the file changed meanwhile.
    """

    def __init__(
        self,
        office: dict | None,
        counts: dict[str, int],
        existing: dict[str, int],
        spool: BinaryIO,
        aliases: list[dict] | None = None,
        apd: dict | None = None,
    ) -> None:
        self.office = office
        self.aliases = aliases or []  # the file's ids of merged records
        self.apd = apd  # the checked "apd" section: funders, OECD lists (services.apd_lists)
        self.counts = counts  # collection -> records in the document
        self.existing = existing  # collection -> how many of them the database holds already
        self.attachments = 0  # documents attached (the section after the records)
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
        return sum(self.counts.values()) + self.attachments

    def cleaned_records(self) -> Iterator[tuple[str, str, dict]]:
        """(collection, id, cleaned record) for each record, in the document's order."""
        spool = self._spool
        spool.seek(0)
        while True:
            try:
                yield pickle.load(spool)
            except EOFError:
                return


class _Errors(dict[str, str]):
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


def present(collection: str, ids: Iterable[str]) -> set[str]:
    """Which of ``ids`` the database holds in ``collection`` (asked 500 at a time)."""
    model = AREAS[collection].model
    found: set[str] = set()
    chunks = iter(ids)
    while chunk := list(islice(chunks, 500)):
        found.update(r.id for r in model.select(model.id).where(model.id.in_(chunk)))
    return found


def _allowed_keys() -> dict[str, set[str]]:
    """The keys a record of each collection may hold."""
    allowed = {}
    for name, kind in RECORD_TYPES.items():
        area = AREAS[name]
        allowed[name] = {
            "id",
            *(f.name for f in area.fields),
            *(s.name for s in area.lists),
            *area.references,
            *kind.derived_keys,
            *area.validate_extra({}),
        }
    return allowed


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
    apd = None
    ids: dict[str, set[str]] = {name: set() for name in RECORD_TYPES}
    # References not (yet) seen in the file: target -> referenced id -> (collection, index,
    # record name, path) of its first use.  Later records may define them.
    pending: dict[str, dict[str, tuple[str, int, str, str]]] = {name: {} for name in RECORD_TYPES}
    allowed = _allowed_keys()
    counts = dict.fromkeys(EXPORT_ORDER, 0)
    known = merge.aliases()  # ids of records merged into others: read once
    aliased: list[tuple[str, str, dict, int]] = []  # records written under a merged id
    file_aliases: list[dict] = []

    def mapped(target: str, ref: str) -> str:
        return known.get((target, ref), ref)

    documents = _Documents()
    for key, item, raw in items:
        if key in ("format", "version"):
            header[key] = raw
            if key == "format" and raw != FORMAT:
                raise not_relations()
            if key == "version" and raw != VERSION:
                raise wrong_version(raw)
            continue
        if key == "aliases":
            file_aliases = _checked_aliases(raw, errors)
            continue
        if key == "office":
            if raw and not isinstance(raw, Mapping):
                errors.add("office", "un objet est attendu")
            elif raw:
                try:
                    office = office_service.validate_office(raw)
                except ValidationError as exc:
                    for k, v in exc.errors.items():
                        errors.add(f"office.{k}", v)
            continue
        if key == "apd":
            try:
                apd = apd_lists.validate_section(raw)
            except ValidationError as exc:
                for k, v in exc.errors.items():
                    errors.add(k, v)
            continue
        if key == ATTACHMENTS:
            if not item:
                raise not_a_list(key)
            documents.check(raw, errors, spool)
            continue
        name = collection_name(key)
        if name not in RECORD_TYPES:
            if "format" not in header:  # someone else's JSON, most likely
                raise not_relations()
            raise unknown_section(key)
        if not item:
            raise not_a_list(key)
        index = counts[name]
        counts[name] += 1
        where = f"{key}[{index}]{record_name(name, raw) if isinstance(raw, Mapping) else ''}"
        if not isinstance(raw, Mapping):
            errors.add(where, _("un objet est attendu"))
            continue
        record_id = raw.get("id")
        if problem := identifier_problem(record_id):
            errors.add(f"{where}.id", problem)
            continue
        assert isinstance(record_id, str)  # as identifier_problem checked
        if record_id in ids[name] or any(a[:2] == (name, record_id) for a in aliased):
            errors.add(f"{where}.id", _("identifiant en double : {id}").format(id=record_id))
            continue
        kept_id = known.get((name, record_id))
        if kept_id is None:
            ids[name].add(record_id)
        unknown = sorted(set(raw) - allowed[name])
        if unknown:
            errors.add(f"{where}.{printable(unknown[0])}", _("clé inconnue"))
            continue
        try:
            cleaned = AREAS[name].validate(raw)
        except ValidationError as exc:
            for k, v in exc.errors.items():
                errors.add(f"{where}.{k}", v)
            continue
        if errors:
            continue  # references are checked once every field is right
        if known:
            remap_references(name, cleaned, mapped)
        if kept_id is not None:  # written on the record it was merged into, unless the
            aliased.append((name, record_id, cleaned, index))  # file holds that one too
            continue
        _keep(spool, pending, ids, name, record_id, cleaned, index)
    for name, record_id, cleaned, index in aliased:
        kept_id = known[(name, record_id)]
        if kept_id in ids[name]:
            counts[name] -= 1  # the kept record's own values win
            continue
        ids[name].add(kept_id)
        _keep(spool, pending, ids, name, kept_id, cleaned, index)
    if header.get("format") != FORMAT:
        raise not_relations()
    if header.get("version") != VERSION:
        raise wrong_version(header.get("version"))
    errors.raise_if_any()
    _check_missing(errors, ids, pending)
    documents.check_owners(errors, ids)
    errors.raise_if_any()
    existing = {name: len(present(name, ids[name])) for name in EXPORT_ORDER if ids[name]}
    spool.flush()
    plan = Plan(office, counts, existing, spool, file_aliases, apd)
    plan.attachments = documents.count
    return plan


def _keep(
    spool: BinaryIO,
    pending: dict[str, dict[str, tuple[str, int, str, str]]],
    ids: Mapping[str, set[str]],
    name: str,
    record_id: str,
    cleaned: dict,
    index: int,
) -> None:
    """A checked record to the plan's file; its references not seen yet to ``pending``."""
    pickle.dump((name, record_id, cleaned), spool, PICKLE_PROTOCOL)
    for path, ref, target in iter_references(name, {**cleaned, "id": record_id}):
        if ref not in ids[target] and ref not in pending[target]:
            pending[target][ref] = (name, index, record_name(name, cleaned), path)


def _checked_aliases(raw: Any, errors: _Errors) -> list[dict]:
    """The file's ``aliases`` section: {collection, alias_id, kept_id} each."""
    if not isinstance(raw, list):
        raise not_a_list("aliases")
    found = []
    for index, alias in enumerate(raw):
        where = f"aliases[{index}]"
        if not isinstance(alias, Mapping) or set(alias) != {"collection", "alias_id", "kept_id"}:
            errors.add(where, _("un objet est attendu"))
            continue
        if alias["collection"] not in RECORD_TYPES:
            errors.add(f"{where}.collection", _("clé inconnue"))
            continue
        problem = identifier_problem(alias["alias_id"]) or identifier_problem(alias["kept_id"])
        if problem:
            errors.add(where, problem)
            continue
        found.append(dict(alias))
    return found


class _Documents:
    """The ``attachments`` section as it is read: each element checked, its owner kept
    to be found once every record has been read."""

    def __init__(self) -> None:
        self.count = 0
        self.ids: set[str] = set()
        self.owners: dict[str, dict[str, int]] = {}  # kind -> record id -> first index

    def check(self, raw: Any, errors: _Errors, spool: BinaryIO) -> None:
        index = self.count
        self.count += 1
        where = f"{ATTACHMENTS}[{index}]"
        cleaned, problems = attached.check(raw)
        for k, v in problems.items():
            errors.add(f"{where}.{k}" if k else where, v)
        if problems:
            return
        if raw["id"] in self.ids:
            errors.add(f"{where}.id", _("identifiant en double : {id}").format(id=raw["id"]))
            return
        self.ids.add(raw["id"])
        self.owners.setdefault(cleaned["kind"], {}).setdefault(cleaned["record_id"], index)
        if not errors:
            pickle.dump((ATTACHMENTS, raw["id"], cleaned), spool, PICKLE_PROTOCOL)

    def check_owners(self, errors: _Errors, ids: Mapping[str, set[str]]) -> None:
        """Each document's record, in the file or in the database."""
        for kind, refs in self.owners.items():
            unseen = [ref for ref in refs if ref not in ids[kind]]
            known = present(kind, unseen) if unseen else set()
            for ref in unseen:
                if ref not in known:
                    errors.add(
                        f"{ATTACHMENTS}[{refs[ref]}].record_id", attached.owner_missing(kind, ref)
                    )


def _check_missing(
    errors: _Errors,
    ids: Mapping[str, set[str]],
    pending: Mapping[str, Mapping[str, tuple[str, int, str, str]]],
) -> None:
    """Name the references to records neither in the file nor in the database."""
    missing = []
    for target, refs in pending.items():
        unseen = [ref for ref in refs if ref not in ids[target]]
        known = present(target, unseen) if unseen else set()
        missing += [(refs[ref], ref, target) for ref in unseen if ref not in known]
    for (name, index, shown_name, path), ref, target in sorted(
        missing, key=lambda m: (EXPORT_ORDER.index(m[0][0]), m[0][1])
    ):
        errors.add(
            f"{name}[{index}]{shown_name}.{path}",
            f"{RECORD_TYPES[target].fr.singular} {ref} introuvable",
        )


def validate_document(document: Mapping[str, Any]) -> Plan:
    """Check every record and reference; raise ``ValidationError`` naming the first faults."""
    check_header(document)
    return _check(document_items(document))


def validate_file(path: str | os.PathLike[str], progress: Progress | None = None) -> Plan:
    """:func:`validate_document` for a file, read a record at a time (files of any size)."""
    return _check(file_items(path, progress))
