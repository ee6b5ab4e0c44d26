"""Console entry point: CLI commands run without Qt; no command opens the window."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from relations_app.location import DatabaseLocation, window_argument


def _check_early(argv: Sequence[str]) -> None:
    """When the window is to open, start checking its database before anything else loads.

    The start checks the whole file (about a second for a quarter-million contacts);
    begun here, in the background, it runs while Python loads the application and Qt,
    and the start then uses its result (:meth:`Backend.check_in_background`;
    a different file, or one changed meanwhile, is simply checked again).
    """
    wanted = window_argument(argv)
    if wanted is None:
        return  # a command, --version, --help: no window
    from relations_app.errors import UserError

    try:
        location = DatabaseLocation.resolve(wanted[0])
    except UserError:
        return  # a malformed server address: the command line says what is wrong
    location.backend().check_in_background(location)


def _open_window(location: DatabaseLocation) -> int:
    from . import main_window  # noqa: F401 - loaded while the early check runs
    from .app import run  # Qt is imported only when a window is wanted

    return run(location)


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    _check_early(argv)
    from relations_app import cli

    return cli.main(argv, open_window=_open_window)
