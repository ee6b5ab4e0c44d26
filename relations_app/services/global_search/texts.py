"""The global search's long texts: every record type's texts in the keystroke's statement.

The long texts (a partner's presentation, a programme's description, a delegation's
talking points, a consulate's notes: :mod:`relations_app.db.texts`) are searched through
their own folded ``texts`` column and its index, each type's first matches as selects of
the keystroke's ``UNION ALL`` (:func:`text_matches` runs them alone).  A record found only
there ranks after every name match (:data:`.records.IN_TEXT`) and is shown with the field
it was found in and the words around the match: "Présentation : … coopération portuaire …".
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial

from ...db import backend
from ...db.models import database
from ...db.texts import TEXT_FIELDS
from ...i18n import _
from ...text import fold, match_spans
from ..listing import like_folded
from .records import (
    IN_TEXT,
    INDEXED,
    MIXED_SAMPLE,
    SNIPPET_AFTER,
    SNIPPET_BEFORE,
    TEXT_CANDIDATES,
    TEXT_WORD,
    Kind,
    _Union,
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
    if not indexed or max(len(t) for t in terms) < TEXT_WORD:
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
            row["_describe"] = partial(_found_in_texts, kind, row)
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
    from .. import AREAS  # the areas import this module's neighbours: at first use

    return AREAS[kind.key].key_label(field_name)
