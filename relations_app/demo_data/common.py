"""The demo generator's shared parts: sizes, constants, the row writer and the state
every step reads and fills (ids, names, links), with the random helpers."""

from __future__ import annotations

import functools
import random
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from .. import demo_names as names
from ..db import bulk
from ..db.texts import TEXT_FIELDS, folded_texts
from ..errors import UserError
from ..location import DatabaseLocation
from ..text import fold

#: The bits ``uuid.UUID(version=4)`` sets: its variant (RFC 4122) and its version.
_NOT_VERSION = ~((0xC000 << 48) | (0xF000 << 64))
_VERSION_4 = (0x8000 << 48) | (4 << 76)
HOME = "Brest"
BATCH = 20_000  # records generated, then written, at a time (bounds the memory used)
ADJECTIVES = {
    "de": "allemand",
    "pl": "polonais",
    "es": "espagnol",
    "it": "italien",
    "pt": "portugais",
    "ro": "roumain",
    "en": "britannique",
    "nordic": "nordique",
    "tr": "turc",
    "el": "grec",
    "ru": "russe",
    "hr": "croate",
    "cz": "tchèque",
    "hu": "hongrois",
    "vi": "vietnamien",
    "ja": "japonais",
    "zh": "chinois",
    "ko": "coréen",
    "maghreb": "maghrébin",
    "fr": "africain",
}


#: French mobile numbers that phonenumbers accepts, as its international format writes them.
MOBILE_PREFIXES = tuple(f"6 {a}" for a in range(10, 90) if a != 39) + tuple(
    f"7 {a}" for a in range(50, 90)
)


class DemoDataError(UserError):
    """The demo database cannot be made (file exists, bad sizes); the message is in French."""


@dataclass(frozen=True)
class Sizes:
    partners: int
    programmes: int
    contacts: int
    organisations: int | None = None  # default: two per partner
    events: int | None = None  # default: four per partner
    delegations: int | None = None  # default: one per twenty partners

    def resolved(self) -> Sizes:
        if min(self.partners, self.programmes, self.contacts) < 0:
            raise DemoDataError("les nombres d'enregistrements ne peuvent pas être négatifs.")
        if self.partners == 0 and (self.programmes or self.contacts):
            raise DemoDataError(
                "il faut au moins un partenaire pour des programmes ou des contacts."
            )
        p = self.partners
        return Sizes(
            p,
            self.programmes,
            self.contacts,
            2 * p if self.organisations is None else self.organisations,
            4 * p if self.events is None else self.events,
            max(1, p // 20) if self.delegations is None and p else (self.delegations or 0),
        )


@dataclass
class Summary:
    location: DatabaseLocation
    counts: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0


Progress = Callable[[str], None]


class _Writer:
    """Rows as plain tuples (:func:`bulk.insert_tuples`), counted per table; a record type
    whose long texts are searched gets its ``texts`` column from them here, as the
    services fold it (:func:`.db.texts.folded_texts`)."""

    def __init__(self, counts: dict[str, int]) -> None:
        self.counts = counts

    def insert(self, model, columns: Sequence[str], rows: Iterable[tuple]) -> None:
        name = model._meta.table_name
        if name in TEXT_FIELDS and "texts" not in columns:
            at = {c: i for i, c in enumerate(columns)}
            fields = [f for f in TEXT_FIELDS[name] if f in at]
            rows = [(*row, folded_texts(name, {f: row[at[f]] for f in fields})) for row in rows]
            columns = (*columns, "texts")
        count = bulk.insert_tuples(model, columns, rows)
        self.counts[name] = self.counts.get(name, 0) + count


_DEFAULTS: dict[int, dict[str, Any]] = {}


def _defaults(area) -> dict[str, Any]:
    """A cleaned record of ``area`` with every field at its default, to be copied and
    filled in (``{**_defaults(area), …}``; made once per area, not for each of a million
    records)."""
    found = _DEFAULTS.get(id(area))
    if found is None:
        found = _DEFAULTS[id(area)] = {
            f.name: ("" if f.kind in ("text", "longtext") and f.default is None else f.default)
            for f in area.fields
        }
    return found


@functools.lru_cache(maxsize=100_000)  # the same given and family names, over and over
def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-") or "x"


PARTNER_COLUMNS = (
    "id",
    "version",
    "search",
    "sort_key",
    "name",
    "local_name",
    "aliases",
    "country",
    "region",
    "kind",
    "signing_side",
    "agreement_kind",
    "agreement_year",
    "relations_since",
    "population",
    "population_year",
    "population_note",
    "website",
    "latitude",
    "longitude",
    "timezone",
    "summary",
    "history",
    "active",
    "notes",
)
PROGRAMME_COLUMNS = (
    "id",
    "version",
    "search",
    "sort_key",
    "title",
    "kind",
    "status",
    "start",
    "end",
    "convention_year",
    "theme",
    "sub_theme",
    "sub_sub_theme",
    "form",
    "context",
    "history",
    "objectives",
    "description",
    "owners",
    "beneficiaries",
    "triennial",
    "evaluation_done",
    "communication_france",
    "communication_partner",
    "volunteers",
    "notes",
)


class _Base:
    """What every step shares: the random generator, the sizes, the writer and the records
    made so far (their ids, names and links, by index)."""

    def __init__(
        self, rng: random.Random, sizes: Sizes, writer: _Writer, progress: Progress | None
    ):
        self.rng = rng
        self.sizes = sizes
        self.w = writer
        self.say = progress or (lambda _text: None)
        self.partner_ids: list[str] = []
        self.partner_names: list[str] = []
        self.partner_styles: list[str] = []
        self.partner_countries: list[str] = []
        self.partner_contacts: list[list[int]] = []  # contact indexes per partner
        self.partner_programmes: list[list[int]] = []
        self.org_ids: list[str] = []
        self.org_names: list[str] = []
        self.org_by_partner: list[list[int]] = []
        self.post_by_country: dict[str, str] = {}
        self.contact_ids: list[str] = []
        self.contact_labels: list[tuple[str, str]] = []  # (name, current function)
        self.programme_ids: list[str] = []
        self.programme_titles: list[str] = []
        self.used_names: set[str] = set()
        self.emails: dict[str, int] = {}

    def uid(self) -> str:
        """``str(uuid.UUID(int=bits, version=4))`` without the object (a million of them)."""
        bits = self.rng.getrandbits(128) & _NOT_VERSION | _VERSION_4
        h = f"{bits:032x}"
        return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"

    def text(self, n_min: int, n_max: int, **values: Any) -> str:
        count = self.rng.randint(n_min, n_max)
        if count == 0:
            return ""
        values = {
            "home": HOME,
            "partner": "la ville partenaire",
            "population": "120 000",
            "year": 1990,
            **values,
        }
        return " ".join(self.rng.choice(names.SENTENCES).format(**values) for _ in range(count))

    def partial_date(self, year: int) -> str:
        r = self.rng.random()
        if r < 0.4:
            return str(year)
        if r < 0.75:
            return f"{year}-{self.rng.randint(1, 12):02d}"
        return f"{year}-{self.rng.randint(1, 12):02d}-{self.rng.randint(1, 28):02d}"
