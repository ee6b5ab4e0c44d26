"""What every area's service shares: records, validation flow, search, sort, paging, versions.

An :class:`Area` knows one kind of main record: its fields, how to read it as a
JSON-format dict (:meth:`Area.to_record`) and how to write such a dict back with its links
(:meth:`Area.write`).  Create, update, delete, the JSON dump and the bundled dataset all
go through these two methods, so a record has one shape everywhere.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import peewee as pw

from ..errors import UserError
from ..models import Record, database, new_id
from ..text import dates_in_order, fold, search_terms
from ..validation import Field, ValidationError, clean
from . import removal


class NotFoundError(UserError, LookupError):
    """No record with that id; the message is in French."""


class StaleRecordError(UserError, RuntimeError):
    """The record changed since it was read (another window saved it first)."""


@dataclass(frozen=True)
class Page:
    """One page of a list: the rows shown and how many rows match in all."""

    rows: list[dict]
    total: int
    offset: int = 0


@dataclass(frozen=True)
class ListField:
    """A list of sub-records held by a main record (funding lines, positions…)."""

    name: str
    label: str
    fields: tuple[Field, ...]


def clean_list(spec: ListField, items: Any) -> list[dict]:
    if items is None:
        return []
    if not isinstance(items, list):
        raise ValidationError(spec.name, "une liste est attendue", {spec.name: spec.label})
    cleaned: list[dict] = []
    for index, item in enumerate(items):
        if not isinstance(item, Mapping):
            raise ValidationError(
                f"{spec.name}[{index}]", "un objet est attendu", {f"{spec.name}[{index}]": spec.label}
            )
        try:
            cleaned.append(clean(spec.fields, item))
        except ValidationError as exc:
            raise exc.prefixed(f"{spec.name}[{index}].", f"{spec.label} n° {index + 1}, ") from None
    return cleaned


def clean_id_list(name: str, label: str, items: Any) -> list[str]:
    if items is None:
        return []
    if not isinstance(items, list) or not all(isinstance(i, str) and i for i in items):
        raise ValidationError(name, "une liste d'identifiants est attendue", {name: label})
    return list(dict.fromkeys(items))  # keep order, drop repeats


def clean_text_list(name: str, label: str, items: Any) -> list[str]:
    if items is None:
        return []
    if isinstance(items, str):
        items = items.splitlines()
    if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
        raise ValidationError(name, "une liste de textes est attendue", {name: label})
    values = [i.strip() for i in items if i.strip()]
    if any(len(v) > 200 for v in values):
        raise ValidationError(name, "élément trop long (200 caractères au plus)", {name: label})
    return list(dict.fromkeys(values))


def like_folded(column: pw.Field, term: str) -> pw.Expression:
    """``column LIKE '%term%'`` with the term's own wildcards escaped."""
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return pw.NodeList((column, pw.SQL("LIKE"), f"%{escaped}%", pw.SQL("ESCAPE '\\'")))


def apply_search(query: pw.ModelSelect, model: type[Record], search: str) -> pw.ModelSelect:
    for term in search_terms(search or ""):
        query = query.where(like_folded(model.search, term))
    return query


def apply_sort(
    query: pw.ModelSelect,
    sort_keys: Mapping[str, Sequence[pw.Node]],
    sort: str,
    descending: bool,
    tiebreak: pw.Field,
) -> pw.ModelSelect:
    if sort not in sort_keys:
        raise ValueError(f"unknown sort key {sort!r}")
    keys = [k.desc(nulls="LAST") if descending else k.asc(nulls="LAST") for k in sort_keys[sort]]
    return query.order_by(*keys, tiebreak)


def fetch_page(
    query: pw.ModelSelect, offset: int, limit: int | None, to_row: Callable[[Any], dict]
) -> Page:
    total = query.count()
    if limit is not None:
        query = query.offset(max(0, offset)).limit(max(0, limit))
    return Page([to_row(r) for r in query], total, offset)


class Area:
    """One kind of main record.  Subclasses fill in the fields and the link handling."""

    model: type[Record]
    label: str  # French, singular, with article: "le partenaire"
    fields: tuple[Field, ...] = ()
    lists: tuple[ListField, ...] = ()
    #: JSON keys holding references: key -> (collection, many)
    references: Mapping[str, tuple[str, bool]] = {}

    # -- reading ---------------------------------------------------------------

    def load(self, record_id: str) -> Record:
        instance = self.model.get_or_none(self.model.id == record_id)
        if instance is None:
            raise NotFoundError(f"{self.label.capitalize()} {record_id} n'existe pas (ou plus).")
        return instance

    def scalar_record(self, instance: Record) -> dict:
        return {"id": instance.id, **{f.name: self.out(f, getattr(instance, f.name)) for f in self.fields}}

    @staticmethod
    def out(f: Field, value: Any) -> Any:
        if f.kind == "money" and value is not None:
            return str(value)
        return value

    def to_record(self, instance: Record) -> dict:
        """The record as in the JSON dump."""
        return self.scalar_record(instance)

    def get(self, record_id: str) -> dict:
        instance = self.load(record_id)
        record = self.to_record(instance)
        record["version"] = instance.version
        return record

    def all_records(self) -> list[dict]:
        return [self.to_record(r) for r in self.model.select().order_by(self.model.id)]

    # -- validation --------------------------------------------------------------

    def validate(self, data: Mapping[str, Any]) -> dict:
        """A complete, normalised record from ``data``; raises ``ValidationError``."""
        errors: dict[str, str] = {}
        labels: dict[str, str] = {}
        cleaned: dict[str, Any] = {}
        try:
            cleaned.update(clean(self.fields, data))
        except ValidationError as exc:
            errors.update(exc.errors)
            labels.update(exc.labels)
        try:
            cleaned.update(self.validate_extra(data))
        except ValidationError as exc:
            errors.update(exc.errors)
            labels.update(exc.labels)
        if not errors and not dates_in_order(cleaned.get("start"), cleaned.get("end")):
            errors["end"] = "la date de fin précède la date de début"
            labels["end"] = "Fin"
        if errors:
            raise ValidationError(errors, labels=labels)
        return cleaned

    def validate_extra(self, data: Mapping[str, Any]) -> dict:
        """Lists and links: subclasses add theirs."""
        cleaned: dict[str, Any] = {}
        for spec in self.lists:
            cleaned[spec.name] = clean_list(spec, data.get(spec.name))
        for key, (_collection, many) in self.references.items():
            if many:
                cleaned[key] = clean_id_list(key, key, data.get(key))
            else:
                value = data.get(key)
                if value is not None and not isinstance(value, str):
                    raise ValidationError(key, "identifiant invalide")
                cleaned[key] = value or None
        return cleaned

    # -- writing ------------------------------------------------------------------

    def search_text(self, cleaned: Mapping[str, Any]) -> str:
        raise NotImplementedError

    def sort_text(self, cleaned: Mapping[str, Any]) -> str:
        """The record's label as lists sort it (the first field by default)."""
        return str(cleaned.get(self.fields[0].name) or "")

    def row_values(self, cleaned: Mapping[str, Any]) -> dict:
        """The row's column values from a cleaned record."""
        columns = self.model._meta.fields
        return {f.name: cleaned[f.name] for f in self.fields if f.name in cleaned and f.name in columns}

    def write(self, record_id: str, cleaned: Mapping[str, Any], *, is_new: bool) -> None:
        """Insert or replace the row and its links; call inside a transaction."""
        values = self.row_values(cleaned)
        values["search"] = self.search_text(cleaned)
        values["sort_key"] = fold(self.sort_text(cleaned))[:200]
        if is_new:
            self.model.insert(id=record_id, version=1, **values).execute()
        else:
            self.model.update(version=self.model.version + 1, **values).where(
                self.model.id == record_id
            ).execute()
        self.write_links(record_id, cleaned)

    def write_links(self, record_id: str, cleaned: Mapping[str, Any]) -> None:
        """Replace the record's link rows; subclasses with links override."""

    def check_version(self, record_id: str, expected: int | None) -> None:
        if expected is None:
            return
        current = self.model.select(self.model.version).where(self.model.id == record_id).scalar()
        if current is None:
            raise NotFoundError(f"{self.label.capitalize()} a été supprimé entre-temps.")
        if current != expected:
            raise StaleRecordError(
                f"{self.label.capitalize()} a été modifié ailleurs depuis son ouverture "
                f"(version {current}, vous éditiez la version {expected}) : "
                "rechargez-le avant d'enregistrer."
            )

    def create(self, data: Mapping[str, Any]) -> dict:
        cleaned = self.validate(data)
        record_id = data.get("id") or new_id()
        with database.atomic():
            if self.model.get_or_none(self.model.id == record_id) is not None:
                raise ValidationError("id", f"{self.label} {record_id} existe déjà")
            self.write(record_id, cleaned, is_new=True)
        return self.get(record_id)

    def update(
        self, record_id: str, changes: Mapping[str, Any], expected_version: int | None = None
    ) -> dict:
        current = self.to_record(self.load(record_id))
        cleaned = self.validate({**current, **changes})
        with database.atomic():
            self.check_version(record_id, expected_version)
            self.write(record_id, cleaned, is_new=False)
        return self.get(record_id)

    def delete(self, record_id: str, expected_version: int | None = None) -> dict:
        """Delete the record with what depends on it; return the snapshot that undoes it.

        The snapshot (see :mod:`.removal`) holds ``record``, the record as it was, and every
        row the deletion removed or changed; :func:`.removal.restore` puts them back.
        """
        with database.atomic():
            instance = self.load(record_id)
            self.check_version(record_id, expected_version)
            snap = removal.snapshot(self.model, record_id)
            snap["record"] = self.to_record(instance)
            instance.delete_instance()
        return snap

    def linked(self, record_id: str) -> dict[str, int]:
        """What a deletion would take or unlink, per table (for the confirmation)."""
        self.load(record_id)
        return removal.describe(removal.snapshot(self.model, record_id))
