"""The demo generator's contacts with their positions and links to partners."""

from __future__ import annotations

from .. import demo_names as names
from ..db.models import (
    Contact,
    PartnerContact,
    Position,
)
from ..services import (
    contacts,
)
from ..text import fold
from .common import (
    BATCH,
    MOBILE_PREFIXES,
    _Base,
    _defaults,
    _slug,
)


class _People(_Base):
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
