"""The one way to read and change data: one module per area.

Widgets and the CLI call these functions; they validate, write inside one transaction and
return plain dicts.  No caller outside this package builds a query.
"""

from ..records import RECORD_TYPES
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
from .listing import Page
from .versions import NotFoundError, StaleRecordError

#: collection name -> area, in the order of the JSON dump (from the record types'
#: declarations, :mod:`relations_app.records`).
AREAS: dict[str, Area] = {key: kind.area for key, kind in RECORD_TYPES.items()}

__all__ = [
    "AREAS",
    "NotFoundError",
    "Page",
    "StaleRecordError",
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
