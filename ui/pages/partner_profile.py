"""What a partner's profile shows beyond its own fields, from the fact sheet's data.

Why apart from the page: these turn :func:`relations_app.services.factsheet_data.factsheet_data`
(the one source of the window's profile and of the PDF fact sheet) into the profile's
rows and list items, in the interface's language; the page only places them.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from html import escape

from PySide6.QtCore import QCoreApplication, QObject

from relations_app import geo
from relations_app.services.factsheet_data import timeline
from relations_app.validation import display_phone

from ..kit import labels
from .editor_texts import badge, past_end
from .page_section import link

Item = tuple[str, str, str]  # (collection, id, text) of a related list


def identity_rows(data: dict, today: date | None = None) -> list[tuple[str, str]]:
    """The fact sheet's identity table: (label, rich text) rows with something to say."""
    office = data.get("office") or {}
    rows: list[tuple[str, str]] = [
        (
            QCoreApplication.translate("profile", "Country"),
            escape(labels.country(data.get("country"))),
        )
    ]
    if data.get("region"):
        rows.append((QCoreApplication.translate("profile", "Region"), escape(data["region"])))
    if data.get("population_note"):
        population = data["population_note"]
    elif data.get("population") is not None:
        population = QCoreApplication.translate("profile", "%1 inhabitants").replace(
            "%1", labels.number(data["population"])
        )
    else:
        population = ""
    if population:
        year = data.get("population_year")
        rows.append(
            (
                QCoreApplication.translate("profile", "Population"),
                escape(f"{population} ({year})" if year else population),
            )
        )
    kind = labels.partner_kind(data.get("kind"))
    rows.append((QCoreApplication.translate("profile", "Link"), escape(kind)))
    agreement = (
        labels.choice("agreement_kind", data.get("agreement_kind"))
        if data.get("agreement_kind")
        else ""
    )
    if agreement or data.get("agreement_year"):
        text = ", ".join(str(x) for x in (agreement, data.get("agreement_year")) if x)
        rows.append(
            (
                QCoreApplication.translate("profile", "Agreement")
                if agreement
                else QCoreApplication.translate("profile", "First signed"),
                escape(text),
            )
        )
    if data.get("relations_since"):
        rows.append(
            (
                QCoreApplication.translate("profile", "Relations since"),
                escape(str(data["relations_since"])),
            )
        )
    if data.get("signing_side"):
        rows.append(
            (
                QCoreApplication.translate("profile", "Signed by"),
                escape(labels.choice("signing_side", data["signing_side"])),
            )
        )
    if data.get("website"):
        href = escape(data["website"], quote=True)
        rows.append(
            (
                QCoreApplication.translate("profile", "Website"),
                f'<a href="{href}">{escape(data["website"])}</a>',
            )
        )
    points = (
        office.get("latitude"),
        office.get("longitude"),
        data.get("latitude"),
        data.get("longitude"),
    )
    if all(x is not None for x in points):
        km = geo.distance_km(*points)  # type: ignore[arg-type]
        shown = round(km) if km < 100 else int(round(km, -1))
        rows.append(
            (
                QCoreApplication.translate("profile", "Distance from %1").replace(
                    "%1", office.get("name", "")
                ),
                escape(
                    QCoreApplication.translate("profile", "%1 km as the crow flies").replace(
                        "%1", labels.number(shown)
                    )
                ),
            )
        )
    if data.get("timezone") and office.get("timezone"):
        today = today or date.today()
        if labels.language() == "fr":
            text = geo.describe_time_difference(data["timezone"], office["timezone"], today)
        else:
            from datetime import datetime, time
            from zoneinfo import ZoneInfo

            noon = datetime.combine(today, time(12), ZoneInfo("UTC"))
            delta = geo.time_difference(data["timezone"], office["timezone"], noon)
            text = (
                geo.format_hours(delta)
                if delta
                else QCoreApplication.translate("profile", "same time")
            )
        rows.append((QCoreApplication.translate("profile", "Time difference"), escape(text)))
    return rows


class PluralTexts(QObject):
    """Phrases with plurals (``tr`` of a QObject: the catalogue's plural forms)."""

    def overdue(self, count: int) -> str:
        return self.tr("%n programme(s) past their end date", "", count)

    def more_people(self, count: int) -> str:
        return self.tr("… and %n more: see all on the post's page", "", count)


def badges(data: dict) -> str:
    """ "Active link" or "inactive", and a warning for programmes past their end date."""
    found = [
        badge(QCoreApplication.translate("profile", "active link"), "active")
        if data.get("active", True)
        else badge(QCoreApplication.translate("profile", "inactive link"), "inactive")
    ]
    overdue = [p for p in data.get("programmes", []) if past_end(p)]
    if overdue:
        found.append(
            badge(
                PluralTexts().overdue(len(overdue)),
                "warning",
            )
        )
    return " ".join(found)


def presentation_rows(data: dict) -> list[tuple[str, str]]:
    rows = []
    if data.get("themes"):
        rows.append(
            (QCoreApplication.translate("profile", "Themes"), escape(", ".join(data["themes"])))
        )
    if data.get("aliases"):
        rows.append(
            (
                QCoreApplication.translate("profile", "Other spellings"),
                escape(", ".join(data["aliases"])),
            )
        )
    return rows


def funding_notes(data: dict) -> str:
    """Under the funding table: each programme's total (when several) and the water share."""
    parts = []
    funded = [p for p in data.get("programmes", []) if p.get("funding")]
    if len(funded) > 1:
        totals = " · ".join(
            f"{link('programmes', p['id'], p['title'])} : {escape(labels.money(p['funding_total_eur']))}"
            for p in funded
        )
        parts.append(
            f"<b>{escape(QCoreApplication.translate('profile', 'By programme:'))}</b> {totals}"
        )
    water = sum(
        (
            Decimal(x["water_amount_eur"])
            for x in data.get("funding", [])
            if x.get("water_amount_eur")
        ),
        Decimal(0),
    )
    if water:
        parts.append(
            escape(
                QCoreApplication.translate(
                    "profile", "Of which “1% water” (Oudin law): %1"
                ).replace("%1", labels.money(water))
            )
        )
    return "<br>".join(parts)


def person_text(person: dict) -> str:
    details = ", ".join(x for x in (person.get("function"), person.get("organisation")) if x)
    return f"{person['name']} — {details}" if details else person["name"]


def contact_items(data: dict) -> list[Item]:
    return [("contacts", p["id"], person_text(p)) for p in data.get("partner_contacts", [])]


def post_items(data: dict) -> list[Item]:
    items: list[Item] = []
    for post in data.get("posts", []):
        items.append(("posts", post["id"], post["name"]))
        for person in post["contacts"]:
            items.append(("contacts", person["id"], "    " + person_text(person)))
        more = post.get("contacts_total", 0) - len(post["contacts"])
        if more > 0:
            items.append(("posts", post["id"], "    " + PluralTexts().more_people(more)))
    return items


def consulate_items(data: dict) -> list[Item]:
    consulate = data.get("consulate")
    if not consulate:
        return []
    items: list[Item] = [
        (
            "consulates",
            consulate["id"],
            QCoreApplication.translate("profile", "Honorary consulate of %1").replace(
                "%1", labels.country(data.get("country"))
            ),
        )
    ]
    for label, value in (
        (QCoreApplication.translate("profile", "Consul"), consulate.get("consul_name")),
        (QCoreApplication.translate("profile", "Address"), consulate.get("address")),
        (QCoreApplication.translate("profile", "Phone"), display_phone(consulate.get("phone"))),
        (QCoreApplication.translate("profile", "E-mail"), consulate.get("email")),
    ):
        if value:
            items.append(("", "", f"    {label} : {value}"))
    return items


def event_items(data: dict) -> list[Item]:
    """The whole timeline, newest first (the sheet's order), each event editable."""
    return [("events", e["id"], f"{labels.date(e['date'])} — {e['title']}") for e in timeline(data)]
