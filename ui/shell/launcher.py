"""Console entry point: CLI commands run without Qt; no command opens the window."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from relations_app.location import DatabaseLocation, imposed_by, window_argument


def _preferred() -> str | None:
    """The database chosen in Préférences › Base de données (a path or an address), if any.

    Read only when neither ``--db`` nor ``RELATIONS_DB`` decides (QtCore's settings)."""
    from ui.kit import settings

    return settings.get(settings.DATABASE) or None


def window_location(cli_value: str | None) -> DatabaseLocation:
    """The window's database: ``--db``, ``RELATIONS_DB``, the preferences' choice, the
    default file.  A stored choice that is no longer valid gives the default file."""
    from relations_app.errors import UserError

    if imposed_by(cli_value) is not None:
        return DatabaseLocation.resolve(cli_value)
    try:
        return DatabaseLocation.resolve(None, _preferred())
    except UserError:
        return DatabaseLocation.default()


def _open_window(location: DatabaseLocation, cli_value: str | None) -> int:
    from .app import run  # Qt is imported only when a window is wanted

    imposed = imposed_by(cli_value)
    return run(location if imposed else window_location(None), imposed)


def main(argv: Sequence[str] | None = None) -> int:
    if getattr(sys, "frozen", False):  # a packaged copy: its fact-sheet workers start here
        import multiprocessing

        multiprocessing.freeze_support()
    argv = list(sys.argv[1:] if argv is None else argv)
    from relations_app import cli

    wanted = window_argument(argv)
    cli_value = wanted[0] if wanted else None
    return cli.main(argv, open_window=lambda location: _open_window(location, cli_value))
