"""The one way an import writes: a safety copy of the open database first, then the writes.

An import replaces or adds records by the hundred; the copy taken just before
(:func:`relations_app.backups.copy_before_import`, reason ``avant-import``) is its way back
(File › Restore a copy…, ``relations-app restore``).  The window's three imports and the
command line's all go through :func:`import_with_copy`, which finds the database from the open
connection itself, so no caller can skip the copy (the Atlas dialog once did, when it was
not told the path).  No copy, no import: a copy that fails stops the import before it
writes anything.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Generic, TypeVar

from .. import backups
from ..db import backend
from ..db.models import database
from ..location import DatabaseLocation
from .common import ExchangeError

T = TypeVar("T")


@dataclass(frozen=True)
class Imported(Generic[T]):
    """What an import did, and the copy that undoes it."""

    result: T
    copy: Path


def open_database() -> DatabaseLocation:
    """Where the open database is; an import into none at all (or one only in memory) is
    refused."""
    location = backend.current().location_of(database) if database.obj is not None else None
    if location is None:
        raise ExchangeError("aucune base de données ouverte : import impossible.")
    return location


def import_with_copy(apply: Callable[[], T]) -> Imported[T]:
    """Copy the open database, then run ``apply`` (which writes the import)."""
    copy = backups.copy_before_import(open_database())
    return Imported(apply(), copy)
