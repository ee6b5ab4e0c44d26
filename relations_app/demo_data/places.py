"""The demo generator's office, partners, organisations, diplomatic posts and consulates."""

from __future__ import annotations

import re

from anyascii import anyascii

from .. import demo_names as names
from ..countries import country_name
from ..db.models import (
    Consulate,
    DiplomaticPost,
    Organisation,
    Partner,
    PartnerOrganisation,
    PartnerTheme,
    Theme,
)
from ..services import (
    consulates,
    office,
    organisations,
    partners,
    posts,
)
from ..text import fold
from .common import (
    HOME,
    PARTNER_COLUMNS,
    _Base,
    _defaults,
    _slug,
)


class _Places(_Base):
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
