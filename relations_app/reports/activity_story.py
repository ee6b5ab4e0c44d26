"""The content of the annual activity report, section by section, as platypus flowables.

Why apart from :mod:`.activity`: this module decides what the council reads and in which
order — the year in figures (tiles, partners by kind, programmes started and ended,
delegations, events), the funding by funder and by country with their charts, each
partner's year in a few lines, the APD summary when there is one, the annex of every
programme funded that year —; the other handles the frame and the file.  A section with
nothing to say is left out (:meth:`.story_base.StoryBase.section`); every database text
goes through :class:`.story_base.StoryBase`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from decimal import Decimal
from functools import lru_cache

from reportlab.lib.enums import TA_LEFT
from reportlab.lib.styles import ParagraphStyle, StyleSheet1
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table

from ..countries import country_name
from ..services.activity import ActivityYear, PartnerYear, ProgrammeYear, Visit, direction_label
from ..text import counted_fr, format_partial_date_fr
from . import styles
from .activity_chart import amount_bars
from .flowables import KeepTogetherWhenShort, figure_tiles
from .formatting import format_amount, format_int, format_period
from .story_base import KEEP_MAX, StoryBase

TILES_PER_ROW = 4
SHARE_WIDTH = 52.0
AMOUNT_WIDTH = 84.0
ANNEX_WIDTHS = (0.30, 0.20, 0.12, 0.38)
VISIT_WIDTHS = (0.22, 0.43, 0.35)
KEEP_ROWS = 12  # a funding table this short moves with its chart
MAX_LISTED = 20  # programmes started or ended listed in the figures
MAX_ITEMS = 12  # programmes or events listed in one partner's lines

#: Called between the partners' sections: (index, count, partner's name).
Step = Callable[[int, int, str], None]

RULES = (
    "Comment les chiffres sont comptés : un programme est compté dans l'année où tombe "
    "sa date de début (commencé) ou de fin (achevé, une fin donnée par l'année seule "
    "comptant dans cette année) ; il est mené dans l'année si ses dates la recouvrent ou "
    "s'il y reçoit un financement. Les financements sont les lignes de l'année ; par pays, "
    "un programme compte pour le pays de ses partenaires. Une délégation compte dans "
    "l'année de son premier jour, sauf si elle a été annulée ; un partenaire, si le lien "
    "est actif et avait commencé."
)


def _share(part: Decimal, whole: Decimal) -> str:
    if not whole:
        return ""
    percent = (part * 100 / whole).quantize(Decimal("1"))
    return f"{percent}\u202f%"


@lru_cache(maxsize=1)
def _stylesheet() -> StyleSheet1:
    """The reports' stylesheet and a bullet set ragged, for lists of names and dates."""
    base = styles.stylesheet()
    sheet = StyleSheet1()
    for style in base.byName.values():
        sheet.add(style)
    sheet.add(ParagraphStyle("ListItem", parent=base["Bullet"], alignment=TA_LEFT))
    return sheet


class ActivityStory(StoryBase):
    """Builds the flowables of one year's report from :func:`services.activity.activity_year`."""

    def __init__(self, data: ActivityYear, width: float) -> None:
        super().__init__(width)
        self.data = data
        self.sheet = _stylesheet()

    def flowables(self, step: Step | None = None) -> list[Flowable]:
        year = self.data.year
        return [
            *self.figures(),
            *self.section("Financements de l'année", self.funding(), keep=2),
            *self.section("Aide publique au développement", self.apd(), keep=2),
            *self.section(f"L'année {year} de chaque partenaire", self.partners(step)),
            *self.section(f"Annexe — programmes financés en {year}", self.annex()),
        ]

    # -- the year in figures -------------------------------------------------------------------

    def tiles(self) -> list[tuple[str, str]]:
        d = self.data
        tiles = [
            (format_int(d.partners_total), "partenaires en relation"),
            (format_int(len(d.programmes)), "programmes menés"),
            (format_int(len(d.started)), "programmes commencés"),
            (format_int(len(d.ended)), "programmes achevés"),
            (format_int(len(d.incoming)), "délégations accueillies"),
            (format_int(len(d.outgoing)), "missions à l'étranger"),
            (format_int(len(d.events)), "événements"),
            (format_amount(d.funding_total), "de financements"),
        ]
        return tiles

    def tile_table(self) -> Table:
        cells = [
            [self.p(value, "FigureValue"), self.p(label, "FigureLabel")]
            for value, label in self.tiles()
        ]
        return figure_tiles(cells, self.width, TILES_PER_ROW)

    def figures(self) -> list[Flowable]:
        """ "L'année en chiffres": always there (the partners at least are counted)."""
        d = self.data
        body: list[Flowable] = [self.tile_table(), Spacer(1, 6)]
        if d.empty:
            body.append(
                self.p(
                    f"Aucun programme, aucune délégation ni aucun événement n'est enregistré "
                    f"pour {d.year}.",
                    "MutedItalic",
                )
            )
        body += self.kinds()
        body += self.programme_lists()
        body += self.visits()
        body += self.event_kinds()
        body.append(self.p(RULES, "Note"))
        return self.section("L'année en chiffres", body, keep=2)

    def kinds(self) -> list[Flowable]:
        rows = [self.header("Type de lien", "Partenaires")]
        rows += [
            [self.cell(label), self.p(format_int(count), "SmallRight")]
            for label, count in self.data.partners_by_kind
        ]
        if len(rows) == 1:
            return []
        rows.append(
            [
                self.p("Total", "SmallBold"),
                self.p(format_int(self.data.partners_total), "SmallBoldRight"),
            ]
        )
        table = Table(
            rows,
            colWidths=[self.width * 0.5, 80],
            hAlign="LEFT",
            style=styles.data_table_style(total_row=True, numeric_from=1),
        )
        return [self.p("Partenaires en relation, par type de lien", "SubHeading"), table]

    def _programme_line(self, programme: ProgrammeYear) -> str:
        period = format_period(programme.start, programme.end)
        where = ", ".join(programme.partner_names)
        return " — ".join(x for x in (programme.title, where, period) if x)

    def programme_lists(self) -> list[Flowable]:
        body: list[Flowable] = []
        for title, items in (
            (f"Programmes commencés en {self.data.year}", self.data.started),
            (f"Programmes achevés en {self.data.year}", self.data.ended),
        ):
            if items:
                body.append(self.p(title, "SubHeading"))
                shown = items[:MAX_LISTED]
                body += self.bullets([self._programme_line(p) for p in shown], "ListItem")
                if len(items) > len(shown):
                    more = format_int(len(items) - len(shown))
                    body.append(
                        self.p(
                            f"… et {more} autres : la liste complète est dans les tableaux "
                            "du rapport (XLSX, feuille « Programmes »).",
                            "Note",
                        )
                    )
        return body

    def _dates(self, visit: Visit) -> str:
        return (
            format_period(visit.start, visit.end)
            if visit.end != visit.start
            else (format_partial_date_fr(visit.start))
        )

    def visits(self) -> list[Flowable]:
        if not self.data.visits:
            return []
        names = {p.id: p.name for p in self.data.partner_years}
        rows = [self.header("Dates", "Délégation", "Sens, partenaires")]
        for visit in self.data.visits:
            partners = ", ".join(names[pid] for pid in visit.partner_ids if pid in names)
            rows.append(
                [
                    self.cell(self._dates(visit)),
                    self.cell(visit.title, "SmallBold"),
                    [self.cell(direction_label(visit.direction))]
                    + ([self.cell(partners, "Muted")] if partners else []),
                ]
            )
        table = Table(
            rows,
            colWidths=[self.width * w for w in VISIT_WIDTHS],
            repeatRows=1,
            style=styles.data_table_style(),
        )
        count = len(self.data.visits)
        title = f"Délégations ({len(self.data.incoming)} accueillies, {len(self.data.outgoing)} à l'étranger)"
        # Not "SubHeading" (kept with the next flowable): a long table would move whole.
        head = self.p(title if count else "Délégations", "SubHeading")
        return [KeepTogetherWhenShort([head, table], room=KEEP_MAX)]

    def event_kinds(self) -> list[Flowable]:
        if not self.data.events:
            return []
        kinds = Counter(e.kind_label for e in self.data.events)
        parts = [f"{label.lower()} : {format_int(n)}" for label, n in sorted(kinds.items())]
        text = (
            f"{counted_fr(len(self.data.events), 'événement')} dans l'année ({' ; '.join(parts)})."
        )
        return [self.p("Événements", "SubHeading"), self.p(text)]

    # -- funding ---------------------------------------------------------------------------------

    def amounts_table(self, title: str, items: list[tuple[str, Decimal]]) -> Table:
        total = self.data.funding_total
        rows = [
            [
                *self.header(title),
                Paragraph("Montant", self.sheet["TableHeaderRight"]),
                Paragraph("Part", self.sheet["TableHeaderRight"]),
            ]
        ]
        for label, amount in items:
            rows.append(
                [
                    self.cell(label),
                    self.p(format_amount(amount), "SmallRight"),
                    self.p(_share(amount, total), "SmallRight"),
                ]
            )
        rows.append(
            [
                self.p("Total", "SmallBold"),
                self.p(format_amount(total), "SmallBoldRight"),
                self.p("100\u202f%", "SmallBoldRight"),
            ]
        )
        return Table(
            rows,
            colWidths=[self.width - AMOUNT_WIDTH - SHARE_WIDTH, AMOUNT_WIDTH, SHARE_WIDTH],
            repeatRows=1,
            style=styles.data_table_style(total_row=True, numeric_from=1),
        )

    def funding(self) -> list[Flowable]:
        d = self.data
        if not d.funding_by_funder:
            return []
        for label, _amount in (*d.funding_by_funder, *d.funding_by_country):
            self.collect(label)
        funded = len(d.annex)
        body: list[Flowable] = [
            self.p(
                f"{format_amount(d.funding_total)} de financements inscrits pour {d.year}, "
                f"sur {counted_fr(funded, 'programme')}.",
            ),
        ]
        for subtitle, column, items in (
            ("Par financeur", "Financeur", d.funding_by_funder),
            ("Par pays", "Pays", d.funding_by_country),
        ):
            chart = [self.p(subtitle, "SubHeading"), amount_bars(items, self.width), Spacer(1, 6)]
            table = self.amounts_table(column, items)
            if len(items) <= KEEP_ROWS:  # a short table stays with its chart
                body += [KeepTogether([*chart, table]), Spacer(1, 4)]
            else:
                body += [KeepTogether(chart), table, Spacer(1, 4)]
        return body

    # -- the APD declaration ---------------------------------------------------------------------

    def apd(self) -> list[Flowable]:
        """The year's declaration in short (the worksheet has the detail): own money in the
        countries on the DAC list, its "1 % eau" part, co-financing received, own money
        elsewhere; left out when the year has none of them."""
        summary = self.data.apd
        keys = ("own_eur", "water_eur", "cofunding_eur", "outside_own_eur")
        if not summary or not any(summary.get(k) for k in keys):
            return []
        editions = ", ".join(summary.get("editions") or ()) or "—"
        rows = [
            [
                *self.header(f"Déclaration APD {summary['year']}"),
                Paragraph("Montant", self.sheet["TableHeaderRight"]),
            ]
        ]
        for label, key in (
            ("Fonds propres dans les pays éligibles (déclarés)", "own_eur"),
            ("dont « 1 % eau, assainissement, déchets, énergie »", "water_eur"),
            ("Cofinancements reçus pour ces actions", "cofunding_eur"),
            ("Fonds propres hors APD (pays non éligibles)", "outside_own_eur"),
        ):
            rows.append(
                [self.cell(label), self.p(format_amount(summary.get(key) or 0), "SmallRight")]
            )
        table = Table(
            rows,
            colWidths=[self.width - AMOUNT_WIDTH, AMOUNT_WIDTH],
            style=styles.data_table_style(numeric_from=1),
        )
        body: list[Flowable] = [table, Spacer(1, 4)]
        countries = [c for c in summary.get("countries", ()) if c.get("programmes")]
        if countries:
            shown = "; ".join(
                f"{country_name(c['code'])} ({counted_fr(c['programmes'], 'programme')})"
                for c in countries
            )
            body.append(self.p(f"Pays éligibles concernés : {shown}."))
        note = (
            f"Liste CAD des pays bénéficiaires de l’APD : édition {editions}. Le détail par "
            "pays, canal et secteur est dans Rapports › Déclaration APD… (commande apd)."
        )
        if summary.get("warnings"):
            note += (
                " "
                + counted_fr(
                    summary["warnings"], "point à vérifier", "points à vérifier"
                ).capitalize()
                + " avant la déclaration."
            )
        body.append(self.p(note, "Note"))
        return body

    # -- each partner's year ---------------------------------------------------------------------

    def _listed(self, texts: list[str]) -> str:
        if len(texts) > MAX_ITEMS:
            more = len(texts) - MAX_ITEMS + 1
            texts = [*texts[: MAX_ITEMS - 1], f"et {format_int(more)} autres"]
        return " ; ".join(texts) + "."

    def partner_lines(self, partner: PartnerYear) -> list[Flowable]:
        year = f"{self.data.year:04d}"
        programme_texts = []
        for programme in partner.programmes:
            marks = [
                m for m, on in (("commencé", programme.started), ("achevé", programme.ended)) if on
            ]
            if programme.funding:
                marks.append(format_amount(programme.funding_total))
            programme_texts.append(programme.title + (f" ({', '.join(marks)})" if marks else ""))
        lines = []
        if programme_texts:
            lines.append(("Programmes", self._listed(programme_texts)))
        if partner.visits:
            visit_texts = [
                f"{v.title} ({direction_label(v.direction).lower()}, {self._dates(v)})"
                for v in partner.visits
            ]
            lines.append(("Délégations", self._listed(visit_texts)))
        if partner.events:
            event_texts = [
                (f"{format_partial_date_fr(e.date)} : " if e.date != year else "") + e.title
                for e in partner.events
            ]
            lines.append(("Événements", self._listed(event_texts)))
        where = country_name(partner.country)
        head = self.p(f"{partner.name} ({where}) — {partner.kind_label}", "SubHeading")
        return [
            KeepTogether(
                [
                    head,
                    *[self.p(f"{label} : {text}", "Small") for label, text in lines],
                    Spacer(1, 4),
                ]
            )
        ]

    def partners(self, step: Step | None) -> list[Flowable]:
        body: list[Flowable] = []
        count = len(self.data.partner_years)
        for index, partner in enumerate(self.data.partner_years):
            if step is not None:
                step(index, count, partner.name)
            body += self.partner_lines(partner)
        return body

    # -- annex -----------------------------------------------------------------------------------

    def annex(self) -> list[Flowable]:
        programmes = self.data.annex
        if not programmes:
            return []
        rows: list[list] = [
            [*self.header("Programme", "Partenaires", "Période", "Financements de l’année")]
        ]
        inner = self.width * ANNEX_WIDTHS[3] - 8
        for programme in programmes:
            lines = [
                [self.cell(funder), self.p(format_amount(amount), "SmallRight")]
                for funder, amount in programme.funding
            ]
            if len(lines) > 1:
                lines.append(
                    [
                        self.p("Total", "SmallBold"),
                        self.p(format_amount(programme.funding_total), "SmallBoldRight"),
                    ]
                )
            funding = Table(
                lines,
                colWidths=[inner - 64, 64],
                style=styles.table_style(
                    [
                        ("VALIGN", (0, 0), (-1, -1), "TOP"),
                        ("LEFTPADDING", (0, 0), (-1, -1), 0),
                        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                        ("TOPPADDING", (0, 0), (-1, -1), 0),
                        ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
                    ]
                ),
            )
            rows.append(
                [
                    [
                        self.cell(programme.title, "SmallBold"),
                        self.cell(programme.kind_label, "Muted"),
                    ],
                    self.cell(", ".join(programme.partner_names) or "—"),
                    self.cell(format_period(programme.start, programme.end) or "—"),
                    funding,
                ]
            )
        rows.append(
            [
                self.p("Total", "SmallBold"),
                "",
                "",
                self.p(format_amount(self.data.funding_total), "SmallBoldRight"),
            ]
        )
        return [
            Table(
                rows,
                colWidths=[self.width * w for w in ANNEX_WIDTHS],
                repeatRows=1,
                style=styles.data_table_style(total_row=True),
            )
        ]
