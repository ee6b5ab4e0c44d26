"""``relations-app duplicates [--what contacts|organisations|partners]``: the records that
look like one entered twice, each pair with its reason and score, surest first; and
``relations-app merge KIND KEPT OTHER [--take FIELD …]``, which merges a pair (the more
complete value of each field, or the other's for the fields named)."""

from __future__ import annotations

import argparse
import time

from ..errors import UserError
from ..location import DatabaseLocation
from ..services import AREAS, duplicates, merge
from ..text import counted_fr, seconds_fr
from .database import open_existing

NOUNS = {"contacts": "contact", "organisations": "organisation", "partners": "partenaire"}


def register(sub: argparse._SubParsersAction) -> None:
    found = sub.add_parser(
        "duplicates",
        help="doublons possibles (contacts, organisations, partenaires)",
        description="Liste les paires d'enregistrements qui semblent n'en faire qu'un, "
        "avec la raison et un score, les plus sûres d'abord.",
    )
    found.add_argument(
        "--what",
        choices=duplicates.KINDS,
        help="un seul type d'enregistrement (par défaut : les trois)",
    )
    found.set_defaults(handler=cmd_duplicates)
    merging = sub.add_parser(
        "merge",
        help="fusionner deux enregistrements (le second va à la corbeille)",
        description="Fusionne OTHER dans KEPT : chaque champ prend la valeur la plus complète "
        "(ou celle de OTHER pour les champs --take), tout ce qui est rattaché à OTHER passe à "
        "KEPT, OTHER va à la corbeille et son identifiant reste un alias de KEPT.",
    )
    merging.add_argument("kind", choices=merge.MERGEABLE, metavar="KIND")
    merging.add_argument("kept", metavar="KEPT", help="l'identifiant de l'enregistrement gardé")
    merging.add_argument("other", metavar="OTHER", help="l'identifiant de l'autre")
    merging.add_argument(
        "--take",
        action="append",
        default=[],
        metavar="FIELD",
        help="prendre la valeur de OTHER pour ce champ (répétable)",
    )
    merging.set_defaults(handler=cmd_merge)


def cmd_duplicates(location: DatabaseLocation, args: argparse.Namespace) -> int:
    open_existing(location)
    started = time.perf_counter()
    pairs = duplicates.find_duplicates(args.what)
    seconds = time.perf_counter() - started
    for pair in pairs:
        score = f"{pair.score:.2f}".replace(".", ",")
        print(
            f"{NOUNS[pair.collection]} : {pair.first_label} ↔ {pair.second_label} — "
            f"{pair.reason_fr} (score {score}) [{pair.first_id} {pair.second_id}]"
        )
    print(f"{counted_fr(len(pairs), 'paire')} en {seconds_fr(seconds)}")
    return 0


def cmd_merge(location: DatabaseLocation, args: argparse.Namespace) -> int:
    open_existing(location)
    seen = merge.preview(args.kind, args.kept, args.other)
    take = {name.removesuffix("=other") for name in args.take}
    known = {f.name for f in AREAS[args.kind].fields}
    unknown = sorted(take - known)
    if unknown:
        raise UserError(f"champ inconnu : {unknown[0]} (champs : {', '.join(sorted(known))})")
    chosen = seen.default_values()
    chosen.update({key: seen.other.get(key) for key in take})
    versions = (seen.kept["version"], seen.other["version"])
    done = merge.merge(args.kind, args.kept, args.other, chosen, versions)
    moved = seen.moving_text()
    print(
        f"« {done.other_label} » fusionné dans « {done.kept_label} »"
        + (f" ; rattachés : {moved}" if moved else "")
        + " ; l'autre est dans la corbeille."
    )
    return 0
