"""A thin table model over a service's list function.

Filtering, sorting and paging happen in SQL (the service); rows arrive a page at a time
through ``canFetchMore``/``fetchMore`` as the view scrolls.  Never a proxy over every row.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from relations_app.services import Page

ID_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2
PAGE_SIZE = 200

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column:
    key: str
    title: Callable[[], str]  # translated at display time
    display: Callable[[dict], str] | None = None
    sort: str | None = None  # the service's sort key, None when not sortable
    numeric: bool = False

    def text(self, row: dict) -> str:
        if self.display is not None:
            return self.display(row)
        value = row.get(self.key)
        return "" if value is None else str(value)


class RecordTableModel(QAbstractTableModel):
    def __init__(self, list_fn: Callable[..., Page], columns: list[Column], parent=None) -> None:
        super().__init__(parent)
        self._list_fn = list_fn
        self.columns = columns
        self._rows: list[dict] = []
        self._total = 0
        self._exact = True  # False: more than ``_total`` rows may match (a capped count)
        self._loaded = False  # no query before the section is first shown
        self._search = ""
        self._filters: dict = {}
        first_sortable = next((c.sort for c in columns if c.sort), None)
        self._sort: tuple[str | None, bool] = (first_sortable, False)

    # -- queries -------------------------------------------------------------

    def _page(self, offset: int) -> Page:
        key, descending = self._sort
        kwargs = dict(self._filters, offset=offset, limit=PAGE_SIZE, descending=descending)
        if key:
            kwargs["sort"] = key
        return self._list_fn(self._search, **kwargs)

    def reload(self) -> None:
        self._loaded = True
        page = self._page(0)
        self.beginResetModel()
        self._rows, self._total, self._exact = page.rows, page.total, page.exact
        self.endResetModel()

    def set_search(self, text: str) -> None:
        self._search = text
        self.reload()

    def set_filter(self, name: str, value) -> None:
        if value in (None, ""):
            self._filters.pop(name, None)
        else:
            self._filters[name] = value
        self.reload()

    def set_filters(self, filters: dict) -> None:
        """Replace every filter at once, without reloading (the next search does)."""
        self._filters = {k: v for k, v in filters.items() if v not in (None, "")}

    def show_everything(self) -> None:
        """No search and no filter, in one query (not one per filter cleared)."""
        self._search = ""
        self._filters.clear()
        self.reload()

    @property
    def search(self) -> str:
        return self._search

    @property
    def filters(self) -> dict:
        """A copy: change the filters with :meth:`set_filter` or :meth:`show_everything`."""
        return dict(self._filters)

    @property
    def total(self) -> int:
        return self._total

    @property
    def total_exact(self) -> bool:
        """False when ``total`` is a lower bound (the service stopped counting)."""
        return self._exact

    def row_id(self, row: int) -> str | None:
        return self._rows[row]["id"] if 0 <= row < len(self._rows) else None

    def row_of(self, record_id: str) -> int:
        """The row showing ``record_id``, fetching further pages if needed; -1 if absent."""
        while True:
            for i, row in enumerate(self._rows):
                if row["id"] == record_id:
                    return i
            if not self.canFetchMore(QModelIndex()):
                return -1
            self.fetchMore(QModelIndex())

    # -- Qt model ----------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def canFetchMore(self, parent: Index) -> bool:
        return not parent.isValid() and (len(self._rows) < self._total or not self._exact)

    def fetchMore(self, parent: Index) -> None:
        if not self.canFetchMore(parent):
            return
        page = self._page(len(self._rows))
        if not page.rows:
            self._total, self._exact = len(self._rows), True
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(page.rows) - 1)
        self._rows.extend(page.rows)
        if len(page.rows) < PAGE_SIZE:  # the end of the list: now the count is known
            self._total, self._exact = len(self._rows), True
        elif not self._exact:
            self._total = max(self._total, len(self._rows))
        self.endInsertRows()

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.columns):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section].title()
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(row)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.numeric:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            text = column.text(row)
            return text if len(text) > 30 else None
        if role == ID_ROLE:
            return row["id"]
        if role == ROW_ROLE:
            return row
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.columns) or not self.columns[column].sort:
            return
        self._sort = (self.columns[column].sort, order == Qt.SortOrder.DescendingOrder)
        if (
            self._loaded
        ):  # the view sorts once at set-up (and on restoring its header): just remember
            self.reload()
