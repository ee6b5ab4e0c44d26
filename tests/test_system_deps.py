"""tools/system_deps.py: which system libraries Qt's display plugin lacks, and what to install."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "tools" / "system_deps.py"

# ldd's output for libqxcb.so on a bare Debian 12 desktop (GNOME, no Qt application yet).
BARE_DEBIAN_LDD = """\
\tlinux-vdso.so.1 (0x00007ffd2b5f5000)
\tlibQt6XcbQpa.so.6 => /venv/PySide6/Qt/plugins/platforms/../../lib/libQt6XcbQpa.so.6 (0x00007f0c)
\tlibGL.so.1 => /lib/x86_64-linux-gnu/libGL.so.1 (0x00007f8131c36000)
\tlibxkbcommon-x11.so.0 => not found
\tlibxcb-cursor.so.0 => not found
\tlibxcb-icccm.so.4 => not found
\tlibxcb-util.so.1 => /lib/x86_64-linux-gnu/libxcb-util.so.1 (0x00007f8131bd4000)
\tlibxcb-image.so.0 => not found
\tlibxcb-keysyms.so.1 => not found
\tlibxcb-render-util.so.0 => not found
\tlibxcb-icccm.so.4 => not found
\tlibc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x00007f812fe1e000)
\t/lib64/ld-linux-x86-64.so.2 (0x00007f8131d96000)
"""
BARE_DEBIAN_PACKAGES = [
    "libxkbcommon-x11-0",
    "libxcb-cursor0",
    "libxcb-icccm4",
    "libxcb-image0",
    "libxcb-keysyms1",
    "libxcb-render-util0",
]


@pytest.fixture(scope="module")
def deps():
    spec = importlib.util.spec_from_file_location("system_deps", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_missing_libraries_are_read_from_ldd(deps):
    assert deps.missing_in_ldd_output(BARE_DEBIAN_LDD) == [
        "libxkbcommon-x11.so.0",
        "libxcb-cursor.so.0",
        "libxcb-icccm.so.4",
        "libxcb-image.so.0",
        "libxcb-keysyms.so.1",
        "libxcb-render-util.so.0",
    ]
    assert deps.missing_in_ldd_output("\tlibc.so.6 => /lib/libc.so.6 (0x1)\n") == []


@pytest.mark.parametrize(
    ("soname", "package"),
    [
        ("libxcb-cursor.so.0", "libxcb-cursor0"),
        ("libxcb-icccm.so.4", "libxcb-icccm4"),
        ("libxcb-keysyms.so.1", "libxcb-keysyms1"),
        ("libxkbcommon-x11.so.0", "libxkbcommon-x11-0"),
        ("libX11-xcb.so.1", "libx11-xcb1"),
        ("libEGL.so.1", "libegl1"),
        ("libdbus-1.so.3", "libdbus-1-3"),
        ("libpng16.so.16", "libpng16-16"),
        ("libglib-2.0.so.0", "libglib2.0-0"),
        ("libwayland-cursor.so.0", "libwayland-cursor0"),
        ("libgcc_s.so.1", "libgcc-s1"),
        ("libz.so.1", "zlib1g"),
    ],
)
def test_each_library_maps_to_its_debian_package(deps, soname, package):
    assert deps.debian_package(soname) == package


def test_only_a_real_display_on_linux_is_checked(deps):
    assert deps.needs_display({}, "linux")
    assert deps.needs_display({"QT_QPA_PLATFORM": "xcb"}, "linux")
    assert deps.needs_display({"QT_QPA_PLATFORM": "wayland;xcb"}, "linux")
    assert not deps.needs_display({"QT_QPA_PLATFORM": "offscreen"}, "linux")
    assert not deps.needs_display({"QT_QPA_PLATFORM": "minimal"}, "linux")
    assert not deps.needs_display({}, "win32")
    assert not deps.needs_display({}, "darwin")


def test_the_files_checked_include_the_xcb_plugin_and_the_modules_used(deps):
    import PySide6

    folder = Path(PySide6.__file__).parent
    names = {file.name for file in deps.qt_files(folder, {})}
    assert {"libqxcb.so", "libQt6XcbQpa.so.6"} <= names
    assert any(name.startswith("QtPdfWidgets.") for name in names)
    assert "libqwayland.so" not in names
    assert "libqwayland.so" in {f.name for f in deps.qt_files(folder, {"WAYLAND_DISPLAY": "w"})}


def test_without_permission_to_install_it_stops_with_the_one_command(deps):
    assert deps.install_command(BARE_DEBIAN_PACKAGES, root=False) == [
        "sudo",
        "apt-get",
        "install",
        "-y",
        "--no-install-recommends",
        *BARE_DEBIAN_PACKAGES,
    ]
    assert not deps.can_install(root=False, interactive=False)


def _fake_ldd(tmp_path: Path, output: str) -> dict[str, str]:
    """A PATH whose ldd prints ``output`` for every file."""
    folder = tmp_path / "bin"
    folder.mkdir()
    (folder / "output.txt").write_text(output, encoding="utf-8")
    ldd = folder / "ldd"
    ldd.write_text(f'#!/bin/sh\ncat "{folder / "output.txt"}"\n', encoding="utf-8")
    ldd.chmod(0o755)
    env = dict(os.environ, PATH=f"{folder}{os.pathsep}{os.environ['PATH']}")
    env.pop("QT_QPA_PLATFORM", None)
    env.pop("WAYLAND_DISPLAY", None)
    return env


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="ldd and apt are Linux's")
def test_the_script_reports_what_a_bare_debian_lacks(tmp_path):
    env = _fake_ldd(tmp_path, BARE_DEBIAN_LDD)
    done = subprocess.run(
        [sys.executable, str(SCRIPT), "--check"], env=env, capture_output=True, text=True
    )
    assert done.returncode == 1
    assert "libxcb-cursor.so.0" in done.stderr
    command = "sudo apt-get install -y --no-install-recommends " + " ".join(BARE_DEBIAN_PACKAGES)
    assert command in done.stderr

    # Offscreen (the tests, CI): nothing is checked, whatever is missing.
    env["QT_QPA_PLATFORM"] = "offscreen"
    done = subprocess.run([sys.executable, str(SCRIPT)], env=env, capture_output=True, text=True)
    assert (done.returncode, done.stdout, done.stderr) == (0, "", "")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="ldd is Linux's")
def test_nothing_missing_is_silent(tmp_path):
    env = _fake_ldd(tmp_path, "\tlibc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x1)\n")
    done = subprocess.run(
        [sys.executable, str(SCRIPT), "--check"], env=env, capture_output=True, text=True
    )
    assert (done.returncode, done.stdout, done.stderr) == (0, "", "")
