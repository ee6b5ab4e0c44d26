"""Counting the statements an action sends to the database, whatever the engine.

Every query the application runs goes through Peewee's ``Database.execute_sql`` (model
queries, raw SQL, savepoints), and transactions through ``begin``/``commit``/``rollback``:
:func:`counting` wraps those of the open database while inside, so that the benchmark
and the tests can say how many statements a keystroke, a page opened or a save costs
(on a server each one is a round trip: a list must not send one per row).  Counts are
not timings: a test may assert them.

    with statements.counting() as count:
        partners.list_partners("kiel")
    assert count.statements <= 3

Statements sent from other threads while inside are counted too (the window's worker
threads share the database object); a test counts one action at a time.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import peewee as pw

from .models import database

#: the transaction calls counted apart from the statements
TRANSACTION_CALLS = ("begin", "commit", "rollback")


@dataclass
class StatementCount:
    """What was sent while counting: ``statements`` (queries, with their SQL in ``sql``)
    and ``transactions`` (BEGIN, COMMIT, ROLLBACK: round trips too on a server)."""

    statements: int = 0
    transactions: int = 0
    sql: list[str] = field(default_factory=list)

    @property
    def round_trips(self) -> int:
        return self.statements + self.transactions


@contextmanager
def counting(db: pw.Database | None = None) -> Iterator[StatementCount]:
    """Count what ``db`` (the database the models are bound to by default) is sent."""
    target = db if db is not None else database.obj
    if isinstance(target, pw.DatabaseProxy):
        target = target.obj
    if target is None:
        raise RuntimeError("no open database to count the statements of")
    count = StatementCount()
    execute = target.execute_sql

    def counted_execute(sql: str, params: Any = None, *args: Any, **kwargs: Any) -> Any:
        count.statements += 1
        count.sql.append(sql)
        return execute(sql, params, *args, **kwargs)

    def counted(name: str) -> Any:
        call = getattr(target, name)

        def wrapper(*args: Any, **kwargs: Any) -> Any:
            count.transactions += 1
            return call(*args, **kwargs)

        return wrapper

    wrapped = {"execute_sql": counted_execute, **{n: counted(n) for n in TRANSACTION_CALLS}}
    own = vars(target)
    before = {name: own[name] for name in wrapped if name in own}  # an outer count's
    for name, wrapper in wrapped.items():
        setattr(target, name, wrapper)
    try:
        yield count
    finally:
        for name in wrapped:
            if name in before:
                setattr(target, name, before[name])
            else:
                delattr(target, name)  # the class's own method again
