"""The one way to read and change data: one module per area.

Widgets and the CLI call these functions; they validate, write inside one transaction and
return plain dicts.  No caller outside this package builds a query.
"""

import importlib
from collections.abc import Callable
from types import ModuleType

from ..records import RECORD_TYPES, RecordType
from . import (
    consulates,
    contacts,
    delegations,
    events,
    office,
    organisations,
    partners,
    posts,
    programmes,
)
from .base import Area
from .listing import Page, StillBetween
from .versions import NotFoundError, StaleRecordError


def _module(kind: RecordType) -> ModuleType:
    """The service module a record type names (``RecordType.service``)."""
    return importlib.import_module(f"{__name__}.{kind.service}")


#: collection name -> area, in the order of the JSON dump (from the record types'
#: declarations, :mod:`relations_app.records`).
AREAS: dict[str, Area] = {key: _module(kind).AREA for key, kind in RECORD_TYPES.items()}
#: collection name -> its list function (the window's list and the list export share it).
LIST_FUNCTIONS: dict[str, Callable[..., Page]] = {
    key: getattr(_module(kind), kind.list_function) for key, kind in RECORD_TYPES.items()
}
#: collection name -> the function that reads one record with what its page shows.
GET_FUNCTIONS: dict[str, Callable[[str], dict]] = {
    key: getattr(_module(kind), kind.get_function) for key, kind in RECORD_TYPES.items()
}

__all__ = [
    "AREAS",
    "GET_FUNCTIONS",
    "LIST_FUNCTIONS",
    "NotFoundError",
    "Page",
    "StaleRecordError",
    "StillBetween",
    "consulates",
    "contacts",
    "delegations",
    "events",
    "office",
    "organisations",
    "partners",
    "posts",
    "programmes",
]
