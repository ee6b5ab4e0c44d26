"""The history from the command line: ``history NAME_OR_ID`` (one record's changes, newest
first, as its page lists them) and ``changes --since DATE [--until DATE] [--csv FILE]``
(every change of a period, oldest first, for the office's monthly review).
"""

from __future__ import annotations

import argparse
import csv
import io
import re
from collections.abc import Iterable
from datetime import date, datetime, time

from ..errors import UserError
from ..files import write_text_atomically
from ..location import DatabaseLocation
from ..services import (
    AREAS,
    attachments,
    history_documents,
    history_read,
    history_text,
    record_lookup,
)
from ..text import agreed_fr, counted_fr
from .database import open_existing

CSV_HEADER = (
    "Date",
    "Par",
    "Origine",
    "Type",
    "Identifiant",
    "Nom",
    "Modification",
    "Champ",
    "Avant",
    "Après",
)


class HistoryUsageError(UserError):
    """A date or a file the history commands cannot use."""


def register(sub: argparse._SubParsersAction) -> None:
    one = sub.add_parser(
        "history",
        help="historique d'un enregistrement (qui, quand, quoi)",
        description="Affiche les modifications d'un enregistrement, la plus récente d'abord.",
    )
    one.add_argument(
        "record",
        metavar="NOM_OU_ID",
        help="identifiant, ou nom d'un partenaire, programme, contact… (accents indifférents)",
    )
    one.set_defaults(handler=cmd_history)
    period = sub.add_parser(
        "changes",
        help="toutes les modifications d'une période (revue mensuelle)",
        description="Liste les modifications faites depuis une date, la plus ancienne d'abord.",
    )
    period.add_argument(
        "--since", required=True, metavar="DATE", help="à partir de ce jour (2026-11-01)"
    )
    period.add_argument("--until", metavar="DATE", help="jusqu'à ce jour inclus")
    period.add_argument("--csv", metavar="FICHIER.csv", help="écrire la liste dans ce fichier")
    period.set_defaults(handler=cmd_changes)


def parse_day(text: str, option: str) -> date:
    """ "2026-11-01" or "01/11/2026"."""
    text = text.strip()
    try:
        if re.fullmatch(r"\d{1,2}/\d{1,2}/\d{4}", text):
            day, month, year = (int(part) for part in text.split("/"))
            return date(year, month, day)
        return date.fromisoformat(text)
    except ValueError:
        raise HistoryUsageError(
            f"{option} : « {text} » n'est pas une date (attendu : 2026-11-01 ou 01/11/2026)."
        ) from None


def _local_midnight(day: date) -> datetime:
    return datetime.combine(day, time()).astimezone()


def cmd_history(location: DatabaseLocation, args: argparse.Namespace) -> int:
    open_existing(location)
    found = record_lookup.find_record(args.record)
    changes = history_read.record_history(found.collection, found.id)
    print(f"Historique de {found.label} :")
    if not changes:
        print("  aucune modification enregistrée.")
        return 0
    names = history_text.Names.of(changes)
    for change in changes:
        for line in history_text.lines(change, names):
            print(f"  {line}")
    return 0


def _rows(changes: Iterable[history_read.Change], names: history_text.Names) -> Iterable[list]:
    for change in changes:
        base = [
            change.at.astimezone().isoformat(timespec="seconds"),
            change.user,
            history_text.ORIGIN_TEXTS.get(change.origin, "saisie"),
            _kind(change),
            change.record_id,
            change.label,
            history_text.headline(change),
        ]
        if change.collection == history_documents.COLLECTION:
            # what happened to which document, as the history panel says it: a row a line
            # (a field changed: its label, before and after)
            texts = history_text.document_lines(change, names)
            fields = list(change.fields.items()) if change.kind == "changed" else []
            for n, text in enumerate(texts):
                base[6] = text
                if n < len(fields):
                    key, (before, after) = fields[n]
                    yield [
                        *base,
                        DOCUMENT_FIELDS.get(key, key),
                        history_documents.value_text(key, before),
                        history_documents.value_text(key, after),
                    ]
                else:
                    yield [*base, "", "", ""]
            continue
        if change.kind == "changed" and change.fields and change.collection in AREAS:
            for key, (before, after) in change.fields.items():
                yield [
                    *base,
                    AREAS[change.collection].key_label(key),
                    history_text.shown(change.collection, key, before, names),
                    history_text.shown(change.collection, key, after, names),
                ]
        else:
            yield [*base, "", "", ""]


#: The labels of a document's fields, as the CSV's "Champ" column gives them.
DOCUMENT_FIELDS = {f.name: f.label for f in attachments.FIELDS}


def _kind(change: history_read.Change) -> str:
    """The kind of record, in French: "partenaire", "document joint"."""
    if change.collection in AREAS:
        return AREAS[change.collection].record_type.fr.singular
    return "document joint" if change.collection == history_documents.COLLECTION else ""


def cmd_changes(location: DatabaseLocation, args: argparse.Namespace) -> int:
    since = parse_day(args.since, "--since")
    until = parse_day(args.until, "--until") if args.until else None
    if until is not None and until < since:
        raise HistoryUsageError("--until précède --since.")
    if args.csv and not args.csv.lower().endswith(".csv"):
        raise HistoryUsageError(f"--csv : « {args.csv} » ne finit pas par .csv.")
    open_existing(location)
    end = _local_midnight(until.fromordinal(until.toordinal() + 1)) if until else None
    changes = list(history_read.changes_since(_local_midnight(since), end))
    names = history_text.Names.of(changes)
    if args.csv:
        buffer = io.StringIO()
        writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
        writer.writerow(CSV_HEADER)
        writer.writerows(_rows(changes, names))
        write_text_atomically(args.csv, "\ufeff" + buffer.getvalue())
        written = agreed_fr("écrit", len(changes), feminine=True)
        print(f"{counted_fr(len(changes), 'modification')} {written} dans {args.csv}")
        return 0
    if not changes:
        print("Aucune modification sur cette période.")
    for change in changes:
        kind = _kind(change)
        for line in history_text.lines(change, names):
            print(f"{change.label} ({kind}) — {line}")
    return 0
