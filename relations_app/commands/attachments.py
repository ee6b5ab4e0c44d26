"""Documents attached to records from the command line: ``attachments list|add|export|remove``.

A record is named as ``history`` names it (an id, or a name of any kind, accents aside);
only partners, programmes, organisations, contacts and delegations hold documents.  A file
that cannot be attached (empty, over the limit, unreadable, changing while read) exits 1
with the service's French message and stores nothing.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from ..dates import format_date
from ..errors import UserError
from ..location import DatabaseLocation
from ..services import attachments, record_lookup
from ..text import counted_fr
from .database import open_existing


class AttachmentUsageError(UserError):
    """A record that holds no documents, or a document that is not the record's."""


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "attachments",
        help="documents joints à un enregistrement (accords, photos, comptes rendus)",
        description="Liste, joint, exporte ou met à la corbeille les documents d'un "
        "partenaire, programme, organisation, contact ou délégation.",
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help="les documents d'un enregistrement")
    listing.add_argument("record", metavar="NOM_OU_ID")
    listing.set_defaults(handler=cmd_list)
    adding = actions.add_parser("add", help="joindre un fichier (50 Mo au plus)")
    adding.add_argument("record", metavar="NOM_OU_ID")
    adding.add_argument("file", metavar="FICHIER")
    adding.add_argument("--title", help="titre (par défaut : le nom du fichier)")
    adding.add_argument("--date", help="date, même partielle : 1964, 06/2027, 7 juin 2027")
    adding.add_argument(
        "--type",
        dest="category",
        choices=tuple(attachments.CATEGORIES),
        help="accord (listé sur la fiche ville), compte_rendu, photo ou autre",
    )
    adding.set_defaults(handler=cmd_add)
    exporting = actions.add_parser("export", help="copier les documents dans un dossier")
    exporting.add_argument("record", metavar="NOM_OU_ID")
    exporting.add_argument("--out-dir", default=".", metavar="DOSSIER")
    exporting.add_argument("--id", dest="ids", action="append", metavar="ID_DOCUMENT")
    exporting.set_defaults(handler=cmd_export)
    removing = actions.add_parser("remove", help="mettre un document à la corbeille")
    removing.add_argument("id", metavar="ID_DOCUMENT")
    removing.set_defaults(handler=cmd_remove)


def _owner(text: str) -> record_lookup.FoundRecord:
    found = record_lookup.find_record(text)
    if found.collection not in attachments.OWNERS:
        raise AttachmentUsageError(
            f"{found.label} ne peut pas avoir de documents joints (seuls les partenaires, "
            "programmes, organisations, contacts et délégations en ont)."
        )
    return found


def _line(info: attachments.AttachmentInfo) -> str:
    when = format_date(info.date, "fr") if info.date else "sans date"
    return (
        f"  {info.id}  {info.title} — {attachments.category_label(info.category)}, {when}, "
        f"{info.file_name} ({attachments.size_text(info.size)})"
    )


def cmd_list(location: DatabaseLocation, args: argparse.Namespace) -> int:
    open_existing(location)
    found = _owner(args.record)
    listed = attachments.list_for(found.collection, found.id)
    print(f"Documents de {found.label} : {counted_fr(len(listed), 'document')}")
    for info in listed:
        print(_line(info))
    return 0


def cmd_add(location: DatabaseLocation, args: argparse.Namespace) -> int:
    open_existing(location)
    found = _owner(args.record)
    info = attachments.add(
        found.collection,
        found.id,
        Path(args.file),
        title=args.title,
        date=args.date,
        category=args.category,
    )
    print(f"Document joint à {found.label} :")
    print(_line(info))
    return 0


def cmd_export(location: DatabaseLocation, args: argparse.Namespace) -> int:
    open_existing(location)
    found = _owner(args.record)
    listed = attachments.list_for(found.collection, found.id)
    ids = [info.id for info in listed]
    if args.ids:
        unknown = [i for i in args.ids if i not in ids]
        if unknown:
            raise AttachmentUsageError(
                f"Le document {unknown[0]} n'est pas un document de {found.label} : rien n'a "
                "été exporté."
            )
        ids = list(args.ids)
    written = attachments.export_to(ids, Path(args.out_dir))
    print(f"{counted_fr(len(written), 'document')} exporté(s) dans {args.out_dir} :")
    for path in written:
        print(f"  {path.name}")
    return 0


def cmd_remove(location: DatabaseLocation, args: argparse.Namespace) -> int:
    open_existing(location)
    from ..services import trash

    info = attachments.get(args.id)
    trash.move_to_trash(attachments.COLLECTION, info.id, info.version)
    print(f"« {info.title} » mis à la corbeille (rétablissable depuis la Corbeille).")
    return 0
