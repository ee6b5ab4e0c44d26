"""Writing a checked plan: one transaction, new records a batch at a time."""

from __future__ import annotations

import os
from contextlib import nullcontext
from typing import Any

from ..db import backend, bulk
from ..db.models import ChangeSet, RecordChange, database
from ..db.retry import retrying
from ..services import AREAS, apd_lists, attachments, history, merge
from ..services import office as office_service
from ..services.base import Area
from . import attached
from .checking import Plan, present, validate_document, validate_file
from .document import ATTACHMENTS, ImportSummary
from .reading import Progress

#: From this many new records on, an import rebuilds the search indexes once at the end.
BULK_INDEXING = 5000
#: A server's statistics of the tables an import writes are gathered again each time it has
#: written twice as many records, from this many on (:meth:`Backend.refresh_statistics`).
STATISTICS_FROM = 10_000


class _Writer:
    """Records written a batch at a time, a few statements per table for the whole batch:
    new rows inserted (:func:`bulk.insert_rows`), existing ones updated
    (:func:`bulk.update_rows`, their link rows replaced)."""

    BATCH = 500

    def __init__(self, summary: ImportSummary) -> None:
        self.summary = summary
        self.batches: dict[str, list[tuple[str, dict]]] = {}
        self.cache: dict = {}  # lookups the areas keep for the whole transaction
        self.written = 0
        self.statistics_at = STATISTICS_FROM
        self.tables: set[str] = {RecordChange._meta.table_name, ChangeSet._meta.table_name}

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
        found = present(name, [record_id for record_id, _ in batch])
        before = _records(area, [record_id for record_id, _ in batch if record_id in found])
        comebacks = history.highest_versions([i for i, _ in batch if i not in found])
        in_bulk = type(area).write is Area.write  # areas with their own checks write one by one
        inserted: dict[type, list[dict]] = {}
        updated: list[dict] = []
        for record_id, cleaned in batch:
            is_new = record_id not in found
            bucket = self.summary.created if is_new else self.summary.updated
            bucket[name] = bucket.get(name, 0) + 1
            if not in_bulk:
                area.write(record_id, cleaned, is_new=is_new)
                continue
            row = area.new_row(record_id, cleaned)
            if is_new:
                row["version"] = comebacks.get(record_id, 0) + 1  # versions never go back
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
            bulk.update_rows(area.model, updated, bump="version")
        for model, rows in inserted.items():
            bulk.insert_rows(model, rows)
            self.tables.add(model._meta.table_name)
        self.remember(area, batch, found, before, comebacks, in_bulk)
        self.written += len(batch)
        if self.written >= self.statistics_at:  # a few times in all: log2 of the import
            backend.current().refresh_statistics(database, sorted(self.tables))
            self.statistics_at = 2 * self.written

    def remember(
        self,
        area: Area,
        batch: list[tuple[str, dict]],
        found: set[str],
        before: dict[str, dict],
        comebacks: dict[str, int],
        in_bulk: bool,
    ) -> None:
        """The batch's history: each new record created, each updated one with the fields
        the file changed (read back in a few queries for the whole batch)."""
        after = _records(area, list(before))
        rows: list[dict[str, Any]] = []
        for record_id, cleaned in batch:
            if record_id not in found:
                version = comebacks.get(record_id, 0) + 1 if in_bulk else None
                rows.append(
                    {
                        "record_id": record_id,
                        "kind": "created",
                        "version": version,
                        "label": area.label_of(cleaned),
                    }
                )
                continue
            new = after[record_id]
            fields = history.field_changes(before[record_id], new)
            if fields:
                rows.append(
                    {
                        "record_id": record_id,
                        "kind": "changed",
                        "version": new["version"],
                        "label": area.label_of(new),
                        "fields": fields,
                    }
                )
        history.record_many(area.collection, rows)

    def flush_all(self) -> None:
        for name in list(self.batches):
            self.flush(name)


def _records(area: Area, ids: list[str]) -> dict[str, dict]:
    """The records ``ids`` as the JSON dump has them, with their versions, by id."""
    if not ids:
        return {}
    instances = list(area.model.select().where(area.model.id.in_(ids)))
    records = area.records_for(instances)
    for instance, record in zip(instances, records, strict=True):
        record["version"] = instance.version
    return {record["id"]: record for record in records}


@retrying
def apply_plan(
    plan: Plan, progress: Progress | None = None, *, origin: str = "import", summary: str = ""
) -> ImportSummary:
    """Write a checked plan in one transaction (all or nothing).

    ``progress(records_written, records_total)`` is called along the way; an exception it
    raises (a cancel) rolls everything back.  The history tells the whole import as one
    change set (``origin``, ``summary``: the file's name).
    """
    told = summary
    result = ImportSummary()
    total = plan.total
    with database.atomic(), history.batch(origin, told):
        backend.current().defer_foreign_keys(database)
        if plan.office is not None:
            office_service.write_office(plan.office)
        if plan.apd:
            apd_lists.write_section(plan.apd)
        # Many new rows: the search indexes are rebuilt once at the end rather than row by
        # row (a rebuild reads every row, so not for a few records added to many).
        new_rows = sum(plan.created.values())
        many = new_rows >= BULK_INDEXING and new_rows >= sum(
            backend.current().table_rows(area.model) for area in AREAS.values()
        )
        with backend.current().search_indexes_filled_after(database) if many else nullcontext():
            writer = _Writer(result)
            for done, (name, record_id, cleaned) in enumerate(plan.cleaned_records(), 1):
                if name == ATTACHMENTS:
                    attached.write(record_id, cleaned)
                    result.attachments += 1
                else:
                    writer.add(name, record_id, cleaned)
                if progress is not None and done % 500 == 0:
                    progress(done, total)
            writer.flush_all()
        if plan.aliases:
            merge.add_aliases(plan.aliases)
        if result.attachments:
            attachments.drop_unreferenced()  # a document merged with another file
        if progress is not None:
            progress(total, total)  # still inside: a cancel here rolls back too
    if many:  # the planner's statistics were of a table at most half as large
        backend.current().analyze(database)
    return result


def import_document(document: dict, *, origin: str = "import") -> ImportSummary:
    return apply_plan(validate_document(document), origin=origin)


def import_file(path: str | os.PathLike[str], progress: Progress | None = None) -> ImportSummary:
    return apply_plan(validate_file(path), progress, summary=os.path.basename(path))
