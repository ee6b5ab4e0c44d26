"""CLI commands, one module per area.  Each module's ``register(subparsers)`` adds its
commands with ``set_defaults(handler=...)``; a handler takes ``(db_path, args)`` and returns
the exit status.  Add a module here to add commands."""

from . import database

MODULES = (database,)
