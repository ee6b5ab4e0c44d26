"""Versions of records: refusing an edit made on a stale copy, and saying what changed since.

Every record row has a ``version``, bumped by each write.  An edit names the version it
was made on; when another window saved first, :class:`StaleRecordError` refuses it and,
when the copy being edited is remembered (:func:`remember_read_copy`), lists what the other
edit changed (:func:`stale_message`).
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ..errors import UserError


class NotFoundError(UserError, LookupError):
    """No record with that id; the message is in French."""


@dataclass(frozen=True)
class FieldChange:
    """One field of a record that differs between two copies (labels in French)."""

    name: str
    label: str
    before: Any
    after: Any


class StaleRecordError(UserError, RuntimeError):
    """The record changed since it was read (another window saved it first).

    ``changes`` lists what the other edit changed, when the copy being edited is known
    (see :func:`remember_read_copy`); ``current`` is the record as it is now.
    """

    def __init__(
        self,
        message: str,
        *,
        expected_version: int | None = None,
        current_version: int | None = None,
        changes: Sequence[FieldChange] = (),
        current: Mapping[str, Any] | None = None,
    ) -> None:
        super().__init__(message)
        self.expected_version = expected_version
        self.current_version = current_version
        self.changes = list(changes)
        self.current = dict(current) if current is not None else None


#: Copies of records as :meth:`Area.get` returned them, by (table, id, version): when an
#: edit made on one of them is refused, the message can say what changed since.
_READ_COPIES: OrderedDict[tuple[str, str, int], dict] = OrderedDict()
READ_COPIES_KEPT = 500


def remember_read_copy(table: str, record: Mapping[str, Any]) -> None:
    key = (table, record["id"], record["version"])
    _READ_COPIES[key] = dict(record)
    _READ_COPIES.move_to_end(key)
    while len(_READ_COPIES) > READ_COPIES_KEPT:
        _READ_COPIES.popitem(last=False)


def forget_read_copies() -> None:
    """After a restore, versions no longer name the same content."""
    _READ_COPIES.clear()


#: Labels of the keys that are not plain fields (lists, references).
KEY_LABELS = {
    "partner_ids": "Partenaires",
    "partner_id": "Partenaire",
    "programme_id": "Programme",
    "organisation_id": "Organisation",
    "function": "Fonction",
    "themes": "Thèmes",
    "aliases": "Autres graphies",
    "key_figures": "Chiffres clés",
    "positions": "Fonctions",
    "organisations": "Organisations",
    "contacts": "Contacts",
    "funding": "Financements",
    "members": "Membres",
    "agenda": "Programme de la visite",
}


def _shown(value: Any) -> str | None:
    """A short form of a value for a message, or None when it is too long to show."""
    if value is None or value in ("", []):
        return "vide"
    if isinstance(value, bool):
        return "oui" if value else "non"
    if isinstance(value, (list, dict)):
        return None
    text = " ".join(str(value).split())
    return text if len(text) <= 40 else None


def read_copy(table: str, record_id: str, version: int) -> dict | None:
    """The record as :meth:`Area.get` returned it at ``version``, if still remembered."""
    return _READ_COPIES.get((table, record_id, version))


def stale_message(
    label: str, name: str, e: str, changes: Sequence[FieldChange], expected: int, current: int
) -> str:
    """The French refusal of an edit made on version ``expected`` of ``label`` « name »
    (``e``: the past participle's agreement, "" or "e")."""
    text = (
        f"{label.capitalize()}{f' « {name} »' if name else ''} a été modifié{e} "
        f"ailleurs depuis son ouverture (version {current}, vous éditiez la "
        f"version {expected})."
    )
    if changes:
        parts = []
        for change in changes:
            before, after = _shown(change.before), _shown(change.after)
            detail = f" ({before} → {after})" if before is not None and after is not None else ""
            parts.append(f"{change.label}{detail}")
        text += f" Modifié entre-temps : {', '.join(parts)}."
    return text + (
        " Vos modifications n'ont pas été enregistrées : rechargez la fiche, puis refaites-les."
    )
