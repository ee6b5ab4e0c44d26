"""Byte-compile the application's packages where they are installed, so that no start
compiles source: ``make`` runs it after the editable install (``pip install`` of a wheel
and the PyInstaller bundle compile by themselves).  An office PC whose copy the user
cannot write to would otherwise compile every module at every start, about a second.

``python tools/byte_compile.py [ROOT]``: the packages under ROOT (default: this checkout).
"""

from __future__ import annotations

import compileall
import sys
from pathlib import Path

PACKAGES = ("relations_app", "ui", "resources")


def compile_packages(root: Path) -> bool:
    return all(
        compileall.compile_dir(root / package, quiet=1, workers=0)
        for package in PACKAGES
        if (root / package).is_dir()
    )


def main(argv: list[str]) -> int:
    root = Path(argv[0]) if argv else Path(__file__).resolve().parent.parent
    return 0 if compile_packages(root) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
