"""After the quick start: ``make install`` (launcher, menu entry, icon) and ``python3 main.py``."""

from __future__ import annotations

import configparser
import os
import shutil
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "tools" / "desktop_install.py"
VENV = Path(sys.prefix)

pytestmark = pytest.mark.skipif(os.name != "posix", reason="the freedesktop.org menu is Linux's")


def _env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("XDG_")}
    env.update(HOME=str(home), QT_QPA_PLATFORM="offscreen")
    return env


def _script(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(SCRIPT), *args], env=env, capture_output=True, text=True
    )


@pytest.mark.skipif(not (VENV / "bin" / "relations-app").exists(), reason="needs an installed venv")
def test_make_install_puts_a_launcher_a_menu_entry_and_the_icon(tmp_path):
    home = tmp_path / "home dir"  # a space: the Exec key must quote it
    env = _env(home)
    done = _script("install", "--venv", str(VENV), env=env)
    assert done.returncode == 0, done.stderr
    launcher = home / ".local" / "bin" / "relations-app"
    entry = home / ".local" / "share" / "applications" / "relations.desktop"
    icon = home / ".local" / "share" / "icons" / "hicolor" / "scalable" / "apps" / "relations.svg"
    assert launcher.stat().st_mode & 0o111
    assert "n'est pas dans votre PATH" in done.stdout

    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # keys are case-sensitive
    parser.read(entry, encoding="utf-8")
    section = parser["Desktop Entry"]
    assert section["Type"] == "Application"
    assert section["Name"] == "Relations"
    assert section["Exec"] == f'"{launcher}"'
    assert section["Icon"] == "relations"
    assert ElementTree.parse(icon).getroot().tag == "{http://www.w3.org/2000/svg}svg"

    ran = subprocess.run([str(launcher), "--help"], env=env, capture_output=True, text=True)
    assert ran.returncode == 0, ran.stderr
    assert ran.stdout.startswith("utilisation : relations-app")  # the CLI speaks French

    done = _script("uninstall", env=env)
    assert done.returncode == 0
    assert not launcher.exists() and not entry.exists() and not icon.exists()
    assert "Vos données et vos réglages sont conservés" in done.stdout
    assert (home / ".local" / "bin").is_dir()  # only the three files go


def test_install_follows_xdg_data_home(tmp_path):
    env = _env(tmp_path / "home")
    env["XDG_DATA_HOME"] = str(tmp_path / "share")
    venv = tmp_path / "venv"
    (venv / "bin").mkdir(parents=True)
    program = venv / "bin" / "relations-app"
    program.write_text('#!/bin/sh\necho "ran $#: $1"\n', encoding="utf-8")
    program.chmod(0o755)
    assert _script("install", "--venv", str(venv), env=env).returncode == 0
    assert (tmp_path / "share" / "applications" / "relations.desktop").exists()
    launcher = tmp_path / "home" / ".local" / "bin" / "relations-app"
    ran = subprocess.run([str(launcher), "a b"], capture_output=True, text=True)
    assert ran.stdout == "ran 1: a b\n"  # arguments passed on whole


def test_install_without_the_venv_says_what_to_run(tmp_path):
    done = _script("install", "--venv", str(tmp_path / "none"), env=_env(tmp_path / "home"))
    assert done.returncode == 1
    assert "lancez d'abord « make run »" in done.stderr
    assert not (tmp_path / "home" / ".local" / "bin" / "relations-app").exists()


@pytest.mark.skipif(not (ROOT / ".venv" / "bin" / "python").exists(), reason="needs make's .venv")
def test_main_py_with_a_python_lacking_the_dependencies_hands_over_to_the_venv():
    # -S: no site-packages, as with the system's python3 after the quick start.
    done = subprocess.run(
        [sys.executable, "-S", str(ROOT / "main.py"), "--version"], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("relations-app ")


def test_main_py_without_a_venv_says_in_french_what_to_run(tmp_path):
    shutil.copy(ROOT / "main.py", tmp_path / "main.py")
    done = subprocess.run(
        [sys.executable, "-S", str(tmp_path / "main.py")], capture_output=True, text=True
    )
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert "lancez « make run » la première fois" in done.stderr
    assert ".venv/bin/relations-app" in done.stderr
