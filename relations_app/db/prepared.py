"""Queries whose SQL text is built once: the statements a record's page sends each time.

Why: Peewee builds a query's SQL by walking its expression tree (quoting every name,
collecting every parameter) at each run; for the joins and unions of a partner's page
that cost more CPU than SQLite took to run them.  A prepared query is built once per
database class (the SQL differs between SQLite and PostgreSQL) with stand-in values, a
marker string in each place a value goes; its SQL and parameters are kept, and each run
sends the same SQL with the real values in the markers' places, through
``Database.execute_sql`` as every query does (so it is counted, retried and traced the
same), reading the rows through the query's own cursor wrapper: the same row type and
the same conversions as ``query.execute()``.

    rows = prepared.run("events of", lambda partner: Event.select().where(
        Event.partner == partner).tuples(), partner_id)

Only for queries whose shape does not depend on the values (an ``IN`` list's length
does): ``build`` is called once, with markers; a marker it does not pass through as a
whole parameter (a ``LIKE`` pattern built from it, a converted value) is refused.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable
from typing import Any

import peewee as pw

from .models import database

#: (database class, key, number of values) -> (query, sql, params, value index per param)
_BUILT: dict[tuple[type, Hashable, int], tuple[Any, str, list, list[int | None]]] = {}
_LOCK = threading.Lock()


def marker(n: int) -> str:
    """The stand-in of the ``n``-th value while the query is built."""
    return f"\x00prepared value {n}\x00"


def _build(key: Hashable, build: Callable[..., Any], count: int, db: pw.Database) -> tuple:
    query = build(*(marker(n) for n in range(count)))
    sql, params = query.sql()
    markers = {marker(n): n for n in range(count)}
    slots = [markers.get(p) if isinstance(p, str) else None for p in params]
    missing = set(range(count)) - {s for s in slots if s is not None}
    leaked = [p for p in params if isinstance(p, str) and "prepared value" in p]
    if missing or len(leaked) != sum(s is not None for s in slots):
        raise ValueError(f"prepared query {key!r}: a value is not a parameter of its own")
    return query, sql, list(params), slots


def run(key: Hashable, build: Callable[..., Any], *values: Any) -> Any:
    """The rows of ``build(*values)``, its SQL built once (per ``key`` and database
    class): an iterable cursor wrapper, as ``query.execute()`` returns."""
    db = database.obj
    if db is None:
        raise RuntimeError("no open database")
    cache_key = (type(db), key, len(values))
    built = _BUILT.get(cache_key)
    if built is None:
        with _LOCK:
            built = _BUILT.get(cache_key) or _build(key, build, len(values), db)
            _BUILT[cache_key] = built
    query, sql, params, slots = built
    sent = [
        param if slot is None else values[slot] for param, slot in zip(params, slots, strict=True)
    ]
    return query._get_cursor_wrapper(db.execute_sql(sql, sent))
