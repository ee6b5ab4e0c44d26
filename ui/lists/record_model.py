"""A thin table model over a service's list function.

Filtering, sorting and paging happen in SQL (the service); rows arrive a page at a time
through ``canFetchMore``/``fetchMore`` as the view scrolls.  Never a proxy over every row.

Finding a record's row (after a save, from a link) asks the service where it comes in
the current order (one count in SQL) and loads only the page that holds it: the rows
before it are counted, not read, and load a page at a time if the view scrolls over
them.  The last of 250,000 contacts is shown without reading the other 249,999.

Only the pages near the last one read are kept (``KEPT_PAGES``): scrolling a million
contacts to the end held them all (1 GB); a page the view comes back to is read again.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from relations_app.services import Page, StillBetween

ID_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2
PAGE_SIZE = 200
KEPT_PAGES = 25  # 5 000 rows around the last page read; the others are read again if shown

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
        self._pages: dict[int, list[dict]] = {}  # page number -> its rows, as loaded
        self._where: dict[str, int] = {}  # id -> row, for the rows loaded
        self._count = 0  # rows the view has (some in pages not loaded yet)
        self._total = 0
        self._exact = True  # False: more than ``_total`` rows may match (a capped count)
        self._loaded = False  # no query before the section is first shown
        self._search = ""
        self._filters: dict = {}
        first_sortable = next((c.sort for c in columns if c.sort), None)
        self._sort: tuple[str | None, bool] = (first_sortable, False)

    # -- queries -------------------------------------------------------------

    def _query(self, offset: int) -> dict:
        """The list function's keywords for a page at ``offset``: filters and sort."""
        key, descending = self._sort
        kwargs = dict(self._filters, offset=offset, limit=PAGE_SIZE, descending=descending)
        if key:
            kwargs["sort"] = key
        return kwargs

    def _page(self, offset: int) -> Page:
        return self._list_fn(self._search, **self._query(offset))

    def reload(self) -> None:
        self._loaded = True
        page = self._page(0)
        self.beginResetModel()
        self._pages, self._where = {}, {}
        self._keep(0, page.rows)
        self._count, self._total, self._exact = len(page.rows), page.total, page.exact
        self.endResetModel()

    def reload_around(self, record_id: str) -> int:
        """Reload with only the page that holds ``record_id`` read (one query: its place
        in the order and that page); its row, or -1 (then the first page is loaded)."""
        self._loaded = True
        page = self._list_fn(self._search, locate=record_id, **self._query(0))
        if page.position is None:
            self.reload()
            return -1
        self.beginResetModel()
        self._pages, self._where = {}, {}
        self._keep(page.offset // PAGE_SIZE, page.rows)
        self._count = page.offset + len(page.rows)
        self._total, self._exact = max(page.total, self._count), page.exact
        self.endResetModel()
        return page.position

    def refresh_row(self, record_id: str) -> int:
        """After ``record_id`` was saved from this list: its row read again, alone, when it
        keeps its place (its sort values, the search and the filters leave it there and no
        row came or went); otherwise the list reloaded around it (:meth:`reload_around`).
        Its row, or -1.  Only the saved record changed, so every other row stays as read."""
        row = self._where.get(record_id, -1)
        query = dict(self._query(0), limit=1)
        page = None
        if row >= 0:  # one statement when it stays between the rows shown around it
            locate = self._between(record_id, row)
            page = self._list_fn(self._search, locate=locate or record_id, **query)
        if (
            page is None
            or page.position != row
            or (page.total, page.exact) != (self._total, self._exact)
            or [r["id"] for r in page.rows] != [record_id]
        ):
            return self.reload_around(record_id)
        self._pages[row // PAGE_SIZE][row % PAGE_SIZE] = page.rows[0]
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.columns) - 1))
        return row

    def _between(self, record_id: str, row: int) -> StillBetween | None:
        """``record_id`` at ``row`` with the ids of the rows around it (None at the list's
        start or end), a neighbour's page read when the view has not shown it yet."""
        neighbours: list[str | None] = []
        for place in (row - 1, row + 1):
            if place < 0 or (place >= self._count and self._exact and self._count == self._total):
                neighbours.append(None)  # the list's start or end
                continue
            found = self._row(place)  # its page read if not yet (the view paints it next)
            if found is None:
                return None
            neighbours.append(found["id"])
        before, after = neighbours
        return StillBetween(record_id, row, before, after, self._total, self._exact)

    def _keep(self, number: int, rows: list[dict]) -> None:
        self._pages[number] = rows
        first = number * PAGE_SIZE
        self._where.update((row["id"], first + i) for i, row in enumerate(rows))
        if len(self._pages) > KEPT_PAGES:
            self._forget_far_from(number)

    def _forget_far_from(self, number: int) -> None:
        """Drop the pages farthest from page ``number`` down to ``KEPT_PAGES``, with their
        rows' places (those rows are located through the service again)."""
        far = sorted(self._pages, key=lambda n: abs(n - number), reverse=True)
        for n in far[: len(self._pages) - KEPT_PAGES]:
            first = n * PAGE_SIZE
            for row in self._pages.pop(n):
                if first <= self._where.get(row["id"], -1) < first + PAGE_SIZE:
                    del self._where[row["id"]]

    def _row(self, row: int) -> dict | None:
        """The row's data, its page loaded if the view has not shown it yet."""
        if not 0 <= row < self._count:
            return None
        number = row // PAGE_SIZE
        if number not in self._pages:
            self._keep(number, self._page(number * PAGE_SIZE).rows)
        rows = self._pages[number]
        return rows[row % PAGE_SIZE] if row % PAGE_SIZE < len(rows) else None

    def set_search(self, text: str, around: str | None = None) -> int:
        """Search ``text``; with ``around``, load the page holding that record and return
        its row (-1 when the search leaves it out)."""
        self._search = text
        if around:
            return self.reload_around(around)
        self.reload()
        return -1

    def set_filter(self, name: str, value) -> None:
        if value in (None, ""):
            self._filters.pop(name, None)
        else:
            self._filters[name] = value
        self.reload()

    def set_filters(self, filters: dict) -> None:
        """Replace every filter at once, without reloading (the next search does)."""
        self._filters = {k: v for k, v in filters.items() if v not in (None, "")}

    def show_everything(self, around: str | None = None) -> int:
        """No search and no filter, in one query (not one per filter cleared); with
        ``around``, the page holding that record, whose row is returned."""
        self._search = ""
        self._filters.clear()
        if around:
            return self.reload_around(around)
        self.reload()
        return -1

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
        found = self._row(row)
        return found["id"] if found else None

    def row_of(self, record_id: str) -> int:
        """The row showing ``record_id``, -1 if the search or the filters leave it out.

        A row already loaded is found at once; otherwise the service says where the record
        comes (counted in SQL) and only its page is loaded, the rows before it counted.
        """
        if record_id in self._where:
            return self._where[record_id]
        page = self._list_fn(self._search, locate=record_id, **self._query(0))
        if page.position is None:
            return -1
        self._keep(page.offset // PAGE_SIZE, page.rows)
        end = page.offset + len(page.rows)
        if end > self._count:
            self.beginInsertRows(QModelIndex(), self._count, end - 1)
            self._count = end
            if not self._exact:
                self._total = max(self._total, end)
            self.endInsertRows()
        return self._where.get(record_id, -1)

    # -- Qt model ----------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def canFetchMore(self, parent: Index) -> bool:
        return not parent.isValid() and (self._count < self._total or not self._exact)

    def fetchMore(self, parent: Index) -> None:
        if not self.canFetchMore(parent):
            return
        first = self._count
        page = self._page(first)
        if not page.rows:
            self._total, self._exact = first, True
            return
        self.beginInsertRows(QModelIndex(), first, first + len(page.rows) - 1)
        self._keep(first // PAGE_SIZE, page.rows)
        self._count = first + len(page.rows)
        if len(page.rows) < PAGE_SIZE:  # the end of the list: now the count is known
            self._total, self._exact = self._count, True
        elif not self._exact:
            self._total = max(self._total, self._count)
        self.endInsertRows()

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.columns):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section].title()
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        row = self._row(index.row()) if index.isValid() else None
        if row is None:
            return None
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
