"""Fichier › Exporter : the list on screen (CSV, XLSX), contacts (vCard), calendar, everything.

The list export passes what the section shows to
:func:`relations_app.exchange.export_file`: its visible columns in their order on screen
(hidden ones left out), its search text, its filters and its sort.  The window's columns
are mapped to the export's (:data:`EXPORT_COLUMNS`, from the record types' declarations:
a window column may show two of them, as the contacts' "Name" shows family and given
names).  Files are written off the GUI thread with a busy dialog.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from relations_app.location import DatabaseLocation
from relations_app.records import RECORD_TYPES

from ..kit.busy import Operation
from ..lists.columns import export_keys

#: section key -> window column key -> the export columns it stands for (declared with
#: each list column, :class:`relations_app.records.ListColumn`).
EXPORT_COLUMNS: dict[str, dict[str, tuple[str, ...]]] = {
    key: export_keys(kind) for key, kind in RECORD_TYPES.items() if kind.list_columns
}


def list_request(section) -> dict:
    """``export_file`` keywords for what ``section`` shows now."""
    header = section.table.horizontalHeader()
    columns_shown = section.model.columns
    mapping = EXPORT_COLUMNS[section.spec.key]
    columns: list[str] = []
    for visual in range(header.count()):
        logical = header.logicalIndex(visual)
        if not header.isSectionHidden(logical):
            columns.extend(mapping[columns_shown[logical].key])
    sort_column = header.sortIndicatorSection()
    sort = columns_shown[sort_column].sort if 0 <= sort_column < len(columns_shown) else None
    request = {
        "what": section.spec.key,
        "columns": columns,
        "search": section.model.search,
        "filters": section.model.filters,
    }
    if sort:
        request["sort"] = sort
        request["descending"] = header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    return request


def _with_suffix(path: str, chosen_filter: str, suffixes: dict[str, str]) -> Path:
    """The file name with the extension of the chosen filter when it has none of ours."""
    result = Path(path)
    if result.suffix.lower() in suffixes.values():
        return result
    for pattern, suffix in suffixes.items():
        if pattern in chosen_filter:
            return result.with_name(result.name + suffix)
    return result.with_name(result.name + next(iter(suffixes.values())))


class Exporter(QObject):
    """The export actions of one window."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.window = window
        self.last_result = None  # the ExportResult of the last export (tests, status bar)

    @property
    def location(self) -> DatabaseLocation:
        return self.window.location

    def _folder(self) -> Path:
        return Path.home()

    def _ask(self, title: str, name: str, filters: str) -> tuple[str, str]:
        return QFileDialog.getSaveFileName(self.window, title, str(self._folder() / name), filters)

    def _run(self, path: Path, **request) -> None:
        def succeeded(result) -> None:
            self.last_result = result
            self.window.statusBar().showMessage(
                self.tr("Exported to %1: %2")
                .replace("%1", str(result.path))
                .replace("%2", result.detail),
                15000,
            )

        (
            Operation(self.window, self.tr("Exporting…"), lambda _ctx: _export(path, request))
            .title(self.tr("Export"))
            .database(self.location)
            .success(succeeded)
            .run()
        )

    def export_list(self) -> None:
        section = self.window.current_section()
        if section is None:
            box = QMessageBox(
                QMessageBox.Icon.Information,
                self.tr("Export the list"),
                self.tr("Open a section (Partners, Contacts…) to export its list."),
                QMessageBox.StandardButton.Ok,
                self.window,
            )
            box.setObjectName("exportNoList")
            box.exec()
            return
        section.ensure_loaded()
        request = list_request(section)
        csv_filter = self.tr("CSV, semicolon-separated (*.csv)")
        xlsx_filter = self.tr("Excel workbook (*.xlsx)")
        chosen, chosen_filter = self._ask(
            self.tr("Export the list"),
            f"{section.spec.key}-{date.today().isoformat()}.csv",
            f"{csv_filter};;{xlsx_filter}",
        )
        if not chosen:
            return
        path = _with_suffix(chosen, chosen_filter, {"*.csv": ".csv", "*.xlsx": ".xlsx"})
        self._run(path, **request)

    def export_contacts(self) -> None:
        chosen, chosen_filter = self._ask(
            self.tr("Export the contacts"), "contacts.vcf", self.tr("vCard contacts (*.vcf)")
        )
        if not chosen:
            return
        request: dict = {"what": "contacts"}
        section = self.window.current_section()
        if section is not None and section.spec.key == "contacts":  # the list as filtered on screen
            request.update(search=section.model.search, filters=section.model.filters)
        self._run(_with_suffix(chosen, chosen_filter, {"*.vcf": ".vcf"}), **request)

    def export_calendar(self) -> None:
        chosen, chosen_filter = self._ask(
            self.tr("Export the calendar"), "relations.ics", self.tr("iCalendar files (*.ics)")
        )
        if chosen:
            self._run(_with_suffix(chosen, chosen_filter, {"*.ics": ".ics"}))

    def export_everything(self) -> None:
        chosen, chosen_filter = self._ask(
            self.tr("Export everything"),
            f"relations-{date.today().isoformat()}.json",
            self.tr("Relations JSON export (*.json)"),
        )
        if chosen:
            self._run(_with_suffix(chosen, chosen_filter, {"*.json": ".json"}))


def _export(path: Path, request: dict) -> object:
    """The export itself, off the GUI thread; the exchange modules (openpyxl, icalendar)
    load with the first export, not with the window."""
    from relations_app.exchange import export_file

    return export_file(path, **request)
