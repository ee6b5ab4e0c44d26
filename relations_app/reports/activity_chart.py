"""Horizontal bar charts of amounts, drawn with ReportLab's graphics (the activity report).

Why horizontal bars: funders have long names ("Ministère de l'Europe et des Affaires
étrangères"); beside a horizontal bar the name reads on one line, never tilted, and the
amount sits at the end of its bar ("12 000 €").  The labels' column is as wide as the
longest name needs, at most :data:`MAX_LABEL_SHARE` of the width (longer names end with
"…"; the table under the chart gives them whole), and the value axis leaves room after
the longest bar for its amount, so that no text overlaps another or a bar.  Past
:data:`MAX_BARS` the smallest amounts are summed into one "Autres" bar.  Each label uses
the bundled font that has its characters (DejaVu Sans, or Droid Sans Fallback for
Chinese, Japanese and Korean), so that every PDF font stays embedded.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.shapes import Drawing
from reportlab.pdfbase.pdfmetrics import stringWidth

from . import styles
from .fonts import FALLBACK, REGULAR, charset, clean_text
from .formatting import format_amount, format_int
from .typography import french

MAX_BARS = 10
MAX_LABEL_SHARE = 0.42
LABEL_SIZE = 7.5
BAR_HEIGHT = 11.0
BAR_GAP = 6.0
LABEL_GAP = 6.0  # between a name and the axis
AMOUNT_GAP = 3.0  # between a bar's end and its amount


def grouped(
    items: Sequence[tuple[str, Decimal]], most: int = MAX_BARS
) -> list[tuple[str, Decimal]]:
    """``items`` (largest first), the ones past ``most`` summed into "Autres (N)"."""
    items = list(items)
    if len(items) <= most:
        return items
    kept, rest = items[: most - 1], items[most - 1 :]
    total = sum((amount for _label, amount in rest), Decimal(0))
    return [*kept, (f"Autres ({format_int(len(rest))})", total)]


def _font_for(text: str) -> str:
    regular = charset(REGULAR)
    return REGULAR if all(ord(c) in regular for c in text) else FALLBACK


def _printable(text: str) -> str:
    """The text as printed: French typography, without what neither font has."""
    text = french(clean_text(text))
    regular, fallback = charset(REGULAR), charset(FALLBACK)
    return "".join(c for c in text if ord(c) in regular or ord(c) in fallback)


def _fitted(text: str, font: str, room: float) -> str:
    if stringWidth(text, font, LABEL_SIZE) <= room:
        return text
    while len(text) > 1 and stringWidth(text + "…", font, LABEL_SIZE) > room:
        text = text[:-1]
    return text.rstrip(" ,·-–") + "…"


def amount_bars(items_in: Sequence[tuple[str, Decimal]], width: float) -> Drawing:
    """A drawing ``width`` wide with one bar per (label, amount), in the given order."""
    items = grouped(items_in)
    labels = [_printable(label) for label, _amount in items]
    fonts = [_font_for(label) for label in labels]
    amounts = [float(amount) for _label, amount in items]
    longest = max(stringWidth(t, f, LABEL_SIZE) for t, f in zip(labels, fonts, strict=True))
    label_room = min(longest, width * MAX_LABEL_SHARE)
    labels = [_fitted(t, f, label_room) for t, f in zip(labels, fonts, strict=True)]
    amount_texts = [format_amount(Decimal(str(a))) for a in amounts]
    amount_room = max(stringWidth(t, REGULAR, LABEL_SIZE) for t in amount_texts) + AMOUNT_GAP + 2

    height = len(items) * (BAR_HEIGHT + BAR_GAP) + BAR_GAP
    drawing = Drawing(width, height, initialFontName=REGULAR, initialFontSize=LABEL_SIZE)
    chart = HorizontalBarChart()
    chart.x = label_room + LABEL_GAP
    chart.y = 0
    chart.width = width - chart.x - amount_room
    chart.height = height
    chart.data = [amounts]
    chart.barWidth = BAR_HEIGHT
    chart.groupSpacing = BAR_GAP
    chart.bars[0].fillColor = styles.NAVY
    chart.bars[0].strokeColor = None
    if len(items) < len(list(items_in)):  # the "Autres" bar: lighter, not one more funder
        chart.bars[(0, len(items) - 1)].fillColor = styles.RULE
    chart.categoryAxis.categoryNames = labels
    chart.categoryAxis.reverseDirection = 1  # the first item on top
    chart.categoryAxis.visibleTicks = 0
    chart.categoryAxis.strokeColor = styles.RULE
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dx = -LABEL_GAP + 2
    chart.categoryAxis.labels.fontName = REGULAR
    chart.categoryAxis.labels.fontSize = LABEL_SIZE
    chart.categoryAxis.labels.fillColor = styles.TEXT
    for index, font in enumerate(fonts):
        if font != REGULAR:
            chart.categoryAxis.labels[index].fontName = font
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = max(*amounts, 1.0)
    chart.valueAxis.visibleAxis = 0
    chart.valueAxis.visibleTicks = 0
    chart.valueAxis.visibleLabels = 0
    chart.valueAxis.visibleGrid = 0
    chart.barLabelFormat = lambda value: format_amount(Decimal(str(value)))
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = AMOUNT_GAP
    chart.barLabels.fontName = REGULAR
    chart.barLabels.fontSize = LABEL_SIZE
    chart.barLabels.fillColor = styles.TEXT
    drawing.add(chart)
    return drawing
