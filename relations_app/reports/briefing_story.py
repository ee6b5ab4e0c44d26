"""The content of a delegation briefing, chapter by chapter, as platypus flowables.

Why apart from :mod:`.briefing`: this module decides what the delegation reads and in
which order (cover, the one-page summary, contents, members, the agenda day by day, the
meeting briefs and biographies, one dossier per partner, talking points, protocol,
logistics, practical information, the contact sheet, document control, note pages;
:mod:`.briefing_travel` lays out the trip's own chapters); the other one handles the
document frame, the passes of the table of contents and the files.  Chapters with nothing
to say are left out; every database text goes through :class:`.story_base.StoryBase`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    PageBreak,
    Spacer,
    Table,
)
from reportlab.platypus.tableofcontents import TableOfContents

from ..localinfo import format_days_fr
from ..text import format_partial_date_fr
from . import styles
from .briefing_partner import HEADING_STYLES, PartnerDossier
from .briefing_travel import TravelChapters
from .flowables import AtPageBottom, RuledLines
from .formatting import format_distance, format_period
from .locator_map import LocatorMap, Place
from .story_base import KEEP_ROOM, shorten

COVER_LABEL_WIDTH = 110
COVER_MAP_HEIGHT = 230
MAX_MAP_LABEL = 40
AGENDA_WIDTHS = (0.2, 0.5, 0.3)
NOTE_PAGES = 2
MAX_AGENDA_TEXT = 600

#: Called before each partner's dossier is laid out: (index, count, partner's name).
Step = Callable[[int, int, str], None]


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'s' if count > 1 else ''}"


class BriefingStory(TravelChapters):
    """Builds the flowables of one briefing from :func:`services.briefing_data` output."""

    heading_styles = HEADING_STYLES

    def __init__(self, data: dict, today: date, width: float) -> None:
        super().__init__(width)
        self.data, self.today = data, today

    # -- the document --------------------------------------------------------------------------

    def flowables(self, step: Step | None = None) -> list[Flowable]:
        """Cover, contents (when there is something to list), chapters, note pages."""
        chapters: list[list[Flowable]] = [
            self.chapter("Composition de la délégation", self.members()),
            self.agenda(
                new_page=not self.data["members"]["home"] + self.data["members"]["partner"]
            ),
            self.chapter("Fiches de rencontre", self.meeting_briefs()),
            self.chapter("Biographies", self.biographies(), new_page=not self.data.get("meetings")),
        ]
        partners = self.data.get("partners") or []
        for index, partner in enumerate(partners):
            if step is not None:
                step(index, len(partners), partner["name"])
            chapters.append(
                [
                    PageBreak(),
                    *PartnerDossier(
                        partner, self.data["reference_day"], self.width, self.missing
                    ).flowables(),
                ]
            )
        chapters += [
            self.chapter("Éléments de langage", self.bullets(self.data.get("talking_points"))),
            self.chapter(
                "Notes protocolaires", self.protocol(), new_page=not self.data.get("talking_points")
            ),
            self.chapter("Logistique", self.logistics()),
            self.chapter("Informations pratiques", self.practical(), new_page=False),
            self.chapter("Contacts utiles", self.contact_sheet()),  # always: it has lines
            self.chapter("Suivi du document", self.document_control(), new_page=False),
        ]
        body = [flowable for chapter in chapters for flowable in chapter]
        # Contents only when there is more to find than the contact sheet.
        contents = self.contents() if any(chapters[:-2]) or chapters[-1] else []
        summary = self.chapter("Synthèse", self.summary())
        return [*self.cover(), *summary, *contents, *body, *self.notes()]

    def chapter(self, title: str, body: list[Flowable], *, new_page: bool = True) -> list[Flowable]:
        """A level-0 chapter on a new page (or where it is, with room), or nothing."""
        if not body:
            return []
        start: Flowable = PageBreak() if new_page else CondPageBreak(KEEP_ROOM * 2)
        spacer = [] if new_page else [Spacer(1, 10)]
        return [start, *spacer, *self.section(title, body, level=0)]

    # -- cover and contents --------------------------------------------------------------------

    @staticmethod
    def dates_of(d: dict) -> str:
        """ "du lundi 7 au vendredi 11 juin 2027", "juin 2027", or "dates à fixer"."""
        if d.get("days") and d.get("start") and len(d["start"]) == 10:
            return format_days_fr(*d["days"])
        return format_period(d.get("start"), d.get("end")) or (
            format_days_fr(*d["days"]) if d.get("days") else "dates à fixer"
        )

    def cover_rows(self) -> list[tuple[str, str]]:
        d = self.data
        members = d["members"]
        days = d.get("agenda_days") or []
        appointments = sum(len(day["items"]) for day in days)
        partners = ", ".join(f"{p['name']} ({p['country_name']})" for p in d["partners"])
        people = []
        if members["home"]:
            people.append(f"{_plural(len(members['home']), 'membre')} côté {d['office']['name']}")
        if members["partner"]:
            people.append(f"{len(members['partner'])} côté partenaire")
        rows = [
            ("Dates", self.dates_of(d)),
            ("Destination", d.get("destination_text") or ""),
            ("Nature", d.get("direction_label") or ""),
            ("Statut", d.get("status_label") or ""),
            ("Partenaires" if len(d["partners"]) > 1 else "Partenaire", partners),
            ("Délégation", ", ".join(people)),
            (
                "Programme",
                f"{appointments} rendez-vous sur {_plural(len(days), 'jour')}"
                if appointments
                else "",
            ),
        ]
        return [(label, value) for label, value in rows if value]

    def cover(self) -> list[Flowable]:
        rows = [
            [self.p(label, "CoverLabel"), self.cell(value, "CoverValue")]
            for label, value in self.cover_rows()
        ]
        result: list[Flowable] = [Spacer(1, 14)]
        if rows:
            result.append(
                Table(
                    rows,
                    colWidths=[COVER_LABEL_WIDTH, self.width - COVER_LABEL_WIDTH],
                    style=styles.identity_table_style(),
                )
            )
        result += self.cover_map()
        office = self.data["office"]["name"]
        notice = Table(
            [
                [
                    [
                        self.p(self.data["confidentiality_text"].upper(), "Confidential"),
                        self.p(
                            f"Dossier préparé par {office} — Relations internationales, édité le "
                            f"{format_partial_date_fr(self.today.isoformat())}.",
                            "Muted",
                        ),
                    ]
                ]
            ],
            colWidths=[self.width],
            style=styles.table_style(
                [
                    ("BOX", (0, 0), (-1, -1), 0.8, styles.ACCENT),
                    ("LINEBEFORE", (0, 0), (0, -1), 4, styles.ACCENT),
                    ("LEFTPADDING", (0, 0), (-1, -1), 10),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 10),
                    ("TOPPADDING", (0, 0), (-1, -1), 8),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
                ]
            ),
        )
        return [*result, AtPageBottom(notice)]

    def cover_map(self) -> list[Flowable]:
        """The places visited and the home city on one map, when their positions are known."""
        d, office = self.data, self.data["office"]
        places = [
            Place(shorten(p["name"], MAX_MAP_LABEL), p["latitude"], p["longitude"], p["country"])
            for p in d["partners"]
            if p.get("latitude") is not None and p.get("longitude") is not None
        ]
        if not places:
            return []
        for place in places:
            self.collect(place.name)
        home = None
        if office.get("latitude") is not None and office.get("longitude") is not None:
            home = Place(
                office["name"], office["latitude"], office["longitude"], office.get("country")
            )
        locator = LocatorMap(self.width, COVER_MAP_HEIGHT, places[0], home, places[1:])
        return [
            Spacer(1, 16),
            locator,
            Spacer(1, 2),
            self.p(
                "Fond de carte : Natural Earth (domaine public). Trajets : orthodromies.",
                "MapCaption",
            ),
        ]

    def contents(self) -> list[Flowable]:
        toc = TableOfContents(
            levelStyles=[self.sheet["TOC0"], self.sheet["TOC1"]],
            dotsMinLevel=0,
            tableStyle=styles.table_style(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ]
            ),
        )
        return [PageBreak(), self.heading("Sommaire", 0, toc=False), Spacer(1, 4), toc]

    # -- the mission -----------------------------------------------------------------------

    def members(self) -> list[Flowable]:
        d = self.data
        body: list[Flowable] = []
        sides = (("home", f"Côté {d['office']['name']}"), ("partner", "Côté partenaire"))
        for side, title in sides:
            if d["members"][side]:
                body += [self.p(title, "SubHeading"), self.people_table(d["members"][side])]
        return body

    def agenda(self, *, new_page: bool = True) -> list[Flowable]:
        """One level-1 section per day, a table of its appointments in local time."""
        days = self.data.get("agenda_days") or []
        if not days:
            return []
        home = self.data["office"]["name"]
        intro = self.p(
            "Heures locales, avec l'écart à UTC ; en dessous, l'heure qu'il est "
            f"alors à {home} quand elle diffère.",
            "Note",
        )
        body: list[Flowable] = [intro]
        for day in days:
            table = self.day_table(day)
            word = "Fuseaux" if len(day["zones"]) > 1 else "Fuseau"
            zones = (
                [self.p(f"{word} : " + " ; ".join(day["zones"]), "Muted")] if day["zones"] else []
            )
            label = day["label"][0].upper() + day["label"][1:]
            body += self.section(label, [*zones, table], keep=2, level=1)
        return self.chapter("Programme de la visite", body, new_page=new_page)

    def day_table(self, day: dict) -> Table:
        home = self.data["office"]["name"]
        rows = [self.header("Heure locale", "Rendez-vous", "Participants")]
        for item in day["items"]:
            when = [self.p(item["time"] or "—", "SmallBold")]
            if item["utc"]:
                when.append(self.p(item["utc"], "Muted"))
            if item["home_time"]:
                when.append(self.p(f"{home} : {item['home_time']}", "Muted"))
            what = [self.cell(item["subject"], "SmallBold")]
            if item.get("place"):
                what.append(self.cell(item["place"], "Muted"))
            who = (
                self.p(shorten(item.get("people"), MAX_AGENDA_TEXT), "Small")
                if item.get("people")
                else self.p("", "Small")
            )
            rows.append([when, what, who])
        return Table(
            rows,
            colWidths=[self.width * w for w in AGENDA_WIDTHS],
            repeatRows=1,
            style=styles.data_table_style(),
        )

    # -- practical information and notes ---------------------------------------------------

    def practical(self) -> list[Flowable]:
        d = self.data
        home = d["office"]["name"]
        body: list[Flowable] = self.sub(
            "Formalités d'entrée", self.bullets(d.get("entry_formalities"))
        )
        days = d.get("days")
        during = format_days_fr(*days, weekday=False) if days else "à la date d'édition"
        for place in d.get("practical") or []:
            rows = []
            if place.get("zone_name"):
                rows.append(("Heure locale", place["zone_name"]))
            if place.get("time_difference"):
                if place.get("noon_at_home"):  # the same all along
                    text = (
                        f"{place['time_difference']} {during} : quand il est midi à {home}, "
                        f"il est {place['noon_at_home']} à {place['name']}"
                    )
                else:  # the clocks change during the stay
                    text = f"{during[0].upper()}{during[1:]} : {place['time_difference']}"
                rows.append((f"Décalage avec {home}", text))
            if place.get("currency"):
                rows.append(("Monnaie", place["currency"]))
            if place.get("emergency"):
                rows.append(("Urgences", f"{place['emergency']} — à vérifier avant le départ"))
            if place.get("plugs"):
                rows.append(("Prises électriques", place["plugs"]))
            if place.get("distance_km") is not None:
                rows.append(
                    (
                        f"Distance de {home}",
                        f"{format_distance(place['distance_km'])} à vol d'oiseau",
                    )
                )
            if rows:
                body += [
                    self.p(f"{place['name']} ({place['country']})", "SubHeading"),
                    Table(
                        [
                            [self.p(label, "Label"), self.cell(value, "Value")]
                            for label, value in rows
                        ],
                        colWidths=[COVER_LABEL_WIDTH, self.width - COVER_LABEL_WIDTH],
                        style=styles.identity_table_style(),
                    ),
                    Spacer(1, 4),
                ]
        return body

    def notes(self) -> list[Flowable]:
        """Ruled pages at the end, for what is said during the visit."""
        result: list[Flowable] = [PageBreak(), self.heading("Notes", 0), RuledLines()]
        for _ in range(NOTE_PAGES - 1):
            result += [PageBreak(), RuledLines()]
        return result
