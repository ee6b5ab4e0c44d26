"""How many records of each type a search text finds, with the lists' own search.

When a list finds nothing for what was typed ("Vaillant" in the partners), the window
says where it would find something ("3 contacts, 1 programme correspondent"): each count
comes from that type's list function with the same text, so opening the list with that
search shows exactly the records counted.  One capped count query per type
(:data:`.listing.COUNT_CAP`), never the rows.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Matches:
    collection: str
    count: int
    exact: bool  # False: at least ``count`` (the lists stop counting at the cap)


def matches_elsewhere(search: str, collections: Iterable[str]) -> list[Matches]:
    """The record types among ``collections`` whose list finds ``search``, in that order."""
    from . import LIST_FUNCTIONS

    if not search.strip():
        return []
    found = []
    for key in collections:
        page = LIST_FUNCTIONS[key](search, limit=0)
        if page.total:
            found.append(Matches(key, page.total, page.exact))
    return found
