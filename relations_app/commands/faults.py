"""Database faults in every command: one French line instead of a traceback.

A disk that fills up, a read-only file or folder, a database locked by another instance, a
damaged file: :func:`relations_app.faults.fault_from` names the real cause (looking through
the exception chain, where Peewee may have put "cannot rollback" in front of it).  Wrapping
the command modules here covers every command, present and future, without each handler
having to remember it.
"""

from __future__ import annotations

import argparse
import functools
from collections.abc import Callable
from types import ModuleType

from ..errors import UserError
from ..faults import fault_from
from ..location import DatabaseLocation

Handler = Callable[[DatabaseLocation, argparse.Namespace], int]


def reporting_faults(handler: Handler) -> Handler:
    """``handler`` with database faults raised as French ``DatabaseFault`` (a ``UserError``)."""

    @functools.wraps(handler)
    def run(location: DatabaseLocation, args: argparse.Namespace) -> int:
        try:
            return handler(location, args)
        except UserError:
            raise
        except Exception as exc:
            fault = fault_from(exc, location)
            if fault is None:
                raise
            raise fault from exc

    return run


class _Guarded:
    """A command module whose handlers report database faults (see the module docstring)."""

    def __init__(self, module: ModuleType) -> None:
        self.module = module
        self.__name__ = module.__name__

    def register(self, sub: argparse._SubParsersAction) -> None:
        before = set(sub.choices)
        self.module.register(sub)
        for name in set(sub.choices) - before:
            parser = sub.choices[name]
            handler = parser.get_default("handler")
            if handler is not None:
                parser.set_defaults(handler=reporting_faults(handler))


def guarded(*modules: ModuleType) -> tuple[_Guarded, ...]:
    return tuple(_Guarded(m) for m in modules)
