"""A realistic synthetic database, as large as asked: for the benchmark and for trying the
application on the records of a region or a national network of towns.

``relations-app demo-data --partners 10000 --programmes 50000 --contacts 250000 --seed 1
--db FILE.db`` fills a new file in well under a minute.  Why it does not go through the
services: validating and writing a quarter-million records one by one takes many
minutes.  Rows are built directly and written with ``executemany`` in one transaction;
what the services derive is derived by the same code: every ``search`` and ``sort_key``
comes from the areas' own ``search_text`` and ``sort_text`` (and :func:`text.fold`), and
the search indexes are filled by the database's triggers as for any other write.  Values
are generated in the normalised form the validation would give them, so that the file
passes ``check`` and its JSON export imports back.

The same seed gives the same database (ids included): ``random.Random(seed)`` drives every
choice, and nothing depends on today's date.
"""

from __future__ import annotations

import random
import re
import time
import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from anyascii import anyascii

from . import bootstrap
from . import demo_names as names
from .countries import country_name
from .db import bulk
from .db.models import (
    AgendaItem,
    Consulate,
    Contact,
    Delegation,
    DelegationMember,
    DelegationPartner,
    DiplomaticPost,
    Event,
    Funding,
    KeyFigure,
    Organisation,
    Partner,
    PartnerContact,
    PartnerOrganisation,
    PartnerTheme,
    Position,
    Programme,
    ProgrammeContact,
    ProgrammeOrganisation,
    ProgrammePartner,
    Theme,
    database,
)
from .errors import UserError
from .location import DatabaseLocation
from .services import (
    consulates,
    contacts,
    delegations,
    events,
    office,
    organisations,
    partners,
    posts,
    programmes,
)
from .text import fold, seconds_fr

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


def generate(
    location: DatabaseLocation,
    sizes: Sizes,
    *,
    seed: int = 1,
    force: bool = False,
    progress: Progress | None = None,
) -> Summary:
    """Make the demo database at ``location``; refuses an existing one without ``force``
    (with it, the old file is first copied beside it, as ``init --force`` does)."""
    started = time.perf_counter()
    sizes = sizes.resolved()
    engine = location.backend()
    if not engine.is_empty(location) and not force:
        raise DemoDataError(
            f"le fichier {location} existe déjà et n'est pas vide ; ajoutez --force "
            "pour le remplacer (une copie en sera gardée)."
        )
    if engine.is_empty(location):
        engine.delete(location)
        db, _created = bootstrap.open_app_database(location, seed=False)
    else:
        bootstrap.replace_database(location, seed=False)
        db = database.obj
    summary = Summary(location)
    with engine.bulk_load(db), database.atomic(), engine.search_indexes_filled_after(db):
        _Generator(random.Random(seed), sizes, _Writer(summary.counts), progress).run()
    engine.analyze(db)
    summary.seconds = time.perf_counter() - started
    return summary


class _Writer:
    """Rows as plain tuples (:func:`bulk.insert_tuples`), counted per table."""

    def __init__(self, counts: dict[str, int]) -> None:
        self.counts = counts

    def insert(self, model, columns: Sequence[str], rows: Iterable[tuple]) -> None:
        count = bulk.insert_tuples(model, columns, rows)
        name = model._meta.table_name
        self.counts[name] = self.counts.get(name, 0) + count


def _defaults(area) -> dict[str, Any]:
    """A cleaned record of ``area`` with every field at its default (then filled in)."""
    return {
        f.name: ("" if f.kind in ("text", "longtext") and f.default is None else f.default)
        for f in area.fields
    }


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


class _Generator:
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
        return str(uuid.UUID(int=self.rng.getrandbits(128), version=4))

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

    def run(self) -> None:
        steps = [
            (self.office, "bureau"),
            (self.partners, "partenaires"),
            (self.organisations, "organisations"),
            (self.posts_and_consulates, "postes, consulats"),
            (self.contacts, "contacts"),
            (self.programmes, "programmes"),
            (self.key_figures, "chiffres clés"),
            (self.events, "événements"),
            (self.delegations, "délégations"),
        ]
        for step, label in steps:
            started = time.perf_counter()
            step()
            self.say(f"{label} : {seconds_fr(time.perf_counter() - started)}")

    # -- office and partners --------------------------------------------------------------

    def office(self) -> None:
        office.write_office(office.validate_office({**office.DEFAULT, "id": self.uid()}))
        self.w.insert(Theme, ("id", "name"), [(i + 1, t) for i, t in enumerate(names.THEMES)])

    def place_name(self, style: str) -> tuple[str, str | None]:
        """(French name, local name or None) for a new place in ``style``."""
        rng = self.rng
        for _attempt in range(4):
            reals = names.REAL_PLACES.get(style, ())
            if rng.random() < 0.05 and reals:
                local = rng.choice(reals)
            else:
                onsets, vowels, endings, suffixes = names.SYLLABLES[style]
                parts = [
                    rng.choice(onsets) + rng.choice(vowels) + rng.choice(endings)
                    for _ in range(rng.randint(1, 2))
                ]
                if style == "vi":  # one word per syllable: "Đàng Hảnh"
                    local = " ".join(parts) + rng.choice(suffixes)
                else:
                    local = parts[0] + "".join(x.lower() for x in parts[1:]) + rng.choice(suffixes)
                local = local[:1].upper() + local[1:]
            pair: tuple[str, str | None]
            if style in names.NON_LATIN:
                name = anyascii(local)
                name = name.capitalize() if style in ("ja", "zh", "ko") else name
                pair = (name, local)
            else:
                pair = (local, None)
            if pair[0] not in self.used_names:
                break
        self.used_names.add(pair[0])
        return pair

    def partners(self) -> None:
        rng, n = self.rng, self.sizes.partners
        weights = [c[5] for c in names.COUNTRIES]
        countries = rng.choices(names.COUNTRIES, weights=weights, k=n)
        rows, themes = [], []
        for _index, (code, lat, lon, tz, style, _w) in enumerate(countries):
            name, local = self.place_name(style)
            aliases = []
            if rng.random() < 0.12:
                plain = anyascii(local or name)
                aliases.append(plain if plain != name else f"{name}-sur-Mer")
            region = f"Province de {self.place_name(style)[0]}" if rng.random() < 0.7 else None
            year = rng.randint(1950, 2024)
            population = rng.choice((2_000, 15_000, 80_000, 250_000, 1_200_000)) + rng.randint(
                0, 9_999
            )
            record = {
                **_defaults(partners.AREA),
                "name": name,
                "local_name": local,
                "aliases": aliases,
                "region": region,
                "country": code,
            }
            pid = self.uid()
            values = {
                "partner": name,
                "population": f"{population:,}".replace(",", " "),
                "year": year,
            }
            rows.append(
                (
                    pid,
                    1,
                    partners.AREA.search_text(record),
                    fold(partners.AREA.sort_text(record))[:200],
                    name,
                    local or "",
                    "\n".join(aliases),
                    code,
                    region or "",
                    rng.choices(partners.KINDS, weights=(3, 4, 3))[0],
                    rng.choice(partners.SIGNING_SIDES),
                    rng.choice(partners.AGREEMENT_KINDS),
                    year,
                    year - rng.randint(1, 20) if rng.random() < 0.3 else None,
                    population,
                    rng.randint(2010, 2023),
                    "plus de 8 millions" if rng.random() < 0.01 else "",
                    f"https://www.{_slug(name)}.example" if rng.random() < 0.6 else None,
                    round(max(-89.0, min(89.0, lat + rng.gauss(0, 2.5))), 4),
                    round(((lon + rng.gauss(0, 3.5) + 180) % 360) - 180, 4),
                    tz,
                    self.text(2, 4, **values),
                    self.text(2, 6, **values),
                    rng.random() < 0.9,
                    self.text(0, 1, **values) if rng.random() < 0.2 else "",
                )
            )
            for position, theme in enumerate(
                rng.sample(range(len(names.THEMES)), rng.randint(0, 3))
            ):
                themes.append((pid, theme + 1, position))
            self.partner_ids.append(pid)
            self.partner_names.append(name)
            self.partner_styles.append(style)
            self.partner_countries.append(code)
            self.partner_contacts.append([])
            self.partner_programmes.append([])
            self.org_by_partner.append([])
        self.w.insert(Partner, PARTNER_COLUMNS, rows)
        self.w.insert(PartnerTheme, ("partner", "theme", "position"), themes)

    def organisations(self) -> None:
        rng, rows, links = self.rng, [], []
        for _ in range(self.sizes.organisations or 0):  # resolved: never None here
            local = rng.random() < 0.15 or not self.partner_ids
            p = None if local else rng.randrange(len(self.partner_ids))
            city = HOME if p is None else self.partner_names[p]
            pattern, kind, acronym = rng.choice(names.ORGANISATION_PATTERNS)
            name = pattern.format(city=city)
            short = (
                acronym.replace("{C}", re.sub(r"[^a-z]", "", fold(city))[:3].upper())
                if acronym
                else ""
            )
            country = "FR" if p is None else self.partner_countries[p]
            record = {
                **_defaults(organisations.AREA),
                "name": name,
                "acronym": short,
                "city": city,
                "country": country,
            }
            oid = self.uid()
            rows.append(
                (
                    oid,
                    1,
                    organisations.AREA.search_text(record),
                    fold(organisations.AREA.sort_text(record))[:200],
                    name,
                    short,
                    kind,
                    country,
                    city,
                    f"https://{_slug(name)[:40]}.example.org" if rng.random() < 0.4 else None,
                    self.text(0, 2, partner=city),
                )
            )
            if p is not None:
                links.append((p, oid))
                self.org_by_partner[p].append(len(self.org_ids))
            self.org_ids.append(oid)
            self.org_names.append(name)
        self.w.insert(
            Organisation,
            (
                "id",
                "version",
                "search",
                "sort_key",
                "name",
                "acronym",
                "kind",
                "country",
                "city",
                "website",
                "description",
            ),
            rows,
        )
        self.w.insert(
            PartnerOrganisation,
            ("partner", "organisation"),
            [(self.partner_ids[p], oid) for p, oid in sorted(set(links))],
        )

    def posts_and_consulates(self) -> None:
        rng, post_rows, consulate_rows = self.rng, [], []
        used = sorted(set(self.partner_countries))
        for code in used:
            name = f"Ambassade de France — {country_name(code)}"
            record = {**_defaults(posts.AREA), "name": name, "city": "", "country": code}
            post_id = self.uid()
            self.post_by_country[code] = post_id
            post_rows.append(
                (
                    post_id,
                    1,
                    posts.AREA.search_text(record),
                    fold(posts.AREA.sort_text(record))[:200],
                    name,
                    code,
                    "",
                    f"{rng.randint(1, 120)} avenue de France",
                    None,
                )
            )
        for code in used[: max(1, len(used) * 2 // 3)] if used else []:
            phone = f"+33 2 98 {rng.randint(10, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)}"
            consul = f"{rng.choice(names.GIVEN_NAMES)} {rng.choice(names.FAMILY_NAMES)}"
            record = {
                **_defaults(consulates.AREA),
                "country": code,
                "address": f"{rng.randint(1, 80)} {rng.choice(names.STREETS)}, 29200 Brest",
                "consul_name": consul,
            }
            consulate_rows.append(
                (
                    self.uid(),
                    1,
                    consulates.AREA.search_text(record),
                    fold(consulates.AREA.sort_text(record))[:200],
                    code,
                    record["address"],
                    phone,
                    f"consulat.{code.lower()}@example.org",
                    consul,
                    "",
                )
            )
        self.w.insert(
            DiplomaticPost,
            (
                "id",
                "version",
                "search",
                "sort_key",
                "name",
                "country",
                "city",
                "address",
                "website",
            ),
            post_rows,
        )
        self.w.insert(
            Consulate,
            (
                "id",
                "version",
                "search",
                "sort_key",
                "country",
                "address",
                "phone",
                "email",
                "consul_name",
                "notes",
            ),
            consulate_rows,
        )

    # -- people -----------------------------------------------------------------------------

    def email(self, given: str, family: str) -> str:
        base = f"{_slug(given)}.{_slug(family)}"[:40]
        domain = self.rng.choice(names.DOMAINS)
        key = f"{base}@{domain}"
        count = self.emails.get(key, 0) + 1
        self.emails[key] = count
        return key if count == 1 else f"{base}{count}@{domain}"

    def contacts(self) -> None:
        for start in range(0, self.sizes.contacts, BATCH):
            self.contact_batch(min(BATCH, self.sizes.contacts - start))

    def contact_batch(self, count: int) -> None:
        rng = self.rng
        rows, positions, links = [], [], []
        for _ in range(count):
            family = rng.choice(names.FAMILY_NAMES)
            if rng.random() < 0.08:
                family = f"{family}-{rng.choice(names.FAMILY_NAMES)}"
            given = rng.choice(names.GIVEN_NAMES)
            email = self.email(given, family) if rng.random() < 0.7 else None
            phone = (
                (
                    f"+33 {rng.choice(MOBILE_PREFIXES)} {rng.randint(10, 99)} "
                    f"{rng.randint(10, 99)} {rng.randint(10, 99)}"
                )
                if rng.random() < 0.5
                else None
            )
            p = rng.randrange(len(self.partner_ids))
            cid = self.uid()
            index = len(self.contact_ids)
            held, year = [], rng.randint(1995, 2018)
            for n in range(rng.choices((1, 2, 3), weights=(55, 30, 15))[0]):
                end = year + rng.randint(1, 6)
                last = n == 2 or rng.random() < 0.5
                current = last and rng.random() < 0.85
                org = None
                post = None
                if rng.random() < 0.004:  # a few dozen cooperation people per embassy
                    post = self.post_by_country.get(self.partner_countries[p])
                elif self.org_ids:
                    choices = self.org_by_partner[p]
                    org = self.org_ids[
                        rng.choice(choices)
                        if choices and rng.random() < 0.8
                        else rng.randrange(len(self.org_ids))
                    ]
                held.append(
                    (
                        rng.choice(names.FUNCTIONS),
                        org,
                        post,
                        str(year),
                        None if current else str(end),
                    )
                )
                year = end
                if last:
                    break
            record = {
                **_defaults(contacts.AREA),
                "family_name": family,
                "given_name": given,
                "email": email,
                "positions": [{"function": h[0]} for h in held],
            }
            rows.append(
                (
                    cid,
                    1,
                    contacts.AREA.search_text(record),
                    fold(contacts.AREA.sort_text(record))[:200],
                    family,
                    given,
                    email,
                    phone,
                    self.text(1, 1, partner=self.partner_names[p]) if rng.random() < 0.1 else "",
                )
            )
            for position, (function, org, post, begin, until) in enumerate(held):
                positions.append((cid, function, org, post, begin, until, position))
            linked = [p] if rng.random() < 0.92 else []
            if linked and rng.random() < 0.05:
                linked.append(rng.randrange(len(self.partner_ids)))
            for q in dict.fromkeys(linked):
                links.append((self.partner_ids[q], cid))
                self.partner_contacts[q].append(index)
            function_now = next((h[0] for h in reversed(held) if h[4] is None), "")
            self.contact_ids.append(cid)
            self.contact_labels.append((f"{given} {family}", function_now))
        self.w.insert(
            Contact,
            (
                "id",
                "version",
                "search",
                "sort_key",
                "family_name",
                "given_name",
                "email",
                "phone",
                "notes",
            ),
            rows,
        )
        self.w.insert(
            Position,
            ("contact", "function", "organisation", "post", "start", "end", "position"),
            positions,
        )
        self.w.insert(PartnerContact, ("partner", "contact"), links)

    # -- programmes ------------------------------------------------------------------------

    def programmes(self) -> None:
        for start in range(0, self.sizes.programmes, BATCH):
            self.programme_batch(min(BATCH, self.sizes.programmes - start))

    def programme_batch(self, count: int) -> None:
        rng = self.rng
        rows, partner_links, org_links, contact_links, funding = [], [], [], [], []
        taxonomy = [
            (t, s, leaf)
            for t, subs in names.TAXONOMY.items()
            for s, leaves in subs.items()
            for leaf in leaves
        ]
        for _ in range(count):
            linked = [
                rng.randrange(len(self.partner_ids))
                for _ in range(rng.choices((1, 2, 3), (80, 15, 5))[0])
            ]
            linked = list(dict.fromkeys(linked))
            first = linked[0]
            title = rng.choice(names.PROGRAMME_TITLES).format(
                home=HOME,
                partner=self.partner_names[first],
                adjective=ADJECTIVES.get(self.partner_styles[first], "international"),
            )
            if rng.random() < 0.3:
                title += f" {rng.randint(1995, 2026)}"
            begin = rng.randint(1995, 2026)
            start = self.partial_date(begin) if rng.random() < 0.9 else None
            end = (
                self.partial_date(begin + rng.randint(1, 5))
                if start and rng.random() < 0.7
                else None
            )
            theme = rng.choice(taxonomy) if rng.random() < 0.7 else ("", "", "")
            record = {
                **_defaults(programmes.AREA),
                "title": title,
                "theme": theme[0],
                "sub_theme": theme[1],
                "sub_sub_theme": theme[2],
            }
            pid = self.uid()
            values = {"partner": self.partner_names[first], "year": begin}
            booleans = [rng.choice((None, True, False)) for _ in range(4)]
            rows.append(
                (
                    pid,
                    1,
                    programmes.AREA.search_text(record),
                    fold(programmes.AREA.sort_text(record))[:200],
                    title,
                    rng.choice(programmes.KINDS),
                    rng.choices(("planned", "ongoing", "finished", None), (10, 35, 45, 10))[0],
                    start,
                    end,
                    begin if rng.random() < 0.3 else None,
                    *theme,
                    "Projet de coopération décentralisée" if rng.random() < 0.3 else "",
                    self.text(0, 2, **values),
                    self.text(0, 2, **values),
                    self.text(0, 2, **values),
                    self.text(1, 5, **values),
                    "Ville de Brest" if rng.random() < 0.5 else "",
                    self.text(0, 1, **values),
                    *booleans,
                    "",
                    self.text(0, 1, **values),
                )
            )
            index = len(self.programme_ids)
            for position, p in enumerate(linked):
                partner_links.append((pid, self.partner_ids[p], position))
                self.partner_programmes[p].append(index)
            seen = set()
            for position in range(rng.choice((0, 1, 1, 2, 3))):
                if not self.org_ids:
                    break
                org = self.org_ids[rng.randrange(len(self.org_ids))]
                role = rng.choice(programmes.ORGANISATION_ROLES)
                if (org, role) not in seen:
                    seen.add((org, role))
                    org_links.append((pid, org, role, position))
            people = self.partner_contacts[first]
            for position, c in enumerate(
                dict.fromkeys(rng.choice(people) for _ in range(rng.choice((0, 1, 2))) if people)
            ):
                contact_links.append(
                    (pid, self.contact_ids[c], None, self.contact_labels[c][1], position)
                )
            years = [begin + k for k in range(rng.randint(1, 3))]
            for position in range(rng.choices((0, 1, 2, 3, 4, 5), (20, 20, 25, 15, 12, 8))[0]):
                cents = (
                    rng.choice((500, 1_000, 2_500, 5_000, 12_000, 40_000, 150_000)) * 100
                    + rng.randint(0, 99) * 100
                )
                water = cents // 10 if rng.random() < 0.1 else None
                funding.append(
                    (pid, rng.choice(names.FUNDERS), cents, water, rng.choice(years), position)
                )
            self.programme_ids.append(pid)
            self.programme_titles.append(title)
        self.w.insert(Programme, PROGRAMME_COLUMNS, rows)
        self.w.insert(ProgrammePartner, ("programme", "partner", "position"), partner_links)
        self.w.insert(
            ProgrammeOrganisation, ("programme", "organisation", "role", "position"), org_links
        )
        self.w.insert(
            ProgrammeContact,
            ("programme", "contact", "organisation", "function", "position"),
            contact_links,
        )
        self.w.insert(
            Funding, ("programme", "funder", "amount", "water_amount", "year", "position"), funding
        )

    # -- around the partners -----------------------------------------------------------------

    def key_figures(self) -> None:
        rng, rows = self.rng, []
        for p, pid in enumerate(self.partner_ids):
            for position in range(rng.choice((0, 0, 1, 2))):
                own = self.partner_programmes[p]
                programme = (
                    self.programme_ids[rng.choice(own)] if own and rng.random() < 0.3 else None
                )
                rows.append(
                    (
                        pid,
                        programme,
                        rng.choice(names.KEY_FIGURE_LABELS),
                        str(rng.choice((12, 40, 100, 350, 1200))),
                        rng.randint(2010, 2024),
                        position,
                    )
                )
        self.w.insert(
            KeyFigure, ("partner", "programme", "label", "value", "year", "position"), rows
        )

    def events(self) -> None:
        rng, rows = self.rng, []
        for _ in range((self.sizes.events or 0) if self.partner_ids else 0):
            p = rng.randrange(len(self.partner_ids))
            own = self.partner_programmes[p]
            programme = rng.choice(own) if own and rng.random() < 0.25 else None
            pattern, kind = rng.choice(names.EVENT_TITLES)
            title = pattern.format(
                home=HOME,
                partner=self.partner_names[p],
                programme=self.programme_titles[programme] if programme is not None else "Océans",
            )
            description = self.text(0, 2, partner=self.partner_names[p])
            record = {**_defaults(events.AREA), "title": title, "description": description}
            rows.append(
                (
                    self.uid(),
                    1,
                    events.AREA.search_text(record),
                    fold(events.AREA.sort_text(record))[:200],
                    self.partial_date(rng.randint(1990, 2026)),
                    title,
                    description,
                    kind,
                    self.partner_ids[p],
                    self.programme_ids[programme] if programme is not None else None,
                )
            )
        self.w.insert(
            Event,
            (
                "id",
                "version",
                "search",
                "sort_key",
                "date",
                "title",
                "description",
                "kind",
                "partner",
                "programme",
            ),
            rows,
        )

    def delegations(self) -> None:
        rng = self.rng
        rows: list[tuple] = []
        partner_links: list[tuple] = []
        members: list[tuple] = []
        agenda: list[tuple] = []
        for _ in range((self.sizes.delegations or 0) if self.partner_ids else 0):
            p = rng.randrange(len(self.partner_ids))
            outgoing = rng.random() < 0.5
            name = self.partner_names[p]
            title = f"Mission à {name}" if outgoing else f"Accueil d'une délégation de {name}"
            year, month, day = rng.randint(2015, 2027), rng.randint(1, 12), rng.randint(1, 24)
            people: list[tuple[str | None, str, str, str, str, int]] = []
            for position in range(rng.randint(2, 5)):
                linked = self.partner_contacts[p]
                if linked and rng.random() < 0.5:
                    c = rng.choice(linked)
                    label, function = self.contact_labels[c]
                    people.append((self.contact_ids[c], label, function, "", "partner", position))
                else:
                    label = f"{rng.choice(names.GIVEN_NAMES)} {rng.choice(names.FAMILY_NAMES)}"
                    people.append(
                        (
                            None,
                            label,
                            rng.choice(names.FUNCTIONS),
                            "Ville de Brest",
                            "home",
                            position,
                        )
                    )
            record = {
                **_defaults(delegations.AREA),
                "title": title,
                "members": [{"name": m[1]} for m in people],
            }
            did = self.uid()
            rows.append(
                (
                    did,
                    1,
                    delegations.AREA.search_text(record),
                    fold(delegations.AREA.sort_text(record))[:200],
                    title,
                    "outgoing" if outgoing else "incoming",
                    rng.choice(delegations.STATUSES),
                    f"{year}-{month:02d}-{day:02d}",
                    f"{year}-{month:02d}-{day + rng.randint(0, 4):02d}",
                    self.text(1, 3, partner=name),
                    self.text(0, 2, partner=name),
                    self.text(0, 2, partner=name),
                )
            )
            partner_links.append((did, self.partner_ids[p], 0))
            members.extend((did, *m) for m in people)
            tz = (
                next(c[3] for c in names.COUNTRIES if c[0] == self.partner_countries[p])
                if outgoing
                else "Europe/Paris"
            )
            for position in range(rng.randint(1, 5)):
                hour = rng.randint(8, 17)
                agenda.append(
                    (
                        did,
                        f"{year}-{month:02d}-{day:02d}",
                        f"{hour:02d}:00",
                        f"{hour + 1:02d}:30",
                        tz,
                        f"Hôtel de ville de {name if outgoing else HOME}",
                        rng.choice(
                            (
                                "Réunion de travail",
                                "Visite du port",
                                "Déjeuner officiel",
                                "Conférence de presse",
                                "Visite de l'université",
                            )
                        ),
                        "",
                        position,
                        f"{did}-{position}",  # the calendar UID, stored with the item
                    )
                )
        self.w.insert(
            Delegation,
            (
                "id",
                "version",
                "search",
                "sort_key",
                "title",
                "direction",
                "status",
                "start",
                "end",
                "objectives",
                "logistics",
                "talking_points",
            ),
            rows,
        )
        self.w.insert(DelegationPartner, ("delegation", "partner", "position"), partner_links)
        self.w.insert(
            DelegationMember,
            ("delegation", "contact", "name", "function", "organisation", "side", "position"),
            members,
        )
        self.w.insert(
            AgendaItem,
            (
                "delegation",
                "date",
                "start_time",
                "end_time",
                "timezone",
                "place",
                "subject",
                "people",
                "position",
                "uid",
            ),
            agenda,
        )
