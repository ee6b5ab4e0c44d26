"""Lists: search, sort and paging, the same for every record type's list function."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

import peewee as pw

from ..db import backend
from ..db.models import Record
from ..text import search_terms

#: Counting stops here: beyond, a page says "at least COUNT_CAP rows" (``exact`` False).
#: A one-letter search in a quarter-million contacts matches most of them, and counting
#: them all would cost more than finding the page itself.
COUNT_CAP = 1000


@dataclass(frozen=True)
class Page:
    """One page of a list: the rows shown and how many rows match in all.

    ``exact`` is False when more than :data:`COUNT_CAP` rows match a search or a filter:
    ``total`` is then a lower bound (the list's end tells the rest).
    """

    rows: list[dict]
    total: int
    offset: int = 0
    exact: bool = True
    #: with ``locate``: the located record's place in the whole list (0 is the first row),
    #: None when the search or the filters leave it out
    position: int | None = None


class StillBetween(str):
    """A record's id, as ``locate`` of a list function, with what the list already shows
    around it: its row ``place``, the ids of the rows just before and after it (None at
    the list's start or end) and the list's ``total``/``exact``.  After a save that left
    the record between those neighbours, :func:`fetch_page` answers with its row alone,
    read in one statement that also checks it still matches and still sorts there (no
    count, no page); otherwise it locates the record as for a plain id."""

    place: int
    before: str | None
    after: str | None
    total: int
    exact: bool

    def __new__(
        cls,
        record_id: str,
        place: int,
        before: str | None,
        after: str | None,
        total: int,
        exact: bool = True,
    ) -> StillBetween:
        made = super().__new__(cls, record_id)
        made.place, made.before, made.after = place, before, after
        made.total, made.exact = total, exact
        return made


def like_folded(column: pw.Field, term: str) -> pw.Expression:
    """``column LIKE '%term%'`` with the term's own wildcards escaped."""
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return pw.NodeList((column, pw.SQL("LIKE"), f"%{escaped}%", pw.SQL("ESCAPE '\\'")))


def apply_search(query: pw.ModelSelect, model: type[Record], search: str) -> pw.ModelSelect:
    """Rows whose folded ``search`` text contains every word of ``search``.

    Words of three letters or more go through the table's full-text index when it has one
    (:meth:`Backend.full_text_match`, same result as LIKE, found without reading every
    row); shorter words, and every word without an index, use ``LIKE '%word%'``.
    """
    terms = search_terms(search or "")
    engine = backend.current()
    indexed = engine.indexed_terms(model, terms)
    if indexed:
        query = query.where(engine.full_text_match(model, indexed))
    for term in terms:
        if term not in indexed:
            query = query.where(like_folded(model.search, term))
    return query


def apply_sort(
    query: pw.ModelSelect,
    sort_keys: Mapping[str, Sequence[pw.Node]],
    sort: str,
    descending: bool,
    tiebreak: pw.Field,
) -> pw.ModelSelect:
    if sort not in sort_keys:
        raise ValueError(f"unknown sort key {sort!r}")
    keys = [k.desc(nulls="LAST") if descending else k.asc(nulls="LAST") for k in sort_keys[sort]]
    return query.order_by(*keys, tiebreak)


def fetch_page(
    query: pw.ModelSelect,
    offset: int,
    limit: int | None,
    to_row: Callable[[Any], dict],
    locate: str | None = None,
) -> Page:
    """One page of ``query`` (filtered and sorted), and how many rows match in all.

    With ``locate`` (a record's id), the page is the one that holds that record, wherever
    it is in the list (:func:`position_of`), and ``Page.position`` says where; its keys
    are read from the record's own sort values (:func:`_keys_around`), not by skipping
    every row before the page.

    In two steps: the keys in order, then the rows of the page's keys only.  A list's
    derived columns (a contact's current function, a programme's partners) are correlated
    subqueries, which SQLite would otherwise compute for every match before sorting.

    The first step also counts: it reads up to :data:`COUNT_CAP` + 1 keys (an index walk
    that goes on a little past the page), so a search or a filter needs no second query;
    beyond the cap the total is a lower bound (``exact`` False).  A whole table is
    counted exactly, which SQLite does from its pages without reading rows.
    """
    if limit is None:
        rows = [to_row(r) for r in query]
        return Page(rows, len(rows), offset)  # the whole list (``offset`` is not applied)
    if not locate:
        return _fetch(query, offset, limit, to_row)
    if isinstance(locate, StillBetween):
        row = _row_between(query, locate, to_row)
        if row is not None:
            return Page([row], locate.total, locate.place, locate.exact, position=locate.place)
    found = _locate(query, locate)
    if found is None:
        return replace(_fetch(query, offset, limit, to_row), position=None)
    position, orders, target = found
    if limit:
        offset = position - position % limit
        if getattr(query, "_where", None) is None and offset >= COUNT_CAP:  # far down a table
            keys = _keys_around(query, orders, target, position - offset, limit)
            if keys is not None:
                total = backend.current().table_rows(query.model)
                return Page(_rows(query, keys, to_row), total, offset, position=position)
    return replace(_fetch(query, offset, limit, to_row), position=position)


def _rows(query: pw.ModelSelect, page_keys: list, to_row: Callable[[Any], dict]) -> list[dict]:
    """The page's rows, with the list's columns, in the order of ``page_keys``."""
    if not page_keys:
        return []
    model = query.model
    key = model._meta.primary_key
    found = {r.id: r for r in model.select(*query.selected_columns).where(key.in_(page_keys))}
    return [to_row(found[k]) for k in page_keys if k in found]


def _sorts_after(
    query: pw.ModelSelect, orders: list[pw.Ordering], other_id: str, *, after: bool
) -> pw.Node | None:
    """Whether the row sorts after (``after``) or before the row ``other_id`` in
    ``orders``: ``(a > x) OR (a = x AND b > y) ...``, the other row's values read by
    subqueries in the same statement.  Where a value is NULL the comparison is unknown,
    so the condition fails (never a wrong yes): the caller then locates the row the
    ordinary way.  None when a sort key is not a column of the list's table."""
    model = query.model
    other = model.alias()
    nodes = []
    for ordering in orders:
        node = ordering.node
        if not isinstance(node, pw.Field) or node.model is not model:
            return None
        value = other.select(getattr(other, node.name)).where(
            getattr(other, model._meta.primary_key.name) == other_id
        )
        later = (ordering.direction == "DESC") != after  # row > value in SQL terms
        nodes.append((node, value, later))
    condition: pw.Node | None = None
    for i, (node, value, later) in enumerate(nodes):
        term = (node > value) if later else (node < value)
        for earlier, earlier_value, _later in nodes[:i]:
            term = (earlier == earlier_value) & term
        condition = term if condition is None else (condition | term)
    return condition


def _row_between(
    query: pw.ModelSelect, locate: StillBetween, to_row: Callable[[Any], dict]
) -> dict | None:
    """The list's row of ``locate`` if it still matches the query and sorts between its
    neighbours (one statement), else None."""
    orders = _orders(query)
    key = query.model._meta.primary_key
    checked = query.order_by().where(key == str(locate))
    for neighbour, after in ((locate.before, True), (locate.after, False)):
        if neighbour is None:
            continue
        condition = _sorts_after(query, orders, neighbour, after=after)
        if condition is None:
            return None
        checked = checked.where(condition)
    found = list(checked.limit(1))
    return to_row(found[0]) if found else None


def _fetch(query: pw.ModelSelect, offset: int, limit: int, to_row: Callable[[Any], dict]) -> Page:
    model = query.model
    key = model._meta.primary_key
    offset, limit = max(0, offset), max(0, limit)
    wanted = max(limit, COUNT_CAP + 1 - offset)
    cursor = model._meta.database.execute(query.select(key).offset(offset).limit(wanted))
    keys = [k for (k,) in cursor.fetchall()]  # plain rows: up to a thousand, no model objects
    page_keys = keys[:limit]
    rows = _rows(query, page_keys, to_row)
    seen = offset + len(keys)
    if len(keys) < wanted and (keys or not offset):  # the list ends within what was read
        return Page(rows, seen, offset)
    if getattr(query, "_where", None) is None:  # a whole table: counted exactly (and remembered)
        return Page(rows, backend.current().table_rows(model), offset)
    if keys:  # more rows than were read: "at least"
        return Page(rows, min(seen, max(COUNT_CAP, offset + len(page_keys))), offset, exact=False)
    found = (
        query.order_by().limit(COUNT_CAP + 1).count()
    )  # asked past the end: count, up to the cap
    return Page(rows, min(found, COUNT_CAP), offset, exact=found <= COUNT_CAP)


def _orders(query: pw.ModelSelect) -> list[pw.Ordering]:
    """The query's orderings, ending with the primary key (every row has one place)."""
    key = query.model._meta.primary_key
    orders = [o if isinstance(o, pw.Ordering) else o.asc() for o in query._order_by or ()]
    if not orders or orders[-1].node is not key:
        orders.append(key.asc())
    return orders


def _locate(query: pw.ModelSelect, record_id: str) -> tuple[int, list[pw.Ordering], tuple] | None:
    """The record's place in ``query``, its orderings and its sort values (None: not in it)."""
    key = query.model._meta.primary_key
    orders = _orders(query)
    target = query.model._meta.database.execute(
        query.select(*[o.node for o in orders]).order_by().where(key == record_id).limit(1)
    ).fetchone()
    if target is None:
        return None
    return _count_before(query, orders, tuple(target)), orders, tuple(target)


def position_of(query: pw.ModelSelect, record_id: str) -> int | None:
    """Where ``record_id`` comes in ``query``'s order (0: first), or None if not in it."""
    found = _locate(query, record_id)
    return None if found is None else found[0]


def _count_before(query: pw.ModelSelect, orders: list[pw.Ordering], target: tuple) -> int:
    """How many rows sort before ``target``: counted in SQL, never by reading the rows.

    One count per sort key (``a < x``, then ``a = x and b < y``…, the NULLs last as
    :func:`apply_sort` puts them), each of which an index on the sort key answers by
    walking the index.  In a whole table whose record sorts in its second half, the rows
    after it are counted instead (the whole table's count costs nothing): the walk is
    never longer than half the table, the last of 250,000 contacts found at once.
    """
    if getattr(query, "_where", None) is None and _second_half(query, orders[0], target[0]):
        after = _count_side(query, orders, target, after=True)
        return backend.current().table_rows(query.model) - 1 - after
    return _count_side(query, orders, target, after=False)


def _count_side(
    query: pw.ModelSelect, orders: list[pw.Ordering], target: tuple, *, after: bool
) -> int:
    key = query.model._meta.primary_key
    counted, same = 0, query.select(key).order_by()
    for ordering, value in zip(orders, target, strict=True):
        node, descending = ordering.node, ordering.direction == "DESC"
        if value is None:  # NULLs come last: every non-NULL value comes before
            if not after:
                counted += same.where(node.is_null(False)).count()
            same = same.where(node.is_null())
            continue
        if after:
            counted += same.where((node < value) if descending else (node > value)).count()
            if not (isinstance(node, pw.Field) and not node.null):  # NULLs come after
                counted += same.where(node.is_null()).count()
        else:
            counted += same.where((node > value) if descending else (node < value)).count()
        same = same.where(node == value)
    return counted


#: The middle value of a whole table's first sort key, by (table, SQL of the ordering):
#: read once per process, it only chooses which side of a record to count.
_MIDDLES: dict[tuple[str, str], Any] = {}


def _second_half(query: pw.ModelSelect, first: pw.Ordering, value: Any) -> bool:
    """Whether ``value`` of the first sort key sorts after the table's middle row."""
    if value is None:
        return True  # NULLs last
    model = query.model
    sql = model._meta.database.get_sql_context().sql(first).query()[0]
    marker = (model._meta.table_name, sql)
    if marker not in _MIDDLES:
        middle = backend.current().table_rows(model) // 2
        row = model._meta.database.execute(
            query.select(first.node).order_by(first).offset(middle).limit(1)
        ).fetchone()
        _MIDDLES[marker] = row[0] if row else None
    pivot = _MIDDLES[marker]
    if pivot is None:
        return False
    try:
        return value < pivot if first.direction == "DESC" else value > pivot
    except TypeError:
        return False


def _keys_around(
    query: pw.ModelSelect, orders: list[pw.Ordering], target: tuple, before: int, limit: int
) -> list | None:
    """The keys of the page holding ``target``, which has ``before`` rows before it in the
    page: read from the record's sort values with two index seeks (row values,
    ``(a, id) < (x, y)``), wherever the page is.  None when the sort is not one these
    comparisons express (a key that may be NULL, or descending)."""
    model = query.model
    nodes = [o.node for o in orders]
    if any(o.direction == "DESC" for o in orders) or any(v is None for v in target):
        return None
    if not all(isinstance(n, pw.Field) and not n.null for n in nodes):
        return None
    here, values = pw.Tuple(*nodes), pw.Tuple(*target)
    database = model._meta.database
    earlier = database.execute(
        query.select(model._meta.primary_key)
        .where(here < values)
        .order_by(*[n.desc() for n in nodes])
        .limit(before)
    ).fetchall()
    later = database.execute(
        query.select(model._meta.primary_key).where(here >= values).limit(limit - before)
    ).fetchall()
    if len(earlier) != before:
        return None  # the list moved under us: read it the ordinary way
    return [k for (k,) in reversed(earlier)] + [k for (k,) in later]
