"""The partner list: a thin table model over ``services.partners.list_partners``.

Filtering, sorting and paging happen in SQL; rows arrive a page at a time through
``canFetchMore``/``fetchMore`` as the view scrolls.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from relations_app.services import partners

from . import labels

ID_ROLE = Qt.ItemDataRole.UserRole + 1
PAGE_SIZE = 200

Index = QModelIndex | QPersistentModelIndex


class PartnerTableModel(QAbstractTableModel):
    COLUMNS = ("name", "country", "kind", "agreement_year", "population")
    NUMERIC = {"agreement_year", "population"}

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[dict] = []
        self._total = 0
        self._search = ""
        self._filters: dict = {}
        self._sort = ("name", False)

    # -- queries -------------------------------------------------------------

    def _page(self, offset: int) -> partners.Page:
        key, descending = self._sort
        return partners.list_partners(
            self._search, **self._filters, sort=key, descending=descending,
            offset=offset, limit=PAGE_SIZE,
        )

    def reload(self) -> None:
        page = self._page(0)
        self.beginResetModel()
        self._rows, self._total = page.rows, page.total
        self.endResetModel()

    def set_search(self, text: str) -> None:
        self._search = text
        self.reload()

    def set_filters(self, **filters) -> None:
        self._filters = {k: v for k, v in filters.items() if v not in (None, "")}
        self.reload()

    @property
    def total(self) -> int:
        return self._total

    def row_id(self, row: int) -> str | None:
        return self._rows[row]["id"] if 0 <= row < len(self._rows) else None

    # -- Qt model ----------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.COLUMNS)

    def canFetchMore(self, parent: Index) -> bool:  # noqa: N802
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: Index) -> None:  # noqa: N802
        if not self.canFetchMore(parent):
            return
        page = self._page(len(self._rows))
        if not page.rows:
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(page.rows) - 1)
        self._rows.extend(page.rows)
        self.endInsertRows()

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = {
            "name": self.tr("Name"),
            "country": self.tr("Country"),
            "kind": self.tr("Kind of link"),
            "agreement_year": self.tr("Agreement"),
            "population": self.tr("Population"),
        }
        return titles[self.COLUMNS[section]] if 0 <= section < len(self.COLUMNS) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if column == "country":
                return labels.country(row["country"])
            if column == "kind":
                return labels.partner_kind(row["kind"])
            if column == "population":
                return labels.number(row["population"])
            value = row[column]
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in self.NUMERIC:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column == "name" and row.get("local_name"):
            return row["local_name"]
        if role == ID_ROLE:
            return row["id"]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = self.COLUMNS[column] if 0 <= column < len(self.COLUMNS) else "name"
        self._sort = (key, order == Qt.SortOrder.DescendingOrder)
        self.reload()
