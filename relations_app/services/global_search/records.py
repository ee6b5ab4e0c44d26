"""The global search's record types, its ranks and results, and one keystroke's statements.

Each record type is searched and shown as its :class:`Kind` says; a keystroke's selects
go to the database together, as one ``UNION ALL`` (:class:`_Union`), and the counts it
needs as one statement of scalar subqueries (:func:`_counts`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import peewee as pw

from ...countries import country_name as _country_name
from ...db.models import (
    Consulate,
    Contact,
    Delegation,
    DiplomaticPost,
    Event,
    Organisation,
    Partner,
    Programme,
    Record,
    database,
)
from ...text import fold, format_partial_date_fr
from ..listing import COUNT_CAP

#: Records read per type and keystroke to rank; the best ``per_type`` are returned.
CANDIDATES = 60
#: "jean du": matches of the long words read from the index before the short ones filter.
MIXED_SAMPLE = 2000
#: A phone number typed: every record it matches is listed, up to this.
PHONE_HITS = 20
#: Words shorter than this cannot use the full-text (trigram) index.
INDEXED = 3
#: "technopole": the people who work there, from this many organisations whose name matches.
EMPLOYERS = 20
#: Records read per type and keystroke from the long texts' index.
TEXT_CANDIDATES = 10
#: The long texts are searched once a word typed has this many letters: a shorter one is
#: the start of countless words ("cont": contexte, contrat, contact…), and on a server its
#: trigrams are in tens of thousands of programmes' texts that do not hold it, each read
#: again to find out (60 ms for "cont" on the big database).
TEXT_WORD = 5
#: Characters of a text shown before and after the match (the results are a narrow list:
#: the match must show before the line is cut).
SNIPPET_BEFORE, SNIPPET_AFTER = 20, 40

#: The ranks, best first.
EXACT, PREFIX, WORD_START, IN_NAME, IN_TEXT = range(5)

_NON_WORD = re.compile(r"[^a-z0-9@.]+")


@dataclass(frozen=True)
class Kind:
    """How one record type is searched and shown."""

    key: str
    model: type[Record]
    columns: tuple[str, ...]  # read for every candidate
    names: Callable[[dict], list[str]]  # the texts that rank as names
    label: Callable[[dict], str]
    detail: Callable[[dict], str] = lambda _row: ""
    country: str | None = None  # the column ``pays:`` filters on
    phone: bool = False
    opens: Callable[[dict], tuple[str, str] | None] | None = None  # (section, id) if not its own


@lru_cache(maxsize=512)
def country_name(code: str | None) -> str:
    """The French name (cached: pycountry's look-up and gettext cost for every row)."""
    return _country_name(code)


def _lines(text: str | None) -> list[str]:
    return [line for line in (text or "").split("\n") if line]


def _event_opens(row: dict) -> tuple[str, str] | None:
    if row.get("partner"):
        return ("partners", row["partner"])
    if row.get("programme"):
        return ("programmes", row["programme"])
    return None


KINDS: tuple[Kind, ...] = (
    Kind(
        "partners",
        Partner,
        ("name", "local_name", "aliases", "country"),
        lambda r: [r["name"], r["local_name"] or "", *_lines(r["aliases"])],
        lambda r: r["name"],
        lambda r: " · ".join(p for p in (r["local_name"] or "", country_name(r["country"])) if p),
        country="country",
    ),
    Kind(
        "programmes",
        Programme,
        ("title", "start", "end"),
        lambda r: [r["title"]],
        lambda r: r["title"],
        lambda r: "–".join(dict.fromkeys(p[:4] for p in (r["start"] or "", r["end"] or "") if p)),
    ),
    Kind(
        "organisations",
        Organisation,
        ("name", "acronym", "city", "country"),
        lambda r: [r["name"], r["acronym"] or ""],
        lambda r: r["name"],
        lambda r: " · ".join(p for p in (r["acronym"] or "", r["city"] or "") if p),
        country="country",
    ),
    Kind(
        "contacts",
        Contact,
        ("given_name", "family_name", "email", "phone"),
        lambda r: [
            f"{r['given_name']} {r['family_name']}",
            f"{r['family_name']} {r['given_name']}",
            r["email"] or "",
        ],
        lambda r: f"{r['given_name']} {r['family_name']}".strip(),
        lambda r: r["email"] or r["phone"] or "",
        phone=True,
    ),
    Kind(
        "posts",
        DiplomaticPost,
        ("name", "city", "country"),
        lambda r: [r["name"]],
        lambda r: r["name"],
        lambda r: r["city"] or "",
        country="country",
    ),
    Kind(
        "consulates",
        Consulate,
        ("country", "consul_name", "phone", "email"),
        lambda r: [country_name(r["country"]), r["consul_name"] or "", r["email"] or ""],
        lambda r: country_name(r["country"]),
        lambda r: r["consul_name"] or r["phone"] or "",
        country="country",
        phone=True,
    ),
    Kind(
        "delegations",
        Delegation,
        ("title", "start"),
        lambda r: [r["title"]],
        lambda r: r["title"],
        lambda r: format_partial_date_fr(r["start"]),
    ),
    Kind(
        "events",
        Event,
        ("title", "date", "partner", "programme"),
        lambda r: [r["title"]],
        lambda r: r["title"],
        lambda r: format_partial_date_fr(r["date"]),
        opens=_event_opens,
    ),
)
KIND_BY_KEY = {k.key: k for k in KINDS}


@dataclass(frozen=True)
class Hit:
    key: str  # the record type
    id: str
    label: str
    detail: str
    rank: int
    opens: tuple[str, str]  # (section, record id) that shows it
    found_in: str = ""  # found only in a long text: that field's label ("Présentation")
    listed: bool = True  # in its section's list searched so (not a text's or employer's match)


@dataclass(frozen=True)
class Group:
    key: str
    hits: list[Hit]
    total: int  # how many records of the type match in all (up to COUNT_CAP)
    exact: bool = True  # False: at least ``total``
    counted: bool = True  # False: ``total`` counts names starting so, the list finds more
    listable: bool = True  # whether the section's list can show them all (not by phone)
    country_codes: tuple[str, ...] = ()  # ``pays:``: the section's country filter
    search: str = ""  # what the section's search box takes to list them
    listed: int | None = None  # how many that list shows (None: ``total``)

    @property
    def see_all(self) -> int:
        """The N of "tout voir (N)": how many records the section's list, filtered as
        :attr:`search` says, will show, when that is more than the hits here that it
        shows (0: the list has nothing more; the long texts' matches are not in it)."""
        if not self.listable:
            return 0
        listed = self.total if self.listed is None else self.listed
        return listed if listed > sum(h.listed for h in self.hits) else 0


@dataclass(frozen=True)
class Results:
    text: str
    terms: list[str]  # the folded words to highlight
    groups: list[Group] = field(default_factory=list)

    @property
    def first(self) -> Hit | None:
        return next((g.hits[0] for g in self.groups if g.hits), None)


def rank_of(names: Sequence[str], query: str, terms: Sequence[str]) -> int:
    """How well a record's names match: :data:`EXACT` … :data:`IN_TEXT`."""
    folded = [fold(n) for n in names if n]
    if query in folded:
        return EXACT
    if any(n.startswith(query) for n in folded):
        return PREFIX
    words = [set(_NON_WORD.split(n)) for n in folded]
    if any(all(any(w.startswith(t) for w in ws) for t in terms) for ws in words):
        return WORD_START
    if any(all(t in n for t in terms) for n in folded):
        return IN_NAME
    return IN_TEXT


class _Union:
    """Selects of rows of one shape sent to the database together, as ONE ``UNION ALL``
    (a keystroke is then one round trip, however many record types it searches): each row
    is its select's tag, the record's id and sort key, then that select's columns (NULL
    beyond its own, up to the widest)."""

    def __init__(self) -> None:
        self._parts: list[
            tuple[str, type[Record], pw.ModelSelect, tuple[tuple[str, pw.Node], ...]]
        ] = []

    def add(
        self,
        tag: str,
        model: type[Record],
        query: pw.ModelSelect,
        columns: Sequence[tuple[str, pw.Node]],
    ) -> None:
        """``query`` (its conditions, order and limit; its own columns are replaced) reads
        ``columns`` (name, column) of ``model``'s records, found under ``tag``."""
        self._parts.append((tag, model, query, tuple(columns)))

    def run(self) -> dict[str, list[dict]]:
        """tag -> the rows its select found, in its order (nothing sent if none)."""
        if not self._parts:
            return {}
        width = max(len(columns) for *_rest, columns in self._parts)
        sql_parts, params = [], []
        for number, (tag, model, query, columns) in enumerate(self._parts):
            sql, values = query.select(
                pw.Value(tag).alias("tag"),
                model.id,
                model.sort_key,
                *(node.alias(f"c{i}") for i, (_name, node) in enumerate(columns)),
                *(pw.SQL(f"NULL AS c{i}") for i in range(len(columns), width)),
            ).sql()
            sql_parts.append(f"SELECT * FROM ({sql}) AS part_{number}")
            params.extend(values)
        names = {tag: [name for name, _node in columns] for tag, _m, _q, columns in self._parts}
        found: dict[str, list[dict]] = {}
        for tag, record_id, sort_key, *values in database.execute_sql(
            " UNION ALL ".join(sql_parts), params
        ):
            row = {"id": record_id, "sort_key": sort_key}
            row.update(zip(names[tag], values, strict=False))
            found.setdefault(tag, []).append(row)
        return found


def _counts(wanted: dict[str, tuple[str, Sequence[Any]]]) -> dict[str, int]:
    """name -> how many rows its (sql, params) select returns, every count in ONE
    statement of scalar subqueries (nothing sent if none is wanted)."""
    if not wanted:
        return {}
    columns: list[str] = []
    params: list[Any] = []
    for number, (sql, values) in enumerate(wanted.values()):
        columns.append(f"(SELECT count(*) FROM ({sql}) AS counted_{number}) AS n{number}")
        params.extend(values)
    row = database.execute_sql("SELECT " + ", ".join(columns), params).fetchone()
    return {name: int(n) for name, n in zip(wanted, row, strict=True)}


def _count_sql(query: pw.ModelSelect) -> tuple[str, Sequence[Any]]:
    """The select whose rows :func:`_counts` counts for ``query``: up to the lists' cap,
    as a list counts (:data:`.listing.COUNT_CAP`)."""
    sql, params = query.order_by().limit(COUNT_CAP + 1).sql()
    return sql, params


def _select(kind: Kind) -> pw.ModelSelect:
    model = kind.model
    return model.select(model.id, model.sort_key, *(getattr(model, c) for c in kind.columns))


def _shown(kind: Kind) -> list[tuple[str, pw.Node]]:
    return [(c, getattr(kind.model, c)) for c in kind.columns]


def _prefix_range(column: pw.Field, prefix: str) -> pw.Expression:
    """``column`` starts with ``prefix``, as an index range (no LIKE, no scan)."""
    return (column >= prefix) & (column < prefix + "\uffff")


def _ranked(kind: Kind, rows: Sequence[dict], query: str, terms: list[str]) -> list[dict]:
    return sorted(
        rows,
        key=lambda r: (
            r.get("_rank", rank_of(kind.names(r), query, terms)),
            r["sort_key"],
            r["id"],
        ),
    )


def _hit(kind: Kind, row: dict, query: str, terms: list[str]) -> Hit:
    if "_describe" in row:  # a long text's match: its field and words, once shown
        row["_describe"]()
    opens = (kind.opens(row) if kind.opens else None) or (kind.key, row["id"])
    rank = row.get("_rank", rank_of(kind.names(row), query, terms))
    detail = row.get("_detail") or kind.detail(row)
    found_in = row.get("_found_in", "")
    label = kind.label(row)
    return Hit(kind.key, row["id"], label, detail, rank, opens, found_in, listed=not found_in)
