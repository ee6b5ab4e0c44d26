"""`pip install .` (not only editable) gives a working program: resources ship as package data."""

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# What a build must not see or leave behind: the copy it runs on has none of these.
NOT_COPIED = shutil.ignore_patterns(
    ".git", ".venv", "build", "dist", "*.egg-info", "__pycache__", ".*_cache", ".data"
)


def source_copy(tmp_path: Path) -> Path:
    """The checkout copied to ``tmp_path``: setuptools writes build/ and *.egg-info next to
    the sources it builds, so building from the checkout itself would leave them there."""
    copy = tmp_path / "source"
    shutil.copytree(ROOT, copy, ignore=NOT_COPIED)
    return copy


def test_wheel_ships_resources_and_runs_from_site_packages(tmp_path):
    wheels = tmp_path / "wheels"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--quiet",
            "--no-deps",
            "-w",
            str(wheels),
            str(source_copy(tmp_path)),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    wheel = next(wheels.glob("relations_app-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    for needed in (
        "resources/data/partners.yaml",
        "resources/data/office.yaml",
        "resources/translations/relations_fr.qm",
        "relations_app/db/migrations/0001_initial.sql",
        "relations_app/locale/en/LC_MESSAGES/relations.mo",
        "ui/shell/main_window.py",
    ):
        assert needed in names, needed
    site = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-deps",
            "--target",
            str(site),
            str(wheel),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    script = (
        "import relations_app, resources, sys\n"
        "from relations_app import cli\n"
        "assert relations_app.__file__.startswith(sys.argv[1]), relations_app.__file__\n"
        "assert resources.__file__.startswith(sys.argv[1]), resources.__file__\n"
        "from relations_app import i18n\n"
        "i18n.set_language('en')\n"
        "assert i18n._('ce champ est obligatoire') == 'this field is required'\n"
        "i18n.set_language('fr')\n"
        "raise SystemExit(cli.main(['--db', 'x.db', 'init']))\n"
    )
    env = {**os.environ, "PYTHONPATH": str(site)}
    result = subprocess.run(
        [sys.executable, "-c", script, str(site)],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "x.db").stat().st_size > 0
