"""Fichier › Importer… : the file's type chooses the preview.

- contacts (.csv, .tsv, .xlsx, or .txt chosen as a table) → :class:`ContactsImportDialog`;
- a full JSON export (.json) → its counts, then the import;
- an Atlas record (.txt) → :class:`AtlasImportDialog`, which also takes pasted text
  (Fichier › Importer une fiche de l'Atlas…).

Every import writes in one transaction; afterwards every view reloads.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget

from relations_app.location import DatabaseLocation

from ..kit import tasks
from ..kit.busy import Operation, is_small

TABLE_SUFFIXES = (".csv", ".tsv", ".xlsx")
#: Above this size a JSON export is previewed and imported off the GUI thread.


def _reporting(ctx: tasks.TaskContext) -> Callable[[int, int], None]:
    """The domain's ``progress(done, total)`` moving the busy dialog's bar; Cancel stops the
    work there (a preview writes nothing, an import rolls back)."""

    def progress(done: int, total: int) -> None:
        ctx.progress(done, total)
        ctx.check()

    return progress


class Importer(QObject):
    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.window = window
        self.last_result = None  # the last import's result (tests, status bar)

    @property
    def location(self) -> DatabaseLocation:
        return self.window.location

    def _info(self, name: str, title: str, text: str) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Information, title, text, QMessageBox.StandardButton.Ok, self.window
        )
        box.setObjectName(name)
        box.exec()

    def _done(self, result, open_record: tuple[str, str] | None = None) -> None:
        self.last_result = result
        self.window.content_replaced()  # as a restore: the import's way back is its copy
        if open_record is not None:
            self.window.open_record(*open_record)
        from relations_app.jsonio import ImportSummary

        lines = result.lines() if isinstance(result, ImportSummary) else [result.describe()]
        self._info(
            "importDone",
            self.tr("Import"),
            "\n".join(lines)
            + "\n\n"
            + self.tr(
                "The database as it was before this import was copied: File › Restore a copy… puts it back."
            )
            + "\n"
            + self.tr("The undo history was cleared: the import is undone by restoring that copy."),
        )

    # -- choosing ----------------------------------------------------------------------------

    def import_file(self) -> None:
        if not self.window.settle_edits():
            return
        contacts_filter = self.tr("Contacts: CSV or Excel (*.csv *.tsv *.xlsx)")
        json_filter = self.tr("Full Relations export (*.json)")
        atlas_filter = self.tr("Atlas record saved as text (*.txt)")
        table_txt_filter = self.tr("Contacts as text table (*.txt)")
        chosen, chosen_filter = QFileDialog.getOpenFileName(
            self.window,
            self.tr("Import"),
            str(Path.home()),
            ";;".join([contacts_filter, json_filter, atlas_filter, table_txt_filter]),
        )
        if chosen:
            self.open_path(Path(chosen), as_table=chosen_filter == table_txt_filter)

    def open_path(self, path: Path, *, as_table: bool = False) -> None:
        suffix = path.suffix.lower()
        if suffix in TABLE_SUFFIXES or (suffix == ".txt" and as_table):
            self.import_contacts(path)
        elif suffix == ".json":
            self.import_json(path)
        elif suffix == ".txt":
            self.import_atlas(path)
        else:
            box = QMessageBox(
                QMessageBox.Icon.Warning,
                self.tr("Import"),
                self.tr(
                    "Relations imports contacts (.csv, .xlsx), a full export (.json) or "
                    "an Atlas record (.txt), not “%1”."
                ).replace("%1", path.name),
                QMessageBox.StandardButton.Ok,
                self.window,
            )
            box.setObjectName("importUnknownType")
            box.exec()

    # -- each kind ---------------------------------------------------------------------------

    def import_contacts(self, path: Path) -> None:
        from .import_contacts import ContactsImportDialog  # with the first import

        dialog = ContactsImportDialog(path, self.window, self.location)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.import_result is not None:
            created = dialog.import_result.created
            self._done(dialog.import_result, ("contacts", created[0]) if created else None)

    def import_atlas(self, path: Path | None = None) -> None:
        if path is None and not self.window.settle_edits():
            return
        from .import_atlas import AtlasImportDialog  # with the first import

        dialog = AtlasImportDialog(self.window, self.location, path)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.import_result is not None:
            self._done(dialog.import_result, ("programmes", dialog.import_result.programme_id))

    def import_json(self, path: Path) -> None:
        small = is_small(path)

        def previewed(preview) -> None:
            box = QMessageBox(self.window)
            box.setObjectName("jsonImportPrompt")
            box.setIcon(QMessageBox.Icon.Question)
            box.setWindowTitle(self.tr("Import a full export"))
            box.setText(self.tr("Import %1?").replace("%1", path.name))
            box.setInformativeText(
                "\n".join(preview.lines())
                + "\n\n"
                + self.tr(
                    "Records are merged by identifier: existing ones are replaced by the file's version. "
                    "Everything is written at once, or nothing."
                )
            )
            box.setStandardButtons(
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel
            )
            box.button(QMessageBox.StandardButton.Yes).setText(self.tr("Import"))
            box.setDefaultButton(QMessageBox.StandardButton.Cancel)
            if box.exec() != QMessageBox.StandardButton.Yes:
                return
            self._operation(
                self.tr("Importing…"),
                lambda ctx: _apply(preview, _reporting(ctx)),
                small,
            ).success(self._done).run()

        self._operation(
            self.tr("Reading %1…").replace("%1", path.name),
            lambda ctx: _preview(path, _reporting(ctx)),
            small,
        ).success(previewed).run()

    def _operation(self, text: str, work, small: bool) -> Operation:
        return (
            Operation(self.window, text, work)
            .title(self.tr("Import"))
            .database(self.location)
            .inline(small)
        )


# The JSON reader and the exchange modules load with the first import, not with the window.
def _preview(path: Path, reporting: Any) -> Any:
    from relations_app.exchange import preview_json_file

    return preview_json_file(path, reporting)


def _apply(preview: Any, reporting: Any) -> Any:
    from relations_app.exchange import apply_json
    from relations_app.exchange.safe_import import import_with_copy

    return import_with_copy(lambda: apply_json(preview, reporting)).result
