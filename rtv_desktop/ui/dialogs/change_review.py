"""A dialog listing what changed in a workbook since it was exported, to accept or cancel."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView, QDialog, QDialogButtonBox, QHeaderView, QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout,
)

HEADERS = ("Field", "Exported value", "Value now")
MAX_LISTED = 12


class ChangeReviewDialog(QDialog):
    """Read-only table of changes (field, exported value, value now) with Accept / Cancel.

    Parameters
    ----------
    changes : list of Change
        From ``WorkbookImport.changes`` (each has ``field``, ``old_text``, ``new_text``).
    """

    def __init__(self, changes, parent=None, overrides=()) -> None:
        super().__init__(parent)
        self.setObjectName("dialog.change_review")
        self.setWindowTitle("Changes in the workbook")
        self.changes = list(changes)
        self.overrides = list(overrides)
        layout = QVBoxLayout(self)
        self.explanation = QLabel(self._explanation())
        self.explanation.setWordWrap(True)
        layout.addWidget(self.explanation)
        self.table = self._table()
        layout.addWidget(self.table)
        self.overrides_label = QLabel(self._overrides_text())
        self.overrides_label.setObjectName("change_review.overrides")
        self.overrides_label.setWordWrap(True)
        self.overrides_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.overrides_label.setStyleSheet("background: #FFF4D6; border-left: 4px solid #FFB81C; padding: 6px;")
        self.overrides_label.setVisible(bool(self.overrides))
        layout.addWidget(self.overrides_label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Accept changes")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        layout.addWidget(buttons)
        self.resize(760, 420)

    def _explanation(self) -> str:
        if not self.changes:
            return "No inputs changed since this workbook was exported from RtV Desktop."
        count = sum(not change.is_event for change in self.changes)
        rows = "the Interventions rows were moved or reordered"
        what = (f"{count} input(s) changed" + (f" and {rows}" if count < len(self.changes) else "") if count else
                rows[0].upper() + rows[1:])
        return (f"{what} in the workbook since RtV Desktop exported it. Accept to open the scenario with these "
                "values, or Cancel to keep what is open now.")

    def _overrides_text(self) -> str:
        if not self.overrides:
            return ""
        lines = [f"Warning: {len(self.overrides)} formula(s) written by RtV Desktop were replaced in Excel. "
                 "The app recomputes them from the inputs, so these values are not used:"]
        lines += [f"\u2022 {problem}" for problem in self.overrides[:MAX_LISTED]]
        if len(self.overrides) > MAX_LISTED:
            lines.append(f"... and {len(self.overrides) - MAX_LISTED} more (rtv-desktop check lists them all).")
        return "\n".join(lines)

    def _table(self) -> QTableWidget:
        table = QTableWidget(len(self.changes), len(HEADERS), self)
        table.setObjectName("change_review.table")
        table.setHorizontalHeaderLabels(HEADERS)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        for row, change in enumerate(self.changes):
            for col, text in enumerate((change.field, change.old_text, change.new_text)):
                table.setItem(row, col, QTableWidgetItem(text))
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        table.verticalHeader().setVisible(False)
        return table
