"""CLI commands, one module per area.  Each module's ``register(subparsers)`` adds its
commands with ``set_defaults(handler=...)``; a handler takes ``(location, args)`` (a :class:`~relations_app.location.DatabaseLocation`) and returns
the exit status.  Add a module here to add commands."""

from . import (
    activity,
    apd,
    attachments,
    database,
    demo,
    duplicates,
    exchange,
    history,
    reports,
    safety,
    users,
)
from .faults import guarded

# guarded(): database faults (disk full, read-only, locked, damaged) print one French line.
MODULES = guarded(
    database,
    exchange,
    reports,
    activity,
    apd,
    safety,
    history,
    attachments,
    duplicates,
    users,
    demo,
)
