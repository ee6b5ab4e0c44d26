"""Showing and hiding a list's columns from its header's context menu.

Columns can also be dragged to another place.  Both are kept with the header's state (see
``MainWindow.save_state``), and Fichier › Exporter la liste… exports the columns as shown:
visible ones only, in their order on screen.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QPoint, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHeaderView, QMenu, QTableView


class ColumnMenu(QObject):
    def __init__(self, table: QTableView) -> None:
        super().__init__(table)
        self.table = table
        header = table.horizontalHeader()
        header.setSectionsMovable(True)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self.show_menu)

    def menu(self) -> QMenu:
        header: QHeaderView = self.table.horizontalHeader()
        model = self.table.model()
        menu = QMenu(self.table)
        menu.setObjectName("columnMenu")
        menu.setTitle(self.tr("Columns"))
        visible = [i for i in range(header.count()) if not header.isSectionHidden(i)]
        for visual in range(header.count()):
            logical = header.logicalIndex(visual)
            action = QAction(str(model.headerData(logical, Qt.Orientation.Horizontal)), menu)
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(logical))
            action.setEnabled(
                header.isSectionHidden(logical) or len(visible) > 1
            )  # keep one column
            action.toggled.connect(lambda on, i=logical: self.set_visible(i, on))
            menu.addAction(action)
        menu.addSeparator()
        reset = menu.addAction(self.tr("Show all columns in their first order"))
        reset.triggered.connect(self.reset)
        return menu

    def show_menu(self, position: QPoint) -> None:
        self.menu().popup(self.table.horizontalHeader().mapToGlobal(position))

    def set_visible(self, logical: int, visible: bool) -> None:
        self.table.horizontalHeader().setSectionHidden(logical, not visible)

    def reset(self) -> None:
        header = self.table.horizontalHeader()
        for logical in range(header.count()):
            header.setSectionHidden(logical, False)
            header.moveSection(header.visualIndex(logical), logical)
