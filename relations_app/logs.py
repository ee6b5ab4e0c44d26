"""Errors never disappear: one rotating log file, and every uncaught exception goes there.

The window and the command line both call :func:`setup` first.  From then on the standard
``logging`` module writes to ``relations.log`` in the user's data folder (beside the default
database, e.g. ~/.local/share/Relations), rotating at 1 MB with three old files kept, and
an exception nobody caught — in the main thread or any other — is written there with its
traceback.  What a person sees is the window's business (one French dialog) or the CLI's
(one French line); the traceback itself only ever goes to the file.

This module stays free of Qt: the Qt layer routes Qt's own messages here as well
(:mod:`ui.kit.crash`).
"""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

import platformdirs

from .location import APP_NAME

LOG_FILENAME = "relations.log"
MAX_BYTES = 1_000_000
BACKUPS = 3
FORMAT = "%(asctime)s %(levelname)s %(name)s [%(threadName)s] %(message)s"

logger = logging.getLogger("relations")

#: Called with (exception, traceback text) for each uncaught exception, after it is
#: logged; the window sets it to show its dialog.  ``None``: only the log.
Reporter = Callable[[BaseException, str], None]
_reporter: Reporter | None = None
_handler: RotatingFileHandler | None = None
_previous_hooks: tuple[object, object] | None = None


def log_folder() -> Path:
    """The user's data folder, where the default database lives as well."""
    return platformdirs.user_data_path(APP_NAME, appauthor=False)


def log_path() -> Path:
    """The file the current :func:`setup` writes to (or would write to)."""
    if _handler is not None:
        return Path(_handler.baseFilename)
    return log_folder() / LOG_FILENAME


def setup(folder: Path | None = None) -> Path:
    """Log to ``folder/relations.log`` (the data folder by default) and catch every uncaught
    exception; called again it moves to the new folder.  Returns the log file's path.

    A folder that cannot be created or written (read-only home, full disk) leaves logging
    to stderr rather than stopping the application.
    """
    global _handler
    path = (folder or log_folder()) / LOG_FILENAME
    root = logging.getLogger()
    if _handler is not None:
        if Path(_handler.baseFilename) == path.absolute():
            return path
        root.removeHandler(_handler)
        _handler.close()
        _handler = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = RotatingFileHandler(
            path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8", delay=True
        )
    except OSError as exc:
        print(f"Relations : journal impossible à écrire dans {path} ({exc})", file=sys.stderr)
        return path
    handler.setFormatter(logging.Formatter(FORMAT))
    handler.setLevel(logging.INFO)
    root.addHandler(handler)
    if root.level == logging.NOTSET or root.level > logging.INFO:
        root.setLevel(logging.INFO)
    _handler = handler
    _install_hooks()
    return path


def shutdown() -> None:
    """Stop writing to the file and give the previous exception hooks back (tests)."""
    global _handler, _previous_hooks, _reporter
    if _handler is not None:
        logging.getLogger().removeHandler(_handler)
        _handler.close()
        _handler = None
    if _previous_hooks is not None:
        sys.excepthook, threading.excepthook = _previous_hooks  # type: ignore[assignment]
        _previous_hooks = None
    _reporter = None


def set_reporter(reporter: Reporter | None) -> None:
    """Who shows an uncaught exception to the person, once it is logged (the window)."""
    global _reporter
    _reporter = reporter


def format_trace(exc: BaseException) -> str:
    import traceback

    return "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))


def log_unexpected(exc: BaseException, where: str = "") -> str:
    """Write an unexpected exception with its traceback to the log; return the traceback."""
    trace = format_trace(exc)
    logger.error("Unexpected error%s:\n%s", f" ({where})" if where else "", trace.rstrip())
    return trace


def _report(exc: BaseException, where: str) -> None:
    trace = log_unexpected(exc, where)
    if _reporter is not None:
        try:
            _reporter(exc, trace)
        except Exception:  # the reporter must never hide the first error
            logger.exception("The error report itself failed")


def _excepthook(kind: type[BaseException], exc: BaseException, trace: TracebackType | None) -> None:
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, exc, trace)
        return
    if exc.__traceback__ is None:
        exc = exc.with_traceback(trace)
    _report(exc, "uncaught")


def _thread_excepthook(args: threading.ExceptHookArgs) -> None:
    if args.exc_value is None or issubclass(args.exc_type, SystemExit):
        return
    name = args.thread.name if args.thread is not None else "?"
    _report(args.exc_value, f"thread {name}")


def _install_hooks() -> None:
    global _previous_hooks
    if _previous_hooks is None:
        _previous_hooks = (sys.excepthook, threading.excepthook)
    sys.excepthook = _excepthook
    threading.excepthook = _thread_excepthook
