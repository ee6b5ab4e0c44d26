"""The one way to read and change data: one module per area.

Widgets and the CLI call these functions; they validate, write inside one transaction and
return plain dicts.  No caller outside this package builds a query.
"""

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
from .base import NotFoundError, Page, StaleRecordError

#: JSON collection name -> area, in the order records can be written.
AREAS = {
    "partners": partners.AREA,
    "organisations": organisations.AREA,
    "diplomatic_posts": posts.AREA,
    "contacts": contacts.AREA,
    "programmes": programmes.AREA,
    "events": events.AREA,
    "consulates": consulates.AREA,
    "delegations": delegations.AREA,
}

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
