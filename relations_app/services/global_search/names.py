"""The global search's name search: each record type's names, titles and e-mails.

Each record type is searched with the lists' own search (:func:`.listing.apply_search`:
the folded ``search`` column through its full-text index, so "lodz" finds Łódź and "tout
voir" opens a list that finds the same rows), plus the names' own sort index for names
that *start* with what was typed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import peewee as pw

from ...db import backend
from ...text import fold
from ..listing import COUNT_CAP, apply_search, like_folded
from .records import (
    CANDIDATES,
    IN_TEXT,
    INDEXED,
    MIXED_SAMPLE,
    Group,
    Kind,
    _count_sql,
    _hit,
    _prefix_range,
    _ranked,
    _select,
    _shown,
    _Union,
    rank_of,
)


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
