"""Run Relations from a source checkout: ``python main.py [--db PATH] [COMMAND]``."""

from ui.shell.launcher import main

if __name__ == "__main__":
    raise SystemExit(main())
