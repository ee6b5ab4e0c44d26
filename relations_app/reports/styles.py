"""The one stylesheet of the PDF reports: colours, paragraph styles, table styles.

Why one module: every report looks like the same office wrote it.  Paragraph styles
inherit from ``Body`` with ``parent=``, so changing the base font or size changes them
all (the pattern of ReportLab's own ``tools/docco/stylesheet.py``).
"""

from __future__ import annotations

from functools import lru_cache

from reportlab.lib import colors
from reportlab.lib.enums import TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle, StyleSheet1
from reportlab.platypus import TableStyle

from .fonts import BOLD, ITALIC, REGULAR, register_fonts
from .typography import keep_no_break_spaces

NAVY = colors.HexColor("#17365d")
NAVY_LIGHT = colors.HexColor("#dfe7f1")
ACCENT = colors.HexColor("#c0392b")  # the partner's marker and small highlights
TEXT = colors.HexColor("#222222")
MUTED = colors.HexColor("#5f6b78")
RULE = colors.HexColor("#b8c4d2")
ZEBRA = colors.HexColor("#f3f6f9")
SEA = colors.HexColor("#e6eff7")
LAND = colors.HexColor("#d9d4c7")
LAND_EDGE = colors.HexColor("#ffffff")
LAND_PARTNER = colors.HexColor("#e7b8a6")
LAND_HOME = colors.HexColor("#b9c9dc")
WHITE = colors.white


@lru_cache(maxsize=1)
def stylesheet() -> StyleSheet1:
    """Every paragraph style of the reports, by name."""
    register_fonts()
    keep_no_break_spaces()
    sheet = StyleSheet1()
    body = ParagraphStyle(
        "Body",
        fontName=REGULAR,
        fontSize=9.2,
        leading=12.6,
        textColor=TEXT,
        alignment=TA_LEFT,
        spaceAfter=4,
        splitLongWords=1,
    )
    sheet.add(body)
    add = sheet.add
    # Justified text is hyphenated the French way (pyphen's patterns), so that no line
    # of it is stretched loose; ReportLab also breaks long web addresses there.
    add(
        ParagraphStyle(
            "Text",
            parent=body,
            alignment=TA_JUSTIFY,
            hyphenationLang="fr",
            embeddedHyphenation=1,
            uriWasteReduce=0.3,
        )
    )
    add(
        ParagraphStyle(
            "Bullet",
            parent=sheet["Text"],
            leftIndent=11,
            bulletIndent=1,
            bulletFontName=REGULAR,
            spaceAfter=3,
        )
    )
    add(ParagraphStyle("Small", parent=body, fontSize=8, leading=10.2, spaceAfter=0))
    add(ParagraphStyle("SmallRight", parent=sheet["Small"], alignment=TA_RIGHT))
    add(ParagraphStyle("SmallBold", parent=sheet["Small"], fontName=BOLD))
    add(ParagraphStyle("SmallBoldRight", parent=sheet["SmallBold"], alignment=TA_RIGHT))
    add(ParagraphStyle("Muted", parent=sheet["Small"], textColor=MUTED))
    add(ParagraphStyle("MutedItalic", parent=sheet["Muted"], fontName=ITALIC))
    add(ParagraphStyle("Note", parent=sheet["MutedItalic"], spaceBefore=2, spaceAfter=4))
    add(
        ParagraphStyle(
            "Heading",
            parent=body,
            fontName=BOLD,
            fontSize=11.5,
            leading=14,
            textColor=NAVY,
            spaceBefore=10,
            spaceAfter=5,
        )
    )
    add(ParagraphStyle("HeadingCompact", parent=sheet["Heading"], spaceBefore=6, spaceAfter=3))
    add(
        ParagraphStyle(
            "SubHeading",
            parent=body,
            fontName=BOLD,
            fontSize=9.2,
            leading=12,
            textColor=NAVY,
            spaceBefore=5,
            spaceAfter=2,
            keepWithNext=1,
        )
    )
    add(
        ParagraphStyle(
            "Heading2",
            parent=body,
            fontName=BOLD,
            fontSize=10,
            leading=13,
            textColor=NAVY,
            spaceBefore=8,
            spaceAfter=3,
        )
    )
    add(
        ParagraphStyle(
            "Chapter",
            parent=body,
            fontName=BOLD,
            fontSize=16,
            leading=20,
            textColor=NAVY,
            spaceBefore=0,
            spaceAfter=8,
        )
    )
    add(
        ParagraphStyle(
            "TOC0", parent=body, fontName=BOLD, fontSize=10, leading=13, spaceBefore=7, spaceAfter=1
        )
    )
    add(
        ParagraphStyle(
            "TOC1",
            parent=body,
            fontSize=9,
            leading=12,
            leftIndent=14,
            textColor=MUTED,
            spaceAfter=0,
        )
    )
    add(ParagraphStyle("CoverValue", parent=body, fontSize=10.5, leading=14, spaceAfter=0))
    add(
        ParagraphStyle(
            "CoverLabel",
            parent=body,
            fontName=BOLD,
            fontSize=8.5,
            leading=14,
            textColor=MUTED,
            spaceAfter=0,
        )
    )
    add(
        ParagraphStyle(
            "Confidential",
            parent=body,
            fontName=BOLD,
            fontSize=10.5,
            leading=14,
            textColor=ACCENT,
            spaceAfter=2,
        )
    )
    add(ParagraphStyle("Label", parent=sheet["Small"], fontName=BOLD, textColor=MUTED))
    add(ParagraphStyle("Value", parent=body, fontSize=8.8, leading=11.4, spaceAfter=0))
    add(ParagraphStyle("TableHeader", parent=sheet["SmallBold"], textColor=WHITE))
    add(ParagraphStyle("TableHeaderRight", parent=sheet["TableHeader"], alignment=TA_RIGHT))
    add(
        ParagraphStyle(
            "FigureValue",
            parent=body,
            fontName=BOLD,
            fontSize=14,
            leading=17,
            textColor=NAVY,
            spaceAfter=1,
        )
    )
    add(ParagraphStyle("FigureLabel", parent=sheet["Small"], leading=9.8))
    add(
        ParagraphStyle(
            "Event",
            parent=body,
            fontSize=8.8,
            leading=11.6,
            leftIndent=78,
            firstLineIndent=-78,
            spaceAfter=3,
        )
    )
    add(
        ParagraphStyle(
            "BandTitle",
            parent=body,
            fontName=BOLD,
            fontSize=24,
            leading=28,
            textColor=WHITE,
            spaceAfter=0,
        )
    )
    add(ParagraphStyle("BandSubtitle", parent=body, fontSize=10, leading=13, textColor=WHITE))
    add(
        ParagraphStyle(
            "BandKicker",
            parent=body,
            fontName=BOLD,
            fontSize=7,
            leading=9,
            textColor=NAVY_LIGHT,
        )
    )
    add(
        ParagraphStyle(
            "BandSlim", parent=body, fontName=BOLD, fontSize=8.5, leading=10, textColor=WHITE
        )
    )
    add(ParagraphStyle("Footer", parent=body, fontSize=7, leading=9, textColor=MUTED))
    add(
        ParagraphStyle(
            "MapLabel", parent=body, fontName=BOLD, fontSize=7, leading=8.4, spaceAfter=0
        )
    )
    add(ParagraphStyle("MapCaption", parent=sheet["Muted"], fontSize=6.5, leading=8))
    return sheet


def table_style(commands: list[tuple]) -> TableStyle:
    """A TableStyle whose plain-string cells use the bundled font, never Helvetica."""
    register_fonts()
    return TableStyle([("FONTNAME", (0, 0), (-1, -1), REGULAR), *commands])


def data_table_style(
    *, header_rows: int = 1, total_row: bool = False, numeric_from: int | None = None
) -> TableStyle:
    """A table with a navy header, light zebra rows and an optional bold total row."""
    commands: list[tuple] = [
        ("BACKGROUND", (0, 0), (-1, header_rows - 1), NAVY),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("ROWBACKGROUNDS", (0, header_rows), (-1, -1), [WHITE, ZEBRA]),
        ("LINEBELOW", (0, -1), (-1, -1), 0.6, RULE),
    ]
    if numeric_from is not None:
        commands.append(("ALIGN", (numeric_from, 0), (-1, -1), "RIGHT"))
    if total_row:
        commands += [
            ("LINEABOVE", (0, -1), (-1, -1), 0.8, NAVY),
            ("BACKGROUND", (0, -1), (-1, -1), NAVY_LIGHT),
        ]
    return table_style(commands)


def identity_table_style() -> TableStyle:
    """Label / value rows separated by hairlines: the identity block of a fact sheet."""
    return table_style(
        [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 4),
            ("LINEBELOW", (0, 0), (-1, -2), 0.4, RULE),
        ]
    )
