"""An installed copy compiles nothing at start: the install byte-compiles the packages
(``tools/byte_compile.py``, run by ``make`` after the editable install), so the window's
start finds a ``.pyc`` for every module it loads and writes none."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

import byte_compile  # noqa: E402

WINDOW_START = """
import sys
import ui.shell.app as app

def run(location, imposed_by=None):  # the window built and painted, then out
    from PySide6.QtWidgets import QApplication
    from ui.safety.startup import open_database
    from ui.shell.main_window import MainWindow

    qt = QApplication.instance() or QApplication([])
    open_database(location, check_later=True)
    window = MainWindow(location)
    window.show()
    for _ in range(20):
        qt.processEvents()
    print("FROM", app.__file__)
    return 0

app.run = run
from ui.shell import launcher
sys.exit(launcher.main(["--db", sys.argv[1]]))
"""


def bytecode(root: Path) -> set[Path]:
    return set(root.rglob("*.pyc"))


def test_the_window_start_of_a_byte_compiled_copy_writes_no_bytecode(brest_db, tmp_path):
    copy = tmp_path / "site"
    for package in byte_compile.PACKAGES:
        shutil.copytree(
            ROOT / package, copy / package, ignore=shutil.ignore_patterns("__pycache__")
        )
    assert bytecode(copy) == set()
    assert byte_compile.main([str(copy)]) == 0
    compiled = bytecode(copy)
    assert len(compiled) >= len(list(copy.rglob("*.py")))  # every module, at least once
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE",)}
    result = subprocess.run(
        [sys.executable, "-c", WINDOW_START, str(tmp_path / "brest.db")],
        capture_output=True,
        text=True,
        timeout=180,
        env={**env, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(copy)},
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert f"FROM {copy / 'ui' / 'shell' / 'app.py'}" in result.stdout  # the copy ran
    assert bytecode(copy) == compiled  # nothing compiled (nor written) at start
