"""The home page: counts, what needs attention, anniversaries, funding, the map."""

from __future__ import annotations

from datetime import date

from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QBarSet, QChart, QChartView, QValueAxis
from PySide6.QtCore import QMargins, Qt, Signal
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from relations_app.services import dashboard, partners

from ..kit import labels
from .world_map import KIND_COLOURS, WorldMap

LIST_ITEMS = 100  # lines per "to watch" list


class Dashboard(QScrollArea):
    open_record = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dashboard")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget(self)
        self.setWidget(body)
        layout = QVBoxLayout(body)
        title = QLabel(self.tr("Dashboard"), body)
        title.setStyleSheet("font-weight: bold; font-size: 14pt;")
        layout.addWidget(title)
        self.cards = QHBoxLayout()
        layout.addLayout(self.cards)
        self.card_labels: dict[str, QLabel] = {}
        for kind in (*partners.KINDS, "total"):
            card = QLabel(body)
            card.setObjectName(f"count_{kind}")
            colour = KIND_COLOURS.get(kind)
            border = colour.name() if colour else "#555555"
            card.setStyleSheet(
                f"QLabel {{ border-left: 5px solid {border}; background: palette(base);"
                " padding: 8px 12px; }"
            )
            card.setTextFormat(Qt.TextFormat.RichText)
            self.cards.addWidget(card)
            self.card_labels[kind] = card
        grid = QGridLayout()
        layout.addLayout(grid, 1)
        map_box = QGroupBox(self.tr("Partners in the world"), body)
        map_layout = QVBoxLayout(map_box)
        self.map = WorldMap(map_box)
        self.map.setMinimumHeight(340)
        self.map.partner_clicked.connect(lambda pid: self.open_record.emit("partners", pid))
        map_layout.addWidget(self.map)
        legend = QLabel(map_box)
        legend.setTextFormat(Qt.TextFormat.RichText)
        legend.setText(
            "  ".join(
                f"<span style='color:{KIND_COLOURS[k].name()}'>●</span> {labels.partner_kind(k)}"
                for k in partners.KINDS
            )
            + "  <span style='color:#c0392b'>■</span> "
            + self.tr("Brest")
        )
        map_layout.addWidget(legend)
        grid.addWidget(map_box, 0, 0, 1, 2)
        chart_box = QGroupBox(self.tr("Funding per year"), body)
        chart_layout = QVBoxLayout(chart_box)
        self.chart_view = QChartView(chart_box)
        self.chart_view.setObjectName("fundingChart")
        self.chart_view.setAccessibleName(self.tr("Funding per year"))
        self.chart_view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.chart_view.setMinimumHeight(240)
        chart_layout.addWidget(self.chart_view)
        grid.addWidget(chart_box, 1, 0)
        attention = QGroupBox(self.tr("To watch"), body)
        attention_layout = QVBoxLayout(attention)
        self.ending = self._list(
            attention_layout, "endingSoon", self.tr("Ending within six months")
        )
        self.overdue = self._list(
            attention_layout, "ongoingPastEnd", self.tr("Still “ongoing” after their end date")
        )
        self.anniversaries = self._list(
            attention_layout, "anniversaries", self.tr("Agreement anniversaries this year and next")
        )
        grid.addWidget(attention, 1, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        self._total = 0

    def _list(self, layout: QVBoxLayout, name: str, title: str) -> QListWidget:
        label = QLabel(f"<b>{title}</b>", self)
        layout.addWidget(label)
        widget = QListWidget(self)
        widget.setObjectName(name)
        widget.setAccessibleName(title)
        widget.setMaximumHeight(90)
        widget.itemActivated.connect(self._activated)
        layout.addWidget(widget)
        return widget

    def _activated(self, item: QListWidgetItem) -> None:
        data = item.data(Qt.ItemDataRole.UserRole)
        if data:
            self.open_record.emit(*data)

    def _fill(
        self,
        widget: QListWidget,
        items: list[tuple[str, tuple[str, str] | None]],
        empty: str,
        total: int | None = None,
    ) -> None:
        """At most :data:`LIST_ITEMS` lines (a large office has thousands), then "… and N more"."""
        widget.clear()
        for text, target in items[:LIST_ITEMS] or [(empty, None)]:
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, target)
            widget.addItem(item)
        more = (len(items) if total is None else total) - min(len(items), LIST_ITEMS)
        if more > 0:
            item = QListWidgetItem(self.tr("… and %n more", "", more))
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsSelectable)
            widget.addItem(item)

    def refresh(self, today: date | None = None) -> None:
        today = today or date.today()
        counts = dashboard.counts_by_kind()
        self._total = sum(counts.values())
        for kind in partners.KINDS:
            self.card_labels[kind].setText(
                f"<span style='font-size:18pt; font-weight:bold'>{counts.get(kind, 0)}</span><br>{labels.partner_kind(kind)}"
            )
        in_all = self.tr("Partners in all")
        self.card_labels["total"].setText(
            f"<span style='font-size:18pt; font-weight:bold'>{self._total}</span><br>{in_all}"
        )
        none = self.tr("None")
        ending = dashboard.programmes_ending_soon(today)
        self._fill(
            self.ending,
            [
                (f"{p['title']} — {labels.date(p['end'])}", ("programmes", p["id"]))
                for p in ending[:LIST_ITEMS]
            ],
            none,
            len(ending),
        )
        ended = self.tr("ended %1")
        self._fill(
            self.overdue,
            [
                (
                    f"{p['title']} — {ended.replace('%1', labels.date(p['end']))}",
                    ("programmes", p["id"]),
                )
                for p in dashboard.ongoing_past_end(today, LIST_ITEMS)
            ],
            none,
            dashboard.count_ongoing_past_end(today),
        )
        self._fill(
            self.anniversaries,
            [
                (
                    self.tr("%1: %2 years in %3")
                    .replace("%1", a.partner)
                    .replace("%2", str(a.years))
                    .replace("%3", str(a.year)),
                    ("partners", a.partner_id),
                )
                for a in dashboard.anniversaries(today, LIST_ITEMS)
            ],
            none,
            dashboard.count_anniversaries(today),
        )
        self.map.set_points(dashboard.map_points(), dashboard.home_point())
        self._draw_chart(dashboard.funding_by_year())

    def _draw_chart(self, by_year: dict) -> None:
        chart = QChart()
        chart.legend().hide()
        chart.setMargins(QMargins(4, 4, 4, 4))
        series = QBarSeries()
        bars = QBarSet(self.tr("Funding (€)"))
        for amount in by_year.values():
            bars.append(float(amount))
        series.append(bars)
        series.setLabelsVisible(True)
        series.setLabelsFormat("@value €")
        chart.addSeries(series)
        axis_x = QBarCategoryAxis()
        axis_x.append([str(y) for y in by_year])
        chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(axis_x)
        axis_y = QValueAxis()
        axis_y.setLabelFormat("%.0f")
        axis_y.setMin(0)
        axis_y.setMax(max([float(a) for a in by_year.values()] + [1.0]) * 1.15)
        axis_y.applyNiceNumbers()
        chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(axis_y)
        self.chart_view.setChart(chart)
        self.chart = chart

    def status_text(self) -> str:
        return self.tr("%n partner(s)", "", self._total)
