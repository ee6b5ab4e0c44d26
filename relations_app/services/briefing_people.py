"""The people side of a delegation briefing: short biographies and the contact sheet.

Why apart from :mod:`.briefing_data`: a delegation travels with two lists built from the
same records (the members, the people met, the French posts on the spot): who they are
(function, since when, previous contacts with the office's city, a photo) and how to reach
them (phones above all).  The contact sheet always has its lines, even empty ones said to
be completed, since it is the page a traveller looks for when something goes wrong.
Read-only.
"""

from __future__ import annotations

from typing import Any

from ..photos import decode_photo
from ..text import format_partial_date_fr
from ..travel_info import travel_info
from ..validation import display_phone
from . import contacts
from .factsheet_data import person

#: Printed where a number the traveller needs is not recorded.
TO_COMPLETE = "à compléter avant le départ"


def _since(record: dict) -> str:
    current = contacts.current_position(record.get("positions") or [])
    return format_partial_date_fr(current.get("start")) if current and current.get("start") else ""


def biographies(members: list[dict]) -> list[dict]:
    """One entry per member linked to a contact, the people met first: name, function,
    organisation, ``since`` (start of the current function), ``biography``,
    ``previous_contacts`` and ``photo`` (image bytes, or None)."""
    result = []
    ordered = [m for m in members if m["side"] == "partner"] + [
        m for m in members if m["side"] != "partner"
    ]
    for member in ordered:
        if not member.get("contact_id"):
            continue
        record = contacts.get_contact(member["contact_id"])
        found = person(member["contact_id"])
        result.append(
            {
                "name": member.get("name") or found["name"],
                "function": member.get("function") or found["function"],
                "organisation": member.get("organisation") or found["organisation"],
                "side": member["side"],
                "since": _since(record),
                "biography": record.get("biography") or "",
                "previous_contacts": record.get("previous_contacts") or "",
                "photo": decode_photo(record.get("photo")),
            }
        )
    return result


def _line(name: str, detail: str, phone: str | None, email: str | None = None) -> dict:
    return {
        "name": name,
        "detail": detail,
        # international format throughout: the sheet is read abroad
        "phone": display_phone(phone, home_region="ZZ") if phone else "",
        "email": email or "",
    }


def contact_sheet(record: dict, members: dict, partners: list[dict], office: dict) -> list[dict]:
    """The contact sheet's groups, each ``{"title", "lines"}``; a line is ``name``,
    ``detail``, ``phone`` and ``email`` (empty when unknown).  The office's duty line and
    the hotel always have a line, "à compléter" when not recorded."""
    groups: list[dict[str, Any]] = []
    home = office["name"]
    for side, title in (("home", f"Délégation de {home}"), ("partner", "Personnes rencontrées")):
        lines = [
            _line(
                m["name"] or m["function"],
                ", ".join(x for x in (m["function"] if m["name"] else "", m["organisation"]) if x),
                m.get("phone"),
                m.get("email"),
            )
            for m in members[side]
        ]
        if lines:
            groups.append({"title": title, "lines": lines})
    duty = record.get("duty_phone") or ""
    hotel = (record.get("hotel") or "").strip()
    hotel_name, _, hotel_address = hotel.partition("\n")
    groups.append(
        {
            "title": "Permanence et hébergement",
            "lines": [
                _line(f"Permanence — {home}, Relations internationales", "", duty)
                | ({} if duty else {"phone": TO_COMPLETE}),
                _line(
                    hotel_name or "Hôtel",
                    hotel_address.replace("\n", ", "),
                    record.get("hotel_phone"),
                )
                | ({} if record.get("hotel_phone") else {"phone": TO_COMPLETE}),
            ],
        }
    )
    posts: list[dict] = []
    for partner in partners:
        for post in partner.get("posts") or []:
            if any(p["name"] == post["name"] for p in posts):
                continue
            posts.append(post)
    french: list[dict] = []
    for post in posts:
        french.append(
            _line(post["name"], (post.get("address") or "").replace("\n", ", "), post.get("phone"))
            | ({} if post.get("phone") else {"phone": TO_COMPLETE})
        )
        french += [
            _line(f"{p['name']}", p["function"], p.get("phone"), p.get("email"))
            for p in post.get("contacts") or []
        ]
    if not french:
        french.append(
            _line(
                "Ambassade ou consulat de France",
                "aucun poste enregistré pour ce pays",
                None,
            )
            | {"phone": TO_COMPLETE}
        )
    groups.append({"title": "Représentation française sur place", "lines": french})
    emergency = []
    for country in dict.fromkeys(p["country"] for p in partners):
        info = travel_info(country)
        name = next(p["country_name"] for p in partners if p["country"] == country)
        if info and info.emergency:
            emergency.append(
                _line(f"Urgences — {name}", "à vérifier avant le départ", None)
                | {"phone": info.emergency}
            )
    if emergency:
        groups.append({"title": "Numéros d'urgence", "lines": emergency})
    return groups
