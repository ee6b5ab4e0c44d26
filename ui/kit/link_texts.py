"""What a deletion takes or unlinks, named from the deleted record's side.

The counts come from :func:`relations_app.services.trash.seen_from`: a link is counted as
a record of the other side ("5 organisations" for Kiel, "3 partenaires" for a
programme), never by the link table's name (Kiel's five organisations used to read "5
liens avec des partenaires"). The delete confirmation and the trash say it the same way.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QObject

from relations_app.records import RECORD_TYPES
from relations_app.services import trash

from . import record_names


class LinkTexts(QObject):
    """Phrases with plurals from the catalogue ("%n funding line(s)")."""

    def describe(self, collection: str, linked: dict[str, int]) -> str:
        """ "5 organisations, 2 events": ``linked`` per table, seen from ``collection``."""
        counts = trash.seen_from(collection, linked)
        texts: dict[str, Callable[[int], str]] = {
            **{key: partial(record_names.counted, key) for key in RECORD_TYPES},
            "position": lambda n: (
                self.tr("%n function(s)", "", n)
                if collection == "contacts"
                else self.tr("%n function(s) held by people", "", n)
            ),
            "event": lambda n: self.tr("%n event(s)", "", n),
            "key_figure": lambda n: self.tr("%n key figure(s)", "", n),
            "funding": lambda n: self.tr("%n funding line(s)", "", n),
            "agenda_item": lambda n: self.tr("%n agenda item(s)", "", n),
        }
        return ", ".join(texts[key](n) for key, n in counts.items() if key in texts)


def describe_links(collection: str, linked: dict[str, int]) -> str:
    return LinkTexts().describe(collection, linked)
