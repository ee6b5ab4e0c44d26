"""Contacts to vCard 4.0 (RFC 6350), one card per person, for address books.

Each card has the person's name (N, FN), the organisation or diplomatic post of their
current position (ORG), its function (TITLE), e-mail, phone and a stable UID (the
contact's id as a URN), so that importing a newer export updates the same cards.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from ..services import contacts

if TYPE_CHECKING:
    import vobject


def contact_card(row: Mapping[str, Any]) -> vobject.base.Component:
    """One vCard from a row of :func:`services.contacts.list_contacts`."""
    import vobject  # imported when cards are written, not at start-up

    card = vobject.vCard()
    card.add("version").value = "4.0"
    family, given = row.get("family_name") or "", row.get("given_name") or ""
    card.add("n").value = vobject.vcard.Name(family=family, given=given)
    card.add("fn").value = f"{given} {family}".strip() or family
    card.add("uid").value = f"urn:uuid:{row['id']}"
    if row.get("organisation"):
        card.add("org").value = [row["organisation"]]
    if row.get("function"):
        card.add("title").value = row["function"]
    if row.get("email"):
        email = card.add("email")
        email.value = row["email"]
        email.type_param = "work"
    if row.get("phone"):
        phone = card.add("tel")
        phone.value = row["phone"]
        phone.type_param = "work"
    return card


def vcards_text(search: str = "", filters: Mapping[str, Any] | None = None) -> tuple[str, int]:
    """The .vcf text of every contact matching ``search`` and ``filters``, and their count."""
    page = contacts.list_contacts(search or "", **{k: v for k, v in (filters or {}).items() if v})
    return "".join(contact_card(row).serialize() for row in page.rows), len(page.rows)
