"""``relations-app duplicates [--what contacts|organisations|partners]``: the records that
look like one entered twice, each pair with its reason and score, surest first."""

from __future__ import annotations

import argparse
import time

from ..location import DatabaseLocation
from ..services import duplicates
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
