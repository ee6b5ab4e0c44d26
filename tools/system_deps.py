"""Before ``make run`` opens the window: the system libraries Qt's display plugin needs.

PySide6's wheels bring Qt but not the X11/XCB libraries its ``xcb`` platform plugin links
to; on a bare Debian 12 desktop ``libxcb-cursor0``, ``libxcb-icccm4``, ``libxcb-keysyms1``
and others are missing and Qt aborts ("Could not load the Qt platform plugin xcb").  This
script runs ``ldd`` on the plugin, its GL integrations, ``libQt6XcbQpa`` and the Qt modules
the application imports, maps each missing ``.so`` to its Debian package, then installs them
(``apt-get`` as root, or through ``sudo`` when there is a terminal to ask the password) or
stops with the one command to run.  Nothing is checked for a platform that needs no display
(``QT_QPA_PLATFORM=offscreen``, as the tests use) nor outside Linux.

Usage: ``python tools/system_deps.py [--check]`` (``--check``: report, never install).
Exit 0 when nothing is missing (or after installing it), 1 otherwise.  Run it with the
virtual environment's Python, where PySide6 is installed.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import re
import shlex
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

#: Platforms that draw nowhere or by themselves: no X11/Wayland library is needed.
HEADLESS_PLATFORMS = ("offscreen", "minimal", "vnc", "linuxfb", "eglfs", "vkkhrdisplay")

#: The PySide6 modules the application imports (their libQt6*.so follow from them).
QT_MODULES = ("QtCore", "QtGui", "QtWidgets", "QtCharts", "QtPdf", "QtPdfWidgets", "QtPrintSupport")

#: Libraries whose Debian package does not follow the "lib<name><version>" policy.
PACKAGE_EXCEPTIONS = {
    **{
        f"lib{name}-2.0.so.0": "libglib2.0-0"
        for name in ("glib", "gthread", "gobject", "gio", "gmodule")
    },
    "libatk-1.0.so.0": "libatk1.0-0",
    "libharfbuzz.so.0": "libharfbuzz0b",
    "libjpeg.so.62": "libjpeg62-turbo",
    "libgcc_s.so.1": "libgcc-s1",
    "libGLdispatch.so.0": "libglvnd0",
    "libbrotlicommon.so.1": "libbrotli1",
    "libbrotlidec.so.1": "libbrotli1",
    "libz.so.1": "zlib1g",
    **{
        f"lib{name}.so.{n}": "libc6"
        for name, n in (("c", 6), ("m", 6), ("dl", 2), ("pthread", 0), ("resolv", 2))
    },
}

_NOT_FOUND = re.compile(r"^\s*(\S+)\s*=>\s*not found\s*$")
_SONAME = re.compile(r"^lib(?P<name>.+)\.so\.(?P<version>[0-9][0-9.]*)$")

Runner = Callable[[Sequence[str]], subprocess.CompletedProcess[str]]


def _run(command: Sequence[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(list(command), capture_output=True, text=True)


# -- what is missing -----------------------------------------------------------------------


def needs_display(environ: dict[str, str] | os._Environ[str], platform: str = sys.platform) -> bool:
    """Whether the window will use a real display (xcb or wayland) on this system."""
    if not platform.startswith("linux"):
        return False
    wanted = environ.get("QT_QPA_PLATFORM", "").split(";")[0].split(":")[0].strip()
    return wanted not in HEADLESS_PLATFORMS


def missing_in_ldd_output(output: str) -> list[str]:
    """The libraries ``ldd`` reports "not found", in order, each once."""
    found: list[str] = []
    for line in output.splitlines():
        match = _NOT_FOUND.match(line)
        if match and match.group(1) not in found:
            found.append(match.group(1))
    return found


def qt_files(pyside_dir: Path, environ: dict[str, str] | os._Environ[str]) -> list[Path]:
    """The files whose links must resolve for the window to open with the wanted platform."""
    qt = pyside_dir / "Qt"
    files = [qt / "plugins" / "platforms" / "libqxcb.so", qt / "lib" / "libQt6XcbQpa.so.6"]
    files += sorted((qt / "plugins" / "xcbglintegrations").glob("*.so"))
    if environ.get("WAYLAND_DISPLAY") and "xcb" not in environ.get("QT_QPA_PLATFORM", ""):
        files.append(qt / "plugins" / "platforms" / "libqwayland.so")
    for module in QT_MODULES:
        files += sorted(pyside_dir.glob(f"{module}.*.so"))
    return [file for file in files if file.exists()]


def missing_libraries(files: Iterable[Path], run: Runner = _run, ldd: str = "ldd") -> list[str]:
    """Every library one of ``files`` links to and the dynamic loader cannot find."""
    missing: list[str] = []
    for file in files:
        for name in missing_in_ldd_output(run([ldd, str(file)]).stdout):
            if name not in missing:
                missing.append(name)
    return missing


def debian_package(soname: str) -> str:
    """The package that ships ``soname``, by Debian's library naming policy.

    ``libxcb-icccm.so.4`` is in ``libxcb-icccm4``; a name ending in a digit takes a dash
    (``libxkbcommon-x11.so.0``: ``libxkbcommon-x11-0``); the exceptions are listed.  Checked
    here against ``dpkg -S`` for the 80 libraries Qt's plugins load on Debian 12.
    """
    if soname in PACKAGE_EXCEPTIONS:
        return PACKAGE_EXCEPTIONS[soname]
    match = _SONAME.match(soname)
    if not match:
        return soname
    name, version = match.group("name").lower().replace("_", "-"), match.group("version")
    major = version.split(".")[0]
    return f"lib{name}-{major}" if name[-1].isdigit() else f"lib{name}{major}"


def packages_for(missing: Iterable[str]) -> list[str]:
    packages: list[str] = []
    for soname in missing:
        package = debian_package(soname)
        if package not in packages:
            packages.append(package)
    return packages


# -- installing ----------------------------------------------------------------------------


def install_command(packages: Sequence[str], *, root: bool) -> list[str]:
    prefix = [] if root else ["sudo"]
    return [*prefix, "apt-get", "install", "-y", "--no-install-recommends", *packages]


def can_install(*, root: bool, interactive: bool) -> bool:
    """apt-get as root, or through sudo when a terminal can take the password."""
    if shutil.which("apt-get") is None:
        return False
    return root or (interactive and shutil.which("sudo") is not None)


def _install(packages: Sequence[str], *, root: bool) -> bool:
    prefix = [] if root else ["sudo"]
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    print("Relations : mise à jour de la liste des paquets (apt-get update)…", flush=True)
    subprocess.run([*prefix, "apt-get", "update", "-qq"], env=env, check=False)
    command = install_command(packages, root=root)
    print(f"Relations : installation de {', '.join(packages)}…", flush=True)
    return subprocess.run(command, env=env, check=False).returncode == 0


def pyside_dir() -> Path | None:
    spec = importlib.util.find_spec("PySide6")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="report only, never install")
    args = parser.parse_args(argv)
    if not needs_display(os.environ):
        return 0
    folder = pyside_dir()
    if folder is None:
        print("Relations : PySide6 n'est pas installé dans cet environnement.", file=sys.stderr)
        return 1
    if shutil.which("ldd") is None:
        return 0  # not a glibc system: nothing this script knows how to check
    files = qt_files(folder, os.environ)
    missing = missing_libraries(files)
    if not missing:
        return 0
    packages = packages_for(missing)
    root = os.geteuid() == 0
    print(
        "Relations : il manque des bibliothèques système pour afficher la fenêtre : "
        + ", ".join(missing),
        file=sys.stderr,
    )
    interactive = sys.stdin.isatty()
    if (
        not args.check
        and can_install(root=root, interactive=interactive)
        and _install(packages, root=root)
    ):
        still = missing_libraries(files)
        if not still:
            print("Relations : bibliothèques installées.", flush=True)
            return 0
        packages = packages_for(still)
    if shutil.which("apt-get") is None:
        print(
            "Installez les paquets de votre distribution qui fournissent ces fichiers, "
            "puis relancez « make run ».",
            file=sys.stderr,
        )
        return 1
    command = shlex.join(install_command(packages, root=False))
    print(
        f"Installez-les avec la commande suivante, puis relancez « make run » :\n  {command}",
        file=sys.stderr,
    )
    return 1


if __name__ == "__main__":
    raise SystemExit(main())
