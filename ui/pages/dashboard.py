"""The home page as the morning's work list (EspoCRM's dashlets, Kontact's summary).

First what needs doing: the delegations to come (days left, their briefing a click
away), programmes ending within six months, programmes still "ongoing" after their end,
round anniversaries of agreements; then the counts, the map and the funding chart.
Every card, list and bar opens the matching list in full (:attr:`Dashboard.open_list`):
no list stops at "… and N more" without a way to see the rest.  The figures come from
:mod:`relations_app.services.dashboard`, a bounded number of queries, never one per row.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

import shiboken6
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from relations_app.services import dashboard, deadlines, history_read, history_text, partners

from ..kit import labels, tasks
from ..kit.first_paint import after_first_paint, after_next_paint
from .dashboard_chart import FundingChart
from .dashboard_lists import ROLE, Card, WorkList
from .world_map import KIND_COLOURS, WorldMap

log = logging.getLogger(__name__)
LIST_ITEMS = 50
FEWEST_ROWS = 3  # a window too short for this many lines per list scrolls the page
MOST_ROWS = 12  # a tall window: this many lines per list at most, the rest below
TRIPS = 20
#: The latest changes listed (their lines: a change of several fields has one per field).
CHANGES = 20


@dataclass
class Overview:
    """What the dashboard shows besides its cards, read in one go (off the GUI thread at
    start): each list's first rows with its whole count."""

    trips: list
    trips_total: int
    ending: tuple[list[dict], int]
    overdue: tuple[list[dict], int]
    anniversaries: tuple[list, int]
    changes: tuple[list, history_text.Names]
    map_points: list
    home: dict | None
    funding: dict[int, Decimal]


def read_anniversaries(today: date, limit: int | None) -> tuple[list, int]:
    found = dashboard.anniversaries(today, limit)
    if limit is not None and len(found) == limit:
        return found, dashboard.count_anniversaries(today)
    return found, len(found)


def read_changes(limit: int) -> tuple[list, history_text.Names]:
    changes = history_read.latest_changes(limit)
    return changes, history_text.Names.of(changes)


def read_overview(today: date) -> Overview:
    """Every read of the dashboard but its cards' (a bounded number of queries)."""
    trips = dashboard.upcoming_delegations(today, TRIPS)
    ending = dashboard.programmes_ending_soon(today, limit=LIST_ITEMS)
    overdue = dashboard.ongoing_past_end(today, LIST_ITEMS)
    return Overview(
        trips=trips,
        trips_total=(
            dashboard.count_upcoming_delegations(today) if len(trips) == TRIPS else len(trips)
        ),
        ending=(
            ending,
            dashboard.count_ending_soon(today) if len(ending) == LIST_ITEMS else len(ending),
        ),
        overdue=(
            overdue,
            dashboard.count_ongoing_past_end(today) if len(overdue) == LIST_ITEMS else len(overdue),
        ),
        anniversaries=read_anniversaries(today, LIST_ITEMS),
        changes=read_changes(CHANGES),
        map_points=dashboard.map_points(),
        home=dashboard.home_point(),
        funding=dashboard.funding_by_year(),
    )


class Dashboard(QScrollArea):
    open_record = Signal(str, str)
    open_list = Signal(str, str, dict)  # section, search, filters
    #: the first reading of the lists, the map and the chart is shown
    filled_now = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dashboard")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget(self)
        self.setWidget(body)
        layout = self._body_layout = QVBoxLayout(body)
        title = QLabel(self.tr("Dashboard"), body)
        title.setStyleSheet("font-weight: bold; font-size: 14pt;")
        layout.addWidget(title)
        cards = QHBoxLayout()
        layout.addLayout(cards)
        self.card_labels: dict[str, Card] = {}
        for kind in (*partners.KINDS, "total"):
            colour = KIND_COLOURS.get(kind)
            card = Card(f"count_{kind}", colour.name() if colour else "#555555", body)
            filters = {"kind": kind} if kind != "total" else {}
            card.clicked.connect(lambda _c=False, f=filters: self.open_list.emit("partners", "", f))
            cards.addWidget(card)
            self.card_labels[kind] = card
        grid = QGridLayout()
        layout.addLayout(grid, 1)
        work = QGroupBox(self.tr("To do"), body)
        work_layout = QVBoxLayout(work)
        self.trips = WorkList("upcomingDelegations", self.tr("Delegations to come"), work)
        self.trips.activated.connect(lambda t: self.open_record.emit(*t))
        self.trips.see_all.connect(lambda: self.open_list.emit("delegations", "", {}))
        work_layout.addWidget(self.trips)
        self.briefing_button = QPushButton(self.tr("Delegation briefing"), work)
        self.briefing_button.setObjectName("briefingButton")
        self.briefing_button.setToolTip(self.tr("The briefing of the delegation chosen above"))
        self.briefing_button.clicked.connect(self.show_briefing)
        self.trips.list.currentItemChanged.connect(lambda *_a: self._update_briefing())
        # on the list's title line, not a line of its own (the column fits a laptop's window)
        self.trips.head.insertWidget(1, self.briefing_button)
        self.setTabOrder(self.trips.list, self.briefing_button)
        self.ending_work = self._work_list(
            work_layout, "endingSoon", self.tr("Ending within six months"), deadlines.ENDING_SOON
        )
        self.overdue_work = self._work_list(
            work_layout,
            "ongoingPastEnd",
            self.tr("Still “ongoing” after their end date"),
            deadlines.PAST_END,
        )
        self.ending, self.overdue = self.ending_work.list, self.overdue_work.list
        self.anniversary_list = WorkList(
            "anniversaries", self.tr("Agreement anniversaries this year and next"), work
        )
        self.anniversary_list.activated.connect(lambda t: self.open_record.emit(*t))
        self.anniversary_list.see_all.connect(self._all_anniversaries)
        work_layout.addWidget(self.anniversary_list)
        self.anniversaries = self.anniversary_list.list
        self.warnings = WorkList("dataWarnings", self.tr("Data to check"), work)
        self.warnings.setToolTip(
            self.tr("What the check command reports: a mistyped e-mail, contradictory counts…")
        )
        self.warnings.activated.connect(lambda t: self.open_record.emit(*t))
        self.warnings.see_all.connect(self._all_warnings)
        work_layout.addWidget(self.warnings)
        self._found_warnings: list = []
        self._checking = False
        self.changes = WorkList("latestChanges", self.tr("Latest changes"), work)
        self.changes.activated.connect(lambda t: self.open_record.emit(*t))
        self.changes.see_all.connect(self._all_changes)
        work_layout.addWidget(self.changes)
        work_layout.addStretch(1)
        self.work = work
        self.work_lists = [
            self.trips,
            self.ending_work,
            self.overdue_work,
            self.anniversary_list,
            self.warnings,
            self.changes,
        ]
        grid.addWidget(work, 0, 0, 2, 1)
        map_box = QGroupBox(self.tr("Partners in the world"), body)
        map_layout = QVBoxLayout(map_box)
        self.map = WorldMap(map_box)
        self.map.setMaximumHeight(216)  # a third of a laptop's window (see resizeEvent)
        self.map.partner_clicked.connect(lambda pid: self.open_record.emit("partners", pid))
        map_layout.addWidget(self.map)
        legend = QLabel(map_box)
        legend.setTextFormat(Qt.TextFormat.RichText)
        legend.setWordWrap(True)
        legend.setText(
            "  ".join(
                f"<span style='color:{KIND_COLOURS[k].name()}'>●</span> {labels.partner_kind(k)}"
                for k in partners.KINDS
            )
            + "  <span style='color:#c0392b'>■</span> "
            + self.tr("Brest")
        )
        map_layout.addWidget(legend)
        map_layout.addStretch(1)  # the legend under the map, the spare height below it
        grid.addWidget(map_box, 0, 1)
        chart_box = QGroupBox(self.tr("Funding per year"), body)
        chart_layout = QVBoxLayout(chart_box)
        self.chart_view = FundingChart(chart_box)
        self.chart_view.bar_clicked.connect(self._bar_clicked)
        chart_layout.addWidget(self.chart_view)
        grid.addWidget(chart_box, 1, 1)
        grid.setColumnStretch(0, 5)
        grid.setColumnStretch(1, 4)
        self._total = 0
        self._today = date.today()
        #: the lists, the map and the chart have been read and shown at least once
        self.filled = False
        self._reading = False

    def fit_rows(self) -> None:
        """As many whole lines per list as the window's height leaves the left column
        (between :data:`FEWEST_ROWS` and :data:`MOST_ROWS`, at most as many for each), so that
        on a 1366×768 laptop the page needs no scrolling; a list opened in place by its
        "see all" keeps its height (the page then scrolls, as asked)."""
        sized = [w for w in getattr(self, "work_lists", []) if not w.expanded]
        if not sized:
            return
        self._body_layout.activate()
        lists_height = sum(w.list.height() for w in sized)
        rest = self.work.sizeHint().height() - lists_height
        margin = self._body_layout.contentsMargins().bottom()
        room = self.viewport().height() - self.work.y() - margin - rest
        frames = sum(2 * w.list.frameWidth() for w in sized)
        line = max(w.line_height() for w in sized)
        lines = (room - frames) // line  # the whole lines the column has room for
        counts = [max(w.list.count(), 1) for w in sized]
        rows = next(
            (
                r
                for r in range(MOST_ROWS, FEWEST_ROWS, -1)
                if sum(min(c, r) for c in counts) <= lines
            ),
            FEWEST_ROWS,
        )  # a short list leaves its room to the others
        for work in sized:
            if work.rows_shown != rows:
                work.rows_shown = rows
                work.fit()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        # the map at most a third of the window's height (a laptop's: some 220 pixels)
        self.map.setMaximumHeight(max(self.map.minimumHeight(), self.window().height() // 3 - 40))
        self.fit_rows()

    def _work_list(self, layout: QVBoxLayout, name: str, title: str, due: str) -> WorkList:
        work = WorkList(name, title, self)
        work.activated.connect(lambda t: self.open_record.emit(*t))
        work.see_all.connect(lambda: self.open_list.emit("programmes", "", {"watch": due}))
        layout.addWidget(work)
        return work

    @property
    def checking(self) -> bool:
        """The data checks are under way (or waiting for the paint to begin)."""
        return self._checking

    @property
    def chart(self):
        return self.chart_view.chart_

    def refresh(self, today: date | None = None) -> None:
        """The cards, then the lists, the map and the chart.  The first time, before the
        window has painted, only the cards are read on the spot: the rest is read off the
        GUI thread at once, beside the window's own first layout and paint (SQLite's work
        on the other core), and shown once the window has painted, never before (a first
        paint with them would be later; :attr:`filled` then becomes true)."""
        today = self._today = today or date.today()
        counts = dashboard.counts_by_kind()
        self._total = sum(counts.values())
        words = {
            "twin_city": lambda n: self.tr("twin city(ies)", "", n),
            "friendship_city": lambda n: self.tr("friendship city(ies)", "", n),
            "decentralised_cooperation": lambda n: self.tr("decentralised cooperation(s)", "", n),
        }
        for kind in partners.KINDS:
            n = counts.get(kind, 0)
            self.card_labels[kind].set_count(labels.number(n), words[kind](n))
        self.card_labels["total"].set_count(
            labels.number(self._total), self.tr("partner(s) in all", "", self._total)
        )
        if self.filled:
            self._show(read_overview(today))
        elif not self._reading:
            self._reading = True
            self._read_in_background()

    def _read_in_background(self) -> None:
        today = self._today

        def show(overview: Overview) -> None:
            self._reading = False
            self._show(overview)
            self.filled_now.emit()

        def done(overview: Overview) -> None:
            after_first_paint(self.window(), lambda: show(overview))

        def failed(exc: Exception, _trace: str) -> None:
            log.warning("dashboard reads failed: %s", exc)
            # again here, where a failure is reported
            after_first_paint(self.window(), lambda: show(read_overview(today)))

        tasks.run_in_background(
            lambda _ctx: read_overview(today), on_success=done, on_failure=failed
        )

    def _show(self, overview: Overview) -> None:
        self.filled = True
        none = self.tr("None")
        trips = overview.trips
        self.trips.fill(
            [
                (
                    f"{t.title} — {self._days_left(t.days_left)} ({labels.date(t.start)})",
                    ("delegations", t.id),
                )
                for t in trips
            ],
            overview.trips_total,
            none,
        )
        if trips:
            self.trips.list.setCurrentRow(0)
        self._update_briefing()
        self._fill_programmes(self.ending_work, *overview.ending, past=False)
        self._fill_programmes(self.overdue_work, *overview.overdue, past=True)
        self._show_anniversaries(*overview.anniversaries)
        self._show_changes(*overview.changes, CHANGES)
        self._check_data()
        self.map.set_points(overview.map_points, overview.home)
        self.chart_view.set_funding(overview.funding)
        self.fit_rows()

    def _fill_programmes(self, work: WorkList, rows: list[dict], total: int, *, past: bool) -> None:
        work.fill(
            [
                (f"{p['title']} — {self.ends_text(p['end'], past)}", ("programmes", p["id"]))
                for p in rows
            ],
            total,
            self.tr("None"),
        )

    def _fill_anniversaries(self, limit: int | None) -> None:
        self._show_anniversaries(*read_anniversaries(self._today, limit))

    def _show_anniversaries(self, found: list, total: int) -> None:
        self.anniversary_list.fill(
            [
                (
                    self.tr("%1: %2 years in %3")
                    .replace("%1", a.partner)
                    .replace("%2", str(a.years))
                    .replace("%3", str(a.year)),
                    ("partners", a.partner_id),
                )
                for a in found
            ],
            total,
            self.tr("None"),
        )
        self.anniversary_list.more.setVisible(total > len(found))

    def _all_anniversaries(self) -> None:
        """The partners have no "anniversary" filter: the whole list here, taller."""
        self.anniversary_list.expand()
        self._fill_anniversaries(None)
        self.fit_rows()

    def ends_text(self, end: str, past: bool) -> str:
        """ "se termine le 31 mai 2026", "se termine fin 2026": a year-only end is never
        written "le 2026"."""
        shown = labels.date(end)
        if len(end) == 10:
            template = self.tr("ended on %1") if past else self.tr("ends on %1")
        elif len(end) == 7:
            template = self.tr("ended in %1") if past else self.tr("ends in %1")
        else:
            template = self.tr("planned to end in %1") if past else self.tr("ends late %1")
        return template.replace("%1", shown)

    def _check_data(self) -> None:
        """The data warnings of ``check``, read off the GUI thread (a second of Python on a
        large database, holding the interpreter's lock) once what was just shown has
        painted, so as not to share the cores with that paint; the programmes still
        "ongoing" have their own list above."""
        if self._checking:
            return
        self._checking = True
        if not self._found_warnings:
            self.warnings.fill([], 0, self.tr("Checking the data…"))
        today = self._today

        def work(_ctx):
            from relations_app import checks

            return checks.data_warnings(today, programmes=False)

        def done(found) -> None:
            self._checking = False
            if not shiboken6.isValid(self.warnings):  # the window closed meanwhile
                return
            self._found_warnings = list(found)
            self._show_warnings(LIST_ITEMS)

        def failed(exc: Exception, _trace: str) -> None:
            self._checking = False
            log.warning("data checks failed: %s", exc)
            if shiboken6.isValid(self.warnings):
                self.warnings.fill([], 0, self.tr("The data could not be checked"))

        def start() -> None:
            if shiboken6.isValid(self.warnings):  # not for a window closed before its paint
                tasks.run_in_background(work, on_success=done, on_failure=failed)

        after_next_paint(self.map, start)

    def _show_warnings(self, limit: int | None) -> None:
        found = self._found_warnings
        shown = found if limit is None else found[:limit]
        self.warnings.fill(
            [
                (
                    str(w),
                    (w.collection, w.record_id)
                    if getattr(w, "collection", None) and w.record_id
                    else None,
                )
                for w in shown
            ],
            len(found),
            self.tr("Nothing to check"),
        )
        for row, w in enumerate(shown):  # a warning without a record is still readable
            if not getattr(w, "record_id", None):
                self.warnings.list.item(row).setFlags(Qt.ItemFlag.ItemIsEnabled)
        self.warnings.more.setVisible(len(found) > len(shown))

    def _fill_changes(self, limit: int) -> None:
        """The latest changes, newest first, each line opening its record (a restore has
        none); who and when end each line, as in a record's history."""
        self._show_changes(*read_changes(limit), limit)

    def _show_changes(self, changes: list, names: history_text.Names, limit: int) -> None:
        lines: list[tuple[str, object]] = []
        for change in changes:
            lines += history_text.feed_lines(change, names)
        self.changes.fill(lines, len(lines), self.tr("No change recorded yet"))
        self.changes.more.setVisible(len(changes) == limit)
        self.changes.more.setText(self.tr("see more"))

    def _all_changes(self) -> None:
        self.changes.expand()
        self._fill_changes(200)
        self.fit_rows()

    def _all_warnings(self) -> None:
        self.warnings.expand()
        self._show_warnings(None)
        self.fit_rows()

    def _days_left(self, days: int) -> str:
        if days == 0:
            return self.tr("today")
        if days == 1:
            return self.tr("tomorrow")
        return self.tr("in %n day(s)", "", days)

    def _chosen_trip(self) -> str | None:
        item = self.trips.list.currentItem()
        target = item.data(ROLE) if item is not None else None
        return target[1] if target else None

    def _update_briefing(self) -> None:
        self.briefing_button.setEnabled(self._chosen_trip() is not None)

    def show_briefing(self) -> None:
        delegation_id = self._chosen_trip()
        if delegation_id:
            from .delegation_actions import preview_briefing

            preview_briefing(self, delegation_id)

    def _bar_clicked(self, bar: dashboard.Bar) -> None:
        self.open_list.emit("programmes", "", {"watch": bar.watch})

    def status_text(self) -> str:
        return self.tr("%Ln partner(s)", "", self._total)
