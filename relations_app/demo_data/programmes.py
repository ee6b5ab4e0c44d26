"""The demo generator's programmes with their funding, links and key figures."""

from __future__ import annotations

from .. import demo_names as names
from ..db.models import (
    Funding,
    Programme,
    ProgrammeContact,
    ProgrammeOrganisation,
    ProgrammePartner,
)
from ..services import (
    programmes,
)
from ..text import fold
from .common import (
    ADJECTIVES,
    BATCH,
    HOME,
    PROGRAMME_COLUMNS,
    _Base,
    _defaults,
)


class _Programmes(_Base):
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
