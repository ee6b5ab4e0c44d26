"""What every area's service shares: records, validation flow, search, sort, paging, versions.

An :class:`Area` knows one kind of main record: its fields, how to read it as a
JSON-format dict (:meth:`Area.to_record`) and how to write such a dict back with its links
(:meth:`Area.write`).  Create, update, delete, the JSON dump and the bundled dataset all
go through these two methods, so a record has one shape everywhere.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

import peewee as pw

from ..db import storage
from ..db.models import Record, database, new_id
from ..errors import UserError
from ..records import RecordType
from ..text import dates_in_order, fold, search_terms
from ..validation import Field, ValidationError, clean
from . import removal


class NotFoundError(UserError, LookupError):
    """No record with that id; the message is in French."""


@dataclass(frozen=True)
class FieldChange:
    """One field of a record that differs between two copies (labels in French)."""

    name: str
    label: str
    before: Any
    after: Any


class StaleRecordError(UserError, RuntimeError):
    """The record changed since it was read (another window saved it first).

    ``changes`` lists what the other edit changed, when the copy being edited is known
    (see :func:`remember_read_copy`); ``current`` is the record as it is now.
    """

    def __init__(
        self,
        message: str,
        *,
        expected_version: int | None = None,
        current_version: int | None = None,
        changes: Sequence[FieldChange] = (),
        current: Mapping[str, Any] | None = None,
    ) -> None:
        super().__init__(message)
        self.expected_version = expected_version
        self.current_version = current_version
        self.changes = list(changes)
        self.current = dict(current) if current is not None else None


#: Copies of records as :meth:`Area.get` returned them, by (table, id, version): when an
#: edit made on one of them is refused, the message can say what changed since.
_READ_COPIES: OrderedDict[tuple[str, str, int], dict] = OrderedDict()
READ_COPIES_KEPT = 500


def remember_read_copy(table: str, record: Mapping[str, Any]) -> None:
    key = (table, record["id"], record["version"])
    _READ_COPIES[key] = dict(record)
    _READ_COPIES.move_to_end(key)
    while len(_READ_COPIES) > READ_COPIES_KEPT:
        _READ_COPIES.popitem(last=False)


def forget_read_copies() -> None:
    """After a restore, versions no longer name the same content."""
    _READ_COPIES.clear()


#: Labels of the keys that are not plain fields (lists, references).
KEY_LABELS = {
    "partner_ids": "Partenaires",
    "partner_id": "Partenaire",
    "programme_id": "Programme",
    "organisation_id": "Organisation",
    "function": "Fonction",
    "themes": "Thèmes",
    "aliases": "Autres graphies",
    "key_figures": "Chiffres clés",
    "positions": "Fonctions",
    "organisations": "Organisations",
    "contacts": "Contacts",
    "funding": "Financements",
    "members": "Membres",
    "agenda": "Programme de la visite",
}


def _shown(value: Any) -> str | None:
    """A short form of a value for a message, or None when it is too long to show."""
    if value is None or value in ("", []):
        return "vide"
    if isinstance(value, bool):
        return "oui" if value else "non"
    if isinstance(value, (list, dict)):
        return None
    text = " ".join(str(value).split())
    return text if len(text) <= 40 else None


#: Counting stops here: beyond, a page says "at least COUNT_CAP rows" (``exact`` False).
#: A one-letter search in a quarter-million contacts matches most of them, and counting
#: them all would cost more than finding the page itself.
COUNT_CAP = 1000


@dataclass(frozen=True)
class Page:
    """One page of a list: the rows shown and how many rows match in all.

    ``exact`` is False when more than :data:`COUNT_CAP` rows match a search or a filter:
    ``total`` is then a lower bound (the list's end tells the rest).
    """

    rows: list[dict]
    total: int
    offset: int = 0
    exact: bool = True


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
                f"{spec.name}[{index}]",
                "un objet est attendu",
                {f"{spec.name}[{index}]": spec.label},
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
    """Rows whose folded ``search`` text contains every word of ``search``.

    Words of three letters or more go through the table's full-text index when it has one
    (:func:`storage.full_text_match`, same result as LIKE, found without reading every
    row); shorter words, and every word without an index, use ``LIKE '%word%'``.
    """
    terms = search_terms(search or "")
    indexed = storage.indexed_terms(model, terms)
    if indexed:
        query = query.where(storage.full_text_match(model, indexed))
    for term in terms:
        if term not in indexed:
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
    """One page of ``query`` (filtered and sorted), and how many rows match in all.

    In two steps: the keys in order, then the rows of the page's keys only.  A list's
    derived columns (a contact's current function, a programme's partners) are correlated
    subqueries, which SQLite would otherwise compute for every match before sorting.

    The first step also counts: it reads up to :data:`COUNT_CAP` + 1 keys (an index walk
    that goes on a little past the page), so a search or a filter needs no second query;
    beyond the cap the total is a lower bound (``exact`` False).  A whole table is
    counted exactly, which SQLite does from its pages without reading rows.
    """
    if limit is None:
        rows = [to_row(r) for r in query]
        return Page(rows, len(rows), offset)  # the whole list (``offset`` is not applied)
    model = query.model
    key = model._meta.primary_key
    offset, limit = max(0, offset), max(0, limit)
    wanted = max(limit, COUNT_CAP + 1 - offset)
    cursor = model._meta.database.execute(query.select(key).offset(offset).limit(wanted))
    keys = [k for (k,) in cursor.fetchall()]  # plain rows: up to a thousand, no model objects
    page_keys = keys[:limit]
    found = (
        {r.id: r for r in model.select(*query.selected_columns).where(key.in_(page_keys))}
        if page_keys
        else {}
    )
    rows = [to_row(found[k]) for k in page_keys if k in found]
    seen = offset + len(keys)
    if len(keys) < wanted and (keys or not offset):  # the list ends within what was read
        return Page(rows, seen, offset)
    if getattr(query, "_where", None) is None:  # a whole table: counted exactly (and remembered)
        return Page(rows, storage.table_rows(model), offset)
    if keys:  # more rows than were read: "at least"
        return Page(rows, min(seen, max(COUNT_CAP, offset + len(page_keys))), offset, exact=False)
    found = (
        query.order_by().limit(COUNT_CAP + 1).count()
    )  # asked past the end: count, up to the cap
    return Page(rows, min(found, COUNT_CAP), offset, exact=found <= COUNT_CAP)


class Area:
    """One kind of main record.  Subclasses fill in the fields and the link handling."""

    model: type[Record]
    record_type: ClassVar[RecordType]  # its declaration (relations_app.records)
    fields: tuple[Field, ...] = ()
    lists: tuple[ListField, ...] = ()

    @property
    def label(self) -> str:
        """French, singular, with article: "le partenaire"."""
        return self.record_type.label_fr

    @property
    def references(self) -> Mapping[str, tuple[str, bool]]:
        """JSON keys holding references: key -> (collection, many)."""
        return self.record_type.top_references

    # -- reading ---------------------------------------------------------------

    def load(self, record_id: str) -> Record:
        instance = self.model.get_or_none(self.model.id == record_id)
        if instance is None:
            raise NotFoundError(f"{self.label.capitalize()} {record_id} n'existe pas (ou plus).")
        return instance

    def scalar_record(self, instance: Record) -> dict:
        return {
            "id": instance.id,
            **{f.name: self.out(f, getattr(instance, f.name)) for f in self.fields},
        }

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
        remember_read_copy(self.model._meta.table_name, record)
        return record

    def label_of(self, record: Mapping[str, Any]) -> str:
        """How the record is named in pickers and messages."""
        return str(record.get(self.fields[0].name) or "")

    def _option_columns(self) -> list[pw.Field]:
        names = [f.name for f in self.fields if f.name in self.model._meta.fields][:3]
        return [self.model.id, *(self.model._meta.fields[n] for n in names)]

    def options(self, limit: int = 5000, search: str = "") -> list[tuple[str, str]]:
        """(id, label) pairs for pickers, in list order; with ``search``, the records the
        list's search would find (pickers of a quarter-million contacts search as you type)."""
        query = apply_search(self.model.select(*self._option_columns()), self.model, search)
        query = query.order_by(self.model.sort_key, self.model.id).limit(limit).dicts()
        return [(row["id"], self.label_of(row)) for row in query]

    def option_labels(self, ids: Sequence[str]) -> dict[str, str]:
        """How pickers name the records ``ids`` (those that exist), without loading the rest."""
        wanted = list(dict.fromkeys(i for i in ids if i))
        labels: dict[str, str] = {}
        for start in range(0, len(wanted), 500):
            query = self.model.select(*self._option_columns()).where(
                self.model.id.in_(wanted[start : start + 500])
            )
            labels.update((row["id"], self.label_of(row)) for row in query.dicts())
        return labels

    def all_records(self) -> list[dict]:
        return self.records_for(list(self.model.select().order_by(self.model.id)))

    def records_for(self, instances: Sequence[Record]) -> list[dict]:
        """:meth:`to_record` of each instance; areas with links read them for all at once
        (an export of a quarter-million contacts would otherwise run a query per link)."""
        return [self.to_record(i) for i in instances]

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
        return {
            f.name: cleaned[f.name] for f in self.fields if f.name in cleaned and f.name in columns
        }

    def new_row(self, record_id: str, cleaned: Mapping[str, Any]) -> dict:
        """The main row of a new record (field name -> value), as :meth:`write` inserts it."""
        values = self.row_values(cleaned)
        values["search"] = self.search_text(cleaned)
        values["sort_key"] = fold(self.sort_text(cleaned))[:200]
        return {"id": record_id, "version": 1, **values}

    def write(self, record_id: str, cleaned: Mapping[str, Any], *, is_new: bool) -> None:
        """Insert or replace the row and its links; call inside a transaction."""
        if is_new:
            self.model.insert(**self.new_row(record_id, cleaned)).execute()
        else:
            values = self.row_values(cleaned)
            values["search"] = self.search_text(cleaned)
            values["sort_key"] = fold(self.sort_text(cleaned))[:200]
            self.model.update(version=self.model.version + 1, **values).where(
                self.model.id == record_id
            ).execute()
        self.write_links(record_id, cleaned)

    #: The link tables that hold a record's lists, each with its column naming the record:
    #: :meth:`write_links` empties them for the record, then inserts :meth:`link_rows`.
    link_tables: tuple[tuple[type[pw.Model], str], ...] = ()

    def link_rows(
        self, record_id: str, cleaned: Mapping[str, Any], cache: dict
    ) -> Iterator[tuple[type[pw.Model], dict]]:
        """(model, row) for each link row of the record.  ``cache`` lives as long as the
        transaction (an import keeps one for all its records): areas keep lookups there."""
        return iter(())

    def write_links(self, record_id: str, cleaned: Mapping[str, Any]) -> None:
        """Replace the record's link rows."""
        for model, column in self.link_tables:
            model.delete().where(model._meta.fields[column] == record_id).execute()
        grouped: dict[type[pw.Model], list[dict]] = {}
        for model, row in self.link_rows(record_id, cleaned, {}):
            grouped.setdefault(model, []).append(row)
        for model, rows in grouped.items():
            storage.insert_rows(model, rows)

    def check_version(self, record_id: str, expected: int | None) -> None:
        if expected is None:
            return
        current = self.model.select(self.model.version).where(self.model.id == record_id).scalar()
        if current is None:
            raise NotFoundError(f"{self.label.capitalize()} a été supprimé{self._e} entre-temps.")
        if current != expected:
            raise self.stale_error(record_id, expected, current)

    @property
    def _e(self) -> str:
        """Agreement of the past participle with the area's label ("la délégation … modifiée")."""
        return "e" if self.record_type.fr.feminine else ""

    def key_label(self, key: str) -> str:
        for f in self.fields:
            if f.name == key:
                return f.label
        for spec in self.lists:
            if spec.name == key:
                return KEY_LABELS.get(key, spec.label)
        return KEY_LABELS.get(key, key)

    def describe_changes(
        self, before: Mapping[str, Any], after: Mapping[str, Any]
    ) -> list[FieldChange]:
        """The fields that differ between two copies of a record, in form order."""
        keys = [k for k in after if k not in ("id", "version")]
        keys += [k for k in before if k not in after and k not in ("id", "version")]
        return [
            FieldChange(k, self.key_label(k), before.get(k), after.get(k))
            for k in keys
            if before.get(k) != after.get(k)
        ]

    def stale_error(self, record_id: str, expected: int, current_version: int) -> StaleRecordError:
        """The refusal of an edit made on version ``expected``, saying what changed since."""
        current = self.to_record(self.load(record_id))
        stale = _READ_COPIES.get((self.model._meta.table_name, record_id, expected))
        changes = self.describe_changes(stale, current) if stale is not None else []
        name = self.label_of(current)
        text = (
            f"{self.label.capitalize()}{f' « {name} »' if name else ''} a été modifié{self._e} "
            f"ailleurs depuis son ouverture (version {current_version}, vous éditiez la "
            f"version {expected})."
        )
        if changes:
            parts = []
            for change in changes:
                before, after = _shown(change.before), _shown(change.after)
                detail = (
                    f" ({before} → {after})" if before is not None and after is not None else ""
                )
                parts.append(f"{change.label}{detail}")
            text += f" Modifié entre-temps : {', '.join(parts)}."
        text += (
            " Vos modifications n'ont pas été enregistrées : rechargez la fiche, puis refaites-les."
        )
        return StaleRecordError(
            text,
            expected_version=expected,
            current_version=current_version,
            changes=changes,
            current=current,
        )

    def create(self, data: Mapping[str, Any]) -> dict:
        cleaned = self.validate(data)
        record_id = data.get("id") or new_id()

        def write() -> None:
            with database.atomic():
                if self.model.get_or_none(self.model.id == record_id) is not None:
                    raise ValidationError("id", f"{self.label} {record_id} existe déjà")
                self.write(record_id, cleaned, is_new=True)

        storage.retry_if_busy(write)
        return self.get(record_id)

    def update(
        self, record_id: str, changes: Mapping[str, Any], expected_version: int | None = None
    ) -> dict:
        """Apply ``changes`` to the record as it is now; with ``expected_version``, refuse
        (``StaleRecordError``) if someone saved it since that version was read.

        The record is read and validated inside the write transaction, so fields absent
        from ``changes`` keep what another instance may just have saved.
        """

        def write() -> None:
            with database.atomic():
                self.check_version(record_id, expected_version)
                current = self.to_record(self.load(record_id))
                cleaned = self.validate({**current, **changes})
                self.write(record_id, cleaned, is_new=False)

        storage.retry_if_busy(write)
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
