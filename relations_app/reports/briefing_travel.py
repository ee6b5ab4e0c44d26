"""The chapters that let a delegation travel on its briefing: the one-page summary, a brief
per meeting, short biographies, protocol notes, logistics with a sketch of the venues, the
contact sheet and the document control.

Why apart from :mod:`.briefing_story`: that module orders the whole document; this one
lays out what the office records for the trip itself (delegation texts, agenda briefs,
contacts' biographies and photos).  Every chapter with nothing recorded is left out, except
the contact sheet, which always prints with what is known and "à compléter" elsewhere.
"""

from __future__ import annotations

import io
from datetime import date

from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.platypus import Flowable, Image, KeepTogether, Spacer, Table

from ..text import format_partial_date_fr
from . import styles
from .story_base import StoryBase
from .venue_map import VenueMap

LABEL_WIDTH = 110
PHOTO_WIDTH = 24 * mm
VENUE_MAP_HEIGHT = 170
SHEET_WIDTHS = (0.26, 0.27, 0.2, 0.27)


class TravelChapters(StoryBase):
    """Chapter bodies (lists of flowables, empty when nothing is recorded)."""

    data: dict
    today: date

    def rows_table(self, rows: list[tuple[str, str]]) -> list[Flowable]:
        """Label / value lines, the empty ones left out."""
        kept = [(label, value) for label, value in rows if value]
        if not kept:
            return []
        return [
            Table(
                [[self.p(label, "Label"), self.cell(value, "Value")] for label, value in kept],
                colWidths=[LABEL_WIDTH, self.width - LABEL_WIDTH],
                style=styles.identity_table_style(),
            ),
            Spacer(1, 4),
        ]

    def sub(self, title: str, body: list[Flowable]) -> list[Flowable]:
        return [self.p(title, "SubHeading"), *body] if body else []

    # -- the one-page summary --------------------------------------------------------------

    def summary(self) -> list[Flowable]:
        """Stakes, what we want from the visit, sensitive points: one page to read first."""
        d = self.data
        body = [
            *self.sub("Enjeux", self.texts(d.get("stakes"))),
            *self.sub("Ce que nous attendons de la visite", self.bullets(d.get("objectives"))),
            *self.sub("Points sensibles", self.bullets(d.get("sensitive_points"))),
        ]
        return body

    # -- meetings ----------------------------------------------------------------------------

    def meeting_briefs(self) -> list[Flowable]:
        """For each meeting: aim, who attends on each side, background, expected outcome,
        where (with the address)."""
        home = self.data["office"]["name"]
        body: list[Flowable] = []
        labels = {day["date"]: day["label"] for day in self.data.get("agenda_days") or []}
        for item in self.data.get("meetings") or []:
            when = " · ".join(x for x in (labels.get(item["date"], ""), item.get("time")) if x)
            where = ", ".join(
                x for x in (item.get("place"), (item.get("address") or "").replace("\n", ", ")) if x
            )
            rows = self.rows_table(
                [
                    ("Quand", when),
                    ("Où", where),
                    ("But", item.get("aim") or ""),
                    ("Participants (partenaire)", item.get("people") or ""),
                    (f"Participants ({home})", item.get("home_people") or ""),
                    ("Contexte", item.get("background") or ""),
                    ("Résultat attendu", item.get("outcome") or ""),
                ]
            )
            body.append(KeepTogether([self.p(item["subject"], "SubHeading"), *rows]))
        return body

    # -- people ------------------------------------------------------------------------------

    def photo(self, data: bytes) -> Image:
        reader = ImageReader(io.BytesIO(data))
        width, height = reader.getSize()
        return Image(io.BytesIO(data), PHOTO_WIDTH, PHOTO_WIDTH * height / max(width, 1))

    def biographies(self) -> list[Flowable]:
        """The people met, then the members: function, since when, previous contacts."""
        home = self.data["office"]["name"]
        body: list[Flowable] = []
        for person in self.data.get("biographies") or []:
            facts = ", ".join(x for x in (person["function"], person["organisation"]) if x)
            text = [self.p(person["name"], "SmallBold"), self.p(facts, "Small")]
            if person["since"]:
                text.append(self.p(f"En fonction depuis {person['since']}", "Muted"))
            text += self.texts(person["biography"], "Small")
            if person["previous_contacts"]:
                text.append(
                    self.p(
                        f"Contacts antérieurs avec {home} : {person['previous_contacts']}", "Small"
                    )
                )
            if person["photo"]:
                cells = [[self.photo(person["photo"]), text]]
                widths = [PHOTO_WIDTH + 8, self.width - PHOTO_WIDTH - 8]
            else:
                cells, widths = [[text]], [self.width]
            table = Table(
                cells,
                colWidths=widths,
                style=styles.table_style(
                    [
                        ("VALIGN", (0, 0), (-1, -1), "TOP"),
                        ("LEFTPADDING", (0, 0), (-1, -1), 0),
                        ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
                        ("LINEBELOW", (0, 0), (-1, -1), 0.4, styles.RULE),
                    ]
                ),
            )
            body.append(table)
        return body

    # -- protocol, logistics -----------------------------------------------------------------

    def protocol(self) -> list[Flowable]:
        return self.bullets(self.data.get("protocol"))

    def logistics(self) -> list[Flowable]:
        """Travel, hotel, transfers, the venues with their addresses and a sketch of them."""
        d = self.data
        hotel = self.texts(d.get("hotel"), "Text")
        if hotel and d.get("hotel_phone_text"):
            hotel.append(self.p(f"Téléphone : {d['hotel_phone_text']}", "Text"))
        body = [
            *self.sub("Trajets", self.bullets(d.get("travel"))),
            *self.sub("Hébergement", hotel),
            *self.sub("Transferts sur place", self.bullets(d.get("transfers"))),
            *self.sub("Lieux des rendez-vous", self.venues()),
            *self.sub("À savoir", self.bullets(d.get("logistics"))),
        ]
        return body

    def venues(self) -> list[Flowable]:
        venues = self.data.get("venues") or []
        if not venues:
            return []
        placed = [v for v in venues if v["latitude"] is not None and v["longitude"] is not None]
        rows = [self.header("N°", "Lieu", "Adresse")]
        for v in venues:
            number = str(placed.index(v) + 1) if v in placed else "—"
            rows.append(
                [
                    self.p(number, "SmallBold"),
                    self.cell(v["place"], "Small"),
                    self.cell(v["address"].replace("\n", ", "), "Small"),
                ]
            )
        body: list[Flowable] = [
            Table(
                rows,
                colWidths=[self.width * 0.08, self.width * 0.37, self.width * 0.55],
                repeatRows=1,
                style=styles.data_table_style(),
            )
        ]
        if placed:
            body += [
                Spacer(1, 6),
                VenueMap(
                    self.width, VENUE_MAP_HEIGHT, [(v["latitude"], v["longitude"]) for v in placed]
                ),
                self.p(
                    "Croquis de situation : positions relevées des lieux, à l'échelle, sans fond "
                    "de carte ; les numéros renvoient au tableau.",
                    "MapCaption",
                ),
            ]
        return body

    # -- contact sheet and document control ------------------------------------------------

    def contact_sheet(self) -> list[Flowable]:
        """Every number the delegation may need, grouped; always printed."""
        body: list[Flowable] = []
        for group in self.data.get("contact_sheet") or []:
            rows = [self.header("Nom", "Précision", "Téléphone", "Courriel")]
            for line in group["lines"]:
                rows.append(
                    [
                        self.cell(line["name"], "SmallBold"),
                        self.cell(line["detail"], "Small"),
                        self.cell(line["phone"], "Small"),
                        self.cell(line["email"], "Small"),
                    ]
                )
            body += [
                self.p(group["title"], "SubHeading"),
                Table(
                    rows,
                    colWidths=[self.width * w for w in SHEET_WIDTHS],
                    repeatRows=1,
                    style=styles.data_table_style(),
                ),
                Spacer(1, 4),
            ]
        return body

    def document_control(self) -> list[Flowable]:
        d = self.data
        if not (d.get("document_version") or d.get("author") or d.get("distribution_list")):
            return []
        body = self.rows_table(
            [
                ("Version", d.get("document_version") or ""),
                ("Rédaction", d.get("author") or ""),
                ("Date d'édition", format_partial_date_fr(self.today.isoformat())),
                ("Confidentialité", d.get("confidentiality_text") or ""),
            ]
        )
        return body + self.sub("Liste de diffusion", self.bullets(d.get("distribution_list")))
