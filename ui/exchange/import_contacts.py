"""Importing contacts from a CSV or XLSX file, with a preview of every row.

The dialog reads the file (:func:`relations_app.exchange.read_table`, the encoding detected
or chosen), proposes the column mapping (:func:`propose_mapping`, one combo per target
field), and shows every row as :func:`preview_contacts` sees it: its French errors, the
existing contacts it looks like ("ressemble à Noémie Giguère (même courriel)"), and a
decision combo (merge into one of the look-alikes, create, update one of them, skip) set to
the proposed decision: a same e-mail merged, a row that only looks like someone left to
choose ("Merge or create?"), which Import waits for; "Merge all" and "Create all" decide
every look-alike at once.  Importer writes the decisions in one transaction
(:func:`apply_contacts`): a row with errors that is not skipped makes the domain refuse
everything, naming the line and the field.  Big files are read, previewed and written off
the GUI thread.  (A ``lecture`` login has no import, hence no merge.)
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from relations_app.exchange import (
    ContactImportPlan,
    ExchangeError,
    RowDecision,
    SourceTable,
    apply_contacts,
    preview_contacts,
    propose_mapping,
    read_table,
)
from relations_app.exchange.contacts_mapping import TARGETS
from relations_app.exchange.safe_import import import_with_copy
from relations_app.location import DatabaseLocation

from ..kit.busy import Operation, is_small
from ..kit.faults import error_text, show_error
from ..kit.form import ERROR_STYLE, compact_combo
from ..kit.keyboard import free_tab_in, give_dialog_access_keys
from ..kit.screen import fit_to_screen

ERROR_BRUSH = QBrush(QColor("#f9d6db"))
DUPLICATE_BRUSH = QBrush(QColor("#fff1c9"))
COLUMNS = 7  # line, name, e-mail, organisation, problems, look-alikes, decision
COLUMN_WIDTHS = {0: 44, 1: 150, 2: 200, 3: 180, 5: 230, 6: 260}  # problems (4) takes the rest


class ContactsImportDialog(QDialog):
    def __init__(
        self, path: Path, parent: QWidget | None = None, location: DatabaseLocation | None = None
    ) -> None:
        super().__init__(parent)
        self.path = Path(path)
        self.location = location
        self.source: SourceTable | None = None
        self.plan: ContactImportPlan | None = None
        self.import_result = None  # the ContactImportResult once imported
        self.setObjectName("contactsImportDialog")
        self.setWindowTitle(self.tr("Import contacts: %1").replace("%1", self.path.name))
        fit_to_screen(self, 1280, 720)
        layout = QVBoxLayout(self)

        top = QFormLayout()
        self.file_label = QLabel(self)
        self.file_label.setObjectName("importFileInfo")
        self.file_label.setWordWrap(True)
        top.addRow(self.tr("File"), self.file_label)
        self.encoding = QComboBox(self)
        self.encoding.setObjectName("importEncoding")
        self.encoding.setAccessibleName(self.tr("Encoding of the file"))
        self.encoding.addItem(self.tr("Detect automatically"), None)
        self.encoding.addItem("UTF-8", "utf-8-sig")
        self.encoding.addItem("Windows-1252 (Excel)", "cp1252")
        self.encoding.setEnabled(self.path.suffix.lower() != ".xlsx")
        encoding_label = QLabel(self.tr("&Encoding"), self)
        encoding_label.setBuddy(self.encoding)
        top.addRow(encoding_label, self.encoding)
        layout.addLayout(top)

        mapping_box = QGroupBox(self.tr("Which column holds what"), self)
        grid = QGridLayout(mapping_box)
        self.mapping_combos: dict[str, QComboBox] = {}
        for n, (target, _label) in enumerate(TARGETS.items()):
            combo = QComboBox(mapping_box)
            compact_combo(combo, 16)
            combo.setObjectName(f"mapping_{target}")
            combo.setAccessibleName(
                self.tr("Column for %1").replace("%1", self.target_label(target))
            )
            text = QLabel(
                self.target_label(target) + (" *" if target == "family_name" else ""), mapping_box
            )
            text.setBuddy(combo)
            grid.addWidget(text, n // 4, (n % 4) * 2, Qt.AlignmentFlag.AlignRight)
            grid.addWidget(combo, n // 4, (n % 4) * 2 + 1)
            self.mapping_combos[target] = combo
            combo.currentIndexChanged.connect(lambda _i: self.preview())
        for column in range(4):
            grid.setColumnStretch(column * 2 + 1, 1)
        layout.addWidget(mapping_box)

        self.problem = QLabel(self)
        self.problem.setObjectName("importProblem")
        self.problem.setStyleSheet(ERROR_STYLE)
        self.problem.setWordWrap(True)
        self.problem.hide()
        layout.addWidget(self.problem)

        self.table = QTableWidget(0, COLUMNS, self)
        self.table.setObjectName("importRows")
        self.table.setAccessibleName(self.tr("Rows of the file"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Line"),
                self.tr("Name"),
                self.tr("E-mail"),
                self.tr("Organisation"),
                self.tr("Problems"),
                self.tr("Looks like"),
                self.tr("Decision"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(40)
        for column, width in COLUMN_WIDTHS.items():
            self.table.setColumnWidth(column, width)
        header.sectionResized.connect(lambda *_a: self.table.resizeRowsToContents())
        layout.addWidget(self.table, 1)

        bottom = QHBoxLayout()
        self.merge_all_button = QPushButton(self.tr("&Merge all look-alikes"), self)
        self.merge_all_button.setObjectName("mergeAllLookAlikes")
        self.merge_all_button.setToolTip(
            self.tr(
                "Merge every row that looks like an existing contact into it: its blank "
                "fields are filled, a different e-mail or phone is kept in its notes"
            )
        )
        self.merge_all_button.clicked.connect(lambda: self.decide_look_alikes("merge"))
        bottom.addWidget(self.merge_all_button)
        self.create_all_button = QPushButton(self.tr("C&reate all look-alikes"), self)
        self.create_all_button.setObjectName("createAllLookAlikes")
        self.create_all_button.setToolTip(
            self.tr("Create a new contact for every row that looks like an existing one")
        )
        self.create_all_button.clicked.connect(lambda: self.decide_look_alikes("create"))
        bottom.addWidget(self.create_all_button)
        self.use_existing_organisations = QCheckBox(
            self.tr("Put people at the existing organisations their column looks like"), self
        )
        self.use_existing_organisations.setObjectName("useExistingOrganisations")
        self.use_existing_organisations.setToolTip(
            self.tr(
                "Unticked: an organisation named otherwise than an existing one that looks "
                "like it is created as the file names it"
            )
        )
        self.use_existing_organisations.setChecked(True)
        bottom.addWidget(self.use_existing_organisations)
        self.counts = QLabel(self)
        self.counts.setObjectName("importCounts")
        bottom.addWidget(self.counts, 1)
        buttons = QDialogButtonBox(self)
        self.import_button = QPushButton(self.tr("&Import"), self)
        self.import_button.setObjectName("importButton")
        self.import_button.setDefault(True)
        buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.rejected.connect(self.reject)
        self.import_button.clicked.connect(self.import_rows)
        bottom.addWidget(buttons)
        layout.addLayout(bottom)

        free_tab_in(self)  # Tab leaves the rows' table (its decisions: arrows, then Tab)
        give_dialog_access_keys(self)  # Alt+letter for each column's field, none twice
        self.encoding.currentIndexChanged.connect(lambda _i: self.read())
        self._update_counts()
        if is_small(self.path):
            self.read()
        else:  # read once the dialog shows, its busy dialog above it
            QTimer.singleShot(0, self.read)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        QTimer.singleShot(0, self.table.resizeRowsToContents)  # once the columns have their width

    def target_label(self, target: str) -> str:
        return {
            "family_name": self.tr("Family name"),
            "given_name": self.tr("Given name"),
            "email": self.tr("E-mail"),
            "phone": self.tr("Phone"),
            "function": self.tr("Function"),
            "organisation": self.tr("Organisation"),
            "country": self.tr("Country"),
            "notes": self.tr("Notes"),
        }.get(target, TARGETS.get(target, target))

    # -- reading and previewing ----------------------------------------------------------

    def _in_background(self, work, done) -> None:
        """``done(work())``: on the GUI thread for small files, else with a busy dialog."""
        small = is_small(self.path)
        if not small:
            self.import_button.setEnabled(False)  # until the new preview is shown
        (
            Operation(self, self.tr("Reading %1…").replace("%1", self.path.name), work)
            .database(self.location)
            .success(done)
            .failure(self._show_problem)
            .inline(small)
            .run()
        )

    def _show_problem(self, exc: Exception) -> None:
        text = error_text(exc, self.location)
        if text is None:
            show_error(self, self.tr("Import contacts"), exc, self.location)
            return
        self.plan = None
        self.problem.setText(text)
        self.problem.show()
        self.table.setRowCount(0)
        self._update_counts()

    def read(self) -> None:
        """(Re)read the file with the chosen encoding, then propose the mapping and preview."""
        encoding = self.encoding.currentData()
        path = self.path

        def work(_ctx):
            source = read_table(path, encoding=encoding)
            mapping = propose_mapping(source.headers)
            return source, mapping, _preview_or_error(source, mapping)

        self._in_background(work, self._read_done)

    def _read_done(self, result) -> None:
        self.source, mapping, preview = result
        self.file_label.setText(f"{self.path}\n{self.source.describe()}")
        if self.source.encoding:
            shown = "Windows-1252" if self.source.encoding == "cp1252" else "UTF-8"
            self.encoding.setItemText(0, self.tr("Detect automatically (%1)").replace("%1", shown))
        for target, combo in self.mapping_combos.items():
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(self.tr("— not imported —"), None)
            for index, header in enumerate(self.source.headers):
                combo.addItem(f"{index + 1}. {header}" if header else f"{index + 1}.", index)
            chosen = next((i for i, t in mapping.items() if t == target), None)
            combo.setCurrentIndex(max(0, combo.findData(chosen)) if chosen is not None else 0)
            combo.blockSignals(False)
        self._show_preview(preview)

    def mapping(self) -> dict[int, str]:
        """The chosen mapping; a French ExchangeError when one column is chosen twice."""
        mapping: dict[int, str] = {}
        for target, combo in self.mapping_combos.items():
            index = combo.currentData()
            if index is None:
                continue
            if index in mapping:
                raise ExchangeError(
                    self.tr("Column “%1” is chosen for both %2 and %3.")
                    .replace("%1", self.source.headers[index])
                    .replace("%2", self.target_label(mapping[index]))
                    .replace("%3", self.target_label(target))
                )
            mapping[index] = target
        return mapping

    def preview(self) -> None:
        if self.source is None:
            return
        try:
            mapping = self.mapping()
        except ExchangeError as exc:
            self._show_problem(exc)
            return
        source = self.source
        self._in_background(lambda _ctx: _preview_or_error(source, mapping), self._show_preview)

    def _show_preview(self, preview) -> None:
        if isinstance(preview, Exception):
            self._show_problem(preview)
            return
        self.plan = preview
        self.problem.hide()
        rows = preview.rows
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            problems = [str(issue) for issue in row.errors]
            if row.same_as_line:
                problems.append(
                    self.tr("same person as line %1").replace("%1", str(row.same_as_line))
                )
            known = "\n".join(
                [d.flag() + (f" — {d.email}" if d.email else "") for d in row.duplicates[:3]]
                + ([row.organisation_flag()] if row.organisation_alike else [])
            )
            cells = [
                str(row.line),
                row.name,
                row.values.get("email", ""),
                row.values.get("organisation", ""),
                "\n".join(problems),
                known,
            ]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if row.errors:
                    item.setBackground(ERROR_BRUSH)
                elif row.duplicates or row.same_as_line or row.organisation_alike:
                    item.setBackground(DUPLICATE_BRUSH)
                if c == 0:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(r, c, item)
            self.table.setCellWidget(r, 6, self._decision_combo(row))
        self.table.resizeRowsToContents()
        self._update_counts()

    def _decision_combo(self, row) -> QComboBox:
        combo = QComboBox(self.table)
        combo.setObjectName(f"decision_{row.line}")
        combo.setAccessibleName(self.tr("Decision for line %1").replace("%1", str(row.line)))
        if row.proposed == "ask":
            combo.addItem(self.tr("Merge or create? (choose)"), _key("ask"))
        if row.look_alike:
            for candidate in row.duplicates:
                combo.addItem(
                    self.tr("Merge into %1").replace("%1", candidate.name),
                    _key("merge", candidate.contact_id),
                )
        combo.addItem(self.tr("Create a new contact"), _key("create"))
        for candidate in row.duplicates:
            combo.addItem(
                self.tr("Update %1 (the file's values replace)").replace("%1", candidate.name),
                _key("update", candidate.contact_id),
            )
        combo.addItem(self.tr("Skip"), _key("skip"))
        wanted = _key(row.proposed, row.target_id if row.proposed in ("update", "merge") else None)
        combo.setCurrentIndex(max(0, combo.findData(wanted)))
        combo.currentIndexChanged.connect(lambda _i: self._update_counts())
        return combo

    def decisions(self) -> dict[int, RowDecision]:
        result: dict[int, RowDecision] = {}
        if self.plan is None:
            return result
        for r, row in enumerate(self.plan.rows):
            action, _, target = self.table.cellWidget(r, 6).currentData().partition(":")
            result[row.line] = RowDecision(action, target or None)
        return result

    def set_decision(self, line: int, action: str, target_id: str | None = None) -> None:
        """Choose a row's decision (as a user would in its combo)."""
        row = next(r for r, item in enumerate(self.plan.rows) if item.line == line)
        combo = self.table.cellWidget(row, 6)
        combo.setCurrentIndex(combo.findData(_key(action, target_id)))

    def decide_look_alikes(self, choice: str) -> None:
        """Every row that looks like an existing contact: merged into its closest
        look-alike, or created ("Merge all", "Create all")."""
        if self.plan is None:
            return
        for r, row in enumerate(self.plan.rows):
            if not row.look_alike:
                continue
            target = row.target_id or row.duplicates[0].contact_id
            combo = self.table.cellWidget(r, 6)
            assert isinstance(combo, QComboBox)
            combo.setCurrentIndex(
                combo.findData(_key("merge", target) if choice == "merge" else _key("create"))
            )

    def _update_counts(self) -> None:
        look_alikes = bool(self.plan and self.plan.look_alikes())
        self.use_existing_organisations.setVisible(
            bool(self.plan and self.plan.organisation_look_alikes())
        )
        self.merge_all_button.setVisible(look_alikes)
        self.create_all_button.setVisible(look_alikes)
        if self.plan is None:
            self.counts.setText("")
            self.import_button.setEnabled(False)
            return
        counts = {"create": 0, "merge": 0, "update": 0, "skip": 0, "ask": 0}
        for decision in self.decisions().values():
            counts[decision.action] += 1
        errors = self.plan.error_count
        text = (
            self.tr("To create: %1 · to merge: %2 · to update: %3 · skipped: %4")
            .replace("%1", str(counts["create"]))
            .replace("%2", str(counts["merge"]))
            .replace("%3", str(counts["update"]))
            .replace("%4", str(counts["skip"]))
        )
        if errors:
            text += " · " + self.tr("%n line(s) with errors", "", errors)
        if counts["ask"]:
            text += " · " + self.tr(
                "%n line(s) look like an existing contact: choose Merge or Create",
                "",
                counts["ask"],
            )
        self.counts.setText(text)
        self.import_button.setEnabled(
            counts["ask"] == 0 and counts["create"] + counts["merge"] + counts["update"] > 0
        )

    # -- importing -----------------------------------------------------------------------

    def import_rows(self) -> None:
        if self.plan is None:
            return
        plan, decisions = self.plan, self.decisions()
        organisations = "merge" if self.use_existing_organisations.isChecked() else "create"

        def work(_ctx):
            return import_with_copy(lambda: apply_contacts(plan, decisions, organisations)).result

        (
            Operation(self, self.tr("Importing…"), work)
            .database(self.location)
            .success(self._imported)
            .failure(self._refused)
            .inline(is_small(self.path))
            .run()
        )

    def _refused(self, exc: Exception) -> None:
        show_error(self, self.tr("Import refused"), exc, self.location, name="importRefused")

    def _imported(self, result) -> None:
        self.import_result = result
        self.accept()


def _key(action: str, target_id: str | None = None) -> str:
    """A decision as combo data: "create", "skip", "update:<contact id>"."""
    return f"{action}:{target_id}" if target_id else action


def _preview_or_error(source: SourceTable, mapping: dict[int, str]):
    """The preview, or the ExchangeError of an unusable mapping (shown in the dialog)."""
    try:
        return preview_contacts(source, mapping)
    except ExchangeError as exc:
        return exc
