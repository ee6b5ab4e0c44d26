"""Small platypus helpers shared by the reports."""

from __future__ import annotations

import copy
import re
import weakref

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, KeepTogether, Table
from reportlab.platypus import Paragraph as _Paragraph
from reportlab.platypus.paragraph import _FUZZ, cleanBlockQuotedText, textTransformFrags
from reportlab.platypus.paraparser import ParaFrag, ParaParser

#: Text that needs ReportLab's markup parser: tags, entities.
_MARKUP = re.compile("[<>&]")
_plain_frags: weakref.WeakKeyDictionary[ParagraphStyle, ParaFrag] = weakref.WeakKeyDictionary()


class Paragraph(_Paragraph):
    """A platypus Paragraph that parses plain text without the markup parser and breaks
    its lines once per width.

    Why: a sheet holds hundreds of small paragraphs (table cells), most of them plain
    text; ReportLab's HTML parser made up a tenth of a sheet's time, and a plain text
    gives one fragment in the style's font, which is made here the way the parser makes
    it.  A table wraps every cell each time it is measured (by the frame, by a
    KeepTogether, by each split), always at the same column width; a paragraph's height
    depends on the width alone, so the lines found the first time are kept.  ``split``
    drops them (``del blPara``) when it gives the paragraph up, and then they are found
    again.
    """

    _wrapped_at: float | None = None

    def __init__(self, text, style=None, bulletText=None, frags=None, **kwargs) -> None:
        plain = frags is None and style is not None and isinstance(text, str)
        if plain and not _MARKUP.search(text):
            cleaned = cleanBlockQuotedText(text)
            if cleaned:
                frag = copy.copy(_plain_frag(style))
                frag.text = cleaned
                frags = [frag]
                textTransformFrags(frags, style)
                text = cleaned
        super().__init__(text, style, bulletText, frags, **kwargs)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        if availWidth == self._wrapped_at and hasattr(self, "blPara"):
            return self.width, self.height
        size = super().wrap(availWidth, availHeight)
        self._wrapped_at = availWidth if availWidth >= _FUZZ else None
        return size


def _plain_frag(style: ParagraphStyle) -> ParaFrag:
    """The fragment ReportLab's parser makes for a plain text in ``style`` (once a style)."""
    frag = _plain_frags.get(style)
    if frag is None:
        frag = _plain_frags[style] = ParaParser().parse("x", style)[1][0]
    return frag


class KeepTogetherWhenShort(KeepTogether):
    """Keep flowables on one page, unless the page still has more than ``room`` left.

    Why: a heading must not end a page alone and a small table should not leave its total
    row on the next page, but a long table moved whole to the next page would leave a
    nearly empty one.  With more than ``room`` points left the content splits where it
    is (tables repeat their header rows); with less, it moves on as one block.
    """

    def __init__(self, flowables: list[Flowable], room: float) -> None:
        super().__init__(flowables)
        self.room = room

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        if getattr(self, "_wrapInfo", None) != (avail_width, avail_height):
            self.wrap(avail_width, avail_height)
        if avail_height >= self._H or avail_height > self.room:
            return list(self._content)
        return super().split(avail_width, avail_height)


class RuledLines(Flowable):
    """Writing lines over the rest of the frame: a note page that a pen can use.

    Why a flowable: it takes exactly the height the frame has left, so a "Notes" heading
    followed by it fills its page to the footer, whatever the heading's size.
    """

    def __init__(self, spacing: float = 22.0, colour=None, min_lines: int = 3) -> None:
        super().__init__()
        self.spacing, self.colour, self.min_lines = spacing, colour, min_lines

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        lines = max(self.min_lines, int(avail_height // self.spacing))
        self.height = lines * self.spacing
        return self.width, self.height

    def draw(self) -> None:
        from . import styles

        canvas = self.canv
        canvas.setStrokeColor(self.colour or styles.RULE)
        canvas.setLineWidth(0.5)
        y = self.height - self.spacing
        while y >= -0.01:
            canvas.line(0, y, self.width, y)
            y -= self.spacing


class AtPageBottom(Flowable):
    """A flowable drawn at the bottom of the room left in the frame (a cover's footnote)."""

    def __init__(self, content: Flowable) -> None:
        super().__init__()
        self.content = content

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        self._inner = self.content.wrap(avail_width, avail_height)[1]
        self.height = max(avail_height, self._inner)
        return self.width, self.height

    def draw(self) -> None:
        self.content.drawOn(self.canv, 0, 0)


def figure_tiles(cells: list, width: float, per_row: int) -> Table:
    """Key figures as tiles, ``per_row`` to a row: a navy edge on a light ground for each
    cell that holds something (a fact sheet's key figures, a report's year in figures)."""
    from . import styles

    rows = [list(cells[i : i + per_row]) for i in range(0, len(cells), per_row)]
    rows[-1] += [""] * (per_row - len(rows[-1]))
    style: list[tuple] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 7),
        ("RIGHTPADDING", (0, 0), (-1, -1), 7),
        ("TOPPADDING", (0, 0), (-1, -1), 5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
        ("LINEAFTER", (0, 0), (-2, -1), 3, styles.WHITE),
        ("LINEBELOW", (0, 0), (-1, -2), 3, styles.WHITE),
    ]
    for r, row in enumerate(rows):
        for c, content in enumerate(row):
            if content:
                style += [
                    ("BACKGROUND", (c, r), (c, r), styles.ZEBRA),
                    ("LINEBEFORE", (c, r), (c, r), 2, styles.NAVY),
                ]
    return Table(rows, colWidths=[width / per_row] * per_row, style=styles.table_style(style))
