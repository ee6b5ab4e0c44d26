"""The lossless export: the whole database as one JSON document, written record by record."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from ..files import atomic_file, write_text_atomically
from ..services import AREAS, apd_lists, merge
from ..services import office as office_service
from . import attached
from .document import ATTACHMENTS, EXPORT_ORDER, FORMAT, VERSION


def export_document() -> dict:
    document: dict[str, Any] = {"format": FORMAT, "version": VERSION}
    office = office_service.get_office()
    document["office"] = office if office["id"] else None
    document["apd"] = apd_lists.export_section()
    for name in EXPORT_ORDER:
        document[name] = AREAS[name].all_records()
    aliases = merge.alias_rows()
    if aliases:  # the ids of merged records (an older file naming them lands right)
        document["aliases"] = aliases
    documents = list(attached.iter_exported())
    if documents:  # written only when there are some (files of earlier versions had none)
        document[ATTACHMENTS] = documents
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
    with atomic_file(path, "w", encoding="utf-8", newline="\n") as handle:
        handle.write(
            f'{{\n  "format": {json.dumps(FORMAT)},\n  "version": {json.dumps(VERSION)},\n'
            f'  "office": {encoded(office if office["id"] else None, 1)},\n'
            f'  "apd": {encoded(apd_lists.export_section(), 1)}'
        )
        for name in EXPORT_ORDER:
            handle.write(f",\n  {json.dumps(name)}: ")
            count = 0
            for record in iter_collection(name):
                handle.write(("[\n    " if not count else ",\n    ") + encoded(record, 2))
                count += 1
            handle.write("\n  ]" if count else "[]")
            counts[name] = count
        aliases = merge.alias_rows()
        if aliases:
            handle.write(f',\n  "aliases": {encoded(aliases, 1)}')
        count = 0
        for document in attached.iter_exported():  # one file in memory at a time
            handle.write(f",\n  {json.dumps(ATTACHMENTS)}: [\n    " if not count else ",\n    ")
            handle.write(encoded(document, 2))
            count += 1
        if count:
            handle.write("\n  ]")
            counts[ATTACHMENTS] = count
        handle.write("\n}\n")
    return counts


def export_to_file(path: str | os.PathLike[str]) -> dict:
    document = export_document()
    write_atomically(path, dumps(document))
    return document
