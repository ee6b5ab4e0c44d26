"""How many records each section holds, for the window's sidebar.

Read from :meth:`Backend.table_rows`, which keeps each table's count until the database
changes: the sidebar asks after every change, and recounting a quarter-million contacts
each time would cost more than the change itself.  One count per record type, never a
query per row.
"""

from __future__ import annotations

from ..db import backend
from . import AREAS, trash


def section_counts() -> dict[str, int]:
    """Record type key → records, and ``"trash"`` → entries in the trash."""
    engine = backend.current()
    counts = {key: engine.table_rows(area.model) for key, area in AREAS.items()}
    counts["trash"] = trash.count()
    return counts
