"""The office's identity as every document prints it: who issues it, how to reach them.

Why one place: the fact sheets and the briefing name their issuer in the band, the PDF's
author and the footer; all read the office record (Préférences › Documents, kept in the
database so every PC prints the same) through these functions.  With nothing recorded
they print what they always did: "Brest · Relations internationales".
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..services import history_read
from ..services import office as office_service
from ..text import format_partial_date_fr
from ..validation import display_phone

DEFAULT_SERVICE = "Relations internationales"


def issuer(office: Mapping[str, Any]) -> str:
    """ "Brest métropole · Direction des relations internationales", or the default."""
    organisation = office.get("organisation") or office.get("name") or ""
    return " · ".join(x for x in (organisation, office.get("service") or DEFAULT_SERVICE) if x)


def author(office: Mapping[str, Any]) -> str:
    """The PDF's author: the organisation and its service."""
    return issuer(office).replace(" · ", " — ", 1)


def address(office: Mapping[str, Any]) -> str:
    """The office's address on one line."""
    lines = (office.get("address") or "").splitlines()
    return ", ".join(line.strip() for line in lines if line.strip())


def contact(office: Mapping[str, Any]) -> str:
    """Phone, e-mail and website: how a reader reaches the office."""
    phone = display_phone(office.get("phone") or None) if office.get("phone") else ""
    return " · ".join(x for x in (phone, office.get("email") or "", office.get("website")) if x)


def footer(office: Mapping[str, Any], printed: str, *extra: str) -> str:
    """The footer's two lines: the issuer and its address; its contact and the printing.

    ``printed`` says what and when ("fiche éditée le 1er mars 2027"); ``extra`` adds to
    the second line (a confidentiality mention).
    """
    first = " · ".join(x for x in (issuer(office), address(office)) if x)
    return first + "\n" + " · ".join(x for x in (contact(office), printed, *extra) if x)


def printed_on(what: str, today_iso: str) -> str:
    """ "fiche éditée le 1er mars 2027"."""
    return f"{what} le {format_partial_date_fr(today_iso)}"


def data_of(collection: str, record_id: str) -> str:
    """ "données du 3 décembre 2026": when the record was last changed (or created), from
    its history; empty when the history says nothing (a database from before it)."""
    stamp = history_read.stamp(collection, record_id)
    when = stamp.changed_at or stamp.created_at
    if when is None:
        return ""
    return f"données du {format_partial_date_fr(when.astimezone().date().isoformat())}"


def logo(office: Mapping[str, Any]) -> bytes | None:
    """The office's logo (PNG bytes), or None."""
    return office_service.logo_bytes(office)
