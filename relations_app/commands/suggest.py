"""Commands the application suggests, written so that, copied as printed, they work.

A suggestion acts on the database the command was run on: ``--db`` is named unless it is
the default database (``RELATIONS_DB`` may not be set where the line is pasted), and each
word is quoted for the shell (paths with spaces or apostrophes).
"""

from __future__ import annotations

import shlex
from pathlib import Path

from ..location import DatabaseLocation

PROG = "relations-app"


def command(location: DatabaseLocation, *words: str | Path) -> str:
    """``relations-app [--db PATH] WORDS…`` as one line for the shell."""
    prefix = [PROG] if location.is_default else [PROG, "--db", location.describe()]
    return shlex.join([*prefix, *(str(w) for w in words)])
