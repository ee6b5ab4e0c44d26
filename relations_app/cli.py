"""Command line: ``relations-app [--db PATH] [COMMAND …]``.

Every command exits non-zero with a one-line French message on bad input, and then has
changed nothing.  With no command the window opens; the Qt layer passes in the function
that does that, so this module stays free of Qt.  Commands live in :mod:`.commands`.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

from . import __version__, bootstrap, logs
from .cli_french import french_argparse
from .errors import UserError
from .faults import fault_from
from .location import ENV_VAR, DatabaseLocation, window_argument

PROG = "relations-app"


def build_parser(*, commands: bool = True) -> argparse.ArgumentParser:
    """The whole command line; without ``commands``, only the options of the window (its
    start then loads none of the commands' modules)."""
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Relations internationales : partenaires, programmes, contacts, délégations.",
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"%(prog)s {__version__}",
        help="afficher le numéro de version et quitter",  # a default argparse does not translate
    )
    parser.add_argument(
        "--db",
        metavar="PATH|URL",
        help="base de données à utiliser : un fichier, ou un serveur "
        f"(postgresql://utilisateur@hôte:5432/base) ; sinon ${ENV_VAR}, sinon "
        f"{DatabaseLocation.default()}",
    )
    if not commands:
        parser.set_defaults(command=None)
        return parser
    from .commands import MODULES  # loaded only when a command may run

    sub = parser.add_subparsers(dest="command", metavar="COMMANDE")
    for module in MODULES:
        module.register(sub)
    return parser


def one_line(text: object) -> str:
    return " ".join(str(text).split())


def main(
    argv: Sequence[str] | None = None, open_window: Callable[[DatabaseLocation], int] | None = None
) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    with french_argparse():  # help, usage and argument errors in French
        args = build_parser(commands=window_argument(argv) is None).parse_args(argv)
    logs.setup()
    try:
        location = DatabaseLocation.resolve(args.db)
    except UserError as exc:
        print(f"{PROG}: erreur : {one_line(exc)}", file=sys.stderr)
        return 1
    try:
        if args.command is None:
            if open_window is None:
                raise UserError("l'interface graphique n'est pas disponible ici.")
            return open_window(location)
        return args.handler(location, args)
    except UserError as exc:
        print(f"{PROG}: erreur : {one_line(exc)}", file=sys.stderr)
        return 1
    except OSError as exc:
        found = fault_from(exc, location)
        where = f" ({exc.filename})" if exc.filename else ""
        text = str(found) if found else f"{exc.strerror or exc}{where}"
        print(f"{PROG}: erreur : {one_line(text)}", file=sys.stderr)
        return 1
    except Exception as exc:  # a bug: the traceback goes to the log, not to the person
        logs.log_unexpected(exc, f"command {args.command}")
        print(
            f"{PROG}: erreur inattendue : {one_line(exc) or type(exc).__name__} "
            f"(détails dans {logs.log_path()})",
            file=sys.stderr,
        )
        return 2
    finally:
        bootstrap.close()
