"""The main window: the partner list with search, and the selected partner's page."""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import QItemSelection, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from relations_app import __version__
from relations_app.services import partners
from relations_app.text import format_partial_date_fr

from . import labels, settings
from .partner_table import PartnerTableModel

SEARCH_DELAY_MS = 120


class MainWindow(QMainWindow):
    def __init__(self, db_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db_path = db_path
        self.setWindowTitle(self.tr("Relations — %1").replace("%1", db_path.name))
        self.resize(1100, 700)

        self.model = PartnerTableModel(self)
        self.search = QLineEdit(self)
        self.search.setObjectName("partnersSearch")
        self.search.setPlaceholderText(self.tr("Search a partner (name, country, spelling)…"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Search partners"))
        self.table = QTableView(self)
        self.table.setObjectName("partnersTable")
        self.table.setAccessibleName(self.tr("Partners"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, self.model.columnCount()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)

        self.detail = QTextBrowser(self)
        self.detail.setObjectName("partnerDetail")
        self.detail.setAccessibleName(self.tr("Partner page"))
        self.detail.setOpenExternalLinks(True)

        left = QWidget(self)
        layout = QVBoxLayout(left)
        layout.setContentsMargins(6, 6, 0, 6)
        title = QLabel(self.tr("Partners"), left)
        title.setStyleSheet("font-weight: bold; font-size: 14pt;")
        layout.addWidget(title)
        layout.addWidget(self.search)
        layout.addWidget(self.table)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.setCentralWidget(self.splitter)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._apply_search)
        self.search.textChanged.connect(self._search_timer.start)
        self.search.returnPressed.connect(self._apply_search)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.model.modelReset.connect(self._update_status)
        self.model.rowsInserted.connect(self._update_status)

        self._build_menus()
        self._restore_state()
        self.model.reload()
        if self.model.rowCount() > 0:
            self.table.selectRow(0)

    # -- menus -------------------------------------------------------------------

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        edit_menu = self.menuBar().addMenu(self.tr("&Edit"))
        find_action = QAction(self.tr("&Find"), self)
        find_action.setShortcut(QKeySequence.StandardKey.Find)
        find_action.triggered.connect(self.focus_search)
        edit_menu.addAction(find_action)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        about_action = QAction(self.tr("&About Relations"), self)
        about_action.setShortcut(QKeySequence.StandardKey.HelpContents)
        about_action.triggered.connect(self._about)
        help_menu.addAction(about_action)

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About Relations"),
            self.tr("Relations %1\nThe international relations office's records.\nDatabase: %2")
            .replace("%1", __version__)
            .replace("%2", str(self.db_path)),
        )

    # -- list and page -----------------------------------------------------------

    def _apply_search(self) -> None:
        self._search_timer.stop()
        self.model.set_search(self.search.text())
        if self.model.rowCount() > 0:
            self.table.selectRow(0)
        else:
            self.detail.clear()

    def _update_status(self) -> None:
        self.statusBar().showMessage(self.tr("%n partner(s)", "", self.model.total))

    def _selection_changed(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = self.table.selectionModel().selectedRows()
        partner_id = self.model.row_id(rows[0].row()) if rows else None
        self.show_partner(partner_id)

    def show_partner(self, partner_id: str | None) -> None:
        if partner_id is None:
            self.detail.clear()
            return
        self.detail.setHtml(self._partner_html(partners.get_partner(partner_id)))

    def _partner_html(self, p: dict) -> str:
        def row(label: str, value: object) -> str:
            if value in (None, ""):
                return ""
            return f"<tr><th align='left'>{escape(label)}</th><td>{escape(str(value))}</td></tr>"

        agreement = " ".join(
            str(x) for x in (labels.agreement_kind(p["agreement_kind"]), p["agreement_year"]) if x
        )
        population = labels.number(p["population"])
        if p.get("population_note"):
            population = f"{population} ({p['population_note']})"
        parts = [f"<h2>{escape(p['name'])}</h2>"]
        if p.get("local_name"):
            parts.append(f"<p><i>{escape(p['local_name'])}</i></p>")
        parts.append("<table cellspacing='4'>")
        parts += [
            row(self.tr("Country"), labels.country(p["country"])),
            row(self.tr("Region"), p.get("region")),
            row(self.tr("Kind of link"), labels.partner_kind(p["kind"])),
            row(self.tr("Signed by"), labels.signing_side(p.get("signing_side"))),
            row(self.tr("Agreement"), agreement),
            row(self.tr("Relations since"), p.get("relations_since")),
            row(self.tr("Population"), population),
        ]
        if p.get("website"):
            url = escape(p["website"], quote=True)
            website = escape(self.tr("Website"))
            parts.append(
                f"<tr><th align='left'>{website}</th>"
                f"<td><a href='{url}'>{escape(p['website'])}</a></td></tr>"
            )
        parts.append("</table>")
        for title, text in ((self.tr("The place"), p.get("summary")), (self.tr("The relation"), p.get("history"))):
            if text:
                paragraphs = "".join(f"<p>{escape(t)}</p>" for t in text.split("\n") if t.strip())
                parts.append(f"<h3>{escape(title)}</h3>{paragraphs}")
        if p["programmes"]:
            heading = escape(self.tr("Programmes"))
            parts.append(f"<h3>{heading}</h3><ul>")
            for pr in p["programmes"]:
                dates = " – ".join(format_partial_date_fr(d) for d in (pr["start"], pr["end"]) if d)
                status = labels.programme_status(pr["status"])
                parts.append(f"<li>{escape(pr['title'])} <small>({escape(', '.join(x for x in (dates, status) if x))})</small></li>")
            parts.append("</ul>")
        if p["events"]:
            heading = escape(self.tr("Timeline"))
            parts.append(f"<h3>{heading}</h3><ul>")
            for e in p["events"]:
                parts.append(f"<li><b>{escape(format_partial_date_fr(e['date']))}</b> — {escape(e['title'])}</li>")
            parts.append("</ul>")
        return "".join(parts)

    # -- state -------------------------------------------------------------------

    def _restore_state(self) -> None:
        geometry = settings.get(settings.MAIN_GEOMETRY)
        if not geometry.isEmpty():
            self.restoreGeometry(geometry)
        splitter = settings.get(settings.MAIN_SPLITTER)
        if not splitter.isEmpty():
            self.splitter.restoreState(splitter)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        settings.set(settings.MAIN_GEOMETRY, self.saveGeometry())
        settings.set(settings.MAIN_SPLITTER, self.splitter.saveState())
        super().closeEvent(event)
