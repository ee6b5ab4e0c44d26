"""One search over every record type, for the window's search box (Zotero's, Thunderbird's).

A user types a name, a title, an e-mail, a phone number or a word of a text without first
choosing the section it lives in.  Each record type is searched with the lists' own
search (:func:`.listing.apply_search`: the folded ``search`` column through its
full-text index, so "lodz" finds Łódź and "tout voir" opens a list that finds the same
rows), plus the names' own sort index for names that *start* with what was typed, plus a
phone index when what was typed looks like a number.  A keystroke costs at most two
statements, whatever the number of record types (issue 13 §5: each is a round trip on a
server): every type's selects in one ``UNION ALL`` (:class:`_Union`), then, when a type
has more matches than were read, every count for "tout voir (N)" in one statement of
scalar subqueries (:func:`_counts`).  At most :data:`CANDIDATES` candidates are read per
type, ranked here (exact name, then name prefix, then a word of the name, then inside the
name, then the other texts), and counted up to the lists' cap.

The long texts (a partner's presentation, a programme's description, a delegation's
talking points, a consulate's notes: :mod:`relations_app.db.texts`) are searched through
their own folded ``texts`` column and its index, each type's first matches as more selects
of the same ``UNION ALL`` (:func:`text_matches` runs them alone).  A record found only
there ranks after every name match (:data:`IN_TEXT`) and is shown with the field it was
found in and the words around the match: "Présentation : … coopération portuaire …".

``contact: martin``, ``programme: ocean``, ``pays: canada`` keep the search to one record
type (or, for a country, to the records of the countries whose name matches).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any

import peewee as pw

from ..countries import all_countries
from ..countries import country_name as _country_name
from ..db import backend
from ..db.models import (
    Consulate,
    Contact,
    Delegation,
    DiplomaticPost,
    Event,
    Organisation,
    Partner,
    Position,
    Programme,
    Record,
    database,
)
from ..db.texts import TEXT_FIELDS
from ..i18n import _
from ..text import fold, format_partial_date_fr, match_spans, search_terms
from .listing import COUNT_CAP, apply_search, like_folded

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
#: Characters of a text shown before and after the match (the results are a narrow list:
#: the match must show before the line is cut).
SNIPPET_BEFORE, SNIPPET_AFTER = 20, 40

#: The ranks, best first.
EXACT, PREFIX, WORD_START, IN_NAME, IN_TEXT = range(5)

_NON_WORD = re.compile(r"[^a-z0-9@.]+")
_PHONE = re.compile(r"^\+?[\d\s.\-()/]+$")


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

#: What may come before ":" to keep the search to one record type (folded, singular and
#: plural, French and English).
SCOPES: dict[str, str] = {
    **dict.fromkeys(("partenaire", "partenaires", "partner", "partners", "ville"), "partners"),
    **dict.fromkeys(("programme", "programmes", "projet", "projets", "program"), "programmes"),
    **dict.fromkeys(("organisation", "organisations", "organization", "orga"), "organisations"),
    **dict.fromkeys(("contact", "contacts", "personne", "personnes"), "contacts"),
    **dict.fromkeys(("poste", "postes", "post", "posts", "ambassade"), "posts"),
    **dict.fromkeys(("consulat", "consulats", "consulate", "consulates"), "consulates"),
    **dict.fromkeys(("delegation", "delegations"), "delegations"),
    **dict.fromkeys(("evenement", "evenements", "event", "events"), "events"),
    **dict.fromkeys(("pays", "country"), "country"),
}


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


def parse(text: str) -> tuple[str | None, str]:
    """``"contact: martin"`` → ("contacts", "martin"); no known prefix → (None, text)."""
    head, colon, rest = text.partition(":")
    if colon:
        scope = SCOPES.get(fold(head))
        if scope:
            return scope, rest.strip()
    return None, text.strip()


def phone_prefix(text: str) -> str | None:
    """What a stored (international) number starts with when ``text`` is typed as a phone
    number: "02 98 00", "0298 00" and "+33 2 98 00" all give "+33 2 98 00"."""
    if not _PHONE.match(text):
        return None
    digits = re.sub(r"\D", "", text)
    if len(digits) < 4:
        return None
    if text.lstrip().startswith("+"):
        typed = "+" + digits
    elif digits.startswith("00"):
        typed = "+" + digits[2:]
    elif digits.startswith("0"):
        typed = "+33" + digits[1:]
    else:
        return None
    import phonenumbers  # with the first number typed, not at start

    formatter = phonenumbers.AsYouTypeFormatter("FR")
    shown = ""
    for digit in typed:
        shown = formatter.input_digit(digit)
    return shown.strip()


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


def _phone_parts(kind: Kind, prefix: str, union: _Union) -> None:
    """Numbers are not in the search text: read from the phone index, every match shown
    (a typed number rarely matches more than a handful), up to :data:`PHONE_HITS`."""
    column = kind.model.phone
    union.add(
        f"phone:{kind.key}",
        kind.model,
        _select(kind).where(_prefix_range(column, prefix)).limit(PHONE_HITS),
        _shown(kind),
    )


def _phone_group(kind: Kind, found: dict[str, list[dict]]) -> Group | None:
    rows = found.get(f"phone:{kind.key}", [])
    if not rows:
        return None
    hits = [_hit(kind, {**r, "_rank": EXACT}, "", []) for r in rows]
    return Group(kind.key, hits, len(hits), listable=False)


@dataclass
class _NameSearch:
    """One record type's name search, in three steps that each add to the keystroke's
    shared statements: :meth:`add_parts` (its selects, in the keystroke's UNION ALL),
    :meth:`counts_wanted` (once their rows are read: the counts "tout voir" needs, in the
    keystroke's one count statement) and :meth:`group`."""

    kind: Kind
    text: str
    terms: list[str]
    per_type: int
    query: str = ""
    mode: str = ""  # "short", "indexed", "mixed" or "like"
    indexed: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.query = fold(self.text)
        if all(len(t) < INDEXED for t in self.terms):
            self.mode = "short"
            return
        self.indexed = backend.current().indexed_terms(self.kind.model, self.terms)
        if self.indexed == self.terms:
            self.mode = "indexed"
        elif self.indexed:
            self.mode = "mixed"
        else:
            self.mode = "like"

    @property
    def _tag(self) -> str:
        return self.kind.key

    def _prefix(self) -> pw.Expression:
        return _prefix_range(self.kind.model.sort_key, self.query)

    def _matching(self) -> pw.ModelSelect:
        """The candidates' select (all the matches for "like")."""
        kind, model, engine = self.kind, self.kind.model, backend.current()
        if self.mode == "indexed":
            # Every word answered by the index: a glance at its first matches, and a count
            # that stops at the cap, both without gathering every match first.
            return _select(kind).where(engine.full_text_sample(model, self.terms, CANDIDATES))
        if self.mode == "mixed":
            # "jean du": the long words from a sample of the index, the short ones by LIKE
            # within it; counting them all would read every "jean": "at least" then.
            within = _select(kind).where(engine.full_text_sample(model, self.indexed, MIXED_SAMPLE))
            for term in self.terms:
                if term not in self.indexed:
                    within = within.where(like_folded(model.search, term))
            return within
        return apply_search(_select(kind), model, self.text)  # no index: LIKE

    def add_parts(self, union: _Union) -> None:
        kind, model = self.kind, self.kind.model
        # Names that start with what was typed, from the sort index: whatever the full-text
        # index returns first (a common name matches thousands of records), these come first.
        prefix = _select(kind).where(self._prefix()).order_by(model.sort_key).limit(self.per_type)
        union.add(f"prefix:{self._tag}", model, prefix, _shown(kind))
        if self.mode != "short":
            # One or two letters: no full-text index can answer, and LIKE would read every
            # row of a large table for a rare pair: names that start with them only (nor
            # are the long texts searched).
            union.add(f"names:{self._tag}", model, self._matching().limit(CANDIDATES), _shown(kind))

    def counts_wanted(self, found: dict[str, list[dict]]) -> dict[str, tuple[str, Sequence[Any]]]:
        model, engine = self.kind.model, backend.current()
        prefix = found.get(f"prefix:{self._tag}", [])
        candidates = found.get(f"names:{self._tag}", [])
        if self.mode == "short":
            if len(prefix) < self.per_type:
                return {}
            return {self._tag: _count_sql(model.select(pw.SQL("1")).where(self._prefix()))}
        if self.mode == "indexed":
            if len(candidates) < CANDIDATES:
                return {}
            return {self._tag: engine.full_text_count_sql(model, self.terms, COUNT_CAP + 1)}
        if self.mode == "mixed":
            if len(candidates) >= CANDIDATES:
                return {}  # "at least" whatever the count
            return {self._tag: engine.full_text_count_sql(model, self.indexed, MIXED_SAMPLE)}
        if len(candidates) < CANDIDATES:
            return {}
        return {self._tag: _count_sql(self._matching())}

    def group(
        self, found: dict[str, list[dict]], counts: dict[str, int], in_texts: Sequence[dict] = ()
    ) -> Group | None:
        kind, query, terms, per_type = self.kind, self.query, self.terms, self.per_type
        rows = {row["id"]: row for row in found.get(f"prefix:{self._tag}", [])}
        if self.mode == "short":
            if not rows:
                return None
            total = counts.get(self._tag, len(rows))
            hits = [
                _hit(kind, r, query, terms)
                for r in _ranked(kind, list(rows.values()), query, terms)
            ]
            return Group(kind.key, hits, min(total, COUNT_CAP), total <= COUNT_CAP, counted=False)
        candidates = found.get(f"names:{self._tag}", [])
        total = len(candidates)
        exact = True
        if self.mode == "mixed":
            exact = total < CANDIDATES and counts[self._tag] < MIXED_SAMPLE
        else:
            total = counts.get(self._tag, total)
        for row in candidates:
            rows.setdefault(row["id"], row)
        named = bool(rows)
        for row in in_texts:  # the name's match, if any, is the better one
            have = rows.get(row["id"])
            if have is not None and rank_of(kind.names(have), query, terms) < IN_TEXT:
                continue
            if rank_of(kind.names(row), query, terms) < IN_TEXT:  # a name beyond the candidates
                row = {k: v for k, v in row.items() if not k.startswith("_")}
            rows[row["id"]] = row
        if not rows:
            return None
        exact = exact and total <= COUNT_CAP
        ranked = _ranked(kind, list(rows.values()), query, terms)[:per_type]
        hits = [_hit(kind, r, query, terms) for r in ranked]
        # records found only in their texts are not in "tout voir": the list searches names
        return Group(
            kind.key,
            hits,
            min(max(total, len(hits)), COUNT_CAP),
            exact,
            listable=named,
            listed=min(total, COUNT_CAP),
        )


def _text_columns(kind: Kind) -> tuple[str, ...]:
    """What :func:`text_matches` reads of a record of ``kind``: its shown columns, then
    its long texts."""
    return (*kind.columns, *TEXT_FIELDS[kind.model._meta.table_name])


def _text_parts(kinds: Sequence[Kind], terms: list[str], union: _Union) -> list[Kind]:
    """Each of ``kinds``' first :data:`TEXT_CANDIDATES` records whose long texts hold every
    term, as selects of ``union`` (tagged ``texts:KEY``): each type's match from its
    ``texts`` index (:meth:`Backend.texts_sample`; words under three letters by LIKE
    within a sample).  The kinds searched so."""
    engine = backend.current()
    indexed = [t for t in terms if len(t) >= INDEXED]
    if not indexed:
        return []
    tables = engine.texts_indexed_tables(database.obj)
    chosen = [
        k
        for k in kinds
        if k.model._meta.table_name in TEXT_FIELDS and k.model._meta.table_name in tables
    ]
    for kind in chosen:
        model = kind.model
        sample = TEXT_CANDIDATES if indexed == terms else MIXED_SAMPLE
        query = model.select().where(engine.texts_sample(model, indexed, sample))
        for term in terms:
            if term not in indexed:
                query = query.where(like_folded(model.texts, term))
        columns = [(c, getattr(model, c)) for c in _text_columns(kind)]
        union.add(f"texts:{kind.key}", model, query.limit(TEXT_CANDIDATES), columns)
    return chosen


def _text_rows(
    chosen: Sequence[Kind], terms: list[str], found: dict[str, list[dict]]
) -> dict[str, list[dict]]:
    """The texts' rows of ``found`` by record type, each with ``_rank`` :data:`IN_TEXT`
    (and the field and words around the match once shown: :func:`_found_in_texts`)."""
    matches: dict[str, list[dict]] = {}
    for kind in chosen:
        for row in found.get(f"texts:{kind.key}", []):
            row["_rank"] = IN_TEXT
            row["_texts_terms"] = terms  # the excerpt is cut for the hits shown only
            matches.setdefault(kind.key, []).append(row)
    return matches


def _found_in_texts(kind: Kind, row: dict) -> dict:
    """``row`` with, in ``_found_in`` and ``_detail``, the field its words were found in
    and the words around them."""
    if "_texts_terms" in row and "_detail" not in row:
        field_name, excerpt = _excerpt(kind, row, row["_texts_terms"])
        label = _field_label(kind, field_name)
        row["_found_in"] = label
        row["_detail"] = _("{field} : {words}").format(field=label, words=excerpt)
    return row


def text_matches(kinds: Sequence[Kind], terms: list[str]) -> dict[str, list[dict]]:
    """The first :data:`TEXT_CANDIDATES` records of each of ``kinds`` whose long texts hold
    every term, by record type, in ONE statement (:func:`_text_parts`).  Each row carries
    ``_rank`` :data:`IN_TEXT` and, in ``_detail``, the field the words were found in and
    the words around them."""
    union = _Union()
    chosen = _text_parts(kinds, terms, union)
    matches = _text_rows(chosen, terms, union.run())
    by_key = {k.key: k for k in chosen}
    for key, rows in matches.items():
        for row in rows:
            _found_in_texts(by_key[key], row)
    return matches


def _excerpt(kind: Kind, row: dict, terms: list[str]) -> tuple[str, str]:
    """The long text that holds the most of ``terms`` (the first such in the record's
    order) and the words around the first match in it of its longest term: "… la
    coopération portuaire …"."""
    fields = TEXT_FIELDS[kind.model._meta.table_name]
    best = max(fields, key=lambda f: sum(t in fold(row.get(f) or "") for t in terms))
    text = row.get(best) or ""
    longest = max((t for t in terms if t in fold(text)), key=len, default="")
    spans = match_spans(text, [longest]) if longest else []
    if not spans:
        return best, ""
    start, end = spans[0]
    left, right = max(0, start - SNIPPET_BEFORE), min(len(text), end + SNIPPET_AFTER)
    if left > 0:  # whole words only
        space = text.find(" ", left, start)
        left = space + 1 if space >= 0 else left
    if right < len(text):
        space = text.rfind(" ", end, right)
        right = space if space >= 0 else right
    words = " ".join(text[left:right].split())
    return best, ("… " if left > 0 else "") + words + (" …" if right < len(text) else "")


def _field_label(kind: Kind, field_name: str) -> str:
    from . import AREAS  # the areas import this module's neighbours: at first use

    return AREAS[kind.key].key_label(field_name)


def _employee_parts(terms: list[str], per_type: int, union: _Union) -> bool:
    """The people whose current function is at an organisation matching ``terms`` ("tmq",
    "technopole maritime"), as a select of ``union``: the organisations from their index,
    then their current staff (False: a word too short for the index, the names answer
    alone)."""
    engine = backend.current()
    if engine.indexed_terms(Organisation, terms) != terms:
        return False
    employers = (
        Organisation.select(Organisation.id)
        .where(engine.full_text_sample(Organisation, terms, EMPLOYERS))
        .limit(EMPLOYERS)
    )
    kind = KIND_BY_KEY["contacts"]
    staff = (
        Contact.select()
        .join(Position, on=Position.contact == Contact.id)
        .join(Organisation, on=Position.organisation == Organisation.id)
        .where(
            Position.organisation.in_(employers) & (Position.end.is_null() | (Position.end == ""))
        )
        .order_by(Contact.sort_key, Contact.id)
        .limit(per_type * 3)
    )
    union.add(
        "employees", Contact, staff, [*_shown(kind), ("organisation_name", Organisation.name)]
    )
    return True


def _contacts_at_organisations(found: dict[str, list[dict]], per_type: int) -> list[Hit]:
    """The people :func:`_employee_parts` found, ranked after every name match
    (:data:`IN_TEXT`), the organisation shown."""
    kind = KIND_BY_KEY["contacts"]
    hits: dict[str, Hit] = {}
    for row in sorted(found.get("employees", []), key=lambda r: (r["sort_key"], r["id"])):
        if row["id"] not in hits:
            detail = " · ".join(p for p in (row["organisation_name"], row["email"] or "") if p)
            opens = (kind.key, row["id"])
            hits[row["id"]] = Hit(
                kind.key, row["id"], kind.label(row), detail, IN_TEXT, opens, listed=False
            )
    return list(hits.values())[:per_type]


def _with_employees(groups: list[Group], extra: list[Hit], per_type: int) -> list[Group]:
    """``groups`` with the contacts group completed by the people of the matching
    organisations (not counted in "tout voir": the contacts list searches names)."""
    if not extra:
        return groups
    for index, group in enumerate(groups):
        if group.key == "contacts":
            known = {h.id for h in group.hits}
            employed = {h.id: h for h in extra}
            # where they work says more than a line of their notes
            kept = [employed.get(h.id, h) if h.found_in else h for h in group.hits]
            hits = [*kept, *(h for h in extra if h.id not in known)][:per_type]
            groups[index] = replace(group, hits=hits, total=max(group.total, len(hits)))
            return groups
    return [*groups, Group("contacts", extra, len(extra), listable=False)]


def _hit(kind: Kind, row: dict, query: str, terms: list[str]) -> Hit:
    row = _found_in_texts(kind, row)
    opens = (kind.opens(row) if kind.opens else None) or (kind.key, row["id"])
    rank = row.get("_rank", rank_of(kind.names(row), query, terms))
    detail = row.get("_detail") or kind.detail(row)
    found_in = row.get("_found_in", "")
    label = kind.label(row)
    return Hit(kind.key, row["id"], label, detail, rank, opens, found_in, listed=not found_in)


def _countries_matching(text: str) -> tuple[str, ...]:
    terms = search_terms(text)
    if not terms:
        return ()
    codes = []
    for language in ("fr", "en"):
        for code, name in all_countries(language):
            folded = fold(name)
            if all(t in folded for t in terms) or fold(code) == fold(text):
                codes.append(code)
    return tuple(dict.fromkeys(codes))


def _search_country(text: str, per_type: int) -> list[Group]:
    """The records of the countries whose name matches: every type's first ``per_type``
    in one statement, their counts in one more."""
    codes = _countries_matching(text)
    if not codes:
        return []
    kinds = [k for k in KINDS if k.country]

    def in_countries(kind: Kind) -> pw.Expression:
        return getattr(kind.model, kind.country or "country").in_(codes)

    union = _Union()
    for kind in kinds:
        matching = kind.model.select().where(in_countries(kind))
        union.add(
            f"country:{kind.key}",
            kind.model,
            matching.order_by(kind.model.sort_key).limit(per_type),
            _shown(kind),
        )
    found = union.run()
    counts = _counts(
        {
            k.key: _count_sql(k.model.select(pw.SQL("1")).where(in_countries(k)))
            for k in kinds
            if len(found.get(f"country:{k.key}", [])) >= per_type
        }
    )
    groups = []
    for kind in kinds:
        rows = found.get(f"country:{kind.key}", [])
        if not rows:
            continue
        total = counts.get(kind.key, len(rows))
        hits = [_hit(kind, r, "", []) for r in rows]
        groups.append(
            Group(kind.key, hits, min(total, COUNT_CAP), total <= COUNT_CAP, country_codes=codes)
        )
    return groups


def search_everything(text: str, per_type: int = 5) -> Results:
    """Every record type searched for ``text``: the groups with at least one match, in the
    order of their best match (then of :data:`KINDS`), each with its best ``per_type``.

    At most two statements: every select of the keystroke (each type's names starting so,
    its full-text candidates, its long texts' matches, the staff of matching
    organisations) as one ``UNION ALL``, then, when a type has more matches than were
    read, the counts of "tout voir (N)" in one statement of scalar subqueries."""
    scope, rest = parse(text)
    terms = search_terms(rest)
    if not terms:
        return Results(text, [])
    if scope == "country":
        groups = _search_country(rest, per_type)
        return Results(text, [], groups)
    kinds = [KIND_BY_KEY[scope]] if scope else KINDS
    phone = phone_prefix(rest)
    union = _Union()
    if phone:  # a number: only where numbers are kept
        phoned = [k for k in kinds if k.phone]
        for kind in phoned:
            _phone_parts(kind, phone, union)
        found = union.run()
        groups = [g for k in phoned if (g := _phone_group(k, found))]
    else:
        searches = [_NameSearch(k, rest, terms, per_type) for k in kinds]
        for search in searches:
            search.add_parts(union)
        chosen = _text_parts(kinds, terms, union)
        employees = scope in (None, "contacts") and _employee_parts(terms, per_type, union)
        found = union.run()
        in_texts = _text_rows(chosen, terms, found)
        wanted: dict[str, tuple[str, Sequence[Any]]] = {}
        for search in searches:
            wanted.update(search.counts_wanted(found))
        counts = _counts(wanted)
        groups = [
            g for s in searches if (g := s.group(found, counts, in_texts.get(s.kind.key, ())))
        ]
        if employees:
            groups = _with_employees(groups, _contacts_at_organisations(found, per_type), per_type)
    groups = [replace(g, search=rest) if g.listable and not g.country_codes else g for g in groups]
    order = {k.key: i for i, k in enumerate(KINDS)}
    groups.sort(key=lambda g: (g.hits[0].rank, order[g.key]))
    return Results(text, terms, groups)
