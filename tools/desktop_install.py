"""``make install`` / ``make uninstall``: Relations in the user's PATH and applications menu.

After the quick start the program lives in the checkout's virtual environment
(``.venv/bin/relations-app``), which nothing points to.  ``install`` writes, for the current
user only (no root needed), following the freedesktop.org specifications:

* ``~/.local/bin/relations-app``, a two-line launcher that runs the virtual environment's
  program with the same arguments;
* ``~/.local/share/applications/relations.desktop``, the applications-menu entry;
* ``~/.local/share/icons/hicolor/scalable/apps/relations.svg``, its icon.

``$XDG_DATA_HOME`` replaces ``~/.local/share`` when it is set.  ``uninstall`` removes these
three files and nothing else: the data and the settings stay (it says where).

Usage: ``python tools/desktop_install.py install|uninstall [--venv DIR]``.
"""

from __future__ import annotations

import argparse
import os
import shlex
import shutil
import subprocess
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ICON = ROOT / "resources" / "icons" / "relations.svg"
APP_ID = "relations"
LAUNCHER_NAME = "relations-app"


def data_home(environ: Mapping[str, str]) -> Path:
    value = environ.get("XDG_DATA_HOME", "")
    if value and Path(value).is_absolute():
        return Path(value)
    return Path(environ["HOME"]) / ".local" / "share"


def installed_files(environ: Mapping[str, str]) -> dict[str, Path]:
    share = data_home(environ)
    return {
        "launcher": Path(environ["HOME"]) / ".local" / "bin" / LAUNCHER_NAME,
        "entry": share / "applications" / f"{APP_ID}.desktop",
        "icon": share / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg",
    }


def launcher_text(program: Path) -> str:
    return (
        "#!/bin/sh\n"
        "# Relations, installed by `make install` from its source folder; `make uninstall` removes it.\n"
        f'exec {shlex.quote(str(program))} "$@"\n'
    )


def desktop_entry(launcher: Path) -> str:
    """The menu entry (Desktop Entry Specification 1.5), in French with an English fallback."""
    return "\n".join(
        [
            "[Desktop Entry]",
            "Type=Application",
            "Version=1.5",
            "Name=Relations",
            "GenericName=International relations records",
            "GenericName[fr]=Relations internationales",
            "Comment=Partner cities, programmes, contacts and delegations",
            "Comment[fr]=Villes partenaires, programmes, contacts et délégations",
            f"Exec={_quote_exec(launcher)}",
            f"TryExec={launcher}",
            f"Icon={APP_ID}",
            "Terminal=false",
            "Categories=Office;Database;",
            "Keywords=jumelage;partenaires;délégation;coopération;",
            "StartupNotify=true",
            "",
        ]
    )


def _quote_exec(path: Path) -> str:
    """An Exec key's program: quoted when it holds a space (Desktop Entry Specification)."""
    text = str(path)
    if any(char in text for char in " \t\"'\\$`"):
        escaped = "".join("\\" + c if c in '"`$\\' else c for c in text)
        return f'"{escaped}"'
    return text


def _refresh_caches(share: Path) -> None:
    """Menus and icon themes notice new files by themselves; these only make it immediate."""
    commands = [
        ["update-desktop-database", "-q", str(share / "applications")],
        ["gtk-update-icon-cache", "-q", "-t", str(share / "icons" / "hicolor")],
    ]
    for command in commands:
        if shutil.which(command[0]):
            subprocess.run(command, capture_output=True, check=False)


def install(venv: Path, environ: Mapping[str, str]) -> list[Path]:
    program = venv / "bin" / LAUNCHER_NAME
    if not program.exists():
        raise SystemExit(
            f"Relations : {program} n'existe pas ; lancez d'abord « make run » ou « make test »."
        )
    files = installed_files(environ)
    for path in files.values():
        path.parent.mkdir(parents=True, exist_ok=True)
    files["launcher"].write_text(launcher_text(program.absolute()), encoding="utf-8")
    files["launcher"].chmod(0o755)
    files["entry"].write_text(desktop_entry(files["launcher"]), encoding="utf-8")
    shutil.copyfile(ICON, files["icon"])
    _refresh_caches(data_home(environ))
    return list(files.values())


def uninstall(environ: Mapping[str, str]) -> list[Path]:
    removed = []
    for path in installed_files(environ).values():
        if path.exists():
            path.unlink()
            removed.append(path)
    _refresh_caches(data_home(environ))
    return removed


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=("install", "uninstall"))
    parser.add_argument("--venv", type=Path, default=ROOT / ".venv")
    args = parser.parse_args(argv)
    environ = os.environ
    if args.action == "install":
        files = install(args.venv, environ)
        print("Relations est installé pour vous :")
        for path in files:
            print(f"  {path}")
        folder = str(files[0].parent)
        if folder not in environ.get("PATH", "").split(os.pathsep):
            print(
                f"{folder} n'est pas dans votre PATH : ouvrez une nouvelle session, ou lancez "
                f"{files[0]} directement."
            )
        print("Relations figure maintenant dans le menu des applications (Bureautique).")
        return 0
    removed = uninstall(environ)
    if removed:
        print("Supprimés :")
        for path in removed:
            print(f"  {path}")
    else:
        print("Relations n'était pas installé dans le menu.")
    print(
        "Vos données et vos réglages sont conservés (dossier ~/.local/share/Relations et "
        "~/.config/Relations) ; supprimez-les vous-même si vous n'en voulez plus."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
