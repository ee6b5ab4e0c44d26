"""Run Relations from a source checkout: ``python3 main.py [--db PATH] [COMMAND]``.

The dependencies live in the checkout's virtual environment (``.venv``, made by ``make run``
or ``make test``), not in the system's Python: started with another Python, this file hands
over to the virtual environment's when there is one, and otherwise says in French what to
run instead of failing with an ImportError.
"""

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
VENV = HERE / ".venv"
VENV_PYTHON = VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def _hand_over_or_explain(error: ImportError) -> int:
    if VENV_PYTHON.exists() and Path(sys.prefix).resolve() != VENV.resolve():
        argv = [str(VENV_PYTHON), str(HERE / "main.py"), *sys.argv[1:]]
        if os.name == "nt":  # no exec on Windows: run it and pass its exit code on
            import subprocess

            return subprocess.call(argv)
        os.execv(argv[0], argv)
    launcher = ".venv\\Scripts\\relations-app" if os.name == "nt" else ".venv/bin/relations-app"
    print(
        f"Relations : ce Python ({sys.executable}) n'a pas les modules nécessaires "
        f"({error.name or error}).\n"
        f"Dans le dossier {HERE}, lancez « make run » la première fois (il installe tout "
        f"dans .venv et ouvre la fenêtre), puis « {launcher} » ; « make install » l'ajoute "
        "au menu des applications.",
        file=sys.stderr,
    )
    return 1


if __name__ == "__main__":
    try:
        from ui.shell.launcher import main
    except ImportError as exc:
        raise SystemExit(_hand_over_or_explain(exc)) from None
    raise SystemExit(main())
