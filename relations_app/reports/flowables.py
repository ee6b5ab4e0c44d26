"""Small platypus helpers shared by the reports."""

from __future__ import annotations

from reportlab.platypus import Flowable, KeepTogether, Table


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
