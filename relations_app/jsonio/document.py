"""The shape of a Relations document: its header, its collections and their references.

What the dump writes and the import reads agree through this module: the collections
come from the record types' declarations (:mod:`relations_app.records`), in their order,
and a collection written under a former name (``diplomatic_posts``, now ``posts``) is
read under its name of today.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from ..errors import UserError
from ..i18n import N_, _, language, ngettext
from ..records import FORMER_KEYS, RECORD_TYPES
from ..text import number_fr
from ..validation import printable

FORMAT = "relations-app"
VERSION = 1

#: Order of the collections in an exported document.
EXPORT_ORDER: tuple[str, ...] = tuple(RECORD_TYPES)
#: The keys of a document that hold collections: today's names and former ones.
COLLECTION_KEYS: tuple[str, ...] = (*EXPORT_ORDER, *FORMER_KEYS)
#: The section of the attached documents (after the records; :mod:`.attached`).
ATTACHMENTS = "attachments"
#: The keys read a list element at a time.
STREAMED_KEYS: tuple[str, ...] = (*COLLECTION_KEYS, ATTACHMENTS)

NOT_RELATIONS = N_("Ce fichier n'est pas un export de Relations (clé « format » absente).")


class ImportFileError(UserError, ValueError):
    """The file cannot be read as a Relations document; the message is in French."""


def collection_name(key: str) -> str:
    """The collection a document key holds: ``diplomatic_posts`` is read as ``posts``."""
    return FORMER_KEYS.get(key, key)


def wrong_version(version: Any) -> ImportFileError:
    return ImportFileError(
        _("Version de format non prise en charge : {version} (attendu : {expected}).").format(
            version=repr(version), expected=VERSION
        )
    )


def not_relations() -> ImportFileError:
    """Someone else's JSON, most likely."""
    return ImportFileError(_(NOT_RELATIONS))


def unknown_section(key: str) -> ImportFileError:
    return ImportFileError(
        _("Section inconnue dans le fichier : « {key} ».").format(key=printable(key))
    )


def not_a_list(key: str) -> ImportFileError:
    return ImportFileError(
        _("La section « {key} » doit être une liste.").format(key=printable(key))
    )


def counted(name: str, count: int) -> str:
    """ "1 partenaire", "10 000 contacts" (French digit grouping), in the interface's
    language."""
    return RECORD_TYPES[name].counted(count, language())


#: What an import did to a count of records, agreed in French ("organisations créées"):
#: each form is a message, translated after the agreement is made.
OUTCOMES = (
    N_("créé"),
    N_("créés"),
    N_("créée"),
    N_("créées"),
    N_("mis à jour"),
    N_("mise à jour"),
    N_("mises à jour"),
    N_("à créer"),
    N_("à mettre à jour"),
)


def counted_list(counts: Mapping[str, int]) -> str:
    """ "16 partenaires, 5 contacts": the collections with records, in export order (and
    the attached documents)."""
    parts = [counted(name, counts[name]) for name in EXPORT_ORDER if counts.get(name)]
    if counts.get(ATTACHMENTS):
        parts.append(documents_text(counts[ATTACHMENTS]))
    return ", ".join(parts)


def documents_text(count: int) -> str:
    """ "3 documents joints", in the interface's language."""
    return ngettext("{n} document joint", "{n} documents joints", count).format(n=number_fr(count))


@dataclass
class ImportSummary:
    created: dict[str, int] = field(default_factory=dict)
    updated: dict[str, int] = field(default_factory=dict)
    attachments: int = 0  # documents in the file (new or merged)

    def lines(self, *, planned: bool = False) -> list[str]:
        """ "16 partenaires créés", "2 organisations mises à jour"… (or, ``planned``, "… à
        créer", "… à mettre à jour" for a preview)."""
        parts = []
        for name in EXPORT_ORDER:
            feminine = RECORD_TYPES[name].fr.feminine
            for count, done, todo in (
                (self.created.get(name, 0), "créé", "à créer"),
                (self.updated.get(name, 0), "mis à jour", "à mettre à jour"),
            ):
                if not count:
                    continue
                if planned:
                    parts.append(f"{counted(name, count)} {_(todo)}")
                    continue
                word, _sep, rest = done.partition(" ")
                word += "e" if feminine else ""
                word += "s" if count > 1 and not word.endswith("s") else ""  # créés, mis, mises
                outcome = f"{word}{' ' + rest if rest else ''}"
                parts.append(f"{counted(name, count)} {_(outcome)}")
        if self.attachments:
            parts.append(documents_text(self.attachments))
        return parts or [_("aucun enregistrement")]

    def describe(self, *, planned: bool = False) -> str:
        return _(" ; ").join(self.lines(planned=planned))


def record_name(collection: str, record: Mapping[str, Any]) -> str:
    """« Kiel »: how a message names a record of ``collection`` ("" if it has no name)."""
    value = record.get(RECORD_TYPES[collection].name_key)
    if not isinstance(value, str) or not value:
        return ""
    shown = printable(value)
    return f" « {shown[:60]}… »" if len(shown) > 60 else f" « {shown} »"


def _split(path: str) -> tuple[str, str]:
    """ "a[].b" -> ("a", "b"); "a[]" -> ("a", ""); "b" -> ("b", "")."""
    head, _sep, key = path.partition("[]")
    return head, key.lstrip(".")


def iter_references(collection: str, record: Mapping[str, Any]) -> Iterator[tuple[str, str, str]]:
    """(path shown to the user, referenced id, target collection) for each reference."""
    for path, target in RECORD_TYPES[collection].references.items():
        head, key = _split(path)
        if "[]" not in path:
            value = record.get(head)
            if value:
                yield head, value, target
            continue
        items = record.get(head) or []
        for index, item in enumerate(items):
            value = item.get(key) if key else item
            if value:
                yield f"{head}[{index}]{'.' + key if key else ''}", value, target


def remap_ids(document: Mapping[str, Any], mapper: Callable[[str, str], str]) -> dict:
    """A copy of ``document`` whose ids and references go through ``mapper(collection, id)``
    (collections under a former name come out under today's)."""
    result: dict[str, Any] = {k: v for k, v in document.items() if k not in COLLECTION_KEYS}
    result.update({name: [] for name in EXPORT_ORDER})
    for key, records in document.items():
        if key not in COLLECTION_KEYS:
            continue
        name = collection_name(key)
        for record in records:
            record = json.loads(json.dumps(record))  # deep copy of plain data
            if record.get("id"):
                record["id"] = mapper(name, record["id"])
            remap_references(name, record, mapper)
            result[name].append(record)
    return result


def remap_references(name: str, record: dict, mapper: Callable[[str, str], str]) -> None:
    """Send the references of ``record`` (of collection ``name``) through ``mapper``, in
    place.  Two ids the mapper makes one (a merged record and the one it was merged into)
    leave one reference: the first."""
    for path, target in RECORD_TYPES[name].references.items():
        head, sub = _split(path)
        if "[]" not in path:
            if record.get(head):
                record[head] = mapper(target, record[head])
        elif sub:
            items: list = []
            seen: dict[str, str] = {}  # mapped id -> the id it was mapped from
            for item in record.get(head) or []:
                value = item.get(sub)
                if value:
                    item[sub] = mapper(target, value)
                    if seen.setdefault(item[sub], value) != value:
                        continue  # another id made the same
                items.append(item)
            if record.get(head):
                record[head] = items
        elif record.get(head):
            ids: list[str] = []
            origin: dict[str, str] = {}  # mapped id -> the id it was mapped from
            for value in record[head]:
                new = mapper(target, value)
                if origin.setdefault(new, value) == value:
                    ids.append(new)
            record[head] = ids
