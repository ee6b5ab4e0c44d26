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
    it is in the list (:func:`position_of`), and ``Page.position`` says where.

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
    position = position_of(query, locate) if locate else None
    if position is not None and limit:
        offset = position - position % limit
    page = _fetch(query, offset, limit, to_row)
    return replace(page, position=position) if locate else page


def _fetch(query: pw.ModelSelect, offset: int, limit: int, to_row: Callable[[Any], dict]) -> Page:
    model = query.model
    key = model._meta.primary_key
    offset, limit = max(0, offset), max(0, limit)
    wanted = max(limit, COUNT_CAP + 1 - offset)
    cursor = model._meta.database.execute(query.select(key).offset(offset).limit(wanted))
    keys = [k for (k,) in cursor.fetchall()]  # plain rows: up to a thousand, no model objects
    page_keys = keys[:limit]
    found = (
        {r.id: r for r in model.select(*query.selected_columns).where(key.in_(page_keys))}
        if page_keys
        else {}
    )
    rows = [to_row(found[k]) for k in page_keys if k in found]
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


def position_of(query: pw.ModelSelect, record_id: str) -> int | None:
    """Where ``record_id`` comes in ``query``'s order (0: first), or None if not in it.

    Counted in SQL, never by reading the rows before it: the rows that sort before the
    record's own sort values, one count per sort key (``a < x``, then ``a = x and b < y``…,
    the NULLs last as :func:`apply_sort` puts them), each of which an index on the sort
    key answers by walking the index (the last of 250,000 contacts: about 15 ms).
    """
    model = query.model
    key = model._meta.primary_key
    orders = [o if isinstance(o, pw.Ordering) else o.asc() for o in query._order_by or ()]
    if not orders or orders[-1].node is not key:
        orders.append(key.asc())  # a unique last key: every row has one place
    nodes = [o.node for o in orders]
    target = model._meta.database.execute(
        query.select(*nodes).order_by().where(key == record_id).limit(1)
    ).fetchone()
    if target is None:
        return None
    before, same = 0, query.select(key).order_by()
    for ordering, value in zip(orders, target, strict=True):
        node, descending = ordering.node, ordering.direction == "DESC"
        if value is None:  # NULLs come last: what comes before is every non-NULL value
            before += same.where(node.is_null(False)).count()
            same = same.where(node.is_null())
        else:
            earlier = (node > value) if descending else (node < value)
            before += same.where(earlier).count()
            same = same.where(node == value)
    return before
