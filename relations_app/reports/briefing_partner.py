"""One partner's dossier inside a delegation briefing: the condensed fact sheet and more.

Why it reuses :class:`.factsheet_story.Story`: the identity block with its map, the
presentation, the key figures, the events and the consulate are the fact sheet's own
sections, laid out the same way; the briefing adds what matters before a visit (the
programmes under way with their funding, the points to raise, the people on the spot, the
French post).  Every section with nothing to say is left out.
"""

from __future__ import annotations

from datetime import date

from reportlab.platypus import Flowable, Spacer, Table

from . import styles
from .factsheet_story import LABEL_WIDTH, Story
from .flowables import KeepTogetherWhenShort
from .formatting import format_period
from .funding_table import funding_tables
from .story_base import KEEP_MAX, MAX_CELL_TEXT, shorten

#: Chapter title for the partner, sections below it (see StoryBase.heading_styles).
HEADING_STYLES = ("Chapter", "Heading")
MAX_DESCRIPTION = 600


class PartnerDossier(Story):
    """The flowables of one partner's dossier (outline: the partner, then its sections)."""

    heading_styles = HEADING_STYLES

    def __init__(self, data: dict, today: date, width: float, missing: set[str]) -> None:
        super().__init__(data, today, width, missing)

    def flowables(self) -> list[Flowable]:
        d = self.data
        home = d["office"]["name"]
        facts = (d["kind_label"], d["country_name"], d.get("region"))
        subtitle = " · ".join(x for x in facts if x)
        title = d["name"] + (f" · {d['local_name']}" if d.get("local_name") else "")
        result: list[Flowable] = [
            self.heading(title, 0),
            self.p(subtitle, "Muted"),
            Spacer(1, 6),
            *self.identity_and_map(),
        ]
        result += self.section("Présentation", self.presentation(), level=1)
        result += self.section("Chiffres clés", self.key_figures(), level=1)
        result += self.section("Histoire de la relation", self.texts(d.get("history")), level=1)
        result += self.section("Derniers événements", self.events(), level=1)
        result += self.section(
            "Programmes récents et financements", self.current_programmes(), level=1
        )
        result += self.section("Points d'attention", self.bullets(d.get("open_points")), level=1)
        result += self.section(
            "Contacts sur place",
            [self.people_table(d["partner_contacts"])] if d.get("partner_contacts") else [],
            level=1,
        )
        for post in d.get("posts") or []:
            result += self.section(
                f"Poste diplomatique : {post['name']}", self.post(post), keep=2, level=1
            )
        result += self.section(f"Consulat honoraire à {home}", self.consulate(), level=1)
        return result

    def current_programmes(self) -> list[Flowable]:
        """Each programme under way or just ended: title, kind, status and dates, aim,
        funding table (an ended one says so, never "en cours")."""
        body: list[Flowable] = []
        for item in self.data.get("current_programmes") or []:
            facts = [
                item["kind_label"],
                item.get("briefing_status") or item["status_label"],
                format_period(item.get("start"), item.get("end")),
            ]
            line = " · ".join(x for x in facts if x)
            block: list[Flowable] = [
                self.p(shorten(item["title"], MAX_CELL_TEXT), "SubHeading"),
                self.p(line, "Muted"),
            ]
            if item.get("description"):
                block.append(self.p(shorten(item["description"], MAX_DESCRIPTION), "Text"))
            if item["funding"]:
                block += funding_tables(item["funding"], self.width, self.cell)
            # A programme's title, aim and funding stay on one page unless the page is roomy.
            body.append(KeepTogetherWhenShort(block, room=KEEP_MAX))
        return body

    def post(self, post: dict) -> list[Flowable]:
        """The French embassy or consulate serving the partner: where it is, who to call."""
        rows = [
            (label, value)
            for label, value in (
                ("Ville", post.get("city")),
                ("Adresse", post.get("address")),
                ("Site web", post.get("website")),
            )
            if value
        ]
        body: list[Flowable] = []
        if rows:
            body.append(
                Table(
                    [[self.p(label, "Label"), self.cell(value, "Value")] for label, value in rows],
                    colWidths=[LABEL_WIDTH, self.width - LABEL_WIDTH],
                    style=styles.identity_table_style(),
                )
            )
            body.append(Spacer(1, 4))
        if post.get("contacts"):
            body.append(self.people_table(post["contacts"], with_organisation=False))
        return body
