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
from ..i18n import N_, _


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
KEY_LABELS = {  # French; translated where they are shown
    "partner_ids": N_("Partenaires"),
    "partner_id": N_("Partenaire"),
    "programme_id": N_("Programme"),
    "organisation_id": N_("Organisation"),
    "function": N_("Fonction"),
    "themes": N_("Thèmes"),
    "aliases": N_("Autres graphies"),
    "key_figures": N_("Chiffres clés"),
    "positions": N_("Fonctions"),
    "organisations": N_("Organisations"),
    "contacts": N_("Contacts"),
    "funding": N_("Financements"),
    "members": N_("Membres"),
    "agenda": N_("Programme de la visite"),
}


def _shown(value: Any) -> str | None:
    """A short form of a value for a message, or None when it is too long to show."""
    if value is None or value in ("", []):
        return _("vide")
    if isinstance(value, bool):
        return _("oui") if value else _("non")
    if isinstance(value, (list, dict)):
        return None
    text = " ".join(str(value).split())
    return text if len(text) <= 40 else None


def read_copy(table: str, record_id: str, version: int) -> dict | None:
    """The record as :meth:`Area.get` returned it at ``version``, if still remembered."""
    return _READ_COPIES.get((table, record_id, version))


def stale_message(
    label: str,
    name: str,
    feminine: bool,
    changes: Sequence[FieldChange],
    expected: int,
    current: int,
) -> str:
    """The refusal of an edit made on version ``expected`` of ``label`` « name », in the
    interface's language (``feminine``: the French label's agreement, "modifiée")."""
    record = label.capitalize() + (_(" « {name} »").format(name=name) if name else "")
    modified = (
        _(
            "{record} a été modifiée ailleurs depuis son ouverture (version {current}, vous "
            "éditiez la version {expected})."
        )
        if feminine
        else _(
            "{record} a été modifié ailleurs depuis son ouverture (version {current}, vous "
            "éditiez la version {expected})."
        )
    )
    text = modified.format(record=record, current=current, expected=expected)
    if changes:
        parts = []
        for change in changes:
            before, after = _shown(change.before), _shown(change.after)
            detail = f" ({before} → {after})" if before is not None and after is not None else ""
            parts.append(f"{change.label}{detail}")
        text += _(" Modifié entre-temps : {changes}.").format(changes=", ".join(parts))
    return text + _(
        " Vos modifications n'ont pas été enregistrées : rechargez la fiche, puis refaites-les."
    )
