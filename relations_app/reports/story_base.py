"""What every report's content builder shares: safe text, headings, sections, people tables.

Why a base: the fact sheet and the delegation briefing print database text the same way.
Every such text goes through :meth:`StoryBase.m` (escaped, the fallback font for what
DejaVu lacks, unprintable characters collected in ``missing``), so "<b>" or "&" print as
typed and a character no font has is reported, never drawn as a box.  A section with
nothing to say returns no flowable at all, so no document shows an empty heading.
Texts in table cells (which cannot split over pages) are shortened to a bound; long texts
flow as paragraphs.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.platypus import CondPageBreak, Flowable, Table

from ..validation import display_phone
from . import styles
from .flowables import KeepTogetherWhenShort, Paragraph
from .fonts import markup, missing_characters

MAX_CELL_TEXT = 300  # characters of a database text shown in a table cell
KEEP_ROOM = 80  # points: a section starts on a new page when less room is left
KEEP_MAX = 240  # points: with more room than this left, a section splits in place
NO_PADDING = [
    (f"{side}PADDING", (0, 0), (-1, -1), 0) for side in ("LEFT", "RIGHT", "TOP", "BOTTOM")
]
PEOPLE_WIDTHS = (0.27, 0.41, 0.32)


def shorten(text: str | None, limit: int) -> str:
    """``text`` cut at a word before ``limit`` characters, with "[…]" when cut."""
    text = text or ""
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0] if " " in text[:limit] else text[:limit]
    return cut.rstrip() + " […]"


class StoryBase:
    """Text helpers over one stylesheet and one set of left-out characters.

    Several builders may share ``missing`` (a briefing holds a fact-sheet builder per
    partner), so that one build reports every character it left out.
    """

    #: Paragraph style of a heading, by outline level (the deepest serves the levels below).
    heading_styles: tuple[str, ...] = ("Heading", "Heading2")

    def __init__(self, width: float, missing: set[str] | None = None) -> None:
        self.width = width
        self.sheet = styles.stylesheet()
        self.missing: set[str] = missing if missing is not None else set()

    # -- text helpers ------------------------------------------------------------------------

    def m(self, text: str | None, style: str = "Body") -> str:
        """Markup printing ``text`` literally in ``style``'s font (or the fallback)."""
        return markup(text, self.sheet[style].fontName, self.missing)

    def collect(self, text: str | None) -> None:
        """Note the unprintable characters of text drawn outside the story (the band)."""
        self.missing.update(missing_characters(text or ""))

    def p(self, text: str | None, style: str = "Body") -> Paragraph:
        return Paragraph(self.m(text, style), self.sheet[style])

    def cell(self, text: str | None, style: str = "Small") -> Paragraph:
        """A paragraph for a table cell: bounded, since a cell never splits over pages."""
        return self.p(shorten(text, MAX_CELL_TEXT), style)

    def texts(self, text: str | None, style: str = "Text") -> list[Paragraph]:
        """One Paragraph per line of ``text``: long texts flow and split over pages."""
        return [self.p(line, style) for line in (text or "").splitlines() if line.strip()]

    def bullets(self, lines: str | list[str] | None, style: str = "Bullet") -> list[Paragraph]:
        """One bulleted Paragraph per line (of a text, or of a list of texts)."""
        if isinstance(lines, str) or lines is None:
            lines = (lines or "").splitlines()
        return [
            Paragraph(self.m(line.strip(), style), self.sheet[style], bulletText="•")
            for line in lines
            if line.strip()
        ]

    # -- headings and sections -----------------------------------------------------------------

    def heading(self, title: str, level: int = 0, *, toc: bool = True) -> Paragraph:
        """A heading that :class:`.template.ReportTemplate` turns into a PDF bookmark at
        ``level`` and, with ``toc``, into an entry of the table of contents."""
        heading = self.p(title, self.heading_styles[min(level, len(self.heading_styles) - 1)])
        heading.outline_title = title  # read by ReportTemplate.afterFlowable
        heading.outline_level = level
        heading.in_toc = toc
        return heading

    def section(
        self, title: str, body: Sequence[Flowable], keep: int = 1, level: int = 0
    ) -> list[Flowable]:
        """Heading and body, or nothing when the body is empty.

        A section starts on the next page when less than ``KEEP_ROOM`` is left.  The
        heading and the first ``keep`` flowables of the body (a small table with its
        total row, say) move to the next page together when they do not fit in what is
        left, unless more than ``KEEP_MAX`` is left: then they split where they are, so a
        long table never leaves a page empty.
        """
        if not body:
            return []
        head = KeepTogetherWhenShort([self.heading(title, level), *body[:keep]], room=KEEP_MAX)
        return [CondPageBreak(KEEP_ROOM), head, *body[keep:]]

    # -- tables --------------------------------------------------------------------------------

    def header(self, *titles: str) -> list[Any]:  # a row: its cells may be lists too
        """The header row of a data table (fixed French titles, not database text)."""
        return [Paragraph(t, self.sheet["TableHeader"]) for t in titles]

    def people_table(self, people: list[dict], *, with_organisation: bool = True) -> Table:
        """Name, function (and organisation), e-mail and phone of each person."""
        rows = [self.header("Nom", "Fonction", "Coordonnées")]
        for person in people:
            role = [self.cell(person.get("function") or "—")]
            if with_organisation and person.get("organisation"):
                role.append(self.cell(person["organisation"], "Muted"))
            reach = [
                self.cell(x) for x in (person.get("email"), display_phone(person.get("phone"))) if x
            ]
            name = (
                self.cell(person["name"], "SmallBold")
                if person.get("name")
                else self.p("À désigner", "MutedItalic")
            )
            rows.append([name, role, reach or self.p("—", "Small")])
        return Table(
            rows,
            colWidths=[self.width * w for w in PEOPLE_WIDTHS],
            repeatRows=1,
            style=styles.data_table_style(),
        )
