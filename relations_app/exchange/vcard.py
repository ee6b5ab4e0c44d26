"""Contacts to vCard 4.0 (RFC 6350), one card per person, for address books.

Each card has the person's name (N, FN), the organisation or diplomatic post of their
current position (ORG), its function (TITLE), e-mail, phone and a stable UID (the
contact's id as a URN), so that importing a newer export updates the same cards.

The cards are written here rather than by vobject, whose serializer escapes ``;`` in
every value: RFC 6350 (§3.3, ``text`` and ``component``) allows ``\\;`` only inside the
components of a structured value (N, ORG); in a text value such as FN or TITLE a
semicolon is written as it is, and a strict reader keeps a backslash it does not expect.
Lines are folded at 75 octets without cutting a UTF-8 character (§3.2).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from ..services import contacts

LINE_OCTETS = 75


def text_value(value: str) -> str:
    """A text value (FN, TITLE, EMAIL, TEL): backslash, comma and newline escaped."""
    return (
        value.replace("\\", "\\\\")
        .replace(",", "\\,")
        .replace("\r\n", "\n")
        .replace("\r", "\n")
        .replace("\n", "\\n")
    )


def component(value: str) -> str:
    """One component of a structured value (N, ORG): a semicolon is escaped too."""
    return text_value(value).replace(";", "\\;")


def fold(line: str) -> str:
    """``line`` cut into lines of at most 75 octets, each continuation starting with a space."""
    parts: list[str] = []
    current, size, limit = "", 0, LINE_OCTETS
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            parts.append(current)
            current, size, limit = "", 0, LINE_OCTETS - 1  # the leading space counts
        current += char
        size += width
    parts.append(current)
    return "\r\n ".join(parts) + "\r\n"


def card_lines(row: Mapping[str, Any]) -> Iterable[str]:
    """The unfolded content lines of one card, from a row of ``list_contacts``."""
    family, given = row.get("family_name") or "", row.get("given_name") or ""
    yield "BEGIN:VCARD"
    yield "VERSION:4.0"
    yield f"UID:urn:uuid:{row['id']}"
    yield f"N:{component(family)};{component(given)};;;"
    yield "FN:" + text_value(f"{given} {family}".strip() or family)
    if row.get("organisation"):
        yield "ORG:" + component(row["organisation"])
    if row.get("function"):
        yield "TITLE:" + text_value(row["function"])
    if row.get("email"):
        yield "EMAIL;TYPE=work:" + text_value(row["email"])
    if row.get("phone"):
        yield "TEL;TYPE=work:" + text_value(row["phone"])
    yield "END:VCARD"


def contact_card(row: Mapping[str, Any]) -> str:
    """One vCard, folded, CRLF line ends."""
    return "".join(fold(line) for line in card_lines(row))


def vcards_text(search: str = "", filters: Mapping[str, Any] | None = None) -> tuple[str, int]:
    """The .vcf text of every contact matching ``search`` and ``filters``, and their count."""
    page = contacts.list_contacts(search or "", **{k: v for k, v in (filters or {}).items() if v})
    return "".join(contact_card(row) for row in page.rows), len(page.rows)
