"""Console entry point: CLI commands run without Qt; no command opens the window."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from relations_app import cli


def _open_window(db_path: Path) -> int:
    from .app import run  # Qt is imported only when a window is wanted

    return run(db_path)


def main(argv: Sequence[str] | None = None) -> int:
    return cli.main(list(sys.argv[1:] if argv is None else argv), open_window=_open_window)
