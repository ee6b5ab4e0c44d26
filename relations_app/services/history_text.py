"""The history in words: "Population : 200 000 → 210 000 — par m.dupont, le 3 déc. 2026 à 10 h 12".

The sentences are the domain's messages (:mod:`relations_app.i18n`), and dates and numbers
are formatted in the interface's language: the English window reads "Population: 200,000
→ 210,000 — by m.dupont, on 3 Dec 2026 at 10:12"; the command line stays French.
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
from ..i18n import N_, _, language
from . import AREAS, history_documents
from .base import option_labels_together
from .history_read import Change

KIND_TEXTS = {
    "created": N_("Création"),
    "trashed": N_("Mise à la corbeille"),
    "untrashed": N_("Rétablissement depuis la corbeille"),
    "deleted": N_("Suppression définitive"),
    "changed": N_("Modification"),
    "restored": N_("Base restaurée"),
    "merged": N_("Fusion avec « {other} »"),
    "merged_away": N_("Fusionné dans « {kept} »"),
}
ORIGIN_TEXTS = {
    "undo": N_("annulation"),
    "redo": N_("rétablissement"),
    "revert": N_("retour à une version antérieure"),
    "import": N_("import"),
    "init": N_("données d'origine"),
    "erase": N_("effacement de données personnelles"),
    "merge": N_("fusion"),
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


def _locale() -> str:
    return "fr_FR" if language() == "fr" else "en_GB"


def when_fr(at: datetime) -> str:
    """ "le 3 déc. 2026 à 10 h 12" ("on 3 Dec 2026 at 10:12" in English), in the
    computer's time zone."""
    local = at.astimezone()
    date = format_date(local, "d MMM y", locale=_locale())
    time = f"{local.hour} h {local.minute:02d}" if language() == "fr" else f"{local:%H:%M}"
    return _("le {date} à {time}").format(date=date, time=time)


def byline(change: Change) -> str:
    return _("par {user}, {when}").format(user=change.user, when=when_fr(change.at))


def origin_text(origin: str) -> str:
    """How a change was made, in words ("" for an edit in the window)."""
    return _(ORIGIN_TEXTS[origin]) if origin in ORIGIN_TEXTS else ""


@dataclass
class Names:
    """Names of the records a list of changes refers to, read once per collection."""

    by_collection: dict[str, dict[str, str]] = field(default_factory=dict)
    documents: history_documents.Documents = field(default_factory=history_documents.Documents)

    @staticmethod
    def wanted_in(changes: Iterable[Change]) -> dict[str, set[str]]:
        """The records the changes' values refer to: collection -> ids."""
        wanted: dict[str, set[str]] = {}
        for change in changes:
            for key, pair in change.fields.items():
                for value in pair:
                    _collect(key, value, wanted)
        return wanted

    @classmethod
    def of(
        cls, changes: Iterable[Change], known: Mapping[str, Mapping[str, str | None]] | None = None
    ) -> Names:
        """The names ``changes`` need, read together (one statement for every collection);
        ``known``: collection -> id -> name already read (a page reads them with its own;
        None: no such record any more)."""
        changes = list(changes)
        wanted = cls.wanted_in(changes)
        names = cls()
        names.documents = history_documents.read(changes)
        for facts in names.documents.facts.values():  # the documents' owners, named too
            if facts.kind in AREAS:
                wanted.setdefault(facts.kind, set()).add(facts.record_id)
        known = known or {}
        missing = {
            collection: sorted(i for i in ids if i not in known.get(collection, {}))
            for collection, ids in wanted.items()
        }
        asked = [c for c, ids in missing.items() if ids]
        read = option_labels_together([(AREAS[c], missing[c]) for c in asked])
        for collection, ids in wanted.items():
            have = known.get(collection, {})
            labels = {i: name for i in ids if (name := have.get(i)) is not None}
            if collection in asked:
                labels.update(read[asked.index(collection)])
            names.by_collection[collection] = labels
        return names

    def name(self, collection: str, record_id: str) -> str:
        return self.by_collection.get(collection, {}).get(record_id) or _("(supprimé)")


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
        return format_decimal(value, locale=_locale())
    if isinstance(value, float):
        return format_decimal(value, locale=_locale(), decimal_quantization=False)
    return None


def _money(value: Any) -> str:
    try:
        amount = Decimal(str(value))
    except InvalidOperation:
        return str(value)
    text = format_decimal(amount, format="#,##0.00", locale=_locale())
    return f"{text} €" if language() == "fr" else f"€{text}"


def _choice_labels(collection: str, key: str) -> Mapping[str, str]:
    module = sys.modules.get(type(AREAS[collection]).__module__)
    labels = getattr(module, f"{key.upper()}_LABELS", None)
    return {k: _(v) for k, v in labels.items()} if isinstance(labels, dict) else {}


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
        return _("vide")
    kind = kind if kind is not None else _kinds(collection).get(key, "text")
    if isinstance(value, bool):
        return _("oui") if value else _("non")
    if key in REFERENCES:
        target = REFERENCES[key]
        ids = value if isinstance(value, list) else [value]
        return ", ".join(names.name(target, i) for i in ids)
    if kind == "money":
        return _money(value)
    if kind == "country" and isinstance(value, str):
        return country_name(value, language()) or value
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
    return _short(_(" ; ").join(parts)) or _("(vide)")


def _list_change(collection: str, key: str, before: Sequence, after: Sequence, names: Names) -> str:
    added = [i for i in after if i not in before]
    removed = [i for i in before if i not in after]
    if not added and not removed:
        return _("ordre changé")

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
            changes = _list_change(collection, key, *lists, names)
            return _("{label} : {changes}").format(label=label, changes=changes)
    old, new = shown(collection, key, before, names), shown(collection, key, after, names)
    return _("{label} : {before} → {after}").format(label=label, before=old, after=new)


def detail(change: Change, key: str, names: Names) -> str:
    """The field's values before and after in full (a long text the line shortens)."""
    before, after = change.fields[key]

    def full(value: Any) -> str:
        if isinstance(value, str) and value and key not in REFERENCES:
            return value
        return shown(change.collection, key, value, names)

    label = AREAS[change.collection].key_label(key)
    return _("{label}\nAvant : {before}\nAprès : {after}").format(
        label=label, before=full(before), after=full(after)
    )


def _merge_names(summary: str) -> tuple[str, str]:
    """(the record merged, the record kept) from a merge's summary, "other → kept"."""
    other, _sep, kept = summary.rpartition(" → ")
    return other, kept


def headline(change: Change) -> str:
    """What happened, without the fields: "Création (import)"."""
    if change.kind == "erased":
        return change.label[:1].upper() + change.label[1:]
    text = _(KIND_TEXTS[change.kind]) if change.kind in KIND_TEXTS else change.kind
    if change.kind in ("merged", "merged_away"):
        other, kept = _merge_names(change.summary)
        return text.format(other=other, kept=kept) + _suffix(change)
    if change.kind == "restored":
        text += f" ({change.summary})" if change.summary else ""
    else:
        text += _suffix(change)
    return text


def _suffix(change: Change) -> str:
    """ " (annulation)": how a change was made, when not in the window nor by the merge
    its headline tells."""
    if change.origin not in ORIGIN_TEXTS or (
        change.origin == "merge" and change.kind in ("merged", "merged_away")
    ):
        return ""
    return f" ({origin_text(change.origin)})"


def feed_lines(change: Change, names: Names) -> list[tuple[str, tuple[str, str] | None]]:
    """A change's lines in a list of changes of every record (the dashboard's "Dernières
    modifications"), each with the record it opens: "Kiel : Population : 200 000 → 210 000
    — par …".  A document's lines already name it ("Document ajouté : Convention de
    jumelage (PDF, 1,2 Mo)"): its owner's name leads them and they open the owner."""
    if change.collection == history_documents.COLLECTION:
        facts = names.documents.facts.get(change.record_id)
        owner = (facts.kind, facts.record_id) if facts and facts.kind in AREAS else None
        label = names.by_collection.get(owner[0], {}).get(owner[1]) if owner else None
        prefix = f"{label} : " if label else ""
        return [(prefix + text, owner) for text in lines(change, names)]
    target = (change.collection, change.record_id) if change.collection else None
    prefix = f"{change.label} : " if change.label and change.collection else ""
    return [(prefix + text, target) for text in lines(change, names)]


def document_lines(change: Change, names: Names) -> list[str]:
    """What happened to a document, a line per changed field, without who and when:
    "Document ajouté : Convention de jumelage (PDF, 1,2 Mo)", "Document renommé : …"."""
    return history_documents.lines(change, names.documents, _suffix(change))


def field_lines(change: Change, names: Names) -> list[str]:
    """One line per changed field, without who and when (empty for a change with none);
    a merge's lines follow the line saying it."""
    if change.kind not in ("changed", "merged") or change.collection not in AREAS:
        return []
    suffix = _suffix(change) if change.kind == "changed" else ""
    return [
        field_line(change.collection, key, before, after, names) + suffix
        for key, (before, after) in change.fields.items()
    ]


def lines(change: Change, names: Names) -> list[str]:
    """The change as the history lists it, each line ending with who and when."""
    if change.collection == history_documents.COLLECTION:
        return [f"{text} — {byline(change)}" for text in document_lines(change, names)]
    texts = field_lines(change, names)
    if change.kind == "merged" or not texts:
        texts = [headline(change), *texts]
    return [f"{text} — {byline(change)}" for text in texts]
