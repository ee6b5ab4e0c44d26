"""The history in French: "Population : 200 000 → 210 000 — par m.dupont, le 3 déc. 2026 à 10 h 12".

One :func:`lines` per change: a line per changed field, or one line saying what happened
(created, put in the trash…), each ending with who and when.  Values are shown as the
record's page shows them: numbers grouped, yes/no, choices by their French label, linked
records by their names (:class:`Names` reads them for a whole list at once), sub-records
(funding lines, positions, agenda items) as what was added and what was removed.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from babel.dates import format_date
from babel.numbers import format_decimal

from ..countries import country_name
from . import AREAS
from .history_read import Change

KIND_TEXTS = {
    "created": "Création",
    "trashed": "Mise à la corbeille",
    "untrashed": "Rétablissement depuis la corbeille",
    "deleted": "Suppression définitive",
    "changed": "Modification",
    "restored": "Base restaurée",
}
ORIGIN_TEXTS = {
    "undo": "annulation",
    "redo": "rétablissement",
    "revert": "retour à une version antérieure",
    "import": "import",
    "init": "données d'origine",
    "erase": "effacement de données personnelles",
    "merge": "fusion",
}
#: Reference keys -> the collection whose names they hold.
REFERENCES = {
    "partner_id": "partners",
    "partner_ids": "partners",
    "programme_id": "programmes",
    "organisation_id": "organisations",
    "organisation_ids": "organisations",
    "contact_id": "contacts",
    "contact_ids": "contacts",
    "post_id": "posts",
}
LONGEST = 60  # characters of a text shown in a line


def when_fr(at: datetime) -> str:
    """ "le 3 déc. 2026 à 10 h 12", in the computer's time zone."""
    local = at.astimezone()
    return f"le {format_date(local, 'd MMM y', locale='fr')} à {local.hour} h {local.minute:02d}"


def byline(change: Change) -> str:
    return f"par {change.user}, {when_fr(change.at)}"


@dataclass
class Names:
    """Names of the records a list of changes refers to, read once per collection."""

    by_collection: dict[str, dict[str, str]] = field(default_factory=dict)

    @classmethod
    def of(cls, changes: Iterable[Change]) -> Names:
        wanted: dict[str, set[str]] = {}
        for change in changes:
            for key, pair in change.fields.items():
                for value in pair:
                    _collect(key, value, wanted)
        names = cls()
        for collection, ids in wanted.items():
            names.by_collection[collection] = AREAS[collection].option_labels(sorted(ids))
        return names

    def name(self, collection: str, record_id: str) -> str:
        return self.by_collection.get(collection, {}).get(record_id) or "(supprimé)"


def _collect(key: str, value: Any, wanted: dict[str, set[str]]) -> None:
    collection = REFERENCES.get(key)
    if collection and isinstance(value, str) and value:
        wanted.setdefault(collection, set()).add(value)
    elif collection and isinstance(value, list):
        wanted.setdefault(collection, set()).update(v for v in value if isinstance(v, str))
    elif isinstance(value, list):
        for item in value:
            if isinstance(item, dict):
                for k, v in item.items():
                    _collect(k, v, wanted)


def _number(value: Any) -> str | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return format_decimal(value, locale="fr_FR")
    if isinstance(value, float):
        return format_decimal(value, locale="fr_FR", decimal_quantization=False)
    return None


def _money(value: Any) -> str:
    try:
        amount = Decimal(str(value))
    except InvalidOperation:
        return str(value)
    return format_decimal(amount, format="#,##0.00", locale="fr_FR") + " €"


def _choice_labels(collection: str, key: str) -> Mapping[str, str]:
    module = sys.modules.get(type(AREAS[collection]).__module__)
    labels = getattr(module, f"{key.upper()}_LABELS", None)
    return labels if isinstance(labels, dict) else {}


def _kinds(collection: str) -> dict[str, str]:
    area = AREAS[collection]
    kinds = {f.name: f.kind for f in area.fields}
    for spec in area.lists:
        kinds.update({f"{spec.name}.{f.name}": f.kind for f in spec.fields})
    return kinds


def _short(text: str) -> str:
    text = re.sub(r"[ \t\r\n]+", " ", text).strip()  # (str.split would eat the narrow spaces)
    return text if len(text) <= LONGEST else text[: LONGEST - 1].rstrip() + "…"


def shown(collection: str, key: str, value: Any, names: Names, kind: str | None = None) -> str:
    """One value as a line shows it."""
    if value is None or value in ("", []):
        return "vide"
    kind = kind if kind is not None else _kinds(collection).get(key, "text")
    if isinstance(value, bool):
        return "oui" if value else "non"
    if key in REFERENCES:
        target = REFERENCES[key]
        ids = value if isinstance(value, list) else [value]
        return ", ".join(names.name(target, i) for i in ids)
    if kind == "money":
        return _money(value)
    if kind == "country" and isinstance(value, str):
        return country_name(value) or value
    if kind == "choice" and isinstance(value, str):
        return _choice_labels(collection, key.rsplit(".", 1)[-1]).get(value, value)
    if kind not in ("year", "date", "time") and (number := _number(value)) is not None:
        return number
    if isinstance(value, list):
        return ", ".join(
            _item(collection, key, v, names) if isinstance(v, dict) else str(v) for v in value
        )
    return _short(str(value))


def _item(collection: str, key: str, item: Mapping[str, Any], names: Names) -> str:
    """A sub-record (a funding line, a position) in a few words: its values that say
    something, in order."""
    kinds = _kinds(collection)
    parts = []
    for sub, value in item.items():
        if sub in ("id", "position") or value in (None, "", []):
            continue
        parts.append(shown(collection, f"{key}.{sub}", value, names, kinds.get(f"{key}.{sub}")))
    return _short(" ; ".join(parts)) or "(vide)"


def _list_change(collection: str, key: str, before: Sequence, after: Sequence, names: Names) -> str:
    added = [i for i in after if i not in before]
    removed = [i for i in before if i not in after]
    if not added and not removed:
        return "ordre changé"

    def word(item: Any) -> str:
        if isinstance(item, dict):
            return _item(collection, key, item, names)
        if key in REFERENCES:
            return names.name(REFERENCES[key], item)
        return _short(str(item))

    parts = [f"+ {word(i)}" for i in added] + [f"− {word(i)}" for i in removed]
    return ", ".join(parts)


def field_line(collection: str, key: str, before: Any, after: Any, names: Names) -> str:
    label = AREAS[collection].key_label(key)
    if isinstance(before, list) or isinstance(after, list):
        lists = (before or [], after or [])
        if any(isinstance(i, dict) for i in (*lists[0], *lists[1])) or key in REFERENCES:
            return f"{label} : {_list_change(collection, key, *lists, names)}"
    old, new = shown(collection, key, before, names), shown(collection, key, after, names)
    return f"{label} : {old} → {new}"


def detail(change: Change, key: str, names: Names) -> str:
    """The field's values before and after in full (a long text the line shortens)."""
    before, after = change.fields[key]

    def full(value: Any) -> str:
        if isinstance(value, str) and value and key not in REFERENCES:
            return value
        return shown(change.collection, key, value, names)

    label = AREAS[change.collection].key_label(key)
    return f"{label}\nAvant : {full(before)}\nAprès : {full(after)}"


def headline(change: Change) -> str:
    """What happened, without the fields: "Création (import)"."""
    if change.kind == "erased":
        return change.label[:1].upper() + change.label[1:]
    text = KIND_TEXTS.get(change.kind, change.kind)
    if change.kind == "restored":
        text += f" ({change.summary})" if change.summary else ""
    elif change.origin in ORIGIN_TEXTS:
        text += f" ({ORIGIN_TEXTS[change.origin]})"
    return text


def field_lines(change: Change, names: Names) -> list[str]:
    """One line per changed field, without who and when (empty for a change with none)."""
    if change.kind != "changed" or change.collection not in AREAS:
        return []
    suffix = f" ({ORIGIN_TEXTS[change.origin]})" if change.origin in ORIGIN_TEXTS else ""
    return [
        field_line(change.collection, key, before, after, names) + suffix
        for key, (before, after) in change.fields.items()
    ]


def lines(change: Change, names: Names) -> list[str]:
    """The change as the history lists it, each line ending with who and when."""
    texts = field_lines(change, names) or [headline(change)]
    return [f"{text} — {byline(change)}" for text in texts]
