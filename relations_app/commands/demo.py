"""``demo-data``: a large synthetic database, for the benchmark and for trying the window at scale."""

from __future__ import annotations

import argparse

from .. import demo_data
from ..errors import UserError
from ..location import DatabaseLocation
from ..records import RECORD_TYPES
from ..text import seconds_fr

#: The tables the summary counts, and their record types.
COUNTED = {
    "partner": "partners",
    "organisation": "organisations",
    "contact": "contacts",
    "programme": "programmes",
    "event": "events",
    "delegation": "delegations",
}


def register(sub: argparse._SubParsersAction) -> None:
    demo = sub.add_parser(
        "demo-data",
        help="créer une base de démonstration synthétique (grande, réaliste, reproductible)",
        description="Crée une base fictive de la taille voulue (noms accentués et non latins, "
        "textes longs, financements, fonctions successives). Même graine, même base. "
        "Refuse de remplacer un fichier non vide sans --force.",
    )
    demo.add_argument(
        "--partners", type=int, default=10_000, metavar="N", help="partenaires (10000)"
    )
    demo.add_argument(
        "--programmes", type=int, default=50_000, metavar="N", help="programmes (50000)"
    )
    demo.add_argument(
        "--contacts", type=int, default=250_000, metavar="N", help="contacts (250000)"
    )
    demo.add_argument(
        "--organisations", type=int, metavar="N", help="organisations (2 par partenaire)"
    )
    demo.add_argument("--events", type=int, metavar="N", help="événements (4 par partenaire)")
    demo.add_argument(
        "--delegations", type=int, metavar="N", help="délégations (1 pour 20 partenaires)"
    )
    demo.add_argument("--seed", type=int, default=1, help="graine du générateur (1)")
    demo.add_argument(
        "--force",
        action="store_true",
        help="remplacer un fichier existant (une copie en est gardée)",
    )
    demo.add_argument("--quiet", action="store_true", help="sans le détail des étapes")
    # --db may also come after the command's options (``demo-data … --db FILE.db``).
    demo.add_argument(
        "--db",
        metavar="PATH",
        default=argparse.SUPPRESS,
        help="base à créer (obligatoire, avant ou après la commande)",
    )
    demo.set_defaults(handler=cmd_demo_data)


def cmd_demo_data(location: DatabaseLocation, args: argparse.Namespace) -> int:
    if not getattr(args, "db", None):
        raise UserError(
            "demo-data remplace le contenu de la base : précisez-la avec --db FICHIER.db "
            f"(la base habituelle, {location}, n'est jamais utilisée par défaut)."
        )
    sizes = demo_data.Sizes(
        args.partners,
        args.programmes,
        args.contacts,
        args.organisations,
        args.events,
        args.delegations,
    )
    progress = None if args.quiet else (lambda text: print(f"  {text}", flush=True))
    summary = demo_data.generate(
        location, sizes, seed=args.seed, force=args.force, progress=progress
    )
    counts = ", ".join(
        RECORD_TYPES[key].counted_fr(summary.counts[table])
        for table, key in COUNTED.items()
        if table in summary.counts
    )
    print(f"Base de démonstration créée : {location} ({counts}) en {seconds_fr(summary.seconds)}")
    return 0
