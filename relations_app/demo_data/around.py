"""The demo generator's events and delegations around the partners."""

from __future__ import annotations

from .. import demo_names as names
from ..db.models import (
    AgendaItem,
    Delegation,
    DelegationMember,
    DelegationPartner,
    Event,
    KeyFigure,
)
from ..services import (
    delegations,
    events,
)
from ..text import fold
from .common import (
    HOME,
    _Base,
    _defaults,
)


class _Around(_Base):
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
