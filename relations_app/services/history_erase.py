"""Erasing a person from the history too: only "données personnelles effacées le …" is left.

Under the erase function (:mod:`.personal_data`) the person's own history lines go, and one
line dated the day of the erasure takes their place; in other records' lines (a programme's
contacts, a delegation's members) the person is taken out of the values before and after
the same way the erasure treats the records themselves: a link is dropped, a delegation
member keeps the line as "Personne effacée".  A field left with the same value before and
after says nothing any more and goes.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from ..db.models import RecordChange
from . import history

MONTHS = ("janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.",
          "nov.", "déc.")  # fmt: skip


def erased_label(today: date) -> str:
    return f"données personnelles effacées le {today.day} {MONTHS[today.month - 1]} {today.year}"


def _without(value: Any, contact_id: str, placeholder: str) -> Any:
    """``value`` with the person taken out (links dropped, members anonymised)."""
    if isinstance(value, list):
        kept = []
        for item in value:
            if item == contact_id:
                continue
            if isinstance(item, dict) and item.get("contact_id") == contact_id:
                if "name" in item and "side" in item:  # a delegation member keeps its line
                    kept.append({**item, "contact_id": None, "name": placeholder, "function": ""})
                continue
            kept.append(_without(item, contact_id, placeholder))
        return kept
    if isinstance(value, dict):
        return {k: _without(v, contact_id, placeholder) for k, v in value.items()}
    return value


def erase_person(contact_id: str, today: date, placeholder: str) -> None:
    """Inside the erasure's transaction (and its secure delete)."""
    RecordChange.delete().where(
        (RecordChange.collection == "contacts") & (RecordChange.record_id == contact_id)
    ).execute()
    history.record("contacts", contact_id, "erased", version=None, label=erased_label(today))
    query = RecordChange.select(RecordChange.id, RecordChange.fields).where(
        RecordChange.fields.contains(contact_id)
    )
    for change in query:
        fields = json.loads(change.fields)
        scrubbed = {}
        for key, (before, after) in fields.items():
            before = _without(before, contact_id, placeholder)
            after = _without(after, contact_id, placeholder)
            if before != after:
                scrubbed[key] = [before, after]
        RecordChange.update(
            fields=json.dumps(scrubbed, ensure_ascii=False) if scrubbed else None
        ).where(RecordChange.id == change.id).execute()
