"""The record types of the application, declared once: the registry every layer reads.

:data:`RECORD_TYPES` maps each collection name to its :class:`RecordType` (see
:mod:`.kinds` for what a declaration holds, :mod:`.declared` for the declarations).  The
JSON dump, import, dataset, backups, trash, list exports and the window's sections take
their lists of record types from here rather than keeping their own.
"""

from __future__ import annotations

from types import MappingProxyType

from .declared import DECLARED
from .kinds import Display, ExportColumn, ExportKind, ListColumn, Noun, RecordType

#: collection name -> record type, in the order of the JSON dump.
RECORD_TYPES: MappingProxyType[str, RecordType] = MappingProxyType({t.key: t for t in DECLARED})

#: Names that earlier versions wrote for a collection -> the collection's name now.
FORMER_KEYS: MappingProxyType[str, str] = MappingProxyType(
    {old: t.key for t in DECLARED for old in t.former_keys}
)


def record_type(key: str) -> RecordType:
    """The record type of collection ``key`` (or of a name it had before)."""
    return RECORD_TYPES[FORMER_KEYS.get(key, key)]


def trashable() -> tuple[RecordType, ...]:
    """The record types that deleting from the window moves to the trash."""
    return tuple(t for t in DECLARED if t.trash)


__all__ = [
    "FORMER_KEYS",
    "RECORD_TYPES",
    "Display",
    "ExportColumn",
    "ExportKind",
    "ListColumn",
    "Noun",
    "RecordType",
    "record_type",
    "trashable",
]
