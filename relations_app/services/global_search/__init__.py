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

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

import peewee as pw

from ...countries import all_countries
from ...db import backend
from ...db.models import Contact, Organisation, Position
from ...text import fold, search_terms
from .names import _NameSearch
from .records import (
    CANDIDATES,
    COUNT_CAP,
    EMPLOYERS,
    EXACT,
    IN_NAME,
    IN_TEXT,
    INDEXED,
    KIND_BY_KEY,
    KINDS,
    MIXED_SAMPLE,
    PHONE_HITS,
    PREFIX,
    SNIPPET_AFTER,
    SNIPPET_BEFORE,
    TEXT_CANDIDATES,
    WORD_START,
    Group,
    Hit,
    Kind,
    Results,
    _count_sql,
    _counts,
    _hit,
    _prefix_range,
    _select,
    _shown,
    _Union,
    country_name,
    rank_of,
)
from .texts import _text_parts, _text_rows, text_matches

__all__ = [
    "CANDIDATES",
    "EMPLOYERS",
    "EXACT",
    "INDEXED",
    "IN_NAME",
    "IN_TEXT",
    "KINDS",
    "KIND_BY_KEY",
    "MIXED_SAMPLE",
    "PHONE_HITS",
    "PREFIX",
    "SCOPES",
    "SNIPPET_AFTER",
    "SNIPPET_BEFORE",
    "TEXT_CANDIDATES",
    "WORD_START",
    "Group",
    "Hit",
    "Kind",
    "Results",
    "country_name",
    "parse",
    "phone_prefix",
    "rank_of",
    "search_everything",
    "text_matches",
]

_PHONE = re.compile(r"^\+?[\d\s.\-()/]+$")

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
