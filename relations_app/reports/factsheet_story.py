"""The content of a partner's fact sheet, section by section, as platypus flowables.

Why apart from :mod:`.factsheet`: this module decides what a reader sees and in which
order; the other one handles files and the document frame.  The text helpers (escaping,
fallback font, left-out characters, sections that vanish when empty) come from
:mod:`.story_base`, shared with the delegation briefing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from xml.sax.saxutils import escape

from reportlab.platypus import Flowable, Spacer, Table

from .. import geo
from ..text import format_partial_date_fr
from ..validation import display_phone
from . import styles
from .editorial import event_title_and_date, facts_to_complete, without_source_remarks
from .flowables import Paragraph, figure_tiles
from .formatting import (
    format_amount,
    format_distance,
    format_period,
    format_population,
    subdivision_label,
)
from .funding_table import funding_tables
from .locator_map import LocatorMap, Place
from .story_base import MAX_CELL_TEXT, NO_PADDING, StoryBase, shorten

FIGURES_PER_ROW = 3
MAP_HEIGHT = 150
LABEL_WIDTH = 96
EVENT_DATE_WIDTH = 74
MAX_EVENT_TEXT = 420
MAX_MAP_LABEL = 40
COMPACT_MAP_HEIGHT = 118


@dataclass(frozen=True)
class Fit:
    """How tightly a sheet is set, so that one that almost fits a page fits it.

    ``compact`` draws a smaller map and tighter section spacing; ``events`` shows at most
    that many events, the others counted in one line ("et 2 autres événements").
    """

    compact: bool = False
    events: int | None = None


class Story(StoryBase):
    """Builds the flowables of one fact sheet from :func:`services.factsheet_data` output.

    The delegation briefing reuses its sections one by one for each partner involved.
    """

    def __init__(
        self,
        data: dict,
        today: date,
        width: float,
        missing: set[str] | None = None,
        fit: Fit | None = None,
    ) -> None:
        super().__init__(width, missing)
        self.data, self.today = data, today
        self.fit = fit or Fit()
        if self.fit.compact:
            self.heading_styles = ("HeadingCompact", "Heading2")

    # -- the sheet ---------------------------------------------------------------------------

    def flowables(self) -> list[Flowable]:
        home = self.data["office"]["name"]
        return [
            *self.identity_and_map(),
            *self.section("Présentation", self.presentation()),
            *self.section(
                "Histoire de la relation",
                self.texts(without_source_remarks(self.data.get("history"))),
            ),
            *self.section("Chiffres clés", self.key_figures()),
            *self.section("Programmes et projets", self.programmes()),
            *self.section("Financements", self.funding(), keep=99),
            *self.section("Contacts", self.contacts(), keep=2),
            *self.section(f"Consulat honoraire à {home}", self.consulate()),
            *self.section("Derniers événements", self.events(), keep=99),
            *self.to_complete(),
            *self.sources(),
        ]

    def identity_rows(self) -> list[tuple[str, str | Paragraph]]:
        d, office = self.data, self.data["office"]
        rows: list[tuple[str, str | Paragraph]] = [("Pays", d["country_name"])]
        if d.get("region"):
            rows.append((subdivision_label(d.get("country")), d["region"]))
        population = format_population(
            d.get("population"), d.get("population_year"), d.get("population_note")
        )
        if population:
            rows.append(("Population", population))
        rows.append(("Lien", d["kind_label"] + ("" if d.get("active", True) else " (inactif)")))
        kind, year = d["agreement_kind_label"], d.get("agreement_year")
        if year and d.get("agreement_year_note"):  # derived, not stated: say from what
            year = f"{year} ({d['agreement_year_note']})"
        if kind or year:
            rows.append(
                (
                    "Accord" if kind else "Première signature",
                    ", ".join(str(x) for x in (kind, year) if x),
                )
            )
        if d.get("agreements"):  # the signed documents the office keeps (attachments)
            rows.append(
                (
                    "Accords archivés",
                    " ; ".join(
                        f"{a['title']} ({format_partial_date_fr(a['date'])})"
                        if a.get("date")
                        else a["title"]
                        for a in d["agreements"]
                    ),
                )
            )
        if d.get("relations_since"):
            rows.append(("Relations depuis", str(d["relations_since"])))
        if d["signing_side_label"]:
            rows.append(("Signataire", d["signing_side_label"]))
        if d.get("counterpart"):
            rows.append(("Organisation partenaire", d["counterpart"]))
        if d.get("website"):
            href = escape(d["website"], {'"': "&quot;"})
            shown = self.m(shorten(d["website"], MAX_CELL_TEXT), "Value")
            link = f'<link href="{href}" color="{styles.NAVY.hexval()}">{shown}</link>'
            if d.get("website_note"):  # whose site it is, when not the partner's own
                link += f" ({self.m(d['website_note'], 'Value')})"
            rows.append(("Site web", Paragraph(link, self.sheet["Value"])))
        points = (
            office.get("latitude"),
            office.get("longitude"),
            d.get("latitude"),
            d.get("longitude"),
        )
        coordinates = [x for x in points if x is not None]
        if len(coordinates) == 4:  # both places are located
            km = geo.distance_km(*coordinates)
            rows.append((f"Distance de {office['name']}", f"{format_distance(km)} à vol d'oiseau"))
        if d.get("timezone") and office.get("timezone"):
            difference = geo.describe_time_difference(d["timezone"], office["timezone"], self.today)
            rows.append(("Décalage horaire", difference))
        return rows

    def identity_and_map(self) -> list[Flowable]:
        d, office = self.data, self.data["office"]
        has_map = d.get("latitude") is not None and d.get("longitude") is not None
        left = self.width * (0.53 if has_map else 1.0)
        rows = [
            [
                self.p(label, "Label"),
                value if isinstance(value, Paragraph) else self.cell(value, "Value"),
            ]
            for label, value in self.identity_rows()
        ]
        table = Table(
            rows,
            colWidths=[LABEL_WIDTH, left - LABEL_WIDTH - (12 if has_map else 0)],
            style=styles.identity_table_style(),
        )
        if not has_map:
            return [table, Spacer(1, 4)]
        right = self.width - left
        home = None
        if office.get("latitude") is not None and office.get("longitude") is not None:
            home = Place(
                office["name"], office["latitude"], office["longitude"], office.get("country")
            )
        label = shorten(d["name"], MAX_MAP_LABEL)
        self.collect(label)
        partner = Place(label, d["latitude"], d["longitude"], d["country"])
        caption = self.p(
            "Fond de carte : Natural Earth (domaine public). Trajet : orthodromie.", "MapCaption"
        )
        height = COMPACT_MAP_HEIGHT if self.fit.compact else MAP_HEIGHT
        locator = LocatorMap(right, height, partner, home)
        block = Table(
            [[table, [locator, Spacer(1, 2), caption]]],
            colWidths=[left, right],
            style=styles.table_style([("VALIGN", (0, 0), (-1, -1), "TOP"), *NO_PADDING]),
        )
        return [block, Spacer(1, 4)]

    def presentation(self) -> list[Flowable]:
        body: list[Flowable] = self.texts(without_source_remarks(self.data.get("summary")))
        themes = self.data.get("themes") or []
        if themes:
            body.append(
                Paragraph(
                    "<b>Thèmes\u00a0:</b> " + self.m(", ".join(themes), "Muted"),
                    self.sheet["Muted"],
                )
            )
        return body

    def key_figures(self) -> list[Flowable]:
        cells = []
        for figure in self.data.get("key_figures") or []:
            label = figure["label"] + (f" ({figure['year']})" if figure.get("year") else "")
            cell = [self.cell(label, "FigureLabel")]
            if figure.get("value"):
                cell.insert(0, self.cell(figure["value"], "FigureValue"))
            cells.append(cell)
        if not cells:
            return []
        return [figure_tiles(cells, self.width, FIGURES_PER_ROW)]

    def programmes(self) -> list[Flowable]:
        items = self.data.get("programmes") or []
        if not items:
            return []
        rows = [self.header("Programme", "Type", "Statut", "Période")]
        for item in items:
            active = item["status"] in ("ongoing", "planned")
            status = [self.p(item["status_label"], "SmallBold" if active else "Small")]
            if item["overdue"]:  # the source's status, shown as it is, with the doubt
                status.append(self.p("date de fin passée", "MutedItalic"))
            period = format_period(item.get("start"), item.get("end")) or "—"
            rows.append(
                [
                    self.cell(item["title"], "SmallBold"),
                    self.cell(item["kind_label"]),
                    status,
                    self.p(period, "Small"),
                ]
            )
        widths = [0.39, 0.2, 0.18, 0.23]
        return [
            Table(
                rows,
                colWidths=[self.width * w for w in widths],
                repeatRows=1,
                style=styles.data_table_style(),
            )
        ]

    def funding(self) -> list[Flowable]:
        lines = self.data.get("funding") or []
        if not lines:
            return []
        flowables = funding_tables(lines, self.width, self.cell)
        per_programme = [p for p in self.data["programmes"] if p["funding"]]
        if len(per_programme) > 1:
            parts = [
                f"{self.m(shorten(p['title'], 80), 'Muted')} : "
                f"{format_amount(p['funding_total_eur'])}"
                for p in per_programme
            ]
            flowables.append(
                Paragraph("<b>Par programme\u00a0:</b> " + " · ".join(parts), self.sheet["Muted"])
            )
        water = sum(
            (Decimal(x["water_amount_eur"]) for x in lines if x.get("water_amount_eur")), Decimal(0)
        )
        if water:
            flowables.append(
                self.p(f"Dont « 1 % eau » (loi Oudin) : {format_amount(water)}.", "Muted")
            )
        return flowables

    def contacts(self) -> list[Flowable]:
        """People on the partner's side, then at each French post (sub-headings keepWithNext)."""
        body: list[Flowable] = []
        people = self.data.get("partner_contacts") or []
        if people:
            body += [
                Paragraph("Côté partenaire", self.sheet["SubHeading"]),
                self.people_table(people),
            ]
        for post in self.data.get("posts") or []:
            if post["contacts"]:
                body += [
                    self.p(post["name"], "SubHeading"),
                    self.people_table(post["contacts"], with_organisation=False),
                ]
        return body

    def consulate(self) -> list[Flowable]:
        c = self.data.get("consulate")
        if not c:
            return []
        rows = [
            ("Pays représenté", self.data["country_name"]),
            ("Consul", c.get("consul_name")),
            ("Adresse", c.get("address")),
            ("Téléphone", display_phone(c.get("phone"))),
            ("Courriel", c.get("email")),
        ]
        return [
            Table(
                [
                    [self.p(label, "Label"), self.cell(value, "Value")]
                    for label, value in rows
                    if value
                ],
                colWidths=[LABEL_WIDTH, self.width - LABEL_WIDTH],
                style=styles.identity_table_style(),
            )
        ]

    def events(self) -> list[Flowable]:
        """One small table per event: a page may break between events, never inside one."""
        style = styles.table_style(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
                ("LINEBELOW", (0, 0), (-1, -1), 0.4, styles.RULE),
            ]
        )
        result: list[Flowable] = []
        shown = (self.data.get("latest_events") or [])[: self.fit.events]
        for event in shown:
            title, when = event_title_and_date(
                event["title"], format_partial_date_fr(event["date"])
            )
            content = [self.cell(title, "SmallBold")]
            if event.get("description"):
                content.append(self.p(shorten(event["description"], MAX_EVENT_TEXT), "Small"))
            row = [self.p(when, "Muted"), content]
            result.append(
                Table(
                    [row], colWidths=[EVENT_DATE_WIDTH, self.width - EVENT_DATE_WIDTH], style=style
                )
            )
        others = self.data.get("events_total", len(shown)) - len(shown)
        if shown and others > 0:
            word = (
                "autre événement plus ancien" if others == 1 else "autres événements plus anciens"
            )
            result.append(self.p(f"et {others} {word}", "Note"))
        return result

    def sources(self) -> list[Flowable]:
        """ "Sources : …", the record's own account of where its facts come from."""
        lines = [x.strip() for x in (self.data.get("sources") or "").splitlines() if x.strip()]
        if not lines:
            return []
        text = "<b>Sources</b>\u00a0: " + self.m(" ; ".join(lines), "Note")
        return [Spacer(1, 6), Paragraph(text, self.sheet["Note"])]

    def to_complete(self) -> list[Flowable]:
        """For a sparse sheet, a box listing what the office has yet to find."""
        missing = facts_to_complete(self.data)
        if not missing:
            return []
        text = (
            "<b>À compléter par le service</b>\u00a0: "
            + self.m(", ".join(missing), "Small")
            + ". Ces éléments ne figurent pas encore dans la base."
        )
        box = Table(
            [[Paragraph(text, self.sheet["Small"])]],
            colWidths=[self.width],
            style=styles.table_style(
                [
                    ("BACKGROUND", (0, 0), (-1, -1), styles.ZEBRA),
                    ("LINEBEFORE", (0, 0), (0, -1), 2, styles.ACCENT),
                    ("LEFTPADDING", (0, 0), (-1, -1), 8),
                    ("TOPPADDING", (0, 0), (-1, -1), 6),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
                ]
            ),
        )
        return [Spacer(1, 10), box]
