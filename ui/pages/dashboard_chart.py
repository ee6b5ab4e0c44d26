"""The dashboard's funding chart, legible at any size and with any number of years.

At most about twelve bars (years grouped into periods by
:func:`relations_app.services.dashboard.funding_bars`), amounts on the axis in k€ or M€
rather than "150000000", no value printed over the bars (they would overlap on a narrow
chart: the amount is in the bar's tooltip), and a click on a bar asks for the
programmes funded in that year or period.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QBarSet, QChart, QChartView, QValueAxis
from PySide6.QtCore import QMargins, QSize, Qt, Signal
from PySide6.QtGui import QColor, QCursor, QFont, QFontMetricsF, QPainter
from PySide6.QtWidgets import QToolTip, QWidget

from relations_app.services import dashboard

from ..kit import labels

MOST_BARS = 12
MIN_HEIGHT = 170


def unit_for(largest: float) -> tuple[float, str]:
    """(divisor, unit) for an axis whose largest value is ``largest`` euros."""
    if largest >= 1_000_000:
        return 1_000_000.0, "M€"
    if largest >= 1_000:
        return 1_000.0, "k€"
    return 1.0, "€"


def short_label(bar: dashboard.Bar, tight: bool = False) -> str:
    """ "2019", or "2010–19" for a period (short enough not to be cut to "…"); ``tight``
    (a narrow chart): "’10–19"."""
    if bar.first_year == bar.last_year:
        return str(bar.first_year)
    if tight:
        return f"’{bar.first_year % 100:02d}–{bar.last_year % 100:02d}"
    if bar.first_year // 100 == bar.last_year // 100:
        return f"{bar.first_year}–{bar.last_year % 100:02d}"
    return f"{bar.first_year}–{bar.last_year}"


class FundingChart(QChartView):
    bar_clicked = Signal(object)  # a dashboard.Bar

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("fundingChart")
        self.setAccessibleName(self.tr("Funding per year"))
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(MIN_HEIGHT)
        self.bars: list[dashboard.Bar] = []
        self.unit = "€"
        self.chart_ = QChart()

    def sizeHint(self) -> QSize:
        """As tall as the column leaves it: a graphics view's own hint (its scene's size,
        some 480 pixels) made the dashboard taller than a 1366×768 window, the bars'
        years under its bottom edge."""
        return QSize(super().sizeHint().width(), MIN_HEIGHT + 60)

    def set_funding(self, by_year: dict[int, Decimal]) -> None:
        self.bars = dashboard.funding_bars(by_year, MOST_BARS)
        chart = QChart()
        chart.legend().hide()
        chart.setMargins(QMargins(2, 2, 2, 2))
        chart.setBackgroundRoundness(0)
        series = QBarSeries()
        largest = max([float(b.amount) for b in self.bars] + [1.0])
        divisor, self.unit = unit_for(largest)
        values = QBarSet(self.tr("Funding"))
        values.setColor(QColor("#1f6fb2"))
        for bar in self.bars:
            values.append(float(bar.amount) / divisor)
        series.append(values)
        series.setBarWidth(0.7)
        series.clicked.connect(self._clicked)
        values.hovered.connect(self._hovered)
        chart.addSeries(series)
        axis_x = QBarCategoryAxis()
        axis_x.append([short_label(b) for b in self.bars])
        chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(axis_x)
        axis_y = QValueAxis()
        axis_y.setMin(0)
        axis_y.setMax(largest / divisor * 1.1)
        axis_y.applyNiceNumbers()
        axis_y.setTickCount(5)
        top = axis_y.max()
        decimals = 0 if top >= 10 else 1
        axis_y.setLabelFormat(f"%.{decimals}f")  # printf-style: no "€" here (it shows "?")
        axis_y.setTitleText(self.unit)
        chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(axis_y)
        self.setChart(chart)
        self.chart_ = chart
        self._axis_x = axis_x
        self._label_font = QFont(axis_x.labelsFont())
        self.fit_labels()
        years = len(by_year)
        self.setToolTip(self.tr("Click a bar to list the programmes funded then") if years else "")

    def fit_labels(self) -> None:
        """The bars' years whole under each bar, never "199…": a smaller type, then the
        short form of a period ("’90–94") when the chart is too narrow for "1990–94"."""
        axis = getattr(self, "_axis_x", None)
        if axis is None or not self.bars:
            return
        self.chart_.layout().activate()
        width = self.chart_.plotArea().width() or self.width() - 70.0
        room = width / len(self.bars) * 0.8 - 8  # Qt cuts a label before it touches the next
        font = QFont(self._label_font)
        labels_now = [short_label(b) for b in self.bars]
        for tight in (False, True):
            labels_now = [short_label(b, tight) for b in self.bars]
            for size in (font.pointSizeF(), 8.0, 7.0):
                font.setPointSizeF(min(size, self._label_font.pointSizeF()))
                widest = max(QFontMetricsF(font).horizontalAdvance(t) for t in labels_now)
                if widest <= room:
                    self._set_labels(axis, labels_now, font)
                    return
        self._set_labels(axis, labels_now, font)

    def _set_labels(self, axis: QBarCategoryAxis, texts: list[str], font: QFont) -> None:
        if list(axis.categories()) != texts:
            axis.setCategories(texts)
        if axis.labelsFont() != font:
            axis.setLabelsFont(font)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.fit_labels()

    def categories(self) -> list[str]:
        axes = self.chart_.axes(Qt.Orientation.Horizontal)
        axis = axes[0] if axes else None
        return list(axis.categories()) if isinstance(axis, QBarCategoryAxis) else []

    def _clicked(self, index: int, _set: QBarSet) -> None:
        if 0 <= index < len(self.bars):
            self.bar_clicked.emit(self.bars[index])

    def _hovered(self, status: bool, index: int) -> None:
        if status and 0 <= index < len(self.bars):
            bar = self.bars[index]
            QToolTip.showText(QCursor.pos(), f"{bar.label} : {labels.money(bar.amount)}", self)
        else:
            QToolTip.hideText()
