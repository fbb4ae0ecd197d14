"""The change-review dialog lists each change read-only, with Accept and Cancel."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QDialog, QDialogButtonBox

from rtv_desktop.io.workbook.read.changes import MOVED, REORDERED, REORDERED_TEXT, Change
from rtv_desktop.ui.dialogs.change_review import ChangeReviewDialog

CHANGES = [Change("area.population", 1_000_000.0, 250_000.0, "Population (all ages)", None, "persons"),
           Change("options[0].interventions[1].reach", 0.005, 0.01, "Option 'Six approaches', Peer support: Reach per "
                  "year", 0, "fine_fraction"),
           Change("options[0].interventions[6].name", None, "New group", "Option 'Six approaches', New group: Name", 0,
                  "text")]


def test_table_lists_field_old_and_new(qtbot):
    dialog = ChangeReviewDialog(CHANGES)
    qtbot.addWidget(dialog)
    table = dialog.table
    assert table.rowCount() == 3
    assert [table.horizontalHeaderItem(c).text() for c in range(3)] == ["Field", "Exported value", "Value now"]
    # Worded as on screen, never a path; values in the units the input is typed in.
    assert [table.item(0, c).text() for c in range(3)] == ["Population (all ages)", "1,000,000", "250,000"]
    assert [table.item(1, c).text() for c in range(3)] == [CHANGES[1].label, "0.5%", "1%"]
    assert table.item(2, 1).text() == "(none)"
    assert table.editTriggers() == QAbstractItemView.EditTrigger.NoEditTriggers
    assert "3 input(s) changed" in dialog.explanation.text()


def test_accept_and_cancel(qtbot):
    dialog = ChangeReviewDialog(CHANGES)
    qtbot.addWidget(dialog)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    other = ChangeReviewDialog([])
    qtbot.addWidget(other)
    other.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
    assert other.result() == QDialog.DialogCode.Rejected
    assert "No inputs changed" in other.explanation.text()


def test_rows_moved_or_reordered_are_one_line_each_not_an_input_changed(qtbot):
    """A sort is one line with nothing in the value columns; a move shows the options it left and joined."""
    events = [Change("options", None, None, REORDERED_TEXT, None, REORDERED),
              Change("options[1].interventions[2]", "Full mix", "Core", "Peer support moved from option 'Full mix' to "
                     "option 'Core'", 1, MOVED)]
    dialog = ChangeReviewDialog(events)
    qtbot.addWidget(dialog)
    table = dialog.table
    assert [table.item(0, c).text() for c in range(3)] == [REORDERED_TEXT, "", ""]
    assert [table.item(1, c).text() for c in range(3)] == [events[1].label, "Full mix", "Core"]
    assert dialog.explanation.text().startswith("The Interventions rows were moved or reordered in the workbook since")
    both = ChangeReviewDialog(events + CHANGES[:1])
    qtbot.addWidget(both)
    assert both.explanation.text().startswith("1 input(s) changed and the Interventions rows were moved or reordered")
